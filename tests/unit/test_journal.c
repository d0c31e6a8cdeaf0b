/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_journal.c - unit tests for journal entries (journal.h): CRUD, order, values, meals. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "amount.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "store.h"
#include "tap.h"

#define TOL 1e-9

static struct nt_store *s;
static long long egg, salmon, banana, yeast;

static long long
food(const char *ref)
{
	return fixture_food_id(s, ref);
}

static long long
add(long day, enum nt_meal meal, long long food_id, const char *amount, double grams)
{
	long long id = -1;
	struct nt_err err;

	if (nt_journal_add(s, day, meal, food_id, amount, nt_grams_to_mg(grams), &id, &err))
		tap_bail("add %s: %s", amount, err.msg);
	return id;
}

static void
test_meals(void)
{
	is_int(nt_meal_parse("breakfast"), NT_BREAKFAST, "'breakfast'");
	is_int(nt_meal_parse("b"), NT_BREAKFAST, "'b' = breakfast");
	is_int(nt_meal_parse("break"), NT_BREAKFAST, "'break' = breakfast");
	is_int(nt_meal_parse("lunch"), NT_LUNCH, "'lunch'");
	is_int(nt_meal_parse("l"), NT_LUNCH, "'l' = lunch");
	is_int(nt_meal_parse("dinner"), NT_DINNER, "'dinner'");
	is_int(nt_meal_parse("din"), NT_DINNER, "'din' = dinner");
	is_int(nt_meal_parse("snack"), NT_SNACK, "'snack'");
	is_int(nt_meal_parse("snacks"), NT_SNACK, "'snacks' = snack");
	is_int(nt_meal_parse("sn"), NT_SNACK, "'sn' = snack");
	is_int(nt_meal_parse(""), -1, "empty: -1");
	is_int(nt_meal_parse("x"), -1, "unknown 'x': -1");
	is_int(nt_meal_parse("brunch"), -1, "unknown 'brunch': -1");
	is_int(nt_meal_parse("breakfasts"), -1, "'breakfasts' (longer than the name): -1");
	is_int(nt_meal_parse("snackss"), -1, "'snackss': -1");
	is_int(nt_meal_parse("dinner "), -1, "a trailing blank: -1");
	/* The four names start with four different letters, so no prefix of
	 * them is ambiguous; check that every one-letter prefix is unique. */
	{
		int hits = 0;

		for (int c = 'a'; c <= 'z'; c++) {
			char p[2] = {(char)c, '\0'};

			hits += nt_meal_parse(p) >= 0;
		}
		is_int(hits, 4, "exactly four letters name a meal (b, l, d, s)");
	}
	is_str(nt_meal_name(NT_BREAKFAST), "breakfast", "name breakfast");
	is_str(nt_meal_name(NT_SNACK), "snack", "name snack");
	is_str(nt_meal_title(NT_DINNER), "Dinner", "title Dinner");
	is_str(nt_meal_title(NT_SNACK), "Snacks", "title Snacks");
	for (int m = 0; m < NT_MEAL_COUNT; m++)
		is_int(nt_meal_parse(nt_meal_name(m)), m, "parse(name(%d)) round trip", m);
}

static void
test_grams_to_mg(void)
{
	is_int(nt_grams_to_mg(118), 118000, "118 g = 118000 mg");
	is_int(nt_grams_to_mg(0.5), 500, "0.5 g = 500 mg");
	is_int(nt_grams_to_mg(30.5), 30500, "30.5 g = 30500 mg");
	is_int(nt_grams_to_mg(0.0005), 1, "0.0005 g rounds to 1 mg");
	is_int(nt_grams_to_mg(1.0 / 3.0), 333, "1/3 g = 333 mg");
}

