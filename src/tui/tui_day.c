/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_day.c - the day view: meals and entries, totals bars, header and status. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "store.h"
#include "tui_chrome.h"
#include "tui_day.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_width.h"

/* The bars of the totals panel. */
static const struct {
	enum nt_measure m;
	const char *label;
} bars[] = {
	{NT_B12, "Vitamin B12"},
	{NT_OMEGA3, "Omega-3"},
	{NT_EPA_DHA, "EPA+DHA"},
	{NT_POTASSIUM, "Potassium"},
	{NT_ENERGY, "Energy"},
};

/* Rebuilds the list rows from the entries, keeping the selection in place. */

/* A short nutrient with no suggestion because a limit holds back its foods. */
static bool
held(const struct tui *t, enum nt_measure m)
{
	if (t->sum.judged[m].level != NT_LEVEL_LOW)
		return false;
	for (size_t i = 0; i < t->sugg.n; i++)
		if (t->sugg.v[i].m == m)
			return false;
	return t->sugg.held_by[m] >= 0 || (m == NT_POTASSIUM && nt_known(t->sum.judged[m].limit));
}

static bool
held_any(const struct tui *t)
{
	static const enum nt_measure ms[] = NT_SUGGEST_MEASURES;

	for (size_t k = 0; k < sizeof ms / sizeof *ms; k++)
		if (held(t, ms[k]))
			return true;
	return false;
}

static void
build_rows(struct tui *t, long long keep_id, int keep_meal)
{
	int n = 0, sel = -1;
	const int cap = (int)(sizeof t->rows / sizeof *t->rows);

	for (int m = 0; m < NT_MEAL_COUNT; m++) {
		bool any = false;

		t->rows[n++] = (struct day_row){ROW_MEAL, (enum nt_meal)m, 0};
		if (keep_id == 0 && keep_meal == m)
			sel = n - 1;
		for (size_t i = 0; i < t->sum.entries.n && n < cap - (NT_MEAL_COUNT - m) * 2; i++) {
			if ((int)t->sum.entries.v[i].meal != m)
				continue;
			if (t->sum.entries.v[i].id == keep_id)
				sel = n;
			t->rows[n++] = (struct day_row){ROW_ENTRY, (enum nt_meal)m, i};
			any = true;
		}
		if (!any)
			t->rows[n++] = (struct day_row){ROW_EMPTY, (enum nt_meal)m, 0};
	}
	/* The suggestions panel: the best food for each short nutrient, and the
	 * short ones a limit leaves without any. */
	if (t->sugg.n || held_any(t)) {
		static const enum nt_measure ms[] = NT_SUGGEST_MEASURES;

		t->rows[n++] = (struct day_row){ROW_SUGGEST_TITLE, NT_SNACK, 0};
		for (size_t i = 0; i < t->sugg.n && n < cap; i++)
			t->rows[n++] = (struct day_row){ROW_SUGGEST, NT_SNACK, i};
		for (size_t k = 0; k < sizeof ms / sizeof *ms && n < cap; k++)
			if (held(t, ms[k]))
				t->rows[n++] = (struct day_row){ROW_HELD, NT_SNACK, (size_t)ms[k]};
	}
	t->nrows = n;
	if (sel >= 0)
		t->sel = sel;
	if (t->sel >= n)
		t->sel = n - 1;
	if (t->sel < 0)
		t->sel = 0;
}

/* Loads the day (the core's summary, as the CLI's "day" shows it) and its suggestions. */
static void
day_load(struct tui *t)
{
	const struct nt_entry *cur = tui_selected_entry(t);
	long long keep_id = cur ? cur->id : 0;
	int keep_meal = t->nrows ? (int)t->rows[t->sel].meal : -1;
	struct nt_err err;
	enum nt_status st;

	nt_day_summary_fini(&t->sum);
	if ((st = nt_day_summary_load(t->app->store, t->day, &t->sum, &err)))
		tui_message(t, true, "%s", nt_err_text(&err, st));
	nt_suggestions_fini(&t->sugg);
	if (t->sum.eaten > 0 &&
	    (st = nt_suggest(t->app->store, &t->sum.profile, t->sum.gaps, 1, &t->sugg, &err)))
		tui_message(t, true, "%s", nt_err_text(&err, st));
	build_rows(t, keep_id, keep_meal);
	t->loads++; /* the week and trend views reload */
}

