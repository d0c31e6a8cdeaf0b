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

	/* Hints exist for each view, with and without UTF-8. */
	for (size_t v = 0; v < sizeof views / sizeof *views; v++) {
		const char *ascii = tui_action_hint(views[v].view, false);
		bool plain = true;

		ok(*tui_action_hint(views[v].view, true), "%s view has a UTF-8 hint", views[v].name);
		for (const char *p = ascii; *p; p++)
			plain &= (unsigned char)*p < 0x80;
		ok(*ascii && plain, "%s view has an ASCII hint", views[v].name);
	}
	free(man);
	return tap_done();
}
