/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_plan.c - planned days: properties over many profiles, and what a plan must say (plan.h). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "category.h"
#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "plan.h"
#include "tap.h"
#include "target.h"

static struct nt_store *s;

/* A TAP comment: what a failed property was. */
static void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static const enum nt_measure goals[] = {NT_PROTEIN, NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM};

static struct nt_profile
person(enum nt_sex sex, double age, enum nt_stage stage, enum nt_diet diet)
{
	struct nt_profile p;

	nt_profile_default(&p);
	p.is_set = true;
	p.sex = sex;
	p.age_y = age;
	p.stage = stage;
	p.diet = diet;
	return p;
}

/* One integer from the database for a food (class, plan bounds...); -1 if none. */
static double
food_number(const char *sql, long long id)
{
	struct nt_stmt *st = nt_store_stmt(s, sql, NULL);
	double v = -1;

	if (!st)
		tap_bail("prepare %s", sql);
	nt_stmt_bind_int(st, 1, id);
	if (nt_stmt_step(st, NULL) == 1 && !nt_stmt_is_null(st, 0))
		v = nt_stmt_double(st, 0);
	nt_stmt_reset(st);
	return v;
}

/* The measure an explanation names ("of the day's potassium"). */
static int
measure_named(const char *why)
{
	static const struct {
		const char *word;
		enum nt_measure m;
	} w[] = {{"B12", NT_B12},         {"omega-3", NT_OMEGA3}, {"EPA+DHA", NT_EPA_DHA},
	         {"potassium", NT_POTASSIUM}, {"protein", NT_PROTEIN}, {"energy", NT_ENERGY}};
	const char *p = strstr(why, "of the day's ");

	if (!p)
		return -1;
	p += strlen("of the day's ");
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (!strncmp(p, w[i].word, strlen(w[i].word)))
			return (int)w[i].m;
	return -1;
}

/*
 * Every property a plan must have: each day meets every target and the
 * energy band; every food fits the diet, is everyday advice (category.h;
 * a supplement only as a supplement), stays within its portion bounds and
 * comes once a day; no two milks at one meal; breakfast, lunch, dinner
 * and a snack; no food on more than 3 days of any 7; each explanation's
 * percent is the item's share of the finished day.  Returns the failures.
 */
