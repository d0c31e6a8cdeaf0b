/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal.c - journal entries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "date.h"
#include "food.h"
#include "journal.h"
#include "store.h"
#include "text.h"

static const char *const meal_names[] = {"breakfast", "lunch", "dinner", "snack"};
static const char *const meal_titles[] = {"Breakfast", "Lunch", "Dinner", "Snacks"};

const char *nt_meal_name(enum nt_meal m) { return meal_names[m]; }
const char *nt_meal_title(enum nt_meal m) { return meal_titles[m]; }

int
nt_meal_parse(const char *s)
{
	size_t len = strlen(s);
	int found = -1;

	if (!strcmp(s, "snacks"))
		return NT_SNACK;
	if (!len)
		return -1;
	for (int m = 0; m < NT_MEAL_COUNT; m++) {
		if (!strcmp(s, meal_names[m]))
			return m;
		if (!strncmp(s, meal_names[m], len))
			found = found == -1 ? m : -2;
	}
	return found >= 0 ? found : -1;
}

static enum nt_status
check_amount(const char *amount, long long mg, struct nt_err *err)
{
	size_t len = strlen(amount);

	if (!len || len >= NT_AMOUNT_TEXT_MAX || !nt_utf8_valid(amount, len) ||
	    nt_text_has_controls(amount))
		return nt_err_set(err, NT_ERR_INVALID, "amount text must be 1-%d bytes of text",
		                  NT_AMOUNT_TEXT_MAX - 1);
	if (mg <= 0 || mg > (long long)(1000 * 10000))
		return nt_err_set(err, NT_ERR_RANGE, "amount out of range");
	return NT_OK;
}

/* A day an entry may be on (a day nutrack keeps): NT_ERR_RANGE otherwise. */
static enum nt_status
check_day(long day, struct nt_err *err)
{
	return nt_date_check_span(day, day, "the day", err);
}

/* id NULL: a new entry gets the next number (never a reused one). */
static const char sql_insert[] =
	"INSERT INTO entries(id, day, meal, food, amount, mg, planned)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static enum nt_status
insert_entry(struct nt_store *s, long long id, long day, enum nt_meal meal,
             long long food_id, const char *amount, long long mg, bool planned,
             struct nt_err *err)
{
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;

	if (id) {
		/* a restored entry's text goes back as it was stored, as a move keeps it */
		if (!amount)
			return nt_err_set(err, NT_ERR_INVALID, "no amount text");
		if (mg <= 0 || mg > (long long)(1000 * 10000))
			return nt_err_set(err, NT_ERR_RANGE, "amount out of range");
	} else if ((rc = check_amount(amount, mg, err))) {
		return rc;
	}
	if ((rc = check_day(day, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_insert, err)))
		return err->status;
	nt_date_format(day, date);
	if (id)
		nt_stmt_bind_int(st, 1, id);
	else
		nt_stmt_bind_null(st, 1);
	nt_stmt_bind_text(st, 2, date);
	nt_stmt_bind_int(st, 3, meal);
	nt_stmt_bind_int(st, 4, food_id);
	nt_stmt_bind_text(st, 5, amount);
	nt_stmt_bind_int(st, 6, mg);
	nt_stmt_bind_int(st, 7, planned);
	return nt_stmt_run(st, err);
}

static enum nt_status
add_entry(struct nt_store *s, long day, enum nt_meal meal, long long food_id,
          const char *amount, long long mg, bool planned, long long *id, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = insert_entry(s, 0, day, meal, food_id, amount, mg, planned, err)))
		return rc;
	*id = nt_store_last_rowid(s);
	return NT_OK;
}

bool
nt_journal_day_planned(long day, long today)
{
	return day > today;
}

enum nt_status
nt_journal_log(struct nt_store *s, long today, long day, enum nt_meal meal, long long food_id,
               const char *amount, long long mg, bool *planned, long long *id,
               struct nt_err *err)
{
	bool plan = nt_journal_day_planned(day, today);
	enum nt_status rc = add_entry(s, day, meal, food_id, amount, mg, plan, id, err);

	if (!rc && planned)
		*planned = plan;
	return rc;
}