/* Logs a suggestion to the meal last selected (planned on a future day). */
static void
log_suggestion(struct tui *t, const struct nt_suggestion *sg)
{
	struct nt_entry added = {0};
	struct nt_err err;
	enum nt_status st;
	long long id, mg = nt_grams_to_mg(sg->grams);
	bool plan = false;

	st = nt_journal_log(t->app->store, t->app->today, t->day, t->add_meal, sg->food_id,
	                    sg->amount, mg, &plan, &id, &err);
	if (st) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return;
	}
	added.id = id;
	added.food_name = sg->name;
	tui_undo_push(t, UNDO_ADD, &added);
	tui_message(t, false, "%s %s %s at %s.", plan ? "Planned" : "Logged", sg->amount, sg->name,
	            nt_meal_name(t->add_meal));
	day_load(t);
}

/* "Vitamin B12  ██████▌        2.18 / 2.4 µg   90% LOW" */
static void
draw_bar(struct tui *t, int y, enum nt_measure m, const char *label)
{
	const struct nt_judgement *j = &t->sum.judged[m];
	const struct tui_layout *l = &t->lay;
	static const char *const eighths[] = {"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
	                                      "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
	                                      "\xe2\x96\x89"};
	enum tui_role role = j->level == NT_LEVEL_OK ? TH_OK
	                     : j->level == NT_LEVEL_LOW ? TH_LOW
	                     : j->level == NT_LEVEL_OVER ? TH_ERROR
	                     : j->level == NT_LEVEL_UNKNOWN ? TH_UNKNOWN : TH_NORMAL;
	char num[128], val[48], tgt[48];
	int filled;

	tui_put(stdscr, y, 1, label, l->label_w);
	if (nt_known(j->target)) {
		filled = tui_bar_eighths(j->percent, l->bar_w);
		attrset(tui_theme(role));
		move(y, l->bar_x);
		for (int c = 0; c < l->bar_w; c++) {
			int e = filled - c * 8;

			if (e <= 0 || (!tui_utf8() && e < 4)) {
				/* the empty track shows how far the target is */
				attrset(tui_theme(TH_DIM));
				addstr(tui_utf8() ? "\xe2\x96\x91" : ".");
				attrset(tui_theme(role));
			} else if (tui_utf8()) {
				addstr(e >= 8 ? "\xe2\x96\x88" : eighths[e]);
			} else {
				addch('#');
			}
		}
		attrset(A_NORMAL);
		if (!tui_utf8() || !tui_theme_color()) {
			/* Mark the bar's end so the target is visible without colour. */
			mvaddch(y, l->bar_x - 1, '[');
			mvaddch(y, l->bar_x + l->bar_w, ']');
		}
	}
	if (!t->sum.eaten) {
		snprintf(num, sizeof num, "not logged");
	} else {
		tui_fmt_measure_est(t, val, sizeof val, m, j->intake, j->partial, j->estimated,
		                    !nt_known(j->target));
		if (nt_known(j->target)) {
			snprintf(tgt, sizeof tgt, "%g %s", j->target,
			         app_unit(t->app, nt_measure_unit(m)));
			snprintf(num, sizeof num, "%s / %s", val, tgt);
			if (j->percent >= 0) {
				char pc[16];

				snprintf(pc, sizeof pc, "%d%%", j->percent);
				tui_put_right(stdscr, y, l->num_x + l->num_w - 5, pc, 5);
			}
		} else if (nt_known(j->limit)) {
			snprintf(num, sizeof num, "%s, max %g", val, j->limit);
		} else {
			snprintf(num, sizeof num, "%s", val);
		}
	}
	tui_put(stdscr, y, l->num_x, num, l->num_w - 6);
	if (j->level == NT_LEVEL_LOW || j->level == NT_LEVEL_UNKNOWN || j->level == NT_LEVEL_OVER) {
		/* over the user's limit: a word and colour of its own */
		const char *flag = j->level == NT_LEVEL_LOW ? "LOW"
		                   : j->level == NT_LEVEL_OVER ? "OVER" : "?";

		attrset(tui_theme(role));
		tui_put(stdscr, y, l->flag_x, flag, l->cols - l->flag_x);
		attrset(A_NORMAL);
	}
}

