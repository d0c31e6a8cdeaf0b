/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_layout.c - where each part of the screen goes. */
#include "config.h"

#include "tui_layout.h"

void
tui_layout_compute(int rows, int cols, struct tui_layout *l)
{
	l->rows = rows;
	l->cols = cols;
	l->too_small = rows < TUI_MIN_ROWS || cols < TUI_MIN_COLS;
	l->header_y = 0;
	l->status_y = rows - 1;
	l->totals_y = rows - 1 - TUI_TOTALS_ROWS;
	l->list_y = 1;
	l->list_h = l->totals_y - l->list_y - 1; /* a blank line above the totals */
	if (l->list_h < 1)
		l->list_h = 1;
	/* Totals row: " Vitamin B12 [bar]  2.18 / 2.4 µg   90% LOW" */
	l->label_w = cols >= 60 ? 12 : 9;
	l->num_w = cols >= 70 ? 28 : 18;
	l->bar_x = 1 + l->label_w + 1;
	l->bar_w = cols - l->bar_x - 2 - l->num_w - 1 - 4 - 1;
	if (l->bar_w > 50)
		l->bar_w = 50;
	if (l->bar_w < 4)
		l->bar_w = 4;
	l->num_x = l->bar_x + l->bar_w + 2; /* room for a ']' closing the bar */
	l->flag_x = l->num_x + l->num_w + 1;
	/* Pop-ups cover the list, leaving the header and the status line. */
	l->popup_x = cols >= 90 ? (cols - 86) / 2 : 0;
	l->popup_w = cols >= 90 ? 86 : cols;
	l->popup_y = 1;
	l->popup_h = rows - 2;
	/* search: query, a line of counts, then results down to the status */
	l->results_y = l->popup_y + 2;
	l->results_h = l->status_y - l->results_y;
	/* amount: name, id, amount, preview (5 rows), a title, then portions */
	l->preview_y = l->popup_y + 3;
	l->portions_y = l->popup_y + 9;
	l->portions_h = l->status_y - l->portions_y;
	if (l->results_h < 0)
		l->results_h = 0;
	if (l->portions_h < 0)
		l->portions_h = 0;
	l->form_x = l->popup_x + 29;
}

int
tui_bar_eighths(int percent, int width)
{
	long e;

	if (percent <= 0 || width <= 0)
		return 0;
	e = (long)percent * width * 8 / 100;
	return e > (long)width * 8 ? width * 8 : (int)e;
}

int
tui_scroll(int selected, int top, int height, int count)
{
	if (height < 1)
		height = 1;
	if (selected < top)
		top = selected;
	if (selected >= top + height)
		top = selected - height + 1;
	if (top > count - height)
		top = count - height;
	if (top < 0)
		top = 0;
	return top;
}
