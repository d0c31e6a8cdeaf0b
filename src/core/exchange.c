/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange.c - journal and custom-food CSV export and import. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "category.h"
#include "csvio.h"
#include "date.h"
#include "diet.h"
#include "exchange.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "recipe.h"
#include "store.h"
#include "text.h"

/* ---- numbers as text ---- */

/* Whole milligrams as grams, exact and without trailing zeros: "256.775", "100". */
static void
fmt_mg(char *buf, size_t n, long long mg)
{
	long long frac = mg % 1000;
	int digits = 3;

	if (!frac) {
		snprintf(buf, n, "%lld", mg / 1000);
		return;
	}
	while (frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	snprintf(buf, n, "%lld.%0*lld", mg / 1000, digits, frac);
}

/* An entry's derived value: 10 significant digits, no float noise; "" when unknown. */
static void
fmt_value(char *buf, size_t n, double v)
{
	if (!nt_known(v)) {
		buf[0] = '\0';
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	snprintf(buf, n, "%.10g", v);
}

/*
 * A stored value: the fewest digits (at least the 10 of fmt_value) that
 * read back as the same double, so a food survives export and import bit
 * for bit; "" when unknown.
 */
static void
fmt_stored(char *buf, size_t n, double v)
{
	if (!nt_known(v)) {
		buf[0] = '\0';
		return;
	}
	if (v == 0)
		v = 0;
	for (int p = 10; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* ---- writing ---- */

static enum nt_status
write_failed(struct nt_err *err)
{
	return nt_err_set(err, NT_ERR_IO, "write error: %s", strerror(errno ? errno : EIO));
}

static int
write_record(FILE *fp, size_t n, const char *const *fields)
{
	errno = 0;
	return nt_csv_write_record(fp, n, fields);
}

static enum nt_status
write_header(FILE *fp, const char *header, struct nt_err *err)
{
	errno = 0;
	/* The header's names need no quoting: written as they are. */
	if (fputs(header, fp) == EOF || nt_csv_end_record(fp))
		return write_failed(err);
	return NT_OK;
}

static enum nt_status
finish_output(FILE *fp, struct nt_err *err)
{
	errno = 0;
	if (fflush(fp) != 0 || ferror(fp))
		return write_failed(err);
	return NT_OK;
}

/* The nutrient columns of the journal file, in order. */
static const enum nt_measure journal_values[] = {
	NT_B12, NT_ALA, NT_EPA, NT_DHA, NT_DPA, NT_POTASSIUM, NT_ENERGY, NT_PROTEIN,
};
#define N_JOURNAL_VALUES (sizeof journal_values / sizeof *journal_values)

/* The value columns of the food file, in order. */
static const enum nt_measure food_values[] = {
	NT_B12, NT_B12_ADDED, NT_ALA, NT_EPA, NT_DHA, NT_DPA, NT_POTASSIUM, NT_ENERGY, NT_PROTEIN,
};
#define N_FOOD_VALUES (sizeof food_values / sizeof *food_values)

static const char sql_export[] =
	"SELECT e.day, e.meal, f.source, f.code, f.name, e.amount, e.mg, e.planned, "
	NT_FOOD_VALUE_COLUMNS
	" FROM entries e JOIN foods f ON f.id = e.food"
	" WHERE e.day BETWEEN ?1 AND ?2 ORDER BY e.day, e.meal, e.id";

enum nt_status
nt_exchange_journal_export(struct nt_store *s, long from, long to, FILE *fp,
                           long long *count, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char a[NT_DATE_LEN], b[NT_DATE_LEN];
	enum nt_status rc;
	long long n = 0;
	int r;

	if (!err)
		err = &scratch;
	if ((rc = write_header(fp, NT_EXCHANGE_JOURNAL_HEADER, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_export, err)))
		return err->status;
	nt_date_format(from, a);
	nt_date_format(to, b);
	nt_stmt_bind_text(st, 1, a);
	nt_stmt_bind_text(st, 2, b);
	while ((r = nt_stmt_step(st, err)) > 0) {
		char ref[40], grams[32], vals[N_JOURNAL_VALUES][40];
		const char *fields[7 + N_JOURNAL_VALUES];
		double per100[NT_STORED_COUNT];
		struct nt_amounts v;
		int meal = (int)nt_stmt_int(st, 1);
		long long mg = nt_stmt_int(st, 6);

		if (meal < 0 || meal >= NT_MEAL_COUNT) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_DB, "an entry has a damaged meal (%d)", meal);
		}
		for (int m = 0; m < NT_STORED_COUNT; m++)
			per100[m] = nt_stmt_double(st, 8 + m);
		nt_amounts_for(per100, (double)mg / 1000.0, &v);
		nt_food_ref(nt_stmt_text(st, 2), nt_stmt_text(st, 3), ref, sizeof ref);
		fmt_mg(grams, sizeof grams, mg);
		fields[0] = nt_stmt_text(st, 0);
		fields[1] = nt_meal_name((enum nt_meal)meal);
		fields[2] = ref;
		fields[3] = nt_stmt_text(st, 4);
		fields[4] = nt_stmt_text(st, 5);
		fields[5] = grams;
		fields[6] = nt_stmt_int(st, 7) ? "planned" : "eaten";
		for (size_t i = 0; i < N_JOURNAL_VALUES; i++) {
			fmt_value(vals[i], sizeof vals[i], v.v[journal_values[i]]);
			fields[7 + i] = vals[i];
		}
		if (write_record(fp, 7 + N_JOURNAL_VALUES, fields)) {
			nt_stmt_reset(st);
			return write_failed(err);
		}
		n++;
	}
	if (r < 0)
		return err->status;
	if ((rc = finish_output(fp, err)))
		return rc;
	if (count)
		*count = n;
	return NT_OK;
}

/* ---- reading: the header ---- */

struct col_spec {
	const char *name;
	bool required;
};

/*
 * Maps a header row onto the known columns: pos[i] receives the file's
 * index of spec[i] (-1 when absent).  Unknown, repeated and missing
 * required columns are errors.
 */
static enum nt_status
read_header(const struct nt_csv_row *row, const struct col_spec *spec, size_t n_spec,
            const char *expected, int *pos, struct nt_err *err)
{
	size_t known = 0;

	for (size_t i = 0; i < n_spec; i++)
		pos[i] = -1;
	for (size_t c = 0; c < row->n; c++)
		for (size_t i = 0; i < n_spec; i++)
			if (!strcmp(row->field[c], spec[i].name))
				known++;
	if (!known)
		return nt_csv_fail(err, row, 0, "no header row: the first line must name the "
		                   "columns %s", expected);
	for (size_t c = 0; c < row->n; c++) {
		size_t i;

		for (i = 0; i < n_spec; i++)
			if (!strcmp(row->field[c], spec[i].name))
				break;
		if (i == n_spec)
			return nt_csv_fail(err, row, c + 1, "unknown column '%.40s' (the columns are %s)",
			                   row->field[c], expected);
		if (pos[i] >= 0)
			return nt_csv_fail(err, row, c + 1, "column '%s' appears twice", spec[i].name);
		pos[i] = (int)c;
	}
	for (size_t i = 0; i < n_spec; i++)
		if (spec[i].required && pos[i] < 0)
			return nt_csv_fail(err, row, 0, "missing column '%s'", spec[i].name);
	return NT_OK;
}

static enum nt_status
check_width(const struct nt_csv_row *row, size_t width, struct nt_err *err)
{
	if (row->n == width)
		return NT_OK;
	return nt_csv_fail(err, row, (row->n < width ? row->n : width) + 1,
	                   "%s row: %zu fields where the header has %zu",
	                   row->n < width ? "short" : "long", row->n, width);
}

/* Fails at column c (0-based) of row, naming the column. */
#define FIELD_FAIL(err, row, c, name, ...) \
	nt_csv_fail((err), (row), (size_t)(c) + 1, name ": " __VA_ARGS__)

/* An informational number column: empty or a number. */
static enum nt_status
check_number(const struct nt_csv_row *row, int c, const char *name, struct nt_err *err)
{
	double v;

	if (c < 0 || !row->field[c][0] || nt_text_to_double(row->field[c], &v))
		return NT_OK;
	return nt_csv_fail(err, row, (size_t)c + 1, "%s: not a number: '%.40s'", name,
	                   row->field[c]);
}

/* ---- journal import ---- */

enum {
	J_DATE, J_MEAL, J_FOOD_ID, J_FOOD, J_AMOUNT, J_GRAMS, J_STATUS, J_VALUES,
	J_COUNT = J_VALUES + N_JOURNAL_VALUES
};

static const struct col_spec journal_cols[J_COUNT] = {
	{"date", true}, {"meal", true}, {"food_id", true}, {"food", false},
	{"amount", true}, {"grams", true}, {"status", true},
	{"b12_ug", false}, {"ala_g", false}, {"epa_g", false}, {"dha_g", false},
	{"dpa_g", false}, {"potassium_mg", false}, {"energy_kcal", false}, {"protein_g", false},
};

/*
 * The rows are checked and staged in a temporary table, then matched
 * against the journal in one statement: row_number() over identical rows is
 * k, the count of identical entries that were there before is m, and a row
 * is new when k > m.
 */
static const char sql_stage_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS exchange_rows("
	"  seq INTEGER PRIMARY KEY, day TEXT NOT NULL, meal INTEGER NOT NULL,"
	"  food INTEGER NOT NULL, amount TEXT NOT NULL, mg INTEGER NOT NULL,"
	"  planned INTEGER NOT NULL);"
	"DELETE FROM temp.exchange_rows";
static const char sql_stage_drop[] = "DROP TABLE IF EXISTS temp.exchange_rows";
static const char sql_stage_row[] =
	"INSERT INTO temp.exchange_rows(seq, day, meal, food, amount, mg, planned)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_max_entry[] = "SELECT coalesce(max(id), 0) FROM entries";
#define MATCHED_ROWS \
	"SELECT r.seq, r.day, r.meal, r.food, r.amount, r.mg, r.planned," \
	"  row_number() OVER (PARTITION BY r.day, r.meal, r.food, r.amount, r.mg, r.planned" \
	"                     ORDER BY r.seq) AS k," \
	"  (SELECT count(*) FROM entries e WHERE e.day = r.day AND e.meal = r.meal" \
	"   AND e.food = r.food AND e.amount = r.amount AND e.mg = r.mg" \
	"   AND e.planned = r.planned AND e.id <= ?1) AS m" \
	" FROM temp.exchange_rows r"
static const char sql_stage_count[] =
	"SELECT count(*), coalesce(sum(k > m), 0) FROM (" MATCHED_ROWS ")";
static const char sql_stage_insert[] =
	"INSERT INTO entries(day, meal, food, amount, mg, planned)"
	" SELECT day, meal, food, amount, mg, planned FROM (" MATCHED_ROWS ")"
	" WHERE k > m ORDER BY seq";

struct journal_reader {
	struct nt_store *s;
	int pos[J_COUNT];
	size_t width;
	char last_ref[64];  /* the previous row's food id, resolved: files repeat foods */
	long long last_food;
};

static int
meal_of(const char *s)
{
	for (int m = 0; m < NT_MEAL_COUNT; m++)
		if (!strcmp(s, nt_meal_name((enum nt_meal)m)))
			return m;
	return -1;
}

/* The amount text as nt_journal_add takes it. */
static enum nt_status
check_amount_text(const struct nt_csv_row *row, int c, struct nt_err *err)
{
	const char *t = row->field[c];
	size_t len = strlen(t);

	if (!len)
		return FIELD_FAIL(err, row, c, "amount", "empty");
	if (len >= NT_AMOUNT_TEXT_MAX)
		return FIELD_FAIL(err, row, c, "amount", "longer than %d bytes",
		                  NT_AMOUNT_TEXT_MAX - 1);
	if (nt_text_has_controls(t))
		return FIELD_FAIL(err, row, c, "amount", "control characters in '%.40s'", t);
	return NT_OK;
}

static enum nt_status
resolve_food(struct journal_reader *jr, const struct nt_csv_row *row, int c,
             long long *food, struct nt_err *err)
{
	const char *ref = row->field[c];
	struct nt_err why;
	enum nt_status rc;

	if (jr->last_ref[0] && !strcmp(ref, jr->last_ref)) {
		*food = jr->last_food;
		return NT_OK;
	}
	if (!*ref)
		return FIELD_FAIL(err, row, c, "food_id", "empty");
	rc = nt_food_resolve(jr->s, ref, food, &why);
	if (rc == NT_ERR_NOTFOUND && jr->pos[J_FOOD] >= 0 &&
	    (!strncmp(ref, "custom:", 7) || !strncmp(ref, "recipe:", 7))) {
		*food = 0; /* one of the user's own, renumbered: found by its name below */
		return NT_OK;
	}
	if (rc == NT_ERR_NOTFOUND || rc == NT_ERR_INVALID || rc == NT_ERR_AMBIGUOUS)
		return FIELD_FAIL(err, row, c, "food_id", "%s", why.msg);
	if (rc) {
		*err = why;
		return rc;
	}
	if (strlen(ref) < sizeof jr->last_ref) {
		memcpy(jr->last_ref, ref, strlen(ref) + 1);
		jr->last_food = *food;
	}
	return NT_OK;
}

static const char sql_food_name[] = "SELECT source, name FROM foods WHERE id = ?1";
static const char sql_own_by_name[] =
	"SELECT id FROM foods WHERE source = ?1 AND name = ?2 ORDER BY id LIMIT 2";

/*
 * Your own foods and recipes are numbered per database: custom:3 here may
 * be another food than custom:3 where the file was written (foods import
 * renumbers a food whose number is taken).  When the file names the food,
 * the entry goes to the food of that name: the one with the id when the
 * names agree, else the only one of its kind so named; else an error.
 */
static enum nt_status
match_own_food(struct journal_reader *jr, const struct nt_csv_row *row, long long *food,
               struct nt_err *err)
{
	int c_id = jr->pos[J_FOOD_ID], c_name = jr->pos[J_FOOD];
	const char *want = row->field[c_name];
	char source[16];
	struct nt_stmt *st;
	long long found[2];
	int r, n = 0;

	if (*food == 0) { /* no such id here: the source its id names */
		snprintf(source, sizeof source, "%.*s", (int)strcspn(row->field[c_id], ":"),
		         row->field[c_id]);
	} else {
		if (!(st = nt_store_stmt(jr->s, sql_food_name, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, *food);
		if ((r = nt_stmt_step(st, err)) < 0)
			return err->status;
		snprintf(source, sizeof source, "%s", r ? nt_stmt_text(st, 0) : "");
		r = r && !strcmp(nt_stmt_text(st, 1), want);
		nt_stmt_reset(st);
		if (r || (strcmp(source, "custom") && strcmp(source, "recipe")))
			return NT_OK; /* the same food, or a USDA one: their ids are fixed */
	}
	if (!(st = nt_store_stmt(jr->s, sql_own_by_name, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, source);
	nt_stmt_bind_text(st, 2, want);
	while ((r = nt_stmt_step(st, err)) > 0)
		found[n++] = nt_stmt_int(st, 0);
	if (r < 0)
		return err->status;
	if (n == 1) {
		*food = found[0];
		return NT_OK;
	}
	if (n)
		return FIELD_FAIL(err, row, c_id, "food_id",
		                  "%s is not '%.60s' here, and several of your foods have that name",
		                  row->field[c_id], want);
	return FIELD_FAIL(err, row, c_id, "food_id",
	                  "%s is not '%.60s' here, and no food of yours has that name "
	                  "(import your foods first: nutrack foods import)",
	                  row->field[c_id], want);
}

static enum nt_status
journal_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct journal_reader *jr = ctx;
	const int *pos = jr->pos;
	long day = 0;
	long long food = 0, mg = 0;
	int meal = 0, planned = 0;
	struct nt_stmt *st;
	enum nt_status rc;

	if (row->record == 1) {
		if ((rc = read_header(row, journal_cols, J_COUNT, NT_EXCHANGE_JOURNAL_HEADER,
		                      jr->pos, err)))
			return rc;
		jr->width = row->n;
		return NT_OK;
	}
	if ((rc = check_width(row, jr->width, err)))
		return rc;
	/* Field by field from the left, so the first fault is the one reported. */
	for (size_t c = 0; c < row->n; c++) {
		const char *t = row->field[c];
		size_t i;
		double g;

		for (i = 0; i < J_COUNT && pos[i] != (int)c; i++)
			;
		switch (i) {
		case J_DATE:
			if (nt_date_parse_iso(t, &day))
				return FIELD_FAIL(err, row, c, "date",
				                  "not a real day as YYYY-MM-DD (years %d-%d): '%.40s'",
				                  NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR, t);
			break;
		case J_MEAL:
			if ((meal = meal_of(t)) < 0)
				return FIELD_FAIL(err, row, c, "meal",
				                  "not breakfast, lunch, dinner or snack: '%.40s'", t);
			break;
		case J_FOOD_ID:
			if ((rc = resolve_food(jr, row, (int)c, &food, err)))
				return rc;
			break;
		case J_FOOD:
			break;
		case J_AMOUNT:
			if ((rc = check_amount_text(row, (int)c, err)))
				return rc;
			break;
		case J_GRAMS:
			if (!nt_text_to_double(t, &g))
				return FIELD_FAIL(err, row, c, "grams", "not a number: '%.40s'", t);
			if (!(g > 0))
				return FIELD_FAIL(err, row, c, "grams", "must be more than 0: '%.40s'", t);
			if (g > NT_AMOUNT_MAX_GRAMS)
				return FIELD_FAIL(err, row, c, "grams",
				                  "more than %g g, the most one entry may hold: '%.40s'",
				                  NT_AMOUNT_MAX_GRAMS, t);
			if ((mg = nt_grams_to_mg(g)) < 1)
				return FIELD_FAIL(err, row, c, "grams", "less than 1 mg: '%.40s'", t);
			break;
		case J_STATUS:
			if (!strcmp(t, "eaten"))
				planned = 0;
			else if (!strcmp(t, "planned"))
				planned = 1;
			else
				return FIELD_FAIL(err, row, c, "status", "not eaten or planned: '%.40s'", t);
			break;
		default:
			if ((rc = check_number(row, (int)c, journal_cols[i].name, err)))
				return rc;
			break;
		}
	}

	if (pos[J_FOOD] >= 0 && row->field[pos[J_FOOD]][0] &&
	    (rc = match_own_food(jr, row, &food, err)))
		return rc;
	if (food == 0) /* an own food's id that is not here, and no name to find it by */
		return FIELD_FAIL(err, row, pos[J_FOOD_ID], "food_id", "no food with id '%.40s'",
		                  row->field[pos[J_FOOD_ID]]);
	{
		char date[NT_DATE_LEN];

		if (!(st = nt_store_stmt(jr->s, sql_stage_row, err)))
			return err->status;
		nt_date_format(day, date);
		nt_stmt_bind_int(st, 1, (long long)row->record);
		nt_stmt_bind_text(st, 2, date);
		nt_stmt_bind_int(st, 3, meal);
		nt_stmt_bind_int(st, 4, food);
		nt_stmt_bind_text(st, 5, row->field[pos[J_AMOUNT]]);
		nt_stmt_bind_int(st, 6, mg);
		nt_stmt_bind_int(st, 7, planned);
		return nt_stmt_run(st, err);
	}
}

/* Runs a one-row query of integers into out[0..n); ?1, when bind1 >= 0, is bind1. */
static enum nt_status
query_ints(struct nt_store *s, const char *sql, long long bind1, long long *out, int n,
           struct nt_err *err)
{
	struct nt_stmt *st;
	int r;

	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	if (bind1 >= 0)
		nt_stmt_bind_int(st, 1, bind1);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 0)
		return nt_err_set(err, NT_ERR_DB, "a query returned no row");
	for (int i = 0; i < n; i++)
		out[i] = nt_stmt_int(st, i);
	nt_stmt_reset(st);
	return NT_OK;
}

/*
 * The second half of a journal import, once the rows are staged: counts
 * them against the journal (entries up to max_id), inserts the new ones
 * unless dry_run, drops the staging table, and commits (or, in a dry run,
 * rolls back) the transaction the caller began.
 */
static enum nt_status
finish_journal_import(struct nt_store *s, long long max_id, bool dry_run,
                      struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_stmt *st;
	long long n[2] = {0, 0};
	enum nt_status rc;

	if ((rc = query_ints(s, sql_stage_count, max_id, n, 2, err)))
		goto fail;
	if (!dry_run) {
		if (!(st = nt_store_stmt(s, sql_stage_insert, err))) {
			rc = err->status;
			goto fail;
		}
		nt_stmt_bind_int(st, 1, max_id);
		if ((rc = nt_stmt_run(st, err)))
			goto fail;
	}
	/* The staging table goes with the transaction: nothing stays behind. */
	if ((rc = nt_store_exec(s, sql_stage_drop, err)))
		goto fail;
	if (dry_run)
		nt_store_rollback(s);
	else if ((rc = nt_store_commit(s, err)))
		return rc;
	if (counts) {
		memset(counts, 0, sizeof *counts);
		counts->rows = n[0];
		counts->added = n[1];
		counts->present = n[0] - n[1];
	}
	return NT_OK;
fail:
	nt_store_rollback(s);
	return rc;
}

enum nt_status
nt_exchange_journal_import(struct nt_store *s, const char *path, bool dry_run,
                           struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_err scratch;
	struct journal_reader jr = {.s = s};
	long long max_id = 0;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = nt_store_exec(s, sql_stage_create, err)) ||
	    (rc = query_ints(s, sql_max_entry, -1, &max_id, 1, err)) ||
	    (rc = nt_csv_read(path, ',', journal_row, &jr, NULL, err))) {
		nt_store_rollback(s);
		return rc;
	}
	return finish_journal_import(s, max_id, dry_run, counts, err);
}

enum nt_status
nt_exchange_entries_import(struct nt_store *s, const struct nt_exchange_entry *v, size_t n,
                           size_t n_foods, nt_exchange_foods_fn put_foods, void *ctx,
                           bool dry_run, struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_err scratch;
	long long max_id = 0, *ids = NULL;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (n_foods && !(ids = calloc(n_foods, sizeof *ids)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	if ((rc = nt_store_begin(s, err))) {
		free(ids);
		return rc;
	}
	if ((rc = nt_store_exec(s, sql_stage_create, err)) ||
	    (rc = query_ints(s, sql_max_entry, -1, &max_id, 1, err)) ||
	    (n_foods && (rc = put_foods(ctx, s, ids, err))))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		struct nt_stmt *st;
		char date[NT_DATE_LEN];
		long long food = v[i].food;

		if (food < 0) {
			if ((size_t)(-food - 1) >= n_foods) {
				rc = nt_err_set(err, NT_ERR_INVALID, "entry %zu names no food", i + 1);
				goto fail;
			}
			food = ids[-food - 1];
		}
		if (!(st = nt_store_stmt(s, sql_stage_row, err))) {
			rc = err->status;
			goto fail;
		}
		nt_date_format(v[i].day, date);
		nt_stmt_bind_int(st, 1, (long long)i + 1);
		nt_stmt_bind_text(st, 2, date);
		nt_stmt_bind_int(st, 3, v[i].meal);
		nt_stmt_bind_int(st, 4, food);
		nt_stmt_bind_text(st, 5, v[i].amount);
		nt_stmt_bind_int(st, 6, v[i].mg);
		nt_stmt_bind_int(st, 7, v[i].planned);
		if ((rc = nt_stmt_run(st, err)))
			goto fail;
	}
	free(ids);
	return finish_journal_import(s, max_id, dry_run, counts, err);
fail:
	free(ids);
	nt_store_rollback(s);
	return rc;
}

/* ---- custom foods: export ---- */

static const char sql_foods_export[] =
	"SELECT f.id, f.code, f.name, f.grp, " NT_FOOD_VALUE_COLUMNS ","
	" coalesce(t.contains, f.contains)"
	" FROM foods f LEFT JOIN food_tags t ON t.food = f.id"
	" WHERE f.source = 'custom' ORDER BY CAST(f.code AS INTEGER), f.code";
static const char sql_food_portions[] =
	"SELECT amount, unit, grams FROM portions WHERE food = ?1 ORDER BY seq";

/* A growing string for the portions field. */
struct buf {
	char *s;
	size_t len, cap;
};

static bool
buf_add(struct buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;
		char *p;

		while (cap < b->len + len + 1)
			cap *= 2;
		if (!(p = realloc(b->s, cap)))
			return false;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
	return true;
}

/* A unit with '\', ';' and '=' escaped by a backslash. */
static bool
buf_add_unit(struct buf *b, const char *unit)
{
	for (const char *p = unit; *p; p++) {
		if (strchr("\\;=", *p) && !buf_add(b, "\\", 1))
			return false;
		if (!buf_add(b, p, 1))
			return false;
	}
	return true;
}

/* "1 bar=40;0.5 cup=28.5" for a food's portions into b (reset first). */
static enum nt_status
portions_text(struct nt_store *s, long long food, struct buf *b, struct nt_err *err)
{
	struct nt_stmt *st;
	int r;

	b->len = 0;
	if (!buf_add(b, "", 0))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	if (!(st = nt_store_stmt(s, sql_food_portions, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	while ((r = nt_stmt_step(st, err)) > 0) {
		char amount[40], grams[40];

		fmt_stored(amount, sizeof amount, nt_stmt_double(st, 0));
		fmt_stored(grams, sizeof grams, nt_stmt_double(st, 2));
		if ((b->len && !buf_add(b, ";", 1)) || !buf_add(b, amount, strlen(amount)) ||
		    !buf_add(b, " ", 1) || !buf_add_unit(b, nt_stmt_text(st, 1)) ||
		    !buf_add(b, "=", 1) || !buf_add(b, grams, strlen(grams))) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
	}
	return r < 0 ? err->status : NT_OK;
}

enum nt_status
nt_exchange_foods_export(struct nt_store *s, FILE *fp, long long *count, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	struct buf portions = {0};
	enum nt_status rc;
	long long n = 0;
	int r;

	if (!err)
		err = &scratch;
	if ((rc = write_header(fp, NT_EXCHANGE_FOODS_HEADER, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_foods_export, err)))
		return err->status;
	while ((r = nt_stmt_step(st, err)) > 0) {
		char ref[40], tags[96], vals[N_FOOD_VALUES][40];
		const char *fields[5 + N_FOOD_VALUES];

		if ((rc = portions_text(s, nt_stmt_int(st, 0), &portions, err))) {
			nt_stmt_reset(st);
			free(portions.s);
			return rc;
		}
		nt_food_ref("custom", nt_stmt_text(st, 1), ref, sizeof ref);
		nt_tags_format((unsigned)nt_stmt_int(st, 4 + NT_STORED_COUNT) & NT_TAG_ALL, tags,
		               sizeof tags);
		fields[0] = ref;
		fields[1] = nt_stmt_text(st, 2);
		fields[2] = nt_stmt_text(st, 3);
		for (size_t i = 0; i < N_FOOD_VALUES; i++) {
			fmt_stored(vals[i], sizeof vals[i], nt_stmt_double(st, 4 + food_values[i]));
			fields[3 + i] = vals[i];
		}
		fields[3 + N_FOOD_VALUES] = tags;
		fields[4 + N_FOOD_VALUES] = portions.s;
		if (write_record(fp, 5 + N_FOOD_VALUES, fields)) {
			nt_stmt_reset(st);
			free(portions.s);
			return write_failed(err);
		}
		n++;
	}
	free(portions.s);
	if (r < 0)
		return err->status;
	if ((rc = finish_output(fp, err)))
		return rc;
	if (count)
		*count = n;
	return NT_OK;
}

/* ---- custom foods: import ---- */

enum {
	F_ID, F_NAME, F_GROUP, F_VALUES, F_CONTAINS = F_VALUES + N_FOOD_VALUES, F_PORTIONS,
	F_COUNT
};

static const struct col_spec food_cols[F_COUNT] = {
	{"id", true}, {"name", true}, {"group", true},
	{"b12_ug", true}, {"b12_added_ug", true}, {"ala_g", true}, {"epa_g", true},
	{"dha_g", true}, {"dpa_g", true}, {"potassium_mg", true}, {"energy_kcal", true},
	{"protein_g", true}, {"contains", true}, {"portions", true},
};

/* The groups a custom food may be filed under. */
#define GROUP_CUSTOM "Custom foods"
#define GROUP_SUPPLEMENTS "Supplements"

/* Most portions one food may have, and the longest portion unit (as foods add). */
#define MAX_PORTIONS 64
#define MAX_UNIT NT_UNIT_MAX
#define MAX_PORTION 100000.0 /* of an amount: "100000 cups" at most */

struct food_row {
	long long code;       /* the row's custom:N, 0 when empty */
	const char *name;     /* borrowed from the CSV row */
	const char *group;
	double per100[NT_STORED_COUNT];
	unsigned tags;
	size_t n_portions;
	struct nt_portion portions[MAX_PORTIONS]; /* units owned */
};

static void
food_row_fini(struct food_row *f)
{
	for (size_t i = 0; i < f->n_portions; i++)
		free(f->portions[i].unit);
	f->n_portions = 0;
}

/*
 * Reads a portion's unit up to an unescaped '=' or ';' (or the end) into a
 * new string, undoing the escapes; *p is left on the character that ended
 * it.  *bad_escape is set for a '\\' before anything but '\\', ';' or '='.
 */
static char *
read_unit(const char **p, bool *bad_escape)
{
	const char *s = *p;
	char *out = malloc(strlen(s) + 1), *o = out;

	*bad_escape = false;
	if (!out)
		return NULL;
	for (; *s && *s != '=' && *s != ';'; s++) {
		if (*s == '\\') {
			if (!s[1] || !strchr("\\;=", s[1])) {
				*bad_escape = true;
				break;
			}
			s++;
		}
		*o++ = *s;
	}
	*o = '\0';
	*p = s;
	return out;
}

/*
 * Parses the portions field: "AMOUNT UNIT=GRAMS" items separated by ';',
 * with "\\", "\;" and "\=" inside units.
 */
static enum nt_status
parse_portions(const struct nt_csv_row *row, int c, struct food_row *f, struct nt_err *err)
{
	const char *p = row->field[c];
	size_t item = 0;

	if (!*p)
		return NT_OK;
	for (;;) {
		char num[64], *unit;
		const char *start = p;
		double amount, grams;
		bool bad_escape;
		size_t len;

		item++;
		if (f->n_portions == MAX_PORTIONS)
			return FIELD_FAIL(err, row, c, "portions", "more than %d portions",
			                  MAX_PORTIONS);
		len = strcspn(p, " ;=");
		if (p[len] != ' ' || len >= sizeof num)
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu is not AMOUNT UNIT=GRAMS: '%.40s'", item, start);
		memcpy(num, p, len);
		num[len] = '\0';
		if (!nt_text_to_double(num, &amount) || !(amount > 0) || amount > MAX_PORTION)
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu: the amount is not a number above 0 and at "
			                  "most %g: '%.40s'", item, MAX_PORTION, num);
		p += len + 1;
		if (!(unit = read_unit(&p, &bad_escape)))
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		if (bad_escape || *p != '=') {
			free(unit);
			if (bad_escape)
				return FIELD_FAIL(err, row, c, "portions",
				                  "portion %zu: '\\' may only come before \\, ; or =: "
				                  "'%.40s'", item, start);
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu is not AMOUNT UNIT=GRAMS: '%.40s'", item, start);
		}
		if (!nt_text_name_ok(unit, MAX_UNIT)) {
			free(unit);
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu: the unit must be 1-%d bytes of text, not blanks only: '%.40s'",
			                  item, MAX_UNIT, start);
		}
		p++;
		len = strcspn(p, ";");
		if (len >= sizeof num) {
			free(unit);
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu: the grams are not a number: '%.40s'", item, p);
		}
		memcpy(num, p, len);
		num[len] = '\0';
		/* entries are kept in milligrams: a lighter portion could not be logged */
		if (!nt_text_to_double(num, &grams) || !nt_portion_grams_ok(grams)) {
			free(unit);
			return FIELD_FAIL(err, row, c, "portions",
			                  "portion %zu: the grams are not a number from 0.001 to "
			                  "%g: '%.40s'", item, NT_PORTION_MAX_G, num);
		}
		f->portions[f->n_portions++] = (struct nt_portion){amount, unit, grams};
		p += len;
		if (!*p)
			return NT_OK;
		p++; /* ';' */
		if (!*p)
			return FIELD_FAIL(err, row, c, "portions", "a ';' ends the list");
	}
}

static enum nt_status
parse_fields(const struct nt_csv_row *row, const int *pos, struct food_row *f,
             struct nt_err *err)
{
	enum nt_status rc;

	for (size_t c = 0; c < row->n; c++) {
		const char *t = row->field[c];
		size_t i, len = strlen(t);
		char bad[32];

		for (i = 0; i < F_COUNT && pos[i] != (int)c; i++)
			;
		switch (i) {
		case F_ID:
			if (!*t)
				break;
			if (strncmp(t, "custom:", 7) || !t[7] || strspn(t + 7, "0123456789") != len - 7 ||
			    len - 7 > 9 || (f->code = atoll(t + 7)) < 1)
				return FIELD_FAIL(err, row, c, "id", "not empty or custom:N: '%.40s'", t);
			break;
		case F_NAME:
			if (!nt_text_name_ok(t, NT_NAME_MAX))
				return FIELD_FAIL(err, row, c, "name",
				                  "must be 1-200 bytes of text without control "
				                  "characters, not blanks only");
			f->name = t;
			break;
		case F_GROUP:
			if (strcmp(t, GROUP_CUSTOM) && strcmp(t, GROUP_SUPPLEMENTS))
				return FIELD_FAIL(err, row, c, "group",
				                  "not '" GROUP_CUSTOM "' or '" GROUP_SUPPLEMENTS "': "
				                  "'%.40s'", t);
			f->group = t;
			break;
		case F_CONTAINS:
			if (!nt_tags_parse(t, &f->tags, bad, sizeof bad))
				return FIELD_FAIL(err, row, c, "contains",
				                  "unknown tag '%.31s' (meat, fish, shellfish, dairy, "
				                  "egg, honey or none)", bad);
			break;
		case F_PORTIONS:
			if ((rc = parse_portions(row, (int)c, f, err)))
				return rc;
			break;
		default: {
			double v;
			const char *name = food_cols[i].name;

			if (!*t)
				break;
			if (!nt_text_to_double(t, &v))
				return FIELD_FAIL(err, row, c, "%s", "not a number: '%.40s'", name, t);
			if (v < 0)
				return FIELD_FAIL(err, row, c, "%s", "must be 0 or more: '%.40s'", name, t);
			f->per100[food_values[i - F_VALUES]] = v == 0 ? 0 : v;
			break;
		}
		}
	}
	return NT_OK;
}

/* Reads a data row into *f (fini it); on failure *f holds nothing. */
static enum nt_status
parse_food_row(const struct nt_csv_row *row, const int *pos, struct food_row *f,
               struct nt_err *err)
{
	enum nt_status rc;

	memset(f, 0, sizeof *f);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		f->per100[m] = NT_UNKNOWN;
	if ((rc = parse_fields(row, pos, f, err)))
		food_row_fini(f);
	return rc;
}

/* How many rows of each name came before (to pair rows with same-named foods). */
static const char sql_names_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS exchange_names(name TEXT PRIMARY KEY, n INTEGER NOT NULL);"
	"DELETE FROM temp.exchange_names";
static const char sql_names_drop[] = "DROP TABLE IF EXISTS temp.exchange_names";
static const char sql_names_seen[] = "SELECT n FROM temp.exchange_names WHERE name = ?1";
static const char sql_names_add[] =
	"INSERT INTO temp.exchange_names(name, n) VALUES (?1, 1)"
	" ON CONFLICT(name) DO UPDATE SET n = n + 1";
static const char sql_max_food[] = "SELECT coalesce(max(id), 0) FROM foods";
/* The offset-th custom food of this name among those there before the import. */
static const char sql_food_named[] =
	"SELECT id FROM foods WHERE source = 'custom' AND name = ?1 AND id <= ?2"
	" ORDER BY CAST(code AS INTEGER), code LIMIT 1 OFFSET ?3";
static const char sql_custom_code_taken[] =
	"SELECT 1 FROM foods WHERE source = 'custom' AND code = ?1";
static const char sql_custom_next[] =
	"SELECT coalesce(max(CAST(code AS INTEGER)), 0) + 1 FROM foods WHERE source = 'custom'";
static const char sql_custom_insert[] =
	"INSERT INTO foods(source, code, name, grp, " NT_FOOD_VALUE_COLUMNS ")"
	" VALUES ('custom', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char sql_custom_update[] =
	"UPDATE foods SET grp = ?2, energy_kcal = ?3, protein_g = ?4, b12_ug = ?5,"
	" b12_added_ug = ?6, ala_g = ?7, epa_g = ?8, dha_g = ?9, dpa_g = ?10,"
	" potassium_mg = ?11 WHERE id = ?1";

struct foods_reader {
	struct nt_store *s;
	int pos[F_COUNT];
	size_t width;
	long long max_food; /* foods with a larger row id were made by this import */
	struct nt_import_counts counts;
};

/* The number of earlier rows named like this one; counts this one. */
static enum nt_status
earlier_same_name(struct nt_store *s, const char *name, long long *n, struct nt_err *err)
{
	struct nt_stmt *st;
	int r;

	if (!(st = nt_store_stmt(s, sql_names_seen, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, name);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	*n = r ? nt_stmt_int(st, 0) : 0;
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_names_add, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, name);
	return nt_stmt_run(st, err);
}

static enum nt_status
create_food(struct nt_store *s, const struct food_row *f, struct nt_err *err)
{
	struct nt_stmt *st;
	char code[24];
	enum nt_status rc;
	long long id;
	int r = 0;

	/* Keep the file's custom:N when it is free, so journals that name it still fit. */
	if (f->code) {
		snprintf(code, sizeof code, "%lld", f->code);
		if (!(st = nt_store_stmt(s, sql_custom_code_taken, err)))
			return err->status;
		nt_stmt_bind_text(st, 1, code);
		if ((r = nt_stmt_step(st, err)) < 0)
			return err->status;
		nt_stmt_reset(st);
	}
	if (!f->code || r) {
		long long next = 0;

		if ((rc = query_ints(s, sql_custom_next, -1, &next, 1, err)))
			return rc;
		snprintf(code, sizeof code, "%lld", next);
	}
	if (!(st = nt_store_stmt(s, sql_custom_insert, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, code);
	nt_stmt_bind_text(st, 2, f->name);
	nt_stmt_bind_text(st, 3, f->group);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		nt_stmt_bind_double(st, 4 + m, f->per100[m]);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	id = nt_store_last_rowid(s);
	if ((rc = nt_food_put_portions(s, id, true, f->portions, f->n_portions, err)) ||
	    (rc = nt_category_update(s, id, err)))
		return rc;
	return f->tags ? nt_food_tag(s, id, f->tags, err) : NT_OK;
}

/* Replaces a custom food's values, group, tags and portions when they differ. */
static enum nt_status
update_food(struct nt_store *s, long long id, const struct food_row *f, bool *changed,
            struct nt_err *err)
{
	struct nt_food *old;
	struct nt_stmt *st;
	enum nt_status rc;
	unsigned tags;
	bool corrected, same;

	if ((rc = nt_food_get(s, id, &old, err)))
		return rc;
	if ((rc = nt_food_tags(s, id, &tags, &corrected, err))) {
		nt_food_free(old);
		return rc;
	}
	same = !strcmp(old->group, f->group) && tags == f->tags &&
	       old->n_portions == f->n_portions;
	for (int m = 0; same && m < NT_STORED_COUNT; m++)
		same = nt_same_value(old->per100[m], f->per100[m]);
	for (size_t i = 0; same && i < f->n_portions; i++)
		same = old->portions[i].amount == f->portions[i].amount &&
		       old->portions[i].grams == f->portions[i].grams &&
		       !strcmp(old->portions[i].unit, f->portions[i].unit);
	nt_food_free(old);
	*changed = !same;
	if (same)
		return NT_OK;
	if (!(st = nt_store_stmt(s, sql_custom_update, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_text(st, 2, f->group);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		nt_stmt_bind_double(st, 3 + m, f->per100[m]);
	if ((rc = nt_stmt_run(st, err)) ||
	    (rc = nt_food_put_portions(s, id, true, f->portions, f->n_portions, err)) ||
	    (rc = nt_category_update(s, id, err)))
		return rc;
	if (tags != f->tags && (rc = nt_food_tag(s, id, f->tags, err)))
		return rc;
	return nt_recipe_refresh_using(s, id, err);
}

static enum nt_status
foods_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct foods_reader *fr = ctx;
	struct food_row f;
	struct nt_stmt *st;
	enum nt_status rc;
	long long earlier = 0, id = 0;
	bool changed;
	int r;

	if (row->record == 1) {
		if ((rc = read_header(row, food_cols, F_COUNT, NT_EXCHANGE_FOODS_HEADER, fr->pos,
		                      err)))
			return rc;
		fr->width = row->n;
		return NT_OK;
	}
	if ((rc = check_width(row, fr->width, err)) ||
	    (rc = parse_food_row(row, fr->pos, &f, err)))
		return rc;
	if ((rc = earlier_same_name(fr->s, f.name, &earlier, err)))
		goto out;
	if (!(st = nt_store_stmt(fr->s, sql_food_named, err))) {
		rc = err->status;
		goto out;
	}
	nt_stmt_bind_text(st, 1, f.name);
	nt_stmt_bind_int(st, 2, fr->max_food);
	nt_stmt_bind_int(st, 3, earlier);
	if ((r = nt_stmt_step(st, err)) < 0) {
		rc = err->status;
		goto out;
	}
	if (r) {
		id = nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		if ((rc = update_food(fr->s, id, &f, &changed, err)))
			goto out;
		if (changed)
			fr->counts.updated++;
		else
			fr->counts.present++;
	} else {
		if ((rc = create_food(fr->s, &f, err)))
			goto out;
		fr->counts.added++;
	}
	fr->counts.rows++;
out:
	food_row_fini(&f);
	return rc;
}

enum nt_status
nt_exchange_foods_import(struct nt_store *s, const char *path, bool dry_run,
                         struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_err scratch;
	struct foods_reader fr = {.s = s};
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = nt_store_exec(s, sql_names_create, err)) ||
	    (rc = query_ints(s, sql_max_food, -1, &fr.max_food, 1, err)) ||
	    (rc = nt_csv_read(path, ',', foods_row, &fr, NULL, err)) ||
	    (rc = nt_store_exec(s, sql_names_drop, err)))
		goto fail;
	if (dry_run)
		nt_store_rollback(s);
	else if ((rc = nt_store_commit(s, err)))
		return rc;
	if (counts)
		*counts = fr.counts;
	return NT_OK;
fail:
	nt_store_rollback(s);
	return rc;
}

