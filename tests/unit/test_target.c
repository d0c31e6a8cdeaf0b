/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_target.c - the user's own targets and limits, dated profiles (target.h, profile.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "date.h"
#include "fixture.h"
#include "journal.h"
#include "nutrient.h"
#include "plan.h"
#include "profile.h"
#include "store.h"
#include "suggest.h"
#include "tap.h"
#include "target.h"

static struct nt_store *s;

static long
day(int m, int d)
{
	return nt_date_from_ymd(2026, m, d);
}

/* B12 in force on a day, and its limit. */
static double
b12_on(long d, double *limit)
{
	struct nt_targets t;
	struct nt_err err;

	if (nt_targets_on(s, d, &t, NULL, &err) != NT_OK)
		return -1;
	if (limit)
		*limit = t.t[NT_B12].limit;
	return t.t[NT_B12].value;
}

static void
test_settings(void)
{
	struct nt_targets t;
	struct nt_profile p;
	struct nt_err err;
	double lim;

	/* no profile: the adult woman's DRI, no limits (data/targets.csv) */
	is_int(nt_targets_on(s, day(3, 11), &t, &p, &err), NT_OK, "targets on a day");
	ok(!p.is_set, "... no profile: the default");
	is_num(t.t[NT_B12].value, 2.4, 1e-9, "... B12 RDA 2.4 ug");
	is_num(t.t[NT_POTASSIUM].value, 2600, 1e-9, "... potassium AI 2600 mg");
	ok(isnan(t.t[NT_POTASSIUM].limit) && isnan(t.t[NT_B12].limit), "... no limits");
	ok(!t.t[NT_B12].user_value && !t.t[NT_B12].user_limit, "... none set by the user");

	/* a clinician's potassium limit below the AI: the AI gives way */
	is_int(nt_target_set(s, NT_POTASSIUM, day(3, 11), NAN, 2000, &err), NT_OK,
	       "potassium --max 2000 from 2026-03-11");
	nt_targets_on(s, day(3, 11), &t, NULL, &err);
	is_num(t.t[NT_POTASSIUM].limit, 2000, 1e-9, "... the limit holds that day");
	ok(isnan(t.t[NT_POTASSIUM].value), "... and the 2600 mg AI, above it, is no target");
	ok(t.t[NT_POTASSIUM].dri_dropped && t.t[NT_POTASSIUM].user_limit, "... said so");
	is_num(t.t[NT_POTASSIUM].dri, 2600, 1e-9, "... the DRI it replaced");
	is_int((int)t.t[NT_POTASSIUM].user_from, (int)day(3, 11), "... from 2026-03-11");
	nt_targets_on(s, day(3, 10), &t, NULL, &err);
	ok(isnan(t.t[NT_POTASSIUM].limit) && t.t[NT_POTASSIUM].value == 2600,
	   "the day before: the AI, no limit");

	/* a clinician's 1000 ug B12, and a limit above it */
	is_int(nt_target_set(s, NT_B12, day(3, 1), 1000, NAN, &err), NT_OK, "b12 --min 1000");
	is_num(b12_on(day(3, 1), &lim), 1000, 1e-9, "... 1000 ug from 2026-03-01");
	ok(isnan(lim), "... no limit");
	is_num(b12_on(day(2, 28), NULL), 2.4, 1e-9, "... the RDA the day before");
	is_int(nt_target_set(s, NT_B12, day(3, 5), NAN, 2000, &err), NT_OK,
	       "b12 --max 2000 from 2026-03-05 keeps the minimum");
	is_num(b12_on(day(3, 5), &lim), 1000, 1e-9, "... 1000 ug");
	is_num(lim, 2000, 1e-9, "... limit 2000 ug");
	is_num(b12_on(day(3, 4), &lim), 1000, 1e-9, "... the day before: 1000 ug");
	ok(isnan(lim), "... without a limit");

	/* refused, nothing changes */
	is_int(nt_target_set(s, NT_B12, day(3, 6), 3000, NAN, &err), NT_ERR_INVALID,
	       "a minimum above the limit kept is refused");
	ok(strstr(err.msg, "above its limit") != NULL, "... %s", err.msg);
	is_int(nt_target_set(s, NT_B12, day(3, 6), 5, 4, &err), NT_ERR_INVALID,
	       "min 5 > max 4 is refused");
	is_int(nt_target_set(s, NT_B12, day(3, 6), -1, NAN, &err), NT_ERR_RANGE,
	       "a negative minimum is refused");
	is_int(nt_target_set(s, NT_B12, day(3, 6), NAN, INFINITY, &err), NT_ERR_RANGE,
	       "an infinite limit is refused");
	is_num(b12_on(day(3, 6), &lim), 1000, 1e-9, "... still 1000 ug");
	is_num(lim, 2000, 1e-9, "... and 2000 ug");

	/* reset: back to the RDA from a day, the days before keep theirs */
	is_int(nt_target_reset(s, NT_B12, day(3, 8), &err), NT_OK, "reset b12 from 2026-03-08");
	is_num(b12_on(day(3, 8), &lim), 2.4, 1e-9, "... the RDA again");
	ok(isnan(lim), "... no limit");
	is_num(b12_on(day(3, 7), NULL), 1000, 1e-9, "... 1000 ug the day before");
	is_int(nt_target_reset(s, -1, day(3, 20), &err), NT_OK, "reset all from 2026-03-20");
	nt_targets_on(s, day(3, 20), &t, NULL, &err);
	ok(isnan(t.t[NT_POTASSIUM].limit) && t.t[NT_POTASSIUM].value == 2600,
	   "... potassium back to the AI");
	nt_targets_on(s, day(3, 19), &t, NULL, &err);
	is_num(t.t[NT_POTASSIUM].limit, 2000, 1e-9, "... the limit held until then");

	/* many days at once agree with one at a time */
	{
		struct nt_targets days[31];
		struct nt_profile ps[31];
		bool same = true;

		is_int(nt_targets_days(s, day(3, 1), 31, days, ps, &err), NT_OK, "March at once");
		for (int i = 0; i < 31; i++) {
			nt_targets_on(s, day(3, 1) + i, &t, NULL, &err);
			same &= !nt_targets_differ(&t, &days[i]);
		}
		ok(same, "... each day as nt_targets_on says");
		ok(nt_targets_differ(&days[4], &days[3]), "... 03-05 differs from 03-04 (a limit)");
		ok(!nt_targets_differ(&days[5], &days[4]), "... 03-06 as 03-05");
	}
	/* days before 1970 are negative numbers: a change then is still seen */
	{
		struct nt_targets days[3];

		is_int(nt_target_set(s, NT_DPA, nt_date_from_ymd(1965, 1, 2), 5, NAN, &err), NT_OK,
		       "a DPA minimum of 5 g on 1965-01-02 only");
		is_int(nt_target_reset(s, NT_DPA, nt_date_from_ymd(1965, 1, 3), &err), NT_OK, "...");
		is_int(nt_targets_days(s, nt_date_from_ymd(1965, 1, 1), 3, days, NULL, &err), NT_OK,
		       "1965-01-01 to 03 at once");
		is_num(days[1].t[NT_DPA].value, 5, 1e-9, "... 5 g on the 2nd");
		ok(nt_targets_differ(&days[1], &days[0]), "... not the 1st's");
		ok(isnan(days[2].t[NT_DPA].value), "... none again on the 3rd");
	}
}

