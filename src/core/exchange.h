/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange.h - the journal and custom foods in and out as CSV (all through libcsv). */
#ifndef NT_EXCHANGE_H
#define NT_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "nutrient.h"
#include "staging.h"
#include "status.h"

struct nt_store;

/*
 * Two file formats, both RFC 4180 CSV written through csvio.h (CRLF record
 * ends, fields quoted only when they need it, numbers with a decimal point,
 * UTF-8) and read back through it (an optional UTF-8 byte order mark, LF or
 * CRLF line ends, columns found by their header names in any order).
 *
 * The journal, one row per entry, ordered by date, meal, entry number:
 *
 *   date,meal,food_id,food,amount,grams,status,b12_ug,ala_g,epa_g,dha_g,dpa_g,
 *   potassium_mg,energy_kcal,protein_g,estimated,folate_dfe_ug,folic_acid_ug,
 *   food_folate_ug,b6_mg
 *
 *   date YYYY-MM-DD; meal breakfast|lunch|dinner|snack; food_id the food's id
 *   ("sr28:15076"); food its name; amount the text the user typed; grams the
 *   entry's weight, exact to the milligram ("256.775", "100"); status
 *   eaten|planned (for a food imported without a weight, struct nt_food's
 *   basis, grams is the nominal NT_FOOD_BASIS_GRAMS per unit, so that its
 *   values come back); then the entry's own nutrients at up to 10 significant
 *   digits, empty when unknown; estimated the nutrient columns whose value is
 *   an estimate ("ala_g" when the food's ALA is taken from undifferentiated
 *   18:3, struct nt_food's ala_estimated; empty when none).  On input food,
 *   the nutrients and estimated are informational (they must be empty or
 *   numbers, estimated empty or names of nutrient columns separated by
 *   spaces, and are not stored: an entry's values and their estimates always
 *   follow its food; a file without the column, from an older nutrack, reads
 *   the same); the other columns are required.  The value columns after
 *   estimated are the stored measures nutrack tracks since (folate, B6):
 *   NT_EXCHANGE_APPENDED_COLUMNS, each a row of NT_STORED_LIST added after
 *   potassium, appended in the table's order so that older columns keep
 *   their places.
 *
 * The user's custom foods (source "custom"), one row per food, by id:
 *
 *   id,name,group,b12_ug,b12_added_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,
 *   energy_kcal,protein_g,contains,portions,folate_dfe_ug,folic_acid_ug,
 *   food_folate_ug,b6_mg
 *
 *   id "custom:N"; group "Custom foods" or "Supplements"; the values per
 *   100 g at 10 significant digits, or more where that is needed to read
 *   back the very same double, empty when unknown; contains the tag names
 *   of diet.h ("dairy egg", "none");
 *   portions "AMOUNT UNIT=GRAMS" items separated by ';', e.g.
 *   "1 bar=40;0.5 cup=28.5" (empty: none), where a '\', ';' or '=' inside a
 *   unit is written "\\", "\;", "\=".  The columns after portions are
 *   NT_EXCHANGE_APPENDED_COLUMNS, values per 100 g as above.  Every column
 *   up to portions is required on input; id may be empty; an appended
 *   column a file lacks (it comes from an older nutrack) leaves that value
 *   unknown.
 *
 * Every import is all or nothing: the file is read and checked, and what it
 * adds staged, outside the write lock; then one short transaction merges
 * it (staging.h), so other writers wait only for that.  On any failure the
 * database is left exactly as it was, and err says why with the place,
 * "path:line:column: why" (line and column 1-based; the column is left out
 * when the fault is not in one field, e.g. a missing column).
 */

/*
 * The stored measures of the first file format (schema 7), whose columns
 * keep their places: NT_EXCHANGE_FIRST_<id> is defined for each.  Every
 * other row of NT_STORED_LIST (those after potassium) is appended at the
 * end of both files, in the table's order.  exchange.c checks that the
 * first ones are the table's rows up to potassium.
 */
