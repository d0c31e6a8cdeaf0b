/* SPDX-License-Identifier: GPL-3.0-or-later */
/* category.c - the food class rules, in one table, and storing each food's classes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "food.h"
#include "store.h"
#include "text.h"

_Static_assert(NT_CLASS_NOT_ADVICE == 16383, "NT_ADVICE_SQL spells NT_CLASS_NOT_ADVICE as 16383");

#define A NT_CLASS_ALCOHOL
#define E NT_CLASS_ENERGY
#define C NT_CLASS_CANDY
#define D NT_CLASS_DRY
#define S NT_CLASS_SAUCE
#define F NT_CLASS_FORMULA
#define B NT_CLASS_BABY
#define R NT_CLASS_FAST_FOOD
#define P NT_CLASS_SUPPLEMENT
#define W NT_CLASS_SWEET_COAT
#define T NT_CLASS_DESSERT
#define G NT_CLASS_SWEETENER
#define I NT_CLASS_INGREDIENT
#define K NT_CLASS_SWEET_DRINK

/*
 * The rules.  Groups are USDA's SR28 food groups and, for FNDDS foods,
 * their WWEIA categories (data/README); names are USDA's descriptions and
 * whatever an import or the user wrote.  Tests: tests/unit/test_category.c
 * has examples that each rule must and must not match.
 */
