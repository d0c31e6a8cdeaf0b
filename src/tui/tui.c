/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c - the input loop, terminal set-up and restore, undo, messages. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "store.h"
#include "text.h"
#include "tui.h"
#include "tui_priv.h"
#include "tui_theme.h"
#include "tui_width.h"

static volatile sig_atomic_t stop_signal;
static bool curses_on;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

/* Restores the terminal on a crash we can catch, then dies as before. */
static void
on_crash(int sig)
{
	if (curses_on)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
restore_terminal(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
}

/*
 * Every signal whose default action ends the process restores the terminal
 * first (left alternate screen, mouse tracking off, modes as they were).
 * Those another process sends stop the input loop, which restores the
 * terminal and closes the database as q does; the program then exits with
 * 128 + the signal, as if it had died of it.  Faults (a crash) restore it
 * in the handler and die as before.
 */
static const int stop_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM,
	SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP};

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop; /* no SA_RESTART: get_wch returns to the loop */
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		sigaction(stop_signals[i], &sa, NULL);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaction(sig, &sa, NULL);
#endif
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
		sigaction(crash_signals[i], &sa, NULL);
}

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	char raw[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	nt_text_sanitize(raw, t->msg, sizeof t->msg);
	t->msg_error = error;
}

void
tui_undo_push(struct tui *t, enum undo_kind kind, const struct nt_entry *before)
{
	struct undo *u;

	if (t->nundo == TUI_UNDO_MAX) {
		nt_entry_fini(&t->undo[0].before);
		memmove(&t->undo[0], &t->undo[1], (TUI_UNDO_MAX - 1) * sizeof *t->undo);
		t->nundo--;
	}
	u = &t->undo[t->nundo];
	u->kind = kind;
	u->before = *before;
	/* Own copies of the strings; without them there is nothing to undo with. */
	u->before.food_name = before->food_name ? strdup(before->food_name) : NULL;
	u->before.amount = before->amount ? strdup(before->amount) : NULL;
	if ((before->food_name && !u->before.food_name) || (before->amount && !u->before.amount)) {
		nt_entry_fini(&u->before);
		tui_message(t, true, "Out of memory: this change cannot be undone.");
		return;
	}
	t->nundo++;
}

static void
undo_last(struct tui *t)
{
	struct undo *u;
	struct nt_err err;
	enum nt_status st = NT_OK;
	const char *what = "";

	if (t->nundo == 0) {
		tui_message(t, false, "Nothing to undo.");
		return;
	}
	u = &t->undo[--t->nundo];
	switch (u->kind) {
	case UNDO_ADD:
		st = nt_journal_remove(t->app->store, u->before.id, &err);
		what = "adding";
		break;
	case UNDO_REMOVE:
		st = nt_journal_restore(t->app->store, &u->before, &err);
		what = "deleting";
		break;
	case UNDO_UPDATE: {
		struct nt_entry now;
		const char *amount = u->before.amount;

		/* a move back leaves the amount as stored, whatever its text */
		if (nt_journal_get(t->app->store, u->before.id, &now, NULL) == NT_OK) {
			if (now.mg == u->before.mg && now.amount && amount &&
			    !strcmp(now.amount, amount))
				amount = NULL;
			nt_entry_fini(&now);
		}
		st = nt_journal_update(t->app->store, u->before.id, u->before.day, t->app->today,
		                       u->before.meal, amount, u->before.mg, NULL, &err);
		if (st == NT_OK)
			st = nt_journal_set_planned(t->app->store, u->before.id, u->before.planned, &err);
		what = "changing";
		break;
	}
	}
	if (st)
		tui_message(t, true, "Cannot undo: %s", nt_err_text(&err, st));
	else
		tui_message(t, false, "Undid %s %s.", what,
		            u->before.food_name ? u->before.food_name : "an entry");
	if (st == NT_OK && u->kind != UNDO_ADD)
		t->day = u->before.day; /* show where the entry went back to */
	nt_entry_fini(&u->before);
	tui_day_load(t);
}