static void
test_crud(void)
{
	long day = nt_date_from_ymd(2026, 3, 11), other = nt_date_from_ymd(2026, 3, 12);
	long long e_salmon, e_egg, e_banana, e_snack, e_lunch, id;
	struct nt_entry_list l;
	struct nt_entry e;
	struct nt_err err;

	/* Added out of meal order on purpose. */
	e_salmon = add(day, NT_DINNER, salmon, "1/2 fillet", 198);
	e_egg = add(day, NT_BREAKFAST, egg, "2 large", 100);
	e_banana = add(day, NT_BREAKFAST, banana, "1 medium", 118);
	e_snack = add(day, NT_SNACK, yeast, "2 tbsp", 10);
	e_lunch = add(day, NT_LUNCH, egg, "50 g", 50);
	ok(e_salmon > 0 && e_egg > e_salmon && e_banana > e_egg, "ids grow");

	is_int(nt_journal_day(s, day, &l, &err), NT_OK, "day list");
	is_int(l.n, 5, "five entries");
	if (l.n == 5) {
		is_int(l.v[0].id, e_egg, "1st: breakfast egg (added 2nd)");
		is_int(l.v[1].id, e_banana, "2nd: breakfast banana (added 3rd)");
		is_int(l.v[2].id, e_lunch, "3rd: lunch");
		is_int(l.v[3].id, e_salmon, "4th: dinner salmon (added 1st)");
		is_int(l.v[4].id, e_snack, "5th: snack");
		is_int(l.v[0].meal, NT_BREAKFAST, "meal read back");
		is_int(l.v[3].day, day, "day read back");
		is_str(l.v[3].food_ref, "sr28:15076", "food ref");
		is_str(l.v[3].food_name, "Fish, salmon, Atlantic, wild, raw", "food name");
		is_str(l.v[3].amount, "1/2 fillet", "amount as typed");
		is_int(l.v[3].mg, 198000, "198 g = 198000 mg");
	}
	nt_entry_list_fini(&l);
	is_int(l.n, 0, "list fini resets n");

	is_int(nt_journal_day(s, other, &l, &err), NT_OK, "an empty day");
	is_int(l.n, 0, "... has no entries");
	nt_entry_list_fini(&l);

	/*
	 * Values = per-100 g value x grams / 100 (foods.csv rows).
	 * Salmon sr28:15076: 142 kcal, protein 19.84, B12 3.18, added B12
	 * empty, ALA 0.295, EPA 0.321, DHA 1.115, DPA 0.287, K 490; 198 g:
	 *   energy  142 x 1.98 = 281.16 kcal
	 *   protein 19.84 x 1.98 = 39.2832 g
	 *   B12     3.18 x 1.98 = 6.2964 ug
	 *   EPA     0.321 x 1.98 = 0.63558 g
	 *   DHA     1.115 x 1.98 = 2.2077 g
	 *   K       490 x 1.98 = 970.2 mg
	 *   omega-3 (0.295 + 0.321 + 1.115 + 0.287) x 1.98 = 2.018 x 1.98 = 3.99564 g
	 *   EPA+DHA (0.63558 + 2.2077) x 1000 = 2843.28 mg
	 *   added B12 unknown.
	 */
	is_int(nt_journal_get(s, e_salmon, &e, &err), NT_OK, "get the salmon entry");
	is_int(e.id, e_salmon, "... its id");
	is_int(e.meal, NT_DINNER, "... dinner");
	is_int(e.food_id, salmon, "... the salmon food");
	is_num(e.values.v[NT_ENERGY], 281.16, TOL, "salmon 198 g energy 281.16");
	is_num(e.values.v[NT_PROTEIN], 39.2832, TOL, "protein 39.2832");
	is_num(e.values.v[NT_B12], 6.2964, TOL, "B12 6.2964");
	ok(isnan(e.values.v[NT_B12_ADDED]), "added B12 unknown");
	is_num(e.values.v[NT_EPA], 0.63558, TOL, "EPA 0.63558");
	is_num(e.values.v[NT_DHA], 2.2077, TOL, "DHA 2.2077");
	is_num(e.values.v[NT_POTASSIUM], 970.2, TOL, "potassium 970.2");
	is_num(e.values.v[NT_OMEGA3], 3.99564, TOL, "omega-3 3.99564");
	is_num(e.values.v[NT_EPA_DHA], 2843.28, 1e-6, "EPA+DHA 2843.28 mg");
	is_int(e.values.partial, 0, "nothing partial (all four n-3 known)");
	nt_entry_fini(&e);
	ok(e.food_name == NULL && e.amount == NULL, "entry fini clears the strings");

	/* Egg sr28:01123 (143 kcal, B12 0.89, ALA 0.036, EPA 0.000, DHA
	 * 0.058, DPA 0.007, K 138), 100 g: the per-100 g values themselves;
	 * omega-3 0.036 + 0 + 0.058 + 0.007 = 0.101 g; EPA+DHA 58 mg. */
	nt_journal_get(s, e_egg, &e, &err);
	is_num(e.values.v[NT_B12], 0.89, TOL, "egg 100 g B12 0.89");
	is_num(e.values.v[NT_POTASSIUM], 138, TOL, "egg 100 g potassium 138");
	is_num(e.values.v[NT_OMEGA3], 0.101, TOL, "egg omega-3 0.101");
	is_num(e.values.v[NT_EPA_DHA], 58, 1e-9, "egg EPA+DHA 58 mg");
	nt_entry_fini(&e);

	/* Banana sr28:09040 (89 kcal, B12 0.00, K 358), 118 g:
	 *   K 358 x 1.18 = 422.44 mg; energy 89 x 1.18 = 105.02; B12 0 (known). */
	nt_journal_get(s, e_banana, &e, &err);
	is_num(e.values.v[NT_POTASSIUM], 422.44, TOL, "banana 118 g potassium 422.44");
	is_num(e.values.v[NT_ENERGY], 105.02, TOL, "banana energy 105.02");
	ok(e.values.v[NT_B12] == 0, "banana B12 is a known 0");
	nt_entry_fini(&e);

	/* label:1 (protein 50, B12 150, added 150, the rest empty), 10 g:
	 *   B12 150 x 0.1 = 15 ug; protein 5 g; omega-3 unknown (no part known). */
	nt_journal_get(s, e_snack, &e, &err);
	is_num(e.values.v[NT_B12], 15, TOL, "yeast 10 g B12 15");
	is_num(e.values.v[NT_B12_ADDED], 15, TOL, "... all added");
	is_num(e.values.v[NT_PROTEIN], 5, TOL, "... protein 5");
	ok(isnan(e.values.v[NT_OMEGA3]) && isnan(e.values.v[NT_EPA_DHA]),
	   "... omega-3 and EPA+DHA unknown");
	ok(isnan(e.values.v[NT_ENERGY]), "... energy unknown");
	nt_entry_fini(&e);

	/* Update: salmon becomes 3 oz = 85 g for lunch the next day.
	 *   B12 3.18 x 0.85 = 2.703; K 490 x 0.85 = 416.5. */
	is_int(nt_journal_update(s, e_salmon, other, LONG_MAX, NT_LUNCH, "3 oz", 85000,
	       NULL, &err), NT_OK,
	       "update");
	nt_journal_get(s, e_salmon, &e, &err);
	is_int(e.day, other, "... new day");
	is_int(e.meal, NT_LUNCH, "... new meal");
	is_str(e.amount, "3 oz", "... new amount text");
	is_int(e.mg, 85000, "... new grams");
	is_num(e.values.v[NT_B12], 2.703, TOL, "... values follow: B12 2.703");
	is_num(e.values.v[NT_POTASSIUM], 416.5, TOL, "... potassium 416.5");
	nt_entry_fini(&e);
	is_int(nt_journal_update(s, e_salmon, other, LONG_MAX, NT_DINNER, NULL, 0,
	       NULL, &err), NT_OK,
	       "update with no amount: a move");
	nt_journal_get(s, e_salmon, &e, &err);
	ok(e.meal == NT_DINNER && !strcmp(e.amount, "3 oz") && e.mg == 85000,
	   "... to dinner, amount '3 oz' and 85 g kept");
	nt_entry_fini(&e);
	/* Undo puts an entry back as it was stored, even text add would refuse. */
	nt_journal_get(s, e_salmon, &e, &err);
	free(e.amount);
	e.amount = strdup("3 oz\x1b[2J");
	is_int(nt_journal_remove(s, e_salmon, &err), NT_OK, "remove, to restore");
	is_int(nt_journal_restore(s, &e, &err), NT_OK, "restore keeps the stored text unchecked");
	e.mg = 0;
	is_int(nt_journal_restore(s, &e, &err), NT_ERR_RANGE, "... but not 0 grams");
	nt_entry_fini(&e);
	nt_journal_get(s, e_salmon, &e, &err);
	ok(!strcmp(e.amount, "3 oz\x1b[2J") && e.mg == 85000, "... the entry is back as it was");
	is_int(nt_journal_update(s, e_salmon, other, LONG_MAX, NT_DINNER, "3 oz", 85000,
	       NULL, &err), NT_OK,
	       "and its text can be set right");
	nt_entry_fini(&e);
	nt_journal_day(s, day, &l, &err);
	is_int(l.n, 4, "the first day lost the moved entry");
	nt_entry_list_fini(&l);
	nt_journal_day(s, other, &l, &err);
	ok(l.n == 1 && l.v[0].id == e_salmon, "the other day has it");
	nt_entry_list_fini(&l);

	/* Remove. */
	is_int(nt_journal_remove(s, e_lunch, &err), NT_OK, "remove");
	is_int(nt_journal_get(s, e_lunch, &e, &err), NT_ERR_NOTFOUND, "removed entry is gone");
	is_int(nt_journal_remove(s, e_lunch, &err), NT_ERR_NOTFOUND, "removing twice: not found");

	/* Not found. */
	nt_err_clear(&err);
	is_int(nt_journal_get(s, 99999, &e, &err), NT_ERR_NOTFOUND, "get 99999: not found");
	ok(strstr(err.msg, "99999") != NULL, "... the message names the id: %s", err.msg);
	is_int(nt_journal_update(s, 99999, day, LONG_MAX, NT_LUNCH, "1 g", 1000,
	       NULL, &err), NT_ERR_NOTFOUND,
	       "update 99999: not found");
	ok(strstr(err.msg, "99999") != NULL, "... names the id");
	is_int(nt_journal_remove(s, 99999, &err), NT_ERR_NOTFOUND, "remove 99999: not found");
	ok(strstr(err.msg, "99999") != NULL, "... names the id");
	is_int(nt_journal_get(s, 99999, &e, NULL), NT_ERR_NOTFOUND, "err may be NULL");

	/* Bad food and meal. */
	id = -1;
	ok(nt_journal_add(s, day, NT_LUNCH, 987654321, "1 g", 1000, &id, &err) != NT_OK,
	   "adding an entry for a missing food fails (%s)", err.msg);
	ok(id == -1, "... and gives no id");
	ok(nt_journal_add(s, day, (enum nt_meal)7, egg, "1 g", 1000, &id, &err) != NT_OK,
	   "a meal out of range fails");
	nt_journal_day(s, day, &l, &err);
	is_int(l.n, 3, "... nothing was added");
	nt_entry_list_fini(&l);
}

