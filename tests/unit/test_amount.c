/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_amount.c - amount parsing, unit tables and conversion to grams with USDA portions. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "amount.h"
#include "food.h"
#include "tap.h"

/* Conversion factors (exact US definitions) used in the hand arithmetic. */
#define OZ 28.349523125      /* g per avoirdupois ounce */
#define LB 453.59237         /* g per pound */
#define CUP 236.5882365      /* ml per US cup */
#define TSP 4.92892159375    /* ml per US teaspoon */

/* data/portions.csv: sr28:15076,1,3,oz,85 and sr28:15076,2,0.5,fillet,198 */
static struct nt_portion salmon_p[] = {
	{3, "oz", 85},
	{0.5, "fillet", 198},
};

/* data/portions.csv rows 232-235: sr28:01077 (milk, whole, 3.25%) */
static struct nt_portion milk_p[] = {
	{1, "cup", 244},
	{1, "fl oz", 30.5},
	{1, "tbsp", 15},
	{1, "quart", 976},
};

/* data/portions.csv rows 347-352: sr28:01123 (egg, whole, raw, fresh) */
static struct nt_portion egg_p[] = {
	{1, "large", 50},
	{1, "extra large", 56},
	{1, "jumbo", 63},
	{1, "cup (4.86 large eggs)", 243},
	{1, "medium", 44},
	{1, "small", 38},
};

/* data/portions.csv rows 19190-19196: fndds:26100110 (Fish, NFS) */
static struct nt_portion fish_p[] = {
	{1, "small/regular fillet", 90},
	{1, "large fillet", 135},
	{1, "whole fish, any size", 270},
	{1, "cup", 135},
	{1, "oz yields", 20},
	{1, "cubic inch", 17},
	{1, "Quantity not specified", 90},
};

/* data/portions.csv rows 15446-15451: fndds:11111000 (Milk, whole) */
static struct nt_portion fmilk_p[] = {
	{1, "cup", 244},
	{1, "fl oz", 30.5},
	{1, "individual school container", 244},
	{1, "Guideline amount per fl oz of beverage", 2.5},
	{1, "Guideline amount per cup of hot cereal", 61},
	{1, "Quantity not specified", 244},
};

/* data/portions.csv rows 10384-10391: sr28:18069 (bread, white), seq 1-8 */
static struct nt_portion bread_p[] = {
	{1, "slice", 29},
	{1, "oz", 28.35},
	{1, "cup, crumbs", 45},
	{1, "cup, cubes", 35},
	{1, "slice, large", 30},
	{1, "slice", 25},
	{1, "slice crust not eaten", 12.0},
	{1, "slice, thin", 20},
};

/* data/portions.csv row 209: sr28:01061,1,1,serving,19 */
static struct nt_portion cheese_p[] = {
	{1, "serving", 19},
};

/* data/label_portions.csv: label:1,1,2,tbsp,10 */
static struct nt_portion label_p[] = {
	{2, "tbsp", 10},
};

static struct nt_food
make_food(const char *ref, struct nt_portion *p, size_t n)
{
	struct nt_food f;

	memset(&f, 0, sizeof f);
	snprintf(f.ref, sizeof f.ref, "%s", ref);
	f.name = "test food";
	f.portions = p;
	f.n_portions = n;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		f.per100[m] = NT_UNKNOWN;
	return f;
}

#define FOOD(ref, arr) make_food(ref, arr, sizeof arr / sizeof *arr)

/* Checks that text converts to want grams for food. */
static void
grams_ok(const struct nt_food *f, const char *text, double want)
{
	struct nt_err err;
	double g = -1;
	enum nt_status st;

	memset(&err, 0, sizeof err);
	st = nt_amount_grams(text, f, &g, &err);
	is_int(st, NT_OK, "%s '%s' accepted%s%s", f->ref, text, st ? ": " : "",
	       st ? err.msg : "");
	is_num(g, want, 1e-6, "%s '%s' = %.6g g", f->ref, text, want);
}

