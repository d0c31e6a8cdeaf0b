/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_report.c - the week view (days by nutrient, charts) and the 12-week trend. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "tui_chrome.h"
#include "tui_report.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_width.h"

#define TREND_WEEKS 12

/* The rows of the grid; the first four are charted. */
static const struct {
	enum nt_measure m;
	const char *label, *short_label;
} rows[] = {
	{NT_B12, "Vitamin B12", "B12"},
	{NT_OMEGA3, "Omega-3", "Omega-3"},
	{NT_EPA_DHA, "EPA+DHA", "EPA+DHA"},
	{NT_POTASSIUM, "Potassium", "K"},
	{NT_ENERGY, "Energy kcal", "kcal"},
};
#define N_CHARTS 4

static enum tui_role
level_role(enum nt_level l)
{
	return l == NT_LEVEL_OK ? TH_OK : l == NT_LEVEL_LOW ? TH_LOW
	       : l == NT_LEVEL_OVER ? TH_ERROR : l == NT_LEVEL_UNKNOWN ? TH_UNKNOWN : TH_NORMAL;
}

/*
 * A judged value in at most w columns: the percent of target ("524%",
 * "240%*"), or for a measure without a target the value itself ("562").
 * Narrow cells drop the percent sign, then the partial mark, then write
 * hundreds ("11x" is 1100 %).
 */
static void
fmt_cell(const struct tui *t, char *buf, size_t n, const struct nt_judgement *j,
         enum nt_measure m, int w)
{
	const char *star = j->partial ? "*" : "";
	const char *times = tui_utf8() ? "\xc3\x97" : "x";

	if (j->percent < 0) {
		tui_fmt_measure(t, buf, n, m, j->intake, j->partial, false);
		if (tui_width(buf) > w)
			tui_fmt_measure(t, buf, n, m, j->intake, false, false);
		return;
	}
	snprintf(buf, n, "%d%%%s", j->percent, star);
	if (tui_width(buf) <= w)
		return;
	snprintf(buf, n, "%d%s", j->percent, star);
	if (tui_width(buf) <= w)
		return;
	snprintf(buf, n, "%d", j->percent);
	if (tui_width(buf) <= w)
		return;
	snprintf(buf, n, "%d%s%s", j->percent / 100, times, star);
	if (tui_width(buf) <= w)
		return;
	snprintf(buf, n, "%d%s", j->percent / 100, times);
}

/* Loads what the views show, once per week shown and per change of data. */
/* "2.4 µg", "≤2000 mg" (a limit and no target), or "no target". */
static void
target_text(const struct tui *t, enum nt_measure m, char *buf, size_t n)
{
	const struct nt_target *x = &t->sum.targets.t[m];
	const char *unit = app_unit(t->app, nt_measure_unit(m));

	if (nt_known(x->value))
		snprintf(buf, n, "%g %s", x->value, unit);
	else if (nt_known(x->limit))
		snprintf(buf, n, "%s%g %s", tui_utf8() ? "\xe2\x89\xa4" : "<=", x->limit, unit);
	else
		snprintf(buf, n, "no target");
}

static void
week_load(struct tui *t)
{
	long start = nt_date_week_start(t->day);
	struct nt_err err;
	enum nt_status st;

	if (t->week_for == start && t->week_loads == t->loads)
		return;
	/* the week before the first one nutrack keeps: none to compare with */
	memset(&t->prev_week, 0, sizeof t->prev_week);
	/* each week judged against the targets in force on its days */
	if ((st = nt_analysis_week(t->app->store, t->day, NULL, &t->week, &err)) ||
	    (start - 7 >= nt_date_first() &&
	     (st = nt_analysis_week(t->app->store, t->day - 7, NULL, &t->prev_week, &err)))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		memset(&t->week, 0, sizeof t->week);
		memset(&t->prev_week, 0, sizeof t->prev_week);
		t->week.start = start;
		for (int d = 0; d < 7; d++)
			t->week.daily[d] = t->prev_week.daily[d] = t->sum.targets;
	}
	t->week_for = start;
	t->week_loads = t->loads;
}