#define NT_EXCHANGE_FIRST_ENERGY ~, 1
#define NT_EXCHANGE_FIRST_PROTEIN ~, 1
#define NT_EXCHANGE_FIRST_B12 ~, 1
#define NT_EXCHANGE_FIRST_B12_ADDED ~, 1
#define NT_EXCHANGE_FIRST_ALA ~, 1
#define NT_EXCHANGE_FIRST_EPA ~, 1
#define NT_EXCHANGE_FIRST_DHA ~, 1
#define NT_EXCHANGE_FIRST_DPA ~, 1
#define NT_EXCHANGE_FIRST_POTASSIUM ~, 1
/*
 * NT_EXCHANGE_IF_APPENDED(id, ...) is the rest of its arguments when the
 * measure NT_<id> is appended, nothing when it is of the first format (the
 * preprocessor's probe: only a defined NT_EXCHANGE_FIRST_<id> brings the 1).
 */
#define NT_EXCHANGE_SECOND_(a, b, ...) b
#define NT_EXCHANGE_IS_FIRST_(...) NT_EXCHANGE_SECOND_(__VA_ARGS__, 0, ~)
#define NT_EXCHANGE_CAT_(a, b) a##b
#define NT_EXCHANGE_PICK_(first, ...) NT_EXCHANGE_CAT_(NT_EXCHANGE_PICK_, first)(__VA_ARGS__)
#define NT_EXCHANGE_PICK_0(...) __VA_ARGS__
#define NT_EXCHANGE_PICK_1(...)
#define NT_EXCHANGE_IF_APPENDED(id, ...) \
	NT_EXCHANGE_PICK_(NT_EXCHANGE_IS_FIRST_(NT_EXCHANGE_FIRST_##id), __VA_ARGS__)

/* The appended columns: ",folate_dfe_ug,folic_acid_ug,food_folate_ug,b6_mg". */
#define NT_EXCHANGE_APPENDED_COL_(id, name, unit, dec, label, col, ...) \
	NT_EXCHANGE_IF_APPENDED(id, "," col)
#define NT_EXCHANGE_APPENDED_COLUMNS NT_STORED_LIST(NT_EXCHANGE_APPENDED_COL_)

/* The journal file's header, the columns in order, without a line end. */
#define NT_EXCHANGE_JOURNAL_HEADER                                              \
	"date,meal,food_id,food,amount,grams,status,b12_ug,ala_g,epa_g,dha_g,dpa_g," \
	"potassium_mg,energy_kcal,protein_g,estimated" NT_EXCHANGE_APPENDED_COLUMNS

/* The custom-food file's header. */
#define NT_EXCHANGE_FOODS_HEADER                                                   \
	"id,name,group,b12_ug,b12_added_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,"     \
	"energy_kcal,protein_g,contains,portions" NT_EXCHANGE_APPENDED_COLUMNS

/* struct nt_import_counts: what an import did (staging.h). */

/*
 * Writes the header and every journal entry of days from..to (inclusive;
 * pass nt_date_from_ymd(NT_DATE_MIN_YEAR, 1, 1) and
 * nt_date_from_ymd(NT_DATE_MAX_YEAR, 12, 31) for all) to fp, streaming: one
 * row in memory at a time.  *count (may be NULL) receives the number of
 * entries written.  fp is borrowed and not closed; it is flushed.  On a
 * write error returns NT_ERR_IO (errno's text in err) after having written
 * part of the file: write to an nt_outfile (outfile.h) to keep a file whole.
 */
enum nt_status nt_exchange_journal_export(struct nt_store *s, long from, long to, FILE *fp,
                                          long long *count, struct nt_err *err);

/*
 * Reads a journal file (path, or "-" for standard input) and adds its
 * entries.  Rows that are already in the database are not added again: a
 * row matches an entry with the same date, meal, food, amount text, grams
 * and status, with multiplicity (k identical rows in the file against m
 * such entries in the database add max(0, k - m)).  Added entries get new
 * numbers in the file's order.  With dry_run the file is checked and
 * counted the same way but nothing is written.  *counts (may be NULL) is
 * filled on success only.  On failure (NT_ERR_PARSE for the file's content, NT_ERR_IO
 * for reading it, NT_ERR_DB...) nothing has changed.
 */
enum nt_status nt_exchange_journal_import(struct nt_store *s, const char *path, bool dry_run,
                                          struct nt_import_counts *counts,
                                          struct nt_err *err);

/*
 * Journal rows read from another program's export (foreign.h), added by
 * the rules of nt_exchange_journal_import: duplicate-free with
 * multiplicity, all or nothing, the rows staged outside the write lock and
 * merged in one short transaction (staging.h), dry_run and counts the
 * same.  The rows are checked already: day a valid day, meal an enum
 * nt_meal, amount 1 to NT_AMOUNT_TEXT_MAX - 1 bytes of text, mg > 0.
 */
struct nt_exchange_entry {
	long day;
	int meal;             /* enum nt_meal */
	long long food;       /* a food's row id; or -(i + 1): foods[i] of the call */
	const char *amount;   /* borrowed for the call */
	long long mg;
	bool planned;
	long long line;       /* its place in the export (strictly increasing), for messages */
};

/*
 * A food the export carries, that rows name by index: the import finds an
 * equal food of the call's source (the same name, group, basis, values,
 * unknown where unknown, partial bits, estimated ALA, and first portion,
 * unit and grams) or writes a new one, numbered source:N after the largest
 * N there.  An equal food written by another nutrack while the import
 * staged is found at merge time, so that imports that overlap add no food
 * or entry twice.  A new food gets its classes (category.h) and `contains`
 * as its tags.  Strings are borrowed for the call.
 */
struct nt_exchange_food {
	const char *name, *group;
	const char *basis;        /* NULL: values per 100 g; else per one such unit (struct nt_food) */
	const char *portion_unit; /* its one portion, 1 of this unit, or NULL */
	double portion_grams;     /* that portion's weight */
	double per100[NT_STORED_COUNT];
	unsigned partial;         /* as struct nt_food's */
	bool ala_estimated;
	unsigned contains;        /* NT_TAG_* */
};

/*
 * *foods_added (may be NULL), filled on success with *counts: the foods
 * written (in a dry run, that would be).
 */
enum nt_status nt_exchange_entries_import(struct nt_store *s, const char *source,
                                          const struct nt_exchange_entry *v, size_t n,
                                          const struct nt_exchange_food *foods, size_t n_foods,
                                          bool dry_run, struct nt_import_counts *counts,
                                          long long *foods_added, struct nt_err *err);

/*
 * Writes the header and every custom food, in id order, to fp; *count (may
 * be NULL) receives how many.  As nt_exchange_journal_export for fp and
 * errors.
 */
enum nt_status nt_exchange_foods_export(struct nt_store *s, FILE *fp, long long *count,
                                        struct nt_err *err);

/*
 * Reads a custom-food file and brings the custom foods in line with it.  A
 * row goes to the custom food of the same name (exact bytes; when several
 * share a name, the file's rows of that name pair with them in id order):
 * its values, group, tags and portions are replaced (counted as updated, or
 * as present when nothing differs), keeping its id, so entries and recipes
 * that use it stay valid (recipes are worked out again).  A row without
 * such a food creates one: with the row's id when that custom:N is free,
 * else the next free number.  Names are validated as for
 * nt_food_add_custom, values must be empty or numbers >= 0, portions as
 * described above with amount and grams above 0 and at most 100000 and
 * units of 1-60 bytes, at most 64 portions a food.  dry_run,
 * counts and failure as for nt_exchange_journal_import.
 */
enum nt_status nt_exchange_foods_import(struct nt_store *s, const char *path, bool dry_run,
                                        struct nt_import_counts *counts, struct nt_err *err);


#endif
