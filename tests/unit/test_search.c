/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_search.c - unit tests for food search and its ranking (search.h) on the bundled data. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fixture.h"
#include "food.h"
#include "category.h"
#include "rank.h"
#include "search.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;

/* Runs a search that must succeed. */
static void
search(const char *q, size_t limit, struct nt_search_result *r)
{
	struct nt_err err;

	if (nt_search(s, q, limit, r, &err) != NT_OK)
		tap_bail("search '%s' failed: %s", q, err.msg);
}

/* Index of the first hit whose name contains any of the (NULL-ended) words; -1 if none. */
static long
first_with(const struct nt_search_result *r, const char *const *words)
{
	for (size_t i = 0; i < r->n; i++)
		for (const char *const *w = words; *w; w++)
			if (strcasestr(r->hits[i].name, *w))
				return (long)i;
	return -1;
}

static long
first_prefix(const struct nt_search_result *r, const char *prefix)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strncasecmp(r->hits[i].name, prefix, strlen(prefix)))
			return (long)i;
	return -1;
}

static long
find_ref(const struct nt_search_result *r, const char *ref)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->hits[i].ref, ref))
			return (long)i;
	return -1;
}

static bool
sorted(const struct nt_search_result *r)
{
	for (size_t i = 1; i < r->n; i++)
		if (r->hits[i].score < r->hits[i - 1].score)
			return false;
	return true;
}

static void
test_egg(void)
{
	static const char *const noodles[] = {"noodle", NULL};
	static const char *const dishes[] = {
		"salad", "sandwich", "roll", "casserole", "creamed", "deviled", "benedict",
		"noodle", "macaroni", "quiche", "souffle", "burrito", "foo young", "pie", NULL,
	};
	struct nt_search_result r;
	long raw, cooked, noodle, dish;

	search("egg", 100000, &r);
	/* foods.csv rows with a word starting "egg" in name/also/keywords/group:
	 * grep -icE '(^|[^a-z0-9])egg' data/foods.csv = 672. */
	is_int(r.total, 672, "'egg' matches 672 foods");
	is_int(r.n, r.total, "an unlimited search returns them all");
	ok(sorted(&r), "hits come best (lowest score) first");
	ok(!strncmp(r.hits[0].name, "Egg, whole, raw", 15), "first hit is a whole raw egg: %s",
	   r.hits[0].name);
	ok(find_ref(&r, "sr28:01123") >= 0 && find_ref(&r, "sr28:01123") < 3,
	   "sr28:01123 Egg, whole, raw, fresh is in the top 3");
	raw = first_prefix(&r, "Egg, whole, raw");
	cooked = first_prefix(&r, "Egg, whole, cooked");
	noodle = first_with(&r, noodles);
	dish = first_with(&r, dishes);
	ok(raw >= 0 && cooked >= 0 && noodle >= 0 && dish >= 0, "all kinds present (%ld %ld %ld %ld)",
	   raw, cooked, noodle, dish);
	ok(raw < noodle && cooked < noodle, "whole raw (at %ld) and cooked (at %ld) eggs before egg "
	   "noodles (at %ld)", raw, cooked, noodle);
	ok(raw < dish && cooked < dish, "whole raw and cooked eggs before egg dishes (at %ld: %s)",
	   dish, r.hits[dish].name);
	ok(dish >= 10, "the top 10 hold no egg dish");
	nt_search_result_fini(&r);
}

