/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_term.c - whether the terminal can show the full-screen view (term.h kept apart: its macros). */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "tui.h"

bool
tui_terminal_ok(char *why, size_t n)
{
	const char *term = getenv("TERM");
	TERMINAL *saved = cur_term;
	char *cup;
	int err = 0;

	if (!term || !*term) {
		snprintf(why, n, "TERM is not set");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, n, "TERM=%.40s is a terminal type this system does not know", term);
		return false;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	set_curterm(saved);
	if (!cup || cup == (char *)-1) {
		snprintf(why, n, "TERM=%.40s cannot move the cursor", term);
		return false;
	}
	return true;
}
