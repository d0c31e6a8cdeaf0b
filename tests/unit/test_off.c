/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_off.c - unit tests for import-off (off.h): units, omega-3, servings, bad rows, faults. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "off.h"
#include "search.h"
#include "store.h"
#include "tap.h"

/*
 * tests/data/off/products.tsv is the Open Food Facts export's format: the
 * 214 columns of its header, tab-separated, nothing quoted, LF line ends.
 * Rows, by physical line (values read by hand from the file):
 *   2  5410000000011 Soja Drink Original: B12 0.00000038 g, K 0.12 g, "250 ml (1 cup)", en:vegan
 *   3  4000000000022 Leinöl: omega-3 53, ALA 52.8, "1 EL (10 g)", en:vegan
 *   4  3000000000033 Sardines: omega-3 2.1, EPA 0.5, DHA 0.9, B12 0.0000089, K 0.397, non-vegan
 *   5  0070000000044 Walnut pieces: omega-3 9.1 only, K 0.441, "30 g", en:vegan
 *   6  5000000000055 Breakfast flakes: energy only in kJ (1590), B12 0.0000021, K 0.3, vegetarian
 *   7  6000000000066 Sparkling water: no tracked nutrient
 *   8  8000000000077 (no name): B12 0.0000005, K 0.15, brand_owner given
 *   9  9400000000128 Fish oil capsules: omega-3 65, EPA 18, DHA 12, "2 capsules (2.6 g)"
 *  10  B12 "2.5" (g per 100 g: a unit slip)   11  potassium "abc"   12  omega-3 "-1"
 *  13  a row cut short (11 fields)   14  5410000000011 again   15  barcode "abc123"
 */
static const char *fixtures;
static const char *tmpdir;

static const char sql_n_off[] = "SELECT count(*) FROM foods WHERE source = 'off'";

/*
 * Writes tmpdir/name from the fixture: line `line` replaced by `text`
 * (0: none), with CRLF line ends and a BOM when asked.
 */
static const char *
make_copy(const char *src_name, const char *name, unsigned long line, const char *text,
          bool crlf, bool bom)
{
	static char dst[512];
	char src[512];
	FILE *in, *out;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long no = 0;

	snprintf(src, sizeof src, "%s/off/%s", fixtures, src_name);
	snprintf(dst, sizeof dst, "%s/%s", tmpdir, name);
	if (!(in = fopen(src, "rb")) || !(out = fopen(dst, "wb")))
		tap_bail("copy %s: %s", src, strerror(errno));
	if (bom)
		fputs("\xef\xbb\xbf", out);
	while ((len = getline(&buf, &cap, in)) > 0) {
		if (buf[len - 1] == '\n')
			buf[--len] = '\0';
		fprintf(out, "%s%s", ++no == line ? text : buf, crlf ? "\r\n" : "\n");
	}
	free(buf);
	fclose(in);
	if (fclose(out))
		tap_bail("writing %s failed", dst);
	return dst;
}

/* The header of products.tsv with one column renamed. */
static char *
header_without(const char *column, const char *instead)
{
	char src[512], *line = NULL, *at;
	size_t cap = 0;
	FILE *in;

	snprintf(src, sizeof src, "%s/off/products.tsv", fixtures);
	if (!(in = fopen(src, "rb")) || getline(&line, &cap, in) <= 0)
		tap_bail("read %s", src);
	fclose(in);
	line[strcspn(line, "\n")] = '\0';
	if (!(at = strstr(line, column)) || strlen(instead) != strlen(column))
		tap_bail("no column %s", column);
	memcpy(at, instead, strlen(instead));
	return line;
}

/* ---- the tests ---- */

static void
serving_is(const char *text, double grams, const char *unit)
{
	char got[200] = "";
	double g = -1;

	if (!nt_off_serving(text, &g, got, sizeof got)) {
		ok(0, "serving '%s' is read", text);
		return;
	}
	ok(fabs(g - grams) < 1e-9 && !strcmp(got, unit), "serving '%s' = %s, %g g", text, unit, grams);
	if (fabs(g - grams) >= 1e-9 || strcmp(got, unit))
		printf("#   got '%s', %.10g g\n", got, g);
}

