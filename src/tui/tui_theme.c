/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_theme.c - colour and monochrome themes. */
#include "config.h"

#include <stdlib.h>

#include "tui_theme.h"

static attr_t attrs[TH_ROLE_COUNT];
static bool color;

/* role, foreground, background, extra attributes, monochrome attributes */
static const struct {
	enum tui_role role;
	short fg, bg;
	attr_t extra, mono;
} table[] = {
	{TH_NORMAL, -1, -1, A_NORMAL, A_NORMAL},
	{TH_HEADER, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	{TH_STATUS, COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
	{TH_TITLE, COLOR_CYAN, -1, A_BOLD, A_BOLD},
	{TH_SELECTED, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
	{TH_DIM, COLOR_BLUE, -1, A_BOLD, A_DIM},
	{TH_OK, COLOR_GREEN, -1, A_BOLD, A_NORMAL},
	{TH_LOW, COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	{TH_UNKNOWN, COLOR_MAGENTA, -1, A_NORMAL, A_DIM},
	{TH_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
	{TH_KEY, COLOR_BLUE, COLOR_WHITE, A_BOLD, A_BOLD | A_REVERSE},
};

void
tui_theme_init(void)
{
	const char *no_color = getenv("NO_COLOR");

	color = has_colors() && !(no_color && *no_color);
	if (color) {
		start_color();
		use_default_colors();
	}
	for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
		enum tui_role r = table[i].role;

		if (color && r != TH_NORMAL) {
			init_pair((short)r, table[i].fg, table[i].bg);
			attrs[r] = COLOR_PAIR(r) | table[i].extra;
		} else {
			attrs[r] = table[i].mono;
		}
	}
}

attr_t
tui_theme(enum tui_role r)
{
	return attrs[r];
}

bool
tui_theme_color(void)
{
	return color;
}