/* Checks that text fails with status want_st; returns the message. */
static const char *
grams_bad(const struct nt_food *f, const char *text, enum nt_status want_st)
{
	static struct nt_err err;
	double g = -12345;

	memset(&err, 0, sizeof err);
	is_int(nt_amount_grams(text, f, &g, &err), want_st, "%s '%s' rejected", f->ref, text);
	ok(err.status == want_st && err.msg[0] && g == -12345,
	   "%s '%s': explained, grams untouched: %s", f->ref, text, err.msg);
	return err.msg;
}

static void
parse_ok(const char *text, double count, const char *unit)
{
	struct nt_quantity q;
	struct nt_err err;
	enum nt_status st;

	memset(&q, 0, sizeof q);
	st = nt_amount_parse(text, &q, &err);
	is_int(st, NT_OK, "parse '%s' ok%s%s", text, st ? ": " : "", st ? err.msg : "");
	is_num(q.count, count, 1e-12, "parse '%s' count %g", text, count);
	is_str(q.unit, unit, "parse '%s' unit '%s'", text, unit);
}

static void
parse_bad(const char *text, enum nt_status want_st, const char *msg)
{
	struct nt_quantity q;
	struct nt_err err;

	memset(&err, 0, sizeof err);
	is_int(nt_amount_parse(text, &q, &err), want_st, "parse '%.30s' rejected", text);
	if (msg)
		is_str(err.msg, msg, "parse '%.30s' message", text);
	else
		ok(err.status == want_st && err.msg[0], "parse '%.30s' explained: %s", text, err.msg);
}