static void
test_judge(void)
{
	struct nt_targets t;
	struct nt_amounts a;
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_err err;

	nt_targets_on(s, day(3, 11), &t, NULL, &err); /* potassium limit 2000 */
	nt_amounts_zero(&a);
	a.v[NT_POTASSIUM] = 2148; /* 600 g of banana, 358 mg / 100 g */
	a.v[NT_B12] = 2.4;
	nt_judge(&a, true, &t, j);
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_OVER, "2148 mg over a 2000 mg limit: OVER");
	is_int(j[NT_POTASSIUM].percent, -1, "... no percent (no target)");
	is_str(nt_level_name(NT_LEVEL_OVER), "over_limit", "... named over_limit");
	a.v[NT_POTASSIUM] = 2000.4; /* shown as 2000: not over */
	nt_judge(&a, true, &t, j);
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_OK, "2000.4 mg (shown 2000) is ok under the limit");
	a.v[NT_POTASSIUM] = 2000.5; /* shown as 2001 */
	nt_judge(&a, true, &t, j);
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_OVER, "2000.5 mg (shown 2001) is over");
	a.v[NT_POTASSIUM] = NAN;
	nt_judge(&a, true, &t, j);
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_UNKNOWN, "unknown stays unknown");
	is_int(j[NT_B12].level, NT_LEVEL_OK, "B12 without a limit: ok as before");

	/* an average over days with different targets: the mean of the covered days' */
	{
		struct nt_day_total days[3];
		struct nt_targets daily[3], mean;

		memset(days, 0, sizeof days);
		for (int i = 0; i < 3; i++) {
			nt_amounts_zero(&days[i].total);
			days[i].entries = 1;
			nt_targets_for(s, &(struct nt_profile){.is_set = true, .sex = NT_SEX_FEMALE,
			                                       .age_y = 30, .stage = NT_STAGE_NONE},
			               &daily[i], &err);
		}
		daily[2].t[NT_B12].value = 2.6; /* pregnant on the third day */
		days[1].entries = 0;            /* the second day not logged */
		nt_analysis_mean_targets(days, daily, 3, &mean);
		/* (2.4 + 2.6) / 2 = 2.5 over the two logged days */
		is_num(mean.t[NT_B12].value, 2.5, 1e-9, "mean B12 target of the logged days: 2.5");
		days[1].entries = 1;
		nt_analysis_mean_targets(days, daily, 3, &mean);
		/* (2.4 + 2.4 + 2.6) / 3 = 2.4666.. -> 2.4667 (two decimals more than shown) */
		is_num(mean.t[NT_B12].value, 2.4667, 1e-9, "... of three days: 2.4667");
	}
}

