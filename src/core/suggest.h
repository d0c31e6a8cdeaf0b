/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h - foods and amounts that close a shortfall. */
#ifndef NT_SUGGEST_H
#define NT_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "nutrient.h"
#include "profile.h"
#include "status.h"

struct nt_store;

/* The measures suggestions are made for, in the order they are listed. */
#define NT_SUGGEST_MEASURES {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM}
_Static_assert(((1u << NT_B12) | (1u << NT_OMEGA3) | (1u << NT_EPA_DHA) | (1u << NT_POTASSIUM)) ==
                       NT_ADVISED_MASK,
               "NT_SUGGEST_MEASURES are the nutrient table's NT_SHOW_ADVISED rows, in their order");

struct nt_suggestion {
	enum nt_measure m;
	long long food_id;
	char ref[40];
	char *name;          /* owned */
	char *amount;        /* text to log, "1 cup" or what the user logs; owned */
	double grams;
	double adds;         /* in the measure's unit */
	double gap;          /* target - intake, same unit */
	int closed_percent;  /* floor(100 * min(adds as shown, gap) / gap) */
	bool eaten_before;   /* the user has eaten this food (or, for a current food,
	                        the superseded SR28 food it stands for) */
	bool fortified;      /* USDA gives added B12 */
	bool dated;          /* SR28 values with added B12: NT_FOOD_DATED_NOTE */
	char *note;          /* why it is suggested ("fortified soy milk"); owned */
};

struct nt_suggestions {
	size_t n;
	struct nt_suggestion *v;
	/*
	 * Per measure judged low that got no suggestion: the measure whose
	 * limit held back every food that would have closed it (a day over a
	 * potassium limit gets no fish for EPA+DHA), else -1.
	 */
	int held_by[NT_MEASURE_COUNT];
};

/*
 * For every measure of NT_SUGGEST_MEASURES judged low in `judged` (a day's
 * totals or a week's average), up to `per_measure` foods, each with one
 * everyday portion, best first.  Candidates are the bundled staples for the
 * profile's diet (data/staples.csv) and the foods the user has eaten (in
 * the amount last eaten; planned entries do not count; a superseded SR28
 * food is replaced by its current food, NT_FOOD_CURRENT_SQL, in the same
 * weight; foods that are not everyday advice, NT_ADVICE_SQL, are left out
 * unless they are supplements the user takes); a food must fit the diet
 * (its tags, or the
 * user's correction) and no exclusion, and have a known, positive value;
 * unknown is never taken for zero.  Ranked by how much of the gap one
 * portion closes; foods the user already eats come first among equals,
 * and for B12 fortified foods lead for vegans and vegetarians.  Nothing
 * comes back for a measure that is ok or unknown.  The user's limits
 * (judged[].limit) hold: no portion that would take a measure past its
 * limit on top of judged[].intake is offered, and a potassium limit turns
 * potassium suggestions off; held_by says which limit left a measure with
 * none.  *out is caller storage; fini it.
 */
enum nt_status nt_suggest(struct nt_store *s, const struct nt_profile *p,
                          const struct nt_judgement judged[NT_MEASURE_COUNT],
                          size_t per_measure, struct nt_suggestions *out,
                          struct nt_err *err);

void nt_suggestions_fini(struct nt_suggestions *sg);

#endif
