/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_action.c - key bindings and their help, in one table. */
#include "config.h"

#include <curses.h>

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

const char *
tui_action_hint(unsigned view, bool utf8)
{
	static const struct {
		unsigned view;
		const char *utf8, *ascii;
	} hints[] = {
		{TV_DAY,
		 "a add  e edit  m move  d delete  u undo  \xe2\x86\x90\xe2\x86\x92 day  ? help  q quit",
		 "a add  e edit  m move  d delete  u undo  h/l day  ? help  q quit"},
		{TV_SEARCH, "type to search  \xe2\x86\x91\xe2\x86\x93 choose  Tab results  Enter pick  Esc back",
		 "type to search  Up/Down choose  Tab results  Enter pick  Esc back"},
		{TV_AMOUNT, "type an amount or \xe2\x86\x91\xe2\x86\x93 a portion  Enter log  Esc back",
		 "type an amount or Up/Down a portion  Enter log  Esc back"},
		{TV_FORM, "\xe2\x86\x91\xe2\x86\x93 field  \xe2\x86\x90\xe2\x86\x92 change  Enter save  Esc cancel",
		 "Up/Down field  Left/Right change  Enter save  Esc cancel"},
		{TV_PICK, "b breakfast  l lunch  d dinner  s snacks  Esc cancel",
		 "b breakfast  l lunch  d dinner  s snacks  Esc cancel"},
		{TV_PROMPT, "Enter go  Esc cancel", "Enter go  Esc cancel"},
		{TV_HELP, "Esc or q closes the help", "Esc or q closes the help"},
		{TV_WEEK,
		 "\xe2\x86\x90\xe2\x86\x92 day  [ ] week  Enter open day  T trend  ? help  Esc back",
		 "h/l day  [ ] week  Enter open day  T trend  ? help  Esc back"},
		{TV_TREND, "[ ] week  t this week  w week view  ? help  Esc back",
		 "[ ] week  t this week  w week view  ? help  Esc back"},
	};

	for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
		if (hints[i].view == view)
			return utf8 ? hints[i].utf8 : hints[i].ascii;
	return "";
}