static int
check_plan(const struct nt_plan *pl, const struct nt_profile *p, const char *what)
{
	int bad = 0;

	for (int d = 0; d < pl->ndays; d++) {
		const struct nt_plan_day *pd = &pl->days[d];
		double e = pd->total.v[NT_ENERGY];
		unsigned meals = 0;

		bad += pd->unmet != 0;
		bad += !(e >= pl->energy_lo - 1e-6 && e <= pl->energy_hi + 1e-6);
		for (size_t g = 0; g < sizeof goals / sizeof *goals; g++) {
			double need = pl->need[goals[g]];

			if (nt_known(need) && !(pd->total.v[goals[g]] >= need - 1e-9)) {
				diag("%s day %d: %s %.3f < %.3f", what, d, nt_measure_name(goals[g]),
				     pd->total.v[goals[g]], need);
				bad++;
			}
		}
		for (size_t i = 0; i < pl->n; i++) {
			const struct nt_plan_item *it = &pl->items[i];

			if (it->day != pd->day)
				continue;
			meals |= 1u << it->meal;
			for (size_t k = i + 1; k < pl->n; k++) {
				if (pl->items[k].day != it->day)
					continue;
				if (pl->items[k].food_id == it->food_id) {
					diag("%s day %d: %s twice", what, d, it->ref);
					bad++;
				}
				if (pl->items[k].meal == it->meal && it->role == NT_ROLE_MILK &&
				    pl->items[k].role == NT_ROLE_MILK) {
					diag("%s day %d: two milks at %s", what, d, nt_meal_name(it->meal));
					bad++;
				}
			}
		}
		if (meals != 0xfu) {
			diag("%s day %d: meals %#x", what, d, meals);
			bad++;
		}
	}
	for (size_t i = 0; i < pl->n; i++) {
		const struct nt_plan_item *it = &pl->items[i];
		unsigned tags = 0, cls;
		bool corrected;
		double hi, step;
		int uses = 0, m;

		nt_food_tags(s, it->food_id, &tags, &corrected, NULL);
		if (tags & nt_diet_forbids(p->diet)) {
			diag("%s: %s does not fit the %s diet", what, it->ref, nt_diet_name(p->diet));
			bad++;
		}
		cls = (unsigned)food_number("SELECT class FROM foods WHERE id = ?1", it->food_id);
		if (cls & NT_CLASS_NOT_ADVICE &
		    ~(it->role == NT_ROLE_SUPPLEMENT ? (unsigned)NT_CLASS_SUPPLEMENT : 0u)) {
			diag("%s: %s is not everyday advice (class %u)", what, it->ref, cls);
			bad++;
		}
		/* the bundled list's bounds, at most 3/2 of them for a big eater */
		hi = food_number("SELECT pf.hi * p.grams FROM plan_foods pf JOIN portions p"
		                 " ON p.food = pf.food AND p.seq = pf.portion_seq WHERE pf.food = ?1",
		                 it->food_id);
		step = food_number("SELECT pf.step * p.grams FROM plan_foods pf JOIN portions p"
		                   " ON p.food = pf.food AND p.seq = pf.portion_seq WHERE pf.food = ?1",
		                   it->food_id);
		if (hi > 0 && !it->yours &&
		    (it->grams > 1.5 * hi + 1e-6 ||
		     fabs(it->grams / step - round(it->grams / step)) > 1e-6)) {
			diag("%s: %s %.1f g is not whole steps of %.1f g up to %.1f g", what, it->ref,
			     it->grams, step, 1.5 * hi);
			bad++;
		}
		if (it->role == NT_ROLE_SUPPLEMENT && it->count != 1) {
			diag("%s: %s %g units", what, it->ref, it->count);
			bad++;
		}
		/* any 7 days running (the plan's own days) */
		for (size_t k = 0; k < pl->n; k++)
			uses += pl->items[k].food_id == it->food_id && pl->items[k].day >= it->day &&
			        pl->items[k].day < it->day + 7;
		if (it->role != NT_ROLE_SUPPLEMENT && uses > NT_PLAN_WEEKLY_MAX) {
			diag("%s: %s on %d days of 7", what, it->ref, uses);
			bad++;
		}
		/* porridges and starches by kind (the name's first word: rice, pasta) */
		if (it->role == NT_ROLE_PORRIDGE || it->role == NT_ROLE_STARCH) {
			uses = 0;
			for (long day = it->day; day < it->day + 7; day++) {
				bool on = false;

				for (size_t k = 0; k < pl->n; k++)
					on |= pl->items[k].day == day && pl->items[k].role == it->role &&
					      !strncasecmp(pl->items[k].name, it->name, 4);
				uses += on;
			}
			if (uses > NT_PLAN_WEEKLY_MAX) {
				diag("%s: %.4s... on %d days of 7", what, it->name, uses);
				bad++;
			}
		}
		/* "gives N% of the day's X": N is floor(100 x item / day) */
		if ((m = measure_named(it->why)) >= 0) {
			const struct nt_plan_day *pd = &pl->days[it->day - pl->days[0].day];
			int n = atoi(it->why + strlen("gives "));
			int want = (int)floor(100 * it->adds.v[m] / pd->total.v[m] + 1e-9);

			if (strncmp(it->why, "gives ", 6) || n != want) {
				diag("%s: %s says '%s', the day says %d%%", what, it->ref, it->why, want);
				bad++;
			}
		} else if (it->role != NT_ROLE_SUPPLEMENT) {
			diag("%s: %s explains nothing: '%s'", what, it->ref, it->why);
			bad++;
		}
	}
	return bad;
}

