/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_chrome.h - what every view draws alike: the header, the status line, values. */
#ifndef NT_TUI_CHROME_H
#define NT_TUI_CHROME_H

#include <stdbool.h>
#include <stddef.h>

#include "nutrient.h"

struct tui;

/*
 * The header line: title, or (NULL) "nutrack  Wednesday 2026-03-11
 * (today)"; the profile on the right when it fits.
 */
void tui_draw_header(struct tui *t, const char *title);

/*
 * The status line: the message when there is one, else the hint of the
 * view whose action-table bit is `keys` (TV_DAY...).
 */
void tui_draw_status(struct tui *t, unsigned keys);

/* Formats a measure for the screen: "2.18 µg", "?" when unknown. */
void tui_fmt_measure(const struct tui *t, char *buf, size_t n, enum nt_measure m,
                     double v, bool partial, bool unit);
/* The same with a leading "~" when the value is, or includes, an estimate. */
void tui_fmt_measure_est(const struct tui *t, char *buf, size_t n, enum nt_measure m,
                         double v, bool partial, bool estimated, bool unit);
/*
 * The same without the unit, in at most `width` columns where fewer
 * decimals make it fit ("~18.2" for an estimated 18.16 in 5 columns).
 */
void tui_fmt_measure_fit(char *buf, size_t n, enum nt_measure m, double v, bool partial,
                         bool estimated, int width);

#endif
