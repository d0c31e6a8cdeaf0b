/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_layout.h - screen layout arithmetic, free of curses so it can be unit-tested. */
#ifndef NT_TUI_LAYOUT_H
#define NT_TUI_LAYOUT_H

#include <stdbool.h>

/* Below this size the TUI shows only "terminal too small". */
#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 12

/* Rows the totals panel needs: a title and one bar per tracked measure. */
#define TUI_TOTALS_ROWS 6

/*
 * The day view: a header line, the entry list, the totals panel and a
 * status line.  Widths of the totals panel's columns follow the terminal.
 */
struct tui_layout {
	int rows, cols;
	bool too_small;
	int header_y;
	int list_y, list_h;     /* entry list */
	int totals_y;           /* title row of the totals panel */
	int label_w;            /* "Vitamin B12" column */
	int bar_x, bar_w;       /* the bar */
	int num_x, num_w;       /* "2.18 / 2.4 µg  90%" */
	int flag_x;             /* "LOW" */
	int status_y;
	int popup_y, popup_h, popup_x, popup_w; /* search and forms */
	int results_y, results_h;   /* search results below the query */
	int preview_y;              /* amount: "= 244 g; adds to the day" */
	int portions_y, portions_h; /* amount: the USDA portions */
	int form_x;                 /* profile form: the choices column */
};

void tui_layout_compute(int rows, int cols, struct tui_layout *out);

/*
 * Chart panels laid out in a grid between rows y and bottom (exclusive):
 * each panel has a title row, h rows of bars and a row of labels, panel
 * rows apart by a blank line.  As many panels across as fit `bars` bars of
 * at least one column and a gap; rows == 0 when no chart fits.
 */
struct tui_panels {
	int y, x;        /* top left of the first panel */
	int across, rows;
	int w, h;        /* one panel's width, and its bar rows */
};

#define TUI_CHART_MIN_H 3
#define TUI_CHART_MAX_H 16

void tui_panels_compute(int y, int bottom, int cols, int n, int bars, struct tui_panels *p);

/* Where bar i of n starts in a panel of width w, and how wide bars are. */
int tui_panel_bar_x(int w, int n, int i);
int tui_panel_bar_w(int w, int n);

/*
 * Rows of a bar for `percent` of target in eighths, when the target is
 * `target_rows` rows up and the chart `h` rows high (capped at h * 8).
 */
int tui_chart_eighths(int percent, int target_rows, int h);

/* The row (from the bottom, 0-based) where 100 % sits: two thirds up. */
int tui_chart_target_rows(int h);

/*
 * The week view: two heading rows (weekday, day of month), one row per
 * nutrient with a column per day, the average, its flag, the change from
 * the previous week and the target (each left out, 0, when it does not
 * fit), a line of days logged, then the charts.
 */
struct tui_week_layout {
	int head_y, grid_y;
	int label_w;            /* short nutrient names below 11 */
	int days_x, cell_w;
	int avg_x, avg_w;
	int flag_x, change_x, change_w, target_x, target_w;
	int info_y;
	struct tui_panels charts;
};

void tui_week_layout_compute(int rows, int cols, struct tui_week_layout *out);

/*
 * Bar fill for a percentage in eighths of a cell: 0 .. width * 8.  100 %
 * fills the bar; more is capped (the number beside it tells the rest).
 */
int tui_bar_eighths(int percent, int width);

/*
 * Keeps the selected row visible: returns the new index of the first shown
 * row of a list of `count` rows in a window of `height` rows.
 */
int tui_scroll(int selected, int top, int height, int count);

#endif
