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
