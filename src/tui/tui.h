/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.h - the interactive ncurses front end. */
#ifndef NT_TUI_H
#define NT_TUI_H

struct app;

/*
 * Runs the day view until the user quits; returns the exit status: 0, or
 * 128 + the signal that ended it (the terminal restored first).
 */
int tui_run(struct app *a);

#endif