static const struct nt_category_rule rules[] = {
	/* ---- alcoholic drinks ---- */
	{A, NT_SCOPE_GROUP, "liquor and cocktails|beer|wine", NULL, NULL,
	 "FNDDS files every alcoholic drink, cocktails included, in these categories"},
	{A, NT_SCOPE_NAME, "alcoholic|liqueur|liqueurs|hard cider|hard lemonade|malt liquor", NULL,
	 NULL, "SR28 names its drinks \"Alcoholic beverage, ...\"; the rest name the alcohol"},
	{A, NT_SCOPE_HEAD,
	 "beer|beers|wine|wines|whiskey|whisky|vodka|tequila|brandy|cognac|bourbon|champagne|"
	 "sake|sangria|margarita|daiquiri|mojito|martini|cider hard",
	 "nonalcoholic|non alcoholic|root beer|ginger beer|birch beer|vinegar|sauce", NULL,
	 "the drink itself is named first (\"Beer, light\"); later it is an ingredient"},

	/* ---- energy drinks ---- */
	{E, NT_SCOPE_NAME,
	 "energy drink|energy drinks|energy shot|energy shots|red bull|rockstar|full throttle|"
	 "high caffeine|5 hour energy",
	 NULL, NULL, "caffeinated energy drinks name themselves so, or by their brand"},
	{E, NT_SCOPE_HEAD, "energy", NULL, "sport and energy drinks|diet sport and energy drinks",
	 "FNDDS puts energy and sport drinks in one category: the energy ones say so"},

	/* ---- candy ---- */
	{C, NT_SCOPE_GROUP, "candy containing chocolate|candy not containing chocolate", NULL, NULL,
	 "FNDDS's candy categories"},
	{C, NT_SCOPE_START, "candies|candy|chewing gum|marshmallow*|lollipop*|jelly beans|gumdrops|"
	 "licorice|caramels|toffee|nougat|truffles|mints|gummy|gummies|chocolate bar",
	 NULL, NULL, "SR28 names its confections \"Candies, ...\"; the others start with the sweet"},
	{C, NT_SCOPE_HEAD, "chocolate", "baking|milk|syrup|spread|drink|drinks|beverage|cake*|cookie*|"
	 "pudding*|ice cream*|frosting*|chip|chips|milk chocolate chips|sauce|powder|cereal*|"
	 "topping*|mousse|croissant*|doughnut*|muffin*|soy*|almond milk|covered|coated|dipped",
	 "sweets|candies", "SR28's chocolate in Sweets is eating chocolate, bars and baking chocolate"},

	/* ---- dry forms: powders, mixes, dehydrated, concentrates, uncooked grain ---- */
	{D, NT_SCOPE_NAME,
	 "powder|powders|powdered|dry mix|mix dry|dry form|dehydrated|freeze dried|not reconstituted|"
	 "frozen concentrate|concentrate undiluted|undiluted|dry concentrate|milk dry|dry milk|"
	 "egg whole dried|egg white dried|egg yolk dried|buttermilk dried|whey dried|whey sweet dry|"
	 "whey acid dry|instant powder|crystals",
	 "prepared|reconstituted|diluted|made with|made from|cooked|baked|fried|stewed|boiled|"
	 "from concentrate", NULL,
	 "made up with water or milk before it is eaten: per 100 g it is not the food as eaten"},
	{D, NT_SCOPE_NAME, "condensed|unprepared", "prepared|diluted|milk|sweetened",
	 "soups, sauces, and gravies|meals, entrees, and side dishes",
	 "condensed soups and dinner mixes are made up before they are eaten"},
	{D, NT_SCOPE_NAME, "dry|uncooked|raw", "dry roasted|dry heat|as purchased",
	 "cereal grains and pasta",
	 "grains and pasta are eaten cooked: the dry weight is 2-3 times as dense"},
	{D, NT_SCOPE_NAME, "dry|uncooked", "dry roasted",
	 "breakfast cereals|legumes and legume products|soy and meat-alternative products",
	 "hot cereals, legumes and soy protein listed dry are cooked or soaked first"},
	{D, NT_SCOPE_NAME, "mature seeds raw|lentils raw|split mature seeds raw|raw mature seeds",
	 NULL, "legumes and legume products", "dried beans and lentils are cooked before eating"},
	{D, NT_SCOPE_HEAD, "flour|flours|starch|cornmeal|corn meal",
	 "tortilla*|patty|patties|tart|tarts|cake*|bread*|fried|baked", NULL,
	 "flours, meals and starches are baking ingredients, not dishes"},

	/* ---- sauces, condiments, dressings, spreads ---- */
	{S, NT_SCOPE_GROUP,
	 "dips, gravies, other sauces|mustard and other condiments|tomato-based condiments|"
	 "soy-based condiments|pasta sauces, tomato-based|mayonnaise|jams, syrups, toppings",
	 NULL, NULL, "FNDDS's categories of sauces, condiments and spreads"},
	{S, NT_SCOPE_HEAD,
	 "sauce|sauces|gravy|gravies|dressing|dressings|ketchup|catsup|mustard|mayonnaise|mayo|"
	 "relish|salsa|condiment|condiments|dip|dips|vinaigrette|pesto|chutney|marinade|horseradish|"
	 "vinegar|jam|jams|jelly|jellies|preserves|marmalade|topping|toppings|frosting|frostings|icing",
	 "greens|spinach|mustard seed*|apple|applesauce|stuffing|cornbread|bread|gelatin|"
	 "jelly bean*|jelly filled|jelly filling|with jelly|and jelly|jellyfish|petroleum|royal jelly|"
	 "sandwich*|dressing with", NULL,
	 "named first, it is the sauce or spread itself; \"with tomato sauce\" is a dish"},
	{S, NT_SCOPE_NAME, "sauce|sauces|gravy|gravies|salsa|dip", "soup*|chowder|bisque|broth|stew*",
	 "soups, sauces, and gravies",
	 "SR28 brand names come first (\"PREGO Pasta, ... Sauce\"): in this group a sauce is a sauce"},

	/* ---- infant formula and baby food ---- */
	{F, NT_SCOPE_GROUP, "formula, prepared from powder|formula, ready-to-feed", NULL, NULL,
	 "FNDDS's formula categories"},
	{F, NT_SCOPE_NAME, "infant formula|toddler formula|child formula|follow on formula|"
	 "baby formula", NULL, NULL, "formula names itself"},
	{B, NT_SCOPE_GROUP, "baby*", NULL, NULL,
	 "SR28's Baby Foods; FNDDS's \"Baby food: ...\", baby juice and baby water"},
	{B, NT_SCOPE_NAME, "babyfood|baby food|baby foods|toddler", NULL, NULL,
	 "foods made for infants and toddlers say so"},

	/* ---- fast food, restaurant and cafeteria items ---- */
	{R, NT_SCOPE_GROUP, "fast foods|restaurant foods", NULL, NULL,
	 "SR28's chain and restaurant groups"},
	{R, NT_SCOPE_NAME,
	 "fast food|fast foods|restaurant|restaurants|school cafeteria|school lunch|school|"
	 "mcdonald s|mcdonalds|burger king|wendy s|wendys|taco bell|pizza hut|domino s|dominos|kfc|"
	 "kentucky fried|subway|dairy queen|popeyes|arby s|chick fil a|dunkin|starbucks|papa john s|"
	 "little caesars|sonic|jack in the box|carl s jr|hardee s|applebee s|olive garden|denny s|"
	 "ihop|panera|chipotle",
	 NULL, NULL, "a caterer's recipe and portion, not the everyday home-made form"},

	/* ---- supplements ---- */
	{P, NT_SCOPE_GROUP, "supplements|nutritional beverages|protein and nutritional powders", NULL,
	 NULL, "label supplements, and FNDDS's nutritional drinks and powders"},
	{P, NT_SCOPE_NAME,
	 "supplement|supplements|multivitamin*|tablet|tablets|capsule|capsules|softgel*|caplet*|"
	 "meal replacement|nutritional shake|nutritional drink|nutritional powder|ensure|glucerna|"
	 "pediasure|slimfast|protein powder",
	 NULL, NULL, "supplements and nutrition drinks name themselves"},
	{P, NT_SCOPE_PORTION, "tablet|tablets|capsule|capsules|softgel*|caplet*|lozenge*",
	 "rennin|sugar substitute*|sweetener*", NULL,
	 "a food measured in tablets or capsules is a supplement"},

	/* ---- sweet coatings ---- */
	{W, NT_SCOPE_NAME,
	 "honey roasted|honey roast|honey glazed|honey coated|glazed|candied|with honey|in honey|"
	 "cooked with honey|sugar coated|sugared|frosted|chocolate coated|chocolate covered|"
	 "chocolate dipped|yogurt covered|yogurt coated|caramel coated|caramel covered|"
	 "toffee coated|sugar glazed|maple glazed|praline*",
	 NULL, NULL, "a sweet coating is a variant: \"walnuts\" means plain walnuts"},
	{W, NT_SCOPE_NAME, "honey", NULL,
	 "breakfast cereals|ready-to-eat cereal*|nuts and seeds|nut and seed products",
	 "honey in a cereal's or nut's name is its honey-sweetened variant"},

	/* ---- desserts and sweet bakery ---- */
	{T, NT_SCOPE_GROUP,
	 "cakes and pies|cookies and brownies|doughnuts, sweet rolls, pastries|"
	 "ice cream and frozen dairy desserts|pudding|gelatins, ices, sorbets|"
	 "milk shakes and other dairy drinks",
	 NULL, NULL, "FNDDS's dessert and sweet bakery categories"},
	{T, NT_SCOPE_HEAD,
	 "cake|cakes|cupcake*|cheesecake*|coffeecake*|cookie|cookies|brownie*|pie|pies|pastry|"
	 "pastries|doughnut*|donut*|danish|sweet roll*|cinnamon roll*|cinnamon bun*|honey bun*|"
	 "strudel|eclair*|cream puff*|toaster pastries|pop tarts|ice cream*|ice milk|frozen yogurt*|"
	 "frozen dessert*|frozen novelties|sherbet|sorbet|gelato|popsicle*|ice pop*|fruit ice|"
	 "pudding*|custard*|flan|mousse|gelatin dessert*|tiramisu|cobbler|baklava|pie filling*|"
	 "dessert|desserts|sundae*|milk shake*|milkshake*|shake fast food|muffin|muffins|"
	 "sweet bread|churro*|funnel cake",
	 "rice cake*|rice cracker*|crab cake*|fish cake*|salmon cake*|potato cake*|corn cake*|"
	 "bean cake*|pot pie*|shepherd*|meat pie*|chicken pie|pie crust*|english muffin*|"
	 "yorkshire|blood pudding|corn pudding|pancake*|tofu|cake flour|cake mix*|rice pudding mix|"
	 "english|cornbread",
	 NULL, "desserts and sweet bakery are treats, named first when they are the food"},
	{T, NT_SCOPE_NAME,
	 "cake|cakes|cupcake*|cookie|cookies|brownie*|pie|pies|pastry|pastries|doughnut*|danish|"
	 "toaster pastries|pop tarts|sweet roll*|cinnamon roll*|wafer|wafers|shortbread|"
	 "fig bars|snack cakes",
	 "rice cake*|crab cake*|fish cake*|pot pie*|pie crust*|cracker*|english|cornbread",
	 "baked products",
	 "SR28 puts brands first (\"KEEBLER, ... Cookies\"): in Baked Products these are sweets"},

	/* ---- sweeteners ---- */
	{G, NT_SCOPE_GROUP, "sugars and honey|sugar substitutes", NULL, NULL,
	 "FNDDS's sweetener categories"},
	{G, NT_SCOPE_HEAD,
	 "sugar|sugars|syrup|syrups|honey|molasses|sweetener*|agave|stevia|sucralose|aspartame|"
	 "saccharin|dextrose|treacle",
	 "snap|peas|beet*|apple|cane juice|bun|buns|roll|rolls|cake*|cookie*|graham*|cereal*|"
	 "crisp*|nut|nuts|dew|honeydew|mustard|glazed|roasted|ham|turkey|chicken|wafer*|"
	 "cured|pop*|cone*|snap*", NULL,
	 "sugar, syrup and honey named first are the sweetener itself"},

	/* ---- components of dishes ---- */
	{I, NT_SCOPE_NAME, "as ingredient|for use with|for use on|for use in", NULL, NULL,
	 "FNDDS's components of mixed dishes: a part of a recipe, not a food eaten alone"},

	/* ---- sugary and "functional" drinks ---- */
	{K, NT_SCOPE_GROUP,
	 "soft drinks|diet soft drinks|fruit drinks|sport and energy drinks|"
	 "diet sport and energy drinks|enhanced water|flavored or carbonated water|other diet drinks",
	 "energy", NULL,
	 "FNDDS's sweetened and \"vitamin\" drinks: the B12 or potassium they add is no reason "
	 "to drink them, and a dietitian would not offer them as a source"},
	{K, NT_SCOPE_NAME,
	 "soft drink|soft drinks|carbonated beverage|cola|sports drink|enhanced water|"
	 "vitamin water|fruit punch|fruit drink|fruit flavored drink|juice drink|lemonade|"
	 "limeade|fruitade|ginger ale|root beer",
	 "cola nut|kola", NULL,
	 "SR28 names its soft drinks, ades and sports drinks \"Beverages, ...\""},
};