/* "Soy milk, unsweetened      1 cup    244 g  B12 0.95  ω-3 0.41  K 386" */
static void
draw_entry_row(struct tui *t, int y, const struct nt_entry *e, bool selected)
{
	const struct tui_layout *l = &t->lay;
	char rest[160], grams[32], b12[24], o3[24], k[24];
	int rw, aw, nw;
	long long tenths = (e->mg + 50) / 100;
	const char *omega = tui_utf8() ? "\xcf\x89-3" : "O-3";

	if (e->weight_unknown) /* imported without a weight: mg is nominal */
		snprintf(grams, sizeof grams, "? g");
	else if (tenths % 10)
		snprintf(grams, sizeof grams, "%lld.%lld g", tenths / 10, tenths % 10);
	else
		snprintf(grams, sizeof grams, "%lld g", tenths / 10);
	/* in their columns: fewer decimals where a large or marked value needs them */
	tui_fmt_measure_fit(b12, sizeof b12, NT_B12, e->values.v[NT_B12],
	                    e->values.partial & (1u << NT_B12), false, 6);
	tui_fmt_measure_fit(o3, sizeof o3, NT_OMEGA3, e->values.v[NT_OMEGA3],
	                    e->values.partial & (1u << NT_OMEGA3),
	                    e->values.estimated & (1u << NT_OMEGA3), 5);
	tui_fmt_measure_fit(k, sizeof k, NT_POTASSIUM, e->values.v[NT_POTASSIUM],
	                    e->values.partial & (1u << NT_POTASSIUM), false, 5);
	/* The amount is the user's text: drawn by columns, never cut mid-character. */
	if (l->cols >= 90) {
		aw = 10;
		snprintf(rest, sizeof rest, "%9s  B12 %6s  %s %5s  K %5s", grams, b12, omega, o3, k);
	} else if (l->cols >= 72) {
		aw = 8;
		snprintf(rest, sizeof rest, "%8s B12%6s %s%5s K%5s", grams, b12,
		         tui_utf8() ? "\xcf\x89" : "O3", o3, k);
	} else if (l->cols >= 60) {
		aw = 10;
		snprintf(rest, sizeof rest, "%9s", grams);
	} else {
		aw = 0;
		snprintf(rest, sizeof rest, "%9s", grams);
	}
	rw = tui_width(rest);
	nw = l->cols - 4 - (aw ? aw + 1 : 0) - rw - 2;
	if (selected) {
		attrset(tui_theme(TH_SELECTED));
		mvhline(y, 0, ' ', l->cols);
	} else if (e->planned) {
		attrset(tui_theme(TH_DIM));
	}
	if (e->planned) {
		char planned[512];

		snprintf(planned, sizeof planned, "(planned) %s", e->food_name);
		tui_put(stdscr, y, 3, planned, nw);
	} else {
		tui_put(stdscr, y, 3, e->food_name, nw);
	}
	if (aw)
		tui_put(stdscr, y, l->cols - 1 - rw - 1 - aw, e->amount, aw);
	tui_put_right(stdscr, y, l->cols - 1 - rw, rest, rw);
	attrset(A_NORMAL);
}

/* "B12  250 ml Soy milk, sweetened  +0.95 µg, closes 62%" */
static void
draw_suggestion_row(struct tui *t, int y, const struct nt_suggestion *sg, bool selected)
{
	const struct tui_layout *l = &t->lay;
	static const char *const short_names[] = {
		[NT_B12] = "B12", [NT_OMEGA3] = "Omega-3", [NT_EPA_DHA] = "EPA+DHA",
		[NT_POTASSIUM] = "Potassium",
	};
	char right[96], adds[48], what[512];
	int rw;

	tui_fmt_measure(t, adds, sizeof adds, sg->m, sg->adds, false, true);
	snprintf(right, sizeof right, "+%s, closes %d%%", adds, sg->closed_percent);
	snprintf(what, sizeof what, "%s %s%s", sg->amount, sg->name,
	         sg->dated ? " (" NT_FOOD_DATED_NOTE ")" : "");
	rw = tui_width(right);
	attrset(selected ? tui_theme(TH_SELECTED) : tui_theme(TH_DIM));
	if (selected)
		mvhline(y, 0, ' ', l->cols);
	tui_put(stdscr, y, 3, short_names[sg->m] ? short_names[sg->m] : "", 10);
	tui_put(stdscr, y, 14, what, l->cols - 14 - rw - 3);
	tui_put_right(stdscr, y, l->cols - 1 - rw, right, rw);
	attrset(A_NORMAL);
}

