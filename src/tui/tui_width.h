/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_width.h - the one place that measures and cuts UTF-8 text by screen columns. */
#ifndef NT_TUI_WIDTH_H
#define NT_TUI_WIDTH_H

#include <stdbool.h>
#include <curses.h>

/*
 * Columns the text takes on screen (control characters count as one '?',
 * format characters as their escape, "<U+202E>").
 */
int tui_width(const char *s);

/*
 * Draws s at (y, x) in at most `maxw` columns; text that does not fit ends
 * in an ellipsis ("…", or "~" without UTF-8).  Control characters are shown
 * as '?', format characters escaped ("<U+202E>"): never sent raw.  Returns
 * the columns used.
 */
int tui_put(WINDOW *w, int y, int x, const char *s, int maxw);

/* Like tui_put, right-aligned so that the text ends at column x + maxw. */
int tui_put_right(WINDOW *w, int y, int x, const char *s, int maxw);

/* Whether the terminal's locale speaks UTF-8 (set once at start). */
void tui_set_utf8(bool utf8);
bool tui_utf8(void);

#endif