#define N_RULES (sizeof rules / sizeof *rules)

const struct nt_category_rule *
nt_category_rules(size_t *n)
{
	*n = N_RULES;
	return rules;
}

static const char *const class_names[NT_CLASS_COUNT] = {
	"alcoholic drink", "energy drink", "candy", "dry form (powder, mix, uncooked)",
	"sauce or condiment", "infant formula", "baby food", "fast food or restaurant",
	"supplement", "sweet coating", "dessert or sweet bakery", "sweetener",
	"ingredient of a dish", "sugary or vitamin drink",
};

const char *
nt_category_name(unsigned bit)
{
	for (int i = 0; i < NT_CLASS_COUNT; i++)
		if (bit == 1u << i)
			return class_names[i];
	return NULL;
}

void
nt_category_format(unsigned cls, char *buf, size_t n)
{
	size_t o = 0;

	if (n)
		buf[0] = '\0';
	for (int i = 0; i < NT_CLASS_COUNT && o < n; i++)
		if (cls & (1u << i))
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? ", " : "", class_names[i]);
}

/* ---- words of a text ---- */

#define MAX_TOKENS 96
#define TOKEN_LEN 40

struct toks {
	size_t n;
	size_t head_from, head_to; /* the head: tokens [head_from, head_to) */
	char t[MAX_TOKENS][TOKEN_LEN];
	unsigned char seg[MAX_TOKENS];
};

