/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis.c - unit tests for day and week totals and their judgement (analysis.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "date.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "profile.h"
#include "store.h"
#include "tap.h"
#include "target.h"

#define TOL 1e-9
#define BIT(m) (1u << (m))
#define PARTIAL(a, m) (((a)->partial >> (m)) & 1u)

static struct nt_store *s;
static struct nt_targets tg; /* the default profile: adult woman */

static long long
food(const char *ref)
{
	return fixture_food_id(s, ref);
}

static void
add(long day, enum nt_meal meal, const char *ref, double grams)
{
	long long id;
	struct nt_err err;

	if (nt_journal_add(s, day, meal, food(ref), "x", nt_grams_to_mg(grams), &id, &err))
		tap_bail("add %s: %s", ref, err.msg);
}

static struct nt_day_total
day_total(long day)
{
	struct nt_day_total d;
	struct nt_err err;

	if (nt_analysis_days(s, day, 1, &d, &err))
		tap_bail("days: %s", err.msg);
	return d;
}

/*
 * foods.csv rows used (energy_kcal,protein_g,b12_ug,b12_added_ug,ala_g,
 * ala_from_18_3,epa_g,dha_g,dpa_g,potassium_mg):
 *   sr28:01123 egg          143,12.56,0.89,0.00,0.036,0,0.000,0.058,0.007,138
 *   sr28:09040 banana        89,1.09,0.00,0.00,0.027,1,0.000,0.000,0.000,358
 *   sr28:15076 salmon       142,19.84,3.18,,0.295,1,0.321,1.115,0.287,490
 *   sr28:04628 margarine    717,0.16,,,1.957,0,0.000,0.000,0.006,18
 *   sr28:02013 coriander    298,12.37,0.00,,,0,,,,1267
 *   label:1 yeast           ,50,150,150,,0,,,,
 * Default targets (targets.csv, female 19-50): B12 2.4 ug, ALA 1.1 g
 * (omega-3), potassium 2600 mg, EPA+DHA 250 mg.
 */

static void
test_day_totals(void)
{
	long day = nt_date_from_ymd(2026, 2, 18);
	struct nt_day_total d;
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_entry_list l;
	struct nt_amounts sum;
	struct nt_err err;

	add(day, NT_BREAKFAST, "sr28:01123", 100);
	add(day, NT_BREAKFAST, "sr28:09040", 118);
	add(day, NT_DINNER, "sr28:15076", 198);

	d = day_total(day);
	is_int(d.day, day, "day set");
	is_int(d.entries, 3, "three entries");
	/*
	 * energy  143 + 89 x 1.18 + 142 x 1.98 = 143 + 105.02 + 281.16 = 529.18
	 * protein 12.56 + 1.09 x 1.18 + 19.84 x 1.98
	 *         = 12.56 + 1.2862 + 39.2832 = 53.1294
	 * B12     0.89 + 0 + 3.18 x 1.98 = 0.89 + 6.2964 = 7.1864
	 * added   0 + 0 + unknown = 0, partial
	 * ALA     0.036 + 0.027 x 1.18 + 0.295 x 1.98 = 0.036 + 0.03186 + 0.5841 = 0.65196
	 * EPA     0 + 0 + 0.321 x 1.98 = 0.63558
	 * DHA     0.058 + 0 + 1.115 x 1.98 = 0.058 + 2.2077 = 2.2657
	 * DPA     0.007 + 0 + 0.287 x 1.98 = 0.007 + 0.56826 = 0.57526
	 * K       138 + 358 x 1.18 + 490 x 1.98 = 138 + 422.44 + 970.2 = 1530.64
	 * omega-3 0.65196 + 0.63558 + 2.2657 + 0.57526 = 4.1285
	 * EPA+DHA (0.63558 + 2.2657) x 1000 = 2901.28 mg
	 */
	is_num(d.total.v[NT_ENERGY], 529.18, TOL, "energy 529.18");
	is_num(d.total.v[NT_PROTEIN], 53.1294, TOL, "protein 53.1294");
	is_num(d.total.v[NT_B12], 7.1864, TOL, "B12 7.1864");
	is_num(d.total.v[NT_B12_ADDED], 0, TOL, "added B12 0");
	ok(PARTIAL(&d.total, NT_B12_ADDED), "... partial (salmon's is unknown)");
	ok(!PARTIAL(&d.total, NT_B12), "B12 not partial");
	is_num(d.total.v[NT_ALA], 0.65196, TOL, "ALA 0.65196");
	is_num(d.total.v[NT_EPA], 0.63558, TOL, "EPA 0.63558");
	is_num(d.total.v[NT_DHA], 2.2657, TOL, "DHA 2.2657");
	is_num(d.total.v[NT_DPA], 0.57526, TOL, "DPA 0.57526");
	is_num(d.total.v[NT_POTASSIUM], 1530.64, TOL, "potassium 1530.64");
	is_num(d.total.v[NT_OMEGA3], 4.1285, TOL, "omega-3 4.1285");
	is_num(d.total.v[NT_EPA_DHA], 2901.28, 1e-6, "EPA+DHA 2901.28 mg");

	/* The same through the entry list. */
	nt_journal_day(s, day, &l, &err);
	nt_analysis_sum(&l, &sum);
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		is_num(sum.v[m], d.total.v[m], 1e-9, "nt_analysis_sum agrees on %s", nt_measure_name(m));
	is_int(sum.partial, d.total.partial, "... and on the partial bits");
	nt_entry_list_fini(&l);

	/*
	 * Judged (shown value first):
	 *   B12 7.1864 -> 7.19; floor(100 x 7.19 / 2.4) = floor(299.58) = 299; ok
	 *   ALA 0.65196 -> 0.65; floor(65 / 1.1) = floor(59.09) = 59; low
	 *   omega-3 4.1285 -> 4.13; floor(413 / 1.1) = floor(375.45) = 375; ok
	 *   K 1530.64 -> 1531; floor(153100 / 2600) = floor(58.88) = 58; low
	 *   EPA+DHA 2901.28 -> 2901; floor(290100 / 250) = floor(1160.4) = 1160; ok
	 *   energy 529.18 -> 529; no target
	 */
	nt_judge(&d.total, d.entries > 0, &tg, j);
	is_num(j[NT_B12].intake, 7.19, TOL, "B12 shown 7.19");
	is_num(j[NT_B12].target, 2.4, 0, "B12 target 2.4");
	is_int(j[NT_B12].percent, 299, "B12 299%%");
	is_int(j[NT_B12].level, NT_LEVEL_OK, "B12 ok");
	ok(!j[NT_B12].partial, "B12 not partial");
	is_num(j[NT_ALA].intake, 0.65, TOL, "ALA shown 0.65");
	is_int(j[NT_ALA].percent, 59, "ALA 59%%");
	is_int(j[NT_ALA].level, NT_LEVEL_LOW, "ALA low");
	is_num(j[NT_OMEGA3].intake, 4.13, TOL, "omega-3 shown 4.13");
	is_int(j[NT_OMEGA3].percent, 375, "omega-3 375%%");
	is_int(j[NT_OMEGA3].level, NT_LEVEL_OK, "omega-3 ok");
	is_num(j[NT_POTASSIUM].intake, 1531, TOL, "potassium shown 1531");
	is_int(j[NT_POTASSIUM].percent, 58, "potassium 58%%");
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_LOW, "potassium low");
	is_num(j[NT_EPA_DHA].intake, 2901, TOL, "EPA+DHA shown 2901");
	is_int(j[NT_EPA_DHA].percent, 1160, "EPA+DHA 1160%%");
	is_int(j[NT_EPA_DHA].level, NT_LEVEL_OK, "EPA+DHA ok");
	is_num(j[NT_ENERGY].intake, 529, TOL, "energy shown 529");
	is_int(j[NT_ENERGY].level, NT_LEVEL_NONE, "energy has no target: level none");
	is_int(j[NT_ENERGY].percent, -1, "... percent -1");
	ok(isnan(j[NT_ENERGY].target), "... target NAN");
	ok(j[NT_B12_ADDED].partial, "added B12 judged partial");
	is_num(j[NT_B12_ADDED].intake, 0, 0, "... shown 0.00");
}

