/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.h - the interactive ncurses front end. */
#ifndef NT_TUI_H
#define NT_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct app;

/*
 * Runs the day view until the user quits; returns the exit status: 0, or
 * 128 + the signal that ended it (the terminal restored first).
 */
int tui_run(struct app *a);

/*
 * Whether the terminal on standard output can show the full-screen view:
 * its type is known and can move the cursor.  When not, why (size n)
 * says so in a few words ("TERM=dumb cannot move the cursor").
 */
bool tui_terminal_ok(char *why, size_t n);

#endif
