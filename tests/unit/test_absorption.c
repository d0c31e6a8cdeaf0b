/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_absorption.c - the B12 absorption model on the published regimens. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "absorption.h"
#include "journal.h"
#include "tap.h"

/* An entry list of (meal, B12 ug) pairs; NAN = B12 unknown. */
static void
day_of(struct nt_entry_list *l, struct nt_entry *v, const int *meals, const double *b12,
       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		memset(&v[i], 0, sizeof v[i]);
		nt_amounts_unknown(&v[i].values);
		v[i].meal = (enum nt_meal)meals[i];
		v[i].values.v[NT_B12] = b12[i];
	}
	l->v = v;
	l->n = n;
}

/* One entry: meal, B12, added B12 (fortified when > 0), supplement, planned. */
static void
entry(struct nt_entry *e, int meal, double b12, double added, bool supplement, bool planned)
{
	memset(e, 0, sizeof *e);
	nt_amounts_unknown(&e->values);
	e->meal = (enum nt_meal)meal;
	e->values.v[NT_B12] = b12;
	e->values.v[NT_B12_ADDED] = added;
	e->supplement = supplement;
	e->planned = planned;
}

/* The Vegan Society's routines over a week of entry lists. */
static void
test_week(void)
{
	struct nt_entry v[7][4];
	struct nt_entry_list days[7];
	struct nt_b12_week r;

	/* Routine 1 on all 7 days: fortified soy milk 1.5 ug at breakfast and
	 * fortified cereal 1.5 ug at dinner = 3 ug at two meals. */
	for (int d = 0; d < 7; d++) {
		entry(&v[d][0], NT_BREAKFAST, 1.5, 1.5, false, false);
		entry(&v[d][1], NT_DINNER, 1.5, 1.5, false, false);
		days[d] = (struct nt_entry_list){2, v[d]};
	}
	nt_b12_week_judge(days, &r);
	ok(r.fortified && !r.daily && !r.weekly, "fortified twice a day, 3 ug: routine 1 only");
	is_int(r.fortified_days, 7, "7 fortified days");
	/* the same 3 ug at one meal is not 'twice a day' */
	for (int d = 0; d < 7; d++)
		v[d][1].meal = NT_BREAKFAST;
	nt_b12_week_judge(days, &r);
	ok(!r.fortified, "3 ug at one meal does not match routine 1");
	/* 2.9 ug at two meals is not enough */
	for (int d = 0; d < 7; d++) {
		v[d][1].meal = NT_DINNER;
		v[d][1].values.v[NT_B12] = 1.4;
	}
	nt_b12_week_judge(days, &r);
	ok(!r.fortified, "2.9 ug a day does not match routine 1");
	/* unfortified B12 (eggs) does not count toward routine 1 */
	for (int d = 0; d < 7; d++) {
		entry(&v[d][0], NT_BREAKFAST, 2.0, 0, false, false);
		entry(&v[d][1], NT_DINNER, 2.0, 0, false, false);
	}
	nt_b12_week_judge(days, &r);
	ok(!r.fortified && r.fortified_days == 0, "B12 without added B12 is not a fortified food");

	/* Routine 2: a 10 ug tablet on each of 3 logged days; 4 days not logged. */
	for (int d = 0; d < 7; d++)
		days[d] = (struct nt_entry_list){0, v[d]};
	for (int d = 0; d < 3; d++) {
		entry(&v[d][0], NT_BREAKFAST, 10, 10, true, false);
		days[d].n = 1;
	}
	nt_b12_week_judge(days, &r);
	is_int(r.days_logged, 3, "3 logged days");
	ok(r.daily && !r.weekly && !r.fortified, "a daily 10 ug tablet: routine 2");
	v[2][0].values.v[NT_B12] = 9.9;
	nt_b12_week_judge(days, &r);
	ok(!r.daily, "one day at 9.9 ug breaks routine 2");

	/* Routine 3: 2000 ug once; the other days nothing special. */
	for (int d = 0; d < 7; d++) {
		entry(&v[d][0], NT_LUNCH, 0.5, 0, false, false);
		days[d] = (struct nt_entry_list){1, v[d]};
	}
	entry(&v[3][1], NT_SNACK, 2000, 2000, true, false);
	days[3].n = 2;
	nt_b12_week_judge(days, &r);
	ok(r.weekly && !r.daily && !r.fortified, "2000 ug once a week: routine 3");
	is_num(r.largest_dose_ug, 2000, 0, "the largest sitting is 2000 ug");
	/* a planned 2000 ug dose is not taken yet */
	v[3][1].planned = true;
	nt_b12_week_judge(days, &r);
	ok(!r.weekly, "a planned dose does not count");

	/* Nothing logged: no routine. */
	for (int d = 0; d < 7; d++)
		days[d].n = 0;
	nt_b12_week_judge(days, &r);
	ok(!r.fortified && !r.daily && !r.weekly && r.days_logged == 0, "an empty week matches none");
}

