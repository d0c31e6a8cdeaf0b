/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_action.c - key bindings and their help, in one table. */
#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "tui_action.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27
#define K TUI_KEYCODE

static const struct binding {
	enum tui_action action;
	unsigned views;
	int keys[5];       /* 0-terminated */
	const char *names; /* as shown in help */
	const char *help;
} bindings[] = {
	/* the day view */
	{TA_UP, TV_DAY | TV_HELP, {K(KEY_UP), 'k', 0}, "Up, k", "previous row"},
	{TA_DOWN, TV_DAY | TV_HELP, {K(KEY_DOWN), 'j', 0}, "Down, j", "next row"},
	{TA_PAGE_UP, TV_DAY | TV_SEARCH | TV_HELP, {K(KEY_PPAGE), 0}, "PgUp", "a page up"},
	{TA_PAGE_DOWN, TV_DAY | TV_SEARCH | TV_HELP, {K(KEY_NPAGE), 0}, "PgDn", "a page down"},
	{TA_FIRST, TV_DAY | TV_HELP, {K(KEY_HOME), 0}, "Home", "first row"},
	{TA_LAST, TV_DAY | TV_HELP, {K(KEY_END), 0}, "End", "last row"},
	{TA_PREV_DAY, TV_DAY | TV_WEEK, {K(KEY_LEFT), 'h', 0}, "Left, h", "previous day"},
	{TA_NEXT_DAY, TV_DAY | TV_WEEK, {K(KEY_RIGHT), 'l', 0}, "Right, l", "next day"},
	{TA_TODAY, TV_DAY | TV_WEEK | TV_TREND, {'t', 0}, "t", "today"},
	{TA_GOTO, TV_DAY, {'g', 0}, "g", "go to a date (YYYY-MM-DD, yesterday, -N)"},
	{TA_ADD, TV_DAY, {'a', '\r', '\n', K(KEY_ENTER)}, "a, Enter",
	 "add a food to the selected meal (search, then amount)"},
	{TA_EDIT, TV_DAY, {'e', 0}, "e", "edit the selected entry's amount"},
	{TA_MOVE, TV_DAY, {'m', 0}, "m", "move the selected entry to another meal"},
	{TA_DELETE, TV_DAY, {'d', K(KEY_DC), 0}, "d, Delete", "delete the selected entry"},
	{TA_UNDO, TV_DAY, {'u', 0}, "u", "undo the last change"},
	{TA_EAT, TV_DAY, {'x', 0}, "x", "mark the selected entry eaten, or planned again"},
	{TA_SUGGEST, TV_DAY, {'s', 0}, "s",
	 "jump to the suggestions (Enter logs one to the meal last selected)"},
	{TA_PROFILE, TV_DAY, {'p', 0}, "p", "profile: sex, age, life stage, diet"},
	{TA_MORE_TOTALS, TV_DAY, {'v', 0}, "v",
	 "totals: folate, folic acid and B6 (v again: back to B12 and the rest)"},
	{TA_WEEK, TV_DAY | TV_TREND, {'w', 0}, "w", "the week: days by nutrient, charts"},
	{TA_TREND, TV_DAY | TV_WEEK, {'T', 0}, "T", "the trend: weekly averages of 12 weeks"},
	{TA_HELP, TV_DAY | TV_WEEK | TV_TREND, {'?', K(KEY_F(1)), 0}, "?, F1", "this help"},
	{TA_REDRAW, TV_DAY | TV_SEARCH | TV_AMOUNT | TV_FORM | TV_HELP | TV_WEEK | TV_TREND,
	 {CTRL('l'), 0}, "Ctrl-L", "redraw the screen"},
	{TA_QUIT, TV_DAY, {'q', 0}, "q", "quit (everything is already saved)"},

	/* the week and the trend */
	{TA_PREV_WEEK, TV_WEEK | TV_TREND, {'[', K(KEY_PPAGE), 0}, "[, PgUp", "previous week"},
	{TA_NEXT_WEEK, TV_WEEK | TV_TREND, {']', K(KEY_NPAGE), 0}, "], PgDn", "next week"},
	{TA_ACCEPT, TV_WEEK, {'\r', '\n', K(KEY_ENTER), 0}, "Enter",
	 "open the selected day"},
	{TA_BACK, TV_WEEK | TV_TREND, {ESC, 'q', CTRL('g'), 0}, "Esc, q", "back to the day"},

	/* search: typing edits the query */
	{TA_UP, TV_SEARCH | TV_AMOUNT | TV_FORM | TV_PICK, {K(KEY_UP), CTRL('p'), 0},
	 "Up, Ctrl-P", "previous result / portion / field"},
	{TA_DOWN, TV_SEARCH | TV_AMOUNT | TV_FORM | TV_PICK, {K(KEY_DOWN), CTRL('n'), 0},
	 "Down, Ctrl-N", "next result / portion / field"},
	{TA_FOCUS, TV_SEARCH, {'\t', 0}, "Tab",
	 "move between the query and the results (j/k choose in the results)"},
	{TA_ACCEPT, TV_SEARCH | TV_AMOUNT | TV_FORM | TV_PROMPT | TV_PICK,
	 {'\n', '\r', K(KEY_ENTER), 0}, "Enter", "pick the food / log the amount / save"},
	{TA_BACK, TV_SEARCH | TV_AMOUNT | TV_FORM | TV_PROMPT | TV_HELP | TV_PICK,
	 {ESC, CTRL('g'), 0}, "Esc", "back one step, changing nothing"},
	{TA_TEXT, TV_AMOUNT, {0}, "(typing)",
	 "replaces the suggested amount, which is shown selected"},
	{TA_TEXT, TV_SEARCH | TV_AMOUNT, {K(KEY_LEFT), K(KEY_RIGHT), K(KEY_HOME), K(KEY_END)},
	 "Left, Right, Home, End", "move in the text (keeps a suggested amount to edit)"},
	{TA_TEXT, TV_SEARCH | TV_AMOUNT, {CTRL('u'), 0}, "Ctrl-U", "clear the text"},
	{TA_TEXT, TV_SEARCH | TV_AMOUNT, {CTRL('w'), 0}, "Ctrl-W", "delete the word before the cursor"},
	{TA_LEFT, TV_FORM, {K(KEY_LEFT), 'h', 0}, "Left, h", "previous choice"},
	{TA_RIGHT, TV_FORM, {K(KEY_RIGHT), 'l', ' ', 0}, "Right, l, Space", "next choice"},
	{TA_SKIP, TV_FORM, {'s', 0}, "s", "skip the profile (first run)"},
	{TA_BACK, TV_FORM, {'q', 0}, "q", "leave the form, changing nothing (first run: as s)"},
	{TA_MEAL_BREAKFAST, TV_PICK, {'b', '1', 0}, "b, 1", "breakfast"},
	{TA_MEAL_LUNCH, TV_PICK, {'l', '2', 0}, "l, 2", "lunch"},
	{TA_MEAL_DINNER, TV_PICK, {'d', '3', 0}, "d, 3", "dinner"},
	{TA_MEAL_SNACK, TV_PICK, {'s', '4', 0}, "s, 4", "snacks"},
	{TA_QUIT, TV_HELP, {'q', '?', 0}, "q, ?", "close the help"},
};

