/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c - the input loop, terminal set-up and restore, and the one dispatch to the views. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "store.h"
#include "tui.h"
#include "tui_day.h"
#include "tui_form.h"
#include "tui_report.h"
#include "tui_search.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_view.h"
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

/* The views, by enum tui_view: the one place that knows them all. */
static const struct tui_view_ops *const views[VIEW_COUNT] = {
	[VIEW_DAY] = &tui_day_view,
	[VIEW_SEARCH] = &tui_search_view,
	[VIEW_AMOUNT] = &tui_amount_view,
	[VIEW_FORM] = &tui_form_view,
	[VIEW_HELP] = &tui_help_view,
	[VIEW_PROMPT] = &tui_prompt_view,
	[VIEW_PICK] = &tui_pick_view,
	[VIEW_WEEK] = &tui_week_view,
	[VIEW_TREND] = &tui_trend_view,
};

/* The data changed: every view reloads (the day first: the others use its targets). */
static void
reload(struct tui *t)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		if (views[v] && views[v]->reload)
			views[v]->reload(t);
}

/* Shows view v if it opens; the view left behind then closes. */
static void
switch_view(struct tui *t, enum tui_view v)
{
	const struct tui_view_ops *from = views[t->view], *to = views[v];

	if (v == VIEW_NONE || v == t->view || !to)
		return;
	if (to->open && !to->open(t, t->view))
		return;
	if (from && from->close)
		from->close(t, v);
	t->view = v;
}

/* Does what a view's key or click asked. */
static void
follow(struct tui *t, struct tui_next next)
{
	if (next.quit)
		t->quit = true;
	switch_view(t, next.view);
	if (next.reload)
		reload(t);
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
	{
		const struct tui_view_ops *v = views[t->view];

		if (v->under != VIEW_NONE)
			views[v->under]->draw(t);
		v->draw(t);
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

	if (getmouse(&ev) != OK)
		return;
	twice = ev.bstate & BUTTON1_DOUBLE_CLICKED;
	if (views[t->view]->click)
		follow(t, views[t->view]->click(t, ev.y, ev.x, twice));
}

static void
handle_key(struct tui *t, int rc, wint_t ch)
{
	bool keycode = rc == KEY_CODE_YES;
	int key = keycode ? TUI_KEYCODE(ch) : (int)ch;
	struct tui_key k;

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
	k.key = key;
	k.keycode = keycode;
	k.ch = ch;
	k.action = tui_action_for(views[t->view]->keys, key);
	follow(t, views[t->view]->key(t, &k));
}

/* Reloads the day when another nutrack changed the database. */
static void
check_outside_changes(struct tui *t)
{
	long long v = nt_store_data_version(t->app->store);

	if (v != t->data_version) {
		/* Reload whatever the view: the help or a search may be on top. */
		t->data_version = v;
		reload(t);
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
	t->view = VIEW_DAY;
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
	reload(t);
	/* First run: ask for the profile once; it can be skipped. */
	if (!t->sum.profile.is_set &&
	    nt_store_meta_get(a->store, "tui_profile_asked", val, sizeof val, NULL) != NT_OK) {
		t->first_run = true;
		switch_view(t, VIEW_FORM);
	}

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
	tui_state_fini(t);
	free(t);
	return stop_signal ? 128 + stop_signal : 0;
}
