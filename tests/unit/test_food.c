/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_food.c - unit tests for food ids, food values and custom foods (food.h). */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "fixture.h"
#include "food.h"
#include "nutrient.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;

static long long
resolve(const char *text, enum nt_status want, const char *why)
{
	struct nt_err err;
	long long id = -1;
	enum nt_status st;

	nt_err_clear(&err);
	st = nt_food_resolve(s, text, &id, &err);
	is_int(st, want, "resolve '%s': %s (%s)", text, why, st ? err.msg : "ok");
	if (st != NT_OK)
		ok(err.status == st && err.msg[0], "... with err filled");
	return st == NT_OK ? id : -1;
}

static struct nt_food *
get(long long id)
{
	struct nt_food *f = NULL;
	struct nt_err err;

	if (nt_food_get(s, id, &f, &err) != NT_OK)
		tap_bail("nt_food_get(%lld): %s", id, err.msg);
	return f;
}

static struct nt_food *
get_ref(const char *ref)
{
	long long id;
	struct nt_err err;

	if (nt_food_resolve(s, ref, &id, &err) != NT_OK)
		tap_bail("resolve %s: %s", ref, err.msg);
	return get(id);
}

static void
test_resolve(void)
{
	long long salmon, egg, id;
	struct nt_food *f;

	salmon = resolve("sr28:15076", NT_OK, "full sr28 id");
	ok(salmon > 0, "... gives a row id");
	is_int(resolve("15076", NT_OK, "bare code"), salmon, "bare 15076 = sr28:15076");
	egg = resolve("sr28:01123", NT_OK, "full id with leading zero");
	is_int(resolve("sr28:1123", NT_OK, "unpadded NDB number"), egg, "sr28:1123 = sr28:01123");
	is_int(resolve("1123", NT_OK, "bare unpadded code"), egg, "bare 1123 = sr28:01123");
	is_int(resolve("01123", NT_OK, "bare padded code"), egg, "bare 01123 = sr28:01123");
	id = resolve("fndds:11320000", NT_OK, "FNDDS id");
	f = get(id);
	is_str(f->ref, "fndds:11320000", "... is fndds:11320000");
	is_str(f->name, "Soy milk, sweetened", "... Soy milk, sweetened");
	nt_food_free(f);
	is_int(resolve("11320000", NT_OK, "bare FNDDS code"), id, "bare 11320000 = fndds:11320000");
	id = resolve("label:1", NT_OK, "label food");
	f = get(id);
	is_str(f->ref, "label:1", "... is label:1");
	nt_food_free(f);
	is_int(resolve("1", NT_OK, "bare 1 before any custom food"), id, "bare 1 = label:1");

	/* Ids that name nothing. */
	resolve("sr28:99999", NT_ERR_NOTFOUND, "no such NDB number");
	resolve("sr28:9", NT_ERR_NOTFOUND, "padded to 00009, which does not exist");
	resolve("fndds:1", NT_ERR_NOTFOUND, "no such FNDDS code");
	resolve("label:10", NT_ERR_NOTFOUND, "nine label foods: no label:10");
	resolve("custom:1", NT_ERR_NOTFOUND, "no custom food yet");
	resolve("sr28:abc", NT_ERR_NOTFOUND, "a non-numeric code");
	resolve("99999", NT_ERR_NOTFOUND, "no food has code 99999");
	resolve("1234567890123", NT_ERR_NOTFOUND, "an over-long bare code");
	resolve("sr28:123456789012345678901234567890123", NT_ERR_NOTFOUND, "an over-long code");

	/* Not shaped like an id. */
	resolve("salmon", NT_ERR_INVALID, "a word");
	resolve("", NT_ERR_INVALID, "empty text");
	resolve("usda:15076", NT_ERR_INVALID, "an unknown source");
	resolve(":15076", NT_ERR_INVALID, "no source");
	resolve("15076 ", NT_ERR_INVALID, "a trailing blank");
	resolve("-15076", NT_ERR_INVALID, "a sign");
	resolve("150x76", NT_ERR_INVALID, "digits and letters");
	resolve("sr28-15076", NT_ERR_INVALID, "a dash for the colon");

	ok(nt_food_looks_like_id("15076"), "looks_like_id: bare digits");
	ok(nt_food_looks_like_id("sr28:15076"), "looks_like_id: sr28:");
	ok(nt_food_looks_like_id("custom:2"), "looks_like_id: custom:");
	ok(!nt_food_looks_like_id("salmon"), "looks_like_id: a word is not");
	ok(!nt_food_looks_like_id("fish: salmon"), "looks_like_id: 'fish: salmon' is not");
	ok(!nt_food_looks_like_id(""), "looks_like_id: empty is not");
	ok(!nt_food_looks_like_id("2%"), "looks_like_id: '2%%' is not");

	{
		char buf[40];

		nt_food_ref("sr28", "01123", buf, sizeof buf);
		is_str(buf, "sr28:01123", "nt_food_ref joins source and code");
	}
	{
		struct nt_food *none = NULL;
		struct nt_err err;

		is_int(nt_food_get(s, 987654321, &none, &err), NT_ERR_NOTFOUND,
		       "nt_food_get of a missing row: NT_ERR_NOTFOUND");
		ok(none == NULL, "... *out untouched");
	}
}

