/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_rank.c - unit tests for search words and the ranking rules (rank.h), rule by rule. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "category.h"
#include "diet.h"
#include "rank.h"
#include "tap.h"

/* A food for the ranking: name and group; the rest as the test sets it. */
static struct nt_rank_food
food(const char *name, const char *group)
{
	struct nt_rank_food f = {name, "", "", group, 0, 0, 0, false, -1};

	return f;
}

/* The share of `rule` in the score of f for query q. */
static double
part(const char *q, const struct nt_rank_food *f, enum nt_rank_rule rule)
{
	struct nt_query query;
	double parts[NT_RANK_RULE_COUNT], total, sum = 0;

	nt_rank_query(q, &query);
	total = nt_rank_score(&query, f, parts);
	for (int i = 0; i < NT_RANK_RULE_COUNT; i++)
		sum += parts[i];
	if (fabs(sum - total) > 1e-9)
		printf("# parts of '%s' for '%s' add up to %g, not %g\n", f->name, q, sum, total);
	return parts[rule];
}

static double
score(const char *q, const struct nt_rank_food *f)
{
	struct nt_query query;

	nt_rank_query(q, &query);
	return nt_rank_score(&query, f, NULL);
}

/* The rule applies to f for q with share `want`; for `q2`/`f2` not at all. */
#define RULE(rule, want, q, f, q2, f2, why) do { \
	struct nt_rank_food a_ = (f), b_ = (f2); \
	is_num(part(q, &a_, rule), want, 1e-9, "%s: '%s' for '%s' (%s)", \
	       nt_rank_rules()[rule].name, a_.name, q, why); \
	is_num(part(q2, &b_, rule), 0, 1e-9, "%s: not '%s' for '%s'", nt_rank_rules()[rule].name, \
	       b_.name, q2); \
} while (0)

static void
test_table(void)
{
	const struct nt_rank_rule_info *r = nt_rank_rules();

	ok(nt_rank_sets_sorted(), "the word sets are sorted for bsearch");
	for (int i = 0; i < NT_RANK_RULE_COUNT; i++) {
		ok(r[i].name && r[i].name[0], "rule %d has a name (%s)", i, r[i].name);
		ok(r[i].why && strlen(r[i].why) > 20, "rule %s says why", r[i].name);
		for (int k = 0; k < i; k++)
			if (!strcmp(r[i].name, r[k].name))
				ok(false, "rule names are unique: %s", r[i].name);
	}
}

