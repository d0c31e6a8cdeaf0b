/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_search.h - logging a food: the search view, then the amount view. */
#ifndef NT_TUI_SEARCH_H
#define NT_TUI_SEARCH_H

#include "tui_view.h"

/* Opens on an empty query for the meal in t->meal. */
extern const struct tui_view_ops tui_search_view;

/*
 * Opens on the food t->open_food_id, changing entry t->open_edit_id (0: a
 * new one) with t->open_amount suggested (NULL: a portion or 100 g).
 */
extern const struct tui_view_ops tui_amount_view;

#endif
