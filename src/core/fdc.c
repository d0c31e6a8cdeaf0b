/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fdc.c - FoodData Central import through temporary tables, and the dataset writer. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "category.h"
#include "csvio.h"
#include "diet.h"
#include "fdc.h"
#include "food.h"
#include "recipe.h"
#include "store.h"
#include "text.h"

/* ======== shared by the dataset imports ======== */


void
nt_dataset_skip(struct nt_dataset_report *rep, const struct nt_csv_row *row, size_t col,
                const char *fmt, ...)
{
	char why[400];
	struct nt_err e;
	va_list ap;

	rep->skipped++;
	if (rep->n_shown >= NT_DATASET_SHOWN)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	nt_csv_fail(&e, row, col, "%s", why);
	snprintf(rep->shown[rep->n_shown++], sizeof rep->shown[0], "%s", e.msg);
}

void
nt_dataset_barcode_keywords(const char *code, char *buf, size_t n)
{
	size_t len = strlen(code), zeros = strspn(code, "0"), o;
	bool digits = len > 0 && strspn(code, "0123456789") == len;

	o = (size_t)snprintf(buf, n, "%s", code);
	if (!digits || o >= n)
		return;
	/* a GTIN-14 or EAN-13 with leading zeros is also read as EAN-13 / UPC-A */
	for (size_t want = 13; want >= 12 && o < n; want--)
		if (len > want && zeros >= len - want)
			o += (size_t)snprintf(buf + o, n - o, " %s", code + len - want);
	/* and a UPC-A is also read as the EAN-13 "0" + UPC */
	if (len == 12 && o < n)
		snprintf(buf + o, n - o, " 0%s", code);
}

void
nt_dataset_add_name(char *list, size_t n, const char *s)
{
	size_t o = strlen(list), len = strlen(s);
	const char *p = list;

	if (!len)
		return;
	while (*p) {
		size_t seg = strcspn(p, ";");

		if (seg == len && !strncasecmp(p, s, len))
			return;
		p += seg;
		p += strspn(p, "; ");
	}
	snprintf(list + o, o < n ? n - o : 0, "%s%s", o ? "; " : "", s);
}

static const char sql_old_food[] =
	"SELECT id, name, grp, also, keywords, ala_estimated, contains, partial"
	NT_FOOD_VALUE_COLUMNS " FROM foods WHERE source = ?1 AND code = ?2";
static const char sql_old_portions[] =
	"SELECT amount, unit, grams FROM portions WHERE food = ?1 ORDER BY seq";

/* ---- the staged foods, and their merge ---- */

static const char sql_ds_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS stage_ds_foods(seq INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, grp TEXT NOT NULL,"
	"  also TEXT NOT NULL, keywords TEXT NOT NULL, ala_estimated INTEGER NOT NULL,"
	"  contains INTEGER NOT NULL, existed INTEGER NOT NULL, class INTEGER NOT NULL"
	NT_FOOD_VALUE_DEFS ");"
	"CREATE TEMP TABLE IF NOT EXISTS stage_ds_portions(seq INTEGER NOT NULL, n INTEGER NOT NULL,"
	"  amount REAL NOT NULL, unit TEXT NOT NULL, grams REAL NOT NULL,"
	"  PRIMARY KEY(seq, n)) WITHOUT ROWID;"
	"DELETE FROM temp.stage_ds_foods; DELETE FROM temp.stage_ds_portions;";
static const char sql_ds_drop[] =
	"DROP TABLE IF EXISTS temp.stage_ds_foods; DROP TABLE IF EXISTS temp.stage_ds_portions;";
static const char sql_ds_food[] =
	"INSERT INTO temp.stage_ds_foods(seq, source, code, name, grp, also, keywords,"
	" ala_estimated, contains, existed, class" NT_FOOD_VALUE_COLUMNS ")"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11" NT_FOOD_VALUE_PARAMS ")";
static const char sql_ds_portion[] =
	"INSERT INTO temp.stage_ds_portions(seq, n, amount, unit, grams) VALUES (?1, ?2, ?3, ?4, ?5)";
/*
 * The merge: each staged food inserted, or updated in place by (source,
 * code) whatever happened since it was staged; then the portions of those
 * that were there replaced (OR REPLACE: a food another import added
 * meanwhile gets these), and the new portions added.  One statement per
 * step: the full-text index's triggers run inside them, which FTS5 handles
 * in bulk (a statement per food would make it write its index food by
 * food).
 */
static const char sql_ds_merge[] =
	"INSERT INTO foods(source, code, name, grp, also, keywords, ala_estimated, contains,"
	" partial" NT_FOOD_VALUE_COLUMNS ", class)"
	" SELECT source, code, name, grp, also, keywords, ala_estimated, contains, 0"
	NT_FOOD_VALUE_COLUMNS ", class FROM temp.stage_ds_foods WHERE true ORDER BY seq"
	" ON CONFLICT(source, code) DO UPDATE SET name = excluded.name, grp = excluded.grp,"
	" also = excluded.also, keywords = excluded.keywords,"
	" ala_estimated = excluded.ala_estimated, contains = excluded.contains, partial = 0"
	NT_FOOD_VALUE_EXCLUDED ", class = excluded.class;"
	"DELETE FROM portions WHERE food IN (SELECT f.id FROM temp.stage_ds_foods sf"
	" JOIN foods f ON f.source = sf.source AND f.code = sf.code WHERE sf.existed);"
	"INSERT OR REPLACE INTO portions(food, seq, amount, unit, grams)"
	" SELECT f.id, sp.n + 1, sp.amount, sp.unit, sp.grams FROM temp.stage_ds_portions sp"
	" JOIN temp.stage_ds_foods sf ON sf.seq = sp.seq"
	" JOIN foods f ON f.source = sf.source AND f.code = sf.code;";
/* Recipes store values worked out from their foods: those made with a changed food. */
static const char sql_ds_in_recipes[] =
	"SELECT f.id FROM temp.stage_ds_foods sf JOIN foods f ON f.source = sf.source"
	" AND f.code = sf.code WHERE sf.existed AND f.id > ?1"
	" AND EXISTS (SELECT 1 FROM recipe_items i WHERE i.food = f.id) ORDER BY f.id LIMIT 1";

void
nt_dataset_writer_init(struct nt_dataset_writer *w, struct nt_store *s, bool dry_run,
                       struct nt_dataset_report *rep)
{
	memset(w, 0, sizeof *w);
	w->s = s;
	w->dry_run = dry_run;
	w->rep = rep;
}

enum nt_status
nt_dataset_writer_begin(struct nt_dataset_writer *w, struct nt_err *err)
{
	return nt_staging_begin(&w->stage, w->s, sql_ds_create, sql_ds_drop, err);
}

static void
clear_old(struct nt_dataset_writer *w)
{
	for (size_t i = 0; i < w->n_old; i++)
		free(w->old[i].unit);
	w->n_old = 0;
}

