/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_tui_layout.c - the TUI's layout arithmetic, without a terminal. */
#include "config.h"

#include "tap.h"
#include "tui_layout.h"

static void
check_fits(int rows, int cols)
{
	struct tui_layout l;

	tui_layout_compute(rows, cols, &l);
	ok(!l.too_small, "%dx%d is big enough", cols, rows);
	ok(l.list_y + l.list_h < l.totals_y, "%dx%d: the list ends above the totals", cols, rows);
	is_int(l.totals_y + 1 + 5, l.status_y, "%dx%d: five bars fill the panel to the status line",
	       cols, rows);
	is_int(l.status_y, rows - 1, "%dx%d: status on the last row", cols, rows);
	ok(l.bar_x > l.label_w, "%dx%d: the bar starts after the label", cols, rows);
	ok(l.num_x >= l.bar_x + l.bar_w + 2, "%dx%d: numbers start after the bar and its ']'",
	   cols, rows);
	ok(l.flag_x + 4 <= cols, "%dx%d: the LOW flag fits (flag at %d)", cols, rows, l.flag_x);
	ok(l.popup_x >= 0 && l.popup_x + l.popup_w <= cols, "%dx%d: pop-up inside the screen",
	   cols, rows);
	is_int(l.results_y + l.results_h, l.status_y, "%dx%d: results reach the status line",
	       cols, rows);
	ok(l.preview_y + 5 < l.portions_y, "%dx%d: the preview ends above the portions", cols, rows);
	is_int(l.portions_y + l.portions_h, l.status_y, "%dx%d: portions reach the status line",
	       cols, rows);
	ok(l.form_x < l.popup_x + l.popup_w, "%dx%d: form choices inside the pop-up", cols, rows);
}

/* The week grid fits: each column ends before the next, all inside. */
static void
check_week(int rows, int cols)
{
	struct tui_week_layout w;

	tui_week_layout_compute(rows, cols, &w);
	ok(w.days_x > w.label_w, "%dx%d: days after the names", cols, rows);
	is_int(w.avg_x, w.days_x + 7 * w.cell_w, "%dx%d: the average after Sunday", cols, rows);
	ok(w.avg_x + w.avg_w <= cols, "%dx%d: the average fits", cols, rows);
	ok(!w.flag_x || w.flag_x >= w.avg_x + w.avg_w, "%dx%d: the flag after it", cols, rows);
	ok(!w.flag_x || w.flag_x + 3 <= cols, "%dx%d: the flag fits", cols, rows);
	ok(!w.change_x || (w.change_x >= w.flag_x + 3 && w.change_x + w.change_w <= cols),
	   "%dx%d: the change fits after the flag", cols, rows);
	ok(!w.target_x || (w.target_x >= w.change_x + w.change_w &&
	                   w.target_x + w.target_w <= cols),
	   "%dx%d: the target fits after the change", cols, rows);
	ok(!w.charts.rows || w.charts.y > w.info_y, "%dx%d: charts below the grid", cols, rows);
	ok(!w.charts.rows ||
	   w.charts.y + w.charts.rows * (w.charts.h + 3) - 1 <= rows - 1,
	   "%dx%d: charts end above the status line", cols, rows);
	ok(!w.charts.rows || w.charts.across * w.charts.w <= cols, "%dx%d: charts fit across",
	   cols, rows);
}

