/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_chrome.c - the header, the status line and values as every view shows them. */
#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "app.h"
#include "date.h"
#include "tui_action.h"
#include "tui_chrome.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_width.h"

void
tui_fmt_measure(const struct tui *t, char *buf, size_t n, enum nt_measure m, double v,
                bool partial, bool unit)
{
	tui_fmt_measure_est(t, buf, n, m, v, partial, false, unit);
}

void
tui_fmt_measure_est(const struct tui *t, char *buf, size_t n, enum nt_measure m, double v,
                    bool partial, bool estimated, bool unit)
{
	int dec = nt_measure_decimals(m);
	const char *est = estimated ? "~" : "";

	if (!nt_known(v)) {
		snprintf(buf, n, "?");
		return;
	}
	if (unit)
		snprintf(buf, n, "%s%.*f %s%s", est, dec, nt_round(v, dec),
		         app_unit(t->app, nt_measure_unit(m)), partial ? "*" : "");
	else
		snprintf(buf, n, "%s%.*f%s", est, dec, nt_round(v, dec), partial ? "*" : "");
}

void
tui_fmt_measure_fit(char *buf, size_t n, enum nt_measure m, double v, bool partial,
                    bool estimated, int width)
{
	if (!nt_known(v)) {
		snprintf(buf, n, "?");
		return;
	}
	for (int dec = nt_measure_decimals(m);; dec--) {
		snprintf(buf, n, "%s%.*f%s", estimated ? "~" : "", dec, nt_round(v, dec),
		         partial ? "*" : "");
		if (dec <= 0 || tui_width(buf) <= width)
			return;
	}
}

void
tui_draw_header(struct tui *t, const char *title)
{
	char right[96], date[NT_DATE_LEN];
	int w;

	attrset(tui_theme(TH_HEADER));
	mvhline(t->lay.header_y, 0, ' ', t->lay.cols);
	nt_date_format(t->day, date);
	if (t->sum.profile.is_set)
		snprintf(right, sizeof right, "%s %g y%s%s, %s ", nt_sex_name(t->sum.profile.sex),
		         t->sum.profile.age_y, t->sum.profile.stage ? ", " : "",
		         t->sum.profile.stage ? nt_stage_name(t->sum.profile.stage) : "",
		         nt_diet_name(t->sum.profile.diet));
	else
		snprintf(right, sizeof right, "no profile: adult female targets ");
	if (title) {
		w = tui_put(stdscr, t->lay.header_y, 1, title, t->lay.cols - 2);
	} else {
		char left[64];

		snprintf(left, sizeof left, "nutrack  %s %s%s",
		         nt_date_weekday_name(nt_date_weekday(t->day)), date,
		         t->day == t->app->today ? " (today)" : "");
		w = tui_put(stdscr, t->lay.header_y, 1, left, t->lay.cols - 2);
	}
	if (tui_width(right) + w + 3 <= t->lay.cols)
		tui_put_right(stdscr, t->lay.header_y, 0, right, t->lay.cols);
	attrset(A_NORMAL);
}

void
tui_draw_status(struct tui *t, unsigned keys)
{
	int y = t->lay.status_y;
	char hint[256];

	if (!t->msg[0])
		tui_action_hint(keys, tui_utf8(), hint, sizeof hint);
	attrset(tui_theme(t->msg[0] && t->msg_error ? TH_ERROR : TH_STATUS));
	mvhline(y, 0, ' ', t->lay.cols);
	tui_put(stdscr, y, 1, t->msg[0] ? t->msg : hint, t->lay.cols - 2);
	attrset(A_NORMAL);
}