/* Plans every profile of the list for `days` days and checks every property. */
static void
sweep(const struct nt_profile *who, size_t n, int days, long first)
{
	for (size_t i = 0; i < n; i++) {
		struct nt_targets t;
		struct nt_plan pl;
		struct nt_err err;
		char what[96];
		int bad;

		snprintf(what, sizeof what, "%s %g %s %s", nt_sex_name(who[i].sex), who[i].age_y,
		         nt_stage_name(who[i].stage), nt_diet_name(who[i].diet));
		if (nt_targets_for(s, &who[i], &t, &err) ||
		    nt_plan_days(s, &who[i], &t, first, days, &pl, &err)) {
			ok(false, "%s: %s", what, err.msg);
			continue;
		}
		bad = check_plan(&pl, &who[i], what);
		is_int(bad, 0, "%s, %d days: every property holds", what, days);
		nt_plan_fini(&pl);
	}
}

static void
test_sweep(long first)
{
	static const struct {
		enum nt_sex sex;
		double age;
		enum nt_stage stage;
	} rows[] = {
		{NT_SEX_FEMALE, 1, NT_STAGE_NONE},      {NT_SEX_MALE, 3, NT_STAGE_NONE},
		{NT_SEX_FEMALE, 6, NT_STAGE_NONE},      {NT_SEX_MALE, 10, NT_STAGE_NONE},
		{NT_SEX_FEMALE, 15, NT_STAGE_NONE},     {NT_SEX_MALE, 17, NT_STAGE_NONE},
		{NT_SEX_FEMALE, 34, NT_STAGE_NONE},     {NT_SEX_MALE, 45, NT_STAGE_NONE},
		{NT_SEX_FEMALE, 60, NT_STAGE_NONE},     {NT_SEX_MALE, 80, NT_STAGE_NONE},
		{NT_SEX_FEMALE, 17, NT_STAGE_PREGNANT}, {NT_SEX_FEMALE, 28, NT_STAGE_PREGNANT},
		{NT_SEX_FEMALE, 32, NT_STAGE_LACTATING},
	};
	struct nt_profile who[3 * sizeof rows / sizeof *rows];
	size_t n = 0;
	/* NT_PLAN_SWEEP_DAYS (tests/slow/plans.sh): the same profiles, longer */
	const char *env = getenv("NT_PLAN_SWEEP_DAYS");
	int days = env ? atoi(env) : 2;

	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++)
		for (int d = 0; d < 3; d++)
			who[n++] = person(rows[r].sex, rows[r].age, rows[r].stage, (enum nt_diet)d);
	sweep(who, n, days < 1 || days > NT_PLAN_DAYS_MAX ? 2 : days, first);
}

/* A vegan week: the algae capsule daily, no B12 tablet (fortified foods do). */
static void
test_vegan_week(long first)
{
	struct nt_profile p = person(NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN);
	struct nt_targets t;
	struct nt_plan pl;
	struct nt_err err;
	int capsules = 0, tablets = 0, fortified_b12 = 0;

	nt_targets_for(s, &p, &t, NULL);
	is_int(nt_plan_days(s, &p, &t, first, 7, &pl, &err), NT_OK, "a vegan week");
	is_int(check_plan(&pl, &p, "vegan week"), 0, "the week has every property");
	/* 354 - 6.91 x 34 + 1.12 x (9.36 x 57 + 726 x 1.63) = 2041.988 kcal */
	is_num(pl.eer_kcal, 2041.988, 1e-6, "the energy requirement of the reference woman");
	is_num(pl.energy_lo, 0.9 * 2041.988, 1e-6, "the band: 90%");
	is_num(pl.need[NT_PROTEIN], 46, 0, "protein RDA 46 g");
	for (size_t i = 0; i < pl.n; i++) {
		capsules += !strcmp(pl.items[i].ref, "label:7");
		tablets += !strncmp(pl.items[i].ref, "label:", 6) && strcmp(pl.items[i].ref, "label:7") &&
		           pl.items[i].role == NT_ROLE_SUPPLEMENT;
		fortified_b12 += pl.items[i].adds.v[NT_B12] > 0;
		if (!strcmp(pl.items[i].ref, "label:7") && i == 0)
			ok(strstr(pl.items[i].why, "one capsule a day, because the foods that fit the "
			                           "vegan diet") &&
			   strstr(pl.items[i].why, "(target 250 mg)"),
			   "the capsule says why: %s", pl.items[i].why);
	}
	is_int(capsules, 7, "one algae-oil capsule each day (no vegan food has EPA+DHA enough)");
	/* the checks have teeth: a portion 10 times too big, a wrong percent */
	{
		struct nt_plan_item keep = pl.items[1];

		pl.items[1].grams *= 10;
		ok(check_plan(&pl, &p, "(a portion broken on purpose)") > 0,
		   "a portion out of bounds is caught");
		pl.items[1] = keep;
		pl.items[1].why = (char *)"gives 99% of the day's protein";
		ok(check_plan(&pl, &p, "(an explanation broken on purpose)") > 0,
		   "a wrong percent is caught");
		pl.items[1] = keep;
	}
	is_int(tablets, 0, "no B12 tablet: fortified foods reach 2.4 ug");
	ok(fortified_b12 >= 7, "B12 comes from foods every day (%d items)", fortified_b12);
	nt_plan_fini(&pl);
}

