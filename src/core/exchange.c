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
	int e = errno ? errno : EIO;

	if (e == ENOSPC || e == EDQUOT) /* said plainly */
		return nt_err_set(err, NT_ERR_IO, "disk full (%s)", strerror(e));
	return nt_err_set(err, NT_ERR_IO, "write error: %s", strerror(e));
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

/* The measures appended after the first format's columns (exchange.h), in the table's order. */
#define APPENDED_ONE_(id, ...) NT_EXCHANGE_IF_APPENDED(id, +1)
enum { N_APPENDED = 0 NT_STORED_LIST(APPENDED_ONE_) };
_Static_assert(N_APPENDED == NT_STORED_COUNT - (NT_POTASSIUM + 1),
               "the first format's measures (NT_EXCHANGE_FIRST_*) are the table's rows up to "
               "potassium: a new row is appended, never inserted");

/*
 * A column a reader knows, whether a file must have it, and the measure
 * it holds (-1: none); a value column's name is its measure's column.
 */
struct col_spec {
	const char *name;
	bool required;
	int measure;
};
#define VALUE_COL(m, required) {NULL, (required), (m)}
#define APPENDED_COL_(id, ...) NT_EXCHANGE_IF_APPENDED(id, VALUE_COL(NT_##id, false),)

static const char *
col_name(const struct col_spec *c)
{
	return c->name ? c->name : nt_measure_column((enum nt_measure)c->measure);
}

/*
 * The journal file's columns (exchange.h), in order: the values of the
 * first format (every stored measure but b12_added, in its own order),
 * estimated, then the appended ones.
 */
enum {
	J_DATE, J_MEAL, J_FOOD_ID, J_FOOD, J_AMOUNT, J_GRAMS, J_STATUS, J_VALUES,
	J_ESTIMATED = J_VALUES + NT_POTASSIUM,
	J_APPENDED,
	J_COUNT = J_APPENDED + N_APPENDED
};

static const struct col_spec journal_cols[] = {
	{"date", true, -1}, {"meal", true, -1}, {"food_id", true, -1}, {"food", false, -1},
	{"amount", true, -1}, {"grams", true, -1}, {"status", true, -1},
	VALUE_COL(NT_B12, false), VALUE_COL(NT_ALA, false), VALUE_COL(NT_EPA, false),
	VALUE_COL(NT_DHA, false), VALUE_COL(NT_DPA, false), VALUE_COL(NT_POTASSIUM, false),
	VALUE_COL(NT_ENERGY, false), VALUE_COL(NT_PROTEIN, false),
	{"estimated", false, -1},
	NT_STORED_LIST(APPENDED_COL_)
};
_Static_assert(sizeof journal_cols / sizeof *journal_cols == J_COUNT, "a spec per column");

/*
 * The custom-food file's columns (exchange.h), in order: the values of the
 * first format (every stored measure, in its own order), contains,
 * portions, then the appended values, which an older file lacks.
 */
enum {
	F_ID, F_NAME, F_GROUP, F_VALUES, F_CONTAINS = F_VALUES + NT_POTASSIUM + 1, F_PORTIONS,
	F_APPENDED,
	F_COUNT = F_APPENDED + N_APPENDED
};

static const struct col_spec food_cols[] = {
	{"id", true, -1}, {"name", true, -1}, {"group", true, -1},
	VALUE_COL(NT_B12, true), VALUE_COL(NT_B12_ADDED, true), VALUE_COL(NT_ALA, true),
	VALUE_COL(NT_EPA, true), VALUE_COL(NT_DHA, true), VALUE_COL(NT_DPA, true),
	VALUE_COL(NT_POTASSIUM, true), VALUE_COL(NT_ENERGY, true), VALUE_COL(NT_PROTEIN, true),
	{"contains", true, -1}, {"portions", true, -1},
	NT_STORED_LIST(APPENDED_COL_)
};
_Static_assert(sizeof food_cols / sizeof *food_cols == F_COUNT, "a spec per column");