static void
test_parse(void)
{
	char buf[NT_AMOUNT_TEXT_MAX + 8];
	struct nt_quantity q;

	parse_ok("150g", 150, "g");
	parse_ok("150 g", 150, "g");
	parse_ok("0.2 kg", 0.2, "kg");
	parse_ok(".5 kg", 0.5, "kg");
	parse_ok("1.5 cups", 1.5, "cups");
	parse_ok("1 1/2 cups", 1.5, "cups");      /* 1 + 1/2 */
	parse_ok("1/2 cup", 0.5, "cup");
	parse_ok("3/4 cup", 0.75, "cup");
	parse_ok("\xc2\xbd cup", 0.5, "cup");      /* ½ */
	parse_ok("1\xc2\xbd cups", 1.5, "cups");   /* 1½ */
	parse_ok("2 \xc2\xbd cups", 2.5, "cups");  /* 2 ½ */
	parse_ok("\xc2\xbc tsp", 0.25, "tsp");     /* ¼ */
	parse_ok("\xc2\xbe cup", 0.75, "cup");     /* ¾ */
	parse_ok("\xe2\x85\x93 cup", 1.0 / 3, "cup"); /* ⅓ */
	parse_ok("\xe2\x85\x94 cup", 2.0 / 3, "cup"); /* ⅔ */
	parse_ok("\xe2\x85\x9b tsp", 0.125, "tsp");   /* ⅛ */
	parse_ok("\xc2\xbd", 0.5, "");
	parse_ok("5", 5, "");
	parse_ok("  2   Large   Eggs  ", 2, "large eggs");
	parse_ok("1 FL  OZ", 1, "fl oz");
	parse_ok("2\tcups", 2, "cups");
	parse_ok("100000 g", 100000, "g");         /* the largest count */
	parse_ok("1 FILLETS", 1, "fillets");

	parse_bad("", NT_ERR_INVALID, "amount is empty");
	parse_bad("   ", NT_ERR_INVALID, "amount is empty");
	parse_bad("abc", NT_ERR_INVALID, "cannot read amount 'abc': it must start with a "
	          "number (150g, 1.5 cups, 1/2 cup, 2 large)");
	parse_bad("-5 g", NT_ERR_INVALID, "amount '-5 g' must be more than zero");
	parse_bad("-0 g", NT_ERR_INVALID, "amount '-0 g' must be more than zero");
	parse_bad("+5 g", NT_ERR_INVALID, NULL);
	parse_bad("0 g", NT_ERR_RANGE, "amount '0 g' must be more than zero");
	parse_bad("0.000 g", NT_ERR_RANGE, NULL);
	parse_bad("0/5 g", NT_ERR_RANGE, NULL);
	parse_bad("0x10 g", NT_ERR_INVALID, "cannot read amount '0x10 g': write the number in "
	          "plain digits (1500 g, 1.5 kg), without an exponent or hex");
	parse_bad("1e9 kg", NT_ERR_INVALID, "cannot read amount '1e9 kg': write the number in "
	          "plain digits (1500 g, 1.5 kg), without an exponent or hex");
	parse_bad("1E-3 g", NT_ERR_INVALID, NULL);
	parse_bad("1e309 g", NT_ERR_INVALID, NULL);
	parse_bad("nan g", NT_ERR_INVALID, NULL);
	parse_bad("NaN", NT_ERR_INVALID, NULL);
	parse_bad("inf g", NT_ERR_INVALID, NULL);
	parse_bad("infinity g", NT_ERR_INVALID, NULL);
	parse_bad("100001 g", NT_ERR_RANGE, "amount '100001 g' is too large");
	parse_bad("1/0 cup", NT_ERR_INVALID, "cannot read amount '1/0 cup': a fraction cannot "
	          "be over zero");
	/* a number longer than any float's digits is still read whole */
	parse_ok("0.0000000000000000000000000000000000000001 g", 1e-40, "g");
	parse_bad("1000000000000000000000000000000000000000 g", NT_ERR_RANGE,
	          "amount '1000000000000000000000000000000000000000 g' is too large");
	parse_bad("1..5 g", NT_ERR_INVALID, "cannot read amount '1..5 g'");
	parse_bad("1/2/3 cup", NT_ERR_INVALID, NULL);
	/* "1,5 g" is 1.5 g now (a decimal comma): test_household_and_state */
	parse_bad("1-2 cups", NT_ERR_INVALID, NULL);

	/* NT_AMOUNT_TEXT_MAX (200) bytes is too long; 199 is accepted. */
	memset(buf, ' ', sizeof buf);
	memcpy(buf, "150", 3);
	buf[NT_AMOUNT_TEXT_MAX - 2] = 'g';
	buf[NT_AMOUNT_TEXT_MAX - 1] = '\0';
	parse_ok(buf, 150, "g");
	buf[NT_AMOUNT_TEXT_MAX - 1] = 'g';
	buf[NT_AMOUNT_TEXT_MAX] = '\0';
	parse_bad(buf, NT_ERR_INVALID, "amount is too long (at most 199 bytes)");

	/* The longest accepted unit fits whole: 199 - "1 " = 197 letters. */
	memset(buf, 'x', sizeof buf);
	memcpy(buf, "1 ", 2);
	buf[NT_AMOUNT_TEXT_MAX - 1] = '\0';
	is_int(nt_amount_parse(buf, &q, NULL), NT_OK, "197-letter unit parses (NULL err)");
	is_int(strlen(q.unit), NT_AMOUNT_TEXT_MAX - 3, "and is kept whole (%d bytes)",
	       NT_AMOUNT_TEXT_MAX - 3);
	is_int(nt_amount_parse("", &q, NULL), NT_ERR_INVALID, "NULL err on failure");
}