/* "EPA+DHA    none: each food that has it takes potassium past your 2000 mg" */
static void
draw_held_row(struct tui *t, int y, enum nt_measure m, bool selected)
{
	char what[160], lim[48], name[48];
	int h = t->sugg.held_by[m] >= 0 ? t->sugg.held_by[m] : (int)m;

	tui_fmt_measure(t, lim, sizeof lim, (enum nt_measure)h, t->sum.judged[h].limit, false,
	                true);
	snprintf(name, sizeof name, "%s", nt_measure_label((enum nt_measure)h));
	if (name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'a' && name[1] <= 'z')
		name[0] = (char)(name[0] - 'A' + 'a');
	if (h == (int)m)
		snprintf(what, sizeof what, "none: you set a limit of %s", lim);
	else if (t->sum.targets.t[h].dri_limit)
		snprintf(what, sizeof what, "none: each food that has it takes %s past its UL, %s",
		         name, lim);
	else
		snprintf(what, sizeof what, "none: each food that has it takes %s past your %s",
		         name, lim);
	attrset(selected ? tui_theme(TH_SELECTED) : tui_theme(TH_DIM));
	if (selected)
		mvhline(y, 0, ' ', t->lay.cols);
	tui_put(stdscr, y, 3, m == NT_B12 ? "B12" : m == NT_OMEGA3 ? "Omega-3"
	                      : m == NT_EPA_DHA ? "EPA+DHA" : "Potassium", 10);
	tui_put(stdscr, y, 14, what, t->lay.cols - 15);
	attrset(A_NORMAL);
}