/* Checks every stored value of a food against its foods.csv row. */
static void
check_values(const struct nt_food *f, const double want[NT_STORED_COUNT])
{
	_Static_assert(NT_STORED_COUNT == 13, "a value per stored measure in the rows below");
	for (int m = 0; m < NT_STORED_COUNT; m++)
		is_num(f->per100[m], want[m], 0, "%s %s = %g", f->ref, nt_measure_name(m), want[m]);
}

static void
test_values(void)
{
	struct nt_food *f;

	/*
	 * foods.csv columns: id,name,group,also,keywords,energy_kcal,protein_g,
	 * b12_ug,b12_added_ug,ala_g,ala_from_18_3,epa_g,dha_g,dpa_g,potassium_mg,
	 * contains,folate_dfe_ug,folic_acid_ug,food_folate_ug,b6_mg; the folate
	 * and B6 values are USDA's 435, 431, 432 and 415 in
	 * ../shared/data/usda (sr28_nutrients.csv, fndds2123_nutrients.csv).
	 *
	 * sr28:01123,"Egg, whole, raw, fresh",Dairy and Egg Products,,,
	 *   143,12.56,0.89,0.00,0.036,0,0.000,0.058,0.007,138,egg,47,0,47,0.170
	 */
	static const double egg[] = {143, 12.56, 0.89, 0.00, 0.036, 0.000, 0.058, 0.007, 138,
	                             47, 0, 47, 0.170};
	/* sr28:09040,"Bananas, raw",Fruits and Fruit Juices,,,
	 *   89,1.09,0.00,0.00,0.027,1,0.000,0.000,0.000,358,,20,0,20,0.367 */
	static const double banana[] = {89, 1.09, 0.00, 0.00, 0.027, 0.000, 0.000, 0.000, 358,
	                                20, 0, 20, 0.367};
	/* sr28:15076,"Fish, salmon, Atlantic, wild, raw",Finfish and Shellfish Products,,,
	 *   142,19.84,3.18,,0.295,1,0.321,1.115,0.287,490,fish,25,0,25,0.818
	 *   (b12_added empty) */
	static const double salmon[] = {142, 19.84, 3.18, NAN, 0.295, 0.321, 1.115, 0.287, 490,
	                                25, 0, 25, 0.818};
	/* label:1,...,Label data,nooch; yeast flakes,fortified b12 nutritional yeast,
	 *   ,50,150,150,,0,,,,,,,,,   (only protein and B12 known) */
	static const double yeast[] = {NAN, 50, 150, 150, NAN, NAN, NAN, NAN, NAN,
	                               NAN, NAN, NAN, NAN};
	/* fndds:11320000,"Soy milk, sweetened",Plant-based milk,NS as to sweetened,
	 *   fortified soymilk plant milk non-dairy,53,3.41,0.37,0.37,0.159,1,0,0,0,152,,
	 *   19,0,19,0.053 */
	static const double soy[] = {53, 3.41, 0.37, 0.37, 0.159, 0, 0, 0, 152, 19, 0, 19, 0.053};

	f = get_ref("sr28:01123");
	is_str(f->ref, "sr28:01123", "egg ref");
	is_str(f->name, "Egg, whole, raw, fresh", "egg name");
	is_str(f->group, "Dairy and Egg Products", "egg group");
	is_str(f->also, "", "egg has no common names");
	ok(!f->ala_estimated, "egg ALA is 851 proper (ala_from_18_3 = 0)");
	check_values(f, egg);
	/* portions.csv: sr28:01123 seq 1 large 50, 2 extra large 56, 3 jumbo 63,
	 * 5 cup (4.86 large eggs) 243, 6 medium 44, 7 small 38 (no seq 4). */
	is_int(f->n_portions, 6, "egg has 6 portions");
	if (f->n_portions == 6) {
		static const char *const unit[] = {"large", "extra large", "jumbo",
		                                   "cup (4.86 large eggs)", "medium", "small"};
		static const double grams[] = {50, 56, 63, 243, 44, 38};

		for (int i = 0; i < 6; i++) {
			is_str(f->portions[i].unit, unit[i], "egg portion %d unit", i + 1);
			is_num(f->portions[i].amount, 1, 0, "egg portion %d amount 1", i + 1);
			is_num(f->portions[i].grams, grams[i], 0, "egg portion %d = %g g", i + 1,
			       grams[i]);
		}
	}
	nt_food_free(f);

	f = get_ref("sr28:09040");
	is_str(f->name, "Bananas, raw", "banana name");
	ok(f->ala_estimated, "banana ALA is estimated from 18:3 (flag 1)");
	check_values(f, banana);
	is_num(f->per100[NT_POTASSIUM], 358, 0, "banana potassium 358 mg/100 g");
	/* 8 portions: cup mashed 225, cup sliced 150, ... NLEA serving 126. */
	is_int(f->n_portions, 8, "banana has 8 portions");
	if (f->n_portions == 8) {
		is_str(f->portions[0].unit, "cup, mashed", "banana first portion");
		is_num(f->portions[0].grams, 225, 0, "... 225 g");
		is_str(f->portions[2].unit, "extra small (less than 6\" long)",
		       "a unit with a quote survives CSV unquoting");
		is_str(f->portions[7].unit, "NLEA serving", "banana last portion");
		is_num(f->portions[7].grams, 126, 0, "... 126 g");
	}
	nt_food_free(f);

	f = get_ref("sr28:15076");
	is_str(f->name, "Fish, salmon, Atlantic, wild, raw", "salmon name");
	is_str(f->group, "Finfish and Shellfish Products", "salmon group");
	ok(f->ala_estimated, "salmon ALA estimated (ala_from_18_3 = 1)");
	check_values(f, salmon);
	is_num(f->per100[NT_B12], 3.18, 0, "salmon B12 3.18 ug");
	is_num(f->per100[NT_DHA], 1.115, 0, "salmon DHA 1.115 g");
	ok(isnan(f->per100[NT_B12_ADDED]), "salmon added B12 is unknown (NAN), not 0");
	/* portions.csv: sr28:15076,1,3,oz,85 and sr28:15076,2,0.5,fillet,198 */
	is_int(f->n_portions, 2, "salmon has 2 portions");
	if (f->n_portions == 2) {
		is_num(f->portions[0].amount, 3, 0, "first: 3");
		is_str(f->portions[0].unit, "oz", "... oz");
		is_num(f->portions[0].grams, 85, 0, "... = 85 g");
		is_num(f->portions[1].amount, 0.5, 0, "second: 0.5");
		is_str(f->portions[1].unit, "fillet", "... fillet");
		is_num(f->portions[1].grams, 198, 0, "... = 198 g");
	}
	nt_food_free(f);

	f = get_ref("label:1");
	is_str(f->name, "Nutritional yeast flakes, fortified (Bragg Premium Nutritional "
	       "Yeast Seasoning)", "label food name");
	is_str(f->also, "nooch; yeast flakes", "label food common names");
	ok(!f->ala_estimated, "label food: ala_from_18_3 = 0");
	check_values(f, yeast);
	is_int(f->n_portions, 1, "label food has 1 portion");
	if (f->n_portions == 1) {
		is_num(f->portions[0].amount, 2, 0, "2");
		is_str(f->portions[0].unit, "tbsp", "tbsp");
		is_num(f->portions[0].grams, 10, 0, "= 10 g");
	}
	nt_food_free(f);

	f = get_ref("fndds:11320000");
	is_str(f->group, "Plant-based milk", "FNDDS group = WWEIA category");
	is_str(f->also, "NS as to sweetened", "FNDDS also = additional description");
	ok(f->ala_estimated, "FNDDS ALA always from 18:3");
	check_values(f, soy);
	ok(!isnan(f->per100[NT_EPA]) && f->per100[NT_EPA] == 0, "a USDA 0 is a known 0");
	is_int(f->n_portions, 5, "soy milk has 5 portions");
	if (f->n_portions == 5) {
		is_str(f->portions[0].unit, "cup", "first cup");
		is_num(f->portions[0].grams, 244, 0, "... 244 g");
		is_str(f->portions[1].unit, "fl oz", "then fl oz");
		is_num(f->portions[1].grams, 30.5, 0, "... 30.5 g");
		is_str(f->portions[4].unit, "Quantity not specified", "last: quantity not specified");
	}
	nt_food_free(f);
}