static void
draw(struct tui *t)
{
	erase();
	if (t->lay.too_small) {
		/* One line that fits, never garbage; recovers on resize. */
		tui_put(stdscr, 0, 0, "terminal too small", t->lay.cols);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	switch (t->view) {
	case VIEW_DAY:
		tui_day_draw(t);
		break;
	case VIEW_SEARCH:
		tui_search_draw(t);
		break;
	case VIEW_AMOUNT:
		tui_amount_draw(t);
		break;
	case VIEW_FORM:
		tui_form_draw(t);
		break;
	case VIEW_HELP:
		tui_help_draw(t);
		break;
	case VIEW_PROMPT:
		tui_prompt_draw(t);
		break;
	case VIEW_PICK:
		tui_pick_draw(t);
		break;
	case VIEW_WEEK:
		tui_week_draw(t);
		break;
	case VIEW_TREND:
		tui_trend_draw(t);
		break;
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void
relayout(struct tui *t)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	tui_layout_compute(rows, cols, &t->lay);
}

/*
 * A click selects the row under it (day list, search results, portions);
 * a double click, or a click on the row already selected, acts like Enter.
 */
static void
handle_mouse(struct tui *t)
{
	MEVENT ev;
	bool twice;
	int row;

	if (getmouse(&ev) != OK)
		return;
	twice = ev.bstate & BUTTON1_DOUBLE_CLICKED;
	switch (t->view) {
	case VIEW_DAY:
		row = t->top + ev.y - t->lay.list_y;
		if (ev.y < t->lay.list_y || ev.y >= t->lay.list_y + t->lay.list_h || row >= t->nrows)
			return;
		twice |= row == t->sel;
		t->sel = row;
		if (twice)
			tui_day_key(t, t->rows[row].kind == ROW_ENTRY ? TA_EDIT : TA_ADD);
		break;
	case VIEW_SEARCH:
		row = t->rtop + ev.y - t->lay.results_y;
		if (ev.y < t->lay.results_y || row >= (int)t->res.n)
			return;
		twice |= row == t->rsel;
		t->rsel = row;
		if (twice)
			tui_search_key(t, '\n', false, '\n');
		break;
	case VIEW_AMOUNT:
		row = ev.y - t->lay.portions_y;
		if (row < 0 || row >= t->lay.portions_h || !t->food)
			return;
		row += tui_scroll(t->psel < 0 ? 0 : t->psel, 0, t->lay.portions_h,
		                  (int)t->food->n_portions);
		if (row >= (int)t->food->n_portions)
			return;
		twice |= row == t->psel;
		/* select through the keys so the amount text follows */
		while (t->psel < row)
			tui_amount_key(t, TUI_KEYCODE(KEY_DOWN), true, KEY_DOWN);
		while (t->psel > row)
			tui_amount_key(t, TUI_KEYCODE(KEY_UP), true, KEY_UP);
		if (twice)
			tui_amount_key(t, '\n', false, '\n');
		break;
	case VIEW_WEEK:
		tui_week_click(t, ev.y, ev.x, twice);
		break;
	default:
		break;
	}
}

static void
handle_key(struct tui *t, int rc, wint_t ch)
{
	bool keycode = rc == KEY_CODE_YES;
	int key = keycode ? TUI_KEYCODE(ch) : (int)ch;
	enum tui_action a;

	if (!keycode || ch != KEY_RESIZE)
		t->msg[0] = '\0';
	if (keycode && ch == KEY_RESIZE) {
		relayout(t);
		return;
	}
	if (keycode && ch == KEY_MOUSE) {
		if (!t->lay.too_small)
			handle_mouse(t);
		return;
	}
	if (t->lay.too_small) {
		if (!keycode && (ch == 'q' || ch == 3))
			t->quit = true;
		return;
	}
	if (tui_action_for(~0u, key) == TA_REDRAW) { /* in every view */
		clearok(curscr, TRUE);
		return;
	}
	switch (t->view) {
	case VIEW_DAY:
		a = tui_action_for(TV_DAY, key);
		if (a == TA_UNDO)
			undo_last(t);
		else
			tui_day_key(t, a);
		break;
	case VIEW_SEARCH:
		tui_search_key(t, key, keycode, ch);
		break;
	case VIEW_AMOUNT:
		tui_amount_key(t, key, keycode, ch);
		break;
	case VIEW_FORM:
		tui_form_key(t, key, keycode, ch);
		break;
	case VIEW_PROMPT:
		tui_prompt_key(t, key, keycode, ch);
		break;
	case VIEW_PICK:
		tui_pick_key(t, key);
		break;
	case VIEW_WEEK:
		tui_week_key(t, tui_action_for(TV_WEEK, key));
		break;
	case VIEW_TREND:
		tui_trend_key(t, tui_action_for(TV_TREND, key));
		break;
	case VIEW_HELP:
		a = tui_action_for(TV_HELP, key);
		if (a == TA_BACK || a == TA_QUIT)
			t->view = t->help_back;
		else if (a == TA_UP || a == TA_DOWN)
			t->help_top += a == TA_UP ? -1 : 1;
		else if (a == TA_PAGE_UP || a == TA_PAGE_DOWN)
			t->help_top += (a == TA_PAGE_UP ? -1 : 1) * (t->lay.status_y - 2);
		else if (a == TA_FIRST)
			t->help_top = 0;
		else if (a == TA_LAST)
			t->help_top = t->help_lines;
		break;
	}
}

/* Reloads the day when another nutrack changed the database. */
static void
check_outside_changes(struct tui *t)
{
	long long v = nt_store_data_version(t->app->store);

	if (v != t->data_version) {
		/* Reload whatever the view: the help or a search may be on top. */
		t->data_version = v;
		tui_day_load(t);
	}
}

int
tui_run(struct app *a)
{
	struct tui *t = calloc(1, sizeof *t);
	char val[8];

	if (!t) {
		fprintf(stderr, "%s: out of memory\n", a->prog);
		return 1;
	}
	t->app = a;
	t->day = a->today;
	t->meal = NT_BREAKFAST;
	t->week_for = t->trend_for = -1;
	tui_set_utf8(a->utf8);

	install_signals();
	atexit(restore_terminal);
	if (!initscr()) {
		fprintf(stderr, "%s: cannot start the terminal interface\n", a->prog);
		free(t);
		return 1;
	}
	curses_on = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(1000); /* wake up each second to notice other nutrack windows */
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	tui_theme_init();
	relayout(t);

	t->data_version = nt_store_data_version(a->store);
	tui_day_load(t);
	/* First run: ask for the profile once; it can be skipped. */
	if (!t->profile.is_set &&
	    nt_store_meta_get(a->store, "tui_profile_asked", val, sizeof val, NULL) != NT_OK)
		tui_form_open(t, true);

	while (!t->quit && !stop_signal) {
		wint_t ch;
		int rc;

		draw(t);
		rc = get_wch(&ch);
		if (stop_signal)
			break;
		if (rc == ERR) {
			check_outside_changes(t);
			continue;
		}
		handle_key(t, rc, ch);
		check_outside_changes(t);
	}
	restore_terminal();
	for (int i = 0; i < t->nundo; i++)
		nt_entry_fini(&t->undo[i].before);
	nt_entry_list_fini(&t->entries);
	nt_suggestions_fini(&t->sugg);
	nt_search_result_fini(&t->res);
	nt_food_free(t->food);
	free(t);
	return stop_signal ? 128 + stop_signal : 0;
}
