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
	return tap_done();
}