static void
test_serving(void)
{
	char unit[200];
	double g;

	serving_is("30 g", 30, "serving");
	serving_is("30g", 30, "serving");
	serving_is(" 30 G ", 30, "serving");
	serving_is("28,35 g", 28.35, "serving");
	serving_is("1 EL (10 g)", 10, "serving, 1 EL");
	serving_is("40 g (1 bar)", 40, "serving, 1 bar");
	serving_is("2 capsules (2.6 g)", 2.6, "serving, 2 capsules");
	serving_is("250 ml (1 cup)", 250, "serving, 250 ml (1 cup)");
	serving_is("330ml", 330, "serving, 330ml");
	serving_is("1 cup (240 ml) 250 g", 250, "serving, 1 cup (240 ml)");
	serving_is("0.5 l", 500, "serving, 0.5 l");
	serving_is("25 cl", 250, "serving, 25 cl");
	serving_is("1 kg", 1000, "serving");
	serving_is("1 tablet (500 mg)", 0.5, "serving, 1 tablet");
	serving_is("5 oz", 5 * 28.349523125, "serving");
	serving_is("12 fl oz (355 mL)", 12 * 29.5735295625, "serving, 12 fl oz (355 mL)");
	serving_is("abc 30 grams", 30, "serving, abc");
	ok(!nt_off_serving("", &g, unit, sizeof unit), "empty serving: no portion");
	ok(!nt_off_serving("1 portion", &g, unit, sizeof unit), "'1 portion': no weight");
	ok(!nt_off_serving("2 gallettes", &g, unit, sizeof unit), "'2 gallettes': g is not a unit");
	ok(!nt_off_serving("200 kg", &g, unit, sizeof unit), "200 kg: more than 100 kg");
	ok(!nt_off_serving("0 g", &g, unit, sizeof unit), "0 g: nothing");
	ok(!nt_off_serving("A4g", &g, unit, sizeof unit), "'A4g': no number");
}

static void
test_dry_run(struct nt_store *s, const char *path)
{
	struct nt_dataset_report rep;
	struct nt_err err = {0};

	is_int(nt_off_import(s, path, true, NULL, NULL, &rep, &err), NT_OK, "dry run succeeds");
	is_int(rep.added, 7, "dry run: 7 products would be new");
	is_int(rep.no_nutrient, 1, "dry run: sparkling water left out");
	is_int(rep.skipped, 6, "dry run: 6 bad rows");
	is_int(fixture_count(s, sql_n_off), 0, "dry run stores nothing");
}

static void
test_import(struct nt_store *s, const char *path)
{
	static const char *const tails[] = {
		"products.tsv:10:171: vitamin-b12_100g: impossible value '2.5' per 100 g",
		"products.tsv:11:176: potassium_100g: not a number: 'abc'",
		"products.tsv:12:113: omega-3-fat_100g: negative value '-1'",
		"products.tsv:13: expected 214 fields, found 11",
		"products.tsv:14:1: product 5410000000011 is listed twice",
	};
	struct nt_dataset_report rep;
	struct nt_err err = {0};

	is_int(nt_off_import(s, path, false, NULL, NULL, &rep, &err), NT_OK, "import succeeds");
	is_int(rep.added, 7, "7 products new");
	is_int(rep.updated + rep.unchanged, 0, "none there before");
	is_int(rep.no_nutrient, 1, "1 without B12, omega-3 or potassium");
	is_int(rep.other, 0, "no 'other' for OFF");
	is_int(rep.skipped, 6, "6 rows skipped");
	is_int(rep.n_shown, 5, "5 shown");
	for (size_t i = 0; i < 5 && i < rep.n_shown; i++)
		ok(fixture_ends_with(rep.shown[i], tails[i]) && !strncmp(rep.shown[i], path, strlen(path)),
		   "skipped %zu: %s", i + 1, rep.shown[i]);
	is_int(fixture_count(s, sql_n_off), 7, "7 off foods stored");
	is_int(fixture_misclassified(s, "off"), 0, "each has the classes the rules give");
}

