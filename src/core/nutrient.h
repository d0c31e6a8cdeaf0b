/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nutrient.h - the nutrients nutrack tracks, their units, and unknown values. */
#ifndef NT_NUTRIENT_H
#define NT_NUTRIENT_H

#include <math.h>
#include <stdbool.h>

/*
 * Every measure, stored or derived: id, CSV name, ASCII unit, decimals
 * shown in totals, human label.  Stored measures come first and match the
 * columns of the foods table; OMEGA3 (= ALA + EPA + DHA + DPA, g) and
 * EPA_DHA (= EPA + DHA, in mg) are derived.
 */
#define NT_MEASURE_LIST(X)                                          \
	X(ENERGY, "energy", "kcal", 0, "Energy")                     \
	X(PROTEIN, "protein", "g", 1, "Protein")                     \
	X(B12, "b12", "ug", 2, "Vitamin B12")                        \
	X(B12_ADDED, "b12_added", "ug", 2, "Vitamin B12, added")     \
	X(ALA, "ala", "g", 2, "ALA (18:3 n-3)")                      \
	X(EPA, "epa", "g", 3, "EPA (20:5 n-3)")                      \
	X(DHA, "dha", "g", 3, "DHA (22:6 n-3)")                      \
	X(DPA, "dpa", "g", 3, "DPA (22:5 n-3)")                      \
	X(POTASSIUM, "potassium", "mg", 0, "Potassium")              \
	X(OMEGA3, "omega3", "g", 2, "Omega-3 (ALA+EPA+DHA+DPA)")    \
	X(EPA_DHA, "epa_dha", "mg", 0, "EPA+DHA")

enum nt_measure {
#define NT_X(id, name, unit, dec, label) NT_##id,
	NT_MEASURE_LIST(NT_X)
#undef NT_X
	NT_MEASURE_COUNT
};

#define NT_STORED_COUNT (NT_POTASSIUM + 1)

/* Unknown ("USDA did not measure it") is NAN, never 0. */
#define NT_UNKNOWN NAN
static inline bool nt_known(double v) { return !isnan(v); }
/* The same value, or both unknown. */
static inline bool nt_same_value(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

const char *nt_measure_name(enum nt_measure m);   /* "b12" */
const char *nt_measure_unit(enum nt_measure m);   /* "ug" (ASCII) */
const char *nt_measure_label(enum nt_measure m);  /* "Vitamin B12" */
int nt_measure_decimals(enum nt_measure m);

/* Looks a measure up by its CSV name; returns -1 when there is none. */
int nt_measure_by_name(const char *name);

/*
 * The largest value per 100 g (in the measure's unit) accepted from a
 * dataset or typed for a food of one's own; anything above is a unit or
 * typing error (a dataset's row is skipped, a typed value refused):
 * energy 1000 kcal (fat has 900; label rounding adds a little), protein,
 * ALA, EPA, DHA and DPA 100 g, B12 (and added B12) 100 mg = 100,000 ug,
 * potassium 55 g = 55,000 mg (potassium chloride, the salt substitute, is
 * 52 % potassium; cream of tartar 16.5 %).  NAN for derived measures.
 */
double nt_measure_max_per100(enum nt_measure m);

/*
 * Whether values per 100 g typed for a food of one's own (NT_UNKNOWN
 * allowed) can be a food's: -1 when they can; the first measure above
 * nt_measure_max_per100() (B12 excepted: a 1,000 ug tablet of 100 mg is
 * 1 % B12, so B12 is held only by the next rule); or NT_MEASURE_COUNT when
 * the weighed parts (protein, ALA, EPA, DHA, DPA, potassium and B12) add
 * up to more than the food, 100 g.
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
