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

void
tui_panels_compute(int y, int bottom, int cols, int n, int bars, struct tui_panels *p)
{
	int best = 0;

	p->y = y;
	p->x = 0;
	p->rows = p->across = p->w = p->h = 0;
	/* Of the arrangements that fit, the one with the largest bars wins. */
	for (int across = n; across >= 1; across--) {
		int rows = (n + across - 1) / across;
		int w = cols / across;
		/* per panel row: title, bars, labels; blank lines between */
		int h = (bottom - y - rows * 2 - (rows - 1)) / rows;
		int score;

		if (n % across)
			continue; /* a tidy grid: 4 panels go 4, 2 or 1 across */
		if (w < bars * 2 + 2 || h < TUI_CHART_MIN_H)
			continue;
		if (h > TUI_CHART_MAX_H)
			h = TUI_CHART_MAX_H;
		score = tui_panel_bar_w(w, bars) * h * h; /* height shows more */
		if (score <= best)
			continue;
		best = score;
		p->across = across;
		p->rows = rows;
		p->w = w;
		p->h = h;
	}
}

int
tui_panel_bar_w(int w, int n)
{
	int step = n > 0 ? (w - 2) / n : 0;
	int bw = step - 1;

	if (bw > 4)
		bw = 4;
	return bw < 1 ? 1 : bw;
}

int
tui_panel_bar_x(int w, int n, int i)
{
	int step = n > 0 ? (w - 2) / n : 1;

	if (step < 2)
		step = 2;
	return 1 + i * step + (step - 1 - tui_panel_bar_w(w, n) + 1) / 2;
}

int
tui_chart_target_rows(int h)
{
	return (h * 2 + 1) / 3;
}

int
tui_chart_eighths(int percent, int target_rows, int h)
{
	long e;

	if (percent <= 0 || h <= 0)
		return 0;
	e = (long)percent * target_rows * 8 / 100;
	return e > (long)h * 8 ? h * 8 : (int)e;
}

void
tui_week_layout_compute(int rows, int cols, struct tui_week_layout *l)
{
	int x;

	/*
	 * Cells hold "1148%", "240%*" with a space where there is room; on
	 * narrow screens the short names and the percent without its sign.
	 */
	l->head_y = 1;
	l->grid_y = 3;
	if (cols >= 72) {
		l->label_w = 12;
		l->cell_w = 6;
		l->avg_w = 7;
	} else if (cols >= 56) {
		l->label_w = 8;
		l->cell_w = 5;
		l->avg_w = 6;
	} else {
		l->label_w = 7;
		l->cell_w = 4;
		l->avg_w = 4;
	}
	l->days_x = 1 + l->label_w;
	l->avg_x = l->days_x + 7 * l->cell_w;
	x = l->avg_x + l->avg_w;
	l->flag_x = l->change_x = l->target_x = 0;
	l->change_w = 7;
	l->target_w = 10;
	if (x + 4 <= cols) {
		l->flag_x = x + 1;
		x = l->flag_x + 3;
	}
	if (l->flag_x && x + 1 + l->change_w <= cols) {
		l->change_x = x + 1;
		x = l->change_x + l->change_w;
	}
	if (l->change_x && x + 1 + l->target_w <= cols)
		l->target_x = x + 1;
	l->info_y = l->grid_y + 5 + 1;
	tui_panels_compute(l->info_y + 2, rows - 1, cols, 4, 7, &l->charts);
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
