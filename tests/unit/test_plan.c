/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_plan.c - planned days meet every target, or say why not (plan.h). */
#include "config.h"

#include <string.h>

#include "analysis.h"
#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "plan.h"
#include "tap.h"
#include "target.h"

static struct nt_store *s;

static const enum nt_measure goals[] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM};

/* Every item fits the diet; every day's total reaches every target. */
static void
check_plan(const struct nt_plan *pl, const struct nt_targets *t, enum nt_diet d,
           const char *what)
{
	bool fits = true, realistic = true;

	for (size_t i = 0; i < pl->n; i++) {
		unsigned tags;
		bool corrected;

		nt_food_tags(s, pl->items[i].food_id, &tags, &corrected, NULL);
		fits &= !(tags & nt_diet_forbids(d));
		realistic &= pl->items[i].grams > 0 && pl->items[i].grams <= 400;
	}
	ok(fits, "%s: every food fits the diet", what);
	ok(realistic, "%s: portions of at most 400 g", what);
	for (int k = 0; k < pl->ndays; k++) {
		int items = 0;

		for (size_t i = 0; i < pl->n; i++)
			items += pl->items[i].day == pl->days[k].day;
		ok(items > 0 && items <= 20, "%s day %d: %d foods", what, k, items);
		is_int(pl->days[k].unmet, 0, "%s day %d: every target met", what, k);
		for (size_t g = 0; g < sizeof goals / sizeof *goals; g++)
			ok(pl->days[k].total.v[goals[g]] >= t->t[goals[g]].value,
			   "%s day %d: %s %.2f >= %.2f", what, k, nt_measure_name(goals[g]),
			   pl->days[k].total.v[goals[g]], t->t[goals[g]].value);
	}
}

int
main(void)
{
	struct nt_profile vegan = {true, NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_profile omni = {true, NT_SEX_MALE, 40, NT_STAGE_NONE, NT_DIET_OMNIVORE,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	long day = nt_date_from_ymd(2026, 6, 1);
	struct nt_targets tv, to;
	struct nt_plan pl;
	struct nt_entry_list l;
	struct nt_err err;
	long long ex;
	int count;
	bool differs = false;

	s = fixture_open(true);
	nt_targets_for(s, &vegan, &tv, NULL);
	nt_targets_for(s, &omni, &to, NULL);

	is_int(nt_plan_days(s, &vegan, &tv, day, 1, &pl, &err), NT_OK, "a vegan day");
	check_plan(&pl, &tv, NT_DIET_VEGAN, "vegan");
	nt_plan_fini(&pl);

	is_int(nt_plan_days(s, &omni, &to, day, 1, &pl, &err), NT_OK, "an omnivore's day");
	check_plan(&pl, &to, NT_DIET_OMNIVORE, "omnivore (men: 1.6 g ALA, 3400 mg K)");
	nt_plan_fini(&pl);

	/* Three days rotate: the second day is not the first again. */
	is_int(nt_plan_days(s, &vegan, &tv, day, 3, &pl, &err), NT_OK, "three vegan days");
	check_plan(&pl, &tv, NT_DIET_VEGAN, "vegan x3");
	for (size_t i = 0; i < pl.n; i++) {
		bool also_first = false;

		if (pl.items[i].day != day + 1)
			continue;
		for (size_t k = 0; k < pl.n; k++)
			also_first |= pl.items[k].day == day && pl.items[k].food_id == pl.items[i].food_id;
		differs |= !also_first;
	}
	ok(differs, "day two brings a food day one did not have");
	nt_plan_fini(&pl);

	/* Without the algae capsule a vegan plan cannot reach 250 mg EPA+DHA: it
	 * says so instead of pretending. */
	{
		long long algae;

		nt_food_resolve(s, "label:7", &algae, NULL);
		nt_exclusion_add(s, NT_EXCLUDE_FOOD, algae, NULL, &ex, NULL);
	}
	is_int(nt_plan_days(s, &vegan, &tv, day, 1, &pl, &err), NT_OK, "planned without algae oil");
	is_int(pl.days[0].unmet, 1u << NT_EPA_DHA, "EPA+DHA is the target not met");
	ok(strstr(pl.days[0].reason, "EPA+DHA") && strstr(pl.days[0].reason, "too little"),
	   "and the reason says why: %s", pl.days[0].reason);
	nt_plan_fini(&pl);
	nt_exclusion_remove(s, ex, NULL);

	/* What is already on the day counts: a day with a whole tablet of 25 ug
	 * B12 needs no more B12. */
	{
		long long tablet, id;

		nt_food_resolve(s, "label:2", &tablet, NULL);
		nt_journal_add(s, day + 10, NT_BREAKFAST, tablet, "1 tablet", 250, &id, NULL);
	}
	is_int(nt_plan_days(s, &vegan, &tv, day + 10, 1, &pl, &err), NT_OK, "topping up a day");
	for (size_t i = 0; i < pl.n; i++)
		ok(!strstr(pl.items[i].why, "b12"), "no item is there for B12: %s", pl.items[i].name);
	nt_plan_fini(&pl);

	/* Accepting writes planned entries, all at once. */
	nt_plan_days(s, &vegan, &tv, day + 20, 1, &pl, &err);
	is_int(nt_plan_accept(s, &pl, &count, &err), NT_OK, "accept");
	is_int(count, (long long)pl.n, "one entry per item");
	nt_journal_day(s, day + 20, &l, &err);
	is_int(l.n, (long long)pl.n, "the day holds them");
	is_int(nt_analysis_eaten(&l), 0, "all planned, none eaten");
	nt_entry_list_fini(&l);
	nt_plan_fini(&pl);

	is_int(nt_plan_days(s, &vegan, &tv, day, 0, &pl, &err), NT_ERR_RANGE, "0 days refused");
	is_int(nt_plan_days(s, &vegan, &tv, day, 29, &pl, &err), NT_ERR_RANGE, "29 days refused");
	nt_store_close(s);
	return tap_done();
}