static void
test_values(struct nt_store *s)
{
	struct nt_food *f;

	if (!(f = fixture_food(s, "off:5410000000011")))
		tap_bail("off:5410000000011 missing");
	is_str(f->name, "Soja Drink Original", "soy drink: name");
	is_str(f->group, "Soy-based drinks", "soy drink: main_category_en");
	is_str(f->also, "Northwind,Northwind Organic", "soy drink: brands");
	is_num(f->per100[NT_B12], 0.38, 1e-12, "soy drink: B12 0.00000038 g = 0.38 ug (first row)");
	is_num(f->per100[NT_POTASSIUM], 120, 1e-9, "soy drink: K 0.12 g = 120 mg");
	is_num(f->per100[NT_ENERGY], 39, 0, "soy drink: 39 kcal");
	is_num(f->per100[NT_PROTEIN], 3, 0, "soy drink: protein 3 g");
	ok(isnan(f->per100[NT_ALA]) && !f->ala_estimated, "soy drink: ALA unknown");
	ok(isnan(f->per100[NT_B12_ADDED]) && isnan(f->per100[NT_DPA]), "soy drink: no added B12, DPA");
	is_int(f->n_portions, 1, "soy drink: 1 portion");
	if (f->n_portions == 1) {
		is_str(f->portions[0].unit, "serving, 250 ml (1 cup)", "soy drink: the serving's text");
		is_num(f->portions[0].grams, 250, 0, "soy drink: 250 ml as 250 g");
	}
	is_int(fixture_tags(s, f), 0, "soy drink: en:vegan, no tag");
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:4000000000022")))
		tap_bail("off:4000000000022 missing");
	is_str(f->name, "Leinöl kaltgepresst", "linseed oil: UTF-8 name");
	is_str(f->also, "Ölmühle Sonnenfeld", "linseed oil: brand");
	is_num(f->per100[NT_ALA], 52.8, 1e-12, "linseed oil: ALA 52.8 given, total 53 ignored");
	ok(!f->ala_estimated, "linseed oil: ALA not estimated");
	ok(isnan(f->per100[NT_B12]) && isnan(f->per100[NT_POTASSIUM]), "linseed oil: no B12, K");
	if (f->n_portions == 1)
		is_str(f->portions[0].unit, "serving, 1 EL", "linseed oil: '1 EL (10 g)'");
	else
		ok(0, "linseed oil: one portion");
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:3000000000033")))
		tap_bail("off:3000000000033 missing");
	is_num(f->per100[NT_ALA], 0.7, 1e-12, "sardines: ALA = 2.1 - 0.5 - 0.9 = 0.7");
	ok(f->ala_estimated, "sardines: ALA estimated from the total");
	is_num(f->per100[NT_EPA], 0.5, 0, "sardines: EPA 0.5");
	is_num(f->per100[NT_DHA], 0.9, 0, "sardines: DHA 0.9");
	ok(isnan(f->per100[NT_DPA]), "sardines: DPA unknown");
	is_num(f->per100[NT_B12], 8.9, 1e-12, "sardines: B12 0.0000089 g = 8.9 ug");
	is_num(f->per100[NT_POTASSIUM], 397, 1e-9, "sardines: K 0.397 g = 397 mg");
	is_int(fixture_tags(s, f), NT_TAG_ALL, "sardines: non-vegan, every tag");
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:0070000000044")))
		tap_bail("off:0070000000044 missing");
	is_num(f->per100[NT_ALA], 9.1, 1e-12, "walnuts: only the total 9.1, as ALA");
	ok(f->ala_estimated, "walnuts: estimated");
	ok(isnan(f->per100[NT_EPA]) && isnan(f->per100[NT_DHA]), "walnuts: EPA, DHA unknown");
	if (f->n_portions == 1) {
		is_str(f->portions[0].unit, "serving", "walnuts: '30 g' is a plain serving");
		is_num(f->portions[0].grams, 30, 0, "walnuts: 30 g");
	} else {
		ok(0, "walnuts: one portion");
	}
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:5000000000055")))
		tap_bail("off:5000000000055 missing");
	is_num(f->per100[NT_ENERGY], 380.01912, 1e-9, "flakes: 1590 kJ / 4.184 = 380.01912 kcal");
	is_num(f->per100[NT_B12], 2.1, 1e-12, "flakes: B12 2.1 ug");
	is_num(f->per100[NT_POTASSIUM], 300, 0, "flakes: K 300 mg");
	is_int(fixture_tags(s, f), NT_TAG_DAIRY | NT_TAG_EGG | NT_TAG_HONEY,
	       "flakes: en:vegetarian, maybe-vegan: dairy egg honey");
	if (f->n_portions == 1)
		is_str(f->portions[0].unit, "serving, 1 cup", "flakes: '1 cup (40g)'");
	else
		ok(0, "flakes: one portion");
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:8000000000077")))
		tap_bail("off:8000000000077 missing");
	is_str(f->name, "Unnamed product 8000000000077", "no name: a placeholder");
	is_str(f->also, "Lakeside Dairy; Lakeside Dairy Cooperative", "no name: brands and owner");
	is_str(f->group, "Open Food Facts", "no category: 'Open Food Facts'");
	is_int(f->n_portions, 0, "no serving size: no portion");
	is_num(f->per100[NT_B12], 0.5, 1e-12, "no name: B12 0.5 ug");
	nt_food_free(f);

	if (!(f = fixture_food(s, "off:9400000000128")))
		tap_bail("off:9400000000128 missing");
	is_num(f->per100[NT_ALA], 35, 1e-12, "fish oil: ALA = 65 - 18 - 12 = 35");
	is_num(f->per100[NT_ENERGY], 900, 0, "fish oil: 900 kcal is possible");
	if (f->n_portions == 1)
		is_num(f->portions[0].grams, 2.6, 1e-12, "fish oil: 2 capsules = 2.6 g");
	else
		ok(0, "fish oil: one portion");
	nt_food_free(f);

	ok(!fixture_food(s, "off:6000000000066"), "sparkling water is left out");
	ok(!fixture_food(s, "off:9000000000088"), "B12 2.5 g per 100 g: skipped");
	ok(!fixture_food(s, "off:9100000000099"), "potassium 'abc': skipped");
	ok(!fixture_food(s, "off:9200000000105"), "omega-3 -1: skipped");
	ok(!fixture_food(s, "off:9300000000111"), "short row: skipped");

	ok(fixture_finds(s, "3000000000033", "off:3000000000033"), "search by barcode");
	ok(fixture_finds(s, "070000000044", "off:0070000000044"), "search by the 12-digit form");
	ok(fixture_finds(s, "mer bleue", "off:3000000000033"), "search by brand");
	ok(fixture_finds(s, "olmuhle", "off:4000000000022"), "search by brand, accents folded");
	ok(fixture_finds(s, "lakeside", "off:8000000000077"), "an unnamed product by its brand");
}

