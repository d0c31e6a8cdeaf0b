/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_report.h - the week view (days by nutrient, charts) and the 12-week trend. */
#ifndef NT_TUI_REPORT_H
#define NT_TUI_REPORT_H

#include "tui_view.h"

/* Both open on the week holding t->day, when nutrack keeps all of it. */
extern const struct tui_view_ops tui_week_view;
extern const struct tui_view_ops tui_trend_view;

#endif