/* Judges one hand-made value of measure m (everything else unknown). */
static struct nt_judgement
judge1(enum nt_measure m, double v)
{
	struct nt_amounts a;
	struct nt_judgement j[NT_MEASURE_COUNT];

	nt_amounts_unknown(&a);
	a.v[m] = v;
	nt_judge(&a, true, &tg, j);
	return j[m];
}

#define JUDGE(m, v, shown, pct, lvl) do { \
	struct nt_judgement j_ = judge1(m, v); \
	is_num(j_.intake, shown, 1e-12, "%s %.10g shows as %g", nt_measure_name(m), \
	       (double)(v), (double)(shown)); \
	is_int(j_.percent, pct, "... %d%%", pct); \
	is_int(j_.level, lvl, "... %s", nt_level_name(lvl)); \
} while (0)

static void
test_rounding(void)
{
	/*
	 * The shown value decides: B12 has 2 decimals, omega-3 2, potassium 0,
	 * EPA+DHA 0.  Percent = floor(100 x shown / target).
	 *   2.395 -> 2.40 = 2.4: 100%, ok (never "100% low")
	 *   2.394 -> 2.39: floor(239 / 2.4) = floor(99.58) = 99, low
	 *   2.4 exactly: 100, ok;  3.599 -> 3.60: 150, ok
	 *   1.199 -> 1.20: 50;  1.19: floor(119 / 2.4) = floor(49.58) = 49
	 *   0 logged: 0%, low
	 *   K 2599.5 -> 2600: 100, ok;  2599.4 -> 2599: floor(99.96) = 99, low
	 *   omega-3 1.095 -> 1.10: 100, ok;  1.0949 -> 1.09: floor(99.09) = 99, low
	 *   EPA+DHA 249.5 -> 250: 100, ok;  249.49 -> 249: 99, low
	 */
	JUDGE(NT_B12, 2.395, 2.40, 100, NT_LEVEL_OK);
	JUDGE(NT_B12, 2.394, 2.39, 99, NT_LEVEL_LOW);
	JUDGE(NT_B12, 2.4, 2.40, 100, NT_LEVEL_OK);
	JUDGE(NT_B12, 3.599, 3.60, 150, NT_LEVEL_OK);
	JUDGE(NT_B12, 1.199, 1.20, 50, NT_LEVEL_LOW);
	JUDGE(NT_B12, 1.19, 1.19, 49, NT_LEVEL_LOW);
	JUDGE(NT_B12, 0, 0, 0, NT_LEVEL_LOW);
	JUDGE(NT_POTASSIUM, 2599.5, 2600, 100, NT_LEVEL_OK);
	JUDGE(NT_POTASSIUM, 2599.4, 2599, 99, NT_LEVEL_LOW);
	JUDGE(NT_OMEGA3, 1.095, 1.10, 100, NT_LEVEL_OK);
	JUDGE(NT_OMEGA3, 1.0949, 1.09, 99, NT_LEVEL_LOW);
	JUDGE(NT_EPA_DHA, 249.5, 250, 100, NT_LEVEL_OK);
	JUDGE(NT_EPA_DHA, 249.49, 249, 99, NT_LEVEL_LOW);

	/* Unknown intake on a logged day; not logged at all. */
	{
		struct nt_amounts a;
		struct nt_judgement j[NT_MEASURE_COUNT];

		nt_amounts_unknown(&a);
		nt_judge(&a, true, &tg, j);
		ok(isnan(j[NT_B12].intake), "unknown intake stays NAN");
		is_int(j[NT_B12].level, NT_LEVEL_UNKNOWN, "... level unknown");
		is_int(j[NT_B12].percent, -1, "... percent -1");
		ok(!j[NT_B12].partial, "... not partial");
		is_int(j[NT_ENERGY].level, NT_LEVEL_NONE, "... no target: none");

		nt_amounts_zero(&a); /* zeros, but not logged */
		nt_judge(&a, false, &tg, j);
		ok(isnan(j[NT_B12].intake), "not logged: intake NAN even if values are 0");
		is_int(j[NT_B12].level, NT_LEVEL_UNKNOWN, "not logged: level unknown");
		is_int(j[NT_POTASSIUM].level, NT_LEVEL_UNKNOWN, "not logged: potassium unknown");
		is_int(j[NT_ENERGY].level, NT_LEVEL_NONE, "not logged, no target: none");
	}
	is_str(nt_level_name(NT_LEVEL_NONE), "", "level name ''");
	is_str(nt_level_name(NT_LEVEL_OK), "ok", "level name ok");
	is_str(nt_level_name(NT_LEVEL_LOW), "low", "level name low");
	is_str(nt_level_name(NT_LEVEL_UNKNOWN), "unknown", "level name unknown");
}

