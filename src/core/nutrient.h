/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nutrient.h - the nutrients nutrack tracks, their units, and unknown values. */
#ifndef NT_NUTRIENT_H
#define NT_NUTRIENT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * The one table of what nutrack measures.  Adding a nutrient is a row here
 * (see HACKING.md, "Adding a tracked nutrient"); data/mkdata.py reads the
 * stored rows of this file, and tests/unit/test_nutrient_table.c checks the
 * man page's tables and the rules below.
 *
 * NT_STORED_LIST: the values a food has per 100 g, each a column of the
 * foods table and of foods.csv.  New rows go at the end: a food's `partial`
 * bits are stored, by position.
 *   X(id, name, unit, decimals, label, column, sr, fdc, grams, max100,
 *     dri, show, pos)
 *   name     the measure's name on the command line and in JSON ("b12")
 *   unit     ASCII unit ("ug"; shown as µg where the terminal can)
 *   decimals shown in totals
 *   label    for people ("Vitamin B12")
 *   column   the foods table's column, foods.csv's and export's CSV header
 *   sr       USDA SR28/FNDDS nutrient number (0: none)
 *   fdc      FoodData Central nutrient id (0: none)
 *   grams    grams of one unit of the measure, for the check that a food's
 *            weighed parts do not outweigh it (0: not weighed, being a part
 *            of another row or not a mass); OFF's values, in g, are scaled
 *            by its inverse
 *   max100   the largest value per 100 g accepted (nt_measure_max_per100)
 *   dri      the nutrient's name in data/targets.csv (NULL: no DRI row)
 *   show     NT_SHOW_* bits: where front ends show it
 *   pos      its place in lists shown to people (nt_measures_shown)
 *
 * NT_DERIVED_LIST: sums of stored measures, worked out per amount
 * (nt_amounts_for), never stored: the same fields, `column` being the CSV
 * header of reports; sr, fdc, grams are 0 and max100 is NAN.
 */
#define NT_SHOW_TRACKED  1u /* judged in day, week and report: the headline */
#define NT_SHOW_SEARCH   2u /* a column of search, top and the TUI's search */
#define NT_SHOW_MORE     4u /* the second line: judged, shown below the headline */
#define NT_SHOW_ADVISED  8u /* suggest closes its shortfalls */

#define NT_STORED_LIST(X)                                                                  \
	X(ENERGY, "energy", "kcal", 0, "Energy", "energy_kcal", 208, 1008, 0, 1000, NULL, 0, 8) \
	X(PROTEIN, "protein", "g", 1, "Protein", "protein_g", 203, 1003, 1, 100, NULL, 0, 9)    \
	X(B12, "b12", "ug", 2, "Vitamin B12", "b12_ug", 418, 1178, 1e-6, 100000, "b12",         \
	  NT_SHOW_TRACKED | NT_SHOW_SEARCH | NT_SHOW_ADVISED, 1)                                \
	X(B12_ADDED, "b12_added", "ug", 2, "Vitamin B12, added", "b12_added_ug", 578, 1246, 0,  \
	  100000, NULL, 0, 14)                                                                  \
	X(ALA, "ala", "g", 2, "ALA (18:3 n-3)", "ala_g", 851, 1404, 1, 100, NULL, 0, 10)        \
	X(EPA, "epa", "g", 3, "EPA (20:5 n-3)", "epa_g", 629, 1278, 1, 100, NULL, 0, 11)        \
	X(DHA, "dha", "g", 3, "DHA (22:6 n-3)", "dha_g", 621, 1272, 1, 100, NULL, 0, 12)        \
	X(DPA, "dpa", "g", 3, "DPA (22:5 n-3)", "dpa_g", 631, 1280, 1, 100, NULL, 0, 13)        \
	X(POTASSIUM, "potassium", "mg", 0, "Potassium", "potassium_mg", 306, 1092, 1e-3, 55000, \
	  "potassium", NT_SHOW_TRACKED | NT_SHOW_SEARCH | NT_SHOW_ADVISED, 4)                   \
	X(FOLATE, "folate", "ug", 0, "Folate (DFE)", "folate_dfe_ug", 435, 1190, 0, 1e8,        \
	  "folate", NT_SHOW_MORE, 5)                                                            \
	X(FOLIC_ACID, "folic_acid", "ug", 0, "Folic acid", "folic_acid_ug", 431, 1186, 1e-6,    \
	  1e8, "folic_acid", NT_SHOW_MORE, 6)                                                   \
	X(FOOD_FOLATE, "food_folate", "ug", 0, "Folate, food", "food_folate_ug", 432, 1187,     \
	  1e-6, 1e8, NULL, 0, 15)                                                               \
	X(B6, "b6", "mg", 2, "Vitamin B6", "b6_mg", 415, 1175, 1e-3, 100000, "b6",              \
	  NT_SHOW_MORE, 7)

