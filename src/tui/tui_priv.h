/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_priv.h - the TUI's state, shared by its views (not part of the core). */
#ifndef NT_TUI_PRIV_H
#define NT_TUI_PRIV_H

#include <stdbool.h>

#include "analysis.h"
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

struct app;

enum tui_view {
	VIEW_DAY, VIEW_SEARCH, VIEW_AMOUNT, VIEW_FORM, VIEW_HELP, VIEW_PROMPT, VIEW_PICK,
	VIEW_WEEK, VIEW_TREND,
};

/* A row of the day list: a meal's title, one of its entries, or its "empty" line. */
enum row_kind { ROW_MEAL, ROW_ENTRY, ROW_EMPTY, ROW_SUGGEST_TITLE, ROW_SUGGEST };
struct day_row {
	enum row_kind kind;
	enum nt_meal meal;
	size_t entry; /* index into tui.entries (ROW_ENTRY) or tui.sugg (ROW_SUGGEST) */
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
	struct nt_profile profile;
	struct nt_targets targets;
	struct nt_entry_list entries;   /* owned; reloaded by tui_day_load */
	struct nt_amounts total;
	struct nt_judgement judged[NT_MEASURE_COUNT];          /* eaten */
	struct nt_judgement planned_judged[NT_MEASURE_COUNT];  /* eaten and planned */
	size_t eaten;            /* entries eaten (0: the day is not logged) */
	double b12_absorbed;     /* estimated, each meal a sitting */
	bool b12_absorbed_partial;
	struct nt_suggestions sugg;     /* owned; the day's top suggestion per gap */
	enum nt_meal add_meal;          /* the meal a suggestion is logged to */
	struct day_row rows[4 * 2 + 512 + 8];
	int nrows, sel, top;

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

	/* profile form, prompts */
	struct nt_profile form;
	struct tui_input age;
	int field;
	bool first_run;
	enum prompt_kind prompt;
	struct tui_input prompt_in;
	enum tui_view back_view;

	/* week and trend views: t->day is the selected day */
	struct nt_week week, prev_week;
	struct nt_trend trend;
	long week_for, trend_for;   /* the week start loaded; -1: reload */
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

/* tui.c */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_undo_push(struct tui *t, enum undo_kind kind, const struct nt_entry *before);

/* tui_day.c: the day view */
void tui_day_load(struct tui *t);
/*
 * Moves the view to `day` (with whole_week, the ISO week holding it must
 * fit too) when it is a day nutrack keeps; else says why and stays.
 */
bool tui_move_day(struct tui *t, long day, bool whole_week);
void tui_day_draw(struct tui *t);
void tui_day_key(struct tui *t, enum tui_action a);
void tui_draw_header(struct tui *t, const char *title);
void tui_draw_status(struct tui *t, unsigned view);
const struct nt_entry *tui_day_selected_entry(const struct tui *t);

/* tui_search.c: search and amount */
void tui_search_open(struct tui *t, enum nt_meal meal);
void tui_search_draw(struct tui *t);
void tui_search_key(struct tui *t, int key, bool is_keycode, wint_t ch);
void tui_amount_open(struct tui *t, long long food_id, long long edit_id, const char *amount);
void tui_amount_draw(struct tui *t);
void tui_amount_key(struct tui *t, int key, bool is_keycode, wint_t ch);
void tui_search_close(struct tui *t);

/* tui_form.c: profile form, date prompt, meal picker, help */
void tui_form_open(struct tui *t, bool first_run);
void tui_form_draw(struct tui *t);
void tui_form_key(struct tui *t, int key, bool is_keycode, wint_t ch);
void tui_prompt_open(struct tui *t, enum prompt_kind kind);
void tui_prompt_draw(struct tui *t);
void tui_prompt_key(struct tui *t, int key, bool is_keycode, wint_t ch);
void tui_pick_draw(struct tui *t);
void tui_pick_key(struct tui *t, int key);
void tui_help_draw(struct tui *t);

/* tui_report.c: the week and trend views */
void tui_week_open(struct tui *t);
void tui_week_draw(struct tui *t);
void tui_week_key(struct tui *t, enum tui_action a);
void tui_week_click(struct tui *t, int y, int x, bool twice);
void tui_trend_open(struct tui *t);
void tui_trend_draw(struct tui *t);
void tui_trend_key(struct tui *t, enum tui_action a);

/* Formats a measure for the screen: "2.18 µg", "?" when unknown. */
void tui_fmt_measure(const struct tui *t, char *buf, size_t n, enum nt_measure m,
                     double v, bool partial, bool unit);
/* The same with a leading "~" when the value is, or includes, an estimate. */
void tui_fmt_measure_est(const struct tui *t, char *buf, size_t n, enum nt_measure m,
                         double v, bool partial, bool estimated, bool unit);

#endif