/* Without fortified foods a vegan needs a B12 tablet; without the capsule, EPA+DHA is unmet. */
static void
test_supplements(long first)
{
	static const char *const words[] = {"Cereal", "milk", "Nutritional yeast", "Yogurt",
	                                    "Oatmeal", NULL};
	struct nt_profile p = person(NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN);
	struct nt_targets t;
	struct nt_plan pl;
	struct nt_err err;
	long long ids[8], algae;
	size_t n = 0;
	int tablets = 0;

	nt_targets_for(s, &p, &t, NULL);
	/* every vegan B12 food of the list is a cereal, a plant milk, yogurt or yeast */
	for (size_t i = 0; words[i]; i++)
		nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, words[i], &ids[n++], NULL);
	is_int(nt_plan_days(s, &p, &t, first, 2, &pl, &err), NT_OK, "a vegan plan without them");
	is_int(check_plan(&pl, &p, "no fortified foods"), 0, "still every property");
	for (size_t i = 0; i < pl.n; i++)
		if (!strcmp(pl.items[i].ref, "label:2")) {
			const char *most = strstr(pl.items[i].why, "at most ");
			double v = 99;

			tablets++;
			/* the most is the LP bound of what is left (bread, tempeh and
			 * the like carry traces), well under the 2.4 ug */
			if (most)
				sscanf(most, "at most %lf", &v);
			ok(strstr(pl.items[i].why, "one tablet a day, because the foods that fit the "
			                           "vegan diet and your exclusions give") &&
			   v < 2.4 && strstr(pl.items[i].why, "ug B12 a day (target 2.40 ug)"),
			   "the tablet says why: %s", pl.items[i].why);
		}
	is_int(tablets, 2, "one 25 ug B12 tablet a day");
	nt_plan_fini(&pl);
	for (size_t i = 0; i < n; i++)
		nt_exclusion_remove(s, ids[i], NULL);

	nt_food_resolve(s, "label:7", &algae, NULL);
	nt_exclusion_add(s, NT_EXCLUDE_FOOD, algae, NULL, &ids[0], NULL);
	is_int(nt_plan_days(s, &p, &t, first, 1, &pl, &err), NT_OK, "planned without algae oil");
	is_int(pl.days[0].unmet, 1u << NT_EPA_DHA, "EPA+DHA is the one target not met");
	ok(strstr(pl.days[0].reason, "EPA+DHA: the foods that fit the vegan diet and the "
	                             "exclusions give at most") &&
	   strstr(pl.days[0].reason, "(250 mg needed)"),
	   "and the reason names it: %s", pl.days[0].reason);
	ok(pl.n >= 8 && pl.days[0].total.v[NT_B12] >= 2.4 && pl.days[0].total.v[NT_POTASSIUM] >= 2600,
	   "the rest of the day is still planned and met");
	nt_plan_fini(&pl);
	nt_exclusion_remove(s, ids[0], NULL);
}