/* Leading name segments that only say what kind of food follows. */
static const char *const category_heads[] = {
	"alcoholic beverage", "alcoholic beverages", "babyfood", "beverage", "beverages",
	"candies", "cereals", "cereals ready to eat", "crustaceans", "fast foods", "fish",
	"leavening agents", "mollusks", "nuts", "oil", "seeds", "snacks", "spices",
};

/* Words after which the rest of a head is what the food is made with. */
static const char *const linking[] = {"and", "in", "on", "or", "over", "plus", "w", "with"};

static bool
in_words(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w, list[i]))
			return true;
	return false;
}

static void
tokenize(const char *text, struct toks *tk)
{
	char folded[1024];
	unsigned char seg = 0;
	const char *p;

	tk->n = 0;
	nt_text_fold(text ? text : "", folded, sizeof folded);
	for (p = folded; *p;) {
		unsigned char c = (unsigned char)*p;
		size_t len = 0;

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) {
			if ((c == ',' || c == ';') && seg < 255)
				seg++;
			p++;
			continue;
		}
		while (p[len] && (((unsigned char)p[len] >= 'a' && (unsigned char)p[len] <= 'z') ||
		                  (p[len] >= '0' && p[len] <= '9') || (unsigned char)p[len] >= 0x80))
			len++;
		if (tk->n < MAX_TOKENS) {
			size_t keep = len < TOKEN_LEN ? len : TOKEN_LEN - 1;

			memcpy(tk->t[tk->n], p, keep);
			tk->t[tk->n][keep] = '\0';
			tk->seg[tk->n] = seg;
			tk->n++;
		}
		p += len;
	}

	/* the head: segment 0, or 1 when segment 0 is a category word */
	{
		char seg0[128] = "";
		size_t o = 0, i;
		unsigned char head = 0;

		for (i = 0; i < tk->n && tk->seg[i] == 0; i++)
			o += (size_t)snprintf(seg0 + o, o < sizeof seg0 ? sizeof seg0 - o : 0, "%s%s",
			                      o ? " " : "", tk->t[i]);
		if (i < tk->n && in_words(seg0, category_heads,
		                          sizeof category_heads / sizeof *category_heads))
			head = tk->seg[i];
		tk->head_from = tk->n;
		for (i = 0; i < tk->n; i++)
			if (tk->seg[i] == head) {
				tk->head_from = i;
				break;
			}
		tk->head_to = tk->head_from;
		while (tk->head_to < tk->n && tk->seg[tk->head_to] == head &&
		       !(tk->head_to > tk->head_from &&
		         in_words(tk->t[tk->head_to], linking, sizeof linking / sizeof *linking)))
			tk->head_to++;
	}
}

