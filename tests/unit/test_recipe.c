/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_recipe.c - recipes and saved meals (recipe.h), values worked out by hand. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "recipe.h"
#include "tap.h"

static struct nt_store *s;

static long long
food(const char *ref)
{
	long long id;

	if (nt_food_resolve(s, ref, &id, NULL) != NT_OK)
		tap_bail("no food %s", ref);
	return id;
}

int
main(void)
{
	long long oats, item_flax, item, lunch, id;
	struct nt_food *f;
	struct nt_recipe r;
	struct nt_amounts v;
	struct nt_err err;
	unsigned tags;
	bool corrected;
	long day = nt_date_from_ymd(2026, 3, 11);

	s = fixture_open(true);
	is_int(nt_recipe_new(s, "Overnight oats", 2, &oats, &err), NT_OK, "a new recipe");
	nt_food_get(s, oats, &f, &err);
	is_str(f->ref, "recipe:1", "its id is recipe:1");
	ok(isnan(f->per100[NT_B12]), "empty: B12 unknown, not zero");
	is_int(f->n_portions, 0, "no portions yet");
	nt_food_free(f);

	/* soy milk 1 cup 244 g (fndds:11320100), flaxseed 2 tbsp 20.6 g
	 * (sr28:12220, 1 tbsp = 10.3 g), yeast 2 tbsp 10 g (label:1) */
	is_int(nt_recipe_add(s, oats, food("fndds:11320100"), "1 cup", 244000, &item, &err), NT_OK,
	       "soy milk");
	is_int(nt_recipe_add(s, oats, food("sr28:12220"), "2 tbsp", 20600, &item_flax, &err), NT_OK,
	       "flaxseed");
	is_int(nt_recipe_add(s, oats, food("label:1"), "2 tbsp", 10000, &item, &err), NT_OK,
	       "nutritional yeast");
	nt_food_get(s, oats, &f, &err);
	/* B12: 0.39 * 2.44 + 0 + 150 * 0.1 = 15.9516 ug in 274.6 g = 5.80903 / 100 g */
	is_num(f->per100[NT_B12], 15.9516 / 274.6 * 100, 1e-9, "B12 per 100 g from the parts");
	/* potassium: 158 * 2.44 + 813 * 0.206 = 385.52 + 167.478 = 552.998 mg,
	 * the yeast's unknown: a lower bound */
	is_num(f->per100[NT_POTASSIUM], 552.998 / 274.6 * 100, 1e-9, "potassium per 100 g");
	ok(f->partial & (1u << NT_POTASSIUM), "potassium is partial (the yeast lacks it)");
	ok(!(f->partial & (1u << NT_B12)), "B12 is not partial (every part has it)");
	ok(isnan(f->per100[NT_EPA]) == false, "EPA known: soy milk and flax have it");
	is_int(f->n_portions, 2, "two portions: a serving and the whole");
	if (f->n_portions == 2) {
		is_str(f->portions[0].unit, "serving", "1 serving");
		is_num(f->portions[0].grams, 137.3, 1e-9, "= 274.6 / 2 = 137.3 g");
		is_str(f->portions[1].unit, "recipe", "1 recipe");
		is_num(f->portions[1].grams, 274.6, 1e-9, "= 274.6 g");
	}
	/* a serving: B12 7.9758, omega-3 (0.166*2.44 + 22.813*0.206)/2 = 2.55199 g, partial */
	nt_amounts_for(f->per100, 137.3, &v);
	nt_amounts_mark_partial(&v, f->partial);
	is_num(v.v[NT_B12], 7.9758, 1e-9, "a serving holds 15.9516 / 2 ug B12");
	is_num(v.v[NT_OMEGA3], (0.166 * 2.44 + 22.813 * 0.206) / 2, 1e-9, "and half the omega-3");
	ok(v.partial & (1u << NT_OMEGA3), "omega-3 partial: the yeast's ALA is unknown");
	/* soy milk's and flaxseed's ALA are estimated from 18:3 (ala_from_18_3 1) */
	ok(f->ala_estimated, "the recipe's ALA is an estimate (its parts' are)");
	nt_food_free(f);
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, 0, "plant parts: the recipe is vegan");

	/* logged by the serving, totals follow */
	is_int(nt_journal_add(s, day, NT_BREAKFAST, oats, "1 serving", 137300, &id, &err), NT_OK,
	       "log a serving");
	/* an egg makes it contain egg */
	is_int(nt_recipe_add(s, oats, food("sr28:01123"), "1 large", 50000, &item, &err), NT_OK,
	       "add an egg");
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, NT_TAG_EGG, "now it contains egg");
	is_int(nt_recipe_remove(s, oats, item, &err), NT_OK, "take the egg out");
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, 0, "vegan again");
	/* a correction of an ingredient's tags reaches the recipe in the same call */
	is_int(nt_recipe_tag_food(s, food("sr28:12220"), false, NT_TAG_HONEY, &err), NT_OK,
	       "flaxseed corrected to contain honey");
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, NT_TAG_HONEY, "... and the recipe contains honey");
	is_int(nt_recipe_tag_food(s, food("sr28:12220"), false, 1u << 9, &err), NT_ERR_INVALID,
	       "an unknown tag bit: refused");
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, NT_TAG_HONEY, "... the recipe as it was");
	is_int(nt_recipe_tag_food(s, food("sr28:12220"), true, 0, &err), NT_OK,
	       "flaxseed back to the bundled tags");
	nt_food_tags(s, oats, &tags, &corrected, NULL);
	is_int(tags, 0, "... and the recipe is vegan again");
	is_int(nt_recipe_remove(s, oats, item, &err), NT_ERR_NOTFOUND, "removing twice fails");
	is_int(nt_recipe_set_servings(s, oats, 4, &err), NT_OK, "four servings");
	nt_food_get(s, oats, &f, &err);
	is_num(f->portions[0].grams, 274.6 / 4, 1e-9, "a serving is now 68.65 g");
	nt_food_free(f);
	is_int(nt_recipe_set_servings(s, oats, 0, &err), NT_ERR_RANGE, "0 servings refused");
	is_int(nt_recipe_add(s, oats, oats, "1 serving", 1000, &item, &err), NT_ERR_INVALID,
	       "a recipe is no ingredient of a recipe");

	/* a saved meal: the day's lunch becomes a one-serving recipe */
	nt_journal_add(s, day, NT_LUNCH, food("sr28:09040"), "1 medium", 118000, &id, NULL);
	nt_journal_add(s, day, NT_LUNCH, food("sr28:16069"), "1 cup", 192000, &id, NULL);
	is_int(nt_recipe_from_meal(s, "Lentil lunch", day, NT_LUNCH, &lunch, &err), NT_OK,
	       "save a meal");
	is_int(nt_recipe_get(s, lunch, &r, &err), NT_OK, "read it back");
	is_int(r.n, 2, "two parts");
	is_int(r.total_mg, 310000, "118 + 192 = 310 g");
	is_num(r.servings, 1, 0, "one serving");
	nt_recipe_fini(&r);
	nt_food_get(s, lunch, &f, &err);
	/* potassium 358 * 1.18 + 677 * 1.92 = 422.44 + 1299.84 = 1722.28 mg in 310 g */
	is_num(f->per100[NT_POTASSIUM] * 3.1, 1722.28, 1e-9, "potassium of the meal");
	nt_food_free(f);
	is_int(nt_recipe_from_meal(s, "Empty", day, NT_DINNER, &id, &err), NT_ERR_NOTFOUND,
	       "an empty meal is no recipe");
	ok(nt_food_resolve(s, "recipe:3", &id, NULL) == NT_ERR_NOTFOUND,
	   "and leaves nothing behind");
	is_int(nt_recipe_new(s, "", 1, &id, &err), NT_ERR_INVALID, "a name is needed");
	is_int(nt_recipe_check(s, food("sr28:09040"), &err), NT_ERR_NOTFOUND, "a banana is no recipe");
	nt_store_close(s);
	return tap_done();
}