/* What is on a day counts; the foods eaten before weigh on variety. */
static void
test_journal(long first)
{
	struct nt_profile p = person(NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN);
	struct nt_targets t;
	struct nt_plan pl;
	struct nt_err err;
	long long soy, apple, id;
	bool at_breakfast = false, soy_day1 = false, apple_seen = false, apple_elsewhere = false;

	nt_targets_for(s, &p, &t, NULL);
	nt_food_resolve(s, "fndds:11320100", &soy, NULL);
	/* soy milk on the 6 days before: on 3 of any 7 already, not on day 1 */
	for (int d = 1; d <= 6; d++)
		nt_journal_add(s, first - d, NT_BREAKFAST, soy, "1 cup", 244000, &id, NULL);
	/* a breakfast already planned on day 1 is left as it is */
	nt_journal_plan(s, first, NT_BREAKFAST, soy, "1 cup", 244000, &id, NULL);
	/* Apples, raw, with skin (sr28:09003, not in the bundled list), eaten at
	 * lunch 5 times: the user's food, at the meal it is eaten at */
	nt_food_resolve(s, "sr28:09003", &apple, NULL);
	for (int d = 10; d < 15; d++)
		nt_journal_add(s, first - d, NT_LUNCH, apple, "1 medium", 182000, &id, NULL);
	is_int(nt_plan_days(s, &p, &t, first, 7, &pl, &err), NT_OK, "a week after a journal");
	for (size_t i = 0; i < pl.n; i++) {
		const struct nt_plan_item *it = &pl.items[i];

		at_breakfast |= it->day == first && it->meal == NT_BREAKFAST;
		soy_day1 |= it->day == first && it->food_id == soy;
		if (it->food_id == apple) {
			apple_seen = true;
			/* in steps of what was logged: 1 or 2 medium, 182 g each */
			apple_elsewhere |= it->meal != NT_LUNCH || !it->yours ||
			                   strcmp(it->unit, "medium") || (it->count != 1 && it->count != 2) ||
			                   fabs(it->grams - 182 * it->count) > 1e-9;
		}
	}
	ok(!at_breakfast, "day 1's breakfast is already there: nothing added to it");
	ok(!soy_day1, "soy milk was on the 6 days before: not planned on day 1");
	/* 0.95 ug B12 of the planned cup counts in the day's total */
	ok(pl.days[0].total.v[NT_B12] >= 2.4, "day 1 meets B12 with what it held");
	ok(apple_seen, "the apple the user eats comes in within the week");
	ok(!apple_elsewhere, "at lunch, as the user eats it, in steps of 1 medium (182 g)");
	nt_plan_fini(&pl);
}