/* ---- phrases ---- */

static const char *const negators[] = {"except", "excluding", "no", "non", "not", "without"};

/* Whether phrase word w (len bytes, '*' at the end for a prefix) equals token t. */
static bool
word_is(const char *w, size_t len, const char *t)
{
	if (len && w[len - 1] == '*')
		return !strncmp(t, w, len - 1);
	return strlen(t) == len && !memcmp(t, w, len);
}

/*
 * Whether the phrase p[0..plen) (words separated by single spaces) starts
 * at a token in [from, start_to) and ends within [from, to), not negated.
 */
static bool
phrase_at(const struct toks *tk, size_t from, size_t start_to, size_t to, const char *p,
          size_t plen)
{
	for (size_t i = from; i < start_to; i++) {
		const char *w = p, *end = p + plen;
		size_t j = i;
		bool ok = true;

		while (w < end) {
			const char *sp = memchr(w, ' ', (size_t)(end - w));
			size_t wl = sp ? (size_t)(sp - w) : (size_t)(end - w);

			if (j >= to || !word_is(w, wl, tk->t[j])) {
				ok = false;
				break;
			}
			j++;
			w += wl + (sp ? 1 : 0);
		}
		if (!ok)
			continue;
		if (i > 0 && in_words(tk->t[i - 1], negators, sizeof negators / sizeof *negators))
			continue;
		if (i > 1 && !strcmp(tk->t[i - 2], "other") && !strcmp(tk->t[i - 1], "than"))
			continue;
		if (j < tk->n && !strcmp(tk->t[j], "free"))
			continue;
		return true;
	}
	return false;
}

/* Whether any '|'-separated phrase of list occurs in tokens [from, to). */
static bool
any_phrase(const struct toks *tk, size_t from, size_t to, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, "|");

		if (len && phrase_at(tk, from, to, to, p, len))
			return true;
		p += len + (p[len] == '|');
	}
	return false;
}

/* Whether the folded group g is one of the '|'-separated list (a '*' ends a prefix). */
static bool
group_in(const char *g, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, "|");

		if (len && p[len - 1] == '*' ? !strncmp(g, p, len - 1)
		                             : (strlen(g) == len && !strncmp(g, p, len)))
			return true;
		p += len + (p[len] == '|');
	}
	return false;
}

/* The parts of one food the rules read, tokenized once. */
struct subject {
	struct toks name, also;
	char group[256];
	const struct nt_portion *portions;
	size_t n_portions;
	bool also_done;
};

static void
subject_init(struct subject *sj, const char *name, const char *group,
             const struct nt_portion *p, size_t n)
{
	tokenize(name, &sj->name);
	nt_text_fold(group ? group : "", sj->group, sizeof sj->group);
	sj->portions = p;
	sj->n_portions = n;
	sj->also_done = false;
	sj->also.n = 0;
}

static bool
matches(const struct nt_category_rule *r, struct subject *sj, const char *also)
{
	const struct toks *nm = &sj->name;

	if (r->groups && !group_in(sj->group, r->groups))
		return false;
	if (r->unless && any_phrase(nm, 0, nm->n, r->unless))
		return false;
	switch (r->scope) {
	case NT_SCOPE_NAME:
		return any_phrase(nm, 0, nm->n, r->match);
	case NT_SCOPE_HEAD:
		return any_phrase(nm, nm->head_from, nm->head_to, r->match);
	case NT_SCOPE_START:
		for (const char *p = r->match; *p;) {
			size_t len = strcspn(p, "|");

			if (len && phrase_at(nm, 0, nm->n ? 1 : 0, nm->n, p, len))
				return true;
			p += len + (p[len] == '|');
		}
		return false;
	case NT_SCOPE_GROUP:
		return group_in(sj->group, r->match);
	case NT_SCOPE_ALSO:
		if (!sj->also_done) {
			tokenize(also, &sj->also);
			sj->also_done = true;
		}
		return any_phrase(&sj->also, 0, sj->also.n, r->match);
	case NT_SCOPE_PORTION:
		for (size_t i = 0; i < sj->n_portions; i++) {
			struct toks pt;

			tokenize(sj->portions[i].unit, &pt);
			if (any_phrase(&pt, 0, pt.n, r->match))
				return true;
		}
		return false;
	}
	return false;
}