static void
test_validation(void)
{
	long day = nt_date_from_ymd(2026, 3, 13);
	char text[NT_AMOUNT_TEXT_MAX + 1];
	long long id = -1, good;
	struct nt_err err;
	struct nt_entry_list l;

	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "", 1000, &id, &err), NT_ERR_INVALID,
	       "empty amount text");
	memset(text, 'g', NT_AMOUNT_TEXT_MAX);
	text[NT_AMOUNT_TEXT_MAX] = '\0';
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, text, 1000, &id, &err), NT_ERR_INVALID,
	       "a 200-byte amount text");
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "1\tg", 1000, &id, &err), NT_ERR_INVALID,
	       "a control character in the amount");
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "1 \xff", 1000, &id, &err), NT_ERR_INVALID,
	       "invalid UTF-8 in the amount");
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "1 g", 0, &id, &err), NT_ERR_RANGE,
	       "0 mg");
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "1 g", -5, &id, &err), NT_ERR_RANGE,
	       "negative mg");
	/* NT_AMOUNT_MAX_GRAMS is 10 kg = 10,000,000 mg. */
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "10.001 kg", 10000001, &id, &err),
	       NT_ERR_RANGE, "over 10 kg");
	ok(id == -1, "no id from the refusals");
	nt_journal_day(s, day, &l, &err);
	is_int(l.n, 0, "nothing was stored");
	nt_entry_list_fini(&l);

	text[NT_AMOUNT_TEXT_MAX - 1] = '\0';
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, text, 10000000, &good, &err), NT_OK,
	       "199 bytes of text and exactly 10 kg are fine");
	is_int(nt_journal_add(s, day, NT_LUNCH, egg, "½ cup", 1, &id, &err), NT_OK,
	       "UTF-8 text and 1 mg are fine");
	is_int(nt_journal_update(s, good, day, LONG_MAX, NT_LUNCH, "", 1000,
	       NULL, &err), NT_ERR_INVALID,
	       "update checks the text too");
	is_int(nt_journal_update(s, good, day, LONG_MAX, NT_LUNCH, "1 g", 0,
	       NULL, &err), NT_ERR_RANGE,
	       "update checks the grams too");
	{
		struct nt_entry e;

		nt_journal_get(s, good, &e, &err);
		is_int(e.mg, 10000000, "a refused update changes nothing");
		nt_entry_fini(&e);
	}
	nt_journal_remove(s, good, NULL);
	nt_journal_remove(s, id, NULL);
}