static void
test_custom(void)
{
	double bar[NT_STORED_COUNT] = {450, 10, NAN, NAN, 0.5, 0, 0, 0, 300};
	double drink[NT_STORED_COUNT] = {46, 1, 0.38, 0.38, NAN, NAN, NAN, NAN, 120};
	long long id1, id2, id3, id, label;
	struct nt_food *f;
	struct nt_err err;
	char name[202];

	is_int(nt_food_add_custom(s, "My granola bar", bar, "bar", 1, 40, &id1, &err), NT_OK,
	       "add a custom food with a portion");
	f = get(id1);
	is_str(f->ref, "custom:1", "first custom food is custom:1");
	is_str(f->name, "My granola bar", "... its name");
	is_str(f->group, "Custom foods", "... group 'Custom foods'");
	for (int m = 0; m < NT_STORED_COUNT; m++)
		is_num(f->per100[m], bar[m], 0, "custom:1 %s", nt_measure_name(m));
	is_int(f->n_portions, 1, "... one portion");
	if (f->n_portions == 1) {
		is_num(f->portions[0].amount, 1, 0, "1");
		is_str(f->portions[0].unit, "bar", "bar");
		is_num(f->portions[0].grams, 40, 0, "= 40 g");
	}
	nt_food_free(f);

	is_int(nt_food_add_custom(s, "Oat drink", drink, NULL, 0, 0, &id2, &err), NT_OK,
	       "add a custom food without a portion");
	f = get(id2);
	is_str(f->ref, "custom:2", "second is custom:2");
	is_int(f->n_portions, 0, "... no portions");
	ok(isnan(f->per100[NT_ALA]), "... unknown ALA stays NAN");
	nt_food_free(f);

	is_int(resolve("custom:1", NT_OK, "custom id"), id1, "custom:1 resolves");
	is_int(resolve("custom:2", NT_OK, "custom id"), id2, "custom:2 resolves");
	/* label:1..9 exist too: a bare 2 names label:2 and custom:2 */
	resolve("2", NT_ERR_AMBIGUOUS, "bare 2 is label:2 and custom:2");
	resolve("1", NT_ERR_AMBIGUOUS, "bare 1 is label:1 and custom:1");
	{
		long long x;

		nt_food_resolve(s, "1", &x, &err);
		ok(strstr(err.msg, "label:1") && strstr(err.msg, "custom:1"),
		   "the ambiguity message lists both: %s", err.msg);
	}
	label = resolve("label:1", NT_OK, "label:1 still fine in full");
	ok(label != id1, "label:1 and custom:1 are different foods");

	/* Names. */
	id = -7;
	is_int(nt_food_add_custom(s, "", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "an empty name is refused");
	ok(id == -7, "... and *id is untouched");
	is_int(nt_food_add_custom(s, "tab\there", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "a tab (control character) is refused");
	is_int(nt_food_add_custom(s, "line\nbreak", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "a newline is refused");
	is_int(nt_food_add_custom(s, "red \033[31mtext", bar, NULL, 0, 0, &id, &err),
	       NT_ERR_INVALID, "an escape sequence is refused");
	is_int(nt_food_add_custom(s, "del\177", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "DEL is refused");
	is_int(nt_food_add_custom(s, "c1 \xc2\x9b here", bar, NULL, 0, 0, &id, &err),
	       NT_ERR_INVALID, "a C1 control (U+009B CSI) is refused");
	is_int(nt_food_add_custom(s, "bad \xff byte", bar, NULL, 0, 0, &id, &err),
	       NT_ERR_INVALID, "invalid UTF-8 (0xFF) is refused");
	is_int(nt_food_add_custom(s, "cut \xc3", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "a truncated UTF-8 sequence is refused");
	is_int(nt_food_add_custom(s, "over\xc0\xaflong", bar, NULL, 0, 0, &id, &err),
	       NT_ERR_INVALID, "an overlong encoding is refused");
	is_int(nt_food_add_custom(s, "sur\xed\xa0\x80rogate", bar, NULL, 0, 0, &id, &err),
	       NT_ERR_INVALID, "an encoded surrogate is refused");
	memset(name, 'x', 201);
	name[201] = '\0';
	is_int(nt_food_add_custom(s, name, bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "a 201-byte name is refused");
	ok(err.msg[0] != '\0', "... with a message: %s", err.msg);
	/* Portions. */
	is_int(nt_food_add_custom(s, "Bar", bar, "", 1, 40, &id, &err), NT_ERR_INVALID,
	       "an empty portion unit is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "bar", 1, 0, &id, &err), NT_ERR_INVALID,
	       "a 0 g portion is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "bar", 0, 40, &id, &err), NT_ERR_INVALID,
	       "a portion amount of 0 is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "bar", 1, NAN, &id, &err), NT_ERR_INVALID,
	       "a NAN portion weight is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "b\x1b", 1, 40, &id, &err), NT_ERR_INVALID,
	       "a portion unit with a control character is refused");
	is_int(nt_food_add_custom(s, "   ", bar, NULL, 0, 0, &id, &err), NT_ERR_INVALID,
	       "a name of blanks only is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "  ", 1, 40, &id, &err), NT_ERR_INVALID,
	       "a portion unit of blanks only is refused");
	is_int(nt_food_add_custom(s, "Bar", bar, "bar", 1, 1e-310, &id, &err), NT_ERR_INVALID,
	       "a portion lighter than 1 mg is refused (1e-310 g)");
	{
		double huge[NT_STORED_COUNT];

		memcpy(huge, bar, sizeof huge);
		huge[NT_B12] = INFINITY;
		is_int(nt_food_add_custom(s, "Bar", huge, NULL, 0, 0, &id, &err), NT_ERR_RANGE,
		       "an infinite value per 100 g is refused");
		huge[NT_B12] = -1;
		is_int(nt_food_add_custom(s, "Bar", huge, NULL, 0, 0, &id, &err), NT_ERR_RANGE,
		       "a negative value per 100 g is refused");
	}

	/* Valid edge cases; the refusals above used up no numbers. */
	name[200] = '\0';
	is_int(nt_food_add_custom(s, name, bar, NULL, 0, 0, &id3, &err), NT_OK,
	       "a 200-byte name is fine");
	f = get(id3);
	is_str(f->ref, "custom:3", "... and gets custom:3 (no gaps after refusals)");
	nt_food_free(f);
	is_int(nt_food_add_custom(s, "Crème brûlée, homemade", drink, NULL, 0, 0, &id, &err),
	       NT_OK, "accented UTF-8 is fine");
	f = get(id);
	is_str(f->ref, "custom:4", "... custom:4");
	is_str(f->name, "Crème brûlée, homemade", "... name kept byte for byte");
	nt_food_free(f);
}

/* Source names are case-insensitive: people type "SR28:15076" too. */
static void
test_resolve_case(void)
{
	long long a = 0, b = 0;

	ok(nt_food_looks_like_id("SR28:15076"), "SR28:15076 looks like an id");
	ok(nt_food_resolve(s, "SR28:15076", &a, NULL) == NT_OK &&
	   nt_food_resolve(s, "sr28:15076", &b, NULL) == NT_OK && a == b,
	   "SR28:15076 and sr28:15076 are the same food");
	ok(nt_food_resolve(s, "Fndds:11320000", &a, NULL) == NT_OK, "Fndds:11320000 resolves");
}

/*
 * Every USDA portion can be logged by the text the TUI's picker writes
 * ("%g %s", e.g. "0.5 fillet"), and that text weighs what USDA says.  A
 * portion whose text repeats an earlier one of the same food (USDA lists
 * some twice with different weights) resolves to the first; that is the
 * only exception allowed.
 */
/* Letters and digits only, lowercased: "doughnut, medium" = "doughnut medium". */
static void
squeeze(const char *in, char *out, size_t n)
{
	size_t o = 0;

	for (; *in && o + 1 < n; in++)
		if (isalnum((unsigned char)*in))
			out[o++] = (char)tolower((unsigned char)*in);
	out[o] = '\0';
}

static void
test_every_portion(void)
{
	long long max_id = 0, checked = 0, wrong = 0, dup = 0, unreadable = 0, mass = 0;
	struct nt_stmt *st = nt_store_stmt(s, "SELECT max(id) FROM foods", NULL);

	if (!st || nt_stmt_step(st, NULL) != 1)
		tap_bail("max(id)");
	max_id = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	for (long long id = 1; id <= max_id; id++) {
		struct nt_food *f;

		if (nt_food_get(s, id, &f, NULL) != NT_OK)
			continue;
		for (size_t i = 0; i < f->n_portions; i++) {
			const struct nt_portion *p = &f->portions[i];
			char text[512];
			double g;
			bool repeated = false;
			struct nt_err err;

			char me[512], other[512];

			squeeze(p->unit, me, sizeof me);
			for (size_t k = 0; k < i; k++) {
				squeeze(f->portions[k].unit, other, sizeof other);
				repeated |= !strcmp(other, me) && f->portions[k].amount == p->amount;
			}
			snprintf(text, sizeof text, "%g %s", p->amount, p->unit);
			checked++;
			if (nt_amount_grams(text, f, &g, &err) != NT_OK) {
				if (p->grams > 10000 || p->grams < 0.001)
					continue; /* beyond the one-entry limits */
				if (unreadable++ < 5)
					printf("# %s '%s': %s\n", f->ref, text, err.msg);
				continue;
			}
			/*
			 * Mass units convert physically: USDA's "3 oz = 85 g" is 85.05 g
			 * and its "0.5 oz = 15 g" 14.17 g (the picker logs USDA's grams).
			 */
			if (nt_amount_mass_unit(p->unit) > 0) {
				mass++;
				continue;
			}
			if (fabs(g - p->grams) > 1e-6 * p->grams) {
				if (repeated) {
					dup++;
					continue;
				}
				if (wrong++ < 5)
					printf("# %s '%s' = %g g, USDA %g g\n", f->ref, text, g, p->grams);
			}
		}
		nt_food_free(f);
	}
	ok(checked > 37000, "checked %lld portions", checked);
	is_int(unreadable, 0, "every portion's text can be read back");
	is_int(wrong, 0, "every portion weighs what USDA says (%lld repeated texts, %lld by mass)",
	       dup, mass);
}

/*
 * Issue 13: a supplement's label lists what it has, so what it leaves out
 * reads as 0, not unknown; other foods keep unknown.
 */
static void
test_supplement(void)
{
	double drops[NT_STORED_COUNT];
	struct nt_food *f;
	struct nt_err err;
	long long id;

	/*
	 * label:7, algae-oil capsule: data/foods.csv stores EPA 20.833 and
	 * DHA 41.667 g/100 g (125 and 250 mg in 0.6 g) and leaves the rest
	 * empty; read, the rest is 0.
	 */
	f = get_ref("label:7");
	is_str(f->group, "Supplements", "label:7 is a supplement");
	is_num(f->per100[NT_EPA], 20.833, 1e-9, "... EPA as stored");
	is_num(f->per100[NT_DHA], 41.667, 1e-9, "... DHA as stored");
	is_num(f->per100[NT_B12], 0, 0, "... B12 not on the label: 0, not unknown");
	is_num(f->per100[NT_B12_ADDED], 0, 0, "... added B12 0");
	is_num(f->per100[NT_POTASSIUM], 0, 0, "... potassium 0");
	is_num(f->per100[NT_ENERGY], 0, 0, "... energy 0");
	is_num(f->per100[NT_PROTEIN], 0, 0, "... protein 0");
	is_num(f->per100[NT_ALA], 0, 0, "... ALA 0");
	is_num(f->per100[NT_DPA], 0, 0, "... DPA 0");
	nt_food_free(f);

	/* label:1, nutritional yeast, is a food ("Label data"): unknown stays. */
	f = get_ref("label:1");
	ok(isnan(f->per100[NT_POTASSIUM]), "label:1 (not a supplement): potassium unknown");
	ok(isnan(f->per100[NT_ENERGY]), "... energy unknown");
	is_num(f->per100[NT_B12], 150, 0, "... B12 150");
	nt_food_free(f);

	/* A custom food keeps unknown until it is filed as a supplement. */
	for (int m = 0; m < NT_STORED_COUNT; m++)
		drops[m] = NT_UNKNOWN;
	drops[NT_B12] = 500000;
	is_int(nt_food_add_custom(s, "B12 drops", drops, "drop", 1, 0.05, &id, &err), NT_OK,
	       "custom B12 drops");
	f = get(id);
	ok(isnan(f->per100[NT_POTASSIUM]), "... a custom food: potassium unknown");
	ok(isnan(f->per100[NT_B12_ADDED]), "... added B12 unknown");
	nt_food_free(f);
	is_int(nt_food_mark_supplement(s, id, &err), NT_OK, "... filed as a supplement");
	f = get(id);
	is_str(f->group, "Supplements", "... in Supplements");
	is_num(f->per100[NT_B12], 500000, 0, "... B12 as given");
	is_num(f->per100[NT_POTASSIUM], 0, 0, "... potassium now 0");
	is_num(f->per100[NT_EPA], 0, 0, "... EPA now 0");
	nt_food_free(f);
}

int
main(void)
{
	s = fixture_open(true);
	test_every_portion();
	test_resolve_case();
	test_resolve();
	test_values();
	test_custom();
	test_supplement();
	nt_store_close(s);
	return tap_done();
}
