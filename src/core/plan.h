/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.h - proposing days of meals that meet the targets. */
#ifndef NT_PLAN_H
#define NT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "nutrient.h"
#include "planmip.h"
#include "profile.h"
#include "status.h"
#include "target.h"

struct nt_store;

/* Plans start at this age: younger children eat milk and first foods. */
#define NT_PLAN_AGE_MIN 1
/* The most days one plan covers. */
#define NT_PLAN_DAYS_MAX 28
/* No food on more days than this in any 7 days running (supplements aside). */
#define NT_PLAN_WEEKLY_MAX 3

struct nt_plan_item {
	long day;
	enum nt_meal meal;
	long long food_id;
	char ref[40];
	char *name;        /* owned */
	char *amount;      /* owned: "1.5 cups", what is logged on --accept */
	double count;      /* of `unit`: 1.5 */
	char *unit;        /* owned: "cup" (the household unit, singular) */
	double grams;
	struct nt_amounts adds;
	enum nt_plan_role role;
	bool yours;        /* a food the user eats (from the journal) */
	char *why;         /* owned: "gives 40% of the day's potassium" */
};

struct nt_plan_day {
	long day;
	struct nt_amounts total;   /* the day with the plan: logged, planned and proposed */
	unsigned unmet;            /* bits (1 << measure): energy band, protein, the targets */
	char reason[512];          /* which constraint binds, when unmet is not 0 */
};

struct nt_plan {
	size_t n;                  /* items, by day, meal and role */
	struct nt_plan_item *items;
	int ndays;
	struct nt_plan_day *days;
	double eer_kcal;           /* the estimated energy requirement */
	double energy_lo, energy_hi; /* the band a day's energy must fall in (EER +- 10%) */
	double need[NT_MEASURE_COUNT]; /* protein RDA and the targets of t; NAN: none */
	double limit[NT_MEASURE_COUNT]; /* the user's upper limits of t; NAN: none */
};

/*
 * Proposes `ndays` (1 to NT_PLAN_DAYS_MAX) days from `first` for the
 * profile `p` (ages NT_PLAN_AGE_MIN and up; NT_ERR_RANGE below) with the
 * targets `t` (nt_targets_on for the first day; its limits hold too: no
 * day's B12, omega-3, EPA+DHA, potassium or protein goes past a limit, the
 * day's entries counted, the planned foods' unknown values as none).  Each day is an integer program
 * (planmip.h) solved with GLPK: breakfast, lunch, dinner and a snack built
 * by the meal rules from the bundled everyday meal foods (data/
 * plan_foods.csv) and the foods the user eats (the 40 eaten most often in
 * the last 1000 eaten entries, in the amount last logged, at the meals they
 * are logged at, their role from the food group), all fitting the diet and
 * no exclusion; energy within 10% of the IOM EER (energy.h) and each meal
 * within its share, protein at least the RDA, and the B12, omega-3 (ALA
 * AI), EPA+DHA and potassium targets met.  The cost it minimises prefers
 * the user's foods, usual portions and variety (a food used on earlier
 * days costs more; none is used on more than NT_PLAN_WEEKLY_MAX days of any
 * 7, counting what the journal holds for the 6 days before `first`, and
 * porridges and starches count by kind: oatmeal, rice, pasta, potatoes).  A
 * supplement (one tablet or capsule a day) is offered for a target only
 * when no day of the foods alone can reach it.  Meals that already hold
 * entries on a day are left as they are, and everything on the day counts.
 * A day that cannot be planned names the binding constraint in its reason,
 * sets unmet, and holds the best day without that constraint.  *out is
 * caller storage; fini it.
 */
enum nt_status nt_plan_days(struct nt_store *s, const struct nt_profile *p,
                            const struct nt_targets *t, long first, int ndays,
                            struct nt_plan *out, struct nt_err *err);

void nt_plan_fini(struct nt_plan *pl);

/* Writes a plan's items as planned entries, all or nothing. */
enum nt_status nt_plan_accept(struct nt_store *s, const struct nt_plan *pl, int *count,
                              struct nt_err *err);

/* One line of a shopping list: a food summed over the plan. */
struct nt_plan_buy {
	long long food_id;
	const char *ref, *name, *unit; /* borrowed from the plan's items */
	enum nt_plan_role role;
	double count, grams;
	int days;                      /* how many days it is planned on */
};

/*
 * Sums a plan by food, by role then name; *out (n entries) is owned by the
 * caller: free() it.  NT_ERR_NOMEM only.
 */
enum nt_status nt_plan_shopping(const struct nt_plan *pl, struct nt_plan_buy **out, size_t *n,
                                struct nt_err *err);

/* "3 cups" / "1 cup" / "0.5 cup": count and unit as the plan says them, into buf. */
void nt_plan_amount_text(double count, const char *unit, char *buf, size_t n);

#endif