bool
nt_category_rule_matches(const struct nt_category_rule *r, const char *name, const char *group,
                         const char *also, const struct nt_portion *p, size_t n_portions)
{
	struct subject sj;

	subject_init(&sj, name, group, p, n_portions);
	return matches(r, &sj, also);
}

/*
 * nt_category_of runs every rule on every food of an import (400,000
 * Branded foods): instead of trying each phrase at each word as above, it
 * finds once which phrases of the table start at each word of the name
 * (an index by first word), then asks each rule whether one of its phrases
 * was found where its scope looks.  nt_category_rule_matches stays the
 * plain reference; test_category checks that both agree on every bundled
 * food.
 */
#define MAX_PHRASES 1024
#define MAX_PHRASE_WORDS 6

enum { LIST_MATCH, LIST_UNLESS };

struct cphrase {
	unsigned short rule;
	unsigned char list; /* LIST_* */
	unsigned char n;    /* words */
	const char *w[MAX_PHRASE_WORDS];
	unsigned char len[MAX_PHRASE_WORDS];
	bool prefix[MAX_PHRASE_WORDS];
};

static struct {
	bool ready;
	size_t n, n_exact, n_prefix;
	struct cphrase ph[MAX_PHRASES];
	unsigned short exact[MAX_PHRASES];  /* phrases by first word, sorted */
	unsigned short prefix[MAX_PHRASES]; /* phrases whose first word is a prefix */
} table;

static int
cmp_first(const void *a, const void *b)
{
	const struct cphrase *x = &table.ph[*(const unsigned short *)a];
	const struct cphrase *y = &table.ph[*(const unsigned short *)b];
	size_t n = x->len[0] < y->len[0] ? x->len[0] : y->len[0];
	int c = memcmp(x->w[0], y->w[0], n);

	return c ? c : (int)x->len[0] - (int)y->len[0];
}

/* Adds the '|'-separated phrases of list to the table. */
static void
compile_list(unsigned short rule, unsigned char list, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t len = strcspn(p, "|");
		struct cphrase *ph;
		const char *w = p, *end = p + len;

		if (!len || table.n >= MAX_PHRASES) {
			p += len + (p[len] == '|');
			continue;
		}
		ph = &table.ph[table.n];
		ph->rule = rule;
		ph->list = list;
		ph->n = 0;
		while (w < end && ph->n < MAX_PHRASE_WORDS) {
			const char *sp = memchr(w, ' ', (size_t)(end - w));
			size_t wl = sp ? (size_t)(sp - w) : (size_t)(end - w);

			ph->prefix[ph->n] = wl && w[wl - 1] == '*';
			ph->w[ph->n] = w;
			ph->len[ph->n] = (unsigned char)(wl - ph->prefix[ph->n]);
			ph->n++;
			w += wl + (sp ? 1 : 0);
		}
		if (ph->prefix[0])
			table.prefix[table.n_prefix++] = (unsigned short)table.n;
		else
			table.exact[table.n_exact++] = (unsigned short)table.n;
		table.n++;
		p += len + (p[len] == '|');
	}
}

static void
compile(void)
{
	for (size_t r = 0; r < N_RULES; r++) {
		/* only the name's phrases: groups are compared whole, the rest is rare */
		if (rules[r].scope == NT_SCOPE_NAME || rules[r].scope == NT_SCOPE_HEAD ||
		    rules[r].scope == NT_SCOPE_START)
			compile_list((unsigned short)r, LIST_MATCH, rules[r].match);
		if (rules[r].unless)
			compile_list((unsigned short)r, LIST_UNLESS, rules[r].unless);
	}
	qsort(table.exact, table.n_exact, sizeof *table.exact, cmp_first);
	table.ready = true;
}

static bool
cword_is(const struct cphrase *ph, size_t k, const char *t)
{
	if (ph->prefix[k])
		return !strncmp(t, ph->w[k], ph->len[k]);
	return strlen(t) == ph->len[k] && !memcmp(t, ph->w[k], ph->len[k]);
}

struct hit {
	unsigned short rule;
	unsigned char list;
	unsigned char from, to; /* tokens [from, to) */
};

#define MAX_HITS 64