static void
test_units(void)
{
	is_num(nt_amount_mass_unit("g"), 1, 0, "mass g");
	is_num(nt_amount_mass_unit("grams"), 1, 0, "mass grams");
	is_num(nt_amount_mass_unit("KG"), 1000, 0, "mass KG (case)");
	is_num(nt_amount_mass_unit("mg"), 0.001, 1e-15, "mass mg");
	is_num(nt_amount_mass_unit("oz"), OZ, 1e-12, "mass oz");
	is_num(nt_amount_mass_unit("ounces"), OZ, 1e-12, "mass ounces");
	is_num(nt_amount_mass_unit("lb"), LB, 1e-12, "mass lb");
	is_num(nt_amount_mass_unit("lbs"), LB, 1e-12, "mass lbs");
	is_num(nt_amount_mass_unit("pounds"), LB, 1e-12, "mass pounds");
	is_num(nt_amount_mass_unit("cup"), 0, 0, "cup is not a mass");
	is_num(nt_amount_mass_unit(""), 0, 0, "empty is not a mass");
	is_num(nt_amount_mass_unit("parsec"), 0, 0, "parsec is not a mass");
	is_num(nt_amount_volume_unit("ml"), 1, 0, "volume ml");
	is_num(nt_amount_volume_unit("l"), 1000, 0, "volume l");
	is_num(nt_amount_volume_unit("cups"), CUP, 1e-12, "volume cups");
	is_num(nt_amount_volume_unit("Fl Oz"), CUP / 8, 1e-12, "volume Fl Oz = cup / 8");
	is_num(nt_amount_volume_unit("fl. oz."), CUP / 8, 1e-12, "volume fl. oz.");
	is_num(nt_amount_volume_unit("tablespoons"), CUP / 16, 1e-12, "volume tablespoons = cup / 16");
	is_num(nt_amount_volume_unit("tbsp"), CUP / 16, 1e-12, "volume tbsp");
	is_num(nt_amount_volume_unit("tsp"), CUP / 48, 1e-12, "volume tsp = cup / 48");
	is_num(nt_amount_volume_unit("pint"), 2 * CUP, 1e-9, "volume pint = 2 cups");
	is_num(nt_amount_volume_unit("quarts"), 4 * CUP, 1e-9, "volume quarts = 4 cups");
	is_num(nt_amount_volume_unit("g"), 0, 0, "g is not a volume");
	is_num(nt_amount_volume_unit("fillet"), 0, 0, "fillet is not a volume");
}