static void
trend_load(struct tui *t)
{
	long start = nt_date_week_start(t->day);
	struct nt_err err;
	enum nt_status st;

	if (t->trend_for == start && t->trend_loads == t->loads)
		return;
	if ((st = nt_report_trend(t->app->store, t->day, TREND_WEEKS, &t->trend, &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		memset(&t->trend, 0, sizeof t->trend);
	}
	t->trend_for = start;
	t->trend_loads = t->loads;
}

/*
 * One chart panel: a title, n vertical bars in percent of target with the
 * target as a line two thirds up, and a label under each bar.  pct < 0 and
 * logged false draw a dot (not logged); an unknown value a '?'.
 */
struct bar {
	int percent;  /* -1: unknown or not logged */
	bool logged;
	enum tui_role role;
	const char *label;
	bool selected;
};

static void
draw_panel(const struct tui_panels *p, int y, int x, const char *title, const struct bar *b,
           int n)
{
	static const char *const up[] = {"", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
	                                 "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
	                                 "\xe2\x96\x87"};
	int h = p->h, tr = tui_chart_target_rows(h), bw = tui_panel_bar_w(p->w, n);
	int base = y + h; /* the bottom bar row */
	bool utf8 = tui_utf8();

	attrset(tui_theme(TH_TITLE));
	tui_put(stdscr, y, x + 1, title, p->w - 2);
	/* the target line first; bars are drawn over it */
	attrset(tui_theme(TH_DIM));
	for (int c = 1; c < p->w - 1; c++)
		mvaddstr(base - tr, x + c, utf8 ? "\xe2\x94\x80" : "-");
	for (int i = 0; i < n; i++) {
		int bx = x + tui_panel_bar_x(p->w, n, i);
		int e = b[i].percent > 0 ? tui_chart_eighths(b[i].percent, tr, h) : 0;

		if (b[i].percent > 0 && e == 0)
			e = 1; /* a little is not nothing */
		bool over = b[i].percent > 0 && (long)b[i].percent * tr * 8 / 100 > (long)h * 8;

		if (b[i].percent < 0 || (b[i].logged && b[i].percent == 0)) {
			attrset(tui_theme(b[i].logged ? TH_UNKNOWN : TH_DIM));
			mvaddstr(base, bx + (bw - 1) / 2,
			         b[i].logged ? (b[i].percent < 0 ? "?" : "_")
			                     : (utf8 ? "\xc2\xb7" : "."));
		}
		attrset(tui_theme(b[i].role));
		for (int r = 0; r < h && e > r * 8; r++) {
			int left = e - r * 8;
			const char *glyph;

			if (over && r == h - 1)
				glyph = utf8 ? "\xe2\x96\xb2" : "^";
			else if (left >= 8)
				glyph = utf8 ? "\xe2\x96\x88" : "#";
			else if (utf8)
				glyph = up[left];
			else
				glyph = left >= 4 ? "#" : NULL;
			for (int c = 0; glyph && c < bw; c++)
				mvaddstr(base - r, bx + c, glyph);
		}
		attrset(b[i].selected ? tui_theme(TH_SELECTED) : tui_theme(TH_DIM));
		if (b[i].label) {
			int lw = tui_width(b[i].label);

			tui_put(stdscr, base + 1, bx + (bw - lw) / 2, b[i].label, lw);
		}
	}
	attrset(A_NORMAL);
}

static void
panel_origin(const struct tui_panels *p, int i, int *y, int *x)
{
	*x = p->x + (i % p->across) * p->w;
	*y = p->y + (i / p->across) * (p->h + 3);
}

static bool
week_open(struct tui *t, enum tui_view from)
{
	if (from == VIEW_HELP) /* back from the help: as it was */
		return true;
	if (!tui_move_day(t, t->day, true)) /* the last days of 9999: no whole week */
		return false;
	t->week_for = -1;
	return true;
}

static bool
trend_open(struct tui *t, enum tui_view from)
{
	if (from == VIEW_HELP)
		return true;
	if (!tui_move_day(t, t->day, true))
		return false;
	t->trend_for = -1;
	return true;
}

static void
draw_week_grid(struct tui *t, const struct tui_week_layout *l, struct nt_judgement j[7][NT_MEASURE_COUNT])
{
	const struct nt_week *w = &t->week;
	int cols = t->lay.cols, cw = l->cell_w - 1;
	bool wide = l->label_w >= 11;
	char buf[64];

	attrset(tui_theme(TH_DIM));
	tui_put(stdscr, l->head_y + 1, 1, wide ? "% of target" : "%", l->label_w);
	attrset(tui_theme(TH_TITLE));
	for (int d = 0; d < 7; d++) {
		long day = w->start + d;
		int x = l->days_x + d * l->cell_w + 1, yy, mm, dd;
		bool sel = day == t->day;

		nt_date_to_ymd(day, &yy, &mm, &dd);
		attrset(sel ? tui_theme(TH_SELECTED) : tui_theme(TH_TITLE));
		snprintf(buf, sizeof buf, "%.*s", cw >= 3 ? 3 : 2,
		         nt_date_weekday_abbr(nt_date_weekday(day)));
		tui_put_right(stdscr, l->head_y, x, buf, cw);
		snprintf(buf, sizeof buf, "%d", dd);
		tui_put_right(stdscr, l->head_y + 1, x, buf, cw);
	}
	attrset(tui_theme(TH_TITLE));
	tui_put_right(stdscr, l->head_y + 1, l->avg_x + 1, l->avg_w >= 6 ? "Avg" : "Av",
	              l->avg_w - 1);
	if (l->change_x)
		tui_put_right(stdscr, l->head_y + 1, l->change_x, "vs prev", l->change_w);
	if (l->target_x)
		tui_put_right(stdscr, l->head_y + 1, l->target_x, "Target", l->target_w);
	attrset(A_NORMAL);

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		enum nt_measure m = rows[i].m;
		const struct nt_judgement *a = &w->avg[m], *p = &t->prev_week.avg[m];
		int y = l->grid_y + (int)i;

		tui_put(stdscr, y, 1, wide ? rows[i].label : rows[i].short_label, l->label_w);
		for (int d = 0; d < 7; d++) {
			int x = l->days_x + d * l->cell_w + 1;

			if (!w->days[d].entries) {
				attrset(tui_theme(TH_DIM));
				tui_put_right(stdscr, y, x, tui_utf8() ? "\xc2\xb7" : ".", cw);
			} else {
				fmt_cell(t, buf, sizeof buf, &j[d][m], m, cw);
				attrset(tui_theme(level_role(j[d][m].level)));
				tui_put_right(stdscr, y, x, buf, cw);
			}
			attrset(A_NORMAL);
		}
		if (w->days_logged) {
			fmt_cell(t, buf, sizeof buf, a, m, l->avg_w - 1);
			attrset(tui_theme(level_role(a->level)) | A_BOLD);
			tui_put_right(stdscr, y, l->avg_x + 1, buf, l->avg_w - 1);
			attrset(tui_theme(level_role(a->level)));
			if (l->flag_x && (a->level == NT_LEVEL_LOW || a->level == NT_LEVEL_UNKNOWN ||
			                  a->level == NT_LEVEL_OVER))
				tui_put(stdscr, y, l->flag_x, a->level == NT_LEVEL_LOW ? "LOW"
				        : a->level == NT_LEVEL_OVER ? "OVR" : "?", 3);
			attrset(A_NORMAL);
		}
		if (l->change_x && w->days_logged && a->percent >= 0) {
			if (t->prev_week.days_logged && p->percent >= 0) {
				snprintf(buf, sizeof buf, "%+d", a->percent - p->percent);
				attrset(a->percent >= p->percent ? A_NORMAL : tui_theme(TH_LOW));
			} else {
				snprintf(buf, sizeof buf, "none");
				attrset(tui_theme(TH_DIM));
			}
			tui_put_right(stdscr, y, l->change_x, buf, l->change_w);
			attrset(A_NORMAL);
		}
		if (l->target_x && (nt_known(t->sum.targets.t[m].value) ||
		                    nt_known(t->sum.targets.t[m].limit))) {
			target_text(t, m, buf, sizeof buf);
			attrset(tui_theme(TH_DIM));
			tui_put_right(stdscr, y, l->target_x, buf, l->target_w);
			attrset(A_NORMAL);
		}
	}
	snprintf(buf, sizeof buf, "%d of 7 days logged", w->days_logged);
	tui_put(stdscr, l->info_y, 1, buf, cols - 2);
	{
		/* an average over fewer days than were logged (the rest are ?) says so */
		char more[160] = "";
		size_t len = 0;

		for (size_t i = 0; i < sizeof rows / sizeof *rows && len < sizeof more; i++) {
			int k = w->days_known[rows[i].m];

			if (!w->days_logged || k == w->days_logged)
				continue;
			len += (size_t)snprintf(more + len, sizeof more - len, "%s %s %d",
			                        len ? "," : "; days with a value:",
			                        rows[i].short_label, k);
		}
		attrset(tui_theme(TH_DIM));
		tui_put(stdscr, l->info_y, 1 + tui_width(buf),
		        len ? more : "; averages leave out days not logged (not zero intake)",
		        cols - 2 - tui_width(buf));
		attrset(A_NORMAL);
	}
}

static void
week_draw(struct tui *t)
{
	struct tui_week_layout l;
	struct nt_judgement j[7][NT_MEASURE_COUNT];
	char title[128];
	int yy, ww;

	week_load(t);
	tui_week_layout_compute(t->lay.rows, t->lay.cols, &l);
	nt_date_iso_week(t->week.start, &yy, &ww);
	{
		char a[NT_DATE_LEN], b[NT_DATE_LEN];

		nt_date_format(t->week.start, a);
		nt_date_format(t->week.start + 6, b);
		snprintf(title, sizeof title, "Week %04d-W%02d  %s to %s", yy, ww, a, b);
	}
	tui_draw_header(t, title);
	for (int d = 0; d < 7; d++)
		nt_judge(&t->week.days[d].total, t->week.days[d].entries > 0, &t->week.daily[d],
		         j[d]);
	draw_week_grid(t, &l, j);

	if (l.charts.rows) {
		static const char *const initials[] = {"M", "T", "W", "T", "F", "S", "S"};

		for (int i = 0; i < N_CHARTS; i++) {
			enum nt_measure m = rows[i].m;
			struct bar b[7];
			char name[96], tgt[48];
			int py, px;

			for (int d = 0; d < 7; d++) {
				b[d].logged = t->week.days[d].entries > 0;
				b[d].percent = b[d].logged ? j[d][m].percent : -1;
				b[d].role = level_role(j[d][m].level);
				b[d].label = initials[nt_date_weekday(t->week.start + d)];
				b[d].selected = t->week.start + d == t->day;
			}
			target_text(t, m, tgt, sizeof tgt);
			snprintf(name, sizeof name, "%s %s", rows[i].label, tgt);
			panel_origin(&l.charts, i, &py, &px);
			draw_panel(&l.charts, py, px, name, b, 7);
		}
	} else if (l.info_y + 2 < t->lay.status_y) {
		attrset(tui_theme(TH_DIM));
		tui_put(stdscr, l.info_y + 2, 1, "(a larger window shows charts)", t->lay.cols - 2);
		attrset(A_NORMAL);
	}
	tui_draw_status(t, TV_WEEK);
}

/* The day selected, shown from its top. */
static struct tui_next
back_to_day(struct tui *t)
{
	t->sel = 0;
	t->top = 0;
	return tui_go(VIEW_DAY, true);
}

static struct tui_next
week_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;

	switch (a) {
	case TA_PREV_DAY:
	case TA_NEXT_DAY:
		tui_move_day(t, t->day + (a == TA_NEXT_DAY ? 1 : -1), true);
		break;
	case TA_PREV_WEEK:
	case TA_NEXT_WEEK:
		tui_move_day(t, t->day + (a == TA_NEXT_WEEK ? 7 : -7), true);
		break;
	case TA_TODAY:
		tui_move_day(t, t->app->today, true);
		break;
	case TA_ACCEPT:
	case TA_BACK:
		return back_to_day(t);
	case TA_TREND:
		return tui_go(VIEW_TREND, false);
	case TA_HELP:
		return tui_go(VIEW_HELP, false);
	default:
		break;
	}
	return tui_stay();
}

