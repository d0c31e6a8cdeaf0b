/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fdc.h - importing a USDA FoodData Central CSV download; what the dataset imports share. */
#ifndef NT_FDC_H
#define NT_FDC_H

#include <stdbool.h>
#include <stddef.h>

#include "nutrient.h"
#include "staging.h"
#include "status.h"

struct nt_store;
struct nt_portion;
struct nt_csv_row;

/*
 * ---- What import-fdc and import-off share ----
 *
 * The public datasets are millions of rows with known bad records.  A row
 * with an impossible or unreadable value (a non-number, a negative amount,
 * a value above the physical limit per 100 g, a short or long row) is
 * skipped, counted and, for the first NT_DATASET_SHOWN, reported with its
 * file:line:column; the rest is imported.  A structural fault (a missing
 * file or required column, an unreadable or malformed file, a nutrient in
 * an unexpected unit) fails the whole import and changes nothing.
 */
#define NT_DATASET_SHOWN 5

/* What an import did (or, for a dry run, would do).  Caller-owned storage. */
struct nt_dataset_report {
	unsigned long added;        /* foods new to the database */
	unsigned long updated;      /* foods already there whose data changed */
	unsigned long unchanged;    /* foods already there, identical */
	unsigned long no_nutrient;  /* left out: none of the nutrients kept */
	unsigned long other;        /* left out: FDC data types that are not foods
	                               (lab samples, acquisitions) */
	unsigned long bundled;      /* left out: SR Legacy foods the bundled database
	                               has as sr28:NDB (the same values) */
	unsigned long skipped;      /* rows skipped: impossible or unreadable values */
	size_t n_shown;             /* messages in shown[] (at most NT_DATASET_SHOWN) */
	char shown[NT_DATASET_SHOWN][512]; /* "path:line:col: why" of the first skipped rows */
};

/*
 * Progress of a long import, called often (every 64 KiB of input, every few
 * hundred foods saved).  `step` names the file being read ("food_nutrient.csv")
 * or "saving foods"; `done` and `total` count bytes when `bytes` is true,
 * else foods; `total` is 0 when unknown (standard input).  `step` is borrowed
 * for the call.
 */
typedef void (*nt_dataset_progress_fn)(void *ctx, const char *step, long long done,
                                       long long total, bool bytes);

/*
 * One food of a dataset, ready to store.  Every pointer is borrowed for
 * the call.  Values per 100 g, NT_UNKNOWN where the dataset gives none.
 */
struct nt_dataset_food {
	const char *source;     /* "fdc", "off" */
	const char *code;       /* FDC_ID, BARCODE */
	const char *name;
	const char *group;
	const char *also;       /* brands (searchable) */
	const char *keywords;   /* GTIN/UPC barcodes (searchable) */
	bool ala_estimated;
	unsigned contains;      /* NT_TAG_* bits (diet.h) */
	double per100[NT_STORED_COUNT];
	size_t n_portions;
	const struct nt_portion *portions;
};

/*
 * Stores the foods of one import in the two phases of staging.h.
 * _begin starts phase 1 (a read transaction; the importer makes its own
 * temporary tables and reads its files in it).  Each food given to
 * nt_dataset_write is compared with the stored one of the same source and
 * code (values, names, portions) and counted as added, updated or
 * unchanged in `rep`; only added and changed foods are staged, and
 * nothing on a dry run.  _finish merges them in one short transaction and
 * commits (with dry_run it only ends phase 1): a few statements over the
 * staged foods, each food inserted or updated by (source, code), so foods
 * keep their row id and journal entries, recipes and the user's diet tags
 * that point at them stay valid; recipes made with a food that changed
 * are worked out again.  The counts are those of the database as phase 1
 * saw it: another import of the same foods meanwhile may make them
 * stale, never the foods.  _init never fails; _fini frees the scratch
 * memory and rolls back whatever phase is still open (call it always,
 * after _finish too).
 */
struct nt_dataset_writer {
	struct nt_store *s;
	struct nt_dataset_report *rep;
	bool dry_run;
	struct nt_staging stage;
	long long staged;           /* foods staged so far */
	struct nt_portion *old;     /* scratch: the stored portions of a food */
	size_t n_old, cap_old;
};

void nt_dataset_writer_init(struct nt_dataset_writer *w, struct nt_store *s, bool dry_run,
                            struct nt_dataset_report *rep);