static void
test_unknown_partial(void)
{
	long p_day = nt_date_from_ymd(2026, 3, 2); /* Monday, ISO week 10 */
	long u_day = p_day + 1, empty = p_day + 2;
	struct nt_day_total d, three[3];
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_err err;

	/*
	 * Partial day: egg 100 g + margarine 10 g.
	 *   B12 0.89 + unknown = 0.89, partial -> 0.89; floor(89 / 2.4) = 37; low
	 *   omega-3 0.101 + (1.957 + 0 + 0 + 0.006) x 0.1 = 0.101 + 0.1963 = 0.2973
	 *     (all four parts known for both: not partial) -> 0.30; floor(30 / 1.1) = 27
	 *   K 138 + 18 x 0.1 = 139.8
	 */
	add(p_day, NT_BREAKFAST, "sr28:01123", 100);
	add(p_day, NT_BREAKFAST, "sr28:04628", 10);
	d = day_total(p_day);
	is_num(d.total.v[NT_B12], 0.89, TOL, "partial day: B12 0.89 from the egg");
	ok(PARTIAL(&d.total, NT_B12), "... partial (margarine's B12 is unknown)");
	is_num(d.total.v[NT_OMEGA3], 0.2973, TOL, "... omega-3 0.2973");
	ok(!PARTIAL(&d.total, NT_OMEGA3), "... omega-3 complete");
	is_num(d.total.v[NT_POTASSIUM], 139.8, TOL, "... potassium 139.8");
	nt_judge(&d.total, true, &tg, j);
	ok(j[NT_B12].partial, "judged B12 partial");
	is_int(j[NT_B12].level, NT_LEVEL_LOW, "... low");
	is_int(j[NT_B12].percent, 37, "... 37%%");
	ok(!j[NT_OMEGA3].partial, "omega-3 not partial");
	is_int(j[NT_OMEGA3].percent, 27, "omega-3 27%%");

	/*
	 * Unknown day: coriander seed 5 g + label:1 10 g; neither has any
	 * omega-3 value.
	 *   omega-3, ALA, EPA+DHA: unknown (NAN), level unknown, not partial
	 *   B12 0.00 x 0.05 + 150 x 0.1 = 15 -> ok
	 *   K 1267 x 0.05 + unknown = 63.35, partial -> 63; floor(6300/2600) = 2
	 */
	add(u_day, NT_SNACK, "sr28:02013", 5);
	add(u_day, NT_SNACK, "label:1", 10);
	d = day_total(u_day);
	is_int(d.entries, 2, "unknown day: 2 entries");
	ok(isnan(d.total.v[NT_OMEGA3]), "... omega-3 unknown");
	ok(isnan(d.total.v[NT_EPA_DHA]), "... EPA+DHA unknown");
	ok(!PARTIAL(&d.total, NT_OMEGA3), "... unknown is not partial");
	is_num(d.total.v[NT_B12], 15, TOL, "... B12 15");
	is_num(d.total.v[NT_POTASSIUM], 63.35, TOL, "... potassium 63.35");
	ok(PARTIAL(&d.total, NT_POTASSIUM), "... potassium partial (yeast unknown)");
	nt_judge(&d.total, d.entries > 0, &tg, j);
	is_int(j[NT_OMEGA3].level, NT_LEVEL_UNKNOWN, "omega-3 level unknown");
	is_int(j[NT_OMEGA3].percent, -1, "... percent -1");
	ok(!j[NT_OMEGA3].partial, "... not partial");
	is_int(j[NT_EPA_DHA].level, NT_LEVEL_UNKNOWN, "EPA+DHA level unknown");
	is_int(j[NT_ALA].level, NT_LEVEL_UNKNOWN, "ALA level unknown");
	is_int(j[NT_B12].level, NT_LEVEL_OK, "B12 ok");
	is_int(j[NT_POTASSIUM].percent, 2, "potassium 2%%");
	ok(j[NT_POTASSIUM].partial, "potassium partial");

	/* Empty day: not logged, not zero. */
	d = day_total(empty);
	is_int(d.entries, 0, "empty day: 0 entries");
	{
		bool all_nan = true;

		for (int m = 0; m < NT_MEASURE_COUNT; m++)
			all_nan = all_nan && isnan(d.total.v[m]);
		ok(all_nan, "... every total unknown");
	}
	is_int(d.total.partial, 0, "... nothing partial");
	nt_judge(&d.total, d.entries > 0, &tg, j);
	is_int(j[NT_B12].level, NT_LEVEL_UNKNOWN, "... B12 unknown (not 0%% low)");
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_UNKNOWN, "... potassium unknown");

	/* Several days at once. */
	is_int(nt_analysis_days(s, p_day - 1, 3, three, &err), NT_OK, "three days from Sunday");
	ok(three[0].entries == 0 && three[1].entries == 2 && three[2].entries == 2,
	   "... entries 0, 2, 2");
	ok(three[0].day == p_day - 1 && three[2].day == u_day, "... days in order");
	is_num(three[1].total.v[NT_B12], 0.89, TOL, "... same totals as one by one");
	is_int(nt_analysis_days(s, p_day, 0, three, &err), NT_OK, "n = 0 is fine");
}