static const char sql_export[] =
	"SELECT e.day, e.meal, f.source, f.code, f.name, e.amount, e.mg, e.planned"
	NT_FOOD_READ_VALUES_F ", f.ala_estimated"
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
		/* est: every value column's name, spaced, is 114 bytes today */
		char ref[40], grams[32], vals[J_COUNT][40], est[160] = "";
		const char *fields[J_COUNT];
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
		nt_amounts_mark_estimated(&v, nt_estimated_bits(nt_stmt_int(st, 8 + NT_STORED_COUNT)
		                                                != 0));
		nt_food_ref(nt_stmt_text(st, 2), nt_stmt_text(st, 3), ref, sizeof ref);
		fmt_mg(grams, sizeof grams, mg);
		fields[0] = nt_stmt_text(st, 0);
		fields[1] = nt_meal_name((enum nt_meal)meal);
		fields[2] = ref;
		fields[3] = nt_stmt_text(st, 4);
		fields[4] = nt_stmt_text(st, 5);
		fields[5] = grams;
		fields[6] = nt_stmt_int(st, 7) ? "planned" : "eaten";
		for (int c = J_VALUES; c < J_COUNT; c++) {
			int m = journal_cols[c].measure;

			if (m < 0)
				continue;
			fmt_value(vals[c], sizeof vals[c], v.v[m]);
			fields[c] = vals[c];
			if ((v.estimated & (1u << m)) &&
			    strlen(est) + 1 + strlen(col_name(&journal_cols[c])) < sizeof est) {
				if (*est)
					strcat(est, " ");
				strcat(est, col_name(&journal_cols[c]));
			}
		}
		fields[J_ESTIMATED] = est;
		if (write_record(fp, J_COUNT, fields)) {
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
			if (!strcmp(row->field[c], col_name(&spec[i])))
				known++;
	if (!known)
		return nt_csv_fail(err, row, 0, "no header row: the first line must name the "
		                   "columns %s", expected);
	for (size_t c = 0; c < row->n; c++) {
		size_t i;

		for (i = 0; i < n_spec; i++)
			if (!strcmp(row->field[c], col_name(&spec[i])))
				break;
		if (i == n_spec)
			return nt_csv_fail(err, row, c + 1, "unknown column '%.40s' (the columns are %s)",
			                   row->field[c], expected);
		if (pos[i] >= 0)
			return nt_csv_fail(err, row, c + 1, "column '%s' appears twice",
			                   col_name(&spec[i]));
		pos[i] = (int)c;
	}
	for (size_t i = 0; i < n_spec; i++)
		if (spec[i].required && pos[i] < 0)
			return nt_csv_fail(err, row, 0, "missing column '%s'", col_name(&spec[i]));
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

struct journal_reader {
	struct nt_store *s;
	struct nt_staging *stage;
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

/*
 * The informational estimated column: empty, or names of the nutrient
 * columns separated by single spaces.
 */
static enum nt_status
check_estimated(const struct nt_csv_row *row, int c, struct nt_err *err)
{
	const char *t = row->field[c];

	while (*t) {
		size_t len = strcspn(t, " "), i;

		for (i = 0; i < J_COUNT; i++)
			if (journal_cols[i].measure >= 0 && strlen(col_name(&journal_cols[i])) == len &&
			    !strncmp(t, col_name(&journal_cols[i]), len))
				break;
		if (i == J_COUNT)
			return FIELD_FAIL(err, row, c, "estimated",
			                  "not nutrient columns separated by spaces (e.g. ala_g): "
			                  "'%.40s'", row->field[c]);
		t += len;
		if (*t == ' ' && *++t == '\0')
			return FIELD_FAIL(err, row, c, "estimated", "ends with a space: '%.40s'",
			                  row->field[c]);
	}
	return NT_OK;
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
		case J_ESTIMATED:
			if ((rc = check_estimated(row, (int)c, err)))
				return rc;
			break;
		default:
			if ((rc = check_number(row, (int)c, col_name(&journal_cols[i]), err)))
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
	return nt_staging_entry(jr->stage, (long long)row->record, day, meal, food,
	                      row->field[pos[J_AMOUNT]], mg, planned, err);
}

/* Runs a statement whose ?1 is v, to completion. */
static enum nt_status
run_with(struct nt_store *s, const char *sql, long long v, struct nt_err *err)
{
	struct nt_stmt *st;

	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, v);
	return nt_stmt_run(st, err);
}

enum nt_status
nt_exchange_journal_import(struct nt_store *s, const char *path, bool dry_run,
                           struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_staging stage;
	struct journal_reader jr = {.s = s, .stage = &stage};
	enum nt_status rc;

	if (!err)
		err = &scratch;
	/* the file is read in phase 1, without the write lock: it may take long */
	if ((rc = nt_staging_entries_begin(&stage, s, err)))
		return rc;
	if ((rc = nt_csv_read(path, ',', journal_row, &jr, NULL, err))) {
		nt_staging_abort(&stage);
		return rc;
	}
	return nt_staging_entries_finish(&stage, dry_run, counts, err);
}

/* ---- journal rows from another program's export ---- */

/*
 * The foods the rows name by index are staged in phase 1 with their
 * classes, and each one equal to a food of the source in the snapshot
 * takes that food's row id (column id); its rows are staged with it.  The
 * merge looks again among the foods written since the snapshot (row ids
 * above the largest then), numbers the rest after the source's largest
 * code, writes them and their portions, and gives the rows staged with a
 * placeholder their foods: a few statements, whatever the count.
 */
static const char sql_xfoods_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS stage_import_foods(idx INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL, grp TEXT NOT NULL, basis TEXT, portion_unit TEXT,"
	"  portion_grams REAL, partial INTEGER NOT NULL, ala_estimated INTEGER NOT NULL,"
	"  contains INTEGER NOT NULL, class INTEGER NOT NULL" NT_FOOD_VALUE_DEFS ","
	"  id INTEGER, code TEXT, created INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX IF NOT EXISTS temp.stage_import_foods_name ON stage_import_foods(name);"
	"DELETE FROM temp.stage_import_foods;";
static const char sql_xfoods_drop[] = "DROP TABLE IF EXISTS temp.stage_import_foods";
static const char sql_xfood[] =
	"INSERT INTO temp.stage_import_foods(idx, name, grp, basis, portion_unit, portion_grams,"
	" partial, ala_estimated, contains, class" NT_FOOD_VALUE_COLUMNS ")"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10" NT_FOOD_VALUE_PARAMS ")";
static const char sql_max_food[] = "SELECT coalesce(max(id), 0) FROM foods";
/* " AND a.energy_kcal IS b.energy_kcal ...": every value the same, or both unknown. */
#define SAME_VALUE_(a, b, col) " AND " a "." col " IS " b "." col
#define SAME_VALUE_SF_(id, name, unit, dec, label, col, ...) SAME_VALUE_("s", "f", col)
#define SAME_VALUE_FR_(id, name, unit, dec, label, col, ...) SAME_VALUE_("f", "r", col)
/* A stored food f equal to the staged one s (struct nt_exchange_food). */
#define SAME_XFOOD                                                                           \
	"s.name = f.name AND s.grp = f.grp AND s.basis IS f.basis AND s.partial = f.partial"      \
	" AND s.ala_estimated = f.ala_estimated" NT_STORED_LIST(SAME_VALUE_SF_)                   \
	" AND s.portion_unit IS (SELECT p.unit FROM portions p WHERE p.food = f.id"               \
	"  ORDER BY p.seq LIMIT 1)"                                                               \
	" AND (s.portion_unit IS NULL OR s.portion_grams = (SELECT p.grams FROM portions p"       \
	"  WHERE p.food = f.id ORDER BY p.seq LIMIT 1))"
/*
 * The lowest-numbered equal food of source ?1 for each staged food not yet
 * found.  CROSS JOIN keeps the source's foods the outer loop and finds
 * staged foods by name, so the work grows with the foods, not with their
 * product: in phase 1 all the source's foods (by the index on source), at
 * merge time those above row id ?2 only (the '+' keeps SQLite to that
 * range).
 */
#define FIND_XFOODS(where)                                                                    \
	"UPDATE temp.stage_import_foods AS t SET id = m.id FROM"                                  \
	" (SELECT s.idx AS idx, min(f.id) AS id FROM foods f CROSS JOIN temp.stage_import_foods s" \
	"  WHERE " where " AND s.id IS NULL AND " SAME_XFOOD " GROUP BY s.idx) AS m"              \
	" WHERE t.idx = m.idx"
static const char sql_xfoods_find[] = FIND_XFOODS("f.source = ?1");
static const char sql_xfoods_find_since[] = FIND_XFOODS("+f.source = ?1 AND f.id > ?2");
static const char sql_xfoods_ids[] =
	"SELECT idx, id FROM temp.stage_import_foods WHERE id IS NOT NULL";
static const char sql_xfoods_new[] =
	"SELECT count(*) FROM temp.stage_import_foods WHERE id IS NULL";
static const char sql_source_max[] =
	"SELECT coalesce(max(CAST(code AS INTEGER)), 0) FROM foods WHERE source = ?1";
static const char sql_xfoods_number[] =
	"UPDATE temp.stage_import_foods AS t SET code = CAST(?1 + r.k AS TEXT)"
	" FROM (SELECT idx, row_number() OVER (ORDER BY idx) AS k FROM temp.stage_import_foods"
	"  WHERE id IS NULL) AS r WHERE t.idx = r.idx";
static const char sql_xfoods_insert[] =
	"INSERT INTO foods(source, code, name, grp, ala_estimated, contains, partial, basis, class"
	NT_FOOD_VALUE_COLUMNS ")"
	" SELECT ?1, code, name, grp, ala_estimated, contains, partial, basis, class"
	NT_FOOD_VALUE_COLUMNS " FROM temp.stage_import_foods WHERE id IS NULL ORDER BY idx";
static const char sql_xfoods_created[] =
	"UPDATE temp.stage_import_foods AS t SET id = f.id, created = 1 FROM foods f"
	" WHERE t.id IS NULL AND f.source = ?1 AND f.code = t.code";
static const char sql_xfoods_merge[] =
	"INSERT INTO portions(food, seq, amount, unit, grams)"
	" SELECT id, 1, 1, portion_unit, portion_grams FROM temp.stage_import_foods"
	" WHERE created AND portion_unit IS NOT NULL ORDER BY idx;"
	"UPDATE temp.stage_entries SET food = (SELECT t.id FROM temp.stage_import_foods t"
	" WHERE t.idx = -stage_entries.food - 1) WHERE food < 0;";
static const char sql_xfoods_added[] =
	"SELECT count(*) FROM temp.stage_import_foods WHERE created";

struct xfoods {
	const char *source;
	long long seen;  /* the largest food row id in the snapshot */
	long long added; /* foods written */
};

/* Runs a statement whose ?1 is text a and ?2, when b >= 0, is b; to completion. */
static enum nt_status
run_source(struct nt_store *s, const char *sql, const char *a, long long b, struct nt_err *err)
{
	struct nt_stmt *st;

	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, a);
	if (b >= 0)
		nt_stmt_bind_int(st, 2, b);
	return nt_stmt_run(st, err);
}