static void
test_matching_rules(void)
{
	struct nt_rank_food also = food("Yeast flakes", "Other"), dropped = food("Flaxseed", "Seeds");

	also.also = "nooch; savory flakes";
	dropped.dropped = 0;
	RULE(NT_RANK_NAME_WORD, 2, "walnut", food("Salad, with walnuts and pears", "Other"),
	     "walnut", food("Walnuts, english", "Other"), "a word later in the name");
	ok(score("walnut", &(struct nt_rank_food){"Walnuts, english", "", "", "Other", 0, 0, 0,
	                                          false, -1}) <
	   score("walnut", &(struct nt_rank_food){"Salad, with walnuts and pears", "", "", "Other",
	                                          0, 0, 0, false, -1}),
	   "head-word (0) beats name-word (2)");
	/* "walnu" is "walnuts" less 2 letters: 3 + 2 x 0.02 */
	RULE(NT_RANK_HEAD_PREFIX, 3.04, "walnu", food("Walnuts, english", "Other"), "walnuts",
	     food("Walnuts, english", "Other"), "the start of a head word");
	RULE(NT_RANK_NAME_PREFIX, 4.04, "walnu", food("Salad, with walnuts and pears", "Other"),
	     "walnuts", food("Salad, with walnuts and pears", "Other"), "the start of a later word");
	RULE(NT_RANK_ALSO_WORD, 5, "nooch", also, "yeast", also, "a common name");
	/* "noo" is "nooch" less 2 letters */
	RULE(NT_RANK_ALSO_PREFIX, 6.04, "noo", also, "nooch", also, "the start of a common name");
	RULE(NT_RANK_GROUP_ONLY, 8, "legume", food("Tofu, firm", "Legumes and Legume Products"),
	     "tofu", food("Tofu, firm", "Legumes and Legume Products"), "only the group");
	/* words after "excluding", "without", "no"... or "other than" say what the
	 * food is not: they match nothing (FTS found the food; only its group is left) */
	{
		struct nt_rank_food fish = food("Fish, raw", "Fish");

		fish.also = "any type other than salmon or tuna";
		is_num(part("honey", &(struct nt_rank_food){"Walnuts, excluding honey roasted", "", "",
		                                            "Nuts and seeds", 0, 0, 0, false, -1},
		            NT_RANK_GROUP_ONLY),
		       8, 1e-9, "'Walnuts, excluding honey roasted' has no honey");
		is_num(part("salmon", &fish, NT_RANK_GROUP_ONLY), 8, 1e-9,
		       "'Fish, raw (any type other than salmon or tuna)' is no salmon");
		is_num(part("salmon", &fish, NT_RANK_ALSO_WORD), 0, 1e-9, "... not even a common name");
		fish.also = "any type, such as salmon or tuna";
		is_num(part("salmon", &fish, NT_RANK_ALSO_WORD), 5, 1e-9,
		       "'such as salmon' is a common name");
	}
	RULE(NT_RANK_DROPPED, 10, "ground flaxseed", dropped, "flaxseed", food("Flaxseed", "Seeds"),
	     "the first word was left out");
	RULE(NT_RANK_HEAD_COVERED, -3, "coffee", food("Coffee, brewed", "Coffee"), "coffee",
	     food("Coffee cake", "Cakes and pies"), "the head is the typed word");
	RULE(NT_RANK_NAME_WORD, 2, "white bread", food("Bread, whole grain white", "Yeast breads"),
	     "white bread", food("Bread, white", "Yeast breads"),
	     "a part after the head of typed words only counts as head: 'Bread, white'");
	RULE(NT_RANK_HEAD_COVERED, -3, "scrambled egg",
	     food("Egg omelet or scrambled egg, no added fat", "Eggs and omelets"), "egg",
	     food("Egg omelet or scrambled egg, no added fat", "Eggs and omelets"),
	     "one side of an 'or' head is enough");
	RULE(NT_RANK_HEAD_COVERED, -3, "soda", food("Soft drink, NFS", "Soft drinks"), "soda",
	     food("Vodka and soda", "Liquor and cocktails"),
	     "a synonym covers the head (soda: soft drink)");
	RULE(NT_RANK_EXTRA_WORD, 0.25, "coffee", food("Coffee, Cuban", "Coffee"), "coffee",
	     food("Coffee, brewed", "Coffee"), "one word more than typed");
	RULE(NT_RANK_EXTRA_WORD, 3, "x",
	     food("X, a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13 n14", "Other"), "x",
	     food("X", "Other"), "at most 12 count");
	RULE(NT_RANK_EXTRA_WORD, 0.25, "bread", food("Bread, egg", "Yeast breads"),
	     "bread", food("Bread, NS as to major flour", "Yeast breads"),
	     "'NS as to ...' adds nothing");
	RULE(NT_RANK_PLAIN_WORD, -0.3, "egg", food("Egg, whole, raw", "Eggs"), "egg",
	     food("Egg, white", "Eggs"), "whole and raw: counted once");
	RULE(NT_RANK_PLAIN_WORD, -0.3, "rice", food("Rice, white, cooked, NS as to fat", "Rice"),
	     "bread", food("Bread, whole wheat", "Yeast breads"),
	     "cooked; 'whole wheat' is a kind, not the plain form");
	RULE(NT_RANK_GENERIC, -0.8, "cheese", food("Cheese, NFS", "Cheese"), "orange",
	     food("Orange, canned, NFS", "Citrus fruits"), "X, NFS; not 'X, canned, NFS'");
	RULE(NT_RANK_GENERIC, -0.8, "rice", food("Rice, cooked, NFS", "Rice"), "rice",
	     food("Rice, white, cooked, NFS", "Rice"),
	     "plain words may come between ('white' is a kind: no)");
	RULE(NT_RANK_GENERIC, -0.8, "soda", food("Soft drink, NFS", "Soft drinks"), "salad",
	     food("Cabbage salad, NFS", "Coleslaw, non-lettuce salads"),
	     "only for the typed food ('Cabbage salad, NFS' is no generic salad)");
}

