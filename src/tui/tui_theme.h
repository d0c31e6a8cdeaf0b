/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_theme.h - what each part of the screen looks like, in colour or not. */
#ifndef NT_TUI_THEME_H
#define NT_TUI_THEME_H

#include <stdbool.h>
#include <curses.h>

enum tui_role {
	TH_NORMAL,
	TH_HEADER,   /* top line */
	TH_STATUS,   /* bottom line */
	TH_TITLE,    /* meal and panel titles */
	TH_SELECTED, /* the cursor row */
	TH_DIM,      /* ids, hints, "(nothing logged)" */
	TH_OK,       /* target met */
	TH_LOW,      /* shortfall */
	TH_UNKNOWN,  /* no data */
	TH_ERROR,    /* messages about failures */
	TH_KEY,      /* key names in the status line */
	TH_ROLE_COUNT
};

/*
 * Sets the theme up after initscr(): colours when the terminal has them
 * and NO_COLOR is not set, else a monochrome theme of bold, reverse and
 * underline that still tells ok from low.
 */
void tui_theme_init(void);

/* The attributes of a role. */
attr_t tui_theme(enum tui_role r);

/* Whether the colour theme is active. */
bool tui_theme_color(void);

#endif
