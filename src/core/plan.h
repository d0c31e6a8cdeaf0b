/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.h - proposing days of meals that meet the targets. */
#ifndef NT_PLAN_H
#define NT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "nutrient.h"
#include "profile.h"
#include "status.h"
#include "target.h"

struct nt_store;

/* The most foods a planned day may hold: a day of meals, not a pile of food. */
#define NT_PLAN_MAX_ITEMS 10

struct nt_plan_item {
	long day;
	enum nt_meal meal;
	long long food_id;
	char ref[40];
	char *name;        /* owned */
	char *amount;      /* owned: the portion's text */
	double grams;
	struct nt_amounts adds;
	char *why;         /* owned: "b12 +1.90 ug (79% of the 2.40 missing)" */
	int order;         /* the step that chose it */
};

struct nt_plan_day {
	long day;
	struct nt_amounts total;   /* what the planned day adds up to */
	unsigned unmet;            /* bits (1 << measure) of targets not met */
	char reason[256];          /* why, when unmet is not 0 */
};

struct nt_plan {
	size_t n;                  /* items */
	struct nt_plan_item *items;
	int ndays;
	struct nt_plan_day *days;
};

/*
 * Proposes `ndays` days from `first`, each meeting the B12, omega-3 (ALA
 * AI), EPA+DHA and potassium targets of `t` for the profile's diet with as
 * little food as it can.  Foods come from the foods the user has eaten (in
 * the amount last logged) and the bundled staples (their everyday
 * portion), filtered like suggestions (diet, corrections, exclusions,
 * known values).  Greedy: each step adds the portion that covers most of
 * the remaining gaps (each gap as a share of its target), foods the user
 * eats first among equals, foods before supplements (a supplement comes
 * in only where it covers much more), the least food on ties, no food
 * twice a day, and days rotate through the foods.  A day
 * that cannot meet a target says which and why in its reason, instead of
 * a wrong plan.  Items get meals from their food group (cereals and milks
 * at breakfast, fruit, nuts and seeds as snacks, the rest at lunch and
 * dinner).  *out is caller storage; fini it.
 */
enum nt_status nt_plan_days(struct nt_store *s, const struct nt_profile *p,
                            const struct nt_targets *t, long first, int ndays,
                            struct nt_plan *out, struct nt_err *err);

void nt_plan_fini(struct nt_plan *pl);

/* Writes a plan's items as planned entries, all or nothing. */
enum nt_status nt_plan_accept(struct nt_store *s, const struct nt_plan *pl, int *count,
                              struct nt_err *err);

#endif