static void
test_shopping_and_accept(long first)
{
	struct nt_profile p = person(NT_SEX_MALE, 70, NT_STAGE_NONE, NT_DIET_OMNIVORE);
	struct nt_targets t;
	struct nt_plan pl, again;
	struct nt_plan_buy *b;
	struct nt_entry_list l;
	struct nt_err err;
	size_t n;
	int count, mismatch = 0;
	double grams = 0, bought = 0;

	nt_targets_for(s, &p, &t, NULL);
	is_int(nt_plan_days(s, &p, &t, first, 3, &pl, &err), NT_OK, "an omnivore's three days");
	is_int(check_plan(&pl, &p, "omnivore 70"), 0, "every property");
	nt_plan_days(s, &p, &t, first, 3, &again, &err);
	for (size_t i = 0; i < pl.n && pl.n == again.n; i++)
		mismatch += pl.items[i].food_id != again.items[i].food_id ||
		            pl.items[i].grams != again.items[i].grams;
	ok(pl.n == again.n && !mismatch, "the same plan twice (no clock, no randomness)");
	nt_plan_fini(&again);

	is_int(nt_plan_shopping(&pl, &b, &n, &err), NT_OK, "a shopping list");
	for (size_t i = 0; i < pl.n; i++)
		grams += pl.items[i].grams;
	for (size_t i = 0; i < n; i++) {
		double g = 0, c = 0;
		int days = 0;

		bought += b[i].grams;
		for (size_t k = 0; k < pl.n; k++)
			if (pl.items[k].food_id == b[i].food_id) {
				g += pl.items[k].grams;
				c += pl.items[k].count;
				days++;
			}
		mismatch += fabs(g - b[i].grams) > 1e-9 || fabs(c - b[i].count) > 1e-9 ||
		            days != b[i].days;
	}
	is_int(mismatch, 0, "each line sums its food's grams, household amounts and days");
	is_num(bought, grams, 1e-6, "the list weighs what the plan does");
	free(b);

	is_int(nt_plan_accept(s, &pl, &count, &err), NT_OK, "accept");
	is_int(count, (long long)pl.n, "one planned entry per item");
	nt_journal_day(s, first + 1, &l, &err);
	{
		size_t want = 0;

		for (size_t i = 0; i < pl.n; i++)
			want += pl.items[i].day == first + 1;
		is_int((long long)l.n, (long long)want, "day 2 holds its items");
	}
	is_int(nt_analysis_eaten(&l), 0, "all planned, none eaten");
	nt_entry_list_fini(&l);
	nt_plan_fini(&pl);
}

static void
test_amount_text(void)
{
	char buf[64];

	nt_plan_amount_text(1.5, "cup", buf, sizeof buf);
	is_str(buf, "1 1/2 cups", "1.5 cup -> 1 1/2 cups");
	nt_plan_amount_text(0.5, "cup", buf, sizeof buf);
	is_str(buf, "1/2 cup", "0.5 cup -> 1/2 cup");
	nt_plan_amount_text(2, "cup, cooked", buf, sizeof buf);
	is_str(buf, "2 cups, cooked", "the first word takes the plural");
	nt_plan_amount_text(4.5, "oz", buf, sizeof buf);
	is_str(buf, "4 1/2 oz", "4.5 oz");
	nt_plan_amount_text(2, "tablespoon", buf, sizeof buf);
	is_str(buf, "2 tablespoons", "2 tablespoons");
	nt_plan_amount_text(2, "tbsp, ground", buf, sizeof buf);
	is_str(buf, "2 tbsp, ground", "tbsp stays");
	nt_plan_amount_text(1, "medium", buf, sizeof buf);
	is_str(buf, "1 medium", "1 medium");
	nt_plan_amount_text(0.3, "cup", buf, sizeof buf);
	is_str(buf, "0.3 cup", "not a quarter: decimals");
	nt_plan_amount_text(375, "ml", buf, sizeof buf);
	is_str(buf, "375 ml", "a user's 250ml, one and a half times");
}

int
main(void)
{
	long first = nt_date_from_ymd(2026, 6, 1);
	struct nt_profile baby = person(NT_SEX_FEMALE, 0.5, NT_STAGE_NONE, NT_DIET_OMNIVORE);
	struct nt_targets t;
	struct nt_plan pl;
	struct nt_err err;

	s = fixture_open(true);
	test_amount_text();
	test_sweep(first);
	test_vegan_week(first + 100);
	test_supplements(first + 200);
	test_journal(first + 300);
	test_shopping_and_accept(first + 400);

	nt_targets_for(s, &baby, &t, NULL);
	is_int(nt_plan_days(s, &baby, &t, first, 1, &pl, &err), NT_ERR_RANGE, "no plans for babies");
	ok(strstr(err.msg, "breast milk or formula") != NULL, "and says why: %s", err.msg);
	baby.age_y = 30;
	nt_targets_for(s, &baby, &t, NULL);
	is_int(nt_plan_days(s, &baby, &t, first, 0, &pl, &err), NT_ERR_RANGE, "0 days refused");
	is_int(nt_plan_days(s, &baby, &t, first, 29, &pl, &err), NT_ERR_RANGE, "29 days refused");
	nt_store_close(s);
	return tap_done();
}