static void
test_salmon(void)
{
	struct nt_search_result r, lim, up;
	long berries, last_fish = -1;

	search("salmon", 100000, &r);
	/* grep -icE '(^|[^a-z0-9])salmon' data/foods.csv = 69 */
	is_int(r.total, 69, "'salmon' matches 69 foods");
	ok(!strncasecmp(r.hits[0].name, "Fish, salmon", 12), "first hit is salmon fish: %s",
	   r.hits[0].name);
	{
		size_t fish = 0;

		for (size_t i = 0; i < 10 && i < r.n; i++)
			fish += !strncasecmp(r.hits[i].name, "Fish, salmon", 12);
		is_int(fish, 10, "the top 10 are all 'Fish, salmon, ...'");
	}
	berries = first_prefix(&r, "Salmonberries");
	for (size_t i = 0; i < r.n; i++)
		if (!strncasecmp(r.hits[i].name, "Fish, salmon", 12))
			last_fish = (long)i;
	ok(berries > 0, "salmonberries match the prefix (at %ld)", berries);
	ok(last_fish >= 0 && last_fish < berries,
	   "every 'Fish, salmon' hit (last at %ld) comes before salmonberries (at %ld)", last_fish,
	   berries);
	/* raw fish is weighed for recipes: cooked salmon comes first, raw later */
	ok(find_ref(&r, "sr28:15076") >= 0 && find_ref(&r, "sr28:15076") < 40,
	   "sr28:15076 Atlantic wild salmon (raw) in the top 40 (at %ld)",
	   find_ref(&r, "sr28:15076"));
	ok(strstr(r.hits[0].name, "raw") == NULL, "the first salmon is not raw: %s", r.hits[0].name);

	/* The hit carries the food's data: sr28:15076 from foods.csv /
	 * portions.csv (B12 3.18, DHA 1.115, first portion 3 oz = 85 g). */
	{
		long i = find_ref(&r, "sr28:15076");

		if (i >= 0) {
			const struct nt_search_hit *h = &r.hits[i];

			is_str(h->name, "Fish, salmon, Atlantic, wild, raw", "hit name");
			is_str(h->group, "Finfish and Shellfish Products", "hit group");
			is_num(h->per100[NT_B12], 3.18, 0, "hit B12 per 100 g");
			is_num(h->per100[NT_DHA], 1.115, 0, "hit DHA per 100 g");
			ok(isnan(h->per100[NT_B12_ADDED]), "hit unknown added B12 is NAN");
			ok(h->has_portion, "hit has its first portion");
			is_num(h->portion.amount, 3, 0, "... 3");
			is_str(h->portion.unit, "oz", "... oz");
			is_num(h->portion.grams, 85, 0, "... = 85 g");
		}
	}

	/* limit and total */
	search("salmon", 5, &lim);
	is_int(lim.n, 5, "limit 5 gives 5 hits");
	is_int(lim.total, 69, "... and total still counts all 69");
	{
		bool same = true;

		for (size_t i = 0; i < 5; i++)
			same = same && lim.hits[i].id == r.hits[i].id;
		ok(same, "... the same 5 as the head of the full list");
	}
	nt_search_result_fini(&lim);
	is_int(lim.n, 0, "fini resets n");
	ok(lim.hits == NULL, "fini resets hits");

	/* case */
	search("SALMON", 100000, &up);
	is_int(up.total, r.total, "'SALMON' matches as many as 'salmon'");
	{
		bool same = up.n == r.n;

		for (size_t i = 0; same && i < r.n; i++)
			same = up.hits[i].id == r.hits[i].id;
		ok(same, "... in the same order");
	}
	nt_search_result_fini(&up);

	/* prefix: "salm" is a word prefix of salmon */
	search("salm", 100000, &up);
	/* grep -icE '(^|[^a-z0-9])salm' data/foods.csv = 70 (one more row has a
	 * word "salm..." that is not "salmon...") */
	is_int(up.total, 70, "'salm' matches 70 foods");
	ok(!strncasecmp(up.hits[0].name, "Fish, salmon", 12), "'salm' first hit: %s",
	   up.hits[0].name);
	is_int(up.hits[0].id, r.hits[0].id, "'salm' puts the same food first as 'salmon'");
	nt_search_result_fini(&up);
	nt_search_result_fini(&r);
}