struct seen {
	int n;
	long day[16];
	enum nt_meal meal[16];
	double b12[16];
	double k[16];
};

static void
collect(void *ctx, long day, enum nt_meal meal, const struct nt_amounts *v)
{
	struct seen *x = ctx;

	if (x->n < 16) {
		x->day[x->n] = day;
		x->meal[x->n] = meal;
		x->b12[x->n] = v->v[NT_B12];
		x->k[x->n] = v->v[NT_POTASSIUM];
	}
	x->n++;
}

static void
test_each(void)
{
	long d = nt_date_from_ymd(2026, 4, 1); /* April: no entries yet */
	struct seen x;
	struct nt_err err;
	bool ordered = true;

	/* Added newest day first. */
	add(d + 3, NT_BREAKFAST, egg, "100 g", 100);      /* outside the range */
	add(d + 1, NT_DINNER, banana, "100 g", 100);      /* K 358 */
	add(d, NT_SNACK, egg, "50 g", 50);                /* B12 0.89 x 0.5 = 0.445 */
	add(d - 1, NT_LUNCH, salmon, "100 g", 100);       /* outside the range */
	add(d + 1, NT_BREAKFAST, egg, "200 g", 200);      /* B12 0.89 x 2 = 1.78 */

	memset(&x, 0, sizeof x);
	is_int(nt_journal_each(s, d, d + 1, collect, &x, &err), NT_OK, "each over two days");
	is_int(x.n, 3, "three entries in [d, d+1]");
	for (int i = 1; i < x.n && i < 16; i++)
		ordered = ordered && x.day[i] >= x.day[i - 1];
	ok(ordered, "in date order");
	ok(x.n == 3 && x.day[0] == d && x.meal[0] == NT_SNACK, "first: the snack on d");
	is_num(x.b12[0], 0.445, TOL, "... its B12 0.445");
	{
		int banana_i = -1, egg_i = -1;

		for (int i = 1; i < 3; i++) {
			if (x.meal[i] == NT_DINNER)
				banana_i = i;
			if (x.meal[i] == NT_BREAKFAST)
				egg_i = i;
		}
		ok(banana_i > 0 && x.day[banana_i] == d + 1, "banana dinner on d+1");
		is_num(banana_i > 0 ? x.k[banana_i] : -1, 358, TOL, "... K 358");
		ok(egg_i > 0 && x.day[egg_i] == d + 1, "egg breakfast on d+1");
		is_num(egg_i > 0 ? x.b12[egg_i] : -1, 1.78, TOL, "... B12 1.78");
	}

	memset(&x, 0, sizeof x);
	nt_journal_each(s, d - 1, d + 3, collect, &x, &err);
	is_int(x.n, 5, "the range is inclusive at both ends");
	ok(x.day[0] == d - 1 && x.day[4] == d + 3, "... from d-1 to d+3");
	memset(&x, 0, sizeof x);
	nt_journal_each(s, d + 2, d + 2, collect, &x, &err);
	is_int(x.n, 0, "an empty day calls nothing");
	memset(&x, 0, sizeof x);
	nt_journal_each(s, d + 1, d, collect, &x, &err);
	is_int(x.n, 0, "from after to: nothing");
	/* Across a month and year boundary the text dates still sort. */
	add(nt_date_from_ymd(2026, 12, 31), NT_LUNCH, egg, "1 g", 1);
	add(nt_date_from_ymd(2027, 1, 1), NT_LUNCH, egg, "1 g", 1);
	memset(&x, 0, sizeof x);
	nt_journal_each(s, nt_date_from_ymd(2026, 12, 31), nt_date_from_ymd(2027, 1, 1), collect, &x,
	                &err);
	ok(x.n == 2 && x.day[0] == nt_date_from_ymd(2026, 12, 31) &&
	   x.day[1] == nt_date_from_ymd(2027, 1, 1), "a range across the new year");
}

