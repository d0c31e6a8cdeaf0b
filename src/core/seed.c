/* SPDX-License-Identifier: GPL-3.0-or-later */
/* seed.c - loading data/foods.csv, portions.csv, targets.csv, staples.csv and superseded.csv. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "category.h"
#include "csvio.h"
#include "diet.h"
#include "food.h"
#include "journal.h"
#include "planmip.h"
#include "recipe.h"
#include "seed.h"
#include "store.h"
#include "text.h"

#ifndef NT_PKGDATADIR
#define NT_PKGDATADIR "/usr/local/share/nutrack"
#endif

/* The sources the bundle provides (custom foods are the user's). */
#define BUNDLED_SOURCES "('sr28', 'fndds', 'label')"

/* Reads the first line of dir/VERSION into buf; false when unreadable. */
static bool
read_version(const char *dir, char *buf, size_t n)
{
	char path[PATH_MAX];
	FILE *fp;
	bool ok;

	snprintf(path, sizeof path, "%s/VERSION", dir);
	if (!(fp = fopen(path, "r")))
		return false;
	ok = fgets(buf, (int)n, fp) != NULL;
	fclose(fp);
	if (ok)
		buf[strcspn(buf, "\r\n")] = '\0';
	return ok && buf[0];
}

/* Tries dir; on success copies it into buf. */
static bool
try_dir(const char *dir, char *buf, size_t n)
{
	char version[128];

	if (!read_version(dir, version, sizeof version))
		return false;
	snprintf(buf, n, "%s", dir);
	return true;
}

enum nt_status
nt_seed_find_dir(char *buf, size_t n, struct nt_err *err)
{
	const char *env = getenv("NUTRACK_DATA_DIR");
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	ssize_t len;

	if (env && *env) {
		if (!try_dir(env, buf, n))
			return nt_err_set(err, NT_ERR_NODATA,
			                  "NUTRACK_DATA_DIR=%s holds no bundled data (no VERSION)", env);
		return NT_OK;
	}
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		char *slash;

		exe[len] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			*slash = '\0';
			/* a build tree: data/ beside the binary */
			snprintf(dir, sizeof dir, "%s/data", exe);
			if (try_dir(dir, buf, n))
				return NT_OK;
			/* an installed tree moved elsewhere (or a DESTDIR staging) */
			snprintf(dir, sizeof dir, "%s/../share/nutrack", exe);
			if (try_dir(dir, buf, n))
				return NT_OK;
		}
	}
	if (try_dir(NT_PKGDATADIR, buf, n))
		return NT_OK;
#ifdef NT_SRCDATADIR
	/* a build outside the source tree: the sources' data/ */
	if (try_dir(NT_SRCDATADIR, buf, n))
		return NT_OK;
#endif
	return nt_err_set(err, NT_ERR_NODATA,
	                  "bundled food data not found in %s; install nutrack or set "
	                  "NUTRACK_DATA_DIR to its data directory", NT_PKGDATADIR);
}

/* ---- foods.csv ---- */

/* foods.csv's columns, found by name: a value column per stored measure */
#define FOOD_VALUE_COL_(id, name, unit, dec, label, col, ...) col,
static const char *const food_cols[] = {
	"id", "name", "group", "also", "keywords", "ala_from_18_3",
	NT_STORED_LIST(FOOD_VALUE_COL_) "contains",
};
#undef FOOD_VALUE_COL_
#define COL_VALUES 6
#define COL_CONTAINS (COL_VALUES + NT_STORED_COUNT)
_Static_assert(sizeof food_cols / sizeof *food_cols == COL_CONTAINS + 1,
               "foods.csv: a column per stored measure");
#define N_FOOD_COLS (sizeof food_cols / sizeof *food_cols)

struct load {
	struct nt_store *s;
	int col[N_FOOD_COLS];
	size_t ncols;
	char last_ref[40];
	long long last_id;
	unsigned long rows;
};