enum tui_action
tui_action_for(unsigned view, int key)
{
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++) {
		if (!(bindings[i].views & view))
			continue;
		for (const int *k = bindings[i].keys; *k; k++)
			if (*k == key)
				return bindings[i].action;
	}
	return TA_NONE;
}

int
tui_action_help(unsigned view, struct tui_help_line *out, int n)
{
	int m = 0;

	for (size_t i = 0; i < sizeof bindings / sizeof *bindings && m < n; i++) {
		if (!(bindings[i].views & view))
			continue;
		out[m].keys = bindings[i].names;
		out[m].help = bindings[i].help;
		m++;
	}
	return m;
}

/*
 * The status-line hints: per view, the actions worth a reminder, in the
 * order shown.  Only the words are written here; the keys are the first
 * ones the table above binds to the action in that view, so a key bound
 * differently shows differently.
 */
enum { H_LETTER = 1 }; /* without UTF-8, the letter bound (h/l), not the arrow's name */
static const struct hint {
	unsigned view;
	const char *before;    /* words before the keys: "type an amount or" */
	enum tui_action a, b;  /* a's key, then b's (TA_NONE: none) */
	const char *join;      /* between a's and b's keys, unless both are arrows drawn */
	const char *words;     /* what they do */
	unsigned flags;
} hints[] = {
	{TV_DAY, NULL, TA_ADD, TA_NONE, NULL, "add", 0},
	{TV_DAY, NULL, TA_EDIT, TA_NONE, NULL, "edit", 0},
	{TV_DAY, NULL, TA_MOVE, TA_NONE, NULL, "move", 0},
	{TV_DAY, NULL, TA_DELETE, TA_NONE, NULL, "delete", 0},
	{TV_DAY, NULL, TA_UNDO, TA_NONE, NULL, "undo", 0},
	{TV_DAY, NULL, TA_PREV_DAY, TA_NEXT_DAY, "/", "day", H_LETTER},
	{TV_DAY, NULL, TA_HELP, TA_NONE, NULL, "help", 0},
	{TV_DAY, NULL, TA_QUIT, TA_NONE, NULL, "quit", 0},

	{TV_SEARCH, "type to search", TA_NONE, TA_NONE, NULL, NULL, 0},
	{TV_SEARCH, NULL, TA_UP, TA_DOWN, "/", "choose", 0},
	{TV_SEARCH, NULL, TA_FOCUS, TA_NONE, NULL, "results", 0},
	{TV_SEARCH, NULL, TA_ACCEPT, TA_NONE, NULL, "pick", 0},
	{TV_SEARCH, NULL, TA_BACK, TA_NONE, NULL, "back", 0},

	{TV_AMOUNT, "type an amount or", TA_UP, TA_DOWN, "/", "a portion", 0},
	{TV_AMOUNT, NULL, TA_ACCEPT, TA_NONE, NULL, "log", 0},
	{TV_AMOUNT, NULL, TA_BACK, TA_NONE, NULL, "back", 0},

	{TV_FORM, NULL, TA_UP, TA_DOWN, "/", "field", 0},
	{TV_FORM, NULL, TA_LEFT, TA_RIGHT, "/", "change", 0},
	{TV_FORM, NULL, TA_ACCEPT, TA_NONE, NULL, "save", 0},
	{TV_FORM, NULL, TA_BACK, TA_NONE, NULL, "cancel", 0},

	{TV_PICK, NULL, TA_MEAL_BREAKFAST, TA_NONE, NULL, "breakfast", 0},
	{TV_PICK, NULL, TA_MEAL_LUNCH, TA_NONE, NULL, "lunch", 0},
	{TV_PICK, NULL, TA_MEAL_DINNER, TA_NONE, NULL, "dinner", 0},
	{TV_PICK, NULL, TA_MEAL_SNACK, TA_NONE, NULL, "snacks", 0},
	{TV_PICK, NULL, TA_BACK, TA_NONE, NULL, "cancel", 0},

	{TV_PROMPT, NULL, TA_ACCEPT, TA_NONE, NULL, "go", 0},
	{TV_PROMPT, NULL, TA_BACK, TA_NONE, NULL, "cancel", 0},

	{TV_HELP, NULL, TA_BACK, TA_QUIT, " or ", "closes the help", 0},

	{TV_WEEK, NULL, TA_PREV_DAY, TA_NEXT_DAY, "/", "day", H_LETTER},
	{TV_WEEK, NULL, TA_PREV_WEEK, TA_NEXT_WEEK, " ", "week", 0},
	{TV_WEEK, NULL, TA_ACCEPT, TA_NONE, NULL, "open day", 0},
	{TV_WEEK, NULL, TA_TREND, TA_NONE, NULL, "trend", 0},
	{TV_WEEK, NULL, TA_HELP, TA_NONE, NULL, "help", 0},
	{TV_WEEK, NULL, TA_BACK, TA_NONE, NULL, "back", 0},

	{TV_TREND, NULL, TA_PREV_WEEK, TA_NEXT_WEEK, " ", "week", 0},
	{TV_TREND, NULL, TA_TODAY, TA_NONE, NULL, "this week", 0},
	{TV_TREND, NULL, TA_WEEK, TA_NONE, NULL, "week view", 0},
	{TV_TREND, NULL, TA_HELP, TA_NONE, NULL, "help", 0},
	{TV_TREND, NULL, TA_BACK, TA_NONE, NULL, "back", 0},
};