/* The top hit (and the top `k`) of a query carry added B12 in foods.csv. */
static void
fortified(const char *q, size_t k, const char *want_first)
{
	struct nt_search_result r;
	size_t good = 0;

	search(q, 20, &r);
	ok(r.n > 0, "'%s' finds something (%zu)", q, r.total);
	if (want_first && r.n)
		is_str(r.hits[0].ref, want_first, "'%s' first hit is %s", q, want_first);
	for (size_t i = 0; i < k && i < r.n; i++)
		if (r.hits[i].per100[NT_B12_ADDED] > 0)
			good++;
	is_int(good, k, "'%s': the top %zu hit(s) have b12_added_ug > 0 (first: %s %s)", q, k,
	       r.n ? r.hits[0].ref : "-", r.n ? r.hits[0].name : "-");
	nt_search_result_fini(&r);
}

static void
test_fortified(void)
{
	/*
	 * Top hits checked against foods.csv (b12_added_ug column):
	 *   fndds:11320100 Soy milk, unsweetened         0.39
	 *   fndds:11320000 Soy milk, sweetened           0.37
	 *   fndds:11321000 Soy milk, chocolate           0.36
	 *   sr28:16139 Soymilk, original and vanilla ... 0.85
	 *   fndds:11350020 Almond milk, unsweetened      0.34
	 *   fndds:11360200 Oat milk                      0.5
	 *   label:1 Nutritional yeast flakes, fortified  150
	 *   fndds:57420110 Cereal, other, plain          1.35
	 * The test reads the values through the hits, so it also checks that
	 * a hit carries the food's values.
	 */
	fortified("fortified soy milk", 3, NULL);
	fortified("soymilk fortified", 3, NULL);
	fortified("almond milk", 1, NULL);
	fortified("oat milk", 1, "fndds:11360200");
	fortified("nutritional yeast", 1, "label:1");
	fortified("fortified breakfast cereal", 5, NULL);
	{
		struct nt_search_result r;

		search("nutritional yeast", 10, &r);
		ok(r.n >= 1 && r.hits[0].has_portion && r.hits[0].portion.grams == 10,
		   "label:1's hit carries its 2 tbsp = 10 g portion");
		nt_search_result_fini(&r);
	}
}