static void
test_week(void)
{
	struct tui_week_layout w;

	/* 80x24: 12 + 7 x 6 = 55, average 7 (to 62), flag at 63, change at 67 */
	tui_week_layout_compute(24, 80, &w);
	is_int(w.label_w, 12, "week 80: full names");
	is_int(w.cell_w, 6, "week 80: six-column days");
	is_int(w.avg_x, 55, "week 80: average at 55");
	is_int(w.flag_x, 63, "week 80: flag at 63");
	is_int(w.change_x, 67, "week 80: change at 67");
	is_int(w.target_x, 0, "week 80: no room for the target (needs 86)");
	/* charts from row 11 to the status line at 23: one row of 4, 10 bars high */
	is_int(w.charts.y, 11, "week 80x24: charts from row 11");
	is_int(w.charts.across, 4, "week 80x24: four charts across");
	is_int(w.charts.h, 10, "week 80x24: 23 - 11 - title - labels = 10 rows");
	tui_week_layout_compute(24, 86, &w);
	is_int(w.target_x, 75, "week 86: the target at 75");
	tui_week_layout_compute(12, 40, &w);
	is_int(w.label_w, 7, "week 40: short names");
	is_int(w.cell_w, 4, "week 40: four-column days");
	is_int(w.avg_x + w.avg_w, 40, "week 40: the average ends at the edge");
	is_int(w.flag_x, 0, "week 40: no flag column");
	is_int(w.charts.rows, 0, "week 40x12: no charts");
	for (int c = TUI_MIN_COLS; c <= 200; c += 7)
		for (int r = TUI_MIN_ROWS; r <= 60; r += 9)
			check_week(r, c);
}

static void
test_panels(void)
{
	struct tui_panels p;

	/* trend, 80x24: 12 bars need 26 columns; 2 across, (20 - 4 - 1) / 2 = 7 rows */
	tui_panels_compute(3, 23, 80, 4, 12, &p);
	is_int(p.across, 2, "trend 80x24: two across");
	is_int(p.rows, 2, "trend 80x24: two rows");
	is_int(p.w, 40, "trend 80x24: 40 wide");
	is_int(p.h, 7, "trend 80x24: 7 bar rows");
	/* 120x40: 4 across would give 1-column bars 16 high (16), 2 across
	   3-column bars 15 high (3 x 15 x 15 = 675 > 1 x 16 x 16 = 256) */
	tui_panels_compute(3, 39, 120, 4, 12, &p);
	is_int(p.across, 2, "trend 120x40: two across, wider bars");
	is_int(p.h, 15, "trend 120x40: 15 rows");
	tui_panels_compute(3, 11, 40, 4, 12, &p);
	is_int(p.rows, 0, "trend 40x12: no room");
	tui_panels_compute(3, 400, 80, 4, 7, &p);
	is_int(p.h, TUI_CHART_MAX_H, "a tall screen caps the height");

	/* bars inside a panel: width 20, 7 bars: step (20 - 2) / 7 = 2, 1 wide */
	is_int(tui_panel_bar_w(20, 7), 1, "7 bars in 20: 1 wide");
	is_int(tui_panel_bar_x(20, 7, 0), 1, "the first at 1");
	is_int(tui_panel_bar_x(20, 7, 6), 13, "the last at 13");
	is_int(tui_panel_bar_w(40, 12), 2, "12 bars in 40: step 3, 2 wide");
	is_int(tui_panel_bar_x(40, 12, 11), 34, "the last at 1 + 11 x 3");
	is_int(tui_panel_bar_w(200, 7), 4, "bars stop at 4 columns");
	for (int w = 16; w < 120; w++)
		if (tui_panel_bar_x(w, 7, 6) + tui_panel_bar_w(w, 7) > w - 1)
			tap_bail("bar 7 leaves a panel of %d", w);
	ok(1, "the last bar stays inside panels 16 to 119 wide");

	/* 100 % two thirds up; eighths from the percent */
	is_int(tui_chart_target_rows(10), 7, "10 rows: 100 %% at 7");
	is_int(tui_chart_target_rows(7), 5, "7 rows: 100 %% at 5");
	is_int(tui_chart_eighths(74, 7, 10), 41, "74 %% x 7 x 8 / 100 = 41.4");
	is_int(tui_chart_eighths(100, 7, 10), 56, "100 %% = 7 rows");
	is_int(tui_chart_eighths(524, 7, 10), 80, "524 %% capped at 10 rows");
	is_int(tui_chart_eighths(0, 7, 10), 0, "0 %% empty");
	is_int(tui_chart_eighths(-1, 7, 10), 0, "unknown empty");
}

