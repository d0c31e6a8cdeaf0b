/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_day.c - unit tests for one day's summary (day.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "absorption.h"
#include "analysis.h"
#include "date.h"
#include "day.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "store.h"
#include "tap.h"

#define TOL 1e-9

static struct nt_store *s;

static long long
food(const char *ref)
{
	return fixture_food_id(s, ref);
}

static long long
add(long day, enum nt_meal meal, const char *ref, double grams, bool planned)
{
	long long id;
	struct nt_err err;
	enum nt_status st;

	if (planned)
		st = nt_journal_plan(s, day, meal, food(ref), "x", nt_grams_to_mg(grams), &id,
		                     &err);
	else
		st = nt_journal_add(s, day, meal, food(ref), "x", nt_grams_to_mg(grams), &id, &err);
	if (st)
		tap_bail("add %s: %s", ref, err.msg);
	return id;
}

/*
 * foods.csv rows used (energy_kcal,protein_g,b12_ug,b12_added_ug,ala_g,
 * ala_from_18_3,epa_g,dha_g,dpa_g,potassium_mg):
 *   sr28:15076 salmon  142,19.84,3.18,,0.295,1,0.321,1.115,0.287,490
 *   sr28:01123 egg     143,12.56,0.89,0.00,0.036,0,0.000,0.058,0.007,138
 * A new database has no profile: the default (female 19-50) targets hold,
 * B12 2.4 ug, potassium 2600 mg, EPA+DHA 250 mg, omega-3 1.1 g (the ALA AI).
 */
static void
test_day_with_planned(void)
{
	long day = nt_date_from_ymd(2026, 3, 11);
	struct nt_day_summary d;
	struct nt_err err;
	long long salmon;

	salmon = add(day, NT_DINNER, "sr28:15076", 100, false);
	add(day, NT_BREAKFAST, "sr28:01123", 100, true);
	if (nt_day_summary_load(s, day, &d, &err))
		tap_bail("summary: %s", err.msg);
	is_int(d.day, day, "the day");
	ok(!d.profile.is_set, "no profile set: the default");
	is_int(d.entries.n, 2, "two entries");
	is_int(d.entries.v[0].meal, NT_BREAKFAST, "... breakfast first (ordered by meal)");
	is_int(d.eaten, 1, "one eaten (the egg is planned)");
	is_num(d.targets.t[NT_B12].value, 2.4, 0, "B12 target 2.4");

	/* eaten: the salmon alone */
	is_num(d.total.v[NT_B12], 3.18, TOL, "eaten B12 3.18");
	is_num(d.total.v[NT_POTASSIUM], 490, TOL, "eaten potassium 490");
	/* (0.321 + 1.115) x 1000 = 1436 mg */
	is_num(d.total.v[NT_EPA_DHA], 1436, 1e-6, "eaten EPA+DHA 1436 mg");
	/* with the egg: 3.18 + 0.89 = 4.07; 490 + 138 = 628; 1436 + 58 = 1494 */
	is_num(d.with_planned.v[NT_B12], 4.07, TOL, "with planned B12 4.07");
	is_num(d.with_planned.v[NT_POTASSIUM], 628, TOL, "with planned potassium 628");
	is_num(d.with_planned.v[NT_EPA_DHA], 1494, 1e-6, "with planned EPA+DHA 1494 mg");

	/*
	 * Judged (percent = floor(100 x shown / target)):
	 *   B12 3.18: floor(318 / 2.4) = floor(132.5) = 132, ok
	 *   K 490: floor(49000 / 2600) = floor(18.85) = 18, low
	 *   EPA+DHA 1436: floor(143600 / 250) = floor(574.4) = 574, ok
	 * with planned:
	 *   B12 4.07: floor(407 / 2.4) = floor(169.58) = 169
	 *   K 628: floor(62800 / 2600) = floor(24.15) = 24, low
	 *   EPA+DHA 1494: floor(149400 / 250) = floor(597.6) = 597
	 */
	is_int(d.judged[NT_B12].percent, 132, "B12 132%%");
	is_int(d.judged[NT_B12].level, NT_LEVEL_OK, "... ok");
	is_int(d.judged[NT_POTASSIUM].percent, 18, "potassium 18%%");
	is_int(d.judged[NT_POTASSIUM].level, NT_LEVEL_LOW, "... low");
	is_int(d.judged[NT_EPA_DHA].percent, 574, "EPA+DHA 574%%");
	is_int(d.planned_judged[NT_B12].percent, 169, "with planned B12 169%%");
	is_int(d.planned_judged[NT_POTASSIUM].percent, 24, "with planned potassium 24%%");
	is_int(d.planned_judged[NT_POTASSIUM].level, NT_LEVEL_LOW, "... low");
	is_int(d.planned_judged[NT_EPA_DHA].percent, 597, "with planned EPA+DHA 597%%");
	ok(!memcmp(d.gaps, d.judged, sizeof d.gaps),
	   "something eaten: the gaps are the judgements");

	/*
	 * Absorbed B12: the salmon is one sitting of 3.18 ug (the planned egg is
	 * not eaten): a = min(0.5 x 3.18, 1.5) = 1.5; 1.5 + 0.01 x (3.18 - 1.5)
	 * = 1.5 + 0.0168 = 1.5168, shown 1.52; target half the RDA, 1.2;
	 * floor(152 / 1.2) = floor(126.67) = 126, ok.
	 */
	is_num(d.b12_absorbed, 1.5168, TOL, "absorbed B12 1.5168");
	ok(!d.b12_absorbed_partial, "... not partial");
	is_num(d.b12_absorbed_judged.intake, 1.52, TOL, "... shown 1.52");
	is_num(d.b12_absorbed_judged.target, 1.2, TOL, "... against half the RDA, 1.2");
	is_int(d.b12_absorbed_judged.percent, 126, "... 126%%");
	is_int(d.b12_absorbed_judged.level, NT_LEVEL_OK, "... ok");

	/*
	 * The preview of changing the salmon to 200 g: the egg (planned, it
	 * counts) and 6.36: 0.89 + 6.36 = 7.25; floor(725 / 2.4) = 302.
	 * K 138 + 980 = 1118: floor(111800 / 2600) = floor(43.0) = 43.
	 */
	{
		struct nt_judgement after[NT_MEASURE_COUNT];
		struct nt_amounts adds;

		adds = d.entries.v[1].values;
		for (int m = 0; m < NT_MEASURE_COUNT; m++)
			adds.v[m] *= 2;
		nt_day_summary_preview(&d, salmon, &adds, after);
		is_num(after[NT_B12].intake, 7.25, TOL, "preview: B12 7.25 with 200 g salmon");
		is_int(after[NT_B12].percent, 302, "... 302%%");
		is_num(after[NT_POTASSIUM].intake, 1118, TOL, "... potassium 1118");
		is_int(after[NT_POTASSIUM].percent, 43, "... 43%%");
		/* a new entry: the salmon stays, 0.89 + 3.18 + 6.36 = 10.43 */
		nt_day_summary_preview(&d, 0, &adds, after);
		is_num(after[NT_B12].intake, 10.43, TOL, "preview of a new entry: B12 10.43");
	}
	nt_day_summary_fini(&d);
	is_int(d.entries.n, 0, "fini empties the entries");
	nt_day_summary_fini(&d);
	ok(1, "fini twice is safe");
}