static void
test_accents_and_syntax(void)
{
	static const double unknown[NT_STORED_COUNT] = {
		NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
	};
	struct nt_search_result a, b;
	struct nt_err err;
	long long id;

	/* The bundle spells it "creme" (grep -ic 'crème' = 0, creme 58). */
	search("crème", 1000, &a);
	search("creme", 1000, &b);
	is_int(a.total, 58, "'crème' matches the 58 'creme' foods");
	is_int(b.total, 58, "'creme' matches 58");
	ok(a.n == b.n && a.n > 0 && a.hits[0].id == b.hits[0].id, "same first hit (%s)",
	   a.n ? a.hits[0].name : "-");
	nt_search_result_fini(&a);
	nt_search_result_fini(&b);

	/* An accented name in the database is found without accents too. */
	if (nt_food_add_custom(s, "Crème fraîche, homemade", unknown, NULL, 0, 0, &id, &err))
		tap_bail("custom: %s", err.msg);
	search("creme fraiche", 10, &a);
	ok(a.n >= 1 && a.hits[0].id == id, "'creme fraiche' finds 'Crème fraîche' first");
	nt_search_result_fini(&a);
	search("CRÈME FRAÎCHE", 10, &a);
	ok(a.n >= 1 && a.hits[0].id == id, "'CRÈME FRAÎCHE' too");
	nt_search_result_fini(&a);
	search("fraî", 10, &a);
	ok(a.n >= 1 && a.hits[0].id == id, "an accented prefix 'fraî' too");
	is_str(a.n ? a.hits[0].ref : "", "custom:1", "... custom:1");
	nt_search_result_fini(&a);

	/* Queries without words: no hits, no error. */
	{
		static const char *const empty[] = {"", "   ", "!!! ...", "*", "-", "\"\"", "()",
		                                    "--- ,;:", "^", "—", "…"};

		for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
			enum nt_status st = nt_search(s, empty[i], 10, &a, &err);

			ok(st == NT_OK && a.n == 0 && a.total == 0 && a.hits == NULL,
			   "'%s' gives no hits and no error", empty[i]);
			nt_search_result_fini(&a);
		}
	}

	/* FTS5 syntax is inert: the words are just words. */
	{
		static const char *const q[] = {
			"salmon\" OR", "NEAR(", "NEAR(salmon raw)", "salmon*", "salmon -raw",
			"name:salmon", "salmon AND", "NOT salmon", "{name} : salmon", "salmon^",
			"salmon + raw", "\"salmon", "salmon)",
		};
		struct nt_search_result plain;

		search("salmon", 100000, &plain);
		for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
			enum nt_status st = nt_search(s, q[i], 5, &a, &err);

			ok(st == NT_OK, "'%s' is not an FTS syntax error (%zu hits)%s%s", q[i],
			   a.total, st ? ": " : "", st ? err.msg : "");
			nt_search_result_fini(&a);
		}
		search("salmon*", 100000, &a);
		is_int(a.total, plain.total, "'salmon*' = 'salmon' (the star is a separator)");
		nt_search_result_fini(&a);
		search("\"salmon", 100000, &a);
		is_int(a.total, plain.total, "'\"salmon' = 'salmon'");
		nt_search_result_fini(&a);
		search("salmon -raw", 100000, &a);
		ok(a.n > 0 && strstr(a.hits[0].name, "raw") != NULL,
		   "'-raw' does not exclude raw (first: %s)", a.n ? a.hits[0].name : "-");
		nt_search_result_fini(&a);
		search("NOT salmon", 100, &a);
		/* no food has a word starting "not" and salmon: those with one of them */
		ok(a.relaxed && a.n > 0 && strcasestr(a.hits[0].name, "salmon"),
		   "'NOT salmon' is two words, not an exclusion: no food has both, salmon "
		   "first (%s)", a.n ? a.hits[0].name : "-");
		nt_search_result_fini(&a);
		nt_search_result_fini(&plain);
	}

	/* One or two letters match the start of names only: the first word
	 * of 234 names starts with "eg" (grep -ciE '^[^,]*,"?eg' foods.csv). */
	search("eg", 100000, &a);
	is_int(a.total, 234, "'eg' matches the 234 names starting with 'eg'");
	{
		size_t good = 0;

		for (size_t i = 0; i < a.n; i++)
			good += !strncasecmp(a.hits[i].name, "eg", 2);
		is_int(good, a.n, "... every hit's name starts with 'eg'");
	}
	/* "eg" is nearer "egg" than "eggplant": an egg first */
	ok(a.n > 0 && !strncmp(a.hits[0].name, "Egg,", 4), "... first: %s",
	   a.n ? a.hits[0].name : "-");
	nt_search_result_fini(&a);
	search("EG", 10, &b);
	is_int(b.total, 234, "'EG' the same");
	nt_search_result_fini(&b);

	/* A long word is cut, not an error. */
	{
		char q[200];

		memset(q, 'a', 150);
		q[150] = '\0';
		ok(nt_search(s, q, 10, &a, &err) == NT_OK && a.total == 0, "a 150-letter word");
		nt_search_result_fini(&a);
	}
	ok(nt_search(s, "salmon", 0, &a, &err) == NT_OK && a.n == 0 && a.hits == NULL,
	   "limit 0 gives no hits");
	nt_search_result_fini(&a);
}