static void
sum_b12(void *ctx, long day, enum nt_meal meal, const struct nt_amounts *v)
{
	(void)day;
	(void)meal;
	*(double *)ctx += v->v[NT_B12];
}

/* Planned entries, eating them, copying days and meals. */
static void
test_planned(void)
{
	long day = nt_date_from_ymd(2026, 5, 4), next = day + 1;
	struct nt_entry_list l;
	struct nt_entry e;
	long long a, b, c, id;
	int count;
	double sum = 0;
	struct nt_err err;

	is_int(nt_journal_add(s, day, NT_BREAKFAST, egg, "2 large", 100000, &a, &err), NT_OK,
	       "an eaten entry");
	is_int(nt_journal_plan(s, day, NT_DINNER, salmon, "1 fillet", 396000, &b, &err), NT_OK,
	       "a planned entry");
	is_int(nt_journal_plan(s, day, NT_SNACK, banana, "1 medium", 118000, &c, &err), NT_OK,
	       "another planned entry");
	nt_journal_get(s, b, &e, &err);
	ok(e.planned, "the planned entry reads back planned");
	nt_entry_fini(&e);

	/* nt_journal_each sees only what was eaten: the egg, 0.89 ug B12. */
	nt_journal_each(s, day, day, sum_b12, &sum, &err);
	is_num(sum, 0.89, 1e-9, "totals count eaten entries only");

	is_int(nt_journal_set_planned(s, b, false, &err), NT_OK, "eat the salmon");
	nt_journal_get(s, b, &e, &err);
	ok(!e.planned, "it is eaten now");
	nt_entry_fini(&e);
	is_int(nt_journal_set_planned(s, 999999, false, &err), NT_ERR_NOTFOUND, "no such entry");
	is_int(nt_journal_eat_day(s, day, day, &count, &err), NT_OK, "eat the rest of the day");
	is_int(count, 1, "one planned entry was left (the banana)");
	is_int(nt_journal_eat_day(s, day, day, &count, &err), NT_OK, "again");
	is_int(count, 0, "nothing planned any more");

	/* Copy the day to the next as planned, then only its dinner again. */
	is_int(nt_journal_copy(s, day, next, -1, true, &count, &err), NT_OK, "copy a day");
	is_int(count, 3, "three entries copied");
	nt_journal_day(s, next, &l, &err);
	is_int(l.n, 3, "the next day has three entries");
	ok(l.n == 3 && l.v[0].planned && l.v[0].meal == NT_BREAKFAST && l.v[0].mg == 100000 &&
	   !strcmp(l.v[0].amount, "2 large"), "copies keep meal, food and amount, and are planned");
	ok(l.n == 3 && l.v[0].id > c, "copies get new numbers");
	nt_entry_list_fini(&l);
	is_int(nt_journal_copy(s, day, next, NT_DINNER, false, &count, &err), NT_OK,
	       "copy one meal as eaten");
	is_int(count, 1, "one entry copied");
	is_int(nt_journal_copy(s, day + 10, next, -1, false, &count, &err), NT_OK,
	       "copying an empty day is no error");
	is_int(count, 0, "and copies nothing");
	(void)id;
}