static void
day_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;

	tui_draw_header(t, NULL);
	t->top = tui_scroll(t->sel, t->top, l->list_h, t->nrows);
	for (int i = 0; i < l->list_h && t->top + i < t->nrows; i++) {
		int idx = t->top + i, y = l->list_y + i;
		const struct day_row *r = &t->rows[idx];
		bool selected = idx == t->sel;

		switch (r->kind) {
		case ROW_MEAL:
			attrset(selected ? tui_theme(TH_SELECTED) : tui_theme(TH_TITLE));
			if (selected)
				mvhline(y, 0, ' ', l->cols);
			tui_put(stdscr, y, 1, nt_meal_title(r->meal), l->cols - 2);
			attrset(A_NORMAL);
			break;
		case ROW_EMPTY:
			attrset(selected ? tui_theme(TH_SELECTED) : tui_theme(TH_DIM));
			if (selected)
				mvhline(y, 0, ' ', l->cols);
			tui_put(stdscr, y, 3, "(nothing logged; Enter adds)", l->cols - 4);
			attrset(A_NORMAL);
			break;
		case ROW_ENTRY:
			draw_entry_row(t, y, &t->sum.entries.v[r->entry], selected);
			break;
		case ROW_SUGGEST_TITLE:
			attrset(selected ? tui_theme(TH_SELECTED) : tui_theme(TH_TITLE));
			if (selected)
				mvhline(y, 0, ' ', l->cols);
			tui_put(stdscr, y, 1, "Suggestions (Enter logs one; s jumps here)", l->cols - 2);
			attrset(A_NORMAL);
			break;
		case ROW_SUGGEST:
			draw_suggestion_row(t, y, &t->sugg.v[r->entry], selected);
			break;
		case ROW_HELD:
			draw_held_row(t, y, (enum nt_measure)r->entry, selected);
			break;
		}
	}
	/* The totals panel */
	attrset(tui_theme(TH_TITLE));
	mvhline(l->totals_y, 0, tui_utf8() ? ACS_HLINE : '-', l->cols);
	tui_put(stdscr, l->totals_y, 2, t->sum.eaten ? " Totals against targets "
	                                         : " Nothing eaten logged this day ", l->cols - 4);
	if (t->sum.eaten < t->sum.entries.n && l->cols >= 60) {
		char plan[120];

		/* the planned total beside the eaten one */
		snprintf(plan, sizeof plan, " with planned: B12 %d%%  %s %d%%  K %d%% ",
		         t->sum.planned_judged[NT_B12].percent,
		         tui_utf8() ? "\xcf\x89-3" : "O-3",
		         t->sum.planned_judged[NT_OMEGA3].percent,
		         t->sum.planned_judged[NT_POTASSIUM].percent);
		tui_put_right(stdscr, l->totals_y, 0, plan, l->cols - 2);
	} else if (t->sum.eaten && nt_known(t->sum.b12_absorbed) && l->cols >= 60) {
		char abs[80];

		snprintf(abs, sizeof abs, " B12 absorbed ~%.2f %s%s (est., meals as sittings) ",
		         t->sum.b12_absorbed, app_unit(t->app, "ug"),
		         t->sum.b12_absorbed_partial ? "*" : "");
		tui_put_right(stdscr, l->totals_y, 0, abs, l->cols - 2);
	}
	attrset(A_NORMAL);
	if (t->more_totals) {
		/* the second group of the nutrient table, in the same rows */
		enum nt_measure more[NT_MEASURE_COUNT];
		size_t n = nt_measures_shown(NT_SHOW_MORE, more);

		for (size_t i = 0; i < sizeof bars / sizeof *bars; i++) {
			int y = l->totals_y + 1 + (int)i;

			move(y, 0);
			clrtoeol();
			if (i < n)
				draw_bar(t, y, more[i], nt_measure_label(more[i]));
			else if (i == n && nt_folic_acid_masks_b12(t->sum.judged))
				tui_put(stdscr, y, 1, "Folic acid can hide a B12 deficiency's anaemia: "
				        "keep B12 in view.", l->cols - 2);
		}
	} else {
		for (size_t i = 0; i < sizeof bars / sizeof *bars; i++)
			draw_bar(t, l->totals_y + 1 + (int)i, bars[i].m, bars[i].label);
	}
	tui_draw_status(t, TV_DAY);
}