enum nt_status
nt_journal_plan(struct nt_store *s, long day, enum nt_meal meal, long long food_id,
                const char *amount, long long mg, long long *id, struct nt_err *err)
{
	return add_entry(s, day, meal, food_id, amount, mg, true, id, err);
}

enum nt_status
nt_journal_add(struct nt_store *s, long day, enum nt_meal meal, long long food_id,
               const char *amount, long long mg, long long *id, struct nt_err *err)
{
	return add_entry(s, day, meal, food_id, amount, mg, false, id, err);
}

#define ENTRY_SELECT \
	"SELECT e.id, e.day, e.meal, e.food, f.source, f.code, f.name, e.amount, e.mg" \
	NT_FOOD_READ_VALUES_F ", e.planned, f.grp = '" NT_FOOD_SUPPLEMENTS "', f.partial," \
	" f.basis IS NOT NULL, f.ala_estimated" \
	" FROM entries e JOIN foods f ON f.id = e.food"

static const char sql_get[] = ENTRY_SELECT " WHERE e.id = ?1";
static const char sql_day[] = ENTRY_SELECT " WHERE e.day = ?1 ORDER BY e.meal, e.id";

/* Reads the current row of an ENTRY_SELECT statement into e. */
static enum nt_status
read_entry(struct nt_stmt *st, struct nt_entry *e, struct nt_err *err)
{
	double per100[NT_STORED_COUNT];

	memset(e, 0, sizeof *e);
	e->id = nt_stmt_int(st, 0);
	if (nt_date_parse_iso(nt_stmt_text(st, 1), &e->day) != NT_OK)
		return nt_err_set(err, NT_ERR_DB, "entry #%lld is dated '%.20s', not a day from "
		                  "%04d-01-01 to %04d-12-31", e->id, nt_stmt_text(st, 1),
		                  NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR);
	e->meal = (enum nt_meal)nt_stmt_int(st, 2);
	e->food_id = nt_stmt_int(st, 3);
	nt_food_ref(nt_stmt_text(st, 4), nt_stmt_text(st, 5), e->food_ref, sizeof e->food_ref);
	e->food_name = strdup(nt_stmt_text(st, 6));
	e->amount = strdup(nt_stmt_text(st, 7));
	e->mg = nt_stmt_int(st, 8);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = nt_stmt_double(st, 9 + m);
	e->planned = nt_stmt_int(st, 9 + NT_STORED_COUNT) != 0;
	e->supplement = nt_stmt_int(st, 10 + NT_STORED_COUNT) != 0;
	nt_amounts_for(per100, (double)e->mg / 1000.0, &e->values);
	nt_amounts_mark_partial(&e->values, (unsigned)nt_stmt_int(st, 11 + NT_STORED_COUNT));
	e->weight_unknown = nt_stmt_int(st, 12 + NT_STORED_COUNT) != 0;
	nt_amounts_mark_estimated(&e->values,
	                          nt_estimated_bits(nt_stmt_int(st, 13 + NT_STORED_COUNT) != 0));
	if (!e->food_name || !e->amount) {
		nt_entry_fini(e);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	return NT_OK;
}

void
nt_entry_fini(struct nt_entry *e)
{
	if (!e)
		return;
	free(e->food_name);
	free(e->amount);
	e->food_name = e->amount = NULL;
}

void
nt_entry_list_fini(struct nt_entry_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		nt_entry_fini(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum nt_status
nt_journal_get(struct nt_store *s, long long id, struct nt_entry *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;
	int r;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_get, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no entry %lld", id);
	rc = read_entry(st, out, err);
	nt_stmt_reset(st);
	return rc;
}

static const char sql_update[] =
	"UPDATE entries SET day = ?2, meal = ?3, amount = coalesce(?4, amount),"
	" mg = CASE WHEN ?4 IS NULL THEN mg ELSE ?5 END,"
	" planned = CASE WHEN ?6 THEN 1 ELSE planned END WHERE id = ?1";
static const char sql_remove[] = "DELETE FROM entries WHERE id = ?1";

enum nt_status
nt_journal_update(struct nt_store *s, long long id, long day, long today, enum nt_meal meal,
                  const char *amount, long long mg, bool *future, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((amount && (rc = check_amount(amount, mg, err))) || (rc = check_day(day, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_update, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_text(st, 2, date);
	nt_stmt_bind_int(st, 3, meal);
	if (amount)
		nt_stmt_bind_text(st, 4, amount);
	else
		nt_stmt_bind_null(st, 4);
	nt_stmt_bind_int(st, 5, mg);
	nt_stmt_bind_int(st, 6, nt_journal_day_planned(day, today));
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(s) == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no entry %lld", id);
	if (future)
		*future = nt_journal_day_planned(day, today);
	return NT_OK;
}

static const char sql_amount_of[] = "SELECT amount, mg FROM entries WHERE id = ?1";
static const char sql_revert[] =
	"UPDATE entries SET day = ?2, meal = ?3, amount = coalesce(?4, amount),"
	" mg = CASE WHEN ?4 IS NULL THEN mg ELSE ?5 END, planned = ?6 WHERE id = ?1";

/*
 * Entry id's row of `sql` (one parameter, the id), the statement stepped
 * onto it: the caller reads it and resets the statement.  NULL with err set
 * when the query fails or there is no such entry (NT_ERR_NOTFOUND).
 */
static struct nt_stmt *
entry_row(struct nt_store *s, const char *sql, long long id, struct nt_err *err)
{
	struct nt_stmt *st;
	int r;

	if (!(st = nt_store_stmt(s, sql, err)))
		return NULL;
	nt_stmt_bind_int(st, 1, id);
	if ((r = nt_stmt_step(st, err)) < 0)
		return NULL;
	if (r == 0) {
		nt_err_set(err, NT_ERR_NOTFOUND, "no entry %lld", id);
		return NULL;
	}
	return st;
}

/* Whether entry id's amount and grams are `amount` and `mg` already. */
static enum nt_status
amount_is(struct nt_store *s, long long id, const char *amount, long long mg, bool *same,
          struct nt_err *err)
{
	struct nt_stmt *st;
	const char *now;

	if (!(st = entry_row(s, sql_amount_of, id, err)))
		return err->status;
	now = nt_stmt_text(st, 0);
	*same = amount && now && !strcmp(now, amount) && nt_stmt_int(st, 1) == mg;
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_journal_revert(struct nt_store *s, const struct nt_entry *was, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;
	bool same = false;

	if (!err)
		err = &scratch;
	if ((int)was->meal < 0 || was->meal >= NT_MEAL_COUNT)
		return nt_err_set(err, NT_ERR_INVALID, "no meal %d", (int)was->meal);
	if ((rc = check_day(was->day, err)))
		return rc;
	/* the read and the write in one transaction: a change by another
	 * process cannot come between the comparison and the update */
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = amount_is(s, was->id, was->amount, was->mg, &same, err)))
		goto fail;
	if (!same && (!was->amount || (rc = check_amount(was->amount, was->mg, err)))) {
		if (!was->amount)
			rc = nt_err_set(err, NT_ERR_INVALID, "entry %lld: no amount to put back",
			                was->id);
		goto fail;
	}
	if (!(st = nt_store_stmt(s, sql_revert, err))) {
		rc = err->status;
		goto fail;
	}
	nt_date_format(was->day, date);
	nt_stmt_bind_int(st, 1, was->id);
	nt_stmt_bind_text(st, 2, date);
	nt_stmt_bind_int(st, 3, was->meal);
	if (same)
		nt_stmt_bind_null(st, 4);
	else
		nt_stmt_bind_text(st, 4, was->amount);
	nt_stmt_bind_int(st, 5, was->mg);
	nt_stmt_bind_int(st, 6, was->planned);
	if ((rc = nt_stmt_run(st, err)))
		goto fail;
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return rc;
}

enum nt_status
nt_journal_remove(struct nt_store *s, long long id, struct nt_err *err)
{
	return nt_store_run_id(s, sql_remove, id, "entry", err);
}

enum nt_status
nt_journal_day(struct nt_store *s, long day, struct nt_entry_list *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	size_t cap = 0;
	int r;

	if (!err)
		err = &scratch;
	memset(out, 0, sizeof *out);
	if (!(st = nt_store_stmt(s, sql_day, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_text(st, 1, date);
	while ((r = nt_stmt_step(st, err)) > 0) {
		enum nt_status rc;

		if (out->n == cap) {
			struct nt_entry *p;

			cap = cap ? 2 * cap : 16;
			if (!(p = realloc(out->v, cap * sizeof *p))) {
				nt_stmt_reset(st);
				nt_entry_list_fini(out);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			out->v = p;
		}
		if ((rc = read_entry(st, &out->v[out->n], err))) {
			nt_stmt_reset(st);
			nt_entry_list_fini(out);
			return rc;
		}
		out->n++;
	}
	if (r < 0) {
		nt_entry_list_fini(out);
		return err->status;
	}
	return NT_OK;
}

static const char sql_range[] =
	"SELECT e.day, e.meal, e.mg" NT_FOOD_READ_VALUES_F ", f.partial,"
	" f.ala_estimated FROM entries e JOIN foods f ON f.id = e.food"
	" WHERE e.day BETWEEN ?1 AND ?2 AND NOT e.planned ORDER BY e.day";

enum nt_status
nt_journal_each(struct nt_store *s, long from, long to,
                void (*fn)(void *ctx, long day, enum nt_meal meal,
                           const struct nt_amounts *values),
                void *ctx, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char a[NT_DATE_LEN], b[NT_DATE_LEN], last[NT_DATE_LEN] = "";
	long day = 0;
	int r;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_range, err)))
		return err->status;
	nt_date_format(from, a);
	nt_date_format(to, b);
	nt_stmt_bind_text(st, 1, a);
	nt_stmt_bind_text(st, 2, b);
	while ((r = nt_stmt_step(st, err)) > 0) {
		double per100[NT_STORED_COUNT];
		struct nt_amounts v;
		const char *d = nt_stmt_text(st, 0);

		/* Rows come grouped by day: parse each date once. */
		if (strcmp(d, last)) {
			if (nt_date_parse_iso(d, &day) != NT_OK) {
				/* the message first: the text goes with the reset */
				nt_err_set(err, NT_ERR_DB, "an entry has a damaged date '%.40s'", d);
				nt_stmt_reset(st);
				return NT_ERR_DB;
			}
			snprintf(last, sizeof last, "%s", d);
		}
		for (int m = 0; m < NT_STORED_COUNT; m++)
			per100[m] = nt_stmt_double(st, 3 + m);
		nt_amounts_for(per100, (double)nt_stmt_int(st, 2) / 1000.0, &v);
		nt_amounts_mark_partial(&v, (unsigned)nt_stmt_int(st, 3 + NT_STORED_COUNT));
		nt_amounts_mark_estimated(&v, nt_estimated_bits(nt_stmt_int(st, 4 + NT_STORED_COUNT)
		                                                != 0));
		fn(ctx, day, (enum nt_meal)nt_stmt_int(st, 1), &v);
	}
	return r < 0 ? err->status : NT_OK;
}

static const char sql_set_planned[] = "UPDATE entries SET planned = ?2 WHERE id = ?1";
static const char sql_eat_day[] = "UPDATE entries SET planned = 0 WHERE day = ?1 AND planned";
static const char sql_copy[] =
	"INSERT INTO entries(day, meal, food, amount, mg, planned)"
	" SELECT ?2, meal, food, amount, mg, ?4 FROM entries"
	" WHERE day = ?1 AND (?3 < 0 OR meal = ?3) ORDER BY meal, id";

enum nt_status
nt_journal_set_planned(struct nt_store *s, long long id, bool planned, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_set_planned, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_int(st, 2, planned);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(s) == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no entry %lld", id);
	return NT_OK;
}

/* "Friday 2026-03-20" for the refusals below. */
static void
day_name(long day, char *buf, size_t size)
{
	char date[NT_DATE_LEN];

	nt_date_format(day, date);
	snprintf(buf, size, "%s %s", nt_date_weekday_name(nt_date_weekday(day)), date);
}

static const char sql_day_planned[] = "SELECT day, planned FROM entries WHERE id = ?1";

/* An entry's day and whether it is planned. */
static enum nt_status
entry_state(struct nt_store *s, long long id, long *day, bool *planned, struct nt_err *err)
{
	struct nt_stmt *st;
	const char *text;

	if (!(st = entry_row(s, sql_day_planned, id, err)))
		return err->status;
	text = nt_stmt_text(st, 0);
	*planned = nt_stmt_int(st, 1) != 0;
	if (!text || nt_date_parse_iso(text, day)) {
		nt_stmt_reset(st);
		return nt_err_set(err, NT_ERR_INVALID, "entry %lld has no valid date", id);
	}
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_journal_eat(struct nt_store *s, long long id, long today, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;
	char when[32];
	bool planned;
	long day;

	if (!err)
		err = &scratch;
	/* the check and the change in one transaction: another process cannot
	 * move the entry to a future day in between */
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = entry_state(s, id, &day, &planned, err)))
		goto fail;
	if (!planned) {
		rc = nt_err_set(err, NT_ERR_INVALID, "entry #%lld is eaten already", id);
		goto fail;
	}
	if (nt_journal_day_planned(day, today)) {
		day_name(day, when, sizeof when);
		rc = nt_err_set(err, NT_ERR_RANGE, "entry #%lld is on %s, a future day: "
		                "it can be marked eaten on the day", id, when);
		goto fail;
	}
	if ((rc = nt_journal_set_planned(s, id, false, err)))
		goto fail;
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return rc;
}

enum nt_status
nt_journal_uneat(struct nt_store *s, const long long *ids, size_t n, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;
	bool planned;
	long day;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		if ((rc = entry_state(s, ids[i], &day, &planned, err)))
			goto fail;
		if (planned) {
			rc = nt_err_set(err, NT_ERR_INVALID, "entry #%lld is planned already", ids[i]);
			goto fail;
		}
		if ((rc = nt_journal_set_planned(s, ids[i], true, err)))
			goto fail;
	}
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return rc;
}

enum nt_status
nt_journal_eat_day(struct nt_store *s, long day, long today, int *count, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = check_day(day, err)))
		return rc;
	if (nt_journal_day_planned(day, today)) {
		char when[32];

		day_name(day, when, sizeof when);
		return nt_err_set(err, NT_ERR_RANGE, "%s is a future day: its entries can be "
		                  "marked eaten on the day", when);
	}
	if (!(st = nt_store_stmt(s, sql_eat_day, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_text(st, 1, date);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	*count = nt_store_changes(s);
	return NT_OK;
}

enum nt_status
nt_journal_copy(struct nt_store *s, long from, long to, int meal, bool planned, int *count,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char a[NT_DATE_LEN], b[NT_DATE_LEN];
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = check_day(from, err)) || (rc = check_day(to, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_copy, err)))
		return err->status;
	nt_date_format(from, a);
	nt_date_format(to, b);
	nt_stmt_bind_text(st, 1, a);
	nt_stmt_bind_text(st, 2, b);
	nt_stmt_bind_int(st, 3, meal);
	nt_stmt_bind_int(st, 4, planned);
	/* one statement: all the copies or none */
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	*count = nt_store_changes(s);
	return NT_OK;
}

enum nt_status
nt_journal_restore(struct nt_store *s, const struct nt_entry *e, struct nt_err *err)
{
	struct nt_err scratch;

	if (!err)
		err = &scratch;
	return insert_entry(s, e->id, e->day, e->meal, e->food_id, e->amount, e->mg, e->planned,
	                    err);
}

static const char sql_all_days[] = "SELECT id, day FROM entries WHERE id > ?1 ORDER BY id LIMIT 500";

enum nt_status
nt_journal_check(struct nt_store *s, void (*fn)(void *ctx, const char *problem), void *ctx,
                 int *problems, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	long long after = 0;
	int r, rows;

	if (!err)
		err = &scratch;
	*problems = 0;
	do {
		if (!(st = nt_store_stmt(s, sql_all_days, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, after);
		rows = 0;
		while ((r = nt_stmt_step(st, err)) > 0) {
			const char *d = nt_stmt_text(st, 1);
			char line[160];
			long day;

			after = nt_stmt_int(st, 0);
			rows++;
			if (d && nt_date_parse_iso(d, &day) == NT_OK)
				continue;
			snprintf(line, sizeof line, "entry #%lld is dated '%.20s', not a day from "
			         "%04d-01-01 to %04d-12-31 (nutrack rm %lld removes it)", after,
			         d ? d : "", NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR, after);
			if (++*problems <= 100 && fn)
				fn(ctx, line);
		}
		if (r < 0)
			return err->status;
	} while (rows == 500);
	return NT_OK;
}