static void
note_problem(void *ctx, const char *problem)
{
	snprintf(ctx, 256, "%s", problem);
}

/* Days outside 1900-01-01..9999-12-31 are refused; one stored anyway is found. */
static void
test_date_range(void)
{
	long first = nt_date_first(), last = nt_date_last(), id = 0;
	long long entry = 0;
	struct nt_err err;
	struct seen x;
	char problem[256] = "";
	int problems = -1, n_before;

	memset(&x, 0, sizeof x);
	nt_journal_each(s, first, last, collect, &x, &err);
	n_before = x.n;
	is_int(nt_journal_add(s, first - 1, NT_LUNCH, egg, "1 large", 50000, &entry, &err),
	       NT_ERR_RANGE, "an entry on 1899-12-31: refused");
	is_str(err.msg, "the day begins before 1900-01-01, the first day nutrack keeps",
	       "... saying why");
	is_int(nt_journal_plan(s, last + 1, NT_LUNCH, egg, "1 large", 50000, &entry, &err),
	       NT_ERR_RANGE, "a planned entry on 10000-01-01: refused");
	is_int(nt_journal_add(s, last, NT_LUNCH, egg, "1 large", 50000, &entry, &err), NT_OK,
	       "an entry on 9999-12-31 is fine");
	is_int(nt_journal_update(s, entry, last + 1, LONG_MAX, NT_LUNCH, NULL, 0,
	       NULL, &err), NT_ERR_RANGE,
	       "moving it a day later: refused");
	is_int(nt_journal_copy(s, last, last + 1, -1, true, &problems, &err), NT_ERR_RANGE,
	       "copying its day a day later: refused");
	memset(&x, 0, sizeof x);
	nt_journal_each(s, first, last, collect, &x, &err);
	is_int(x.n, n_before + 1, "only the entry on 9999-12-31 was added");
	is_int(nt_journal_remove(s, entry, &err), NT_OK, "removed again");

	/* another program puts a day before 1900 there: found, named, removable */
	is_int(nt_journal_check(s, note_problem, problem, &problems, &err), NT_OK, "dates checked");
	is_int(problems, 0, "no date out of range yet");
	if (nt_store_exec(s, "INSERT INTO entries(day, meal, food, amount, mg)"
	                  " VALUES ('1899-12-31', 1, 1, '1g', 1000)", &err))
		tap_bail("insert: %s", err.msg);
	id = (long)nt_store_last_rowid(s);
	is_int(nt_journal_check(s, note_problem, problem, &problems, &err), NT_OK, "dates checked");
	is_int(problems, 1, "one entry dated out of range");
	{
		char want[256];

		snprintf(want, sizeof want, "entry #%ld is dated '1899-12-31', not a day from "
		         "1900-01-01 to 9999-12-31 (nutrack rm %ld removes it)", id, id);
		is_str(problem, want, "... named with its number and date");
	}
	/* a damaged date met while summing: the message quotes it, read before the reset */
	if (nt_store_exec(s, "UPDATE entries SET day = '2026-99-01' WHERE id = (SELECT max(id)"
	                  " FROM entries)", &err))
		tap_bail("update: %s", err.msg);
	is_int(nt_journal_each(s, first, last, collect, &x, &err), NT_ERR_DB,
	       "each over a damaged date fails");
	is_str(err.msg, "an entry has a damaged date '2026-99-01'", "... quoting it");
	is_int(nt_journal_remove(s, id, &err), NT_OK, "nt_journal_remove removes it");
	is_int(nt_journal_check(s, note_problem, problem, &problems, &err), NT_OK, "dates checked");
	is_int(problems, 0, "none left");
}