enum nt_status nt_dataset_writer_begin(struct nt_dataset_writer *w, struct nt_err *err);
enum nt_status nt_dataset_write(struct nt_dataset_writer *w, const struct nt_dataset_food *f,
                                struct nt_err *err);
enum nt_status nt_dataset_writer_finish(struct nt_dataset_writer *w, struct nt_err *err);
void nt_dataset_writer_fini(struct nt_dataset_writer *w);

/* Counts a skipped row in rep and keeps its "path:line:col: why" among the first shown. */
void nt_dataset_skip(struct nt_dataset_report *rep, const struct nt_csv_row *row, size_t col,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Search keywords for a barcode: the code itself and, when it is all
 * digits with leading zeros, its 13- and 12-digit forms, so that a GTIN-14
 * "00012345678905" is found by the UPC-A "012345678905" a scanner reads.
 * Writes a space-separated list into buf (size n).
 */
void nt_dataset_barcode_keywords(const char *code, char *buf, size_t n);

/*
 * Appends s to the "; "-separated `list` (size n) unless s is empty or
 * already listed (ignoring case): "Alpro; Danone".
 */
void nt_dataset_add_name(char *list, size_t n, const char *s);

/*
 * ---- import-fdc ----
 *
 * Imports the USDA FoodData Central CSV download in directory `dir` (one
 * data type or the full download): food.csv, nutrient.csv and
 * food_nutrient.csv are required; food_portion.csv (with measure_unit.csv)
 * gives the portions, branded_food.csv the brand, GTIN/UPC and serving of
 * Branded foods (required when food.csv lists any); food_category.csv and
 * wweia_food_category.csv, when present, name the food groups.  Columns are
 * found by their header names; the files may be in any row order and are
 * streamed through temporary tables, so memory stays flat however large
 * food_nutrient.csv is.
 *
 * Foods of the data types foundation_food, sr_legacy_food,
 * survey_fndds_food and branded_food are imported as source "fdc", code
 * FDC_ID (ids "fdc:FDC_ID") when they have at least one of the nutrients
 * nutrack keeps; other data types (samples, acquisitions) are counted in
 * rep->other.  Nutrients are mapped by nutrient number (nutrient_nbr; by
 * nutrient id when the number is empty):
 *   energy  208 (id 1008) kcal, else 958 (2048, Atwater specific factors),
 *           else 957 (2047, Atwater general factors), else 268 (1062) kJ / 4.184
 *   protein 203 (1003); B12 418 (1178); added B12 578 (1246, at most B12)
 *   ALA     851 (1404), else 619 (1270, 18:3 undifferentiated; ala_estimated)
 *   EPA 629 (1278), DHA 621 (1272), DPA 631 (1280), potassium 306 (1092)
 *   folate  DFE 435 (1190), else food folate 432 (1187) + 1.7 x folic acid
 *           431 (1186) when both are given (IOM), else unknown (total
 *           folate 417 does not tell folic acid from food folate)
 *   folic acid 431 (1186), food folate 432 (1187), B6 415 (1175)
 * The plain ones are the nutrient table's sr and fdc numbers (nutrient.h).
 * A kept nutrient (by its id) listed in another unit than USDA's (KCAL,
 * KJ, G, UG, MG) is a structural fault; another nutrient that shares the
 * number but not the unit is ignored.  Branded values (per 100 g or 100 ml
 * as labelled) are taken as per 100 g; the serving becomes the portion
 * "serving[, HOUSEHOLD][, N ml]" of serving_size g (ml count as g, which
 * keeps a serving's values exact).  Foods the download does not list are
 * kept.
 * Diet tags come from the bundled food of the same name when exactly one
 * set of tags goes with that name; otherwise every tag is set (see diet.h:
 * when unsure, tag), until the user corrects them.
 *
 * All or nothing: the files are read, compared and staged without the
 * write lock, and merged in one short transaction (staging.h).  On any
 * failure (NT_ERR_IO, NT_ERR_PARSE with a "path:line:col: why" message,
 * NT_ERR_DB, ...) nothing changes.  With dry_run the files are read and
 * compared and nothing is written.
 * `progress` may be NULL.  rep is filled on success (and zeroed first).
 */
enum nt_status nt_fdc_import(struct nt_store *s, const char *dir, bool dry_run,
                             nt_dataset_progress_fn progress, void *ctx,
                             struct nt_dataset_report *rep, struct nt_err *err);

#endif