static void
test_rerun(struct nt_store *s, const char *path)
{
	struct nt_dataset_report rep;
	struct nt_err err = {0};
	const char *p;

	is_int(nt_off_import(s, path, false, NULL, NULL, &rep, &err), NT_OK, "second import");
	is_int(rep.unchanged, 7, "second import: 7 unchanged");
	is_int(rep.added + rep.updated, 0, "second import: nothing new or updated");

	p = make_copy("products.tsv", "crlf-bom.tsv", 0, NULL, true, true);
	is_int(nt_off_import(s, p, false, NULL, NULL, &rep, &err), NT_OK, "CRLF and BOM: %s", err.msg);
	is_int(rep.unchanged, 7, "CRLF and BOM: the same 7 products");
	is_int(rep.skipped, 6, "CRLF and BOM: the same 6 bad rows");
}

static void
check_unchanged(struct nt_store *s, const char *what)
{
	struct nt_food *f = fixture_food(s, "off:0070000000044");

	ok(f && f->per100[NT_POTASSIUM] == 441 && !strcmp(f->name, "Walnut pieces"),
	   "%s: walnuts unchanged", what);
	nt_food_free(f);
	is_int(fixture_count(s, sql_n_off), 7, "%s: still 7 products", what);
}

static void
test_faults(struct nt_store *s)
{
	struct nt_dataset_report rep;
	struct nt_err err = {0};
	char *head;
	const char *p;
	char path[600];

	/* the header lacks vitamin-b12_100g, and walnuts would be renamed */
	head = header_without("vitamin-b12_100g", "vitamin-b13_100g");
	p = make_copy("products.tsv", "nob12.tsv", 1, head, false, false);
	free(head);
	is_int(nt_off_import(s, p, false, NULL, NULL, &rep, &err), NT_ERR_PARSE, "missing column");
	ok(fixture_ends_with(err.msg, "nob12.tsv:1: missing column 'vitamin-b12_100g' (is this the Open "
	             "Food Facts CSV export?)"), "missing column: '%s'", err.msg);
	check_unchanged(s, "missing column");

	head = header_without("energy-kcal_100g", "energy-kcal_100x");
	{
		char *h2 = strstr(head, "\tenergy_100g");

		if (!h2)
			tap_bail("no energy_100g");
		memcpy(h2 + 1, "energy_100x", 11);
	}
	p = make_copy("products.tsv", "noenergy.tsv", 1, head, false, false);
	free(head);
	is_int(nt_off_import(s, p, false, NULL, NULL, &rep, &err), NT_ERR_PARSE, "no energy column");
	ok(fixture_ends_with(err.msg, ":1: missing column 'energy-kcal_100g' (or 'energy_100g')"),
	   "no energy column: '%s'", err.msg);

	snprintf(path, sizeof path, "%s/missing.tsv", tmpdir);
	is_int(nt_off_import(s, path, false, NULL, NULL, &rep, &err), NT_ERR_IO, "missing file");
	ok(strstr(err.msg, "missing.tsv: No such file") != NULL, "missing file: '%s'", err.msg);

	p = make_copy("products.tsv", "empty.tsv", 0, NULL, false, false);
	if (truncate(p, 0) != 0)
		tap_bail("truncate");
	is_int(nt_off_import(s, p, false, NULL, NULL, &rep, &err), NT_ERR_PARSE, "empty file");
	ok(fixture_ends_with(err.msg, "empty.tsv:1: empty file (no header row)"), "empty file: '%s'",
	   err.msg);

	/* invalid UTF-8 in the last row: unreadable, and nothing of the rest is kept */
	p = make_copy("products.tsv", "badutf8.tsv", 15, "9500000000135\t\xff", false, false);
	is_int(nt_off_import(s, p, false, NULL, NULL, &rep, &err), NT_ERR_PARSE, "invalid UTF-8");
	ok(fixture_ends_with(err.msg, "badutf8.tsv:15:2: invalid UTF-8"), "invalid UTF-8: '%s'", err.msg);
	check_unchanged(s, "invalid UTF-8");
}