static bool
is_planned(long long id)
{
	struct nt_entry e;
	bool planned;

	if (nt_journal_get(s, id, &e, NULL))
		tap_bail("entry %lld is gone", id);
	planned = e.planned;
	nt_entry_fini(&e);
	return planned;
}

/*
 * A future day's entries are planned; eating waits for the day; uneat turns
 * eaten entries back.  "Today" comes from NUTRACK_TODAY, as in the front
 * ends: make check sets 2026-03-11 (a Wednesday), and it is moved here.
 */
static void
test_future(void)
{
	long today, mon;
	long long now, later, past, ids[3];
	bool planned = true;
	int count;
	char want[160];
	struct nt_err err;

	is_int(nt_date_today(&today, &err), NT_OK, "today from NUTRACK_TODAY");
	is_int(today, nt_date_from_ymd(2026, 3, 11), "make check's today, 2026-03-11");
	ok(!nt_journal_day_planned(today - 1, today), "yesterday is not planned");
	ok(!nt_journal_day_planned(today, today), "today is not planned");
	ok(nt_journal_day_planned(today + 1, today), "tomorrow is planned");
	ok(nt_journal_day_planned(today + 9, today), "+9 is planned");

	is_int(nt_journal_log(s, today, today, NT_LUNCH, egg, "1 large", 50000, &planned, &now,
	                      &err), NT_OK, "log today");
	ok(!planned && !is_planned(now), "today's entry is eaten");
	is_int(nt_journal_log(s, today, today + 9, NT_LUNCH, egg, "1 large", 50000, &planned,
	                      &later, &err), NT_OK, "log on +9");
	ok(planned && is_planned(later), "the +9 entry is planned");
	is_int(nt_journal_log(s, today, today - 3, NT_LUNCH, egg, "1 large", 50000, NULL, &past,
	                      &err), NT_OK, "log 3 days ago, without asking which");
	ok(!is_planned(past), "a past entry is eaten");

	is_int(nt_journal_eat(s, later, today, &err), NT_ERR_RANGE, "eating on +9 is refused");
	snprintf(want, sizeof want, "entry #%lld is on Friday 2026-03-20, a future day: it can be "
	         "marked eaten on the day", later);
	is_str(err.msg, want, "the refusal names the day");
	ok(is_planned(later), "and changes nothing");
	is_int(nt_journal_eat_day(s, today + 9, today, &count, &err), NT_ERR_RANGE,
	       "eating the +9 day is refused");
	ok(is_planned(later), "and changes nothing");
	is_int(nt_journal_eat(s, now, today, &err), NT_ERR_INVALID, "today's entry is eaten already");
	is_int(nt_journal_eat(s, 999999, today, &err), NT_ERR_NOTFOUND, "no such entry");

	/* The day comes: NUTRACK_TODAY moves 9 days on. */
	setenv("NUTRACK_TODAY", "2026-03-20", 1);
	is_int(nt_date_today(&today, &err), NT_OK, "NUTRACK_TODAY=2026-03-20");
	ok(!nt_journal_day_planned(nt_date_from_ymd(2026, 3, 20), today), "the day has come");
	is_int(nt_journal_eat(s, later, today, &err), NT_OK, "the entry can be eaten on the day");
	ok(!is_planned(later), "it is eaten");

	/* Uneat: all or nothing, in one transaction. */
	ids[0] = now;
	ids[1] = later;
	ids[2] = 999999;
	is_int(nt_journal_uneat(s, ids, 3, &err), NT_ERR_NOTFOUND, "a missing id: nothing done");
	ok(!is_planned(now) && !is_planned(later), "both are still eaten");
	is_int(nt_journal_uneat(s, ids, 2, &err), NT_OK, "uneat two entries");
	ok(is_planned(now) && is_planned(later), "both are planned again");
	is_int(nt_journal_uneat(s, &past, 1, &err), NT_OK, "uneat a past entry");
	ids[0] = past;
	ids[1] = now;
	nt_journal_eat(s, past, today, &err);
	is_int(nt_journal_uneat(s, ids, 2, &err), NT_ERR_INVALID,
	       "uneating an entry that is planned already is refused");
	snprintf(want, sizeof want, "entry #%lld is planned already", now);
	is_str(err.msg, want, "the refusal names it");
	ok(!is_planned(past), "and the other is left eaten");

	/* Moved to a future day, an eaten entry is planned; moved back, it stays so. */
	is_int(nt_journal_update(s, past, today + 2, today, NT_DINNER, NULL, 0, &planned, &err),
	       NT_OK, "move an eaten entry 2 days ahead");
	ok(planned && is_planned(past), "it is planned now, and the move says so");
	is_int(nt_journal_update(s, past, today, today, NT_DINNER, NULL, 0, &planned, &err), NT_OK,
	       "move it back to today");
	ok(!planned && is_planned(past), "today is no future day, and it stays planned till eaten");

	/* A Monday, say, is planned only while it is ahead. */
	mon = nt_date_from_ymd(2026, 3, 23);
	ok(nt_journal_day_planned(mon, today), "Monday 2026-03-23 is ahead of 2026-03-20");
	setenv("NUTRACK_TODAY", "2026-03-11", 1);
}