static void
test_suggest_limits(void)
{
	struct nt_targets t;
	struct nt_profile p;
	struct nt_amounts a;
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;
	struct nt_err err;
	bool b12 = false, over = false, potassium = false;

	/* an empty day with a B12 limit of 5 ug: no portion above 5 ug */
	is_int(nt_target_set(s, NT_B12, day(4, 1), NAN, 5, &err), NT_OK, "b12 --max 5");
	is_int(nt_target_set(s, NT_POTASSIUM, day(4, 1), NAN, 2000, &err), NT_OK,
	       "potassium --max 2000");
	nt_targets_on(s, day(4, 1), &t, &p, &err);
	nt_amounts_zero(&a);
	nt_judge(&a, true, &t, j);
	is_int(j[NT_B12].level, NT_LEVEL_LOW, "0 ug B12: low");
	is_int(nt_suggest(s, &p, j, 10, &sg, &err), NT_OK, "suggest");
	for (size_t i = 0; i < sg.n; i++) {
		b12 |= sg.v[i].m == NT_B12;
		over |= sg.v[i].m == NT_B12 && nt_round(sg.v[i].adds, 2) > 5;
		potassium |= sg.v[i].m == NT_POTASSIUM;
	}
	ok(b12, "B12 advice still comes");
	ok(!over, "... none of it past the 5 ug limit");
	ok(!potassium, "no potassium advice under a potassium limit");
	nt_suggestions_fini(&sg);
}