static void
test_week(void)
{
	long mon = nt_date_from_ymd(2026, 3, 9), wed = mon + 2, sun = mon + 6;
	struct nt_week w;
	struct nt_err err;
	int logged;

	/* 2026-01-01 is a Thursday, so ISO week 1 starts Monday 2025-12-29;
	 * 2026-03-09 is 70 days = 10 weeks later: a Monday, week 11. */
	is_int(nt_date_weekday(mon), 0, "2026-03-09 is a Monday");

	/*
	 * Monday: banana 118 g + egg 50 g; Wednesday: salmon 85 g (3 oz).
	 * Mon B12 0 + 0.89 x 0.5 = 0.445; K 422.44 + 138 x 0.5 = 491.44;
	 *     omega-3 0.027 x 1.18 + 0.101 x 0.5 = 0.03186 + 0.0505 = 0.08236;
	 *     EPA+DHA 0 + 58 x 0.5 = 29 mg; added B12 0 + 0 = 0
	 * Wed B12 3.18 x 0.85 = 2.703; K 490 x 0.85 = 416.5;
	 *     omega-3 2.018 x 0.85 = 1.7153; EPA+DHA 1436 x 0.85 = 1220.6 mg;
	 *     added B12 unknown
	 * Mean over the 2 logged days (not 7):
	 *   B12 (0.445 + 2.703) / 2 = 1.574 -> 1.57; floor(157 / 2.4) = 65, low
	 *   K (491.44 + 416.5) / 2 = 453.97 -> 454; floor(45400 / 2600) = 17, low
	 *   omega-3 (0.08236 + 1.7153) / 2 = 0.89883 -> 0.90; floor(90 / 1.1) = 81, low
	 *   EPA+DHA (29 + 1220.6) / 2 = 624.8 -> 625; floor(62500 / 250) = 250, ok
	 *   added B12: only Monday knows it (Wednesday's salmon has none): 0 / 1
	 *   day = 0, complete (Wednesday is left out, not counted as zero)
	 */
	add(mon, NT_BREAKFAST, "sr28:09040", 118);
	add(mon, NT_LUNCH, "sr28:01123", 50);
	add(wed, NT_DINNER, "sr28:15076", 85);

	is_int(nt_analysis_week(s, wed, &tg, &w, &err), NT_OK, "week of Wednesday 2026-03-11");
	is_int(w.start, mon, "starts Monday 2026-03-09");
	is_int(w.iso_year, 2026, "ISO year 2026");
	is_int(w.iso_week, 11, "ISO week 11");
	is_int(w.days_logged, 2, "2 days logged");
	for (int i = 0; i < 7; i++)
		is_int(w.days[i].day, mon + i, "day %d is start + %d", i, i);
	ok(w.days[0].entries == 2 && w.days[1].entries == 0 && w.days[2].entries == 1 &&
	   w.days[6].entries == 0, "entries per day 2, 0, 1, ..., 0");
	is_num(w.average.v[NT_B12], 1.574, TOL, "mean B12 1.574 (over 2 days)");
	is_num(w.average.v[NT_POTASSIUM], 453.97, TOL, "mean potassium 453.97");
	is_num(w.average.v[NT_OMEGA3], 0.89883, TOL, "mean omega-3 0.89883");
	is_num(w.average.v[NT_EPA_DHA], 624.8, 1e-6, "mean EPA+DHA 624.8");
	is_num(w.average.v[NT_B12_ADDED], 0, TOL, "mean added B12 0");
	ok(!PARTIAL(&w.average, NT_B12_ADDED), "... not partial (Wednesday's unknown left out)");
	is_int(w.days_known[NT_B12_ADDED], 1, "... over 1 day (Monday)");
	is_int(w.days_known[NT_B12], 2, "B12 over both logged days");
	ok(!PARTIAL(&w.average, NT_B12), "B12 not partial");
	is_num(w.avg[NT_B12].intake, 1.57, TOL, "judged B12 1.57");
	is_int(w.avg[NT_B12].percent, 65, "... 65%%");
	is_int(w.avg[NT_B12].level, NT_LEVEL_LOW, "... low");
	is_num(w.avg[NT_POTASSIUM].intake, 454, TOL, "judged potassium 454");
	is_int(w.avg[NT_POTASSIUM].percent, 17, "... 17%%");
	is_num(w.avg[NT_OMEGA3].intake, 0.90, TOL, "judged omega-3 0.90");
	is_int(w.avg[NT_OMEGA3].percent, 81, "... 81%%");
	is_int(w.avg[NT_OMEGA3].level, NT_LEVEL_LOW, "... low");
	is_num(w.avg[NT_EPA_DHA].intake, 625, TOL, "judged EPA+DHA 625");
	is_int(w.avg[NT_EPA_DHA].percent, 250, "... 250%%");
	is_int(w.avg[NT_EPA_DHA].level, NT_LEVEL_OK, "... ok");

	/* The same week from its Monday and its Sunday. */
	nt_analysis_week(s, mon, &tg, &w, &err);
	ok(w.start == mon && w.days_logged == 2, "week of the Monday: same week");
	nt_analysis_week(s, sun, &tg, &w, &err);
	ok(w.start == mon && w.days_logged == 2 && w.iso_week == 11,
	   "week of Sunday 2026-03-15 starts the Monday before (2026-03-09)");
	is_int(nt_date_weekday(sun), 6, "2026-03-15 is a Sunday");

	/* Week 10 (2026-03-02..08): the partial and unknown days of
	 * test_unknown_partial.  A measure is averaged over the logged days
	 * that have it: omega-3 is known only on Monday, 0.2973 / 1 = 0.2973,
	 * complete (Monday was; Tuesday is left out, not zero) -> 0.30,
	 * floor(30 / 1.1) = 27%, low.  B12 on both days, (0.89 + 15) / 2 =
	 * 7.945, partial (Monday was).  EPA+DHA Monday 58 + 0 (margarine
	 * EPA/DHA 0.000) = 58, Tuesday unknown: 58 / 1 = 58, complete.
	 * Potassium both days: (139.8 + 63.35) / 2 = 101.575, partial
	 * (Tuesday's yeast has none): a partial day counts. */
	nt_analysis_week(s, nt_date_from_ymd(2026, 3, 8), &tg, &w, &err);
	is_int(w.start, nt_date_from_ymd(2026, 3, 2), "Sunday 2026-03-08: week from 2026-03-02");
	is_int(w.iso_week, 10, "... ISO week 10");
	is_int(w.days_logged, 2, "... 2 days logged");
	is_num(w.average.v[NT_OMEGA3], 0.2973, TOL, "... omega-3 over the one day that has it");
	is_int(w.days_known[NT_OMEGA3], 1, "... 1 of 2 days");
	ok(!PARTIAL(&w.average, NT_OMEGA3), "... complete: the unknown day is left out");
	is_num(w.average.v[NT_B12], 7.945, TOL, "... B12 mean 7.945");
	is_int(w.days_known[NT_B12], 2, "... over 2 days");
	ok(PARTIAL(&w.average, NT_B12), "... partial: a logged day had it partial");
	is_num(w.average.v[NT_EPA_DHA], 58, TOL, "... EPA+DHA 58 / 1 = 58");
	is_int(w.days_known[NT_EPA_DHA], 1, "... 1 of 2 days");
	ok(!PARTIAL(&w.average, NT_EPA_DHA), "... complete");
	is_num(w.average.v[NT_POTASSIUM], 101.575, TOL, "... potassium (139.8 + 63.35) / 2");
	is_int(w.days_known[NT_POTASSIUM], 2, "... a partial day counts: 2 days");
	ok(PARTIAL(&w.average, NT_POTASSIUM), "... partial");
	ok(!w.avg[NT_OMEGA3].partial, "judged omega-3 complete");
	is_num(w.avg[NT_OMEGA3].intake, 0.30, TOL, "judged omega-3 0.30");
	is_int(w.avg[NT_OMEGA3].percent, 27, "... 27%% (the same average)");
	is_int(w.avg[NT_OMEGA3].level, NT_LEVEL_LOW, "... low");

	/*
	 * Issue 13's week (2026-04-06..12): a banana on Monday, only
	 * nutritional yeast on Tuesday.  Banana fndds:63107010, 126 g: K 326 x
	 * 1.26 = 410.76, B12 0, energy 97 x 1.26 = 122.22; yeast label:1,
	 * 10 g: B12 150 x 0.1 = 15, protein 5, potassium and energy unknown.
	 *   K: Tuesday left out: 410.76 / 1 (not / 2 = 205) -> 411;
	 *      floor(41100 / 2600) = 15%, low; complete
	 *   B12 (0 + 15) / 2 = 7.5 over 2 days; floor(750 / 2.4) = 312%, ok
	 *   energy 122.22 / 1; protein (0.74 x 1.26 + 5) / 2 = 2.9662
	 */
	{
		long m6 = nt_date_from_ymd(2026, 4, 6);

		add(m6, NT_SNACK, "fndds:63107010", 126);
		add(m6 + 1, NT_SNACK, "label:1", 10);
		nt_analysis_week(s, m6, &tg, &w, &err);
		is_int(w.days_logged, 2, "banana and yeast: 2 days logged");
		is_num(w.average.v[NT_POTASSIUM], 410.76, 1e-6, "... potassium 410.76 / 1 day");
		is_int(w.days_known[NT_POTASSIUM], 1, "... 1 of 2 days");
		ok(!PARTIAL(&w.average, NT_POTASSIUM), "... complete");
		is_num(w.avg[NT_POTASSIUM].intake, 411, TOL, "... judged 411");
		is_int(w.avg[NT_POTASSIUM].percent, 15, "... 15%%");
		is_int(w.avg[NT_POTASSIUM].level, NT_LEVEL_LOW, "... low");
		is_num(w.average.v[NT_B12], 7.5, TOL, "... B12 (0 + 15) / 2 = 7.5");
		is_int(w.days_known[NT_B12], 2, "... over 2 days");
		is_int(w.avg[NT_B12].percent, 312, "... 312%%");
		is_num(w.average.v[NT_ENERGY], 122.22, 1e-6, "... energy 122.22 / 1 day");
		is_int(w.days_known[NT_ENERGY], 1, "... 1 day");
		is_num(w.average.v[NT_PROTEIN], 2.9662, 1e-9, "... protein (0.9324 + 5) / 2");
	}

	/* A week with one Sunday entry: salmon 100 g on 2026-03-22. */
	add(nt_date_from_ymd(2026, 3, 22), NT_LUNCH, "sr28:15076", 100);
	nt_analysis_week(s, nt_date_from_ymd(2026, 3, 22), &tg, &w, &err);
	is_int(w.start, nt_date_from_ymd(2026, 3, 16), "Sunday 2026-03-22: week from 2026-03-16");
	is_int(w.days_logged, 1, "... 1 day logged");
	is_int(w.days[6].entries, 1, "... on the seventh day");
	is_num(w.average.v[NT_B12], 3.18, TOL, "... mean B12 3.18 (one day, not / 7)");
	is_int(w.avg[NT_B12].percent, 132, "... floor(318 / 2.4) = floor(132.5) = 132%%");

	/* An empty week. */
	nt_analysis_week(s, nt_date_from_ymd(2026, 3, 23), &tg, &w, &err);
	is_int(w.days_logged, 0, "empty week: 0 days logged");
	ok(isnan(w.average.v[NT_B12]), "... average unknown");
	is_int(w.avg[NT_B12].level, NT_LEVEL_UNKNOWN, "... level unknown");
	is_int(w.avg[NT_ENERGY].level, NT_LEVEL_NONE, "... none without a target");

	/* ISO years: 2027-01-01 (a Friday) is in week 53 of 2026, which
	 * starts Monday 2026-12-28; 2026-01-01 (Thursday) in week 1 of 2026. */
	nt_analysis_week(s, nt_date_from_ymd(2027, 1, 1), &tg, &w, &err);
	ok(w.iso_year == 2026 && w.iso_week == 53, "2027-01-01 is in 2026-W53 (%d-W%d)",
	   w.iso_year, w.iso_week);
	is_int(w.start, nt_date_from_ymd(2026, 12, 28), "... starting 2026-12-28");
	nt_analysis_week(s, nt_date_from_ymd(2026, 1, 1), &tg, &w, &err);
	ok(w.iso_year == 2026 && w.iso_week == 1, "2026-01-01 is in 2026-W1");
	is_int(w.start, nt_date_from_ymd(2025, 12, 29), "... starting 2025-12-29");

	/* nt_analysis_average directly: unlogged days are skipped. */
	{
		struct nt_day_total d[3];
		struct nt_amounts avg;
		int known[NT_MEASURE_COUNT];

		for (int i = 0; i < 3; i++) {
			d[i].day = i;
			d[i].entries = 0;
			nt_amounts_unknown(&d[i].total);
		}
		d[0].entries = 1;
		nt_amounts_zero(&d[0].total);
		d[0].total.v[NT_B12] = 1;
		d[2].entries = 3;
		nt_amounts_zero(&d[2].total);
		d[2].total.v[NT_B12] = 2;
		nt_analysis_average(d, 3, &avg, &logged, known);
		is_int(logged, 2, "average: 2 logged of 3");
		is_num(avg.v[NT_B12], 1.5, TOL, "average: (1 + 2) / 2 = 1.5");
		is_int(known[NT_B12], 2, "... over 2 days");
		is_num(avg.v[NT_POTASSIUM], 0, TOL, "average: known zeros stay 0");
		is_int(known[NT_POTASSIUM], 2, "... and count: 2 days");
		is_int(avg.partial, 0, "average: nothing partial");

		/*
		 * Day 0's potassium unknown, day 2's 300 partial: 300 / 1 = 300,
		 * partial, over 1 day.  Day 0's EPA unknown and day 2's too: the
		 * average is unknown, over 0 days, not partial.
		 */
		d[0].total.v[NT_POTASSIUM] = NT_UNKNOWN;
		d[2].total.v[NT_POTASSIUM] = 300;
		d[2].total.partial = 1u << NT_POTASSIUM;
		d[0].total.v[NT_EPA] = d[2].total.v[NT_EPA] = NT_UNKNOWN;
		nt_analysis_average(d, 3, &avg, &logged, known);
		is_num(avg.v[NT_POTASSIUM], 300, TOL, "unknown day left out: 300 / 1");
		is_int(known[NT_POTASSIUM], 1, "... over 1 of 2 days");
		ok(PARTIAL(&avg, NT_POTASSIUM), "... partial (the day counted was)");
		ok(isnan(avg.v[NT_EPA]), "no day has EPA: unknown");
		is_int(known[NT_EPA], 0, "... over 0 days");
		ok(!PARTIAL(&avg, NT_EPA), "... not partial");
		is_num(avg.v[NT_B12], 1.5, TOL, "B12 unchanged: 1.5 over 2 days");
	}
}