/* Whether entry id is as e holds it: day, meal, amount, grams, planned. */
static bool
entry_is(long long id, const struct nt_entry *e)
{
	struct nt_entry now;
	bool same;

	if (nt_journal_get(s, id, &now, NULL))
		tap_bail("entry %lld is gone", id);
	same = now.day == e->day && now.meal == e->meal && !strcmp(now.amount, e->amount) &&
	       now.mg == e->mg && now.planned == e->planned;
	nt_entry_fini(&now);
	return same;
}

/*
 * Undo of a change: day, meal, amount and planned flag back together, in
 * one transaction; a refusal leaves the row as it was.
 */
static void
test_revert(void)
{
	long day = nt_date_from_ymd(2026, 4, 1);
	struct nt_entry was, changed, bad;
	struct nt_err err;
	long long id;
	char amount[] = "2 large", other[] = "1 large", empty[] = "";

	id = add(day, NT_BREAKFAST, egg, amount, 100);
	if (nt_journal_get(s, id, &was, &err))
		tap_bail("get: %s", err.msg);
	/* the change being undone: another day, meal and amount, planned */
	is_int(nt_journal_update(s, id, day + 5, day, NT_DINNER, other, 50000, NULL, &err), NT_OK,
	       "revert: an entry changed (day, meal, amount; planned on a later day)");
	if (nt_journal_get(s, id, &changed, &err))
		tap_bail("get: %s", err.msg);
	ok(changed.planned && changed.day == day + 5 && changed.meal == NT_DINNER,
	   "... it is planned on the later day at dinner");

	/* refusals: the row stays as changed */
	bad = was;
	bad.meal = (enum nt_meal)7;
	is_int(nt_journal_revert(s, &bad, &err), NT_ERR_INVALID, "a meal that is none: refused");
	ok(entry_is(id, &changed), "... nothing changed");
	bad = was;
	bad.amount = empty;
	is_int(nt_journal_revert(s, &bad, &err), NT_ERR_INVALID, "an empty amount: refused");
	ok(entry_is(id, &changed), "... nothing changed");
	bad = was;
	bad.day = nt_date_first() - 1;
	is_int(nt_journal_revert(s, &bad, &err), NT_ERR_RANGE,
	       "a day nutrack does not keep: refused");
	ok(entry_is(id, &changed), "... nothing changed");
	bad = was;
	bad.id = 999999;
	is_int(nt_journal_revert(s, &bad, &err), NT_ERR_NOTFOUND, "a missing entry: refused");
	is_str(err.msg, "no entry 999999", "... naming it");
	ok(entry_is(id, &changed), "... the other entry unchanged");

	/* all of it back, planned flag too */
	is_int(nt_journal_revert(s, &was, &err), NT_OK, "revert");
	ok(entry_is(id, &was), "... day, meal, amount, grams and eaten back together");

	/* the planned flag goes back whatever the day: undo of eating */
	is_int(nt_journal_uneat(s, &id, 1, &err), NT_OK, "uneat it");
	is_int(nt_journal_revert(s, &was, &err), NT_OK, "revert the uneat");
	ok(!is_planned(id), "... eaten again");
	nt_entry_fini(&changed);

	/* an amount nutrack would not take (imported) stays when it is unchanged */
	{
		char odd[] = "1\tegg";
		struct nt_entry imported = was;

		imported.id = 777777;
		imported.amount = odd;
		is_int(nt_journal_restore(s, &imported, &err), NT_OK,
		       "an entry whose amount has a tab");
		is_int(nt_journal_update(s, imported.id, day, day, NT_LUNCH, NULL, 0, NULL, &err),
		       NT_OK, "... moved to lunch");
		is_int(nt_journal_revert(s, &imported, &err), NT_OK,
		       "... moved back: its amount is as stored, so not checked");
		ok(entry_is(imported.id, &imported), "... at breakfast, amount as it was");
	}
	nt_entry_fini(&was);
}

int
main(void)
{
	s = fixture_open(true);
	egg = food("sr28:01123");
	salmon = food("sr28:15076");
	banana = food("sr28:09040");
	yeast = food("label:1");
	test_meals();
	test_grams_to_mg();
	test_crud();
	test_validation();
	test_each();
	test_planned();
	test_future();
	test_revert();
	test_date_range();
	nt_store_close(s);
	return tap_done();
}