static void
test_food_rules(void)
{
	struct nt_rank_food f;

	RULE(NT_RANK_RAW, 1.5, "chicken", food("Chicken, breast, raw", "Poultry Products"),
	     "raw chicken", food("Chicken, breast, raw", "Poultry Products"),
	     "meat weighed raw, unless raw is typed");
	RULE(NT_RANK_RAW, 1.5, "salmon", food("Fish, salmon, Atlantic, wild, raw",
	                                      "Finfish and Shellfish Products"),
	     "oysters", food("Mollusks, oyster, eastern, wild, raw", "Finfish and Shellfish Products"),
	     "fish raw, but not oysters, which are eaten raw");
	RULE(NT_RANK_RAW, 1.5, "beef", food("Beef, ground, raw", "Ground beef"), "carrot",
	     food("Carrots, raw", "Vegetables and Vegetable Products"), "not vegetables");
	RULE(NT_RANK_ANALOG, 2, "chicken", food("Chicken, meatless, NFS", "Soy and meat-alternative "
	                                        "products"),
	     "meatless chicken", food("Chicken, meatless, NFS", "Soy and meat-alternative products"),
	     "an analog unless named");
	RULE(NT_RANK_ANALOG, 2, "tea", food("Tea, hot, herbal", "Tea"), "herbal tea",
	     food("Tea, hot, herbal", "Tea"), "an herbal tea is not what \"tea\" means");
	RULE(NT_RANK_ANALOG, 2, "tea", food("Tea, hot, hibiscus", "Tea"), "tea",
	     food("Tea, hot, leaf, black", "Tea"), "a hibiscus tea is not, black tea is");
	RULE(NT_RANK_PART, 1.5, "chicken", food("Chicken, liver, all classes, cooked",
	                                        "Poultry Products"),
	     "chicken liver", food("Chicken, liver, all classes, cooked", "Poultry Products"),
	     "an organ unless named");
	RULE(NT_RANK_PART, 1.5, "potato", food("Potatoes, baked, skin, without salt",
	                                       "Vegetables and Vegetable Products"),
	     "potato", food("Potatoes, baked, flesh and skin, without salt",
	                    "Vegetables and Vegetable Products"),
	     "a skin alone, not the potato eaten with its skin");
	RULE(NT_RANK_DISH, 1.5, "chicken", food("Chicken curry", "Poultry mixed dishes"),
	     "chicken curry", food("Chicken curry", "Poultry mixed dishes"),
	     "a dish for one typed word");
	RULE(NT_RANK_DELI, 1, "turkey", food("Turkey breast, sliced, prepackaged",
	                                     "Sausages and Luncheon Meats"),
	     "sliced turkey", food("Turkey breast, sliced, prepackaged", "Sausages and Luncheon Meats"),
	     "a luncheon meat unless named");
	RULE(NT_RANK_BRAND, 1.5, "corn flakes", food("Cereals ready-to-eat, KELLOGG'S Corn Flakes",
	                                             "Breakfast Cereals"),
	     "oatmeal", food("Oatmeal, NFS", "Oatmeal"), "capitals are a brand; NFS is not");
	RULE(NT_RANK_REGIONAL, 2, "tea", food("Tea, tundra, herb", "American Indian/Alaska Native "
	                                      "Foods"),
	     "tea", food("Tea, hot, leaf, black", "Tea"), "a traditional regional food");

	f = food("Milk, whole", "Milk, whole");
	f.breaks = NT_TAG_DAIRY;
	RULE(NT_RANK_DIET, 5, "milk", f, "milk", food("Soy milk, unsweetened", "Plant-based milk"),
	     "breaks the diet");
	f = food("Oat milk", "Plant-based milk");
	f.uses = 3;
	RULE(NT_RANK_HISTORY, -2, "milk", f, "milk", food("Oat milk", "Plant-based milk"),
	     "in the user's journal");
	f = food("Granola, homemade", "Custom foods");
	f.own = true;
	RULE(NT_RANK_OWN, -1, "granola", f, "granola", food("Granola, homemade", "Cereals"),
	     "the user's own");
}

