/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rank.c - search words, plurals and synonyms, and the ranking rules, each in one table. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "rank.h"
#include "text.h"

/* ---- the ranking rules ---- */

/*
 * Costs add up per food; the lowest total comes first.  Matching rules
 * count once per typed term (the best place the term is found); the others
 * once per food, or per word where they say so.  The weights were set on
 * tests/data/phrases.csv and are checked one by one in test_rank.c.
 */
static const struct nt_rank_rule_info rank_rules[NT_RANK_RULE_COUNT] = {
	[NT_RANK_HEAD_WORD] = {"head-word", 0,
		"a typed word that is a word of the food's head (the name before its first "
		"comma; with the part after it when that holds only typed words: \"Bread, "
		"white\" for \"white bread\") is what the food is"},
	[NT_RANK_NAME_WORD] = {"name-word", 2,
		"a typed word later in the name is a detail of another food"},
	[NT_RANK_HEAD_PREFIX] = {"head-prefix", 3,
		"the start of a head word: the word may be half typed, or another word (plus "
		"0.02 a letter not typed, at most 0.5: \"eg\" is nearer egg than eggplant)"},
	[NT_RANK_NAME_PREFIX] = {"name-prefix", 4, "the start of a word later in the name"},
	[NT_RANK_ALSO_WORD] = {"also-word", 5,
		"found only in the common names or keywords, not in the name"},
	[NT_RANK_ALSO_PREFIX] = {"also-prefix", 6,
		"the start of a word of the common names or keywords"},
	[NT_RANK_GROUP_ONLY] = {"group-only", 8,
		"found only in the food group: a food of that kind, not named so"},
	[NT_RANK_DROPPED] = {"dropped", 10,
		"no food has every word: this one lacks one (\"ground flaxseed\" finds flaxseed)"},
	[NT_RANK_HEAD_COVERED] = {"head-covered", -3,
		"the head is exactly what was typed: \"Coffee, brewed\" for \"coffee\""},
	[NT_RANK_EXTRA_WORD] = {"extra-word", 0.25,
		"each word not typed makes a food more specific than asked (at most 12 count)"},
	[NT_RANK_PLAIN_WORD] = {"plain-word", -0.3,
		"a word of the everyday form (raw, cooked, brewed, plain, whole; once)"},
	[NT_RANK_GENERIC] = {"generic", -0.8,
		"FNDDS's \"X, NFS\" (not further specified) is the food X when nothing more is said"},
	[NT_RANK_RAW] = {"raw", 1.5,
		"meat, poultry and fish are eaten cooked: raw weights are for recipes, unless "
		"\"raw\" was typed"},
	[NT_RANK_ALCOHOL] = {"alcohol", 6,
		"alcoholic drinks, unless a drink is named (\"rum and cola\" finds the cocktail, "
		"\"cola\" the soft drink)"},
	[NT_RANK_ENERGY] = {"energy-drink", 4, "energy drinks, unless named"},
	[NT_RANK_CANDY] = {"candy", 4, "candy, unless candy or chocolate is named"},
	[NT_RANK_DRY] = {"dry-form", 4,
		"powders, mixes, concentrates, uncooked grain: not the food as eaten "
		"(\"coffee\" is brewed coffee)"},
	[NT_RANK_SAUCE] = {"sauce", 3, "sauces and condiments, unless a sauce is named"},
	[NT_RANK_FORMULA] = {"formula", 8, "infant formula, unless named"},
	[NT_RANK_BABY] = {"baby-food", 6, "baby foods, unless named"},
	[NT_RANK_FAST_FOOD] = {"fast-food", 3,
		"fast food, restaurant and cafeteria versions, unless named"},
	[NT_RANK_SUPPLEMENT] = {"supplement", 3, "supplements and nutrition drinks, unless named"},
	[NT_RANK_SWEET_COAT] = {"sweet-coating", 3,
		"honey roasted, glazed, candied: \"walnuts\" are plain walnuts"},
	[NT_RANK_DESSERT] = {"dessert", 2, "desserts and sweet bakery, unless named"},
	[NT_RANK_SWEETENER] = {"sweetener", 2, "sugars and syrups, unless named"},
	[NT_RANK_INGREDIENT] = {"ingredient", 4,
		"FNDDS's components of dishes (\"as ingredient\") are parts, not foods"},
	[NT_RANK_SWEET_DRINK] = {"sweet-drink", 2,
		"soft drinks, fruit drinks, sports drinks and enhanced waters, unless one is named: "
		"\"orange\" is the fruit or its juice"},
	[NT_RANK_ANALOG] = {"analog", 2,
		"a meat or dairy analog (\"Chicken, meatless\", \"Cheese, imitation\") or an "
		"herbal tea (\"Tea, hot, herbal\", chamomile, hibiscus) is not what the food's name "
		"alone means, unless \"vegan\", \"meatless\", \"herbal\"... is typed"},
	[NT_RANK_PART] = {"part", 1.5,
		"organs and feet of meat, and a skin or peel alone (\"Potatoes, baked, skin\"), "
		"are parts, not the food a name means, unless typed"},
	[NT_RANK_DISH] = {"dish", 1.5,
		"a mixed dish (sandwich, casserole, rice dish) for one typed word: the word names "
		"the food, not a dish made with it"},
	[NT_RANK_DELI] = {"deli", 1,
		"luncheon meats and cold cuts: \"chicken breast\" is the meat, not the deli slice"},
	[NT_RANK_BRAND] = {"brand", 1.5, "a brand name is one product, not the generic food"},
	[NT_RANK_REGIONAL] = {"regional", 2,
		"American Indian/Alaska Native foods are traditional forms, rarely what common "
		"words mean"},
	[NT_RANK_DIET] = {"diet", 5,
		"a food that breaks the diet searched for comes after those that fit as well"},
	[NT_RANK_HISTORY] = {"history", -2, "the user has logged it lately: their usual"},
	[NT_RANK_OWN] = {"own", -1, "the user's own food or recipe"},
};