static void
test_profile_history(void)
{
	struct nt_profile p, q;
	struct nt_profile_history h;
	struct nt_targets t;
	struct nt_err err;
	long from = 0;

	is_int((int)nt_date_first(), (int)NT_PROFILE_ALWAYS, "NT_PROFILE_ALWAYS is 1900-01-01");
	nt_profile_default(&p);
	p.age_y = 30;
	/* the first profile set applies to every day before too */
	is_int(nt_profile_set(s, &p, day(3, 11), &err), NT_OK, "a first profile on 2026-03-11");
	is_int(nt_profile_on(s, day(1, 1), &q, &from, &err), NT_OK, "... read on 2026-01-01");
	ok(q.is_set && q.age_y == 30, "... it applies");
	is_int((int)from, (int)NT_PROFILE_ALWAYS, "... from the beginning");
	p.stage = NT_STAGE_PREGNANT;
	is_int(nt_profile_set(s, &p, day(3, 9), &err), NT_OK, "pregnant from 2026-03-09");
	nt_targets_on(s, day(3, 8), &t, &q, &err);
	ok(q.stage == NT_STAGE_NONE, "2026-03-08: not pregnant");
	is_num(t.t[NT_B12].value, 2.4, 1e-9, "... B12 RDA 2.4 ug");
	nt_targets_on(s, day(3, 10), &t, &q, &err);
	ok(q.stage == NT_STAGE_PREGNANT, "2026-03-10: pregnant");
	is_num(t.t[NT_B12].value, 2.6, 1e-9, "... B12 RDA 2.6 ug");
	is_num(t.t[NT_OMEGA3].value, 1.4, 1e-9, "... ALA AI 1.4 g");
	is_int(nt_profile_get(s, &q, &err), NT_OK, "the newest version");
	ok(q.stage == NT_STAGE_PREGNANT, "... pregnant");
	is_int(nt_profile_history(s, &h, &err), NT_OK, "the history");
	is_int((int)h.n, 2, "... two versions");
	if (h.n == 2) {
		is_int((int)h.v[0].from, (int)NT_PROFILE_ALWAYS, "... the first from the beginning");
		is_int((int)h.v[1].from, (int)day(3, 9), "... then from 2026-03-09");
	}
	nt_profile_history_fini(&h);
	nt_profile_history_fini(NULL);
	/* the same day again replaces that day's version */
	p.stage = NT_STAGE_LACTATING;
	nt_profile_set(s, &p, day(3, 9), &err);
	nt_profile_history(s, &h, &err);
	is_int((int)h.n, 2, "a change on the same day replaces its version");
	nt_profile_history_fini(&h);
	p.sex = NT_SEX_MALE;
	is_int(nt_profile_set(s, &p, day(3, 12), &err), NT_ERR_INVALID,
	       "a lactating man is refused");
	nt_profile_history(s, &h, &err);
	is_int((int)h.n, 2, "... nothing stored");
	nt_profile_history_fini(&h);
}

/* A plan under a potassium limit keeps every day under it. */
static void
test_plan_limits(void)
{
	struct nt_targets t;
	struct nt_profile p;
	struct nt_plan pl;
	struct nt_err err;
	long first = day(5, 4);
	bool under = true, met = true;

	is_int(nt_target_set(s, NT_POTASSIUM, first, NAN, 2000, &err), NT_OK,
	       "potassium --max 2000 from 2026-05-04");
	is_int(nt_targets_on(s, first, &t, &p, &err), NT_OK, "the targets of 2026-05-04");
	is_int(nt_plan_days(s, &p, &t, first, 3, &pl, &err), NT_OK, "a plan of 3 days");
	is_num(pl.limit[NT_POTASSIUM], 2000, 1e-9, "... under the 2000 mg limit");
	ok(isnan(pl.need[NT_POTASSIUM]), "... with no potassium target (the AI is above it)");
	for (int d = 0; d < pl.ndays; d++) {
		under &= pl.days[d].total.v[NT_POTASSIUM] <= 2000 + 1e-6;
		met &= pl.days[d].total.v[NT_B12] >= t.t[NT_B12].value - 1e-9;
	}
	ok(under, "every day's potassium at most 2000 mg");
	ok(met, "... and B12 met");
	nt_plan_fini(&pl);
}