/*
 * Issue 13: only an algae-oil capsule (label:7, 0.6 g) on 2026-05-04.  Its
 * label lists EPA 20.833 and DHA 41.667 g/100 g; the rest reads as 0:
 *   B12 0 -> 0%, LOW (not unknown); potassium 0 -> 0%, LOW
 *   EPA+DHA (20.833 + 41.667) x 0.006 = 0.375 g = 375 mg; 375 / 250 = 150%, ok
 *   omega-3 0 + 0.125 + 0.25 + 0 = 0.375 -> 0.38; floor(38 / 1.1) = 34%, low,
 *     complete (ALA and DPA 0, not unknown)
 */
static void
test_supplement_day(void)
{
	long day = nt_date_from_ymd(2026, 5, 4);
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_day_total d;

	add(day, NT_BREAKFAST, "label:7", 0.6);
	d = day_total(day);
	is_num(d.total.v[NT_B12], 0, 0, "capsule day: B12 0, not unknown");
	is_num(d.total.v[NT_POTASSIUM], 0, 0, "... potassium 0");
	is_num(d.total.v[NT_EPA_DHA], 375, 1e-9, "... EPA+DHA 375 mg");
	is_num(d.total.v[NT_OMEGA3], 0.375, 1e-12, "... omega-3 0.375 g");
	is_int(d.total.partial, 0, "... nothing partial");
	nt_judge(&d.total, true, &tg, j);
	is_int(j[NT_B12].level, NT_LEVEL_LOW, "... B12 low (a shortfall, not unknown)");
	is_int(j[NT_B12].percent, 0, "... 0%%");
	is_int(j[NT_POTASSIUM].level, NT_LEVEL_LOW, "... potassium low");
	is_int(j[NT_EPA_DHA].percent, 150, "... EPA+DHA 150%%");
	is_int(j[NT_OMEGA3].percent, 34, "... omega-3 34%%");
	ok(!j[NT_OMEGA3].partial, "... omega-3 complete");
}

