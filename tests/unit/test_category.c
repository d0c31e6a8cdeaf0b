/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_category.c - unit tests for the food class rules (category.h), rule by rule. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "category.h"
#include "fixture.h"
#include "food.h"
#include "store.h"
#include "tap.h"

/* A food as the rules see it: USDA's name and group, and a portion's name. */
struct example {
	const char *name, *group, *portion;
};

#define X(name, group) {name, group, NULL}
#define P(name, group, portion) {name, group, portion}

/*
 * Each rule of the table with foods it must and must not match.  The names
 * are USDA's (data/foods.csv) unless said otherwise.  A rule is found by
 * its class, scope and its match list or that list's first phrase.
 */
static const struct {
	unsigned cls;
	enum nt_category_scope scope;
	const char *match;
	struct example yes[6], no[6];
} cases[] = {
	{NT_CLASS_ALCOHOL, NT_SCOPE_GROUP, "liquor and cocktails",
	 {X("Rum and cola", "Liquor and cocktails"), X("Beer", "Beer"), X("Wine, red", "Wine")},
	 {X("Beer, nonalcoholic", "Fruit drinks"), X("Soft drink, cola", "Soft drinks")}},
	{NT_CLASS_ALCOHOL, NT_SCOPE_NAME, "alcoholic",
	 {X("Alcoholic beverage, beer, light", "Beverages"),
	  X("Beverages, AMBER, hard cider", "Beverages"),
	  X("Alcoholic beverage, liqueur, coffee, 53 proof", "Beverages")},
	 {X("Beverages, Wine, non-alcoholic", "Beverages"),
	  X("Malt beverage, includes non-alcoholic beer", "Beverages"),
	  X("Apple juice, 100%", "Apple juice")}},
	{NT_CLASS_ALCOHOL, NT_SCOPE_HEAD, "beer",
	 {X("Wine, red", ""), X("Vodka", "Custom foods"), X("Beer, light", "")},
	 {X("Root beer", ""), X("Vinegar, red wine", "Spices and Herbs"),
	  X("Vodka sauce with tomatoes and cream", "Pasta sauces, tomato-based"),
	  X("Cheese, with wine", "Cheese"), X("Beverages, Wine, non-alcoholic", "Beverages"),
	  X("Beer, nonalcoholic", "Fruit drinks")}},
	{NT_CLASS_ENERGY, NT_SCOPE_NAME, "energy drink",
	 {X("Beverages, Energy drink, RED BULL", "Beverages"),
	  X("Beverages, carbonated, limeade, high caffeine", "Beverages")},
	 {X("Beverages, OCEAN SPRAY, Cran-Energy, Cranberry Energy Juice Drink", "Beverages"),
	  X("Coffee, brewed", "Coffee")}},
	{NT_CLASS_ENERGY, NT_SCOPE_HEAD, "energy",
	 {X("Energy Drink", "Sport and energy drinks"),
	  X("Energy drink, sugar free", "Diet sport and energy drinks")},
	 {X("Sports drink (Gatorade G)", "Sport and energy drinks"),
	  X("Energy bar", "Nutrition bars")}},
	{NT_CLASS_CANDY, NT_SCOPE_GROUP, "candy containing chocolate",
	 {X("Candy, lollipop", "Candy not containing chocolate"),
	  X("Dark chocolate candy", "Candy containing chocolate")},
	 {X("Cookie, chocolate chip", "Cookies and brownies")}},
	{NT_CLASS_CANDY, NT_SCOPE_START, "candies",
	 {X("Candies, milk chocolate", "Sweets"), X("Marshmallows", "Sweets"),
	  X("Chewing gum, sugarless", "Sweets")},
	 {X("Sweet potato, candied", ""),
	  X("Cereals ready-to-eat, MALT-O-MEAL, MARSHMALLOW MATEYS", "Breakfast Cereals"),
	  X("Cookies, marshmallow, chocolate-coated (includes marshmallow pies)", "")}},
	{NT_CLASS_CANDY, NT_SCOPE_HEAD, "chocolate",
	 {X("Chocolate, dark, 70-85% cacao solids", "Sweets")},
	 {X("Baking chocolate, unsweetened, squares", "Sweets"),
	  X("Chocolate, dark, 70-85% cacao solids", "Beverages"),
	  X("Chocolate-flavored hazelnut spread", "Sweets")}},
	{NT_CLASS_DRY, NT_SCOPE_NAME, "powder",
	 {X("Beverages, coffee, instant, regular, powder", "Beverages"),
	  X("Orange juice, frozen concentrate, unsweetened, undiluted", ""),
	  X("Coffee, instant, not reconstituted", ""),
	  X("Milk, dry, nonfat, regular, without added vitamin A and vitamin D", ""),
	  X("Peaches, dehydrated (low-moisture), sulfured, uncooked", "")},
	 {X("Beverages, Cocoa mix, powder, prepared with water", "Beverages"),
	  X("Orange juice, chilled, includes from concentrate", ""),
	  X("Orange juice, frozen concentrate, unsweetened, diluted with 3 volume water", ""),
	  X("Apricots, dehydrated (low-moisture), sulfured, stewed", ""),
	  X("Coffee, instant, reconstituted", "Coffee")}},
	{NT_CLASS_DRY, NT_SCOPE_NAME, "condensed",
	 {X("Soup, tomato, canned, condensed", "Soups, Sauces, and Gravies"),
	  X("Rice mix, white and wild, flavored, unprepared", "Meals, Entrees, and Side Dishes")},
	 {X("Soup, tomato, canned, prepared with equal volume water, commercial", "Soups, Sauces, and Gravies"),
	  X("Peas, green, frozen, unprepared", "Vegetables and Vegetable Products"),
	  X("Milk, canned, condensed, sweetened", "Soups, Sauces, and Gravies")}},
	{NT_CLASS_DRY, NT_SCOPE_NAME, "dry|uncooked|raw",
	 {X("Rice, white, long-grain, regular, raw, enriched", "Cereal Grains and Pasta"),
	  X("Pasta, dry, enriched", "Cereal Grains and Pasta")},
	 {X("Rice, white, long-grain, regular, enriched, cooked", "Cereal Grains and Pasta"),
	  X("Tomatoes, red, ripe, raw, year round average", "Vegetables and Vegetable Products")}},
	{NT_CLASS_DRY, NT_SCOPE_NAME, "dry|uncooked",
	 {X("Cereals, oats, regular and quick, not fortified, dry", "Breakfast Cereals"),
	  X("Textured vegetable protein, dry", "Soy and meat-alternative products")},
	 {X("Soybeans, mature seeds, dry roasted", "Legumes and Legume Products"),
	  X("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "Breakfast Cereals"),
	  X("Pasta, dry, enriched", "Cereal Grains and Pasta")}},
	{NT_CLASS_DRY, NT_SCOPE_NAME, "mature seeds raw",
	 {X("Beans, black, mature seeds, raw", "Legumes and Legume Products"),
	  X("Lentils, raw", "Legumes and Legume Products")},
	 {X("Peanuts, all types, raw", "Legumes and Legume Products"),
	  X("Beans, black, mature seeds, cooked, boiled, without salt", "Legumes and Legume Products")}},
	{NT_CLASS_DRY, NT_SCOPE_HEAD, "flour",
	 {X("Wheat flour, white, all-purpose, enriched, bleached", "Cereal Grains and Pasta"),
	  X("Cornmeal, whole-grain, yellow", "Cereal Grains and Pasta")},
	 {X("Tortilla, flour", "Tortillas"),
	  X("Corn flour patty or tart, fried", "Biscuits, muffins, quick breads"),
	  X("Bread, white, commercially prepared", "Baked Products")}},
	{NT_CLASS_SAUCE, NT_SCOPE_GROUP, "dips, gravies, other sauces",
	 {X("Ketchup", "Tomato-based condiments"), X("Mayonnaise, regular", "Mayonnaise")},
	 {X("Olive oil", "Salad dressings and vegetable oils")}},
	{NT_CLASS_SAUCE, NT_SCOPE_HEAD, "sauce",
	 {X("Sauce, salsa, ready-to-serve", "Soups, Sauces, and Gravies"),
	  X("Tomato sauce, canned, no salt added", "Vegetables and Vegetable Products"),
	  X("Salad dressing, ranch dressing, regular", "Fats and Oils"), X("Catsup", "")},
	 {X("Fish, sardine, Pacific, canned in tomato sauce, drained solids with bone", ""),
	  X("Pasta with tomato sauce, no meat, canned", ""), X("Mustard greens, raw", ""),
	  X("Applesauce, canned, unsweetened, without added ascorbic acid", ""),
	  X("Jelly sandwich, NFS", "Peanut butter and jelly sandwiches")}},
	{NT_CLASS_SAUCE, NT_SCOPE_NAME, "sauce",
	 {X("PREGO Pasta, Traditional Italian Sauce, ready-to-serve", "Soups, Sauces, and Gravies")},
	 {X("Soup, tomato, canned, condensed", "Soups, Sauces, and Gravies"),
	  X("PREGO Pasta, Traditional Italian Sauce, ready-to-serve", "Custom foods")}},
	{NT_CLASS_FORMULA, NT_SCOPE_GROUP, "formula, prepared from powder",
	 {X("Infant formula, Similac Advance, ready-to-feed", "Formula, ready-to-feed")},
	 {X("Milk, whole", "Milk, whole")}},
	{NT_CLASS_FORMULA, NT_SCOPE_NAME, "infant formula",
	 {X("Infant formula, ABBOTT NUTRITION, SIMILAC, ADVANCE, powder, not reconstituted", "Baby Foods"),
	  X("Toddler formula, Nido Kinder", "Formula, prepared from powder")},
	 {X("Babyfood, cereal, rice, dry fortified", "Baby Foods")}},
	{NT_CLASS_BABY, NT_SCOPE_GROUP, "baby*",
	 {X("Babyfood, fruit, applesauce, strained", "Baby Foods"),
	  X("Baby food: apples and pears", "Baby food: fruit"), X("Water, baby", "Baby water")},
	 {X("Applesauce, canned, unsweetened", "Fruits and Fruit Juices")}},
	{NT_CLASS_BABY, NT_SCOPE_NAME, "babyfood",
	 {X("Babyfood, juice, apple", "Custom foods"), X("Toddler formula, Nido Kinder", "")},
	 {X("Bananas, raw", "Fruits and Fruit Juices")}},
	{NT_CLASS_FAST_FOOD, NT_SCOPE_GROUP, "fast foods",
	 {X("McDONALD'S, Hamburger", "Fast Foods"), X("Restaurant, Chinese, fried rice", "Restaurant Foods")},
	 {X("Beef, ground, 93% lean meat / 7% fat, patty, cooked, broiled", "Beef Products")}},
	{NT_CLASS_FAST_FOOD, NT_SCOPE_NAME, "fast food",
	 {X("Oatmeal, fast food, plain", "Oatmeal"), X("Cheeseburger (McDonalds)", "Burgers"),
	  X("Potato, french fries, school", ""), X("Rice, white, steamed, Chinese restaurant", "")},
	 {X("Oatmeal, regular or quick, made with water, no added fat", "Oatmeal"),
	  X("Soup, chicken noodle, canned, condensed", "")}},
	{NT_CLASS_SUPPLEMENT, NT_SCOPE_GROUP, "supplements",
	 {X("Vitamin B12 supplement, cyanocobalamin 250 µg tablet", "Supplements"),
	  X("Nutritional drink or shake, ready-to-drink (Ensure)", "Nutritional beverages")},
	 {X("Soy milk, unsweetened", "Plant-based milk")}},
	{NT_CLASS_SUPPLEMENT, NT_SCOPE_NAME, "supplement",
	 {X("Beverages, Meal supplement drink, canned, peanut flavor", "Beverages"),
	  X("Beverages, Protein powder whey based", "Beverages")},
	 {X("Fruit juice smoothie, BOLTHOUSE FARMS, BERRY BOOST", "Fruits and Fruit Juices")}},
	{NT_CLASS_SUPPLEMENT, NT_SCOPE_PORTION, "tablet",
	 {P("Potassium gluconate", "Custom foods", "tablet")},
	 {P("Sweeteners, tabletop, saccharin (sodium saccharin)", "Sweets", "tablet"),
	  P("Bananas, raw", "Fruits and Fruit Juices", "medium (7\" to 7-7/8\" long)")}},
	{NT_CLASS_SWEET_COAT, NT_SCOPE_NAME, "honey roasted",
	 {X("Walnuts, honey roasted", "Nuts and seeds"),
	  X("Doughnuts, cake-type, plain, sugared or glazed", "Baked Products"),
	  X("Sweet potato, candied", ""), X("Rice, sweet, cooked with honey", "Rice")},
	 {X("Walnuts, excluding honey roasted", "Nuts and seeds"),
	  X("Nuts, walnuts, english", "Nut and Seed Products"), X("Honey", "Sweets")}},
	{NT_CLASS_SWEET_COAT, NT_SCOPE_NAME, "honey",
	 {X("Cereals ready-to-eat, GENERAL MILLS, HONEY NUT CHEERIOS", "Breakfast Cereals")},
	 {X("Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "Breakfast Cereals"),
	  X("Honey", "Sweets")}},
	{NT_CLASS_DESSERT, NT_SCOPE_GROUP, "cakes and pies",
	 {X("Pie, apple", "Cakes and pies"), X("Ice cream, vanilla", "Ice cream and frozen dairy desserts")},
	 {X("Bread, white", "Yeast breads")}},
	{NT_CLASS_DESSERT, NT_SCOPE_HEAD, "cake",
	 {X("Cake, chocolate, prepared from recipe without frosting", "Baked Products"),
	  X("Ice creams, vanilla", "Sweets"),
	  X("Muffins, blueberry, commercially prepared (Includes mini-muffins)", "Baked Products")},
	 {X("Snacks, rice cakes, brown, plain", "Snacks"),
	  X("Chicken pot pie, frozen entree, prepared", "Meals, Entrees, and Side Dishes"),
	  X("English muffins, plain, enriched, with ca prop (includes sourdough)", ""),
	  X("Muffin, English, cheese", "Bagels and English muffins"),
	  X("Crustaceans, crab, blue, crab cakes, home recipe", "")}},
	{NT_CLASS_DESSERT, NT_SCOPE_NAME, "cake",
	 {X("MURRAY, COOKIE JAR CLASSICS, Butter Cookies", "Baked Products")},
	 {X("Crackers, saltines (includes oyster, soda, soup)", "Baked Products"),
	  X("MURRAY, COOKIE JAR CLASSICS, Butter Cookies", "Custom foods")}},
	{NT_CLASS_SWEETENER, NT_SCOPE_GROUP, "sugars and honey",
	 {X("Sugar, white, granulated or lump", "Sugars and honey")},
	 {X("Sugar snap peas, raw", "Other vegetables and combinations")}},
	{NT_CLASS_SWEETENER, NT_SCOPE_HEAD, "sugar",
	 {X("Sugars, granulated", "Sweets"), X("Honey", "Sweets"), X("Syrups, maple", "Sweets"),
	  X("Beverages, chocolate syrup", "Beverages")},
	 {X("Honeydew melon, raw", ""), X("Honey bun, glazed", ""), X("Sugar-free gum", ""),
	  X("Peanut butter and jelly sandwich, NFS", "")}},
	{NT_CLASS_SWEET_DRINK, NT_SCOPE_GROUP, "soft drinks",
	 {X("Soft drink, cola", "Soft drinks"), X("Sports drink (Powerade)", "Sport and energy drinks"),
	  X("Water, enhanced, diet", "Enhanced water"), X("Fruit juice, acai blend", "Fruit drinks")},
	 {X("Orange juice, 100%, freshly squeezed", "Citrus juice"), X("Oat milk", "Plant-based milk"),
	  X("Water, tap", "Tap water")}},
	{NT_CLASS_SWEET_DRINK, NT_SCOPE_NAME, "soft drink",
	 {X("Beverages, carbonated, cola, regular", "Beverages"),
	  X("Beverages, Sports drink, POWERADE, ZERO", "Beverages"),
	  X("Beverages, fruit punch drink, with added nutrients, canned", "Beverages"),
	  X("Beverages, lemonade, frozen concentrate, white, prepared with water", "Beverages")},
	 {X("Nuts, kola, cola nut", "Nut and Seed Products"), X("Beverages, orange juice, raw", "Beverages"),
	  X("Beverages, tea, black, brewed, prepared with tap water", "Beverages")}},
	{NT_CLASS_INGREDIENT, NT_SCOPE_NAME, "as ingredient",
	 {X("Broccoli, cooked, as ingredient", "Not included in a food category"),
	  X("Bacon, for use on a sandwich", "Not included in a food category")},
	 {X("Broccoli, cooked, from restaurant", "Broccoli")}},
};

static const struct nt_category_rule *
find_rule(unsigned cls, enum nt_category_scope scope, const char *match)
{
	size_t n;
	const struct nt_category_rule *r = nt_category_rules(&n);

	/* the whole list, or its first phrase */
	for (size_t i = 0; i < n; i++)
		if (r[i].cls == cls && r[i].scope == scope &&
		    (!strcmp(r[i].match, match) ||
		     (!strchr(match, '|') && !strncmp(r[i].match, match, strlen(match)) &&
		      r[i].match[strlen(match)] == '|')))
			return &r[i];
	return NULL;
}

static bool
rule_says(const struct nt_category_rule *r, const struct example *e)
{
	struct nt_portion p = {1, (char *)e->portion, 1};

	return nt_category_rule_matches(r, e->name, e->group ? e->group : "", "", e->portion ? &p : NULL,
	                                e->portion ? 1 : 0);
}

static void
test_rules(void)
{
	size_t n_rules;
	const struct nt_category_rule *all = nt_category_rules(&n_rules);
	size_t n_cases = sizeof cases / sizeof *cases;
	bool tested[64] = {false};

	ok(n_rules <= 64, "the table has %zu rules", n_rules);
	for (size_t c = 0; c < n_cases; c++) {
		const struct nt_category_rule *r = find_rule(cases[c].cls, cases[c].scope,
		                                             cases[c].match);

		if (!r) {
			ok(false, "rule '%s' (class %u) is in the table", cases[c].match, cases[c].cls);
			continue;
		}
		tested[r - all] = true;
		for (size_t i = 0; i < 5 && cases[c].yes[i].name; i++)
			ok(rule_says(r, &cases[c].yes[i]), "%s: '%s' (%s) is one",
			   nt_category_name(r->cls), cases[c].yes[i].name, cases[c].yes[i].group);
		for (size_t i = 0; i < 6 && cases[c].no[i].name; i++)
			ok(!rule_says(r, &cases[c].no[i]), "%s rule '%.20s...': not '%s' (%s)",
			   nt_category_name(r->cls), r->match, cases[c].no[i].name, cases[c].no[i].group);
	}
	for (size_t i = 0; i < n_rules && i < 64; i++) {
		ok(tested[i], "rule %zu ('%.30s', %s) has examples", i, all[i].match,
		   nt_category_name(all[i].cls));
		ok(all[i].why && strlen(all[i].why) > 10, "rule %zu says why", i);
	}
}

/* The phrase machinery every rule shares. */
static void
test_words(void)
{
	struct nt_category_rule r = {NT_CLASS_ALCOHOL, NT_SCOPE_NAME, "red wine|gin*", NULL, NULL,
	                             "test"};

	ok(nt_category_rule_matches(&r, "Wine, RED wine sauce", "", "", NULL, 0),
	   "case-insensitive, whole words in order");
	ok(nt_category_rule_matches(&r, "Red, wine", "", "", NULL, 0), "across a comma");
	ok(!nt_category_rule_matches(&r, "Wine, red", "", "", NULL, 0), "not out of order");
	ok(!nt_category_rule_matches(&r, "Reddish wine", "", "", NULL, 0), "not part of a word");
	ok(nt_category_rule_matches(&r, "Ginger ale", "", "", NULL, 0), "'*' ends a prefix");
	ok(!nt_category_rule_matches(&r, "Soda, no red wine", "", "", NULL, 0), "'no' negates");
	ok(!nt_category_rule_matches(&r, "Juice, other than red wine", "", "", NULL, 0),
	   "'other than' negates");
	ok(!nt_category_rule_matches(&r, "Punch, red wine-free", "", "", NULL, 0),
	   "'-free' after negates");
	ok(nt_category_rule_matches(&r, "Punch, red wine; no sugar", "", "", NULL, 0),
	   "a negation elsewhere does not");
	ok(nt_category_rule_matches(&r, "Sangría, vino, RÉD WINE", "", "", NULL, 0),
	   "accents are folded");

	r.scope = NT_SCOPE_HEAD;
	ok(nt_category_rule_matches(&r, "Red wine, dry", "", "", NULL, 0), "in the head");
	ok(!nt_category_rule_matches(&r, "Beef, braised, red wine", "", "", NULL, 0),
	   "not after the head");
	ok(!nt_category_rule_matches(&r, "Beef braised in red wine", "", "", NULL, 0),
	   "not after 'in' in the head");
	ok(nt_category_rule_matches(&r, "Beverages, red wine, cooking", "", "", NULL, 0),
	   "the head after a category word such as 'Beverages'");

	r.scope = NT_SCOPE_START;
	ok(nt_category_rule_matches(&r, "Red wine, dry", "", "", NULL, 0), "at the start");
	ok(!nt_category_rule_matches(&r, "Dry red wine", "", "", NULL, 0), "not later");

	r.scope = NT_SCOPE_ALSO;
	ok(nt_category_rule_matches(&r, "Sangria", "", "made with red wine", NULL, 0),
	   "in the common names");
	ok(!nt_category_rule_matches(&r, "Red wine", "", "", NULL, 0), "not in the name then");

	r.scope = NT_SCOPE_GROUP;
	r.match = "wine|baby*";
	ok(nt_category_rule_matches(&r, "x", "WINE", "", NULL, 0), "a group, any case");
	ok(!nt_category_rule_matches(&r, "x", "Wines", "", NULL, 0), "the whole group name");
	ok(nt_category_rule_matches(&r, "x", "Baby food: fruit", "", NULL, 0), "a group prefix");

	r.scope = NT_SCOPE_NAME;
	r.match = "wine";
	r.unless = "vinegar";
	ok(!nt_category_rule_matches(&r, "Vinegar, red wine", "", "", NULL, 0), "unless cancels");
	ok(nt_category_rule_matches(&r, "Wine, no vinegar", "", "", NULL, 0),
	   "a negated unless does not");
	r.unless = NULL;
	r.groups = "wine";
	ok(nt_category_rule_matches(&r, "Wine, red", "Wine", "", NULL, 0), "in its group");
	ok(!nt_category_rule_matches(&r, "Wine, red", "Beverages", "", NULL, 0),
	   "not in another group");
	ok(!nt_category_rule_matches(&r, NULL, NULL, NULL, NULL, 0), "NULL text is no text");
}

static void
test_names(void)
{
	char buf[256];

	is_str(nt_category_name(NT_CLASS_ALCOHOL), "alcoholic drink", "a class's name");
	ok(nt_category_name(0) == NULL && nt_category_name(3) == NULL &&
	   nt_category_name(1u << NT_CLASS_COUNT) == NULL, "no name for 0, two bits, or past the end");
	for (int i = 0; i < NT_CLASS_COUNT; i++)
		ok(nt_category_name(1u << i) != NULL, "class bit %d has a name", i);
	nt_category_format(NT_CLASS_SWEET_COAT | NT_CLASS_DESSERT, buf, sizeof buf);
	is_str(buf, "sweet coating, dessert or sweet bakery", "two classes, in bit order");
	nt_category_format(0, buf, sizeof buf);
	is_str(buf, "", "none: empty");
	nt_category_format(NT_CLASS_ALL, buf, 8);
	is_int((long long)strlen(buf), 7, "truncated to the buffer");
}

/* The stored classes of the bundled foods. */
static void
test_stored(struct nt_store *s)
{
	static const struct {
		const char *ref;
		unsigned cls;
	} want[] = {
		{"fndds:93301190", NT_CLASS_ALCOHOL | NT_CLASS_SWEET_DRINK}, /* Rum and cola */
		{"fndds:92410310", NT_CLASS_SWEET_DRINK},  /* Soft drink, cola */
		{"sr28:14148", NT_CLASS_SWEET_DRINK},      /* Beverages, carbonated, cola, regular */
		{"sr28:14214", NT_CLASS_DRY},              /* coffee, instant, regular, powder */
		{"fndds:92101000", 0},                     /* Coffee, brewed */
		{"sr28:12155", 0},                         /* Nuts, walnuts, english */
		{"fndds:42116000", 0},                     /* Walnuts, excluding honey roasted */
		{"fndds:42116100", NT_CLASS_SWEET_COAT},   /* Walnuts, honey roasted */
		{"sr28:18250", NT_CLASS_SWEET_COAT | NT_CLASS_DESSERT}, /* Doughnuts, sugared or glazed */
		{"label:4", NT_CLASS_SUPPLEMENT},          /* B12 1000 ug tablet */
		{"label:1", 0},                            /* nutritional yeast flakes */
		{"fndds:56202900", NT_CLASS_FAST_FOOD},    /* Oatmeal, fast food, plain */
		{"fndds:56203056", 0},                     /* Oatmeal, made with water, no added fat */
		{"sr28:20044", NT_CLASS_DRY},              /* Rice, white, long-grain, regular, raw */
		{"sr28:20045", 0},                         /* Rice, white, long-grain, ..., cooked */
		{"fndds:95310600", NT_CLASS_ENERGY},       /* Energy drink (Red Bull) */
		{"fndds:89901050", NT_CLASS_SAUCE | NT_CLASS_INGREDIENT}, /* Tomato sauce, for use with vegetables */
		{"sr28:19296", NT_CLASS_SWEETENER},        /* Honey */
		{"sr28:01123", 0},                         /* Egg, whole, raw, fresh */
	};
	is_int(fixture_count(s, "SELECT count(*) FROM foods WHERE class < 0"), 0,
	       "every bundled food is classified");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		struct nt_food *f = fixture_food(s, want[i].ref);
		char got[256], exp[256];

		if (!f) {
			ok(false, "%s exists", want[i].ref);
			continue;
		}
		nt_category_format(f->cls, got, sizeof got);
		nt_category_format(want[i].cls, exp, sizeof exp);
		ok(f->cls == want[i].cls, "%s %s: [%s] (want [%s])", f->ref, f->name, got, exp);
		nt_food_free(f);
	}
	/* every stored class is what the rules give now, read back through nt_food_get */
	{
		struct nt_stmt *st = nt_store_stmt(s, "SELECT id FROM foods ORDER BY id", NULL);
		long long bad = 0, differ = 0, n = 0;

		while (st && nt_stmt_step(st, NULL) > 0) {
			long long id = nt_stmt_int(st, 0);
			struct nt_food *f;

			/* a second statement while the first steps: fine for reads */
			if (nt_food_get(s, id, &f, NULL) != NT_OK)
				tap_bail("food %lld", id);
			unsigned fast = nt_category_of(f->name, f->group, f->also, f->portions,
			                               f->n_portions), ref = 0;
			size_t n_rules;
			const struct nt_category_rule *r = nt_category_rules(&n_rules);

			for (size_t i = 0; i < n_rules; i++)
				if (nt_category_rule_matches(&r[i], f->name, f->group, f->also,
				                             f->portions, f->n_portions))
					ref |= r[i].cls;
			bad += f->cls != fast;
			differ += fast != ref;
			n++;
			nt_food_free(f);
		}
		if (st)
			nt_stmt_reset(st);
		ok(n > 14000, "%lld foods compared", n);
		is_int(bad, 0, "each stored class is the rules' answer for the stored food");
		is_int(differ, 0, "nt_category_of (indexed) agrees with the rules one by one");
	}
	{
		long long advice = fixture_count(
			s, "SELECT count(*) FROM foods f WHERE " NT_ADVICE_SQL);
		long long none = fixture_count(s, "SELECT count(*) FROM foods WHERE class = 0");
		long long drinks = fixture_count(
			s, "SELECT count(*) FROM foods f WHERE " NT_ADVICE_SQL
			   " AND f.grp = 'Liquor and cocktails'");

		ok(advice > 8000, "most foods are everyday advice (%lld)", advice);
		is_int(advice, none, "NT_ADVICE_SQL holds exactly for foods of no class");
		is_int(drinks, 0, "no cocktail is everyday advice");
	}
}

/* The user's foods get classes when written, and refresh redoes stale ones. */
static void
test_writes(struct nt_store *s)
{
	static const double unknown[NT_STORED_COUNT] = {
		NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
	};
	struct nt_err err;
	struct nt_food *f;
	long long id, id2, changed = -1;
	char v[32];

	if (nt_food_add_custom(s, "Homemade limoncello liqueur", unknown, NULL, 0, 0, &id, &err))
		tap_bail("custom: %s", err.msg);
	if (nt_food_get(s, id, &f, &err))
		tap_bail("get: %s", err.msg);
	is_int(f->cls, NT_CLASS_ALCOHOL, "a custom food is classified when added");
	nt_food_free(f);

	if (nt_food_add_custom(s, "Vitamin D3", unknown, "softgel", 1, 0.5, &id2, &err))
		tap_bail("custom: %s", err.msg);
	if (nt_food_get(s, id2, &f, &err))
		tap_bail("get: %s", err.msg);
	is_int(f->cls, NT_CLASS_SUPPLEMENT, "... by its portion too (1 softgel)");
	nt_food_free(f);

	if (nt_food_add_custom(s, "Fish oil, lemon", unknown, NULL, 0, 0, &id2, &err))
		tap_bail("custom: %s", err.msg);
	is_int(nt_food_mark_supplement(s, id2, &err), NT_OK, "mark a custom food a supplement");
	if (nt_food_get(s, id2, &f, &err))
		tap_bail("get: %s", err.msg);
	is_int(f->cls, NT_CLASS_SUPPLEMENT, "it is classed a supplement (group Supplements)");
	nt_food_free(f);

	/* an older nutrack wrote a food: refresh classifies it */
	nt_store_exec(s, "UPDATE foods SET class = -1 WHERE source = 'custom'", NULL);
	is_int(nt_category_refresh(s, &changed, &err), NT_OK, "refresh");
	is_int(changed, 3, "the three unclassified foods are classified");
	is_int(fixture_count(s, "SELECT class FROM foods WHERE source = 'custom' AND code = '1'"),
	       NT_CLASS_ALCOHOL, "... correctly");
	is_int(nt_category_refresh(s, &changed, &err), NT_OK, "refresh again");
	is_int(changed, 0, "nothing left to do");

	/* other rules made these classes: all are worked out again */
	nt_store_exec(s, "UPDATE foods SET class = 4095 WHERE source = 'sr28' AND code = '12155'",
	              NULL);
	nt_store_meta_set(s, "class_rules", "0", NULL);
	is_int(nt_category_refresh(s, &changed, &err), NT_OK, "refresh after a rules change");
	ok(changed > 14000, "every food is classified again (%lld)", changed);
	is_int(fixture_count(s, "SELECT class FROM foods WHERE source = 'sr28' AND code = '12155'"),
	       0, "walnuts are everyday again");
	is_int(nt_store_meta_get(s, "class_rules", v, sizeof v, &err), NT_OK, "the rules version");
	is_int(atoi(v), NT_CATEGORY_RULES_VERSION, "... is recorded");

	is_int(nt_category_update(s, 999999999, &err), NT_ERR_NOTFOUND, "update of no food");
}

int
main(void)
{
	struct nt_store *s;

	test_rules();
	test_words();
	test_names();
	s = fixture_open(true);
	test_stored(s);
	test_writes(s);
	nt_store_close(s);
	return tap_done();
}