/* Folate, folic acid and B6 (data/targets.csv from ../shared/data/dri.csv). */
static void
test_folate_b6(void)
{
	struct nt_targets t;
	struct nt_err err;
	const struct {
		enum nt_sex sex;
		double age;
		enum nt_stage stage;
		double folate, b6, folic_ul, b6_ul;
		const char *who;
	} rows[] = {
		/* dri.csv: female 19-30 RDA 400 ug DFE, B6 1.3 mg; ULs 1000 ug, 100 mg */
		{NT_SEX_FEMALE, 30, NT_STAGE_NONE, 400, 1.3, 1000, 100, "a woman of 30"},
		/* pregnancy 19-30: 600 ug DFE, B6 1.9 mg; the same ULs */
		{NT_SEX_FEMALE, 25, NT_STAGE_PREGNANT, 600, 1.9, 1000, 100, "pregnant at 25"},
		/* lactation 31-50: 500 ug, 2.0 mg */
		{NT_SEX_FEMALE, 35, NT_STAGE_LACTATING, 500, 2.0, 1000, 100, "nursing at 35"},
		/* male 51-70: 400 ug, B6 1.7 mg */
		{NT_SEX_MALE, 60, NT_STAGE_NONE, 400, 1.7, 1000, 100, "a man of 60"},
		/* child 1-3: RDA 150 ug, 0.5 mg; ULs 300 ug folic acid, 30 mg B6 */
		{NT_SEX_MALE, 2, NT_STAGE_NONE, 150, 0.5, 300, 30, "a child of 2"},
		/* infant 0-6 months: AI 65 ug, 0.1 mg; no UL (ND) */
		{NT_SEX_FEMALE, 0.25, NT_STAGE_NONE, 65, 0.1, NAN, NAN, "an infant of 3 months"},
	};

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct nt_profile p = {.is_set = true, .sex = rows[i].sex, .age_y = rows[i].age,
		                       .stage = rows[i].stage};

		is_int(nt_targets_for(s, &p, &t, &err), NT_OK, "%s: targets", rows[i].who);
		is_num(t.t[NT_FOLATE].value, rows[i].folate, 1e-9, "... folate %g ug DFE",
		       rows[i].folate);
		is_num(t.t[NT_B6].value, rows[i].b6, 1e-9, "... B6 %g mg", rows[i].b6);
		ok(isnan(t.t[NT_FOLIC_ACID].value), "... folic acid has no target, only a limit");
		if (isnan(rows[i].folic_ul)) {
			ok(isnan(t.t[NT_FOLIC_ACID].limit) && isnan(t.t[NT_B6].limit),
			   "... no upper limits");
		} else {
			is_num(t.t[NT_FOLIC_ACID].limit, rows[i].folic_ul, 1e-9,
			       "... folic acid UL %g ug", rows[i].folic_ul);
			is_num(t.t[NT_B6].limit, rows[i].b6_ul, 1e-9, "... B6 UL %g mg",
			       rows[i].b6_ul);
			ok(t.t[NT_FOLIC_ACID].dri_limit && !t.t[NT_FOLIC_ACID].user_limit,
			   "... the DRI's UL, not the user's");
			ok(strstr(t.t[NT_FOLIC_ACID].limit_source, "IOM") != NULL,
			   "... with its source: %s", t.t[NT_FOLIC_ACID].limit_source);
		}
		ok(isnan(t.t[NT_FOOD_FOLATE].value) && isnan(t.t[NT_FOOD_FOLATE].limit),
		   "... food folate is shown, not judged");
		is_str(t.t[NT_FOLATE].type, rows[i].age < 1 ? "AI" : "RDA", "... type %s",
		       t.t[NT_FOLATE].type);
	}

	/* the user's own limit replaces the UL, from its day */
	is_int(nt_target_set(s, NT_FOLIC_ACID, day(5, 1), NAN, 400, &err), NT_OK,
	       "a folic-acid limit of 400 ug from 1 May");
	is_int(nt_targets_on(s, day(5, 2), &t, NULL, &err), NT_OK, "targets on 2 May");
	is_num(t.t[NT_FOLIC_ACID].limit, 400, 1e-9, "... limit 400 ug");
	ok(t.t[NT_FOLIC_ACID].user_limit && !t.t[NT_FOLIC_ACID].dri_limit, "... the user's");
	is_int(nt_targets_on(s, day(4, 30), &t, NULL, &err), NT_OK, "targets on 30 April");
	is_num(t.t[NT_FOLIC_ACID].limit, 1000, 1e-9, "... still the UL, 1000 ug");
	is_int(nt_target_reset(s, NT_FOLIC_ACID, day(5, 1), &err), NT_OK, "reset from 1 May");
}

int
main(void)
{
	s = fixture_open(true);
	test_settings();
	test_judge();
	test_suggest_limits();
	test_plan_limits();
	test_profile_history();
	test_folate_b6();
	nt_store_close(s);
	return tap_done();
}
