/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_day.h - the day view: meals and entries, the totals against targets, suggestions. */
#ifndef NT_TUI_DAY_H
#define NT_TUI_DAY_H

#include "tui_view.h"

/* Its reload loads the day (t->day) and counts the load in t->loads. */
extern const struct tui_view_ops tui_day_view;

#endif