/* A click on a day's column selects it; twice opens it. */
static struct tui_next
week_click(struct tui *t, int y, int x, bool twice)
{
	struct tui_week_layout l;
	int d;

	tui_week_layout_compute(t->lay.rows, t->lay.cols, &l);
	if (y < l.head_y || y >= l.grid_y + 5 || x < l.days_x || x >= l.days_x + 7 * l.cell_w)
		return tui_stay();
	d = (x - l.days_x) / l.cell_w;
	twice |= t->day == t->week.start + d;
	t->day = t->week.start + d;
	return twice ? back_to_day(t) : tui_stay();
}

const struct tui_view_ops tui_week_view = {
	.name = "week",
	.keys = TV_WEEK,
	.open = week_open,
	.draw = week_draw,
	.key = week_key,
	.click = week_click,
};

static void
trend_draw(struct tui *t)
{
	struct tui_panels p;
	struct nt_judgement j[TREND_WEEKS][NT_MEASURE_COUNT];
	char title[128], labels[TREND_WEEKS][8], info[160];
	int yy, ww, weeks_logged = 0;

	trend_load(t);
	nt_date_iso_week(t->day, &yy, &ww);
	snprintf(title, sizeof title, "Trend: %d weeks to %04d-W%02d", t->trend.weeks, yy, ww);
	tui_draw_header(t, title);
	for (int i = 0; i < t->trend.weeks; i++) {
		nt_judge(&t->trend.avg[i], t->trend.logged[i] > 0, &t->trend.targets[i], j[i]);
		nt_date_iso_week(t->trend.start[i], &yy, &ww);
		snprintf(labels[i], sizeof labels[i], "%d", ww);
		weeks_logged += t->trend.logged[i] > 0;
	}
	snprintf(info, sizeof info, "%d of %d weeks logged", weeks_logged, t->trend.weeks);
	tui_put(stdscr, 1, 1, info, t->lay.cols - 2);
	attrset(tui_theme(TH_DIM));
	tui_put(stdscr, 1, 1 + tui_width(info),
	        "; each bar a week's average of its logged days, in % of target",
	        t->lay.cols - 2 - tui_width(info));
	attrset(A_NORMAL);
	tui_panels_compute(3, t->lay.status_y, t->lay.cols, N_CHARTS, TREND_WEEKS, &p);
	if (!p.rows) {
		attrset(tui_theme(TH_DIM));
		tui_put(stdscr, 3, 1, "(a larger window shows the trend)", t->lay.cols - 2);
		attrset(A_NORMAL);
	}
	for (int i = 0; p.rows && i < N_CHARTS; i++) {
		enum nt_measure m = rows[i].m;
		struct bar b[TREND_WEEKS];
		char name[128], tgt[48];
		int py, px, met = 0, step = (p.w - 2) / TREND_WEEKS;

		for (int k = 0; k < t->trend.weeks; k++) {
			b[k].logged = t->trend.logged[k] > 0;
			b[k].percent = b[k].logged ? j[k][m].percent : -1;
			b[k].role = level_role(j[k][m].level);
			/* week numbers need three columns a bar; else every other */
			b[k].label = step >= 3 || (t->trend.weeks - 1 - k) % 2 == 0 ? labels[k] : NULL;
			b[k].selected = k == t->trend.weeks - 1;
			met += j[k][m].level == NT_LEVEL_OK;
		}
		target_text(t, m, tgt, sizeof tgt);
		snprintf(name, sizeof name, "%s %s: met %d of %d", rows[i].label, tgt, met,
		         weeks_logged);
		panel_origin(&p, i, &py, &px);
		draw_panel(&p, py, px, name, b, t->trend.weeks);
	}
	tui_draw_status(t, TV_TREND);
}

static struct tui_next
trend_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;

	switch (a) {
	case TA_PREV_WEEK:
	case TA_NEXT_WEEK:
		tui_move_day(t, t->day + (a == TA_NEXT_WEEK ? 7 : -7), true);
		break;
	case TA_TODAY:
		tui_move_day(t, t->app->today, true);
		break;
	case TA_WEEK:
		return tui_go(VIEW_WEEK, false);
	case TA_BACK:
		return back_to_day(t);
	case TA_HELP:
		return tui_go(VIEW_HELP, false);
	default:
		break;
	}
	return tui_stay();
}

const struct tui_view_ops tui_trend_view = {
	.name = "trend",
	.keys = TV_TREND,
	.open = trend_open,
	.draw = trend_draw,
	.key = trend_key,
};