static void
test_grams(void)
{
	struct nt_food salmon = FOOD("sr28:15076", salmon_p);
	struct nt_food milk = FOOD("sr28:01077", milk_p);
	struct nt_food egg = FOOD("sr28:01123", egg_p);
	struct nt_food fish = FOOD("fndds:26100110", fish_p);
	struct nt_food fmilk = FOOD("fndds:11111000", fmilk_p);
	struct nt_food bread = FOOD("sr28:18069", bread_p);
	struct nt_food cheese = FOOD("sr28:01061", cheese_p);
	struct nt_food label = FOOD("label:1", label_p);
	struct nt_food bare = make_food("custom:1", NULL, 0);
	const char *salmon_list = "its portions: 3 oz (85 g); 0.5 fillet (198 g)";
	char want[512];
	const char *msg;

	/* mass units, straight */
	grams_ok(&salmon, "150g", 150);
	grams_ok(&salmon, "150 g", 150);
	grams_ok(&salmon, "0.2 kg", 200);            /* 0.2 * 1000 */
	grams_ok(&salmon, "3 oz", 3 * OZ);           /* 85.048569375, not the 85 g portion */
	grams_ok(&salmon, "1 lb", LB);
	grams_ok(&salmon, "2 pounds", 2 * LB);       /* 907.18474 */
	grams_ok(&salmon, "500 mg", 0.5);
	grams_ok(&salmon, "1 mg", 0.001);            /* the smallest amount */
	grams_ok(&salmon, "10 kg", 10000);           /* the largest amount */
	grams_ok(&salmon, "150gr", 150);
	/* portions by name: 0.5 fillet = 198 g, so 1 fillet = 396 g */
	grams_ok(&salmon, "1 fillet", 396);
	grams_ok(&salmon, "1 FILLETS", 396);
	grams_ok(&salmon, "2 fillets", 792);
	grams_ok(&salmon, "\xc2\xbd fillet", 198);

	/* volumes through the food's portions (1 cup = 244 g) */
	grams_ok(&milk, "250ml", 257.8319231015);     /* 250 ml * 244 g / 236.5882365 ml */
	grams_ok(&milk, "1.5 cups", 366);              /* 1.5 * 244 */
	grams_ok(&milk, "1 1/2 cups", 366);
	grams_ok(&milk, "1/2 cup", 122);
	grams_ok(&milk, "\xc2\xbd cup", 122);
	grams_ok(&milk, "1 tbsp", 15);                 /* the tbsp portion itself */
	grams_ok(&milk, "2 fl oz", 61);                /* 2 * 30.5 */
	grams_ok(&milk, "2 fl. oz.", 61);
	grams_ok(&milk, "1 quart", 976);
	grams_ok(&milk, "1 l", 1031.3276924062);       /* 1000 ml * 244 / 236.5882365 */
	grams_ok(&milk, "1 pint", 488);                /* 2 cups * 244 */
	grams_ok(&milk, "2 tsp", 2 * TSP * 244 / CUP); /* = 244 / 24 = 10.1667 */
	grams_ok(&milk, "\xc2\xbe cup", 183);          /* 0.75 * 244 */

	/* eggs: named sizes */
	grams_ok(&egg, "2 large", 100);                /* 2 * 50 */
	grams_ok(&egg, "1 extra large", 56);
	grams_ok(&egg, "1 jumbo", 63);
	grams_ok(&egg, "3 medium", 132);               /* 3 * 44 */
	grams_ok(&egg, "1 small", 38);
	grams_ok(&egg, "1 cup", 243);                  /* head of "cup (4.86 large eggs)" */
	grams_ok(&egg, "100 ml", 102.7100939568);      /* 100 * 243 / 236.5882365 */

	/* FNDDS: "small/regular fillet", "Quantity not specified" */
	grams_ok(&fish, "1 fillet", 90);               /* word match: small/regular fillet */
	grams_ok(&fish, "1 regular fillet", 90);
	grams_ok(&fish, "1 small fillet", 90);
	grams_ok(&fish, "1 large fillet", 135);
	grams_ok(&fish, "2 large fillets", 270);
	grams_ok(&fish, "1 whole fish", 270);
	grams_ok(&fish, "1 serving", 90);              /* Quantity not specified */
	grams_ok(&fish, "1 portion", 90);
	grams_ok(&fish, "1 cup", 135);
	grams_ok(&fish, "2 oz", 2 * OZ);               /* 56.69904625: a mass, not "oz yields" */
	grams_ok(&fish, "100 ml", 57.0611633093);      /* 100 * 135 / 236.5882365 */
	grams_ok(&fmilk, "1 serving", 244);
	grams_ok(&fmilk, "1 cup", 244);
	grams_ok(&fmilk, "2 fl oz", 61);
	grams_ok(&fmilk, "100 ml", 103.1327692406);    /* 100 * 244 / 236.5882365 */
	grams_ok(&cheese, "1 serving", 19);
	grams_ok(&cheese, "2 servings", 38);
	grams_ok(&bread, "2 slices", 58);              /* first "slice" portion: 2 * 29 */
	grams_ok(&bread, "1 slice, thin", 20);
	grams_ok(&bread, "1 oz", OZ);                  /* mass unit before the 28.35 g portion */
	grams_ok(&bread, "1 cup", 45);                 /* head of "cup, crumbs" */
	/* label:1 has 2 tbsp = 10 g: 1 tbsp = 5 g, 1 cup = 16 tbsp = 80 g */
	grams_ok(&label, "1 tbsp", 5);
	grams_ok(&label, "1 cup", 80);
	grams_ok(&bare, "100 g", 100);

	/* failures */
	msg = grams_bad(&salmon, "", NT_ERR_INVALID);
	is_str(msg, "amount is empty", "empty message");
	grams_bad(&salmon, "abc", NT_ERR_INVALID);
	grams_bad(&salmon, "-5 g", NT_ERR_INVALID);
	msg = grams_bad(&salmon, "0 g", NT_ERR_RANGE);
	is_str(msg, "amount '0 g' must be more than zero", "zero message");
	grams_bad(&salmon, "1e9 kg", NT_ERR_INVALID);    /* no exponents */
	grams_bad(&salmon, "0x10 g", NT_ERR_INVALID);    /* no hex */
	grams_bad(&salmon, "nan g", NT_ERR_INVALID);
	grams_bad(&salmon, "inf g", NT_ERR_INVALID);
	grams_bad(&salmon, "100001 g", NT_ERR_RANGE);

	msg = grams_bad(&salmon, "5", NT_ERR_INVALID);
	snprintf(want, sizeof want, "amount '5' needs a unit: g, oz, ml, cup, tbsp, or a "
	         "portion of sr28:15076; %s", salmon_list);
	is_str(msg, want, "no-unit message lists the portions");

	msg = grams_bad(&salmon, "3 parsecs", NT_ERR_INVALID);
	snprintf(want, sizeof want, "cannot read amount '3 parsecs' for sr28:15076: unknown "
	         "unit 'parsecs'; use g, kg, oz, lb, ml, l, cup, tbsp, tsp, fl oz, or a "
	         "portion; %s", salmon_list);
	is_str(msg, want, "unknown-unit message lists the portions");
	grams_bad(&salmon, "1 serving", NT_ERR_INVALID); /* salmon has no serving */
	grams_bad(&salmon, "1 large", NT_ERR_INVALID);

	/* 10.001 kg = 10001 g > 10000 g */
	msg = grams_bad(&salmon, "10.001 kg", NT_ERR_RANGE);
	is_str(msg, "amount '10.001 kg' is 10001 g; one entry can be at most 10000 g",
	       "over-10-kg message");
	msg = grams_bad(&salmon, "30 fillets", NT_ERR_RANGE); /* 30 * 396 = 11880 g */
	is_str(msg, "amount '30 fillets' is 11880 g; one entry can be at most 10000 g",
	       "over-10-kg portion message");
	grams_bad(&milk, "11 quarts", NT_ERR_RANGE);          /* 11 * 976 = 10736 g */
	grams_bad(&salmon, "23 lb", NT_ERR_RANGE);            /* 23 * 453.59 = 10432.6 g */
	msg = grams_bad(&salmon, "0.5 mg", NT_ERR_RANGE);     /* 0.0005 g < 0.001 g */
	is_str(msg, "amount '0.5 mg' is less than 1 mg", "under-1-mg message");

	/* a volume for a food without a volume portion */
	msg = grams_bad(&salmon, "1 tbsp", NT_ERR_INVALID);
	snprintf(want, sizeof want, "sr28:15076 has no volume measure to convert '1 tbsp'; "
	         "give a weight (g, oz) or a portion; %s", salmon_list);
	is_str(msg, want, "no-volume message lists the portions");
	grams_bad(&salmon, "250 ml", NT_ERR_INVALID);
	grams_bad(&salmon, "1 cup", NT_ERR_INVALID);
	msg = grams_bad(&bare, "1 cup", NT_ERR_INVALID);
	is_str(msg, "custom:1 has no volume measure to convert '1 cup'; give a weight (g, oz) "
	       "or a portion; it has no USDA portions; use a weight such as 100 g",
	       "no-portion food message");
	msg = grams_bad(&egg, "1 dozen", NT_ERR_INVALID);
	is_str(msg, "cannot read amount '1 dozen' for sr28:01123: unknown unit 'dozen'; use g, "
	       "kg, oz, lb, ml, l, cup, tbsp, tsp, fl oz, or a portion; its portions: "
	       "1 large (50 g); 1 extra large (56 g); 1 jumbo (63 g); "
	       "1 cup (4.86 large eggs) (243 g); 1 medium (44 g); 1 small (38 g)",
	       "egg message lists all six portions");
	{
		double g = 0;

		is_int(nt_amount_grams("1 tbsp", &salmon, &g, NULL), NT_ERR_INVALID,
		       "NULL err accepted");
	}
}

