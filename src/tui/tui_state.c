/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_state.c - the state every view shares: the message, the day moved to, undo. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "store.h"
#include "text.h"
#include "tui_state.h"

void
tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	char raw[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	nt_text_sanitize(raw, t->msg, sizeof t->msg);
	t->msg_error = error;
}

bool
tui_move_day(struct tui *t, long day, bool whole_week)
{
	struct nt_err err;
	enum nt_status st;
	char d[NT_DATE_LEN], what[40];

	if (!nt_date_in_range(day)) {
		tui_message(t, true, "%04d-%s is the %s day nutrack keeps.",
		            day < nt_date_first() ? NT_DATE_MIN_YEAR : NT_DATE_MAX_YEAR,
		            day < nt_date_first() ? "01-01" : "12-31",
		            day < nt_date_first() ? "first" : "last");
		return false;
	}
	nt_date_format(day, d);
	snprintf(what, sizeof what, "the week of %s", d);
	if (whole_week && (st = nt_date_check_span(nt_date_week_start(day),
	                                           nt_date_week_start(day) + 6, what, &err))) {
		tui_message(t, true, "%s.", nt_err_text(&err, st));
		return false;
	}
	t->day = day;
	return true;
}

const struct nt_entry *
tui_selected_entry(const struct tui *t)
{
	const struct day_row *r;

	if (t->sel < 0 || t->sel >= t->nrows)
		return NULL;
	r = &t->rows[t->sel];
	return r->kind == ROW_ENTRY ? &t->sum.entries.v[r->entry] : NULL;
}

void
tui_undo_push(struct tui *t, enum undo_kind kind, const struct nt_entry *before)
{
	struct undo *u;

	if (t->nundo == TUI_UNDO_MAX) {
		nt_entry_fini(&t->undo[0].before);
		memmove(&t->undo[0], &t->undo[1], (TUI_UNDO_MAX - 1) * sizeof *t->undo);
		t->nundo--;
	}
	u = &t->undo[t->nundo];
	u->kind = kind;
	u->before = *before;
	/* Own copies of the strings; without them there is nothing to undo with. */
	u->before.food_name = before->food_name ? strdup(before->food_name) : NULL;
	u->before.amount = before->amount ? strdup(before->amount) : NULL;
	if ((before->food_name && !u->before.food_name) || (before->amount && !u->before.amount)) {
		nt_entry_fini(&u->before);
		tui_message(t, true, "Out of memory: this change cannot be undone.");
		return;
	}
	t->nundo++;
}

bool
tui_undo_last(struct tui *t)
{
	struct undo *u;
	struct nt_err err;
	enum nt_status st = NT_OK;
	const char *what = "";

	if (t->nundo == 0) {
		tui_message(t, false, "Nothing to undo.");
		return false;
	}
	u = &t->undo[--t->nundo];
	switch (u->kind) {
	case UNDO_ADD:
		st = nt_journal_remove(t->app->store, u->before.id, &err);
		what = "adding";
		break;
	case UNDO_REMOVE:
		st = nt_journal_restore(t->app->store, &u->before, &err);
		what = "deleting";
		break;
	case UNDO_UPDATE:
		/* day, meal, amount and planned flag together: never half an undo */
		st = nt_journal_revert(t->app->store, &u->before, &err);
		what = "changing";
		break;
	}
	if (st)
		tui_message(t, true, "Cannot undo: %s", nt_err_text(&err, st));
	else
		tui_message(t, false, "Undid %s %s.", what,
		            u->before.food_name ? u->before.food_name : "an entry");
	if (st == NT_OK && u->kind != UNDO_ADD)
		t->day = u->before.day; /* show where the entry went back to */
	nt_entry_fini(&u->before);
	return true;
}

void
tui_state_fini(struct tui *t)
{
	for (int i = 0; i < t->nundo; i++)
		nt_entry_fini(&t->undo[i].before);
	t->nundo = 0;
	nt_day_summary_fini(&t->sum);
	nt_suggestions_fini(&t->sugg);
	nt_search_result_fini(&t->res);
	nt_food_free(t->food);
	t->food = NULL;
}
