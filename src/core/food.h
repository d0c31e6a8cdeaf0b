/* SPDX-License-Identifier: GPL-3.0-or-later */
/* food.h - foods and their portions: lookup by id, custom foods. */
#ifndef NT_FOOD_H
#define NT_FOOD_H

#include <stdbool.h>
#include <stddef.h>

#include "nutrient.h"
#include "status.h"

struct nt_store;

/*
 * What a portion may weigh: at least a milligram, at most 100 kg (heavier
 * is a typing or unit error in the source).
 */
#define NT_PORTION_MIN_G 0.001
#define NT_PORTION_MAX_G 100000.0
static inline bool
nt_portion_grams_ok(double g)
{
	return g >= NT_PORTION_MIN_G && g <= NT_PORTION_MAX_G; /* false for NaN */
}

/* "amount unit weighs grams g", e.g. 0.5 fillet = 198 g. */
struct nt_portion {
	double amount;
	char *unit;
	double grams;
};

/*
 * A food with its values per 100 g (NT_UNKNOWN where USDA gave none) and
 * its portions in USDA's order.  Heap object from nt_food_get(); every
 * string and the portions array are owned by it; free with nt_food_free().
 */
struct nt_food {
	long long id;      /* database row id */
	char ref[40];      /* source-qualified id: "sr28:15076", "custom:3" */
	char *name;
	char *group;
	char *also;        /* common names, additional description */
	bool ala_estimated; /* ALA taken from undifferentiated 18:3 */
	double per100[NT_STORED_COUNT];
	unsigned partial;   /* bit (1 << m): per100[m] is a lower bound (a recipe with
	                       an ingredient that lacks it) */
	unsigned cls;       /* NT_CLASS_* bits (category.h); 0: none, or not yet classified */
	long long current_id; /* the food whose values replace this one's for advice
	                         (NT_FOOD_CURRENT_SQL), 0 when this one is current */
	char current_ref[40]; /* its reference, "" when none */
	char *basis;        /* NULL, or for a food imported without a weight the
	                       unit its values are for ("cup", "meal"): per100 then
	                       holds the values of NT_FOOD_BASIS_GRAMS g, one unit;
	                       its weight (and so its values per 100 g) is unknown */
	size_t n_portions;
	struct nt_portion *portions;
};

/*
 * The foods table's value columns in enum nt_measure order (NT_ENERGY ..
 * NT_STORED_COUNT - 1), generated from the nutrient table (nutrient.h) as
 * string literals for SQL.  Each item starts with ", ", so a list follows
 * a fixed column: "SELECT id" NT_FOOD_VALUE_COLUMNS.  A module with a list
 * of another shape expands NT_STORED_LIST with a macro of its own.
 */
#define NT_FOOD_COL_(id, name, unit, dec, label, col, ...) ", " col
#define NT_FOOD_VALUE_COLUMNS NT_STORED_LIST(NT_FOOD_COL_)
/* The same of the foods row aliased f: ", f.energy_kcal, ...". */
#define NT_FOOD_COL_F_(id, name, unit, dec, label, col, ...) ", f." col
#define NT_FOOD_VALUE_COLUMNS_F NT_STORED_LIST(NT_FOOD_COL_F_)
/* Their definitions, for a table of one's own: ", energy_kcal REAL, ...". */
#define NT_FOOD_DEF_(id, name, unit, dec, label, col, ...) ", " col " REAL"
#define NT_FOOD_VALUE_DEFS NT_STORED_LIST(NT_FOOD_DEF_)
/*
 * One parameter per value column: ", ?, ?, ...".  SQLite numbers a bare ?
 * one past the largest number used before it, so after ?1 .. ?k these are
 * ?k+1 .. ?k+NT_STORED_COUNT; put any later parameter before them.
 */
#define NT_FOOD_PARAM_(...) ", ?"
#define NT_FOOD_VALUE_PARAMS NT_STORED_LIST(NT_FOOD_PARAM_)
/* An upsert's ", energy_kcal = excluded.energy_kcal, ...". */
#define NT_FOOD_EXCLUDED_(id, name, unit, dec, label, col, ...) ", " col " = excluded." col
#define NT_FOOD_VALUE_EXCLUDED NT_STORED_LIST(NT_FOOD_EXCLUDED_)

/*
 * The group that makes a food a supplement (bundled, or the user's own
 * filed there by nt_food_mark_supplement).
 */
#define NT_FOOD_SUPPLEMENTS "Supplements"

/*
 * The value columns as nutrack reads them, of the foods row aliased `t`:
 * a supplement's label lists what it has, so what it does not list is 0,
 * not unknown (an algae-oil capsule has no B12 or potassium, and a day of
 * it alone is short of them, not unknown).  Other foods, the user's custom
 * foods too, keep unknown as unknown.  The stored row is left as the label
 * gave it (exports, imports and re-seeding see the label); every read for
 * totals, display, suggestions and plans uses these.
 */