static void
delete_selected(struct tui *t)
{
	const struct nt_entry *e = tui_selected_entry(t);
	struct nt_err err;
	enum nt_status st;

	if (!e) {
		tui_message(t, false, "Select an entry to delete.");
		return;
	}
	if ((st = nt_journal_remove(t->app->store, e->id, &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return;
	}
	tui_undo_push(t, UNDO_REMOVE, e);
	tui_message(t, false, "Deleted %s (u undoes).", e->food_name);
	day_load(t);
}

static struct tui_next
day_action(struct tui *t, enum tui_action a)
{
	const struct nt_entry *e = tui_selected_entry(t);
	int page = t->lay.list_h > 1 ? t->lay.list_h - 1 : 1;
	struct tui_next next = tui_stay();

	switch (a) {
	case TA_UP:
		if (t->sel > 0)
			t->sel--;
		break;
	case TA_DOWN:
		if (t->sel + 1 < t->nrows)
			t->sel++;
		break;
	case TA_PAGE_UP:
		t->sel = t->sel > page ? t->sel - page : 0;
		break;
	case TA_PAGE_DOWN:
		t->sel = t->sel + page < t->nrows ? t->sel + page : t->nrows - 1;
		break;
	case TA_FIRST:
		t->sel = 0;
		break;
	case TA_LAST:
		t->sel = t->nrows - 1;
		break;
	case TA_PREV_DAY:
	case TA_NEXT_DAY:
	case TA_TODAY:
		if (!tui_move_day(t, a == TA_TODAY ? t->app->today
		                                   : t->day + (a == TA_NEXT_DAY ? 1 : -1), false))
			break;
		t->sel = 0;
		t->top = 0;
		day_load(t);
		break;
	case TA_GOTO:
		next = tui_go(VIEW_PROMPT, false);
		break;
	case TA_ADD:
		if (t->rows[t->sel].kind == ROW_SUGGEST)
			log_suggestion(t, &t->sugg.v[t->rows[t->sel].entry]);
		else if (t->rows[t->sel].kind != ROW_SUGGEST_TITLE &&
		         t->rows[t->sel].kind != ROW_HELD) {
			t->meal = t->rows[t->sel].meal;
			next = tui_go(VIEW_SEARCH, false);
		}
		break;
	case TA_EAT:
		if (!e) {
			tui_message(t, false, "Select an entry to mark it eaten or planned.");
			break;
		}
		{
			/* a toggle; the core refuses to eat on a future day */
			struct nt_err err;
			enum nt_status st = e->planned
			                    ? nt_journal_eat(t->app->store, e->id, t->app->today, &err)
			                    : nt_journal_uneat(t->app->store, &e->id, 1, &err);

			if (st) {
				tui_message(t, true, "%s", nt_err_text(&err, st));
				break;
			}
			tui_undo_push(t, UNDO_UPDATE, e);
			tui_message(t, false, "%s %s.", e->planned ? "Ate" : "Planned again",
			            e->food_name);
			day_load(t);
		}
		break;
	case TA_SUGGEST:
		for (int i = 0; i < t->nrows; i++)
			if (t->rows[i].kind == ROW_SUGGEST) {
				t->sel = i;
				break;
			}
		if (!t->sugg.n && held_any(t))
			tui_message(t, false, "Nothing to suggest within the limits you set.");
		else if (!t->sugg.n)
			tui_message(t, false,
			            t->sum.eaten ? "No target is short: nothing to suggest."
			                         : "Log something first; then see what is short.");
		break;
	case TA_EDIT:
		if (e) {
			t->meal = e->meal;
			t->open_food_id = e->food_id;
			t->open_edit_id = e->id;
			t->open_amount = e->amount;
			next = tui_go(VIEW_AMOUNT, false);
		}
		else
			tui_message(t, false, "Select an entry to edit.");
		break;
	case TA_MOVE:
		if (e)
			next = tui_go(VIEW_PICK, false);
		else
			tui_message(t, false, "Select an entry to move.");
		break;
	case TA_DELETE:
		delete_selected(t);
		break;
	case TA_PROFILE:
		next = tui_go(VIEW_FORM, false);
		break;
	case TA_HELP:
		next = tui_go(VIEW_HELP, false);
		break;
	case TA_MORE_TOTALS:
		t->more_totals = !t->more_totals;
		tui_message(t, false, t->more_totals
		            ? "Totals: folate, folic acid and vitamin B6 (v: back to the headline)."
		            : "Totals: B12, omega-3, EPA+DHA, potassium and energy.");
		break;
	case TA_WEEK:
		next = tui_go(VIEW_WEEK, false);
		break;
	case TA_TREND:
		next = tui_go(VIEW_TREND, false);
		break;
	case TA_QUIT:
		next.quit = true;
		break;
	default:
		break;
	}
	/* A suggestion goes to the meal the cursor was last on. */
	if (t->sel < t->nrows && t->rows[t->sel].kind <= ROW_EMPTY)
		t->add_meal = t->rows[t->sel].meal;
	return next;
}

static struct tui_next
day_key(struct tui *t, const struct tui_key *k)
{
	if (k->action == TA_UNDO) {
		/* the cursor's meal stays the one suggestions go to */
		if (tui_undo_last(t))
			day_load(t);
		return tui_stay();
	}
	return day_action(t, k->action);
}

/* A click selects the row under it; twice, or on the row selected, acts as Enter. */
static struct tui_next
day_click(struct tui *t, int y, int x, bool twice)
{
	int row = t->top + y - t->lay.list_y;

	(void)x;
	if (y < t->lay.list_y || y >= t->lay.list_y + t->lay.list_h || row >= t->nrows)
		return tui_stay();
	twice |= row == t->sel;
	t->sel = row;
	if (!twice)
		return tui_stay();
	return day_action(t, t->rows[row].kind == ROW_ENTRY ? TA_EDIT : TA_ADD);
}

const struct tui_view_ops tui_day_view = {
	.name = "day",
	.keys = TV_DAY,
	.draw = day_draw,
	.key = day_key,
	.click = day_click,
	.reload = day_load,
};