const struct nt_rank_rule_info *
nt_rank_rules(void)
{
	return rank_rules;
}

/* The class rules, by class bit. */
static const struct {
	unsigned cls;
	enum nt_rank_rule rule;
	const char *named_by; /* typed words that name the class ('|'-separated) */
} class_rules[] = {
	{NT_CLASS_ALCOHOL, NT_RANK_ALCOHOL,
	 "alcohol|alcoholic|beer|beers|wine|wines|vodka|rum|gin|whiskey|whisky|tequila|brandy|"
	 "cognac|bourbon|scotch|liqueur|liquor|cocktail|cocktails|margarita|martini|mojito|"
	 "sangria|sake|cider|champagne|prosecco|lager|stout|mimosa|daiquiri|sherry|port|punch"},
	{NT_CLASS_ENERGY, NT_RANK_ENERGY, "energy|bull|monster|rockstar|caffeine|caffeinated"},
	{NT_CLASS_CANDY, NT_RANK_CANDY,
	 "candy|candies|chocolate|chocolates|gum|lollipop|toffee|fudge|caramel|caramels|licorice|"
	 "gummy|gummies|marshmallow|marshmallows|mints|jellybeans|truffle|truffles|sweets"},
	{NT_CLASS_DRY, NT_RANK_DRY,
	 "powder|powdered|mix|dry|dried|dehydrated|concentrate|concentrated|flour|raw|uncooked|"
	 "granules|crystals|condensed|unprepared|undiluted"},
	{NT_CLASS_SAUCE, NT_RANK_SAUCE,
	 "sauce|sauces|dressing|ketchup|catsup|mustard|mayo|mayonnaise|salsa|gravy|dip|jam|jelly|"
	 "syrup|relish|pesto|vinegar|condiment|topping|frosting|icing|marmalade|preserves|spread"},
	{NT_CLASS_FORMULA, NT_RANK_FORMULA, "formula|infant"},
	{NT_CLASS_BABY, NT_RANK_BABY, "baby|babyfood|infant|toddler"},
	{NT_CLASS_FAST_FOOD, NT_RANK_FAST_FOOD,
	 "fast|restaurant|school|cafeteria|takeaway|takeout|mcdonald|mcdonalds|wendy|wendys|kfc|"
	 "popeyes|arby|arbys|dominos|subway|starbucks|dunkin|chipotle|whopper|"},
	{NT_CLASS_SUPPLEMENT, NT_RANK_SUPPLEMENT,
	 "supplement|supplements|vitamin|vitamins|tablet|tablets|capsule|capsules|pill|pills|"
	 "softgel|softgels|multivitamin|protein|ensure|slimfast|pediasure|shake|b12|"
	 "cyanocobalamin|methylcobalamin|omega"},
	{NT_CLASS_SWEET_COAT, NT_RANK_SWEET_COAT,
	 "honey|glazed|candied|frosted|coated|covered|sugared|praline"},
	{NT_CLASS_DESSERT, NT_RANK_DESSERT,
	 "cake|cakes|pie|pies|cookie|cookies|brownie|brownies|dessert|desserts|pudding|custard|"
	 "ice|muffin|muffins|donut|donuts|doughnut|doughnuts|pastry|pastries|tart|tarts|danish|"
	 "sundae|sorbet|sherbet|gelato|popsicle|milkshake|shake|cupcake|cheesecake|cobbler|"
	 "flan|mousse|croissant|croissants|strudel|crumble|frosting|icing"},
	{NT_CLASS_SWEETENER, NT_RANK_SWEETENER,
	 "sugar|sugars|syrup|honey|molasses|sweetener|sweeteners|agave|stevia|treacle"},
	{NT_CLASS_INGREDIENT, NT_RANK_INGREDIENT, "ingredient"},
	{NT_CLASS_SWEET_DRINK, NT_RANK_SWEET_DRINK,
	 "soda|sodas|soft|cola|colas|coke|pepsi|sprite|fanta|pop|lemonade|limeade|punch|ade|"
	 "sports|gatorade|powerade|enhanced|vitaminwater|drink|drinks|ale|root|tonic|seltzer|"
	 "sparkling|carbonated|flavored"},
};

/* ---- words ---- */

/*
 * Whether a code point can be part of a word: letters and digits of any
 * script, not punctuation, dashes, fractions, arrows or other symbols
 * ("salmon \u2014 raw" is two words).
 */