static void
test_words(void)
{
	char w[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN];
	char longw[100];

	is_int(nt_search_words("Crème  BRÛLÉE,salmon-fillet 2%", w), 5, "five words");
	is_str(w[0], "creme", "folded: creme");
	is_str(w[1], "brulee", "folded: brulee");
	is_str(w[2], "salmon", "salmon");
	is_str(w[3], "fillet", "the dash separates");
	is_str(w[4], "2", "digits make words");
	is_int(nt_search_words("a b c d e f g h i j", w), NT_SEARCH_MAX_WORDS,
	       "at most %d words", NT_SEARCH_MAX_WORDS);
	is_str(w[7], "h", "... the first eight");
	is_int(nt_search_words("?!.,;:-*\"()", w), 0, "punctuation gives no words");
	memset(longw, 'x', 80);
	longw[80] = '\0';
	is_int(nt_search_words(longw, w), 1, "one long word");
	is_int(strlen(w[0]), NT_SEARCH_WORD_LEN - 1, "... cut to %d bytes", NT_SEARCH_WORD_LEN - 1);
	/* a long word is cut before a character that would not fit whole */
	memset(longw, 'x', NT_SEARCH_WORD_LEN - 2);
	strcpy(longw + NT_SEARCH_WORD_LEN - 2, "\xd0\xb6\xd0\xb6");
	is_int(nt_search_words(longw, w), 1, "a long word ending in Cyrillic");
	is_int(strlen(w[0]), NT_SEARCH_WORD_LEN - 2, "... cut before the split character");
	/*
	 * Found by fuzz_search: a run of stray continuation bytes longer than
	 * a word was cut back to an empty word, which matched nothing in the
	 * index (and every name as a prefix in the ranking).
	 */
	memset(longw, 0x91, 60);
	longw[60] = '\0';
	is_int(nt_search_words(longw, w), 1, "a run of stray bytes is one word");
	is_int(strlen(w[0]), NT_SEARCH_WORD_LEN - 1, "... cut to %d bytes, not to nothing",
	       NT_SEARCH_WORD_LEN - 1);
	snprintf(longw, sizeof longw, "ber\x91\xc2\xbd%60s", "");
	memset(longw + 6, 0x91, 60);
	is_int(nt_search_words(longw, w), 2, "a fraction between stray bytes: two words");
	ok(strlen(w[0]) > 0 && strlen(w[1]) > 0, "... neither empty");
}

/* Score of `name` (also, keywords, group, classes) for query q. */
static double
scc(const char *q, const char *name, const char *also, const char *kw, const char *group,
    unsigned cls)
{
	struct nt_query query;
	struct nt_rank_food f = {name, also, kw, group, cls, 0, 0, false, -1};

	nt_rank_query(q, &query);
	return nt_rank_score(&query, &f, NULL);
}

static double
sc(const char *q, const char *name, const char *also, const char *kw, const char *group)
{
	return scc(q, name, also, kw, group, 0);
}

#define LESS(q, n1, n2, why) \
	ok(sc(q, n1, "", "", "Other") < sc(q, n2, "", "", "Other"), \
	   "'%s': '%s' (%.2f) before '%s' (%.2f): %s", q, n1, sc(q, n1, "", "", "Other"), n2, \
	   sc(q, n2, "", "", "Other"), why)

