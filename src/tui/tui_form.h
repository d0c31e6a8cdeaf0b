/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_form.h - the profile form, the go-to-date prompt, the meal picker and the help. */
#ifndef NT_TUI_FORM_H
#define NT_TUI_FORM_H

#include "tui_view.h"

/* The profile form; the first run's when t->first_run is set. */
extern const struct tui_view_ops tui_form_view;
/* Go to a date: drawn over the day. */
extern const struct tui_view_ops tui_prompt_view;
/* Move the selected entry to a meal: drawn over the day. */
extern const struct tui_view_ops tui_pick_view;
/* The keys of every view, from the action table; returns to the view it opened over. */
extern const struct tui_view_ops tui_help_view;

#endif