/*
 * The export does not quote fields, so a product name may hold a raw '"'.
 * csvio reads RFC 4180 quoting for TAB-separated files too and fails on
 * these; until it reads TAB-separated files without quoting, this is TODO.
 */
static void
test_raw_quotes(struct nt_store *s)
{
	struct nt_dataset_report rep;
	struct nt_err err = {0};
	struct nt_food *f;
	char path[512];
	enum nt_status st;

	snprintf(path, sizeof path, "%s/off/products-quotes.tsv", fixtures);
	st = nt_off_import(s, path, false, NULL, NULL, &rep, &err);
	printf("%s %d - raw quotes in unquoted fields are data\n",
	       st == NT_OK && rep.added == 2 ? "ok" : "not ok", ++tap_n);
	if (st)
		printf("#   %s\n", err.msg);
	f = fixture_food(s, "off:7000000000017");
	printf("%s %d - a name with quotes inside\n",
	       f && !strcmp(f->name, "Biscuits \"Petit\" au beurre") ? "ok" : "not ok", ++tap_n);
	nt_food_free(f);
	f = fixture_food(s, "off:7000000000024");
	printf("%s %d - a name starting with a quote\n",
	       f && !strcmp(f->name, "\"Bio\" Müsli") ? "ok" : "not ok", ++tap_n);
	nt_food_free(f);
}