static enum nt_status
map_header(struct load *ld, const struct nt_csv_row *row, const char *const *names,
           size_t n, struct nt_err *err)
{
	for (size_t i = 0; i < n; i++)
		if ((ld->col[i] = nt_csv_column(row, names[i])) < 0)
			return nt_csv_fail(err, row, 0, "missing column '%s'", names[i]);
	ld->ncols = row->n;
	return NT_OK;
}

static enum nt_status
check_width(const struct nt_csv_row *row, size_t want, struct nt_err *err)
{
	if (row->n != want)
		return nt_csv_fail(err, row, row->n < want ? row->n + 1 : want + 1,
		                   "expected %zu fields, found %zu", want, row->n);
	return NT_OK;
}

/* A value cell: empty = unknown (NAN); else a non-negative number. */
static enum nt_status
value_cell(const struct nt_csv_row *row, int col, double *out, struct nt_err *err)
{
	const char *s = row->field[col];

	if (!*s) {
		*out = NT_UNKNOWN;
		return NT_OK;
	}
	if (!nt_text_to_double(s, out) || *out < 0)
		return nt_csv_fail(err, row, (size_t)col + 1, "not a non-negative number: '%.40s'", s);
	return NT_OK;
}

static enum nt_status
split_ref(const struct nt_csv_row *row, int col, char *source, char *code,
          struct nt_err *err)
{
	const char *ref = row->field[col], *colon = strchr(ref, ':');

	if (!colon || colon == ref || !colon[1] || colon - ref >= 16 || strlen(colon + 1) >= 24)
		return nt_csv_fail(err, row, (size_t)col + 1, "bad food id '%.40s'", ref);
	memcpy(source, ref, (size_t)(colon - ref));
	source[colon - ref] = '\0';
	strcpy(code, colon + 1);
	return NT_OK;
}

static const char sql_upsert_food[] =
	"INSERT INTO foods(source, code, name, grp, also, keywords, ala_estimated, contains"
	NT_FOOD_VALUE_COLUMNS ")"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8" NT_FOOD_VALUE_PARAMS ")" /* values: ?9 on */
	" ON CONFLICT(source, code) DO UPDATE SET name = excluded.name, grp = excluded.grp,"
	" contains = excluded.contains, class = -1,"
	" also = excluded.also, keywords = excluded.keywords,"
	" ala_estimated = excluded.ala_estimated" NT_FOOD_VALUE_EXCLUDED
	" RETURNING id";
static const char sql_seen[] = "INSERT OR IGNORE INTO temp.seed_seen(id) VALUES (?1)";