#define NT_DERIVED_LIST(X)                                                                 \
	X(OMEGA3, "omega3", "g", 2, "Omega-3 (ALA+EPA+DHA+DPA)", "omega3_g", 0, 0, 0, NAN,     \
	  "ala", NT_SHOW_TRACKED | NT_SHOW_SEARCH | NT_SHOW_ADVISED, 2)                         \
	X(EPA_DHA, "epa_dha", "mg", 0, "EPA+DHA", "epa_dha_mg", 0, 0, 0, NAN, "epa_dha",       \
	  NT_SHOW_TRACKED | NT_SHOW_ADVISED, 3)

#define NT_MEASURE_LIST(X) NT_STORED_LIST(X) NT_DERIVED_LIST(X)

enum nt_measure {
#define NT_X(id, name, unit, dec, label, col, sr, fdc, g, max, dri, show, pos) NT_##id,
	NT_MEASURE_LIST(NT_X)
#undef NT_X
	NT_MEASURE_COUNT
};

/* The measures the table marks NT_SHOW_ADVISED, as bits (1u << m), for checks at build time. */
#define NT_ADVISED_BIT_(id, name, unit, dec, label, col, sr, fdc, g, max, dri, show, pos) \
	| (((show) & NT_SHOW_ADVISED) ? 1u << NT_##id : 0u)
enum { NT_ADVISED_MASK = 0u NT_MEASURE_LIST(NT_ADVISED_BIT_) };

/* The stored measures come first: NT_ENERGY .. NT_STORED_COUNT - 1. */
#define NT_PLUS_ONE(...) + 1
enum { NT_STORED_COUNT = 0 NT_STORED_LIST(NT_PLUS_ONE) };

/* Unknown ("USDA did not measure it") is NAN, never 0. */
#define NT_UNKNOWN NAN
static inline bool nt_known(double v) { return !isnan(v); }
/* The same value, or both unknown. */
static inline bool nt_same_value(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

/* A row of the table, as data. */
struct nt_measure_info {
	const char *name, *unit, *label, *column, *dri;
	int decimals, sr, fdc, pos;
	double grams, max100;
	unsigned show;
};
const struct nt_measure_info *nt_measure_info(enum nt_measure m);

const char *nt_measure_name(enum nt_measure m);   /* "b12" */
const char *nt_measure_column(enum nt_measure m); /* "b12_ug" */
const char *nt_measure_unit(enum nt_measure m);   /* "ug" (ASCII) */
const char *nt_measure_label(enum nt_measure m);  /* "Vitamin B12" */
int nt_measure_decimals(enum nt_measure m);

/* Looks a measure up by its name ("b12"); returns -1 when there is none. */
int nt_measure_by_name(const char *name);
/* Looks a measure up by its column ("b12_ug"); -1 when there is none. */
int nt_measure_by_column(const char *column);

/*
 * The measures whose show bits meet `show` (NT_SHOW_*), in the order shown
 * to people (the table's pos); returns how many were written to out.
 */
size_t nt_measures_shown(unsigned show, enum nt_measure out[NT_MEASURE_COUNT]);

/*
 * The largest value per 100 g (in the measure's unit) accepted from a
 * dataset or typed for a food of one's own; anything above is a unit or
 * typing error (a dataset's row is skipped, a typed value refused): the
 * table's max100.  Energy 1000 kcal (fat has 900; label rounding adds a
 * little), protein, ALA, EPA, DHA and DPA 100 g, B12 (and added B12) 100 mg
 * = 100,000 ug, potassium 55 g = 55,000 mg (potassium chloride, the salt
 * substitute, is 52 % potassium; cream of tartar 16.5 %), folate 100 g (a
 * folic-acid tablet is a few per cent of its weight), B6 100 g.  NAN for
 * derived measures.
 */
double nt_measure_max_per100(enum nt_measure m);

/*
 * Whether values per 100 g typed for a food of one's own (NT_UNKNOWN
 * allowed) can be a food's: -1 when they can; the first measure above
 * nt_measure_max_per100() (B12 excepted: a 1,000 ug tablet of 100 mg is
 * 1 % B12, so B12 is held only by the next rule); or NT_MEASURE_COUNT when
 * the weighed parts (the rows with grams: protein, ALA, EPA, DHA, DPA,
 * potassium, B12, folic acid, food folate, B6) add up to more than the
 * food, 100 g.
 */
int nt_per100_impossible(const double per100[NT_STORED_COUNT]);

/*
 * A set of measure values for some quantity of food.  `v` is NAN where
 * unknown; bit (1u << m) of `partial` is set where a known value left out
 * some unknown part (a derived sum with a missing component, or a total over
 * entries some of which lack the value).  Bit (1u << m) of `estimated` is
 * set where a known value is, or includes, an estimate (ALA taken from
 * USDA's undifferentiated 18:3, struct nt_food's ala_estimated, and the
 * OMEGA3 sum it enters; EPA_DHA never is); it travels through totals and
 * averages as `partial` does.
 */
struct nt_amounts {
	double v[NT_MEASURE_COUNT];
	unsigned partial;
	unsigned estimated;
};

/* All unknown, nothing partial or estimated. */
void nt_amounts_unknown(struct nt_amounts *a);
/* All zero and known (the identity for nt_amounts_add). */
void nt_amounts_zero(struct nt_amounts *a);

/*
 * Fills `out` with the values of `grams` g of a food whose stored values
 * per 100 g are `per100` (NT_STORED_COUNT entries), and derives OMEGA3 and
 * EPA_DHA.
 */
void nt_amounts_for(const double per100[NT_STORED_COUNT], double grams,
                    struct nt_amounts *out);

/*
 * Marks the values of `a` that come from lower bounds (bits of stored
 * measures, as in struct nt_food's partial) as partial, with the derived
 * sums they enter.
 */
void nt_amounts_mark_partial(struct nt_amounts *a, unsigned stored_partial);

/*
 * The stored measures of a food that are estimates (bit (1 << m)): ALA when
 * ala_estimated, else none.
 */
static inline unsigned nt_estimated_bits(bool ala_estimated)
{
	return ala_estimated ? 1u << NT_ALA : 0u;
}

/*
 * Marks the known values of `a` that are estimates (bits of stored
 * measures, see nt_estimated_bits()) as estimated, with the derived sums
 * they enter (OMEGA3 for ALA).
 */
void nt_amounts_mark_estimated(struct nt_amounts *a, unsigned stored_estimated);

/*
 * Accumulates `x` into `sum` for a total: known values add; an unknown one
 * marks the measure partial; x's partial and estimated bits carry over.  `counted` tracks, per measure, whether any
 * entry contributed a known value; start it at 0 and after the last add call
 * nt_amounts_finish(), which turns never-known measures into NAN.
 */
void nt_amounts_add(struct nt_amounts *sum, unsigned *counted,
                    const struct nt_amounts *x);
void nt_amounts_finish(struct nt_amounts *sum, unsigned counted);

/* Rounds v half away from zero to `decimals` places (the shown value). */
double nt_round(double v, int decimals);

/*
 * v to 9 significant digits: unit conversions (g x 1e6) leave binary noise
 * that would make a re-import see a changed value.  Unknown stays unknown.
 */
double nt_tidy(double v);

#endif