#define NT_FOOD_READ(t, col) \
	"(CASE WHEN " t ".grp = '" NT_FOOD_SUPPLEMENTS "' THEN coalesce(" t "." col ", 0)" \
	" ELSE " t "." col " END)"
/* Each value column so read, of the row aliased f (or foods): ", (CASE ...), ...". */
#define NT_FOOD_READ_F_(id, name, unit, dec, label, col, ...) ", " NT_FOOD_READ("f", col)
#define NT_FOOD_READ_VALUES_F NT_STORED_LIST(NT_FOOD_READ_F_)
#define NT_FOOD_READ_FOODS_(id, name, unit, dec, label, col, ...) ", " NT_FOOD_READ("foods", col)
#define NT_FOOD_READ_VALUES_FOODS NT_STORED_LIST(NT_FOOD_READ_FOODS_)

/*
 * The nominal weight of one basis unit of a food imported without a weight
 * (struct nt_food's basis): its entries weigh this much per unit, so that
 * their values come out exactly as the export gave them.
 */
#define NT_FOOD_BASIS_GRAMS 1.0

/* Sources a food id may name. */
#define NT_FOOD_SOURCES "sr28, fndds, label, custom, recipe, fdc, off, cronometer, myfitnesspal"

/*
 * The SQL condition, on a foods row aliased f, that the food's values are
 * current: it is not an SR28 (2015) food that FNDDS 2021-2023 gives anew
 * (data/superseded.csv; above all fortified cereals and plant drinks, whose
 * fortification has changed).  Suggestions, plans and top leave such foods
 * out and offer the current food instead; search, logging and history keep
 * them.
 */
#define NT_FOOD_CURRENT_SQL "f.id NOT IN (SELECT food FROM superseded)"

/*
 * The food whose values replace food `id`'s for advice: its current food
 * when `id` is superseded, else `id` itself.
 */
enum nt_status nt_food_current(struct nt_store *s, long long id, long long *current,
                               struct nt_err *err);

/*
 * What is shown with a food whose fortification may be out of date (see
 * nt_food_dated): its data year and the advice.
 */
#define NT_FOOD_DATED_NOTE "SR28 (2015) values; fortification may have changed; check the label"

/*
 * True for a bundled SR28 food with added B12 (`ref` "sr28:...", per100 its
 * values): USDA published these values in 2015, and manufacturers have
 * changed their fortification since.
 */
bool nt_food_dated(const char *ref, const double per100[NT_STORED_COUNT]);

/* Formats the reference "source:code" into buf (size n). */
void nt_food_ref(const char *source, const char *code, char *buf, size_t n);

/*
 * Resolves a food id: "sr28:15076", "fndds:11320000", "label:1",
 * "custom:2", or a bare code ("15076", "1123" for sr28:01123) that names
 * exactly one food.  NT_ERR_NOTFOUND when nothing matches, NT_ERR_AMBIGUOUS
 * when a bare code names several (the message lists them), NT_ERR_INVALID
 * when `text` is not shaped like an id at all.
 */
enum nt_status nt_food_resolve(struct nt_store *s, const char *text,
                               long long *id, struct nt_err *err);

/* True when `text` looks like a food id (so it is not search words). */
bool nt_food_looks_like_id(const char *text);

/*
 * What an estimated ALA value (ala_estimated) was derived from, e.g.
 * "18:3 undifferentiated"; NULL when the food's ALA is measured.
 */
const char *nt_food_ala_basis(const struct nt_food *f);

/* Loads one food with its portions; *out is owned by the caller. */
enum nt_status nt_food_get(struct nt_store *s, long long id,
                           struct nt_food **out, struct nt_err *err);
void nt_food_free(struct nt_food *f);

/*
 * A custom food: name (valid UTF-8, no control characters, 1-200 bytes),
 * values per 100 g (NT_UNKNOWN allowed), and optionally one portion
 * ("1 bar = 40 g": portion_unit non-NULL, portion_grams > 0).  Gets the
 * next "custom:N" id; returns the row id.
 */
enum nt_status nt_food_add_custom(struct nt_store *s, const char *name,
                                  const double per100[NT_STORED_COUNT],
                                  const char *portion_unit, double portion_amount,
                                  double portion_grams, long long *id,
                                  struct nt_err *err);

/*
 * Stores p[0..n-1] as the portions of food `id`, in that order; with
 * `replace` the food's old portions are deleted first.
 */
enum nt_status nt_food_put_portions(struct nt_store *s, long long id, bool replace,
                                    const struct nt_portion *p, size_t n,
                                    struct nt_err *err);

/*
 * Files one of the user's custom foods under "Supplements", so that the
 * B12 routine counts it as a supplement (NT_ERR_NOTFOUND for other foods).
 */
enum nt_status nt_food_mark_supplement(struct nt_store *s, long long id, struct nt_err *err);

/*
 * Calls fn for each food of a source ("custom", ...) in id order with its
 * reference and name (borrowed for the call).
 */
enum nt_status nt_food_each(struct nt_store *s, const char *source,
                            void (*fn)(void *ctx, const char *ref, const char *name),
                            void *ctx, struct nt_err *err);

#endif