void
nt_dataset_writer_fini(struct nt_dataset_writer *w)
{
	if (!w)
		return;
	nt_staging_abort(&w->stage);
	clear_old(w);
	free(w->old);
	w->old = NULL;
	w->cap_old = 0;
}

/* Loads the stored portions of food `id` into w->old. */
static enum nt_status
load_old_portions(struct nt_dataset_writer *w, long long id, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(w->s, sql_old_portions, err);
	int rc;

	if (!st)
		return err->status;
	clear_old(w);
	nt_stmt_bind_int(st, 1, id);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		struct nt_portion *p;

		if (w->n_old == w->cap_old) {
			size_t cap = w->cap_old ? 2 * w->cap_old : 16;

			if (!(p = realloc(w->old, cap * sizeof *p))) {
				nt_stmt_reset(st);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			w->old = p;
			w->cap_old = cap;
		}
		p = &w->old[w->n_old];
		p->amount = nt_stmt_double(st, 0);
		p->grams = nt_stmt_double(st, 2);
		if (!(p->unit = strdup(nt_stmt_text(st, 1)))) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		w->n_old++;
	}
	return rc < 0 ? err->status : NT_OK;
}

static bool
same_portions(const struct nt_dataset_writer *w, const struct nt_dataset_food *f)
{
	if (w->n_old != f->n_portions)
		return false;
	for (size_t i = 0; i < f->n_portions; i++)
		if (w->old[i].amount != f->portions[i].amount ||
		    w->old[i].grams != f->portions[i].grams ||
		    strcmp(w->old[i].unit, f->portions[i].unit))
			return false;
	return true;
}

/* Compares the stored row (a step of sql_old_food) with f. */
static bool
same_food(struct nt_stmt *st, const struct nt_dataset_food *f)
{
	if (strcmp(nt_stmt_text(st, 1), f->name) || strcmp(nt_stmt_text(st, 2), f->group) ||
	    strcmp(nt_stmt_text(st, 3), f->also) || strcmp(nt_stmt_text(st, 4), f->keywords) ||
	    nt_stmt_int(st, 5) != (f->ala_estimated ? 1 : 0) ||
	    nt_stmt_int(st, 6) != (long long)f->contains || nt_stmt_int(st, 7) != 0)
		return false;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		if (!nt_same_value(nt_stmt_double(st, 8 + m), f->per100[m]))
			return false;
	return true;
}

