/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_view.h - the one interface every view implements, and what a key asks of the loop. */
#ifndef NT_TUI_VIEW_H
#define NT_TUI_VIEW_H

#include <stdbool.h>
#include <wchar.h>

#include "tui_action.h"

struct tui;

/*
 * The views.  VIEW_NONE is no view: a key handler returns it to stay where
 * it is.  Each view's operations are declared in its own header (tui_day.h,
 * tui_search.h, tui_form.h, tui_report.h); only tui.c, the loop, knows
 * them all, so views never call one another.
 */
enum tui_view {
	VIEW_NONE,
	VIEW_DAY, VIEW_SEARCH, VIEW_AMOUNT, VIEW_FORM, VIEW_HELP, VIEW_PROMPT, VIEW_PICK,
	VIEW_WEEK, VIEW_TREND,
	VIEW_COUNT
};

/* A key as the loop read it, and the action the view's keys bind it to. */
struct tui_key {
	int key;               /* a character, or TUI_KEYCODE(curses key) */
	bool keycode;          /* ch is a curses key code */
	wint_t ch;
	enum tui_action action; /* tui_action_for(the view's keys, key); text keys too */
};

/*
 * What a view asks of the loop after a key or a click: the view to show
 * next (VIEW_NONE: stay), whether the day's data changed and every view
 * must reload, and whether to quit.
 */
struct tui_next {
	enum tui_view view;
	bool reload;
	bool quit;
};

static inline struct tui_next
tui_stay(void)
{
	return (struct tui_next){VIEW_NONE, false, false};
}

static inline struct tui_next
tui_go(enum tui_view v, bool reload)
{
	return (struct tui_next){v, reload, false};
}

/*
 * A view's operations.  The loop draws the view shown (over `under` when
 * that is not VIEW_NONE), hands it the keys and clicks, and when a view
 * returns another: calls the new one's open (false: it could not open, said
 * why with tui_message, and the old view stays), then the old one's close.
 * What open needs (the meal, the food to log) the caller leaves in struct
 * tui before it returns the view.  NULL operations do nothing.
 */
struct tui_view_ops {
	const char *name;      /* "day", "search": to tell views apart when debugging */
	unsigned keys;         /* the action table's view bit (TV_DAY) */
	enum tui_view under;   /* drawn first, beneath this one; VIEW_NONE: none */
	/* from: the view shown until now (back from the help, a view keeps its place) */
	bool (*open)(struct tui *t, enum tui_view from);
	void (*draw)(struct tui *t);
	struct tui_next (*key)(struct tui *t, const struct tui_key *k);
	/* a click at (y, x) on this view; twice: a double click */
	struct tui_next (*click)(struct tui *t, int y, int x, bool twice);
	void (*close)(struct tui *t, enum tui_view next);
	/* the data changed (a change here, or another nutrack's) */
	void (*reload)(struct tui *t);
};

#endif
