/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_tui_keys.c - the action table, its lookups, and the man page's KEYS agree. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "tui_action.h"

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf;
	long n;

	if (!fp)
		tap_bail("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	if (!(buf = malloc((size_t)n + 1)) || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		tap_bail("cannot read %s", path);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

int
main(void)
{
	static const struct {
		unsigned view;
		const char *name;
	} views[] = {
		{TV_DAY, "day"}, {TV_SEARCH, "search"}, {TV_AMOUNT, "amount"},
		{TV_FORM, "form"}, {TV_PICK, "pick"}, {TV_HELP, "help"},
		{TV_WEEK, "week"}, {TV_TREND, "trend"},
	};
	const char *man_path = getenv("NUTRACK_MAN");
	struct tui_help_line lines[64];
	char *man;

	if (!man_path)
		tap_bail("NUTRACK_MAN is not set (run through make check)");
	man = slurp(man_path);

	/* Every help line of every view is in the man page, keys then text. */
	for (size_t v = 0; v < sizeof views / sizeof *views; v++) {
		int n = tui_action_help(views[v].view, lines, 64);

		ok(n > 0, "%s view has help lines", views[v].name);
		for (int i = 0; i < n; i++) {
			char want[256];

			snprintf(want, sizeof want, "\n%s\n%s\n", lines[i].keys, lines[i].help);
			ok(strstr(man, want) != NULL, "man page documents %s: %s", views[v].name,
			   lines[i].keys);
		}
	}

	/* Lookups: both arrow keys and vi keys, per view. */
	is_int(tui_action_for(TV_DAY, TUI_KEYCODE(KEY_UP)), TA_UP, "Up moves up in the day");
	is_int(tui_action_for(TV_DAY, 'k'), TA_UP, "k moves up in the day");
	is_int(tui_action_for(TV_DAY, 'j'), TA_DOWN, "j moves down in the day");
	is_int(tui_action_for(TV_DAY, TUI_KEYCODE(KEY_LEFT)), TA_PREV_DAY, "Left: previous day");
	is_int(tui_action_for(TV_DAY, 'h'), TA_PREV_DAY, "h: previous day");
	is_int(tui_action_for(TV_DAY, 'l'), TA_NEXT_DAY, "l: next day");
	/* nonl() makes the terminal send Enter as '\r' */
	is_int(tui_action_for(TV_DAY, '\r'), TA_ADD, "Enter (CR) adds in the day");
	is_int(tui_action_for(TV_DAY, '\n'), TA_ADD, "Ctrl-J (LF) adds in the day");
	is_int(tui_action_for(TV_SEARCH, '\r'), TA_ACCEPT, "Enter picks in the search");
	is_int(tui_action_for(TV_DAY, 'u'), TA_UNDO, "u undoes");
	is_int(tui_action_for(TV_DAY, 'x'), TA_EAT, "x marks a planned entry eaten");
	is_int(tui_action_for(TV_DAY, 'z'), TA_NONE, "z does nothing");
	is_int(tui_action_for(TV_SEARCH, 'k'), TA_NONE, "k is text in the search query");
	is_int(tui_action_for(TV_SEARCH, 27), TA_BACK, "Esc goes back from search");
	is_int(tui_action_for(TV_AMOUNT, TUI_KEYCODE(KEY_DOWN)), TA_DOWN, "Down picks a portion");
	is_int(tui_action_for(TV_PICK, 'l'), TA_MEAL_LUNCH, "l is lunch in the meal picker");
	is_int(tui_action_for(TV_FORM, 'l'), TA_RIGHT, "l is the next choice in the form");
	ok(tui_action_for(TV_DAY, 'a') != tui_action_for(TV_DAY, 'd'), "a and d differ");
	is_int(tui_action_for(TV_DAY, 'w'), TA_WEEK, "w opens the week");
	is_int(tui_action_for(TV_DAY, 'T'), TA_TREND, "T opens the trend");
	is_int(tui_action_for(TV_WEEK, '['), TA_PREV_WEEK, "[ is the previous week");
	is_int(tui_action_for(TV_TREND, ']'), TA_NEXT_WEEK, "] is the next week in the trend");
	is_int(tui_action_for(TV_WEEK, TUI_KEYCODE(KEY_LEFT)), TA_PREV_DAY,
	       "Left selects the previous day in the week");
	is_int(tui_action_for(TV_WEEK, 'q'), TA_BACK, "q goes back from the week, not quits");
	is_int(tui_action_for(TV_WEEK, '\r'), TA_ACCEPT, "Enter opens a day from the week");
	is_int(tui_action_for(TV_TREND, TUI_KEYCODE(KEY_LEFT)), TA_NONE,
	       "Left does nothing in the trend");

	/*
	 * The status-line hints, generated from the table: the text the screens
	 * showed when they were written by hand, with and without UTF-8.
	 */
	{
		static const struct {
			unsigned view;
			const char *utf8, *ascii;
		} want[] = {
			{TV_DAY,
			 "a add  e edit  m move  d delete  u undo  \xe2\x86\x90\xe2\x86\x92 day  ? help  q quit",
			 "a add  e edit  m move  d delete  u undo  h/l day  ? help  q quit"},
			{TV_SEARCH,
			 "type to search  \xe2\x86\x91\xe2\x86\x93 choose  Tab results  Enter pick  Esc back",
			 "type to search  Up/Down choose  Tab results  Enter pick  Esc back"},
			{TV_AMOUNT, "type an amount or \xe2\x86\x91\xe2\x86\x93 a portion  Enter log  Esc back",
			 "type an amount or Up/Down a portion  Enter log  Esc back"},
			{TV_FORM,
			 "\xe2\x86\x91\xe2\x86\x93 field  \xe2\x86\x90\xe2\x86\x92 change  Enter save  Esc cancel",
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
		char buf[256], small[8];

		for (size_t v = 0; v < sizeof want / sizeof *want; v++) {
			size_t n = tui_action_hint(want[v].view, true, buf, sizeof buf);

			is_str(buf, want[v].utf8, "UTF-8 hint of view %#x", want[v].view);
			is_int((long)n, (long)strlen(want[v].utf8), "its length, %#x", want[v].view);
			tui_action_hint(want[v].view, false, buf, sizeof buf);
			is_str(buf, want[v].ascii, "ASCII hint of view %#x", want[v].view);
		}
		/* A hint that does not fit is cut, terminated, and says how long it is. */
		is_int((long)tui_action_hint(TV_PROMPT, false, small, sizeof small),
		       (long)strlen("Enter go  Esc cancel"), "a short buffer: the full length");
		is_str(small, "Enter g", "a short buffer: cut and terminated");
		tui_action_hint(0, true, buf, sizeof buf);
		is_str(buf, "", "no view: no hint");
	}
	/*
	 * The hints come from the table, not from text beside it: every key a
	 * hint names is bound in that view to what the hint says it does (the
	 * day's: a adds, e edits, ... q quits).
	 */
	{
		static const struct {
			unsigned view;
			int key;
			enum tui_action a;
		} shown[] = {
			{TV_DAY, 'a', TA_ADD}, {TV_DAY, 'e', TA_EDIT}, {TV_DAY, 'm', TA_MOVE},
			{TV_DAY, 'd', TA_DELETE}, {TV_DAY, 'u', TA_UNDO}, {TV_DAY, 'h', TA_PREV_DAY},
			{TV_DAY, 'l', TA_NEXT_DAY}, {TV_DAY, '?', TA_HELP}, {TV_DAY, 'q', TA_QUIT},
			{TV_SEARCH, '\t', TA_FOCUS}, {TV_SEARCH, 27, TA_BACK}, {TV_HELP, 'q', TA_QUIT},
			{TV_WEEK, 'T', TA_TREND}, {TV_WEEK, '[', TA_PREV_WEEK}, {TV_TREND, 'w', TA_WEEK},
			{TV_TREND, 't', TA_TODAY}, {TV_PICK, 's', TA_MEAL_SNACK},
		};

		for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
			is_int(tui_action_for(shown[i].view, shown[i].key), shown[i].a,
			       "hinted key %c is bound in view %#x", shown[i].key > ' ' ? shown[i].key : '.',
			       shown[i].view);
	}
	free(man);
	return tap_done();
}