static void
test_score(void)
{
	/*
	 * Hand-made names.  Costs per query word (rank.c): whole word in
	 * the head 0, later in the name 2, prefix in the head 3, prefix later
	 * 4, in common names/keywords 5 (prefix 6), group only 8; head made
	 * only of query words -3; extra words +0.25 each; plain-form words
	 * -0.3 each (at most -0.6); baby foods +6; fast/restaurant foods +3;
	 * a brand (a run of 3+ capitals) +1.5.  test_rank.c checks each rule.
	 */
	LESS("salmon", "Salmon, raw", "Salmonberries, raw", "whole word beats prefix");
	LESS("egg", "Egg, whole", "Noodles, egg", "head match beats a later match");
	LESS("salmon", "Fish, salmon, raw", "Salmon cake", "a category head ('Fish,') is skipped");
	LESS("egg", "Egg, whole, raw", "Egg, whole, pickled", "plain-form words earn a bonus");
	LESS("egg", "Egg, white", "Egg, white, dried, stabilized, glucose reduced",
	     "extra words cost");
	LESS("oat milk", "Oat milk", "Oatmeal, made with milk", "whole words beat prefixes");
	LESS("rice", "Rice, acme", "Rice, ACME", "brand names (capitals) cost");
	ok(sc("egg", "Noodles, egg", "", "", "Other") < sc("egg", "Pasta, dry", "egg pasta", "", "Other"),
	   "a name match beats a common-name match");
	ok(sc("egg", "Pasta, dry", "egg pasta", "", "Other") < sc("egg", "Pasta, dry", "", "", "Eggs"),
	   "a common-name match beats a group-only match");
	ok(sc("soy", "Drink, dry", "", "soy drink", "Other") <
	   sc("soy", "Drink, dry", "", "soybean drink", "Other"),
	   "a keyword word beats a keyword prefix");
	ok(scc("apple", "Apples, raw", "", "", "Fruits", 0) <
	   scc("apple", "Apples, raw", "", "", "Baby Foods", NT_CLASS_BABY), "baby foods cost");
	ok(scc("apple", "Apples, raw", "", "", "Fruits", 0) <
	   scc("apple", "Apples, raw", "", "", "Fast Foods", NT_CLASS_FAST_FOOD), "fast foods cost");
	ok(scc("apple", "Apples, raw", "", "", "Fast Foods", NT_CLASS_FAST_FOOD) <
	   scc("apple", "Apples, raw", "", "", "Baby Foods", NT_CLASS_BABY),
	   "baby foods cost more than fast foods");
	is_num(sc("eggs", "Egg, whole", "", "", "Other"), sc("egg", "Egg, whole", "", "", "Other"),
	       1e-9, "plurals are the same word (eggs = egg)");
	is_num(sc("berry", "Berries, raw", "", "", "Other"),
	       sc("berries", "Berries, raw", "", "", "Other"), 1e-9, "berry = berries");
	is_num(sc("salmon", "Salmon with rice", "", "", "Other"),
	       sc("salmon", "Salmon rice", "", "", "Other"), 1e-9, "stop words cost nothing");
	/* Exact values: "Egg, whole, raw" for "egg": head "egg" matched whole
	 * (0), head covered (-3), a plain-form word (whole, raw: once) -0.3 = -3.3. */
	is_num(sc("egg", "Egg, whole, raw", "", "", "Other"), -3.3, 1e-9, "'Egg, whole, raw' = -3.3");
	/* "Noodles, egg" for "egg": the part after the head is all typed, so
	 * "egg" counts as a head word (0); the head "noodles" is not typed
	 * (no -3), one extra word noodles (+0.25) = 0.25. */
	is_num(sc("egg", "Noodles, egg", "", "", "Other"), 0.25, 1e-9, "'Noodles, egg' = 0.25");
	/* "Pasta, dry, egg" for "egg": "egg" later in the name (2), the head not
	 * typed, extra pasta, dry (+0.5) = 2.5 */
	is_num(sc("egg", "Pasta, dry, egg", "", "", "Other"), 2.5, 1e-9, "'Pasta, dry, egg' = 2.5");
	/* Group only: 8, plus 2 extra words (+0.5) = 8.5. */
	is_num(sc("egg", "Pasta, dry", "", "", "Eggs"), 8.5, 1e-9, "group-only match = 8.5");
}

