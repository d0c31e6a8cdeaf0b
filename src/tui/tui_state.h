/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_state.h - the TUI's state, shared by its views, and the helpers that change it. */
#ifndef NT_TUI_STATE_H
#define NT_TUI_STATE_H

#include <stdbool.h>

#include "analysis.h"
#include "day.h"
#include "food.h"
#include "journal.h"
#include "profile.h"
#include "report.h"
#include "search.h"
#include "suggest.h"
#include "target.h"
#include "tui_action.h"
#include "tui_input.h"
#include "tui_layout.h"
#include "tui_view.h"

struct app;

/* A row of the day list: a meal's title, one of its entries, or its "empty" line. */
enum row_kind { ROW_MEAL, ROW_ENTRY, ROW_EMPTY, ROW_SUGGEST_TITLE, ROW_SUGGEST, ROW_HELD };
struct day_row {
	enum row_kind kind;
	enum nt_meal meal;
	size_t entry; /* index into tui.entries (ROW_ENTRY) or tui.sugg (ROW_SUGGEST);
	                 the measure (ROW_HELD: short, but a limit holds back its foods) */
};

enum undo_kind { UNDO_ADD, UNDO_REMOVE, UNDO_UPDATE };
struct undo {
	enum undo_kind kind;
	struct nt_entry before; /* the entry as it was (UNDO_ADD: its id only) */
};
#define TUI_UNDO_MAX 100

enum prompt_kind { PROMPT_GOTO };

/*
 * All the TUI's state, one per run (tui_run allocates and frees it).  Owned
 * here and freed by tui_run: entries, res (search hits), food (the food
 * being logged), undo[i].before's strings.  app is borrowed from main.
 */
struct tui {
	struct app *app;
	struct tui_layout lay;
	enum tui_view view;
	bool quit;
	long long data_version;

	/* the day */
	long day;
	/* owned; the core's summary of the day (day.h), reloaded by the day view's
	 * reload: profile, targets, entries, totals and their judgements */
	struct nt_day_summary sum;
	bool more_totals;      /* the totals panel shows folate and B6 (v toggles) */
	struct nt_suggestions sugg;     /* owned; the day's top suggestion per gap */
	enum nt_meal add_meal;          /* the meal a suggestion is logged to */
	struct day_row rows[4 * 2 + 512 + 8];
	int nrows, sel, top;
	unsigned long loads;     /* day loads so far: views holding derived data compare */

	/* search */
	enum nt_meal meal;       /* where a new entry goes */
	struct tui_input query;
	struct nt_search_result res;    /* owned; replaced on every keystroke */
	int rsel, rtop;
	bool list_focus;

	/* amount */
	struct nt_food *food;           /* owned; NULL outside the amount view */
	long long edit_id;       /* 0: a new entry */
	struct tui_input amount;
	int psel;                /* selected portion, -1 for none */
	bool amount_ok;
	double grams;
	char amount_err[256];
	/* what the amount view opens next: set by the view that returns VIEW_AMOUNT */
	long long open_food_id, open_edit_id;
	const char *open_amount;        /* borrowed until the view opens; NULL: suggest one */

	/* profile form, prompts */
	struct nt_profile form;
	struct tui_input age;
	int field;
	bool first_run;
	enum prompt_kind prompt;
	struct tui_input prompt_in;

	/* week and trend views: t->day is the selected day */
	struct nt_week week, prev_week;
	struct nt_trend trend;
	long week_for, trend_for;   /* the week start loaded; -1: reload */
	unsigned long week_loads, trend_loads; /* t->loads when they were loaded */
	enum tui_view help_back;    /* where the help returns to */

	int help_top;            /* first help line shown */
	int help_lines;          /* lines the help has, for scrolling */

	/* undo */
	struct undo undo[TUI_UNDO_MAX]; /* oldest first; strings owned */
	int nundo;

	/* status line message */
	char msg[256];
	bool msg_error;
};

/* Sets the status line's message (sanitized); error colours it. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Moves the view to `day` (with whole_week, the ISO week holding it must
 * fit too) when it is a day nutrack keeps; else says why and stays.
 */
bool tui_move_day(struct tui *t, long day, bool whole_week);

/* The entry under the day's cursor, or NULL; borrowed until the next load. */
const struct nt_entry *tui_selected_entry(const struct tui *t);

/* Remembers a change to undo (copies before's strings). */
void tui_undo_push(struct tui *t, enum undo_kind kind, const struct nt_entry *before);

/*
 * Undoes the last change and says so; moves t->day to where the entry went
 * back to.  Returns false when there was nothing to undo; else the caller
 * reloads the day (even when the undo failed: the database may have moved).
 */
bool tui_undo_last(struct tui *t);

/* Frees what the state owns (entries, results, food, undo); t itself stays. */
void tui_state_fini(struct tui *t);

#endif