/*
 * B6 and folate: the soy drink's row (line 2) with vitamin-b6_100g (column
 * 168) 0.00021 g = 0.21 mg, vitamin-b9_100g (169) and folates_100g (170)
 * 0.00006 g = 60 ug: B6 read, folate left unknown (OFF does not say whether
 * it is DFE).  Over the earlier imports: the soy drink is updated.
 */
static void
test_b6_folate(struct nt_store *s)
{
	char src[512], *line = NULL, out[4096] = "";
	size_t cap = 0, o = 0;
	int col = 1;
	FILE *in;
	const char *p;
	struct nt_dataset_report rep;
	struct nt_err err = {0};
	struct nt_food *f;

	snprintf(src, sizeof src, "%s/off/products.tsv", fixtures);
	if (!(in = fopen(src, "rb")) || getline(&line, &cap, in) <= 0 ||
	    getline(&line, &cap, in) <= 0)
		tap_bail("read %s", src);
	fclose(in);
	line[strcspn(line, "\n")] = '\0';
	for (p = line; *p && o < sizeof out - 32; p++) {
		if (*p == '\t') {
			col++;
			out[o++] = '\t';
			if (col == 168)
				o += (size_t)snprintf(out + o, sizeof out - o, "0.00021");
			else if (col == 169 || col == 170)
				o += (size_t)snprintf(out + o, sizeof out - o, "0.00006");
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
	free(line);
	is_int(nt_off_import(s, make_copy("products.tsv", "b6.tsv", 2, out, false, false), false,
	                     NULL, NULL, &rep, &err), NT_OK, "B6: import: %s", err.msg);
	if (!(f = fixture_food(s, "off:5410000000011")))
		tap_bail("off:5410000000011 missing");
	is_num(f->per100[NT_B6], 0.21, 1e-12, "soy drink: B6 0.00021 g = 0.21 mg");
	ok(isnan(f->per100[NT_FOLATE]) && isnan(f->per100[NT_FOLIC_ACID]) &&
	   isnan(f->per100[NT_FOOD_FOLATE]), "soy drink: folate unknown though OFF lists 60 ug");
	is_num(f->per100[NT_B12], 0.38, 1e-12, "soy drink: B12 as before");
	nt_food_free(f);
	if (!(f = fixture_food(s, "off:3000000000033")))
		tap_bail("off:3000000000033 missing");
	ok(isnan(f->per100[NT_B6]), "sardines: no vitamin-b6_100g, B6 unknown");
	nt_food_free(f);
}

int
main(void)
{
	struct nt_store *s;
	char path[512];

	if (!(fixtures = getenv("NUTRACK_FIXTURES")) || !*fixtures)
		tap_bail("NUTRACK_FIXTURES is not set (run through make check)");
	tmpdir = fixture_mkdtemp("nt-off");
	snprintf(path, sizeof path, "%s/off/products.tsv", fixtures);
	s = fixture_open(true);

	test_serving();
	test_dry_run(s, path);
	test_import(s, path);
	test_values(s);
	test_rerun(s, path);
	test_faults(s);
	test_raw_quotes(s);
	test_b6_folate(s);

	nt_store_close(s);
	return tap_done();
}