/* Records phrase ph found at token i, unless it runs out or is negated. */
static void
try_phrase(const struct toks *tk, size_t i, const struct cphrase *ph, struct hit *hits,
           size_t *n)
{
	size_t j = i;

	for (size_t k = 0; k < ph->n; k++, j++)
		if (j >= tk->n || !cword_is(ph, k, tk->t[j]))
			return;
	if (i > 0 && in_words(tk->t[i - 1], negators, sizeof negators / sizeof *negators))
		return;
	if (i > 1 && !strcmp(tk->t[i - 2], "other") && !strcmp(tk->t[i - 1], "than"))
		return;
	if (j < tk->n && !strcmp(tk->t[j], "free"))
		return;
	if (*n < MAX_HITS)
		hits[(*n)++] = (struct hit){ph->rule, ph->list, (unsigned char)i, (unsigned char)j};
}

/* Every phrase of the table found in the name. */
static size_t
find_phrases(const struct toks *tk, struct hit *hits)
{
	size_t n = 0;

	for (size_t i = 0; i < tk->n && i < 255; i++) {
		size_t lo = 0, hi = table.n_exact, tl = strlen(tk->t[i]);

		/* the first phrase whose first word is >= the token */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			const struct cphrase *ph = &table.ph[table.exact[mid]];
			size_t m = ph->len[0] < tl ? ph->len[0] : tl;
			int c = memcmp(ph->w[0], tk->t[i], m);

			if (c < 0 || (c == 0 && ph->len[0] < tl))
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < table.n_exact; lo++) {
			const struct cphrase *ph = &table.ph[table.exact[lo]];

			if (ph->len[0] != tl || memcmp(ph->w[0], tk->t[i], tl))
				break;
			try_phrase(tk, i, ph, hits, &n);
		}
		for (size_t k = 0; k < table.n_prefix; k++)
			try_phrase(tk, i, &table.ph[table.prefix[k]], hits, &n);
	}
	return n;
}

static bool
hit_in(const struct hit *hits, size_t n, size_t rule, unsigned char list, size_t from,
       size_t start_to, size_t to)
{
	for (size_t i = 0; i < n; i++)
		if (hits[i].rule == rule && hits[i].list == list && hits[i].from >= from &&
		    hits[i].from < start_to && hits[i].to <= to)
			return true;
	return false;
}

unsigned
nt_category_of(const char *name, const char *group, const char *also,
               const struct nt_portion *p, size_t n_portions)
{
	struct subject sj;
	struct hit hits[MAX_HITS];
	const struct toks *nm = &sj.name;
	unsigned cls = 0;
	size_t n;

	if (!table.ready)
		compile(); /* once: the program is single-threaded */
	subject_init(&sj, name, group, p, n_portions);
	n = find_phrases(nm, hits);
	for (size_t r = 0; r < N_RULES; r++) {
		const struct nt_category_rule *rl = &rules[r];
		bool yes;

		if (cls & rl->cls)
			continue;
		if (rl->groups && !group_in(sj.group, rl->groups))
			continue;
		if (rl->unless && hit_in(hits, n, r, LIST_UNLESS, 0, nm->n, nm->n))
			continue;
		switch (rl->scope) {
		case NT_SCOPE_NAME:
			yes = hit_in(hits, n, r, LIST_MATCH, 0, nm->n, nm->n);
			break;
		case NT_SCOPE_HEAD:
			yes = hit_in(hits, n, r, LIST_MATCH, nm->head_from, nm->head_to, nm->head_to);
			break;
		case NT_SCOPE_START:
			yes = hit_in(hits, n, r, LIST_MATCH, 0, 1, nm->n);
			break;
		default: /* group, common names, portions: as the reference does */
			yes = matches(rl, &sj, also);
		}
		if (yes)
			cls |= rl->cls;
	}
	return cls;
}

/* ---- storing ---- */

static const char sql_food[] = "SELECT name, grp, also FROM foods WHERE id = ?1";
static const char sql_portions[] = "SELECT amount, unit, grams FROM portions WHERE food = ?1";
static const char sql_set[] = "UPDATE foods SET class = ?2 WHERE id = ?1";
static const char sql_unclassified[] =
	"SELECT id, name, grp, also FROM foods WHERE class < 0 ORDER BY id LIMIT 256";
static const char sql_any_unclassified[] = "SELECT EXISTS(SELECT 1 FROM foods WHERE class < 0)";
static const char sql_forget[] = "UPDATE foods SET class = -1 WHERE class >= 0";

