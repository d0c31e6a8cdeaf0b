/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_action.h - the one table of actions: keys, views and help text. */
#ifndef NT_TUI_ACTION_H
#define NT_TUI_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Views an action applies in (a bit mask). */
enum {
	TV_DAY = 1 << 0,
	TV_SEARCH = 1 << 1,
	TV_AMOUNT = 1 << 2,
	TV_FORM = 1 << 3,
	TV_HELP = 1 << 4,
	TV_PROMPT = 1 << 5,
	TV_PICK = 1 << 6,  /* choosing a meal */
	TV_WEEK = 1 << 7,
	TV_TREND = 1 << 8,
};

enum tui_action {
	TA_NONE,
	TA_UP, TA_DOWN, TA_PAGE_UP, TA_PAGE_DOWN, TA_FIRST, TA_LAST,
	TA_PREV_DAY, TA_NEXT_DAY, TA_TODAY, TA_GOTO,
	TA_ADD, TA_EDIT, TA_MOVE, TA_DELETE, TA_UNDO, TA_PROFILE, TA_EAT, TA_SUGGEST,
	TA_HELP, TA_QUIT, TA_REDRAW,
	TA_ACCEPT, TA_BACK, TA_FOCUS, TA_LEFT, TA_RIGHT, TA_SKIP, TA_TEXT,
	TA_MEAL_BREAKFAST, TA_MEAL_LUNCH, TA_MEAL_DINNER, TA_MEAL_SNACK,
	TA_WEEK, TA_TREND, TA_PREV_WEEK, TA_NEXT_WEEK, TA_MORE_TOTALS,
};

/*
 * A key as the input loop sees it: a character, or a curses key code
 * stored negated (-KEY_UP) so the two never collide.
 */
#define TUI_KEYCODE(k) (-(int)(k))

/*
 * The action bound to `key` in `view`, or TA_NONE.  In views with a text
 * field, printable characters are text first: ask only for other keys.
 */
enum tui_action tui_action_for(unsigned view, int key);

/* One help line: keys as shown ("←/h") and what they do, for a view. */
struct tui_help_line {
	const char *keys;
	const char *help;
};

/*
 * Fills out (capacity n) with the help lines of a view, in table order;
 * returns how many.  The help screen and the status-line hints come from
 * here, so the keys, the help and the man page cannot drift apart.
 */
int tui_action_help(unsigned view, struct tui_help_line *out, int n);

/*
 * Writes the short hint for a view's status line ("a add  e edit ... ?
 * help") into buf (size n, always terminated when n > 0); returns its
 * length as snprintf does.  The keys shown are those the table binds, so
 * the hint cannot name a key that does something else; arrows are drawn as
 * arrows only when the terminal speaks UTF-8.
 */
size_t tui_action_hint(unsigned view, bool utf8, char *buf, size_t n);

#endif