int
main(void)
{
	struct tui_layout l;

	/* 80x24: the list gets 24 - header 1 - status 1 - totals 6 - gap 1 = 15 rows. */
	tui_layout_compute(24, 80, &l);
	is_int(l.list_h, 15, "80x24: 15 list rows");
	is_int(l.totals_y, 17, "80x24: totals title on row 17");
	/* bar: 80 - bar_x 14 - 2 - numbers 28 - 1 - flag 4 - 1 = 30 */
	is_int(l.bar_x, 14, "80x24: bar after a 12-column label");
	is_int(l.bar_w, 30, "80x24: 30-column bar");
	is_int(l.num_x, 46, "80x24: numbers at column 46");
	is_int(l.flag_x, 75, "80x24: flag at column 75");

	/* wide terminals cap the bar at 50 columns */
	tui_layout_compute(60, 200, &l);
	is_int(l.bar_w, 50, "200 columns: the bar stops at 50");
	is_int(l.popup_w, 86, "200 columns: pop-ups are 86 wide");
	is_int(l.popup_x, 57, "200 columns: pop-ups centred ((200 - 86) / 2)");

	check_fits(24, 80);
	check_fits(30, 100);
	check_fits(TUI_MIN_ROWS, TUI_MIN_COLS);
	check_fits(50, 61);

	/* 80x24: search results from row 3 (query, count line) to row 22 */
	tui_layout_compute(24, 80, &l);
	is_int(l.results_y, 3, "80x24: results start on row 3");
	is_int(l.results_h, 20, "80x24: 20 result rows");
	is_int(l.portions_y, 10, "80x24: portions from row 10");

	/* too small, down to 1x1, never negative sizes */
	for (int r = 1; r <= TUI_MIN_ROWS; r += 3)
		for (int c = 1; c <= TUI_MIN_COLS; c += 13) {
			tui_layout_compute(r, c, &l);
			ok(l.too_small == (r < TUI_MIN_ROWS || c < TUI_MIN_COLS), "%dx%d too_small", c, r);
			ok(l.list_h >= 1 && l.bar_w >= 4 && l.results_h >= 0 && l.portions_h >= 0,
			   "%dx%d keeps sizes positive", c, r);
		}
	tui_layout_compute(TUI_MIN_ROWS - 1, 200, &l);
	ok(l.too_small, "one row short of the minimum is too small");
	tui_layout_compute(200, TUI_MIN_COLS - 1, &l);
	ok(l.too_small, "one column short of the minimum is too small");

	/* bar fill in eighths of a cell */
	is_int(tui_bar_eighths(0, 30), 0, "0%% is empty");
	is_int(tui_bar_eighths(-5, 30), 0, "negative is empty");
	is_int(tui_bar_eighths(50, 30), 120, "50%% of 30 cells = 15 cells = 120 eighths");
	is_int(tui_bar_eighths(42, 31), 104, "42%% of 31 cells = 13.02 cells = 104 eighths");
	is_int(tui_bar_eighths(100, 30), 240, "100%% fills the bar");
	is_int(tui_bar_eighths(524, 30), 240, "524%% is capped at a full bar");
	is_int(tui_bar_eighths(1, 4), 0, "1%% of 4 cells is less than an eighth");

	/* scrolling keeps the selection visible */
	is_int(tui_scroll(0, 0, 10, 30), 0, "top stays while the selection is visible");
	is_int(tui_scroll(12, 0, 10, 30), 3, "selection 12 in a 10-row window: first row 3");
	is_int(tui_scroll(2, 5, 10, 30), 2, "scrolling up to a selection above");
	is_int(tui_scroll(29, 25, 10, 30), 20, "the end shows a full window");
	is_int(tui_scroll(3, 7, 10, 5), 0, "short lists never scroll");
	is_int(tui_scroll(0, 0, 0, 5), 0, "a zero-height window does not break");
	test_week();
	test_panels();
	return tap_done();
}