static void
test_long_list(void)
{
	static char units[40][32];
	struct nt_portion p[40];
	struct nt_food f;
	struct nt_err err;
	double g;

	for (int i = 0; i < 40; i++) {
		snprintf(units[i], sizeof units[i], "piece number %d", i);
		p[i].amount = 1;
		p[i].unit = units[i];
		p[i].grams = 10 + i;
	}
	f = make_food("sr28:99999", p, 40);
	grams_ok(&f, "1 piece number 39", 49);
	memset(&err, 0, sizeof err);
	is_int(nt_amount_grams("1 cup", &f, &g, &err), NT_ERR_INVALID,
	       "40 portions: volume rejected");
	ok(strlen(err.msg) < sizeof err.msg &&
	   strstr(err.msg, "its portions: 1 piece number 0 (10 g); 1 piece number 1 (11 g)"),
	   "a long portion list is cut safely");
}

/* data/portions.csv: fndds:89901050 (Tomato sauce, for use with vegetables) */
static struct nt_portion tsauce_p[] = {
	{1, "Guideline amount per cup of vegetable", 60},
	{1, "Quantity not specified", 30},
};

/* data/portions.csv: sr28:01053 (Cream, fluid, heavy whipping) */
static struct nt_portion cream_p[] = {
	{1, "cup, whipped", 120},
	{1, "cup, fluid (yields 2 cups whipped)", 238},
	{1, "tbsp", 15.0},
	{1, "fl oz", 29.8},
};