/* The key a hint shows for action a in view, or NULL when none is bound. */
static const char *
hint_key(unsigned view, enum tui_action a, bool letter, bool utf8, bool *arrow, char *buf)
{
	static const struct {
		int key;
		const char *utf8, *ascii;
	} names[] = {
		{K(KEY_UP), "\xe2\x86\x91", "Up"}, {K(KEY_DOWN), "\xe2\x86\x93", "Down"},
		{K(KEY_LEFT), "\xe2\x86\x90", "Left"}, {K(KEY_RIGHT), "\xe2\x86\x92", "Right"},
		{'\r', "Enter", "Enter"}, {'\n', "Enter", "Enter"}, {K(KEY_ENTER), "Enter", "Enter"},
		{ESC, "Esc", "Esc"}, {'\t', "Tab", "Tab"},
	};

	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++) {
		const struct binding *b = &bindings[i];
		int key = b->keys[0];

		if (b->action != a || !(b->views & view) || !key)
			continue;
		if (letter && !utf8)
			for (const int *k = b->keys; *k; k++)
				if ((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z')) {
					key = *k;
					break;
				}
		*arrow = false;
		for (size_t j = 0; j < sizeof names / sizeof *names; j++)
			if (names[j].key == key) {
				*arrow = utf8 && j < 4; /* the four arrows come first */
				return utf8 ? names[j].utf8 : names[j].ascii;
			}
		if (key > ' ' && key < 0x7f) {
			buf[0] = (char)key;
			buf[1] = '\0';
			return buf;
		}
		return NULL;
	}
	return NULL;
}

size_t
tui_action_hint(unsigned view, bool utf8, char *buf, size_t n)
{
	size_t len = 0;

	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof hints / sizeof *hints; i++) {
		const struct hint *h = &hints[i];
		const char *ka = NULL, *kb = NULL;
		char ca[2], cb[2];
		bool arrow_a = false, arrow_b = false;
		int w;

		if (h->view != view)
			continue;
		if (h->a != TA_NONE && !(ka = hint_key(view, h->a, h->flags & H_LETTER, utf8,
		                                       &arrow_a, ca)))
			continue; /* not bound in this view: nothing to remind of */
		if (h->b != TA_NONE)
			kb = hint_key(view, h->b, h->flags & H_LETTER, utf8, &arrow_b, cb);
		w = snprintf(buf + len, len < n ? n - len : 0, "%s%s%s%s%s%s%s%s",
		             len ? "  " : "",
		             h->before ? h->before : "", h->before && ka ? " " : "",
		             ka ? ka : "", kb ? (arrow_a && arrow_b ? "" : h->join) : "",
		             kb ? kb : "",
		             h->words && (ka || h->before) ? " " : "", h->words ? h->words : "");
		if (w > 0)
			len += (size_t)w;
	}
	return len;
}
