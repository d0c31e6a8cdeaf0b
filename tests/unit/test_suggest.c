/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_suggest.c - suggestions that close a gap, for each diet (suggest.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "suggest.h"
#include "tap.h"
#include "target.h"

static struct nt_store *s;

static long long
food(const char *ref)
{
	long long id;

	if (nt_food_resolve(s, ref, &id, NULL) != NT_OK)
		tap_bail("no food %s", ref);
	return id;
}

/* A day's judgement from hand-set intakes (NAN = not logged). */
static void
judged(const struct nt_profile *p, double b12, double omega3, double epa_dha, double k,
       struct nt_judgement j[NT_MEASURE_COUNT])
{
	struct nt_targets t;
	struct nt_amounts a;

	if (nt_targets_for(s, p, &t, NULL) != NT_OK)
		tap_bail("targets");
	nt_amounts_zero(&a);
	a.v[NT_B12] = b12;
	a.v[NT_OMEGA3] = omega3;
	a.v[NT_EPA_DHA] = epa_dha;
	a.v[NT_POTASSIUM] = k;
	nt_judge(&a, true, &t, j);
}

/* Every suggested food fits the diet: its tags include nothing forbidden. */
static bool
all_fit(const struct nt_suggestions *sg, enum nt_diet d)
{
	for (size_t i = 0; i < sg->n; i++) {
		unsigned tags;
		bool corrected;

		if (nt_food_tags(s, sg->v[i].food_id, &tags, &corrected, NULL) != NT_OK ||
		    (tags & nt_diet_forbids(d))) {
			printf("# %s %s does not fit\n", sg->v[i].ref, sg->v[i].name);
			return false;
		}
	}
	return true;
}

static size_t
count_for(const struct nt_suggestions *sg, enum nt_measure m)
{
	size_t n = 0;

	for (size_t i = 0; i < sg->n; i++)
		n += sg->v[i].m == m;
	return n;
}

static void
test_vegan(void)
{
	struct nt_profile p = {true, NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;

	/* Short of everything: B12 0.95 of 2.4, omega-3 0.5 of 1.1, no EPA/DHA,
	 * potassium 1000 of 2600. */
	judged(&p, 0.95, 0.5, 0, 1000, j);
	is_int(nt_suggest(s, &p, j, 3, &sg, NULL), NT_OK, "vegan suggestions");
	is_int(count_for(&sg, NT_B12), 3, "three for B12");
	is_int(count_for(&sg, NT_OMEGA3), 3, "three for omega-3");
	ok(count_for(&sg, NT_EPA_DHA) >= 1, "at least one for EPA+DHA (the algae capsule)");
	is_int(count_for(&sg, NT_POTASSIUM), 3, "three for potassium");
	ok(all_fit(&sg, NT_DIET_VEGAN), "nothing of animal origin");
	for (size_t i = 0; i < sg.n; i++)
		if (sg.v[i].m == NT_B12)
			ok(sg.v[i].fortified, "B12 for a vegan from a fortified food: %s", sg.v[i].name);
	/* label:1, 2 tbsp = 10 g of nutritional yeast at 150 ug/100 g adds 15 ug:
	 * it closes all of the 1.45 ug gap. */
	for (size_t i = 0; i < sg.n; i++)
		if (!strcmp(sg.v[i].ref, "label:1") && sg.v[i].m == NT_B12) {
			is_num(sg.v[i].grams, 10, 1e-9, "nutritional yeast: 2 tbsp = 10 g");
			is_num(sg.v[i].adds, 15, 1e-9, "adds 150 * 0.1 = 15 ug");
			is_num(sg.v[i].gap, 1.45, 1e-9, "of a 2.4 - 0.95 = 1.45 ug gap");
			is_int(sg.v[i].closed_percent, 100, "closing all of it");
			is_str(sg.v[i].amount, "2 tbsp", "in the amount USDA's portion names");
		}
	/* EPA+DHA for a vegan: only the algae-oil capsule, label:7: 0.6 g at
	 * EPA 20.833 + DHA 41.667 g per 100 g = 375 mg. */
	for (size_t i = 0; i < sg.n; i++)
		if (sg.v[i].m == NT_EPA_DHA) {
			is_str(sg.v[i].ref, "label:7", "EPA+DHA from the algae capsule");
			is_num(sg.v[i].adds, 375, 0.01, "375 mg a capsule");
		}
	nt_suggestions_fini(&sg);
}

static void
test_other_diets(void)
{
	struct nt_profile veg = {true, NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGETARIAN,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_profile omni = {true, NT_SEX_MALE, 40, NT_STAGE_NONE, NT_DIET_OMNIVORE,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;
	bool fish = false;

	judged(&veg, 0.5, 0.2, 0, 500, j);
	nt_suggest(s, &veg, j, 5, &sg, NULL);
	ok(sg.n > 0 && all_fit(&sg, NT_DIET_VEGETARIAN), "vegetarian: no meat, fish or shellfish");
	nt_suggestions_fini(&sg);

	judged(&omni, 0.5, 0.2, 0, 500, j);
	nt_suggest(s, &omni, j, 5, &sg, NULL);
	for (size_t i = 0; i < sg.n; i++) {
		unsigned tags;
		bool corrected;

		nt_food_tags(s, sg.v[i].food_id, &tags, &corrected, NULL);
		fish |= sg.v[i].m == NT_EPA_DHA && (tags & NT_TAG_FISH);
	}
	ok(fish, "an omnivore is offered oily fish for EPA+DHA");
	nt_suggestions_fini(&sg);
}

static void
test_rules(void)
{
	struct nt_profile p = {true, NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;
	long long id, ex, egg = food("sr28:01123"), soy = food("fndds:11320000");
	long day = nt_date_from_ymd(2026, 3, 11);
	bool yeast = false, eaten_first;

	/* Nothing short: nothing suggested. */
	judged(&p, 3, 2, 300, 3000, j);
	nt_suggest(s, &p, j, 3, &sg, NULL);
	is_int(sg.n, 0, "every target met: no suggestion");
	nt_suggestions_fini(&sg);

	/* A food the user eats comes first among equals, in the amount logged:
	 * soy milk 1 cup (244 g) at 0.37 ug = 0.9028 ug against a 0.5 ug gap. */
	nt_journal_add(s, day, NT_BREAKFAST, soy, "1 cup", 244000, &id, NULL);
	judged(&p, 1.9, 2, 300, 3000, j);
	nt_suggest(s, &p, j, 3, &sg, NULL);
	eaten_first = sg.n > 0 && sg.v[0].food_id == soy && sg.v[0].eaten_before;
	ok(eaten_first, "soy milk, which the user eats, comes first");
	ok(sg.n > 0 && !strcmp(sg.v[0].amount, "1 cup") && fabs(sg.v[0].adds - 0.9028) < 1e-9,
	   "in the amount logged, adding 0.37 * 2.44 = 0.9028 ug");
	nt_suggestions_fini(&sg);

	/* An egg logged by a vegan is never suggested back. */
	nt_journal_add(s, day, NT_LUNCH, egg, "2 large", 100000, &id, NULL);
	judged(&p, 0.5, 2, 300, 3000, j);
	nt_suggest(s, &p, j, 10, &sg, NULL);
	ok(all_fit(&sg, NT_DIET_VEGAN), "an eaten egg is not suggested to a vegan");
	for (size_t i = 0; i < sg.n; i++)
		yeast |= !strcmp(sg.v[i].ref, "label:1");
	ok(yeast, "nutritional yeast is among ten B12 suggestions");
	nt_suggestions_fini(&sg);

	/* Exclusions: the yeast, then a word. */
	nt_exclusion_add(s, NT_EXCLUDE_FOOD, food("label:1"), NULL, &ex, NULL);
	nt_suggest(s, &p, j, 10, &sg, NULL);
	yeast = false;
	for (size_t i = 0; i < sg.n; i++)
		yeast |= !strcmp(sg.v[i].ref, "label:1");
	ok(!yeast, "an excluded food is left out");
	nt_suggestions_fini(&sg);
	nt_exclusion_remove(s, ex, NULL);
	nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, "Soy", &ex, NULL);
	nt_suggest(s, &p, j, 10, &sg, NULL);
	for (size_t i = 0; i < sg.n; i++)
		ok(!strcasestr(sg.v[i].name, "soy"), "no food named with an excluded word: %s",
		   sg.v[i].name);
	nt_suggestions_fini(&sg);
	nt_exclusion_remove(s, ex, NULL);

	/* A correction makes a food fit (or not). */
	nt_food_tag(s, soy, NT_TAG_DAIRY, NULL);
	judged(&p, 1.9, 2, 300, 3000, j);
	nt_suggest(s, &p, j, 10, &sg, NULL);
	for (size_t i = 0; i < sg.n; i++)
		ok(sg.v[i].food_id != soy, "soy milk tagged dairy is not offered to a vegan");
	nt_suggestions_fini(&sg);
	nt_food_untag(s, soy, NULL);

	/* Unknown is never zero: a food without B12 is no B12 candidate. */
	nt_journal_add(s, day, NT_SNACK, food("label:2"), "1 tablet", 250, &id, NULL);
	judged(&p, 0.5, 0.2, 0, 500, j);
	nt_suggest(s, &p, j, 50, &sg, NULL);
	for (size_t i = 0; i < sg.n; i++)
		ok(!(sg.v[i].m == NT_OMEGA3 && !strcmp(sg.v[i].ref, "label:2")),
		   "a B12 tablet (omega-3 unknown) is never an omega-3 suggestion");
	nt_suggestions_fini(&sg);
}

/*
 * Issue 10: "you eat it" counts eaten entries only; an eaten SR28 food with
 * current values is offered as its current food; foods that are not
 * everyday advice are not offered back.
 */
static void
test_current(void)
{
	struct nt_profile p = {true, NT_SEX_FEMALE, 34, NT_STAGE_NONE, NT_DIET_VEGAN,
	                         0, 0, NT_ACTIVITY_DEFAULT};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;
	long long id, almond = food("fndds:11350020"), cheerios = food("sr28:08013");
	long long os_plain = food("fndds:57123000"), red_bull = food("fndds:95310600");
	long day = nt_date_from_ymd(2026, 3, 20);
	bool almond_eaten = false, red_bull_seen = false, sr28_seen = false;
	const struct nt_suggestion *os = NULL;

	/* almond milk planned, not drunk: a staple, not a food the user eats */
	nt_journal_add(s, day, NT_BREAKFAST, almond, "1 cup", 244000, &id, NULL);
	nt_journal_set_planned(s, id, true, NULL);
	/* the SR28 Cheerios, 1 cup = 28 g; a Red Bull can (260 g), B12 1.97 */
	nt_journal_add(s, day, NT_BREAKFAST, cheerios, "1 cup", 28000, &id, NULL);
	nt_journal_add(s, day, NT_SNACK, red_bull, "1 can", 260000, &id, NULL);
	judged(&p, 1.9, 2, 300, 3000, j);
	is_int(nt_suggest(s, &p, j, 50, &sg, NULL), NT_OK, "suggestions");
	for (size_t i = 0; i < sg.n; i++) {
		almond_eaten |= sg.v[i].food_id == almond && sg.v[i].eaten_before;
		red_bull_seen |= sg.v[i].food_id == red_bull;
		sr28_seen |= sg.v[i].food_id == cheerios;
		if (sg.v[i].food_id == os_plain)
			os = &sg.v[i];
	}
	ok(!almond_eaten, "a planned food is not 'you eat it'");
	ok(!red_bull_seen, "an energy drink the user drinks is not offered back");
	ok(!sr28_seen, "the SR28 Cheerios are not offered");
	ok(os != NULL, "their current food is");
	if (os) {
		/* FNDDS 2021-2023: 0.9 ug / 100 g x 28 g = 0.252 ug */
		is_num(os->adds, 0.252, 1e-9, "0.9 * 0.28 = 0.252 ug, not SR28's 1.8956");
		is_str(os->amount, "28 g", "in the weight logged");
		ok(os->eaten_before && !os->dated, "eaten, current values");
		ok(strstr(os->note, "sr28:08013") != NULL, "the note names the food logged: %s",
		   os->note);
	}
	nt_suggestions_fini(&sg);
}

int
main(void)
{
	s = fixture_open(true);
	test_vegan();
	test_other_diets();
	test_rules();
	test_current();
	nt_store_close(s);
	return tap_done();
}