/* Punctuation, dashes and fractions separate words; -y finds -ies. */
static void
test_separators_and_plurals(void)
{
	char w[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN];
	struct nt_search_result r;

	is_int(nt_search_words("salmon \xe2\x80\x94 raw", w), 2, "an em dash separates words");
	is_str(w[1], "raw", "the word after the dash");
	is_int(nt_search_words("\xc2\xbd cup", w), 1, "a fraction sign is not a word");
	is_int(nt_search_words("shepherd's pie", w), 2, "an apostrophe inside a word keeps it");
	is_str(w[0], "shepherd's", "the possessive stays one word");
	is_int(nt_search_words("'quoted'", w), 1, "a leading quote is not part of the word");
	is_str(w[0], "quoted", "quotes around a word are dropped");
	search("salmon \xe2\x80\x94 raw", 5, &r);
	ok(r.n > 0 && strcasestr(r.hits[0].name, "salmon") && strcasestr(r.hits[0].name, "raw"),
	   "'salmon \u2014 raw' finds raw salmon (%s)", r.n ? r.hits[0].name : "nothing");
	nt_search_result_fini(&r);
	/* "berry" is no prefix of "berries": the -ies form is searched too. */
	search("berry", 5, &r);
	ok(r.n > 0 && strcasestr(r.hits[0].name, "berries"), "'berry' finds berries (%s)",
	   r.n ? r.hits[0].name : "nothing");
	nt_search_result_fini(&r);
	search("strawberry", 5, &r);
	ok(r.n > 0 && !strncasecmp(r.hits[0].name, "Strawberries", 12),
	   "'strawberry' finds strawberries first (%s)", r.n ? r.hits[0].name : "nothing");
	nt_search_result_fini(&r);
	/* a vowel before the y: no -ies form ("turkey", not "turkeies") */
	search("turkey", 5, &r);
	ok(r.n > 0 && !strncasecmp(r.hits[0].name, "Turkey", 6), "'turkey' finds turkey");
	nt_search_result_fini(&r);
	search("salmon", 0, &r);
	ok(r.n == 0 && r.total == 0, "limit 0 gives no hits and no total");
	nt_search_result_fini(&r);
}

/*
 * More than NT_SEARCH_RANK_MAX matches: 4100 imported "Zebra snack" foods,
 * then the user's "Zebra bar" (the highest id).  The first 4000 by id and
 * the user's food are ranked; the count says "more".
 */
static void
test_rank_cap(void)
{
	static const char sql[] =
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4100)"
		" INSERT INTO foods(source, code, name, grp, b12_ug)"
		" SELECT 'fdc', 900000 + i, 'Zebra snack number ' || i, 'Snacks', 0.1 FROM n;";
	struct nt_search_result r;
	double per100[NT_STORED_COUNT];
	long long id;
	bool own = false;

	if (nt_store_exec(s, sql, NULL) != NT_OK)
		tap_bail("cannot add the zebra foods");
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = NT_UNKNOWN;
	if (nt_food_add_custom(s, "Zebra bar", per100, NULL, 0, 0, &id, NULL) != NT_OK)
		tap_bail("cannot add the custom food");
	search("zebra", 10, &r);
	ok(r.more, "4101 matches: 'more' is set");
	is_int((long long)r.total, NT_SEARCH_RANK_MAX + 1, "4000 read and the user's own food");
	for (size_t i = 0; i < r.n; i++)
		own |= r.hits[i].id == id;
	ok(own && r.n == 10, "the user's food, added last, is ranked among them");
	ok(r.n && !strcmp(r.hits[0].name, "Zebra bar"), "... first: the shortest name (%s)",
	   r.n ? r.hits[0].name : "nothing");
	nt_search_result_fini(&r);
	search("zebra snack number 4100", 5, &r);
	ok(!r.more && r.total == 1 && r.n == 1, "a narrower search finds the 4100th alone");
	nt_search_result_fini(&r);
}

int
main(void)
{
	s = fixture_open(true);
	test_separators_and_plurals();
	test_words();
	test_score();
	test_egg();
	test_salmon();
	test_fortified();
	test_accents_and_syntax();
	test_rank_cap();
	nt_store_close(s);
	return tap_done();
}
