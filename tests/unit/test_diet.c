/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_diet.c - food tags, diets, corrections and exclusions (diet.h). */
#include "config.h"

#include <string.h>

#include "diet.h"
#include "fixture.h"
#include "food.h"
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

static unsigned
tags_of(const char *ref)
{
	unsigned tags = 999;
	bool corrected;

	nt_food_tags(s, food(ref), &tags, &corrected, NULL);
	return tags;
}

static void
test_parse(void)
{
	char buf[96], bad[32];
	unsigned t = 99;

	ok(nt_tags_parse("meat fish", &t, bad, sizeof bad) && t == (NT_TAG_MEAT | NT_TAG_FISH),
	   "'meat fish'");
	ok(nt_tags_parse("none", &t, bad, sizeof bad) && t == 0, "'none' is no tag");
	ok(nt_tags_parse("", &t, bad, sizeof bad) && t == 0, "empty is no tag");
	ok(nt_tags_parse("dairy,egg", &t, bad, sizeof bad) && t == (NT_TAG_DAIRY | NT_TAG_EGG),
	   "commas separate too");
	ok(!nt_tags_parse("dairy tofu", &t, bad, sizeof bad), "an unknown tag is refused");
	is_str(bad, "tofu", "and named");
	nt_tags_format(NT_TAG_ALL, buf, sizeof buf);
	is_str(buf, "meat fish shellfish dairy egg honey", "all six, in order");
	nt_tags_format(0, buf, sizeof buf);
	is_str(buf, "none", "no tag formats as none");

	is_int(nt_diet_forbids(NT_DIET_VEGAN), NT_TAG_ALL, "vegan: nothing of animal origin");
	is_int(nt_diet_forbids(NT_DIET_VEGETARIAN), NT_TAG_MEAT | NT_TAG_FISH | NT_TAG_SHELLFISH,
	       "vegetarian: no meat, fish or shellfish");
	is_int(nt_diet_forbids(NT_DIET_OMNIVORE), 0, "omnivore: anything");
}

/* The bundled tags of some plain foods (data/foods.csv, column contains). */
static void
test_bundled(void)
{
	is_int(tags_of("sr28:15076"), NT_TAG_FISH, "salmon: fish");
	is_int(tags_of("sr28:01123"), NT_TAG_EGG, "egg: egg");
	is_int(tags_of("sr28:09040"), 0, "banana: nothing");
	is_int(tags_of("fndds:11320000"), 0, "soy milk: nothing");
	is_int(tags_of("fndds:11111000") & NT_TAG_DAIRY, NT_TAG_DAIRY, "whole milk: dairy");
	is_int(tags_of("label:1"), 0, "nutritional yeast: nothing");
	ok(tags_of("sr28:13317") & NT_TAG_MEAT, "ground beef patties: meat");
}

static void
test_corrections(void)
{
	long long banana = food("sr28:09040");
	unsigned t;
	bool corrected;

	is_int(nt_food_tag(s, banana, NT_TAG_HONEY, NULL), NT_OK, "correct a food's tags");
	nt_food_tags(s, banana, &t, &corrected, NULL);
	ok(t == NT_TAG_HONEY && corrected, "the correction wins and says so");
	is_int(nt_food_tag(s, banana, 1u << 9, NULL), NT_ERR_INVALID, "unknown bits refused");
	{
		double per100[NT_STORED_COUNT];
		long long id = -1, before[1], after[1];
		struct nt_food *f;

		for (int m = 0; m < NT_STORED_COUNT; m++)
			per100[m] = NT_UNKNOWN;
		per100[NT_B12] = 500;
		nt_store_query_ints(s, "SELECT count(*) FROM foods", -1, before, 1, NULL);
		is_int(nt_food_add_custom_tagged(s, "Honey B12 drops", per100, NULL, 1, 100,
		                                 1u << 9, false, &id, NULL), NT_ERR_INVALID,
		       "a custom food with an unknown tag bit: refused");
		nt_store_query_ints(s, "SELECT count(*) FROM foods", -1, after, 1, NULL);
		is_int(after[0], before[0], "... and no food added (all or nothing)");
		is_int(nt_food_add_custom_tagged(s, "Honey B12 drops", per100, NULL, 1, 100,
		                                 NT_TAG_HONEY, true, &id, NULL), NT_OK,
		       "a custom food with its tags, a supplement");
		nt_food_tags(s, id, &t, &corrected, NULL);
		is_int(t, NT_TAG_HONEY, "... contains honey");
		if (nt_food_get(s, id, &f, NULL))
			tap_bail("get the custom food");
		is_str(f->group, NT_FOOD_SUPPLEMENTS, "... filed under Supplements");
		nt_food_free(f);
	}
	is_int(nt_food_untag(s, banana, NULL), NT_OK, "go back to the bundled tags");
	nt_food_tags(s, banana, &t, &corrected, NULL);
	ok(t == 0 && !corrected, "bundled again");
	is_int(nt_food_tags(s, 99999999, &t, &corrected, NULL), NT_ERR_NOTFOUND, "no such food");
}

struct seen {
	int n;
	char last[256];
	enum nt_exclusion_kind kind;
};

static void
collect(void *ctx, long long id, enum nt_exclusion_kind kind, const char *what)
{
	struct seen *x = ctx;

	(void)id;
	x->n++;
	x->kind = kind;
	snprintf(x->last, sizeof x->last, "%s", what);
}

static void
test_exclusions(void)
{
	long long a, b, c;
	struct seen x = {0};

	is_int(nt_exclusion_add(s, NT_EXCLUDE_FOOD, food("label:1"), NULL, &a, NULL), NT_OK,
	       "exclude a food");
	is_int(nt_exclusion_add(s, NT_EXCLUDE_GROUP, 0, "Breakfast Cereals", &b, NULL), NT_OK,
	       "exclude a group");
	is_int(nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, "peanut", &c, NULL), NT_OK,
	       "exclude a word");
	is_int(nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, "", &c, NULL), NT_ERR_INVALID,
	       "an empty word is refused");
	is_int(nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, "pea\033[2J", &c, NULL), NT_ERR_INVALID,
	       "control characters are refused");
	nt_exclusion_each(s, collect, &x, NULL);
	is_int(x.n, 3, "three exclusions listed");
	is_str(x.last, "peanut", "the last one is the word");
	is_int(nt_exclusion_remove(s, b, NULL), NT_OK, "remove one");
	is_int(nt_exclusion_remove(s, b, NULL), NT_ERR_NOTFOUND, "removing it again fails");
	x.n = 0;
	nt_exclusion_each(s, collect, &x, NULL);
	is_int(x.n, 2, "two left");
	nt_exclusion_remove(s, a, NULL);
	nt_exclusion_remove(s, c, NULL);
}

int
main(void)
{
	s = fixture_open(true);
	test_parse();
	test_bundled();
	test_corrections();
	test_exclusions();
	nt_store_close(s);
	return tap_done();
}