static void
test_empty_and_future(void)
{
	long day = nt_date_from_ymd(2026, 3, 12);
	struct nt_day_summary d;
	struct nt_err err;

	/* nothing logged: not logged, and all gap for the suggestions */
	if (nt_day_summary_load(s, day, &d, &err))
		tap_bail("summary: %s", err.msg);
	is_int(d.eaten, 0, "empty day: nothing eaten");
	is_int(d.entries.n, 0, "... no entries");
	ok(isnan(d.judged[NT_B12].intake), "... B12 not logged: unknown, not zero");
	is_int(d.judged[NT_B12].level, NT_LEVEL_UNKNOWN, "... level unknown");
	is_num(d.gaps[NT_B12].intake, 0, 0, "... the gap counts from zero");
	is_int(d.gaps[NT_B12].percent, 0, "... 0%%");
	is_int(d.gaps[NT_B12].level, NT_LEVEL_LOW, "... low");
	ok(isnan(d.b12_absorbed), "... no absorbed estimate");
	nt_day_summary_fini(&d);

	/* a day with planned entries only: the planned total is logged */
	add(day, NT_LUNCH, "sr28:15076", 100, true);
	if (nt_day_summary_load(s, day, &d, &err))
		tap_bail("summary: %s", err.msg);
	is_int(d.eaten, 0, "planned only: nothing eaten");
	is_int(d.judged[NT_B12].level, NT_LEVEL_UNKNOWN, "... eaten B12 not logged");
	is_int(d.planned_judged[NT_B12].percent, 132, "... with planned 132%% (3.18 of 2.4)");
	ok(isnan(d.b12_absorbed), "... nothing eaten to absorb");
	nt_day_summary_fini(&d);
}

static void
test_errors(void)
{
	struct nt_day_summary d;
	struct nt_err err;

	is_int(nt_day_summary_load(s, nt_date_first() - 1, &d, &err), NT_ERR_RANGE,
	       "a day nutrack does not keep: NT_ERR_RANGE");
	is_int(d.entries.n, 0, "... an empty day");
	is_int(d.eaten, 0, "... nothing eaten");
	ok(isnan(d.targets.t[NT_B12].value), "... without targets");
	is_int(d.judged[NT_B12].level, NT_LEVEL_NONE, "... judged: no target");
	is_int(d.b12_absorbed_judged.level, NT_LEVEL_NONE, "... absorbed: no target");
	nt_day_summary_fini(&d);

	is_num(nt_b12_absorbed_target(2.4), 1.2, TOL, "the absorbed target: half the RDA");
	is_num(nt_b12_absorbed_target(2.8), 1.4, TOL, "... 2.8 -> 1.4 (lactation)");
	ok(isnan(nt_b12_absorbed_target(NT_UNKNOWN)), "... none without an RDA");
}

int
main(void)
{
	s = fixture_open(true);
	test_day_with_planned();
	test_empty_and_future();
	test_errors();
	nt_store_close(s);
	return tap_done();
}