#define ESTIMATED(a, m) (((a)->estimated >> (m)) & 1u)

/*
 * The ALA estimated from 18:3 travels like "partial": banana's ALA is an
 * estimate (ala_from_18_3 1), the egg's measured (0).  Week of Monday
 * 2026-06-01 (ISO week 23):
 *   Mon banana 118 g + egg 50 g: ALA 0.027 x 1.18 + 0.036 x 0.5 = 0.03186 +
 *       0.018 = 0.04986 g, estimated (banana's part); omega-3 0.03186 +
 *       0.101 x 0.5 = 0.08236 g, estimated; EPA+DHA 0 + 58 x 0.5 = 29 mg,
 *       never estimated; B12 0.445, not estimated.
 *   Tue egg 50 g alone: ALA 0.018 g, omega-3 0.0505 g, nothing estimated.
 *   Average omega-3 (0.08236 + 0.0505) / 2 = 0.06643 g, estimated (Monday's
 *   is); EPA+DHA (29 + 29) / 2 = 29 mg, not.
 */
static void
test_estimated(void)
{
	long mon = nt_date_from_ymd(2026, 6, 1), tue = mon + 1;
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_entry_list l;
	struct nt_amounts sum;
	struct nt_day_total d;
	struct nt_week w;
	struct nt_err err;

	add(mon, NT_BREAKFAST, "sr28:09040", 118);
	add(mon, NT_BREAKFAST, "sr28:01123", 50);
	add(tue, NT_LUNCH, "sr28:01123", 50);
	if (nt_journal_day(s, mon, &l, &err))
		tap_bail("day: %s", err.msg);
	is_int(l.n, 2, "estimates: Monday has 2 entries");
	is_int(l.v[0].values.estimated, BIT(NT_ALA) | BIT(NT_OMEGA3),
	       "banana entry: ALA and omega-3 estimated, nothing else");
	is_int(l.v[1].values.estimated, 0, "egg entry: nothing estimated");
	nt_analysis_sum(&l, &sum);
	is_num(sum.v[NT_OMEGA3], 0.08236, TOL, "Monday omega-3 0.03186 + 0.0505 = 0.08236 g");
	ok(ESTIMATED(&sum, NT_ALA), "sum: ALA estimated (one estimated, one measured)");
	ok(ESTIMATED(&sum, NT_OMEGA3), "sum: omega-3 estimated");
	ok(!ESTIMATED(&sum, NT_EPA_DHA), "sum: EPA+DHA never estimated");
	ok(!ESTIMATED(&sum, NT_B12), "sum: B12 not estimated");
	nt_judge(&sum, true, &tg, j);
	ok(j[NT_OMEGA3].estimated, "judgement: omega-3 estimated");
	ok(!j[NT_EPA_DHA].estimated && !j[NT_B12].estimated, "judgement: EPA+DHA, B12 not");
	nt_judge(&sum, false, &tg, j);
	ok(!j[NT_OMEGA3].estimated, "judgement of a day not logged: nothing estimated");
	nt_entry_list_fini(&l);

	d = day_total(mon);
	is_int(d.total.estimated, BIT(NT_ALA) | BIT(NT_OMEGA3),
	       "nt_analysis_days: Monday's ALA and omega-3 estimated");
	d = day_total(tue);
	is_int(d.total.estimated, 0, "nt_analysis_days: Tuesday (egg alone) nothing estimated");
	d = day_total(tue + 1);
	is_int(d.total.estimated, 0, "a day not logged: nothing estimated");

	if (nt_analysis_week(s, mon, &tg, &w, &err))
		tap_bail("week: %s", err.msg);
	is_num(w.average.v[NT_OMEGA3], 0.06643, TOL, "average omega-3 (0.08236 + 0.0505) / 2");
	ok(ESTIMATED(&w.average, NT_OMEGA3), "average omega-3 estimated (Monday's is)");
	ok(!ESTIMATED(&w.average, NT_EPA_DHA), "average EPA+DHA not estimated");
	ok(w.avg[NT_OMEGA3].estimated, "the week's omega-3 judgement estimated");
}

int
main(void)
{
	struct nt_profile p;
	struct nt_err err;

	s = fixture_open(true);
	nt_profile_default(&p);
	if (nt_targets_for(s, &p, &tg, &err))
		tap_bail("targets: %s", err.msg);
	test_day_totals();
	test_rounding();
	test_unknown_partial();
	test_week();
	test_supplement_day();
	test_estimated();
	nt_store_close(s);
	return tap_done();
}