/* data/portions.csv: sr28:12036 (Seeds, sunflower seed kernels, dried) */
static struct nt_portion sunflower_p[] = {
	{1, "cup, with hulls, edible yield", 46},
	{1, "cup", 140},
};

/* data/portions.csv: fndds:71401015 (Potato, french fries, from fresh, baked), seq 1, 8-11, 13 */
static struct nt_portion fries_p[] = {
	{1, "fry, NS as to shape", 5},
	{1, "small, raw, yields", 50},
	{1, "medium, raw, yields", 70},
	{1, "large, raw, yields", 100},
	{1, "cup", 60},
	{1, "Quantity not specified", 110},
};

/* A baked potato with a raw yield portion before its own (made up: USDA's
 * foods have one or the other). */
static struct nt_portion potato_p[] = {
	{1, "medium, raw, yields", 150},
	{1, "medium", 173},
};

/*
 * data/portions.csv: fndds:56203056 (Oatmeal, regular or quick, made with
 * water, no added fat), its first two portions swapped (USDA lists "cup,
 * cooked" first): the food's own state must win, not the order.
 */
static struct nt_portion oatmeal_p[] = {
	{1, "cup, dry, yields", 485},
	{1, "cup, cooked", 240},
	{1, "oz, dry, yields", 170},
	{1, "Quantity not specified", 240},
};