/* Phase 1: a food that is new or changed, into the staging tables. */
static enum nt_status
stage(struct nt_dataset_writer *w, const struct nt_dataset_food *f, bool existed,
      struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	long long seq = ++w->staged;

	if (!(st = nt_store_stmt(w->s, sql_ds_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, seq);
	nt_stmt_bind_text(st, 2, f->source);
	nt_stmt_bind_text(st, 3, f->code);
	nt_stmt_bind_text(st, 4, f->name);
	nt_stmt_bind_text(st, 5, f->group);
	nt_stmt_bind_text(st, 6, f->also);
	nt_stmt_bind_text(st, 7, f->keywords);
	nt_stmt_bind_int(st, 8, f->ala_estimated);
	nt_stmt_bind_int(st, 9, f->contains);
	nt_stmt_bind_int(st, 10, existed);
	/* classified here, in phase 1: the merge only copies the class */
	nt_stmt_bind_int(st, 11, nt_category_of(f->name, f->group, f->also, f->portions,
	                                        f->n_portions));
	for (int m = 0; m < NT_STORED_COUNT; m++)
		nt_stmt_bind_double(st, 12 + m, f->per100[m]);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	for (size_t i = 0; i < f->n_portions; i++) {
		if (!(st = nt_store_stmt(w->s, sql_ds_portion, err)))
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

enum nt_status
nt_dataset_write(struct nt_dataset_writer *w, const struct nt_dataset_food *f,
                 struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	long long id = 0;
	bool exists = false, same = false;
	int r;

	if (!(st = nt_store_stmt(w->s, sql_old_food, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, f->source);
	nt_stmt_bind_text(st, 2, f->code);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 1) {
		exists = true;
		id = nt_stmt_int(st, 0);
		same = same_food(st, f);
		nt_stmt_reset(st);
		if (same) {
			if ((rc = load_old_portions(w, id, err)))
				return rc;
			same = same_portions(w, f);
		}
	}
	if (same) {
		w->rep->unchanged++;
		return NT_OK;
	}
	if (exists)
		w->rep->updated++;
	else
		w->rep->added++;
	return w->dry_run ? NT_OK : stage(w, f, exists, err);
}

/* Redoes the recipes made with a food just changed. */
static enum nt_status
refresh_recipes(struct nt_dataset_writer *w, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	long long after = 0;
	int r;

	for (;;) {
		if (!(st = nt_store_stmt(w->s, sql_ds_in_recipes, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, after);
		if ((r = nt_stmt_step(st, err)) <= 0)
			return r < 0 ? err->status : NT_OK;
		after = nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		if ((rc = nt_recipe_refresh_using(w->s, after, err)))
			return rc;
	}
}

enum nt_status
nt_dataset_writer_finish(struct nt_dataset_writer *w, struct nt_err *err)
{
	enum nt_status rc;

	if (w->dry_run || !w->staged) {
		nt_staging_abort(&w->stage); /* nothing to merge: no write lock at all */
		return NT_OK;
	}
	if ((rc = nt_staging_merge(&w->stage, err)) ||
	    (rc = nt_store_exec(w->s, sql_ds_merge, err)) || (rc = refresh_recipes(w, err)) ||
	    (rc = nt_staging_commit(&w->stage, err))) {
		nt_staging_abort(&w->stage);
		return rc;
	}
	return NT_OK;
}

/* ======== import-fdc ======== */

/*
 * The nutrients kept, by FDC "slot": several slots can feed one measure
 * (energy has four sources, ALA two), chosen when the food is saved.  Each
 * stored measure has a plain slot, its row of the nutrient table (SR and
 * FDC numbers, unit as USDA writes it but in lower case: units compare
 * without case); the fallbacks follow, so that slot order is precedence.
 *   X(slot, nutrient_nbr, FDC nutrient id, unit, measure, scale to its unit)
 */
#define FALLBACK_SLOTS(X)                                  \
	X(ATWATER_SPECIFIC, 958, 2048, "KCAL", NT_ENERGY, 1)   \
	X(ATWATER_GENERAL, 957, 2047, "KCAL", NT_ENERGY, 1)    \
	X(KJ, 268, 1062, "KJ", NT_ENERGY, 1 / 4.184)           \
	X(ALA_UNDIFF, 619, 1270, "G", NT_ALA, 1) /* 18:3 undifferentiated: ala_estimated */

#define PLAIN_SLOT_ID_(id, ...) S_##id,
#define FALLBACK_SLOT_ID_(slot, ...) S_##slot,
enum slot { NT_STORED_LIST(PLAIN_SLOT_ID_) FALLBACK_SLOTS(FALLBACK_SLOT_ID_) N_SLOTS };

#define PLAIN_SLOT_(id, name, unit, dec, label, col, sr, fdc, ...) \
	[S_##id] = {sr, fdc, unit, NT_##id, 1},
#define FALLBACK_SLOT_(slot, nbr, fdc, unit, m, scale) [S_##slot] = {nbr, fdc, unit, m, scale},
static const struct {
	int nbr;             /* nutrient_nbr (the SR number); 0: none */
	long long id;        /* FDC nutrient id; 0: none */
	const char *unit;    /* unit_name as USDA writes it (any case) */
	enum nt_measure m;
	double scale;        /* to the measure's unit */
} slots[N_SLOTS] = {
	NT_STORED_LIST(PLAIN_SLOT_) FALLBACK_SLOTS(FALLBACK_SLOT_)
};

/* temp.fdc_food's column of each slot: ", s_ENERGY REAL, ...", in slot order. */
#define PLAIN_SLOT_DEF_(id, ...) ", s_" #id " REAL"
#define FALLBACK_SLOT_DEF_(slot, ...) ", s_" #slot " REAL"
#define SLOT_DEFS NT_STORED_LIST(PLAIN_SLOT_DEF_) FALLBACK_SLOTS(FALLBACK_SLOT_DEF_)
/* ", f.s_ENERGY, ...". */
#define PLAIN_SLOT_COL_(id, ...) ", f.s_" #id
#define FALLBACK_SLOT_COL_(slot, ...) ", f.s_" #slot
#define SLOT_COLUMNS_F NT_STORED_LIST(PLAIN_SLOT_COL_) FALLBACK_SLOTS(FALLBACK_SLOT_COL_)
/* ", s_ENERGY = coalesce(?, s_ENERGY), ...": bare parameters 1 .. N_SLOTS. */
#define PLAIN_SLOT_SET_(id, ...) ", s_" #id " = coalesce(?, s_" #id ")"
#define FALLBACK_SLOT_SET_(slot, ...) ", s_" #slot " = coalesce(?, s_" #slot ")"
#define SLOT_SETS NT_STORED_LIST(PLAIN_SLOT_SET_) FALLBACK_SLOTS(FALLBACK_SLOT_SET_)

/* The data types imported, by their food.csv name; index = kind stored. */
static const struct {
	const char *type;
	const char *label; /* the group when no category names one */
} kinds[] = {
	{"", ""},
	{"foundation_food", "USDA Foundation Foods"},
	{"sr_legacy_food", "USDA SR Legacy"},
	{"survey_fndds_food", "USDA Survey (FNDDS)"},
	{"branded_food", "USDA Branded Foods"},
};
enum { K_FOUNDATION = 1, K_SR_LEGACY, K_SURVEY, K_BRANDED, N_KINDS };

#define MAX_MAPPED 64      /* nutrient ids mapped to slots (one a slot in practice) */
#define MAX_COLS 12
#define MAX_PORTIONS 64    /* per food; USDA's most is about 20 */
#define UNIT_MAX 150       /* bytes of a portion's name */
#define NAME_MAX_BYTES 256 /* bytes of a food's name kept */
_Static_assert(N_SLOTS <= MAX_MAPPED, "room in the map for a nutrient id per slot");

struct fdc {
	struct nt_store *s;
	struct nt_dataset_report *rep;
	nt_dataset_progress_fn progress;
	void *pctx;
	const char *step;
	int col[MAX_COLS];      /* header mapping of the file being read */
	size_t ncols;
	struct {
		long long id;
		enum slot slot;
	} map[MAX_MAPPED];
	size_t n_map;
	bool any_branded;
	bool any_bundled; /* sr_legacy_food.csv was read */
	/* food_nutrient.csv: the values of the current run of one food's rows */
	long long run_id;
	bool run_kept, run_any;
	double run[N_SLOTS];
	/* food_portion.csv: whether the last food looked up is imported */
	long long last_id;
	bool last_kept;
};

/* A whole number (FDC ids): digits only, at most 18 of them. */
static bool
parse_id(const char *s, long long *out)
{
	size_t len = strlen(s);

	if (len == 0 || len > 18 || strspn(s, "0123456789") != len)
		return false;
	*out = strtoll(s, NULL, 10);
	return true;
}

/* Finds the columns `names` in the header; the first n_required must be there. */
static enum nt_status
map_header(struct fdc *f, const struct nt_csv_row *row, const char *const *names, size_t n,
           size_t n_required, struct nt_err *err)
{
	for (size_t i = 0; i < n; i++) {
		f->col[i] = nt_csv_column(row, names[i]);
		if (f->col[i] < 0 && i < n_required)
			return nt_csv_fail(err, row, 0, "missing column '%s'", names[i]);
	}
	f->ncols = row->n;
	return NT_OK;
}

/* A record of the wrong width is a bad row: skipped. */
static bool
bad_width(struct fdc *f, const struct nt_csv_row *row)
{
	if (row->n == f->ncols)
		return false;
	nt_dataset_skip(f->rep, row, 0, "expected %zu fields, found %zu", f->ncols, row->n);
	return true;
}

static const char *
field(const struct fdc *f, const struct nt_csv_row *row, int i)
{
	return f->col[i] < 0 ? "" : row->field[f->col[i]];
}

static size_t
colno(const struct fdc *f, int i)
{
	return (size_t)f->col[i] + 1;
}

static void
on_progress(void *ctx, long long done, long long total)
{
	struct fdc *f = ctx;

	if (f->progress)
		f->progress(f->pctx, f->step, done, total, true);
}

static enum nt_status
read_file(struct fdc *f, const char *dir, const char *name, nt_csv_row_fn fn,
          struct nt_err *err)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return nt_err_set(err, NT_ERR_IO, "%s/%s: path too long", dir, name);
	f->step = name;
	return nt_csv_read(path, ',', fn, f, on_progress, err);
}

/* A slot's unit as USDA writes units in messages: the table's "ug" is its "UG". */
static void
usda_unit(int slot, char out[16])
{
	size_t i;

	for (i = 0; slots[slot].unit[i] && i < 15; i++)
		out[i] = (char)toupper((unsigned char)slots[slot].unit[i]);
	out[i] = '\0';
}

/* ---- measure_unit.csv, food_category.csv, wweia_food_category.csv ---- */

static const char sql_add_unit[] = "INSERT OR REPLACE INTO temp.fdc_unit(id, name) VALUES (?1, ?2)";
static const char sql_add_cat[] =
	"INSERT OR REPLACE INTO temp.fdc_cat(kind, id, name) VALUES (?1, ?2, ?3)";

static enum nt_status
unit_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"id", "name"};
	struct fdc *f = ctx;
	struct nt_stmt *st;
	long long id;

	if (row->record == 1)
		return map_header(f, row, names, 2, 2, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not a measure unit id: '%.40s'",
		                field(f, row, 0));
		return NT_OK;
	}
	if (!(st = nt_store_stmt(f->s, sql_add_unit, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_text(st, 2, field(f, row, 1));
	return nt_stmt_run(st, err);
}

/* Category tables: kind 0 = food_category.csv, 1 = wweia_food_category.csv. */
static enum nt_status
category_row(struct fdc *f, int kind, const struct nt_csv_row *row, const char *const *names,
             struct nt_err *err)
{
	struct nt_stmt *st;

	if (row->record == 1)
		return map_header(f, row, names, 2, 2, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!(st = nt_store_stmt(f->s, sql_add_cat, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, kind);
	nt_stmt_bind_text(st, 2, field(f, row, 0));
	nt_stmt_bind_text(st, 3, field(f, row, 1));
	return nt_stmt_run(st, err);
}

static enum nt_status
food_category_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"id", "description"};

	return category_row(ctx, 0, row, names, err);
}

static enum nt_status
wweia_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"wweia_food_category",
	                                    "wweia_food_category_description"};

	return category_row(ctx, 1, row, names, err);
}

/* ---- sr_legacy_food.csv: SR Legacy foods nutrack ships already ---- */

/*
 * SR Legacy is SR28 under FoodData Central ids: a food whose NDB number
 * is bundled as sr28:NDB is left out rather than listed twice.
 */
static const char sql_add_ndb[] =
	"INSERT OR IGNORE INTO temp.fdc_bundled(fdc_id) SELECT ?1"
	" WHERE EXISTS (SELECT 1 FROM foods WHERE source = 'sr28' AND code = ?2)";
static const char sql_is_bundled[] = "SELECT 1 FROM temp.fdc_bundled WHERE fdc_id = ?1";

static enum nt_status
sr_legacy_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"fdc_id", "NDB_number"};
	struct fdc *f = ctx;
	struct nt_stmt *st;
	long long id, ndb;
	char code[24];

	if (row->record == 1)
		return map_header(f, row, names, 2, 2, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not an FDC id: '%.40s'", field(f, row, 0));
		return NT_OK;
	}
	if (!parse_id(field(f, row, 1), &ndb)) {
		nt_dataset_skip(f->rep, row, colno(f, 1), "not an NDB number: '%.40s'",
		                field(f, row, 1));
		return NT_OK;
	}
	snprintf(code, sizeof code, "%05lld", ndb); /* SR28 writes 1123 as 01123 */
	if (!(st = nt_store_stmt(f->s, sql_add_ndb, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_text(st, 2, code);
	return nt_stmt_run(st, err);
}

/* ---- food.csv ---- */

static const char sql_add_food[] =
	"INSERT OR IGNORE INTO temp.fdc_food(fdc_id, kind, name, cat) VALUES (?1, ?2, ?3, ?4)";

static enum nt_status
food_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"fdc_id", "data_type", "description",
	                                    "food_category_id"};
	struct fdc *f = ctx;
	struct nt_stmt *st;
	const char *type;
	enum nt_status rc;
	long long id;
	int kind = 0;

	if (row->record == 1)
		return map_header(f, row, names, 4, 3, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not an FDC id: '%.40s'", field(f, row, 0));
		return NT_OK;
	}
	type = field(f, row, 1);
	for (int k = 1; k < N_KINDS; k++)
		if (!strcmp(type, kinds[k].type))
			kind = k;
	if (!kind) {
		f->rep->other++;
		return NT_OK;
	}
	if (kind == K_SR_LEGACY && f->any_bundled) {
		int r;

		if (!(st = nt_store_stmt(f->s, sql_is_bundled, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, id);
		r = nt_stmt_step(st, err);
		nt_stmt_reset(st);
		if (r < 0)
			return err->status;
		if (r > 0) {
			f->rep->bundled++;
			return NT_OK;
		}
	}
	if (!field(f, row, 2)[0]) {
		nt_dataset_skip(f->rep, row, colno(f, 2), "food %lld has no description", id);
		return NT_OK;
	}
	if (!(st = nt_store_stmt(f->s, sql_add_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_int(st, 2, kind);
	nt_stmt_bind_text(st, 3, field(f, row, 2));
	nt_stmt_bind_text(st, 4, field(f, row, 3));
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(f->s) == 0)
		nt_dataset_skip(f->rep, row, colno(f, 0), "food %lld is listed twice", id);
	else if (kind == K_BRANDED)
		f->any_branded = true;
	return NT_OK;
}

/* ---- nutrient.csv ---- */

static enum nt_status
nutrient_def_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"id", "name", "unit_name", "nutrient_nbr"};
	struct fdc *f = ctx;
	const char *nbr_text;
	long long id;
	double nbr = -1;
	int slot = -1;

	if (row->record == 1)
		return map_header(f, row, names, 4, 4, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not a nutrient id: '%.40s'",
		                field(f, row, 0));
		return NT_OK;
	}
	nbr_text = field(f, row, 3);
	if (nbr_text[0] && (!nt_text_to_double(nbr_text, &nbr) || nbr < 0)) {
		nt_dataset_skip(f->rep, row, colno(f, 3), "not a nutrient number: '%.40s'", nbr_text);
		return NT_OK;
	}
	/* the SR number when there is one, else the FDC id */
	for (int i = 0; i < N_SLOTS && slot < 0; i++)
		if (nbr_text[0] ? slots[i].nbr && nbr == slots[i].nbr
		                : slots[i].id && id == slots[i].id)
			slot = i;
	if (slot < 0)
		return NT_OK;
	if (strcasecmp(field(f, row, 2), slots[slot].unit)) {
		char unit[16];

		if (id != slots[slot].id)
			return NT_OK; /* another nutrient that shares the number: not ours */
		usda_unit(slot, unit);
		return nt_csv_fail(err, row, colno(f, 2),
		                   "nutrient %lld '%.60s' is in '%.20s'; nutrack reads it in %s",
		                   id, field(f, row, 1), field(f, row, 2), unit);
	}
	if (f->n_map == MAX_MAPPED)
		return nt_csv_fail(err, row, 0, "more than %d nutrients map to the kept ones",
		                   MAX_MAPPED);
	f->map[f->n_map].id = id;
	f->map[f->n_map].slot = (enum slot)slot;
	f->n_map++;
	return NT_OK;
}

static int
slot_of(const struct fdc *f, long long nutrient_id)
{
	for (size_t i = 0; i < f->n_map; i++)
		if (f->map[i].id == nutrient_id)
			return (int)f->map[i].slot;
	return -1;
}

/* ---- branded_food.csv ---- */

static const char sql_add_brand[] =
	"UPDATE temp.fdc_food SET brand = ?2, gtin = ?3, serving = ?4, serving_ml = ?5,"
	" household = ?6, bcat = ?7 WHERE fdc_id = ?1 AND kind = 4"; /* K_BRANDED */

static enum nt_status
branded_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {
		"fdc_id", "brand_owner", "brand_name", "gtin_upc", "serving_size",
		"serving_size_unit", "subbrand_name", "household_serving_fulltext",
		"branded_food_category",
	};
	struct fdc *f = ctx;
	struct nt_stmt *st;
	char brand[600] = "", raw[600], keywords[200], gtin[48];
	const char *unit, *size;
	double serving = NT_UNKNOWN;
	bool ml = false;
	long long id;

	if (row->record == 1)
		return map_header(f, row, names, 9, 6, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not an FDC id: '%.40s'", field(f, row, 0));
		return NT_OK;
	}
	size = field(f, row, 4);
	unit = field(f, row, 5);
	if (size[0]) {
		if (!nt_text_to_double(size, &serving) || !nt_portion_grams_ok(serving)) {
			nt_dataset_skip(f->rep, row, colno(f, 4), "impossible serving size '%.40s'",
			                size);
			return NT_OK;
		}
		if (!strcasecmp(unit, "g") || !strcasecmp(unit, "grm") || !strcasecmp(unit, "gm"))
			ml = false;
		else if (!strcasecmp(unit, "ml") || !strcasecmp(unit, "mlt"))
			ml = true;
		else
			serving = NT_UNKNOWN; /* a unit without a weight: no portion */
	}
	nt_dataset_add_name(brand, sizeof brand, field(f, row, 2));
	nt_dataset_add_name(brand, sizeof brand, field(f, row, 6));
	nt_dataset_add_name(brand, sizeof brand, field(f, row, 1));
	nt_text_sanitize(brand, raw, sizeof raw);
	nt_text_sanitize(field(f, row, 3), gtin, sizeof gtin);
	nt_dataset_barcode_keywords(gtin, keywords, sizeof keywords);
	if (!(st = nt_store_stmt(f->s, sql_add_brand, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_text(st, 2, raw);
	nt_stmt_bind_text(st, 3, keywords);
	nt_stmt_bind_double(st, 4, serving);
	nt_stmt_bind_int(st, 5, ml);
	nt_stmt_bind_text(st, 6, field(f, row, 7));
	nt_stmt_bind_text(st, 7, field(f, row, 8));
	return nt_stmt_run(st, err);
}

/* ---- food_portion.csv ---- */

static const char sql_is_kept[] = "SELECT 1 FROM temp.fdc_food WHERE fdc_id = ?1";
static const char sql_unit_name[] = "SELECT name FROM temp.fdc_unit WHERE id = ?1";
static const char sql_add_portion[] =
	"INSERT INTO temp.fdc_portion(fdc_id, seq, line, amount, unit, grams)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Whether food `id` is being imported (it is in temp.fdc_food). */
static int
is_kept(struct fdc *f, long long id, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(f->s, sql_is_kept, err);
	int r;

	if (!st)
		return -1;
	nt_stmt_bind_int(st, 1, id);
	r = nt_stmt_step(st, err);
	if (r > 0)
		nt_stmt_reset(st);
	return r;
}

/* True for an SR-style modifier that is a code, not words (FNDDS: "10205"). */
static bool
is_code(const char *s)
{
	return s[0] && strspn(s, "0123456789") == strlen(s);
}

/*
 * Splits "1 cup" / "1/2 cup" / "1 1/2 cups" into a count and the rest;
 * false when the text does not start with a count.
 */
static bool
split_count(const char *text, double *count, const char **rest)
{
	const char *p = text;
	char *end;
	double v = strtod(p, &end);

	if (!isdigit((unsigned char)*p) || end == p)
		return false;
	p = end;
	if (*p == '/' && isdigit((unsigned char)p[1])) {
		double d = strtod(p + 1, &end);

		if (d <= 0)
			return false;
		v /= d;
		p = end;
	} else if (*p == ' ' && isdigit((unsigned char)p[1])) {
		/* a mixed number: "1 1/2" */
		char *e2;
		double num = strtod(p + 1, &e2), den;

		if (*e2 == '/' && isdigit((unsigned char)e2[1]) && (den = strtod(e2 + 1, &end)) > 0) {
			v += num / den;
			p = end;
		}
	}
	if (*p != ' ' || v <= 0 || !isfinite(v))
		return false;
	while (*p == ' ')
		p++;
	if (!*p)
		return false;
	*count = v;
	*rest = p;
	return true;
}

static enum nt_status
portion_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {
		"fdc_id", "seq_num", "amount", "measure_unit_id", "portion_description",
		"modifier", "gram_weight",
	};
	struct fdc *f = ctx;
	struct nt_stmt *st;
	const char *desc, *mod, *amount_text, *seq_text, *rest;
	char unit[UNIT_MAX * 2 + 8] = "", safe[UNIT_MAX + 1], measure[UNIT_MAX + 1] = "";
	double grams, amount = 1, seq = 1e9, count;
	long long id, unit_id;
	int r;

	if (row->record == 1)
		return map_header(f, row, names, 7, 7, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not an FDC id: '%.40s'", field(f, row, 0));
		return NT_OK;
	}
	if (id != f->last_id) {
		if ((r = is_kept(f, id, err)) < 0)
			return err->status;
		f->last_id = id;
		f->last_kept = r > 0;
	}
	if (!f->last_kept)
		return NT_OK;
	if (!nt_text_to_double(field(f, row, 6), &grams) || !nt_portion_grams_ok(grams)) {
		nt_dataset_skip(f->rep, row, colno(f, 6), "impossible gram weight '%.40s'",
		                field(f, row, 6));
		return NT_OK;
	}
	amount_text = field(f, row, 2);
	if (amount_text[0] && (!nt_text_to_double(amount_text, &amount) || amount <= 0 ||
	                       amount > 100000)) {
		nt_dataset_skip(f->rep, row, colno(f, 2), "impossible amount '%.40s'", amount_text);
		return NT_OK;
	}
	seq_text = field(f, row, 1);
	if (seq_text[0] && !nt_text_to_double(seq_text, &seq)) {
		nt_dataset_skip(f->rep, row, colno(f, 1), "not a number: '%.40s'", seq_text);
		return NT_OK;
	}
	if (field(f, row, 3)[0]) {
		if (!parse_id(field(f, row, 3), &unit_id)) {
			nt_dataset_skip(f->rep, row, colno(f, 3), "not a measure unit id: '%.40s'",
			                field(f, row, 3));
			return NT_OK;
		}
		if (!(st = nt_store_stmt(f->s, sql_unit_name, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, unit_id);
		if ((r = nt_stmt_step(st, err)) < 0)
			return err->status;
		if (r > 0) {
			snprintf(measure, sizeof measure, "%s", nt_stmt_text(st, 0));
			nt_stmt_reset(st);
		}
		if (!strcmp(measure, "undetermined"))
			measure[0] = '\0';
	}
	desc = field(f, row, 4);
	mod = is_code(field(f, row, 5)) ? "" : field(f, row, 5);
	if (measure[0]) {
		/* Foundation: a unit from measure_unit.csv, perhaps qualified */
		snprintf(unit, sizeof unit, "%s%s%.*s", measure, mod[0] ? ", " : "", UNIT_MAX, mod);
	} else if (mod[0]) {
		/* SR Legacy: the modifier is the unit ("cup, chopped") */
		snprintf(unit, sizeof unit, "%.*s", UNIT_MAX, mod);
	} else if (desc[0]) {
		/* FNDDS: "1 cup", "Quantity not specified" */
		if (split_count(desc, &count, &rest)) {
			amount = count;
			desc = rest;
		} else {
			amount = 1;
		}
		snprintf(unit, sizeof unit, "%.*s", UNIT_MAX, desc);
	}
	nt_text_sanitize(unit, safe, sizeof safe);
	if (!safe[0]) {
		nt_dataset_skip(f->rep, row, colno(f, 5), "portion without a name");
		return NT_OK;
	}
	if (!(st = nt_store_stmt(f->s, sql_add_portion, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_double(st, 2, seq);
	nt_stmt_bind_int(st, 3, (long long)row->line);
	nt_stmt_bind_double(st, 4, amount);
	nt_stmt_bind_text(st, 5, safe);
	nt_stmt_bind_double(st, 6, grams);
	return nt_stmt_run(st, err);
}

/* ---- food_nutrient.csv ---- */

/*
 * The slots' values are parameters 1 .. N_SLOTS, the food's id N_SLOTS + 1
 * (kind = kind: SLOT_SETS is a list of ", s_X = ..." to follow something).
 */
static const char sql_set_values[] =
	"UPDATE temp.fdc_food SET kind = kind" SLOT_SETS " WHERE fdc_id = ?";

/*
 * Rows of one food usually follow each other: their values gather in
 * f->run and go to temp.fdc_food once per run.  Merging with coalesce()
 * keeps the result right in any row order, only slower.
 */
static enum nt_status
flush_run(struct fdc *f, struct nt_err *err)
{
	struct nt_stmt *st;

	if (!f->run_any)
		return NT_OK;
	f->run_any = false;
	if (!(st = nt_store_stmt(f->s, sql_set_values, err)))
		return err->status;
	for (int i = 0; i < N_SLOTS; i++)
		nt_stmt_bind_double(st, 1 + i, f->run[i]);
	nt_stmt_bind_int(st, N_SLOTS + 1, f->run_id);
	return nt_stmt_run(st, err);
}

static enum nt_status
food_nutrient_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"fdc_id", "nutrient_id", "amount"};
	struct fdc *f = ctx;
	const char *text;
	enum nt_status rc;
	long long id, nid;
	double v, max;
	int slot, r;

	if (row->record == 1)
		return map_header(f, row, names, 3, 3, err);
	if (bad_width(f, row))
		return NT_OK;
	if (!parse_id(field(f, row, 1), &nid)) {
		nt_dataset_skip(f->rep, row, colno(f, 1), "not a nutrient id: '%.40s'",
		                field(f, row, 1));
		return NT_OK;
	}
	if ((slot = slot_of(f, nid)) < 0)
		return NT_OK;
	if (!parse_id(field(f, row, 0), &id)) {
		nt_dataset_skip(f->rep, row, colno(f, 0), "not an FDC id: '%.40s'", field(f, row, 0));
		return NT_OK;
	}
	if (id != f->run_id) {
		if ((rc = flush_run(f, err)))
			return rc;
		if ((r = is_kept(f, id, err)) < 0)
			return err->status;
		f->run_id = id;
		f->run_kept = r > 0;
		for (int i = 0; i < N_SLOTS; i++)
			f->run[i] = NT_UNKNOWN;
	}
	if (!f->run_kept)
		return NT_OK;
	text = field(f, row, 2);
	if (!nt_text_to_double(text, &v)) {
		nt_dataset_skip(f->rep, row, colno(f, 2), "not a number: '%.40s'", text);
		return NT_OK;
	}
	if (v < 0) {
		nt_dataset_skip(f->rep, row, colno(f, 2), "negative amount '%.40s'", text);
		return NT_OK;
	}
	max = nt_measure_max_per100(slots[slot].m);
	if (v * slots[slot].scale > max) {
		char unit[16];

		usda_unit(slot, unit);
		nt_dataset_skip(f->rep, row, colno(f, 2), "impossible amount %.40s %s per 100 g", text,
		                unit);
		return NT_OK;
	}
	f->run[slot] = v;
	f->run_any = true;
	return NT_OK;
}

/* ---- saving ---- */

static const char sql_count_foods[] = "SELECT count(*) FROM temp.fdc_food";
static const char sql_each_food[] =
	"SELECT f.fdc_id, f.kind, f.name, f.cat, coalesce(c.name, ''), coalesce(w.name, ''),"
	" coalesce(f.brand, ''), coalesce(f.gtin, ''), f.serving, f.serving_ml,"
	" coalesce(f.household, ''), coalesce(f.bcat, ''), t.contains"
	SLOT_COLUMNS_F " FROM temp.fdc_food f"
	" LEFT JOIN temp.fdc_cat c ON c.kind = 0 AND c.id = f.cat"
	" LEFT JOIN temp.fdc_cat w ON w.kind = 1 AND w.id = f.cat"
	" LEFT JOIN temp.fdc_tags t ON t.name = f.name AND f.kind <> 4" /* not Branded */
	" WHERE f.fdc_id > ?1 ORDER BY f.fdc_id LIMIT 1";
static const char sql_food_portions[] =
	"SELECT amount, unit, grams FROM temp.fdc_portion WHERE fdc_id = ?1"
	" ORDER BY seq, line LIMIT " /* MAX_PORTIONS - 1: room for a Branded serving */ "63";

/* The food's measures from its slots (USDA's precedence rules). */
static void
values_from_slots(const double *sl, double *per100, bool *ala_estimated)
{
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = NT_UNKNOWN;
	for (int i = 0; i < N_SLOTS; i++)
		if (nt_known(sl[i]) && !nt_known(per100[slots[i].m]))
			per100[slots[i].m] = nt_tidy(sl[i] * slots[i].scale);
	/* slot order gives: kcal, Atwater specific, Atwater general, kJ; 851, then 619 */
	*ala_estimated = !nt_known(sl[S_ALA]) && nt_known(sl[S_ALA_UNDIFF]);
	/*
	 * Dietary folate equivalents (IOM 1998): food folate + 1.7 x folic acid,
	 * which is absorbed 1.7 times as well, when FDC lists the two parts but
	 * not DFE.  Total folate (417, id 1177) does not say how much of it is
	 * folic acid, so from it alone DFE stays unknown.
	 */
	if (!nt_known(per100[NT_FOLATE]) && nt_known(per100[NT_FOOD_FOLATE]) &&
	    nt_known(per100[NT_FOLIC_ACID]))
		per100[NT_FOLATE] = nt_tidy(per100[NT_FOOD_FOLATE] + 1.7 * per100[NT_FOLIC_ACID]);
	if (nt_known(per100[NT_B12]) && nt_known(per100[NT_B12_ADDED]) &&
	    per100[NT_B12_ADDED] > per100[NT_B12])
		per100[NT_B12_ADDED] = per100[NT_B12]; /* USDA rounding: added is part of total */
}

struct saver {
	struct nt_portion portions[MAX_PORTIONS];
	char units[MAX_PORTIONS][UNIT_MAX + 48];
	size_t n;
};

static enum nt_status
load_portions(struct nt_store *s, long long fdc_id, struct saver *sv, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_food_portions, err);
	int rc;

	if (!st)
		return err->status;
	sv->n = 0;
	nt_stmt_bind_int(st, 1, fdc_id);
	while ((rc = nt_stmt_step(st, err)) > 0 && sv->n < MAX_PORTIONS - 1) {
		snprintf(sv->units[sv->n], sizeof sv->units[0], "%s", nt_stmt_text(st, 1));
		sv->portions[sv->n].amount = nt_stmt_double(st, 0);
		sv->portions[sv->n].unit = sv->units[sv->n];
		sv->portions[sv->n].grams = nt_stmt_double(st, 2);
		sv->n++;
	}
	if (rc > 0)
		nt_stmt_reset(st);
	return rc < 0 ? err->status : NT_OK;
}

/* The group: Branded category, WWEIA category (FNDDS), FDC category, or the data type. */
static void
pick_group(struct nt_stmt *st, int kind, char *buf, size_t n)
{
	const char *cat = nt_stmt_text(st, 3), *fdc_cat = nt_stmt_text(st, 4),
	           *wweia = nt_stmt_text(st, 5), *bcat = nt_stmt_text(st, 11), *g;

	if (kind == K_BRANDED && bcat[0])
		g = bcat;
	else if (kind == K_SURVEY && wweia[0])
		g = wweia;
	else if (fdc_cat[0])
		g = fdc_cat;
	else if (cat[0] && strspn(cat, "0123456789") != strlen(cat))
		g = cat; /* some releases put the category's name here */
	else
		g = kinds[kind].label;
	nt_text_sanitize(g, buf, n);
}

static enum nt_status
save_foods(struct fdc *f, struct nt_dataset_writer *w, struct nt_err *err)
{
	struct saver *sv = NULL;
	struct nt_stmt *st;
	long long after = -1, total = 0, done = 0;
	enum nt_status rc = NT_OK;
	int r;

	if (!(st = nt_store_stmt(f->s, sql_count_foods, err)))
		return err->status;
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	total = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	if (!(sv = malloc(sizeof *sv)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	f->step = "saving foods";
	/*
	 * One food per query, resumed after the last id: the cursor never stays
	 * open across the writes, and each step is an index seek.
	 */
	for (;;) {
		struct nt_dataset_food food;
		char code[24], name[NAME_MAX_BYTES], group[256], also[600], keywords[200];
		double sl[N_SLOTS];
		bool any = false;
		int kind;
		long long id;

		if (!(st = nt_store_stmt(f->s, sql_each_food, err))) {
			rc = err->status;
			break;
		}
		nt_stmt_bind_int(st, 1, after);
		if ((r = nt_stmt_step(st, err)) <= 0) {
			rc = r < 0 ? err->status : NT_OK;
			break;
		}
		id = after = nt_stmt_int(st, 0);
		kind = (int)nt_stmt_int(st, 1);
		for (int i = 0; i < N_SLOTS; i++) {
			sl[i] = nt_stmt_double(st, 13 + i);
			any |= nt_known(sl[i]);
		}
		if (!any) {
			nt_stmt_reset(st);
			f->rep->no_nutrient++;
			goto next;
		}
		memset(&food, 0, sizeof food);
		snprintf(code, sizeof code, "%lld", id);
		nt_text_sanitize(nt_stmt_text(st, 2), name, sizeof name);
		pick_group(st, kind, group, sizeof group);
		nt_text_sanitize(nt_stmt_text(st, 6), also, sizeof also);
		snprintf(keywords, sizeof keywords, "%s", nt_stmt_text(st, 7));
		food.source = "fdc";
		food.code = code;
		food.name = name;
		food.group = group;
		food.also = also;
		food.keywords = keywords;
		food.contains = nt_stmt_is_null(st, 12) ? NT_TAG_ALL
		                                        : (unsigned)nt_stmt_int(st, 12) & NT_TAG_ALL;
		values_from_slots(sl, food.per100, &food.ala_estimated);
		{
			double serving = nt_stmt_double(st, 8);
			bool ml = nt_stmt_int(st, 9) != 0;
			char household[UNIT_MAX + 1];

			nt_text_sanitize(nt_stmt_text(st, 10), household, sizeof household);
			nt_stmt_reset(st);
			if ((rc = load_portions(f->s, id, sv, err)))
				break;
			if (nt_known(serving)) {
				/* ml as g: Branded values are per 100 ml then */
				char extra[UNIT_MAX + 32];

				if (ml)
					snprintf(extra, sizeof extra, "%s%s%g ml", household,
					         household[0] ? ", " : "", serving);
				else
					snprintf(extra, sizeof extra, "%s", household);
				snprintf(sv->units[sv->n], sizeof sv->units[0], "serving%s%s",
				         extra[0] ? ", " : "", extra);
				sv->portions[sv->n].amount = 1;
				sv->portions[sv->n].unit = sv->units[sv->n];
				sv->portions[sv->n].grams = serving;
				sv->n++;
			}
		}
		food.portions = sv->portions;
		food.n_portions = sv->n;
		if ((rc = nt_dataset_write(w, &food, err)))
			break;
next:
		if (f->progress && (++done % 512 == 0 || done == total))
			f->progress(f->pctx, f->step, done, total, false);
	}
	free(sv);
	return rc;
}

/* ---- the import ---- */

static const char sql_setup[] =
	"CREATE TEMP TABLE IF NOT EXISTS fdc_food(fdc_id INTEGER PRIMARY KEY,"
	"  kind INTEGER NOT NULL, name TEXT NOT NULL, cat TEXT NOT NULL,"
	"  brand TEXT, gtin TEXT, serving REAL, serving_ml INTEGER, household TEXT, bcat TEXT"
	SLOT_DEFS ");"
	"CREATE TEMP TABLE IF NOT EXISTS fdc_portion(fdc_id INTEGER NOT NULL, seq REAL NOT NULL,"
	"  line INTEGER NOT NULL, amount REAL NOT NULL, unit TEXT NOT NULL, grams REAL NOT NULL);"
	"CREATE INDEX IF NOT EXISTS temp.fdc_portion_food ON fdc_portion(fdc_id, seq, line);"
	"CREATE TEMP TABLE IF NOT EXISTS fdc_unit(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TEMP TABLE IF NOT EXISTS fdc_cat(kind INTEGER NOT NULL, id TEXT NOT NULL,"
	"  name TEXT NOT NULL, PRIMARY KEY(kind, id));"
	"CREATE TEMP TABLE IF NOT EXISTS fdc_tags(name TEXT PRIMARY KEY, contains INTEGER);"
	"CREATE TEMP TABLE IF NOT EXISTS fdc_bundled(fdc_id INTEGER PRIMARY KEY);"
	"DELETE FROM temp.fdc_bundled;"
	"DELETE FROM temp.fdc_food; DELETE FROM temp.fdc_portion; DELETE FROM temp.fdc_unit;"
	"DELETE FROM temp.fdc_cat; DELETE FROM temp.fdc_tags;"
	/* diet tags of the bundled foods, for FDC foods of exactly the same name */
	"INSERT INTO temp.fdc_tags(name, contains)"
	"  SELECT name, min(contains) FROM foods WHERE source IN ('sr28', 'fndds')"
	"  GROUP BY name HAVING count(DISTINCT contains) = 1;";
static const char sql_teardown[] =
	"DROP TABLE IF EXISTS temp.fdc_food; DROP TABLE IF EXISTS temp.fdc_portion;"
	"DROP TABLE IF EXISTS temp.fdc_unit; DROP TABLE IF EXISTS temp.fdc_cat;"
	"DROP TABLE IF EXISTS temp.fdc_tags; DROP TABLE IF EXISTS temp.fdc_bundled;";

/* 1 when dir/name is a readable regular file, 0 when missing, -1 otherwise. */
static int
has_file(const char *dir, const char *name, struct nt_err *err)
{
	char path[PATH_MAX];
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (stat(path, &sb) != 0)
		return 0;
	if (!S_ISREG(sb.st_mode)) {
		nt_err_set(err, NT_ERR_IO, "%s: not a regular file", path);
		return -1;
	}
	return 1;
}

static enum nt_status
need_file(const char *dir, const char *name, const char *why, struct nt_err *err)
{
	int r = has_file(dir, name, err);

	if (r < 0)
		return err->status;
	if (r == 0)
		return nt_err_set(err, NT_ERR_IO, "%s/%s: no such file%s%s", dir, name,
		                  why ? "; " : "", why ? why : "");
	return NT_OK;
}

static enum nt_status
run_import(struct fdc *f, const char *dir, struct nt_dataset_writer *w, struct nt_err *err)
{
	enum nt_status rc;
	int portions, branded, r;

	/* every required file first: fail before reading gigabytes */
	if ((rc = need_file(dir, "food.csv", NULL, err)) ||
	    (rc = need_file(dir, "nutrient.csv", NULL, err)) ||
	    (rc = need_file(dir, "food_nutrient.csv", NULL, err)))
		return rc;
	if ((portions = has_file(dir, "food_portion.csv", err)) < 0 ||
	    (branded = has_file(dir, "branded_food.csv", err)) < 0)
		return err->status;
	if (portions &&
	    (rc = need_file(dir, "measure_unit.csv", "food_portion.csv names its units there", err)))
		return rc;
	if ((rc = nt_store_exec(f->s, sql_setup, err)))
		return rc;
	if (portions && (rc = read_file(f, dir, "measure_unit.csv", unit_row, err)))
		return rc;
	if ((r = has_file(dir, "food_category.csv", err)) < 0 ||
	    (r && (rc = read_file(f, dir, "food_category.csv", food_category_row, err))))
		return r < 0 ? err->status : rc;
	if ((r = has_file(dir, "wweia_food_category.csv", err)) < 0 ||
	    (r && (rc = read_file(f, dir, "wweia_food_category.csv", wweia_row, err))))
		return r < 0 ? err->status : rc;
	if ((r = has_file(dir, "sr_legacy_food.csv", err)) < 0 ||
	    (r && (rc = read_file(f, dir, "sr_legacy_food.csv", sr_legacy_row, err))))
		return r < 0 ? err->status : rc;
	f->any_bundled = r > 0;
	if ((rc = read_file(f, dir, "food.csv", food_row, err)))
		return rc;
	if (f->any_branded && !branded)
		return need_file(dir, "branded_food.csv",
		                 "food.csv lists Branded foods, whose brand and GTIN are there", err);
	if ((rc = read_file(f, dir, "nutrient.csv", nutrient_def_row, err)))
		return rc;
	if (f->n_map == 0)
		return nt_err_set(err, NT_ERR_PARSE,
		                  "%s/nutrient.csv: none of the nutrients nutrack keeps is listed "
		                  "(energy 208, protein 203, B12 418, potassium 306, ...)", dir);
	if (branded && (rc = read_file(f, dir, "branded_food.csv", branded_row, err)))
		return rc;
	f->last_id = -1;
	if (portions && (rc = read_file(f, dir, "food_portion.csv", portion_row, err)))
		return rc;
	f->run_id = -1;
	if ((rc = read_file(f, dir, "food_nutrient.csv", food_nutrient_row, err)) ||
	    (rc = flush_run(f, err)))
		return rc;
	return save_foods(f, w, err);
}

enum nt_status
nt_fdc_import(struct nt_store *s, const char *dir, bool dry_run,
              nt_dataset_progress_fn progress, void *ctx,
              struct nt_dataset_report *rep, struct nt_err *err)
{
	struct nt_dataset_report scratch_rep;
	struct nt_dataset_writer w;
	struct nt_err scratch;
	struct fdc *f;
	struct stat sb;
	enum nt_status rc;
	char path[PATH_MAX];
	size_t len;

	if (!err)
		err = &scratch;
	if (!rep)
		rep = &scratch_rep;
	memset(rep, 0, sizeof *rep);
	/* "dir/" names files "dir/food.csv" in messages, not "dir//food.csv" */
	if ((len = strlen(dir)) >= sizeof path)
		return nt_err_set(err, NT_ERR_IO, "%.60s...: path too long", dir);
	memcpy(path, dir, len + 1);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return nt_err_set(err, NT_ERR_IO, "%s: not a directory (give the folder that holds "
		                  "food.csv, nutrient.csv, food_nutrient.csv, ...)", path);
	if (!(f = calloc(1, sizeof *f)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	f->s = s;
	f->rep = rep;
	f->progress = progress;
	f->pctx = ctx;
	nt_dataset_writer_init(&w, s, dry_run, rep);
	/* the files are read in phase 1, without the write lock; then one merge */
	if ((rc = nt_dataset_writer_begin(&w, err)) == NT_OK &&
	    (rc = run_import(f, path, &w, err)) == NT_OK)
		rc = nt_dataset_writer_finish(&w, err);
	nt_dataset_writer_fini(&w);
	nt_store_exec(s, sql_teardown, NULL);
	free(f);
	if (rc) {
		struct nt_err keep = *err;

		memset(rep, 0, sizeof *rep);
		*err = keep;
	}
	return rc;
}