static bool
word_cp(unsigned cp)
{
	if (cp < 0x80)
		return isalnum((int)cp);
	return !((cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	         (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	         (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff20));
}

/* An ASCII letter or digit (isalnum() without the locale: names are folded UTF-8). */
static bool
ascii_alnum(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* Length of the word character at p (0 when p is not in a word). */
static size_t
word_char(const char *p, bool inside)
{
	unsigned cp;
	size_t k;

	if ((unsigned char)*p < 0x80) {
		/* an apostrophe inside a word keeps it whole: "shepherd's" */
		if (*p == '\'' && inside)
			return ascii_alnum((unsigned char)p[1]) ? 1 : 0;
		return ascii_alnum((unsigned char)*p) ? 1 : 0;
	}
	k = nt_utf8_decode(p, strlen(p), &cp);
	if (k == 0)
		return 1; /* a stray byte: keep it, FTS5 decides */
	return word_cp(cp) ? k : 0;
}

#define MAX_TOKENS 48

struct tokens {
	size_t n;
	char t[MAX_TOKENS][NT_QUERY_WORD_LEN];
	int seg[MAX_TOKENS]; /* comma-separated segment of each token */
	unsigned kind[MAX_TOKENS]; /* W_* */
	bool neg[MAX_TOKENS]; /* after "excluding", "without", "no"... in its segment */
};

/* What a word of a name says, beyond itself. */
enum {
	W_ANALOG = 1u << 0,  /* makes a food an analog of the one its head names (herbal tea) */
	W_PART = 1u << 1,    /* a part of an animal, not the meat people mean by its name */
	W_PLAIN = 1u << 2,   /* a word of the plain, everyday form of a food */
	W_STOP = 1u << 3,    /* a little word that neither helps nor hurts */
	W_NEGATOR = 1u << 4, /* the rest of its part of the name says what the food lacks
	                        (also "than" after "other") */
};

/*
 * The words of names that mean more than themselves, sorted (bsearch; one
 * look-up a word of every food a search ranks; test_rank checks the order).
 */
static const struct word_kind {
	const char *w;
	unsigned kind;
} word_kinds[] = {
	{"analog", W_ANALOG}, {"and", W_STOP}, {"as", W_STOP}, {"baked", W_PLAIN},
	{"boiled", W_PLAIN}, {"bones", W_PART}, {"brain", W_PART}, {"brains", W_PART},
	{"brewed", W_PLAIN}, {"broiled", W_PLAIN}, {"by", W_PART}, {"chamomile", W_ANALOG},
	{"chitterlings", W_PART},
	{"cooked", W_PLAIN}, {"ears", W_PART}, {"except", W_NEGATOR},
	{"excluding", W_NEGATOR}, {"feet", W_PART}, {"fresh", W_PLAIN}, {"from", W_STOP},
	{"giblets", W_PART}, {"gizzard", W_PART}, {"gizzards", W_PART}, {"grilled", W_PLAIN},
	{"heart", W_PART}, {"hearts", W_PART}, {"herb", W_ANALOG}, {"herbal", W_ANALOG},
	{"hibiscus", W_ANALOG}, {"hot", W_PLAIN}, {"imitation", W_ANALOG}, {"in", W_STOP},
	{"kidney", W_PART}, {"kidneys", W_PART}, {"leaf", W_STOP}, {"liver", W_PART},
	{"livers", W_PART}, {"lungs", W_PART}, {"made", W_STOP}, {"meatless", W_ANALOG},
	{"mock", W_ANALOG}, {"nfs", W_STOP}, {"no", W_NEGATOR}, {"non", W_NEGATOR},
	{"nondairy", W_ANALOG}, {"not", W_NEGATOR}, {"ns", W_STOP}, {"of", W_STOP},
	{"or", W_STOP}, {"original", W_PLAIN}, {"plain", W_PLAIN}, {"prepared", W_PLAIN},
	{"raw", W_PLAIN}, {"regular", W_PLAIN}, {"roasted", W_PLAIN}, {"spleen", W_PART},
	{"steamed", W_PLAIN}, {"substitute", W_ANALOG}, {"substitutes", W_ANALOG},
	{"to", W_STOP}, {"tongue", W_PART}, {"tripe", W_PART}, {"type", W_STOP},
	{"unsweetened", W_PLAIN}, {"variety", W_PART}, {"vegan", W_ANALOG},
	{"vegetarian", W_ANALOG}, {"veggie", W_ANALOG}, {"whole", W_PLAIN},
	{"with", W_STOP}, {"without", W_STOP | W_NEGATOR},
};

static unsigned
word_kind(const char *w)
{
	size_t lo = 0, hi = sizeof word_kinds / sizeof *word_kinds;

	/* a binary search that compares first letters before calling strcmp */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *k = word_kinds[mid].w;
		int c = (unsigned char)w[0] - (unsigned char)k[0];

		if (!c)
			c = strcmp(w, k);
		if (!c)
			return word_kinds[mid].kind;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Folds and splits text into tokens, noting each token's segment. */
static void
tokenize(const char *text, struct tokens *tk)
{
	char folded[1024];
	int seg = 0;
	const char *p;

	tk->n = 0;
	nt_text_fold(text ? text : "", folded, sizeof folded);
	for (p = folded; *p;) {
		size_t len = 0, k;

		if (*p == ',' || *p == ';')
			seg++;
		if (!word_char(p, false)) {
			unsigned cp;
			size_t skip = (unsigned char)*p < 0x80 ? 1 : nt_utf8_decode(p, strlen(p), &cp);

			p += skip ? skip : 1; /* the whole separator, not one byte of it */
			continue;
		}
		while ((k = word_char(p + len, len > 0)) > 0)
			len += k;
		if (tk->n < MAX_TOKENS) {
			size_t keep = len;

			if (keep >= NT_QUERY_WORD_LEN) {
				/*
				 * Cut at a character boundary: back over at most the
				 * three continuation bytes of one character (a longer
				 * run is stray bytes, cut anywhere, never to nothing).
				 */
				keep = NT_QUERY_WORD_LEN - 1;
				while (keep > NT_QUERY_WORD_LEN - 4 && (p[keep] & 0xc0) == 0x80)
					keep--;
				if ((p[keep] & 0xc0) == 0x80)
					keep = NT_QUERY_WORD_LEN - 1;
			}
			memcpy(tk->t[tk->n], p, keep);
			tk->t[tk->n][keep] = '\0';
			tk->seg[tk->n] = seg;
			tk->kind[tk->n] = word_kind(tk->t[tk->n]);
			/* "other than" negates as "excluding" does: "Fish, raw (any type
			 * other than salmon or tuna)" is no salmon */
			if (tk->n > 0 && !strcmp(tk->t[tk->n], "than") &&
			    !strcmp(tk->t[tk->n - 1], "other"))
				tk->kind[tk->n] |= W_NEGATOR;
			tk->neg[tk->n] = tk->n > 0 && tk->seg[tk->n - 1] == seg &&
			                 (tk->neg[tk->n - 1] || (tk->kind[tk->n - 1] & W_NEGATOR));
			tk->n++;
		}
		p += len;
	}
}

size_t
nt_rank_words(const char *text, char words[][NT_QUERY_WORD_LEN], size_t max)
{
	struct tokens tk;
	size_t n = 0;

	tokenize(text, &tk);
	for (size_t i = 0; i < tk.n && n < max; i++)
		memcpy(words[n++], tk.t[i], NT_QUERY_WORD_LEN);
	return n;
}

/* Plurals that are not a suffix away. */
static const struct {
	const char *plural, *singular;
} irregular[] = {
	{"halves", "half"}, {"knives", "knife"}, {"leaves", "leaf"}, {"loaves", "loaf"},
	{"geese", "goose"}, {"mice", "mouse"}, {"teeth", "tooth"}, {"calves", "calf"},
};

/* Words ending in s that are not plurals. */
static const char *const not_plural[] = {
	"asparagus", "bass", "citrus", "couscous", "cress", "grass", "hummus", "hibiscus",
	"molasses", "octopus", "swiss", "this", "lens", "gas", "bitters", "chips", "oats",
	"grits", "species", "series", "us", "nas", "ns", "nfs", "kiss", "plus", "is", "as",
};

void
nt_rank_singular(const char *w, char *out, size_t n)
{
	size_t len = strlen(w);

	snprintf(out, n, "%s", w);
	for (size_t i = 0; i < sizeof irregular / sizeof *irregular; i++)
		if (!strcmp(w, irregular[i].plural)) {
			snprintf(out, n, "%s", irregular[i].singular);
			return;
		}
	for (size_t i = 0; i < sizeof not_plural / sizeof *not_plural; i++)
		if (!strcmp(w, not_plural[i]))
			return;
	if (len < 4 || w[len - 1] != 's')
		return;
	if (len > 4 && !strcmp(w + len - 3, "ies")) {
		snprintf(out, n, "%.*sy", (int)(len - 3), w); /* berries -> berry */
	} else if (!strcmp(w + len - 3, "oes") || !strcmp(w + len - 4, "ches") ||
	           !strcmp(w + len - 4, "shes") || !strcmp(w + len - 3, "xes") ||
	           !strcmp(w + len - 4, "sses") || !strcmp(w + len - 3, "zes")) {
		snprintf(out, n, "%.*s", (int)(len - 2), w); /* tomatoes, peaches */
	} else if (w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i') {
		snprintf(out, n, "%.*s", (int)(len - 1), w); /* sardines */
	}
}

bool
nt_rank_same_word(const char *a, const char *b)
{
	char sa[NT_QUERY_WORD_LEN], sb[NT_QUERY_WORD_LEN];
	size_t la, lb;

	if (a[0] != b[0])
		return false;
	if (!strcmp(a, b))
		return true;
	/* a plural ends in s and is at most three letters longer (berry, berries) */
	la = strlen(a);
	lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > 3 || (la > lb ? a : b)[(la > lb ? la : lb) - 1] != 's')
		return false;
	nt_rank_singular(a, sa, sizeof sa);
	nt_rank_singular(b, sb, sizeof sb);
	return !strcmp(sa, sb);
}

/* ---- what a phrase means ---- */

/*
 * Synonyms: a typed word or two-word phrase, and what else it may be
 * written as in USDA's names.  The typed words always count too.
 */
static const struct {
	const char *typed, *means;
} synonyms[] = {
	{"aubergine", "eggplant"},
	{"bell pepper", "sweet pepper"},
	{"bell peppers", "sweet peppers"},
	{"black coffee", "coffee"},
	{"capsicum", "sweet pepper"},
	{"chips", "potato chips"},
	{"catsup", "ketchup"},
	{"chickpea", "garbanzo"},
	{"coke", "cola"},
	{"coriander", "cilantro"},
	{"cornflakes", "corn flakes"},
	{"courgette", "zucchini"},
	{"crisps", "potato chips"},
	{"decaf", "decaffeinated"},
	{"donut", "doughnut"},
	{"donuts", "doughnuts"},
	{"flax", "flaxseed"},
	{"fries", "french fries"},
	{"garbanzo", "chickpea"},
	{"garbanzos", "chickpeas"},
	{"ketchup", "catsup"},
	{"linseed", "flaxseed"},
	{"macaroni", "pasta"},
	{"mayo", "mayonnaise"},
	{"mince", "ground beef"},
	{"minced", "ground"},
	{"nooch", "nutritional yeast"},
	{"oat beverage", "oat milk"},
	{"oat drink", "oat milk"},
	{"oatmilk", "oat milk"},
	{"penne", "pasta"},
	{"porridge", "oatmeal"},
	{"prawn", "shrimp"},
	{"prawns", "shrimp"},
	{"rocket", "arugula"},
	{"semi skimmed", "reduced fat"},
	{"skimmed", "skim"},
	{"soda", "soft drink"},
	{"spaghetti", "pasta"},
	{"sparkling", "carbonated"},
	{"toast", "bread toasted"},
	{"soya", "soy"},
	{"soymilk", "soy milk"},
	{"wholemeal", "whole wheat"},
	{"yoghurt", "yogurt"},
	{"yoghurts", "yogurt"},
};

/* Words that only introduce the food ("a banana", "the rice"). */
static const char *const articles[] = {"a", "an", "my", "some", "the"};

static bool
in_list(const char *w, const char *list)
{
	size_t len = strlen(w);

	for (const char *p = list; *p;) {
		size_t k = strcspn(p, "|");

		if (k == len && !strncmp(p, w, len))
			return true;
		p += k + (p[k] == '|');
	}
	return false;
}

/* Splits phrase into the alternative's words. */
static void
alt_from(struct nt_term_alt *a, const char *phrase, bool synonym)
{
	char words[NT_ALT_MAX_WORDS][NT_QUERY_WORD_LEN];

	a->n = nt_rank_words(phrase, words, NT_ALT_MAX_WORDS);
	memcpy(a->w, words, a->n * sizeof *words);
	a->synonym = synonym;
}

void
nt_rank_query(const char *text, struct nt_query *q)
{
	char w[NT_QUERY_MAX_TERMS][NT_QUERY_WORD_LEN], kept[NT_QUERY_MAX_TERMS][NT_QUERY_WORD_LEN];
	size_t n = nt_rank_words(text, w, NT_QUERY_MAX_TERMS), m = 0;

	memset(q, 0, sizeof *q);
	/* "a banana": the article is no part of the food (the last word may be a name being typed) */
	for (size_t i = 0; i < n; i++) {
		bool article = false;

		for (size_t k = 0; k < sizeof articles / sizeof *articles; k++)
			article |= !strcmp(w[i], articles[k]);
		if (!article || i + 1 == n)
			memcpy(kept[m++], w[i], NT_QUERY_WORD_LEN);
	}
	q->typing = m == 1 && strlen(kept[0]) < 3;
	for (size_t i = 0; i < m && q->n < NT_QUERY_MAX_TERMS;) {
		struct nt_term *t = &q->t[q->n++];
		char two[2 * NT_QUERY_WORD_LEN + 1] = "";
		size_t used = 1;

		if (i + 1 < m) {
			snprintf(two, sizeof two, "%s %s", kept[i], kept[i + 1]);
			for (size_t k = 0; k < sizeof synonyms / sizeof *synonyms; k++)
				if (!strcmp(two, synonyms[k].typed)) {
					used = 2;
					break;
				}
		}
		alt_from(&t->alt[t->n_alts++], used == 2 ? two : kept[i], false);
		for (size_t k = 0; k < sizeof synonyms / sizeof *synonyms &&
		                   t->n_alts < NT_TERM_MAX_ALTS; k++)
			if (!strcmp(used == 2 ? two : kept[i], synonyms[k].typed))
				alt_from(&t->alt[t->n_alts++], synonyms[k].means, true);
		i += used;
	}
	/* which classes the phrase names, and whether it asks for the raw form */
	for (size_t i = 0; i < q->n; i++)
		for (size_t a = 0; a < q->t[i].n_alts; a++)
			for (size_t k = 0; k < q->t[i].alt[a].n; k++) {
				char s[NT_QUERY_WORD_LEN];
				const char *word = q->t[i].alt[a].w[k];

				nt_rank_singular(word, s, sizeof s);
				for (size_t c = 0; c < sizeof class_rules / sizeof *class_rules; c++)
					if (in_list(word, class_rules[c].named_by) ||
					    in_list(s, class_rules[c].named_by))
						q->names |= class_rules[c].cls;
				if (in_list(word, "raw|uncooked|dry|sashimi|sushi|tartare"))
					q->names_raw = true;
				if (in_list(s, "deli|lunch|luncheon|sliced|cold|cut|salami|bologna|"
				               "sausage|ham|pastrami|prosciutto|pepperoni|frankfurter|jerky"))
					q->names_deli = true;
			}
}

/* ---- scoring ---- */

static bool
prefix_of(const char *q, const char *t)
{
	return !strncmp(q, t, strlen(q));
}

/* Leading name segments that only say what kind of food follows. */
static const char *const categories[] = {
	"alcoholic beverage", "babyfood", "beverage", "beverages", "candies", "cereals",
	"cereals ready to eat", "crustaceans", "fish", "leavening agents", "mollusks", "nuts",
	"seeds", "snacks", "soft drink", "spices",
};

/* Index of the head segment: 1 when segment 0 is a category word, else 0. */
static int
head_segment(const struct tokens *tk)
{
	char seg0[128];
	size_t o = 0;

	if (tk->n == 0 || tk->seg[tk->n - 1] == 0)
		return 0; /* one segment: it is the head */
	for (size_t i = 0; i < tk->n && tk->seg[i] == 0; i++) {
		size_t len = strlen(tk->t[i]);

		if (o + len + 2 > sizeof seg0)
			return 0; /* longer than any category */
		if (o)
			seg0[o++] = ' ';
		memcpy(seg0 + o, tk->t[i], len);
		o += len;
	}
	seg0[o] = '\0';
	for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
		if (categories[i][0] == seg0[0] && !strcmp(seg0, categories[i]))
			return 1;
	return 0;
}

/* What a food group says about its foods. */
enum {
	G_DISH = 1u << 0,     /* mixed dishes: FNDDS categories and SR28 groups */
	G_DELI = 1u << 1,     /* luncheon meats and cold cuts */
	G_COOKED = 1u << 2,   /* meat, poultry and fish, which are eaten cooked */
	G_SEAFOOD = 1u << 3,  /* SR28's fish and shellfish: cooked when the name is "Fish, ..." */
	G_REGIONAL = 1u << 4, /* American Indian/Alaska Native foods */
};

/* The groups that say something, sorted (bsearch; test_rank checks the order). */
static const struct group_kind {
	const char *group;
	unsigned kind;
} group_kinds[] = {
	{"American Indian/Alaska Native Foods", G_REGIONAL},
	{"Bean, pea, legume dishes", G_DISH},
	{"Beef Products", G_COOKED},
	{"Beef, excludes ground", G_COOKED},
	{"Burgers", G_DISH},
	{"Burritos and tacos", G_DISH},
	{"Cheese sandwiches", G_DISH},
	{"Chicken fillet sandwiches", G_DISH},
	{"Chicken, whole pieces", G_COOKED},
	{"Cold cuts and cured meats", G_DELI},
	{"Deli and cured meat sandwiches", G_DISH},
	{"Egg rolls, dumplings, sushi", G_DISH},
	{"Egg/breakfast sandwiches", G_DISH},
	{"Finfish and Shellfish Products", G_SEAFOOD},
	{"Fish", G_COOKED},
	{"Frankfurter sandwiches", G_DISH},
	{"Fried rice and lo/chow mein", G_DISH},
	{"Ground beef", G_COOKED},
	{"Lamb, Veal, and Game Products", G_COOKED},
	{"Lamb, goat, game", G_COOKED},
	{"Meals, Entrees, and Side Dishes", G_DISH},
	{"Meat and BBQ sandwiches", G_DISH},
	{"Meat mixed dishes", G_DISH},
	{"Nachos", G_DISH},
	{"Other Mexican mixed dishes", G_DISH},
	{"Pasta mixed dishes, excludes macaroni and cheese", G_DISH},
	{"Peanut butter and jelly sandwiches", G_DISH},
	{"Pork", G_COOKED},
	{"Pork Products", G_COOKED},
	{"Poultry Products", G_COOKED},
	{"Poultry mixed dishes", G_DISH},
	{"Rice mixed dishes", G_DISH},
	{"Sausages and Luncheon Meats", G_COOKED | G_DELI},
	{"Seafood mixed dishes", G_DISH},
	{"Seafood sandwiches", G_DISH},
	{"Stir-fry and soy-based sauce mixtures", G_DISH},
	{"Turkey, duck, other poultry", G_COOKED},
	{"Turnovers and other grain-based items", G_DISH},
	{"Vegetable dishes", G_DISH},
	{"Vegetable sandwiches/burgers", G_DISH},
};

static int
cmp_group_kind(const void *key, const void *elem)
{
	return strcmp(key, ((const struct group_kind *)elem)->group);
}

static unsigned
group_kind(const char *group)
{
	const struct group_kind *k = bsearch(group, group_kinds,
	                                     sizeof group_kinds / sizeof *group_kinds,
	                                     sizeof *group_kinds, cmp_group_kind);

	return k ? k->kind : 0;
}

/* The word and group tables in order, for test_rank. */
bool
nt_rank_sets_sorted(void)
{
	for (size_t i = 1; i < sizeof word_kinds / sizeof *word_kinds; i++)
		if (strcmp(word_kinds[i - 1].w, word_kinds[i].w) >= 0)
			return false;
	for (size_t i = 1; i < sizeof group_kinds / sizeof *group_kinds; i++)
		if (strcmp(group_kinds[i - 1].group, group_kinds[i].group) >= 0)
			return false;
	return true;
}

/* Capitals that are USDA's abbreviations, not brands. */
static const char *const not_brands = "ARA|DHA|EPA|NFS|NLEA|RTE|USDA|UHT";

/* A brand: a word of three or more capitals ("KELLOGG'S"), not an abbreviation. */
static bool
has_brand(const char *name)
{
	const char *p = name;

	while (*p) {
		const char *start = p;
		int caps = 0;
		bool mixed = false;

		for (;; p++) {
			if (*p >= 'A' && *p <= 'Z')
				caps++;
			else if (*p >= 'a' && *p <= 'z')
				mixed = true;
			else if (*p != '\'' && *p != '&')
				break;
		}
		if (caps >= 3 && !mixed) {
			char word[16];
			size_t len = (size_t)(p - start);

			if (len >= sizeof word)
				return true;
			memcpy(word, start, len);
			word[len] = '\0';
			if (!in_list(word, not_brands))
				return true;
		}
		if (p == start)
			p++;
	}
	return false;
}

/* Meat, poultry and fish, which are eaten cooked (a group's kind gk). */
static bool
cooked_group(unsigned gk, const struct tokens *nm)
{
	/* SR28 puts fish and shellfish together: raw oysters are eaten raw */
	return (gk & G_COOKED) || ((gk & G_SEAFOOD) && nm->n && !strcmp(nm->t[0], "fish"));
}

/* Whether token t is one of the query's words (any alternative's), plurals aside. */
static bool
typed_word(const struct nt_query *q, const char *t)
{
	for (size_t i = 0; i < q->n; i++)
		for (size_t a = 0; a < q->t[i].n_alts; a++)
			for (size_t k = 0; k < q->t[i].alt[a].n; k++)
				if (nt_rank_same_word(q->t[i].alt[a].w[k], t))
					return true;
	return false;
}

#define ADD(rule, times) do { \
	double c_ = rank_rules[rule].weight * (times); \
	score += c_; \
	if (parts) \
		parts[rule] += c_; \
} while (0)

/* The common names and keywords, split only when a word is not in the name. */
struct extra {
	const struct nt_rank_food *f;
	bool done;
	struct tokens tk;
};

static const struct tokens *
extra_tokens(struct extra *x)
{
	if (!x->done) {
		char text[1024];

		snprintf(text, sizeof text, "%s %s", x->f->also ? x->f->also : "",
		         x->f->keywords ? x->f->keywords : "");
		tokenize(text, &x->tk);
		x->done = true;
	}
	return &x->tk;
}

/*
 * Cost of one word of the query in the food (a matching rule), marking
 * what it used; *rest receives, for a prefix, the letters of the word not
 * yet typed ("eg" is nearer "egg" than "eggplant").
 */
static enum nt_rank_rule
word_cost(const char *w, const struct tokens *nm, int head, struct extra *x, bool used[],
          size_t *rest)
{
	const struct tokens *ex;
	enum nt_rank_rule best = NT_RANK_RULE_COUNT;
	double bw = 1e9;

	*rest = 0;
	for (size_t i = 0; i < nm->n; i++) {
		bool in_head = nm->seg[i] <= head;
		enum nt_rank_rule r;
		size_t left = 0;

		if (nm->neg[i])
			continue; /* "Walnuts, excluding honey roasted" has no honey */
		if (nt_rank_same_word(w, nm->t[i]))
			r = in_head ? NT_RANK_HEAD_WORD : NT_RANK_NAME_WORD;
		else if (prefix_of(w, nm->t[i])) {
			r = in_head ? NT_RANK_HEAD_PREFIX : NT_RANK_NAME_PREFIX;
			left = strlen(nm->t[i]) - strlen(w);
		} else
			continue;
		used[i] = true;
		if (rank_rules[r].weight < bw || (rank_rules[r].weight == bw && left < *rest)) {
			bw = rank_rules[r].weight;
			best = r;
			*rest = left;
		}
	}
	if (best != NT_RANK_RULE_COUNT)
		return best;
	ex = extra_tokens(x);
	for (size_t i = 0; i < ex->n; i++) {
		if (ex->neg[i])
			continue; /* "any type other than salmon" */
		if (nt_rank_same_word(w, ex->t[i])) {
			*rest = 0;
			return NT_RANK_ALSO_WORD;
		}
		if (prefix_of(w, ex->t[i]) && (best == NT_RANK_RULE_COUNT ||
		                               strlen(ex->t[i]) - strlen(w) < *rest)) {
			best = NT_RANK_ALSO_PREFIX;
			*rest = strlen(ex->t[i]) - strlen(w);
		}
	}
	if (best != NT_RANK_RULE_COUNT)
		return best;
	return NT_RANK_GROUP_ONLY; /* what FTS matched that the name does not show */
}

double
nt_rank_score(const struct nt_query *q, const struct nt_rank_food *f, double *parts)
{
	struct tokens nm;
	struct extra ex; /* its tokens are filled when first needed */
	bool used[MAX_TOKENS] = {false};
	double score = 0;
	int head, head2, unmatched = 0, plain = 0;
	unsigned gk;
	bool head_covered = true, head_used = false, generic = false, analog = false, part = false;
	bool skin = false;
	int unspecified = -1; /* the part that says "NS as to ...": says nothing */
	bool side_covered = true, any_side = false; /* "Egg omelet or scrambled egg" */

	ex.f = f;
	ex.done = false;
	if (parts)
		memset(parts, 0, NT_RANK_RULE_COUNT * sizeof *parts);
	tokenize(f->name, &nm);
	gk = group_kind(f->group ? f->group : "");
	head = head_segment(&nm);
	/* the part after the head counts as head when every word of it was typed */
	{
		bool any = false, all = true;

		for (size_t i = 0; i < nm.n; i++) {
			if (nm.seg[i] != head + 1 || (nm.kind[i] & W_STOP))
				continue;
			any = true;
			all = all && typed_word(q, nm.t[i]);
		}
		head2 = any && all ? head + 1 : head;
	}

	for (size_t t = 0; t < q->n; t++) {
		enum nt_rank_rule best = NT_RANK_RULE_COUNT;
		bool best_used[MAX_TOKENS] = {false};

		if ((int)t == f->dropped) {
			ADD(NT_RANK_DROPPED, 1);
			continue;
		}
		size_t best_n = 0, best_rest = 0;

		for (size_t a = 0; a < q->t[t].n_alts; a++) {
			const struct nt_term_alt *alt = &q->t[t].alt[a];
			bool alt_used[MAX_TOKENS] = {false};
			enum nt_rank_rule worst = NT_RANK_HEAD_WORD;
			size_t n_used = 0, rest = 0;

			for (size_t k = 0; k < alt->n; k++) {
				size_t left;
				enum nt_rank_rule r = word_cost(alt->w[k], &nm, head2, &ex, alt_used,
				                                &left);

				if (rank_rules[r].weight > rank_rules[worst].weight)
					worst = r;
				rest += left;
			}
			for (size_t i = 0; i < nm.n; i++)
				n_used += alt_used[i];
			/* the cheapest; on a tie the one that explains more of the name
			 * ("potato chips" for "chips" in "Potato chips, plain") */
			if (best == NT_RANK_RULE_COUNT ||
			    rank_rules[worst].weight < rank_rules[best].weight ||
			    (rank_rules[worst].weight == rank_rules[best].weight && n_used > best_n)) {
				best = worst;
				best_n = n_used;
				best_rest = rest;
				memcpy(best_used, alt_used, sizeof best_used);
			}
		}
		if (best == NT_RANK_RULE_COUNT)
			continue; /* a term without alternatives: none are made */
		ADD(best, 1);
		/* a prefix: the fewer letters are missing, the likelier the word */
		if (best_rest) {
			double more = 0.02 * (double)(best_rest > 25 ? 25 : best_rest);

			score += more;
			if (parts)
				parts[best] += more;
		}
		for (size_t i = 0; i < nm.n; i++)
			used[i] |= best_used[i];
	}

	for (size_t i = 0; i < nm.n; i++) {
		bool stop = nm.kind[i] & W_STOP, pl = nm.kind[i] & W_PLAIN;

		/* "X, NFS", "X, cooked, NFS" (or "Soft drink, NFS"): NFS alone in its
		 * part, after the head and nothing but plain words */
		if (!strcmp(nm.t[i], "nfs") && i > 0 && nm.seg[i - 1] != nm.seg[i] &&
		    (i + 1 == nm.n || nm.seg[i + 1] != nm.seg[i]) &&
		    (nm.seg[i] > head || (nm.seg[i] == head && head > 0))) {
			bool between_plain = true;

			for (size_t k = 0; k < i; k++)
				if (nm.seg[k] > head && nm.seg[k] < nm.seg[i] &&
				    !(nm.kind[k] & (W_PLAIN | W_STOP)))
					between_plain = false;
			generic = between_plain;
		}
		/* a part that is only "skin" or "peel": the potato's skin, not the potato */
		if ((!strcmp(nm.t[i], "skin") || !strcmp(nm.t[i], "peel")) && !used[i] &&
		    nm.seg[i] > head && (i == 0 || nm.seg[i - 1] != nm.seg[i]) &&
		    (i + 1 == nm.n || nm.seg[i + 1] != nm.seg[i] || !strcmp(nm.t[i + 1], "only")))
			skin = true;
		if (i + 2 < nm.n && !strcmp(nm.t[i], "ns") && !strcmp(nm.t[i + 1], "as") &&
		    !strcmp(nm.t[i + 2], "to")) {
			unspecified = nm.seg[i];
			plain++; /* the unspecified form is a plain one */
		}
		if ((nm.kind[i] & W_ANALOG) && !typed_word(q, nm.t[i]))
			analog = true;
		if (nm.seg[i] == unspecified || nm.neg[i])
			stop = true; /* "NS as to part", "without salt" say no more */
		if ((nm.kind[i] & W_PART) && !used[i])
			part = true;
		/* "whole grain", "whole wheat" are kinds, not the plain form */
		if (pl && !strcmp(nm.t[i], "whole") && i + 1 < nm.n &&
		    (!strcmp(nm.t[i + 1], "grain") || !strcmp(nm.t[i + 1], "wheat")))
			pl = false;
		if (nm.seg[i] <= head2 && used[i])
			head_used = true;
		if (nm.seg[i] < head)
			continue; /* the category word ("Fish, ...") */
		if (nm.seg[i] == head && !strcmp(nm.t[i], "or")) {
			any_side = any_side || side_covered;
			side_covered = true;
		} else if (nm.seg[i] == head && !used[i] && !stop && !pl) {
			head_covered = false;
			side_covered = false;
		}
		if (used[i] || stop)
			continue;
		if (pl)
			plain++;
		else
			unmatched++;
	}
	any_side = any_side || side_covered;
	if ((head_covered || any_side) && head_used)
		ADD(NT_RANK_HEAD_COVERED, 1);
	ADD(NT_RANK_EXTRA_WORD, unmatched > 12 ? 12 : unmatched);
	ADD(NT_RANK_PLAIN_WORD, plain > 1 ? 1 : plain);
	if (generic && (head_covered || any_side) && head_used)
		ADD(NT_RANK_GENERIC, 1);
	if (analog)
		ADD(NT_RANK_ANALOG, 1);
	if ((part && cooked_group(gk, &nm)) || skin)
		ADD(NT_RANK_PART, 1);
	if (q->n == 1 && (gk & G_DISH))
		ADD(NT_RANK_DISH, 1);
	if ((gk & G_DELI) &&
	    !q->names_deli)
		ADD(NT_RANK_DELI, 1);
	if (!q->names_raw && cooked_group(gk, &nm)) {
		for (size_t i = 0; i < nm.n; i++)
			if (!strcmp(nm.t[i], "raw") && !used[i]) {
				ADD(NT_RANK_RAW, 1);
				break;
			}
	}
	for (size_t c = 0; c < sizeof class_rules / sizeof *class_rules; c++)
		if ((f->cls & class_rules[c].cls) && !(q->names & class_rules[c].cls))
			ADD(class_rules[c].rule, 1);
	if (has_brand(f->name))
		ADD(NT_RANK_BRAND, 1);
	if ((gk & G_REGIONAL))
		ADD(NT_RANK_REGIONAL, 1);
	if (f->breaks)
		ADD(NT_RANK_DIET, 1);
	if (f->uses > 0)
		ADD(NT_RANK_HISTORY, 1);
	if (f->own)
		ADD(NT_RANK_OWN, 1);
	return score;
}