/* The cases: household measures, the food's own state, decimal commas. */
static void
test_household_and_state(void)
{
	struct nt_food tsauce = FOOD("fndds:89901050", tsauce_p);
	struct nt_food fmilk = FOOD("fndds:11111000", fmilk_p);
	struct nt_food cream = FOOD("sr28:01053", cream_p);
	struct nt_food sunflower = FOOD("sr28:12036", sunflower_p);
	struct nt_food fries = FOOD("fndds:71401015", fries_p);
	struct nt_food oatmeal = FOOD("fndds:56203056", oatmeal_p);
	struct nt_food potato = FOOD("test:potato", potato_p);
	const char *msg;

	tsauce.name = "Tomato sauce, for use with vegetables";
	cream.name = "Cream, fluid, heavy whipping";
	sunflower.name = "Seeds, sunflower seed kernels, dried";
	fries.name = "Potato, french fries, from fresh, baked";
	oatmeal.name = "Oatmeal, regular or quick, made with water, no added fat";
	potato.name = "Potato, baked";

	ok(!nt_portion_is_household("Guideline amount per cup of vegetable") &&
	   !nt_portion_is_household("Quantity not specified") &&
	   nt_portion_is_household("cup") && nt_portion_is_household("small/regular fillet"),
	   "Guideline amounts and 'Quantity not specified' are no household measures");
	/* "1/2 cup" of the sauce was 0.5 x 60 = 30 g through "Guideline amount per
	 * cup of vegetable": that is no cup of sauce, and the sauce has no other
	 * volume portion: refused, with the portions listed */
	msg = grams_bad(&tsauce, "1/2 cup", NT_ERR_INVALID);
	ok(strstr(msg, "no volume measure") && strstr(msg, "Guideline amount per cup"),
	   "... says so and lists its portions");
	/* typed whole, it is still its own portion; "1 serving" is the usual portion */
	grams_ok(&tsauce, "1 guideline amount per cup of vegetable", 60);
	grams_ok(&tsauce, "1 serving", 30);
	/* fndds:11111000 milk: "1 cup" is the cup (244 g), never a Guideline cup of cereal */
	grams_ok(&fmilk, "1 cup", 244);
	grams_ok(&fmilk, "250 ml", 250 * 244 / CUP);
	/* heavy cream: 250 ml through the fluid cup (238 g), not the whipped one
	 * (120 g: 250 ml was 127 g): 250 * 238 / 236.5882365 = 251.49 g */
	grams_ok(&cream, "250 ml", 250 * 238 / CUP);
	grams_ok(&cream, "1 cup", 238);
	/* sunflower kernels: "1 cup" is the kernels' cup (140 g), not "with hulls" */
	grams_ok(&sunflower, "1 cup", 140);
	grams_ok(&sunflower, "100 ml", 100 * 140 / CUP);
	/* a food without a name (an Open Food Facts serving being checked, as
	 * fuzz_serving does) still finds its portions: no state word is in a
	 * missing name (the fuzzer's crash on a "hull" portion) */
	sunflower.name = NULL;
	grams_ok(&sunflower, "1 cup", 140);
	sunflower.name = "test food";
	/* "1 medium" of a baked potato: the plain "medium" (173 g), not "medium,
	 * raw, yields"; a food that has only the yield portion uses it */
	grams_ok(&potato, "1 medium", 173);
	grams_ok(&fries, "1 medium", 70);
	/* cooked oatmeal: "1 cup" is a cup cooked (240 g), not "cup, dry, yields";
	 * volumes too: 100 ml = 100 * 240 / 236.5882365 */
	grams_ok(&oatmeal, "1 cup", 240);
	grams_ok(&oatmeal, "100 ml", 100 * 240 / CUP);
	/* the portion to offer first */
	is_int(nt_amount_default_portion(&oatmeal), 1, "oatmeal offers '1 cup, cooked' first");
	is_int(nt_amount_default_portion(&cream), 1, "cream offers the fluid cup first");
	is_int(nt_amount_default_portion(&fmilk), 0, "milk offers '1 cup' first");
	is_int(nt_amount_default_portion(&tsauce), 0,
	       "a food with no household measure: its first portion");
	{
		struct nt_food bare = make_food("custom:1", NULL, 0);

		ok(nt_amount_default_portion(&bare) == (size_t)-1, "no portions: none");
	}
	/* decimal commas */
	parse_ok("1,5 cups", 1.5, "cups");
	parse_ok("0,25 kg", 0.25, "kg");
	parse_ok("2,5", 2.5, "");
	grams_ok(&fmilk, "1,5 cups", 1.5 * 244);
	parse_bad("1,500 g", NT_ERR_INVALID,
	          "cannot read amount '1,500 g': a comma before three digits could be a decimal "
	          "comma or a thousands separator; write the number without it (1500 g) or with a "
	          "point (1.5 kg)");
	parse_bad("1,5,5 cups", NT_ERR_INVALID, NULL);
}

static void
test_format(void)
{
	char buf[64];

	nt_portion_format(&salmon_p[1], buf, sizeof buf);
	is_str(buf, "0.5 fillet (198 g)", "format 0.5 fillet");
	nt_portion_format(&salmon_p[0], buf, sizeof buf);
	is_str(buf, "3 oz (85 g)", "format 3 oz");
	nt_portion_format(&milk_p[0], buf, sizeof buf);
	is_str(buf, "1 cup (244 g)", "format 1 cup");
	nt_portion_format(&egg_p[3], buf, sizeof buf);
	is_str(buf, "1 cup (4.86 large eggs) (243 g)", "format a unit with parentheses");
	nt_portion_format(&bread_p[1], buf, sizeof buf);
	is_str(buf, "1 oz (28.35 g)", "format fractional grams");
	nt_portion_format(&salmon_p[1], buf, 8);
	is_str(buf, "0.5 fil", "format truncates to the buffer");
}

int
main(void)
{
	test_parse();
	test_units();
	test_grams();
	test_long_list();
	test_household_and_state();
	test_format();
	return tap_done();
}