/* Each class costs its weight unless the phrase names the class. */
static void
test_class_rules(void)
{
	static const struct {
		unsigned cls;
		enum nt_rank_rule rule;
		const char *plain_q, *naming_q, *name;
	} cases[] = {
		{NT_CLASS_ALCOHOL, NT_RANK_ALCOHOL, "cola", "rum and cola", "Rum and cola"},
		{NT_CLASS_ENERGY, NT_RANK_ENERGY, "drink", "energy drink", "Energy drink"},
		{NT_CLASS_CANDY, NT_RANK_CANDY, "peanuts", "chocolate peanuts", "Candies, peanuts"},
		{NT_CLASS_DRY, NT_RANK_DRY, "coffee", "coffee powder", "Coffee, instant, powder"},
		{NT_CLASS_SAUCE, NT_RANK_SAUCE, "tomato", "tomato sauce", "Tomato sauce"},
		{NT_CLASS_FORMULA, NT_RANK_FORMULA, "milk", "infant milk", "Infant formula, milk"},
		{NT_CLASS_BABY, NT_RANK_BABY, "apples", "baby apples", "Babyfood, apples"},
		{NT_CLASS_FAST_FOOD, NT_RANK_FAST_FOOD, "fries", "fast food fries", "Fries, fast food"},
		{NT_CLASS_SUPPLEMENT, NT_RANK_SUPPLEMENT, "fish oil", "fish oil capsule", "Fish oil capsule"},
		{NT_CLASS_SWEET_COAT, NT_RANK_SWEET_COAT, "peanuts", "honey peanuts", "Peanuts, honey roasted"},
		{NT_CLASS_DESSERT, NT_RANK_DESSERT, "apple", "apple pie", "Pie, apple"},
		{NT_CLASS_SWEETENER, NT_RANK_SWEETENER, "maple", "maple syrup", "Syrup, maple"},
		{NT_CLASS_INGREDIENT, NT_RANK_INGREDIENT, "rice", "rice ingredient", "Rice, as ingredient"},
		{NT_CLASS_SWEET_DRINK, NT_RANK_SWEET_DRINK, "orange", "orange soda",
		 "Soft drink, fruit flavored, orange"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct nt_rank_food f = food(cases[i].name, "Other");
		const struct nt_rank_rule_info *r = &nt_rank_rules()[cases[i].rule];

		f.cls = cases[i].cls;
		ok(r->weight > 0, "%s costs", r->name);
		is_num(part(cases[i].plain_q, &f, cases[i].rule), r->weight, 1e-9,
		       "%s: '%s' costs %g for '%s'", r->name, cases[i].name, r->weight,
		       cases[i].plain_q);
		is_num(part(cases[i].naming_q, &f, cases[i].rule), 0, 1e-9,
		       "%s: nothing for '%s', which names it", r->name, cases[i].naming_q);
		f.cls = 0;
		is_num(part(cases[i].plain_q, &f, cases[i].rule), 0, 1e-9,
		       "%s: nothing for a food without the class", r->name);
	}
	/* the cases, end to end on hand-made foods */
	{
		struct nt_rank_food cocktail = food("Rum and cola", "Liquor and cocktails");
		struct nt_rank_food soft = food("Soft drink, cola", "Soft drinks");

		cocktail.cls = NT_CLASS_ALCOHOL;
		ok(score("cola", &soft) < score("cola", &cocktail), "'cola' gives the soft drink");
		ok(score("rum and cola", &cocktail) < score("rum and cola", &soft),
		   "'rum and cola' finds the cocktail");
	}
}

static void
test_query(void)
{
	struct nt_query q;
	char s[NT_QUERY_WORD_LEN];

	nt_rank_query("Soda", &q);
	is_int(q.n, 1, "'Soda' is one term");
	is_int(q.t[0].n_alts, 2, "... with a synonym");
	is_str(q.t[0].alt[0].w[0], "soda", "... the typed word, folded");
	ok(q.t[0].alt[1].n == 2 && !strcmp(q.t[0].alt[1].w[0], "soft") &&
	   !strcmp(q.t[0].alt[1].w[1], "drink") && q.t[0].alt[1].synonym,
	   "... and 'soft drink'");
	nt_rank_query("oat beverage", &q);
	ok(q.n == 1 && q.t[0].alt[0].n == 2 && q.t[0].n_alts == 2 &&
	   !strcmp(q.t[0].alt[1].w[1], "milk"), "'oat beverage' is one term: or 'oat milk'");
	nt_rank_query("the banana", &q);
	ok(q.n == 1 && !strcmp(q.t[0].alt[0].w[0], "banana"), "'the banana': the article goes");
	nt_rank_query("a", &q);
	ok(q.n == 1 && q.typing, "'a' alone is a name being typed");
	nt_rank_query("yoghurt, Greek", &q);
	ok(q.n == 2 && q.t[0].n_alts == 2 && !strcmp(q.t[0].alt[1].w[0], "yogurt"),
	   "yoghurt: or yogurt");
	nt_rank_query("rum and cola", &q);
	ok(q.names & NT_CLASS_ALCOHOL, "'rum and cola' names an alcoholic drink");
	nt_rank_query("walnuts", &q);
	is_int(q.names, 0, "'walnuts' names no class");
	nt_rank_query("honey roasted peanuts", &q);
	ok((q.names & NT_CLASS_SWEET_COAT) && (q.names & NT_CLASS_SWEETENER),
	   "'honey ...' names honey coatings and sweeteners");
	nt_rank_query("cookies", &q);
	ok(q.names & NT_CLASS_DESSERT, "'cookies' (a plural) names desserts");
	nt_rank_query("raw salmon", &q);
	ok(q.names_raw && !q.names_deli, "'raw salmon' asks for the raw form");
	nt_rank_query("sliced turkey", &q);
	ok(q.names_deli, "'sliced turkey' asks for a luncheon meat");
	nt_rank_query("", &q);
	is_int(q.n, 0, "no words, no terms");

	static const char *const pairs[][2] = {
		{"berries", "berry"}, {"tomatoes", "tomato"}, {"peaches", "peach"},
		{"sardines", "sardine"}, {"leaves", "leaf"}, {"hummus", "hummus"}, {"oats", "oats"},
		{"asparagus", "asparagus"}, {"glasses", "glass"}, {"egg", "egg"}, {"pies", "pie"},
		{"anchovies", "anchovy"}, {"pistachios", "pistachio"}, {"nfs", "nfs"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		nt_rank_singular(pairs[i][0], s, sizeof s);
		is_str(s, pairs[i][1], "singular of %s", pairs[i][0]);
	}
	ok(nt_rank_same_word("eggs", "egg") && nt_rank_same_word("berry", "berries") &&
	   nt_rank_same_word("tomato", "tomatoes") && !nt_rank_same_word("egg", "eggplant") &&
	   !nt_rank_same_word("pie", "pies crust"), "same words, plurals aside");
}

int
main(void)
{
	test_table();
	test_matching_rules();
	test_food_rules();
	test_class_rules();
	test_query();
	return tap_done();
}
