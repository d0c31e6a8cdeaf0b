/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c - placeholder until the TUI lands. */
#include "config.h"

#include <stdio.h>

#include "app.h"
#include "tui.h"

int
tui_run(struct app *a)
{
	fprintf(stderr, "%s: the interactive view is not built yet; see --help\n", a->prog);
	return 2;
}