/* Phase 1: the foods staged, classified, and looked for among the source's. */
static enum nt_status
stage_xfoods(struct nt_store *s, struct xfoods *x, const struct nt_exchange_food *foods,
             size_t n_foods, long long *ids, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	int r;

	if ((rc = nt_store_exec(s, sql_xfoods_create, err)) ||
	    (rc = nt_store_query_ints(s, sql_max_food, -1, &x->seen, 1, err)))
		return rc;
	for (size_t i = 0; i < n_foods; i++) {
		const struct nt_exchange_food *f = &foods[i];
		/* the category rules only read the unit */
		struct nt_portion p = {1, (char *)f->portion_unit, f->portion_grams};

		if (!(st = nt_store_stmt(s, sql_xfood, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, (long long)i);
		nt_stmt_bind_text(st, 2, f->name);
		nt_stmt_bind_text(st, 3, f->group);
		nt_stmt_bind_text(st, 4, f->basis);
		nt_stmt_bind_text(st, 5, f->portion_unit);
		nt_stmt_bind_double(st, 6, f->portion_unit ? f->portion_grams : NT_UNKNOWN);
		nt_stmt_bind_int(st, 7, f->partial);
		nt_stmt_bind_int(st, 8, f->ala_estimated);
		nt_stmt_bind_int(st, 9, f->contains);
		nt_stmt_bind_int(st, 10, nt_category_of(f->name, f->group, "", &p,
		                                        f->portion_unit ? 1 : 0));
		for (int m = 0; m < NT_STORED_COUNT; m++)
			nt_stmt_bind_double(st, 11 + m, f->per100[m]);
		if ((rc = nt_stmt_run(st, err)))
			return rc;
	}
	if ((rc = run_source(s, sql_xfoods_find, x->source, -1, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_xfoods_ids, err)))
		return err->status;
	while ((r = nt_stmt_step(st, err)) > 0)
		ids[nt_stmt_int(st, 0)] = nt_stmt_int(st, 1);
	return r < 0 ? err->status : NT_OK;
}

/* Phase 2 (nt_staging_fn): the new foods written, the staged entries given their foods. */
static enum nt_status
merge_xfoods(void *ctx, struct nt_store *s, struct nt_err *err)
{
	struct xfoods *x = ctx;
	struct nt_stmt *st;
	long long top = 0;
	enum nt_status rc;
	int r;

	/* an equal food another nutrack wrote meanwhile (the same export, imported twice) */
	if ((rc = run_source(s, sql_xfoods_find_since, x->source, x->seen, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_source_max, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, x->source);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	top = r ? nt_stmt_int(st, 0) : 0;
	nt_stmt_reset(st);
	if ((rc = run_with(s, sql_xfoods_number, top, err)) ||
	    (rc = run_source(s, sql_xfoods_insert, x->source, -1, err)) ||
	    (rc = run_source(s, sql_xfoods_created, x->source, -1, err)) ||
	    (rc = nt_store_exec(s, sql_xfoods_merge, err)))
		return rc;
	return nt_store_query_ints(s, sql_xfoods_added, -1, &x->added, 1, err);
}

enum nt_status
nt_exchange_entries_import(struct nt_store *s, const char *source,
                           const struct nt_exchange_entry *v, size_t n,
                           const struct nt_exchange_food *foods, size_t n_foods, bool dry_run,
                           struct nt_import_counts *counts, long long *foods_added,
                           struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_staging stage;
	struct xfoods x = {.source = source};
	long long *ids = NULL;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (n_foods && !(ids = calloc(n_foods, sizeof *ids)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	/* phase 1: the foods and rows staged, against a snapshot, without the write lock */
	if ((rc = nt_staging_entries_begin(&stage, s, err)))
		goto out;
	if (n_foods && (rc = stage_xfoods(s, &x, foods, n_foods, ids, err)))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		long long food = v[i].food;

		if (food < 0) {
			if ((size_t)(-food - 1) >= n_foods) {
				rc = nt_err_set(err, NT_ERR_INVALID, "entry %zu names no food", i + 1);
				goto fail;
			}
			if (ids[-food - 1]) /* found: else a placeholder until the merge writes it */
				food = ids[-food - 1];
		}
		if ((rc = nt_staging_entry(&stage, v[i].line, v[i].day, v[i].meal, food, v[i].amount,
		                           v[i].mg, v[i].planned, err)))
			goto fail;
	}
	if (dry_run && n_foods && (rc = nt_store_query_ints(s, sql_xfoods_new, -1, &x.added, 1, err)))
		goto fail;
	/* phase 2 (unless dry_run): the foods written and the rows matched, then one commit */
	if ((rc = nt_staging_entries_finish_with(&stage, n_foods ? merge_xfoods : NULL, &x,
	                                         dry_run, counts, err)))
		goto out;
	if (foods_added)
		*foods_added = x.added;
	goto out;
fail:
	nt_staging_abort(&stage);
out:
	if (n_foods)
		nt_store_exec(s, sql_xfoods_drop, NULL); /* temp only: no lock */
	free(ids);
	return rc;
}

/* ---- custom foods: export ---- */

static const char sql_foods_export[] =
	"SELECT f.id, f.code, f.name, f.grp" NT_FOOD_VALUE_COLUMNS ","
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
		char ref[40], tags[96], vals[F_COUNT][40];
		const char *fields[F_COUNT];

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
		for (int c = F_VALUES; c < F_COUNT; c++) {
			if (food_cols[c].measure < 0)
				continue;
			fmt_stored(vals[c], sizeof vals[c], nt_stmt_double(st, 4 + food_cols[c].measure));
			fields[c] = vals[c];
		}
		fields[F_CONTAINS] = tags;
		fields[F_PORTIONS] = portions.s;
		if (write_record(fp, F_COUNT, fields)) {
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
	int impossible;

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
			const char *name = col_name(&food_cols[i]);

			if (!*t)
				break;
			if (!nt_text_to_double(t, &v))
				return FIELD_FAIL(err, row, c, "%s", "not a number: '%.40s'", name, t);
			if (v < 0)
				return FIELD_FAIL(err, row, c, "%s", "must be 0 or more: '%.40s'", name, t);
			f->per100[food_cols[i].measure] = v == 0 ? 0 : v;
			break;
		}
		}
	}
	if ((impossible = nt_per100_impossible(f->per100)) == NT_MEASURE_COUNT)
		return FIELD_FAIL(err, row, pos[F_NAME], "%s",
		                  "protein, omega-3 fatty acids, potassium, B12, folate and B6 weigh more than "
		                  "the food itself (over 100 g per 100 g)", "values");
	for (size_t i = 0; impossible >= 0 && i < F_COUNT; i++)
		if (food_cols[i].measure == impossible)
			return FIELD_FAIL(err, row, pos[i], "%s",
			                  "impossible per 100 g (at most %g): %g",
			                  col_name(&food_cols[i]),
			                  nt_measure_max_per100((enum nt_measure)impossible),
			                  f->per100[impossible]);
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

/*
 * Phase 1 stages the file's rows, read and checked.  Phase 2 pairs them
 * with the custom foods of the same name (the k-th row of a name with the
 * k-th food of that name, by code), finds which pairs differ, and applies
 * updates and new foods with a few statements over the staged tables:
 * linear in the rows (it used to scan the custom foods for every row), and
 * short, since the full-text index is kept in step by one statement per
 * step, not one per food.
 */
static const char sql_foods_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS stage_foods(seq INTEGER PRIMARY KEY,"
	"  code INTEGER NOT NULL, name TEXT NOT NULL, grp TEXT NOT NULL, tags INTEGER NOT NULL,"
	"  class INTEGER NOT NULL" NT_FOOD_VALUE_DEFS ");"
	"CREATE TEMP TABLE IF NOT EXISTS stage_food_portions(seq INTEGER NOT NULL,"
	"  n INTEGER NOT NULL, amount REAL NOT NULL, unit TEXT NOT NULL, grams REAL NOT NULL,"
	"  PRIMARY KEY(seq, n)) WITHOUT ROWID;"
	"CREATE TEMP TABLE IF NOT EXISTS stage_custom_rank(name TEXT NOT NULL, k INTEGER NOT NULL,"
	"  id INTEGER NOT NULL, PRIMARY KEY(name, k)) WITHOUT ROWID;"
	"CREATE TEMP TABLE IF NOT EXISTS stage_food_pairs(seq INTEGER PRIMARY KEY,"
	"  food INTEGER NOT NULL UNIQUE, changed INTEGER NOT NULL DEFAULT 1);"
	"CREATE TEMP TABLE IF NOT EXISTS stage_new_codes(seq INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE);"
	"DELETE FROM temp.stage_foods; DELETE FROM temp.stage_food_portions;"
	"DELETE FROM temp.stage_custom_rank; DELETE FROM temp.stage_food_pairs;"
	"DELETE FROM temp.stage_new_codes;";
static const char sql_foods_drop[] =
	"DROP TABLE IF EXISTS temp.stage_foods; DROP TABLE IF EXISTS temp.stage_food_portions;"
	"DROP TABLE IF EXISTS temp.stage_custom_rank; DROP TABLE IF EXISTS temp.stage_food_pairs;"
	"DROP TABLE IF EXISTS temp.stage_new_codes;";
static const char sql_stage_food[] =
	"INSERT INTO temp.stage_foods(seq, code, name, grp, tags, class" NT_FOOD_VALUE_COLUMNS ")"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6" NT_FOOD_VALUE_PARAMS ")";
static const char sql_stage_portion[] =
	"INSERT INTO temp.stage_food_portions(seq, n, amount, unit, grams)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
/* The custom foods ranked by name once, into an indexed table: then a look-up per row. */
static const char sql_pair[] =
	"INSERT INTO temp.stage_custom_rank(name, k, id)"
	" SELECT name, row_number() OVER (PARTITION BY name ORDER BY CAST(code AS INTEGER), code),"
	"  id FROM foods WHERE source = 'custom';"
	"INSERT INTO temp.stage_food_pairs(seq, food)"
	" SELECT r.seq, c.id FROM"
	"  (SELECT seq, name, row_number() OVER (PARTITION BY name ORDER BY seq) AS k"
	"   FROM temp.stage_foods) r"
	" JOIN temp.stage_custom_rank c ON c.name = r.name AND c.k = r.k";
/*
 * A pair is unchanged when the group, every value (both unknown counts as
 * the same), the tags in force (the user's correction, else the food's)
 * and the portions, in order, are the same (portions are numbered 1..n as
 * nt_food_put_portions writes them; any other numbering counts as a
 * change and is rewritten).  ?1 is NT_TAG_ALL.
 */
static const char sql_pair_changed[] =
	"UPDATE temp.stage_food_pairs AS p SET changed = NOT ("
	"  EXISTS (SELECT 1 FROM temp.stage_foods r JOIN foods f ON f.id = p.food"
	"    LEFT JOIN food_tags t ON t.food = f.id"
	"    WHERE r.seq = p.seq AND f.grp = r.grp" NT_STORED_LIST(SAME_VALUE_FR_)
	"    AND (coalesce(t.contains, f.contains) & ?1) = r.tags)"
	"  AND (SELECT count(*) FROM portions WHERE food = p.food)"
	"    = (SELECT count(*) FROM temp.stage_food_portions WHERE seq = p.seq)"
	"  AND NOT EXISTS (SELECT 1 FROM temp.stage_food_portions sp"
	"    LEFT JOIN portions o ON o.food = p.food AND o.seq = sp.n + 1"
	"    WHERE sp.seq = p.seq AND (o.food IS NULL OR o.amount <> sp.amount"
	"      OR o.unit <> sp.unit OR o.grams <> sp.grams)))";
static const char sql_unpaired[] =
	"SELECT r.seq, r.code FROM temp.stage_foods r"
	" WHERE r.seq > ?1 AND NOT EXISTS (SELECT 1 FROM temp.stage_food_pairs p WHERE p.seq = r.seq)"
	" ORDER BY r.seq LIMIT 1";
static const char sql_custom_max[] =
	"SELECT coalesce(max(CAST(code AS INTEGER)), 0) FROM foods WHERE source = 'custom'";
static const char sql_code_taken[] =
	"SELECT 1 FROM foods WHERE source = 'custom' AND code = ?1"
	" UNION ALL SELECT 1 FROM temp.stage_new_codes WHERE code = ?1 LIMIT 1";
static const char sql_new_code[] =
	"INSERT INTO temp.stage_new_codes(seq, code) VALUES (?1, ?2)";
/* ", energy_kcal = r.energy_kcal, ...": a food's values from the staged row r. */
#define SET_FROM_R_(id, name, unit, dec, label, col, ...) ", " col " = r." col
/* ", r.energy_kcal, ...": the staged row's values, in the foods table's order. */
#define R_VALUE_(id, name, unit, dec, label, col, ...) ", r." col
/*
 * A changed food's classes were worked out in phase 1 from the row; custom
 * foods have no also (common names), but one that had would be left to
 * nt_category_refresh (class -1), since its also was not known then.
 */
static const char sql_apply_updates[] =
	"UPDATE foods SET grp = r.grp" NT_STORED_LIST(SET_FROM_R_) ","
	" class = CASE foods.also WHEN '' THEN r.class ELSE -1 END"
	" FROM temp.stage_food_pairs p JOIN temp.stage_foods r ON r.seq = p.seq"
	" WHERE p.changed AND foods.id = p.food;"
	"DELETE FROM portions WHERE food IN (SELECT food FROM temp.stage_food_pairs WHERE changed);"
	"INSERT INTO portions(food, seq, amount, unit, grams)"
	" SELECT p.food, sp.n + 1, sp.amount, sp.unit, sp.grams"
	" FROM temp.stage_food_pairs p JOIN temp.stage_food_portions sp ON sp.seq = p.seq"
	" WHERE p.changed;";
/* ?1 is NT_TAG_ALL: the tags of a changed food, when they differ from those in force. */
static const char sql_apply_tags[] =
	"INSERT INTO food_tags(food, contains)"
	" SELECT p.food, r.tags FROM temp.stage_food_pairs p JOIN temp.stage_foods r ON r.seq = p.seq"
	" JOIN foods f ON f.id = p.food LEFT JOIN food_tags t ON t.food = p.food"
	" WHERE p.changed AND (coalesce(t.contains, f.contains) & ?1) <> r.tags"
	" ON CONFLICT(food) DO UPDATE SET contains = excluded.contains";
static const char sql_apply_new[] =
	"INSERT INTO foods(source, code, name, grp, class" NT_FOOD_VALUE_COLUMNS ")"
	" SELECT 'custom', c.code, r.name, r.grp, r.class" NT_STORED_LIST(R_VALUE_)
	" FROM temp.stage_new_codes c JOIN temp.stage_foods r ON r.seq = c.seq ORDER BY c.seq;"
	"INSERT INTO portions(food, seq, amount, unit, grams)"
	" SELECT f.id, sp.n + 1, sp.amount, sp.unit, sp.grams FROM temp.stage_new_codes c"
	" JOIN foods f ON f.source = 'custom' AND f.code = c.code"
	" JOIN temp.stage_food_portions sp ON sp.seq = c.seq;"
	"INSERT INTO food_tags(food, contains)"
	" SELECT f.id, r.tags FROM temp.stage_new_codes c JOIN temp.stage_foods r ON r.seq = c.seq"
	" JOIN foods f ON f.source = 'custom' AND f.code = c.code WHERE r.tags <> 0;";
static const char sql_changed_in_recipes[] =
	"SELECT p.food FROM temp.stage_food_pairs p"
	" WHERE p.changed AND p.food > ?1 AND EXISTS (SELECT 1 FROM recipe_items i WHERE i.food = p.food)"
	" ORDER BY p.food LIMIT 1";
static const char sql_foods_counts[] =
	"SELECT (SELECT count(*) FROM temp.stage_foods),"
	" (SELECT count(*) FROM temp.stage_new_codes),"
	" (SELECT count(*) FROM temp.stage_food_pairs WHERE changed)";

struct foods_reader {
	struct nt_store *s;
	int pos[F_COUNT];
	size_t width;
};

/* Phase 1: a data row, checked, into the staging tables. */
static enum nt_status
stage_food(struct nt_store *s, long long seq, const struct food_row *f, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;

	if (!(st = nt_store_stmt(s, sql_stage_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, seq);
	nt_stmt_bind_int(st, 2, f->code);
	nt_stmt_bind_text(st, 3, f->name);
	nt_stmt_bind_text(st, 4, f->group);
	nt_stmt_bind_int(st, 5, f->tags);
	/* a custom food's classes come from its name, group and portions (it has no also) */
	nt_stmt_bind_int(st, 6, nt_category_of(f->name, f->group, "", f->portions, f->n_portions));
	for (int m = 0; m < NT_STORED_COUNT; m++)
		nt_stmt_bind_double(st, 7 + m, f->per100[m]);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	for (size_t i = 0; i < f->n_portions; i++) {
		if (!(st = nt_store_stmt(s, sql_stage_portion, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, seq);
		nt_stmt_bind_int(st, 2, (long long)i);
		nt_stmt_bind_double(st, 3, f->portions[i].amount);
		nt_stmt_bind_text(st, 4, f->portions[i].unit);
		nt_stmt_bind_double(st, 5, f->portions[i].grams);
		if ((rc = nt_stmt_run(st, err)))
			return rc;
	}
	return NT_OK;
}

static enum nt_status
foods_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct foods_reader *fr = ctx;
	struct food_row f;
	enum nt_status rc;

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
	rc = stage_food(fr->s, (long long)row->record, &f, err);
	food_row_fini(&f);
	return rc;
}

/*
 * The custom:N of each new food, in file order: the row's own when it is
 * free (so journals that name it still fit), else the next number after
 * the largest (kept here rather than asked of the database each time).
 */
static enum nt_status
number_new_foods(struct nt_store *s, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	long long after = 0, max_code = 0;
	int r;

	if ((rc = nt_store_query_ints(s, sql_custom_max, -1, &max_code, 1, err)))
		return rc;
	for (;;) {
		long long seq, use;
		char code[24];

		if (!(st = nt_store_stmt(s, sql_unpaired, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, after);
		if ((r = nt_stmt_step(st, err)) <= 0)
			return r < 0 ? err->status : NT_OK;
		seq = after = nt_stmt_int(st, 0);
		use = nt_stmt_int(st, 1);
		nt_stmt_reset(st);
		if (use) {
			snprintf(code, sizeof code, "%lld", use);
			if (!(st = nt_store_stmt(s, sql_code_taken, err)))
				return err->status;
			nt_stmt_bind_text(st, 1, code);
			if ((r = nt_stmt_step(st, err)) < 0)
				return err->status;
			nt_stmt_reset(st);
			if (r)
				use = 0;
		}
		if (!use)
			use = max_code + 1;
		if (use > max_code)
			max_code = use;
		snprintf(code, sizeof code, "%lld", use);
		if (!(st = nt_store_stmt(s, sql_new_code, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, seq);
		nt_stmt_bind_text(st, 2, code);
		if ((rc = nt_stmt_run(st, err)))
			return rc;
	}
}

/* Recipes store values worked out from their foods: redo those made with changed foods. */
static enum nt_status
refresh_changed_recipes(struct nt_store *s, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	long long after = 0;
	int r;

	for (;;) {
		if (!(st = nt_store_stmt(s, sql_changed_in_recipes, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, after);
		if ((r = nt_stmt_step(st, err)) <= 0)
			return r < 0 ? err->status : NT_OK;
		after = nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		if ((rc = nt_recipe_refresh_using(s, after, err)))
			return rc;
	}
}

/* Phase 2: the staged rows paired, compared and applied. */
static enum nt_status
merge_foods(struct nt_store *s, struct nt_import_counts *counts, struct nt_err *err)
{
	enum nt_status rc;
	long long n[3];

	if ((rc = nt_store_exec(s, sql_pair, err)) ||
	    (rc = run_with(s, sql_pair_changed, NT_TAG_ALL, err)) ||
	    (rc = number_new_foods(s, err)) ||
	    (rc = run_with(s, sql_apply_tags, NT_TAG_ALL, err)) ||
	    (rc = nt_store_exec(s, sql_apply_updates, err)) ||
	    (rc = nt_store_exec(s, sql_apply_new, err)) ||
	    (rc = refresh_changed_recipes(s, err)) ||
	    (rc = nt_store_query_ints(s, sql_foods_counts, -1, n, 3, err)))
		return rc;
	memset(counts, 0, sizeof *counts);
	counts->rows = n[0];
	counts->added = n[1];
	counts->updated = n[2];
	counts->present = n[0] - n[1] - n[2];
	return NT_OK;
}

enum nt_status
nt_exchange_foods_import(struct nt_store *s, const char *path, bool dry_run,
                         struct nt_import_counts *counts, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_import_counts n = {0};
	struct foods_reader fr = {.s = s};
	struct nt_staging stage;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_staging_begin(&stage, s, sql_foods_create, sql_foods_drop, err)))
		return rc;
	/*
	 * What a row does depends on the foods as they are when it is applied:
	 * a dry run merges too, and rolls back.
	 */
	if ((rc = nt_csv_read(path, ',', foods_row, &fr, NULL, err)) ||
	    (rc = nt_staging_merge(&stage, err)) || (rc = merge_foods(s, &n, err)))
		goto fail;
	if (dry_run)
		nt_staging_abort(&stage);
	else if ((rc = nt_staging_commit(&stage, err)))
		return rc;
	if (counts)
		*counts = n;
	return NT_OK;
fail:
	nt_staging_abort(&stage);
	return rc;
}