/* Portions of food `id` into *p (grown as needed); their number into *n. */
static enum nt_status
read_portions(struct nt_store *s, long long id, struct nt_portion **p, size_t *n, size_t *cap,
              struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_portions, err);
	int rc;

	for (size_t i = 0; i < *n; i++)
		free((*p)[i].unit);
	*n = 0;
	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		if (*n == *cap) {
			size_t ncap = *cap ? 2 * *cap : 16;
			struct nt_portion *np = realloc(*p, ncap * sizeof *np);

			if (!np) {
				nt_stmt_reset(st);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			*p = np;
			*cap = ncap;
		}
		(*p)[*n].amount = nt_stmt_double(st, 0);
		(*p)[*n].grams = nt_stmt_double(st, 2);
		if (!((*p)[*n].unit = strdup(nt_stmt_text(st, 1)))) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		(*n)++;
	}
	return rc < 0 ? err->status : NT_OK;
}

static void
free_portions(struct nt_portion *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i].unit);
	free(p);
}

static enum nt_status
store_class(struct nt_store *s, long long id, unsigned cls, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_set, err);

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_int(st, 2, cls);
	return nt_stmt_run(st, err);
}

enum nt_status
nt_category_update(struct nt_store *s, long long id, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	struct nt_portion *p = NULL;
	size_t n = 0, cap = 0;
	char *name = NULL, *grp = NULL, *also = NULL;
	enum nt_status rc;
	int r;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	if ((r = nt_stmt_step(st, err)) <= 0)
		return r < 0 ? err->status : nt_err_set(err, NT_ERR_NOTFOUND, "no food with row id %lld", id);
	name = strdup(nt_stmt_text(st, 0));
	grp = strdup(nt_stmt_text(st, 1));
	also = strdup(nt_stmt_text(st, 2));
	nt_stmt_reset(st);
	if (!name || !grp || !also)
		rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	else if (!(rc = read_portions(s, id, &p, &n, &cap, err)))
		rc = store_class(s, id, nt_category_of(name, grp, also, p, n), err);
	free(name);
	free(grp);
	free(also);
	free_portions(p, n);
	return rc;
}

struct pending {
	long long id;
	char *name, *grp, *also;
};

/* Classifies the next batch of unclassified foods; *done: none was left. */
static enum nt_status
classify_batch(struct nt_store *s, long long *changed, bool *done, struct nt_err *err)
{
	struct pending batch[256];
	struct nt_portion *p = NULL;
	size_t n = 0, np = 0, cap = 0;
	struct nt_stmt *st = nt_store_stmt(s, sql_unclassified, err);
	enum nt_status rc = NT_OK;
	int r = 0;

	if (!st)
		return err->status;
	while (n < sizeof batch / sizeof *batch && (r = nt_stmt_step(st, err)) > 0) {
		batch[n].id = nt_stmt_int(st, 0);
		batch[n].name = strdup(nt_stmt_text(st, 1));
		batch[n].grp = strdup(nt_stmt_text(st, 2));
		batch[n].also = strdup(nt_stmt_text(st, 3));
		n++;
		if (!batch[n - 1].name || !batch[n - 1].grp || !batch[n - 1].also) {
			rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			break;
		}
	}
	nt_stmt_reset(st);
	if (!rc && r < 0)
		rc = err->status;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(rc = read_portions(s, batch[i].id, &p, &np, &cap, err)))
			rc = store_class(s, batch[i].id,
			                 nt_category_of(batch[i].name, batch[i].grp, batch[i].also, p, np),
			                 err);
	}
	for (size_t i = 0; i < n; i++) {
		free(batch[i].name);
		free(batch[i].grp);
		free(batch[i].also);
	}
	free_portions(p, np);
	*changed += (long long)n;
	*done = n == 0;
	return rc;
}

enum nt_status
nt_category_refresh(struct nt_store *s, long long *changed, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char have[32], want[32];
	enum nt_status rc;
	long long count = 0;
	bool current, done = false;
	int r;

	if (!err)
		err = &scratch;
	if (changed)
		*changed = 0;
	snprintf(want, sizeof want, "%d", NT_CATEGORY_RULES_VERSION);
	current = nt_store_meta_get(s, "class_rules", have, sizeof have, NULL) == NT_OK &&
	          !strcmp(have, want);
	if (current) {
		if (!(st = nt_store_stmt(s, sql_any_unclassified, err)))
			return err->status;
		if ((r = nt_stmt_step(st, err)) < 0)
			return err->status;
		r = (int)nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		if (!r)
			return NT_OK;
	}
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if (!current && (rc = nt_store_exec(s, sql_forget, err)))
		goto fail;
	while (!done)
		if ((rc = classify_batch(s, &count, &done, err)))
			goto fail;
	if ((rc = nt_store_meta_set(s, "class_rules", want, err)))
		goto fail;
	if ((rc = nt_store_commit(s, err))) /* rolled back */
		return rc;
	if (changed)
		*changed = count;
	return NT_OK;
fail:
	nt_store_rollback(s);
	return rc;
}