int
main(void)
{
	struct nt_entry_list l;
	struct nt_entry v[8];
	bool partial;

	/* One sitting: a = min(0.5 d, 1.5); absorbed = a + 0.01 (d - a). */
	is_num(nt_b12_absorbed(1.0), 0.505, 1e-12, "1 ug: 0.5 + 0.01 * 0.5 = 0.505");
	is_num(nt_b12_absorbed(2.4), 1.212, 1e-12, "the RDA in one sitting: 1.2 + 0.012, ~50%%");
	is_num(nt_b12_absorbed(3.0), 1.515, 1e-12, "3 ug: saturates exactly at 1.5, + 0.015");
	is_num(nt_b12_absorbed(10.0), 1.585, 1e-12, "10 ug tablet: 1.5 + 0.01 * 8.5 = 1.585");
	is_num(nt_b12_absorbed(2000.0), 21.485, 1e-9, "2000 ug: 1.5 + 0.01 * 1998.5 = 21.485");
	is_num(nt_b12_absorbed(0.0), 0.0, 0, "nothing eaten, nothing absorbed");
	is_num(nt_b12_absorbed(-1.0), 0.0, 0, "a negative dose absorbs nothing");
	ok(isnan(nt_b12_absorbed(NAN)), "unknown stays unknown");

	/*
	 * The Vegan Society's three routines all clear the absorbed target of
	 * half the adult RDA (1.2 ug a day).
	 */
	/* 1. fortified foods at least twice a day for at least 3 ug: 2 x 1.5 ug */
	day_of(&l, v, (const int[]){NT_BREAKFAST, NT_DINNER}, (const double[]){1.5, 1.5}, 2);
	is_num(nt_b12_absorbed_day(&l, &partial), 1.515, 1e-12,
	       "fortified foods twice a day, 1.5 ug each: 2 x 0.7575 = 1.515");
	ok(!partial, "all known: not partial");
	ok(nt_b12_absorbed_day(&l, &partial) >= 1.2, "routine 1 meets 1.2 ug absorbed");
	/* the same 3 ug at one meal absorbs less: 1.5 + 0.015 = 1.515 is the cap */
	day_of(&l, v, (const int[]){NT_BREAKFAST, NT_BREAKFAST}, (const double[]){1.5, 1.5}, 2);
	is_num(nt_b12_absorbed_day(&l, &partial), 1.515, 1e-12,
	       "3 ug at one meal is one dose of 3 ug: 1.515");
	/* spreading matters below the cap: 2 x 2.4 vs 1 x 4.8 */
	day_of(&l, v, (const int[]){NT_LUNCH, NT_DINNER}, (const double[]){2.4, 2.4}, 2);
	is_num(nt_b12_absorbed_day(&l, &partial), 2.424, 1e-12, "2.4 ug at two meals: 2 x 1.212");
	day_of(&l, v, (const int[]){NT_LUNCH, NT_LUNCH}, (const double[]){2.4, 2.4}, 2);
	is_num(nt_b12_absorbed_day(&l, &partial), 1.533, 1e-12,
	       "4.8 ug at one meal: 1.5 + 0.01 * 3.3 = 1.533");
	/* 2. at least 10 ug a day from a supplement */
	day_of(&l, v, (const int[]){NT_BREAKFAST}, (const double[]){10}, 1);
	ok(nt_b12_absorbed_day(&l, &partial) >= 1.2, "routine 2: a 10 ug tablet meets the target");
	/* 3. 2000 ug once a week: 21.485 / 7 = 3.07 ug a day */
	ok(nt_b12_absorbed(2000) / 7 >= 1.2, "routine 3: 2000 ug weekly averages 3.07 ug a day");
	/* a single 1 ug fortified serving does not */
	day_of(&l, v, (const int[]){NT_SNACK}, (const double[]){1.0}, 1);
	ok(nt_b12_absorbed_day(&l, &partial) < 1.2, "1 ug once a day falls short (0.505)");

	/* unknown values: partial, and unknown when nothing is known */
	day_of(&l, v, (const int[]){NT_BREAKFAST, NT_LUNCH}, (const double[]){2.4, NAN}, 2);
	is_num(nt_b12_absorbed_day(&l, &partial), 1.212, 1e-12, "an unknown entry adds nothing");
	ok(partial, "and makes the estimate partial");
	day_of(&l, v, (const int[]){NT_BREAKFAST}, (const double[]){NAN}, 1);
	ok(isnan(nt_b12_absorbed_day(&l, &partial)) && !partial,
	   "only unknown entries: unknown, not partial");
	day_of(&l, v, NULL, NULL, 0);
	ok(isnan(nt_b12_absorbed_day(&l, &partial)), "an empty day is unknown, not zero");
	test_week();
	return tap_done();
}