static enum nt_status
food_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	char source[16], code[24];
	double v;
	enum nt_status rc;
	long long id;

	if (row->record == 1)
		return map_header(ld, row, food_cols, N_FOOD_COLS, err);
	if ((rc = check_width(row, ld->ncols, err)) ||
	    (rc = split_ref(row, ld->col[0], source, code, err)))
		return rc;
	if (!row->field[ld->col[1]][0])
		return nt_csv_fail(err, row, (size_t)ld->col[1] + 1, "empty food name");
	if (!(st = nt_store_stmt(ld->s, sql_upsert_food, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, source);
	nt_stmt_bind_text(st, 2, code);
	for (int i = 1; i <= 4; i++)
		nt_stmt_bind_text(st, 2 + i, row->field[ld->col[i]]);
	nt_stmt_bind_int(st, 7, !strcmp(row->field[ld->col[5]], "1"));
	for (int m = 0; m < NT_STORED_COUNT; m++) {
		if ((rc = value_cell(row, ld->col[COL_VALUES + m], &v, err)))
			return rc;
		nt_stmt_bind_double(st, 9 + m, v);
	}
	{
		unsigned tags;
		char bad[32];

		if (!nt_tags_parse(row->field[ld->col[COL_CONTAINS]], &tags, bad, sizeof bad)) {
			nt_stmt_reset(st);
			return nt_csv_fail(err, row, (size_t)ld->col[COL_CONTAINS] + 1,
			                   "unknown tag '%s'", bad);
		}
		nt_stmt_bind_int(st, 8, tags);
	}
	if (nt_stmt_step(st, err) != 1)
		return err->status ? err->status : NT_ERR_DB;
	id = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(ld->s, sql_seen, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	ld->rows++;
	return nt_stmt_run(st, err);
}

/* ---- portions.csv ---- */

static const char *const portion_cols[] = {"food_id", "seq", "amount", "unit", "grams"};
static const char sql_food_id[] = "SELECT id FROM foods WHERE source = ?1 AND code = ?2";
static const char sql_insert_portion[] =
	"INSERT INTO portions(food, seq, amount, unit, grams) VALUES (?1, ?2, ?3, ?4, ?5)";

static enum nt_status
portion_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	char source[16], code[24];
	double seq, amount, grams;
	enum nt_status rc;
	const char *ref;

	if (row->record == 1)
		return map_header(ld, row, portion_cols, 5, err);
	if ((rc = check_width(row, ld->ncols, err)))
		return rc;
	ref = row->field[ld->col[0]];
	if (strcmp(ref, ld->last_ref)) {
		int r;

		if ((rc = split_ref(row, ld->col[0], source, code, err)))
			return rc;
		if (!(st = nt_store_stmt(ld->s, sql_food_id, err)))
			return err->status;
		nt_stmt_bind_text(st, 1, source);
		nt_stmt_bind_text(st, 2, code);
		if ((r = nt_stmt_step(st, err)) < 0)
			return err->status;
		if (r == 0)
			return nt_csv_fail(err, row, (size_t)ld->col[0] + 1, "unknown food '%.40s'", ref);
		ld->last_id = nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		snprintf(ld->last_ref, sizeof ld->last_ref, "%s", ref);
	}
	if (!nt_text_to_double(row->field[ld->col[1]], &seq))
		return nt_csv_fail(err, row, (size_t)ld->col[1] + 1, "bad seq");
	if (!nt_text_to_double(row->field[ld->col[2]], &amount) || amount <= 0)
		return nt_csv_fail(err, row, (size_t)ld->col[2] + 1, "bad amount");
	if (!nt_text_to_double(row->field[ld->col[4]], &grams) || grams <= 0)
		return nt_csv_fail(err, row, (size_t)ld->col[4] + 1, "bad grams");
	if (!(st = nt_store_stmt(ld->s, sql_insert_portion, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, ld->last_id);
	nt_stmt_bind_int(st, 2, (long long)seq);
	nt_stmt_bind_double(st, 3, amount);
	nt_stmt_bind_text(st, 4, row->field[ld->col[3]]);
	nt_stmt_bind_double(st, 5, grams);
	ld->rows++;
	return nt_stmt_run(st, err);
}

/* ---- targets.csv ---- */

static const char *const target_cols[] = {
	"nutrient", "sex", "stage", "age_min_y", "age_max_y_excl", "type", "value", "source",
};
static const char sql_insert_target[] =
	"INSERT INTO targets(nutrient, sex, stage, age_min, age_max, type, value, source)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static enum nt_status
target_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	enum nt_status rc;
	double v[3];

	if (row->record == 1)
		return map_header(ld, row, target_cols, 8, err);
	if ((rc = check_width(row, ld->ncols, err)))
		return rc;
	for (int i = 0; i < 3; i++) {
		int c = ld->col[i == 2 ? 6 : 3 + i];

		if (!nt_text_to_double(row->field[c], &v[i]) || v[i] < 0)
			return nt_csv_fail(err, row, (size_t)c + 1, "not a number: '%.40s'",
			                   row->field[c]);
	}
	if (!(st = nt_store_stmt(ld->s, sql_insert_target, err)))
		return err->status;
	for (int i = 0; i < 3; i++)
		nt_stmt_bind_text(st, 1 + i, row->field[ld->col[i]]);
	nt_stmt_bind_double(st, 4, v[0]);
	nt_stmt_bind_double(st, 5, v[1]);
	nt_stmt_bind_text(st, 6, row->field[ld->col[5]]);
	nt_stmt_bind_double(st, 7, v[2]);
	nt_stmt_bind_text(st, 8, row->field[ld->col[7]]);
	ld->rows++;
	return nt_stmt_run(st, err);
}

/* ---- staples.csv ---- */

static const char *const staple_cols[] = {"nutrient", "food_id", "diets", "portion_seq", "note"};
static const char sql_insert_staple[] =
	"INSERT INTO staples(nutrient, food, diets, portion_seq, note) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_portion_exists[] = "SELECT 1 FROM portions WHERE food = ?1 AND seq = ?2";

/* A bundled food's row id by its reference in column `col`. */
static enum nt_status
ref_id(struct load *ld, const struct nt_csv_row *row, int col, long long *id,
       struct nt_err *err)
{
	struct nt_stmt *st;
	char source[16], code[24];
	enum nt_status rc;
	int r;

	if ((rc = split_ref(row, col, source, code, err)))
		return rc;
	if (!(st = nt_store_stmt(ld->s, sql_food_id, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, source);
	nt_stmt_bind_text(st, 2, code);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 0)
		return nt_csv_fail(err, row, (size_t)col + 1, "unknown food '%.40s'",
		                   row->field[col]);
	*id = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	return NT_OK;
}

static enum nt_status
staple_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	const char *nutrient, *diets;
	long long food;
	unsigned mask = 0;
	double seq;
	bool known = false;
	enum nt_status rc;
	int r;

	if (row->record == 1)
		return map_header(ld, row, staple_cols, 5, err);
	if ((rc = check_width(row, ld->ncols, err)))
		return rc;
	nutrient = row->field[ld->col[0]];
	{
		/* staples close the nutrients suggest advises on (the table's NT_SHOW_ADVISED) */
		int m = nt_measure_by_name(nutrient);

		known = m >= 0 && (nt_measure_info((enum nt_measure)m)->show & NT_SHOW_ADVISED);
	}
	if (!known)
		return nt_csv_fail(err, row, (size_t)ld->col[0] + 1, "unknown nutrient '%.20s'",
		                   nutrient);
	if ((rc = ref_id(ld, row, ld->col[1], &food, err)))
		return rc;
	diets = row->field[ld->col[2]];
	for (int d = 0; d < 3; d++)
		if (strstr(diets, nt_diet_name((enum nt_diet)d)))
			mask |= 1u << d;
	if (!mask)
		return nt_csv_fail(err, row, (size_t)ld->col[2] + 1, "no diet named");
	if (!nt_text_to_double(row->field[ld->col[3]], &seq))
		return nt_csv_fail(err, row, (size_t)ld->col[3] + 1, "bad portion_seq");
	if (!(st = nt_store_stmt(ld->s, sql_portion_exists, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	nt_stmt_bind_int(st, 2, (long long)seq);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	nt_stmt_reset(st);
	if (r == 0)
		return nt_csv_fail(err, row, (size_t)ld->col[3] + 1, "the food has no portion %g", seq);
	if (!(st = nt_store_stmt(ld->s, sql_insert_staple, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, nutrient);
	nt_stmt_bind_int(st, 2, food);
	nt_stmt_bind_int(st, 3, mask);
	nt_stmt_bind_int(st, 4, (long long)seq);
	nt_stmt_bind_text(st, 5, row->field[ld->col[4]]);
	ld->rows++;
	return nt_stmt_run(st, err);
}

/* ---- superseded.csv ---- */

static const char *const superseded_cols[] = {"food_id", "current_id", "reason"};
static const char sql_insert_superseded[] =
	"INSERT INTO superseded(food, current, reason) VALUES (?1, ?2, ?3)";

static enum nt_status
superseded_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	long long food, current;
	enum nt_status rc;

	if (row->record == 1)
		return map_header(ld, row, superseded_cols, 3, err);
	if ((rc = check_width(row, ld->ncols, err)) ||
	    (rc = ref_id(ld, row, ld->col[0], &food, err)) ||
	    (rc = ref_id(ld, row, ld->col[1], &current, err)))
		return rc;
	if (food == current)
		return nt_csv_fail(err, row, (size_t)ld->col[1] + 1, "a food cannot replace itself");
	if (!(st = nt_store_stmt(ld->s, sql_insert_superseded, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	nt_stmt_bind_int(st, 2, current);
	nt_stmt_bind_text(st, 3, row->field[ld->col[2]]);
	ld->rows++;
	return nt_stmt_run(st, err);
}

/* ---- plan_foods.csv (issue 10): the planner's everyday meal foods ---- */

static const char *const plan_food_cols[] = {"food_id", "role", "meals", "portion_seq",
                                             "step", "min", "max"};
static const char sql_insert_plan_food[] =
	"INSERT INTO plan_foods(food, role, meals, portion_seq, step, lo, hi)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static enum nt_status
plan_food_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct load *ld = ctx;
	struct nt_stmt *st;
	char word[16];
	const char *p;
	long long food;
	unsigned meals = 0;
	double v[4]; /* portion_seq, step, min, max */
	enum nt_status rc;
	int r;

	if (row->record == 1)
		return map_header(ld, row, plan_food_cols, 7, err);
	if ((rc = check_width(row, ld->ncols, err)))
		return rc;
	if ((rc = ref_id(ld, row, ld->col[0], &food, err)))
		return rc;
	if (nt_plan_role_parse(row->field[ld->col[1]]) < 0)
		return nt_csv_fail(err, row, (size_t)ld->col[1] + 1, "unknown role '%.20s'",
		                   row->field[ld->col[1]]);
	for (p = row->field[ld->col[2]]; *p;) {
		size_t n = strcspn(p, " ");
		int m;

		snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), p);
		if (n >= sizeof word || (m = nt_meal_parse(word)) < 0)
			return nt_csv_fail(err, row, (size_t)ld->col[2] + 1, "unknown meal '%.20s'", p);
		meals |= 1u << m;
		p += n + (p[n] == ' ');
	}
	if (!meals)
		return nt_csv_fail(err, row, (size_t)ld->col[2] + 1, "no meal named");
	for (int i = 0; i < 4; i++) {
		int c = ld->col[3 + i];

		if (!nt_text_to_double(row->field[c], &v[i]) || !(v[i] > 0) || v[i] > 1000)
			return nt_csv_fail(err, row, (size_t)c + 1, "not a positive number: '%.40s'",
			                   row->field[c]);
	}
	if (v[2] > v[3])
		return nt_csv_fail(err, row, (size_t)ld->col[5] + 1, "min is above max");
	if (!(st = nt_store_stmt(ld->s, sql_portion_exists, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	nt_stmt_bind_int(st, 2, (long long)v[0]);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	nt_stmt_reset(st);
	if (r == 0)
		return nt_csv_fail(err, row, (size_t)ld->col[3] + 1, "the food has no portion %g",
		                   v[0]);
	if (!(st = nt_store_stmt(ld->s, sql_insert_plan_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	nt_stmt_bind_text(st, 2, row->field[ld->col[1]]);
	nt_stmt_bind_int(st, 3, meals);
	nt_stmt_bind_int(st, 4, (long long)v[0]);
	nt_stmt_bind_double(st, 5, v[1]);
	nt_stmt_bind_double(st, 6, v[2]);
	nt_stmt_bind_double(st, 7, v[3]);
	ld->rows++;
	return nt_stmt_run(st, err);
}

static enum nt_status
load_file(struct nt_store *s, const char *dir, const char *file, nt_csv_row_fn fn,
          struct nt_err *err)
{
	char path[PATH_MAX];
	struct load ld = {.s = s};
	enum nt_status st;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((st = nt_csv_read(path, ',', fn, &ld, NULL, err)))
		return st;
	if (ld.rows == 0)
		return nt_err_set(err, NT_ERR_PARSE, "%s: no rows", path);
	return NT_OK;
}

static enum nt_status
load_all(struct nt_store *s, const char *dir, const char *version, struct nt_err *err)
{
	char path[PATH_MAX];
	enum nt_status st;

	if ((st = nt_store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS seed_seen(id INTEGER PRIMARY KEY);"
	                        "DELETE FROM temp.seed_seen;", err)) ||
	    (st = nt_store_bulk_foods(s, true, err)))
		return st;
	if ((st = load_file(s, dir, "foods.csv", food_row, err)))
		return st;
	if ((st = nt_store_exec(s,
	                        "DELETE FROM portions WHERE food IN"
	                        " (SELECT id FROM foods WHERE source IN " BUNDLED_SOURCES ");"
	                        "DELETE FROM foods WHERE source IN " BUNDLED_SOURCES
	                        " AND id NOT IN temp.seed_seen"
	                        " AND id NOT IN (SELECT food FROM entries);"
	                        "DELETE FROM targets; DELETE FROM staples;"
	                        "DELETE FROM superseded; DELETE FROM plan_foods;", err)))
		return st;
	if ((st = load_file(s, dir, "portions.csv", portion_row, err)) ||
	    (st = load_file(s, dir, "targets.csv", target_row, err)) ||
	    (st = load_file(s, dir, "staples.csv", staple_row, err)) ||
	    (st = load_file(s, dir, "superseded.csv", superseded_row, err)))
		return st;
	/* Optional: a data directory made before the planner has none (plans then
	 * say so). */
	if (snprintf(path, sizeof path, "%s/plan_foods.csv", dir) < (int)sizeof path &&
	    access(path, F_OK) == 0 &&
	    (st = load_file(s, dir, "plan_foods.csv", plan_food_row, err)))
		return st;
	if ((st = nt_store_exec(s, "DROP TABLE temp.seed_seen;", err)) ||
	    (st = nt_store_bulk_foods(s, false, err)))
		return st;
	/* recipes follow their ingredients' new values (and new columns) */
	if ((st = nt_recipe_refresh_all(s, err)))
		return st;
	return nt_store_meta_set(s, "data_version", version, err);
}

/* Loads dir's data when the database's differs; *loaded tells whether it did. */
static enum nt_status
ensure_data(struct nt_store *s, const char *dir, bool *loaded, struct nt_err *err)
{
	char found[PATH_MAX], want[128], have[128];
	enum nt_status st;

	if (!dir) {
		st = nt_seed_find_dir(found, sizeof found, err);
		if (st == NT_ERR_NODATA &&
		    nt_store_meta_get(s, "data_version", have, sizeof have, NULL) == NT_OK)
			return NT_OK; /* loaded earlier; keep using it */
		if (st)
			return st;
		dir = found;
	}
	if (!read_version(dir, want, sizeof want))
		return nt_err_set(err, NT_ERR_NODATA, "%s/VERSION: %s", dir,
		                  errno ? strerror(errno) : "empty");
	if (nt_store_meta_get(s, "data_version", have, sizeof have, NULL) == NT_OK &&
	    !strcmp(have, want))
		return NT_OK;

	if ((st = nt_store_begin(s, err)))
		return st;
	/* Another nutrack may have loaded it while we waited for the lock. */
	if (nt_store_meta_get(s, "data_version", have, sizeof have, NULL) == NT_OK &&
	    !strcmp(have, want)) {
		nt_store_rollback(s);
		return NT_OK;
	}
	if ((st = load_all(s, dir, want, err))) {
		nt_store_rollback(s);
		return st;
	}
	if ((st = nt_store_commit(s, err)))
		return st;
	*loaded = true;
	return NT_OK;
}

enum nt_status
nt_seed_ensure(struct nt_store *s, const char *dir, bool *loaded, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status st;
	bool did = false;

	if (!err)
		err = &scratch;
	if (loaded)
		*loaded = false;
	if ((st = ensure_data(s, dir, &did, err)))
		return st;
	/* foods loaded, imported or written by an older nutrack get their classes */
	if ((st = nt_category_refresh(s, NULL, err)))
		return st;
	if (loaded)
		*loaded = did;
	return NT_OK;
}
