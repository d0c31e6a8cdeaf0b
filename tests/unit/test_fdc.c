/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_fdc.c - unit tests for import-fdc (fdc.h): values, portions, bad rows, faults, reruns. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diet.h"
#include "fdc.h"
#include "fixture.h"
#include "food.h"
#include "search.h"
#include "store.h"
#include "tap.h"

/*
 * tests/data/fdc holds a dozen foods in the published FoodData Central CSV
 * format (every field quoted; food.csv with a UTF-8 BOM, food_portion.csv
 * with CRLF line ends).  The values below are read by hand from its rows:
 *   food.csv          12 foods of imported types, 1 sample_food (line 15),
 *                     1 bad fdc_id "12x45" (line 14)
 *   food_nutrient.csv the egg's ALA (851) row comes last (line 83), after
 *                     other foods' rows; sockeye 2080003 has protein "n/a"
 *                     (line 72), potassium "-20" (74), B12 "50000000" (75)
 *   food_portion.csv  Foundation egg 748967 has a 0 g row (line 13)
 *   branded_food.csv  almond butter 2080004 has serving size "abc" (line 5)
 * Salt 173468 has only water and sodium: left out.
 */
static const char *fixtures;
static const char *tmpdir;

static const char *const fdc_files[] = {
	"food.csv", "nutrient.csv", "food_nutrient.csv", "food_portion.csv", "measure_unit.csv",
	"branded_food.csv", "food_category.csv", "wweia_food_category.csv",
};
#define N_FDC_FILES (sizeof fdc_files / sizeof *fdc_files)

/* ---- scratch copies of the fixture with edits ---- */

/* One change: in file `file`, physical line `line` becomes `text` (NULL deletes the file). */
struct edit {
	const char *file;
	unsigned long line;
	const char *text;
};

/* Copies the fixture into tmpdir/sub, applying edits; returns the directory. */
static const char *
make_copy(const char *sub, const struct edit *e, size_t n)
{
	static char dir[512];
	char src[512], dst[600];

	snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
	if (mkdir(dir, 0700) && errno != EEXIST)
		tap_bail("mkdir %s: %s", dir, strerror(errno));
	for (size_t i = 0; i < N_FDC_FILES; i++) {
		FILE *in, *out;
		char *line = NULL;
		size_t cap = 0;
		unsigned long no = 0;
		bool drop = false;

		for (size_t k = 0; k < n; k++)
			drop |= !strcmp(e[k].file, fdc_files[i]) && !e[k].text;
		if (drop)
			continue;
		snprintf(src, sizeof src, "%s/fdc/%s", fixtures, fdc_files[i]);
		snprintf(dst, sizeof dst, "%s/%s", dir, fdc_files[i]);
		if (!(in = fopen(src, "rb")) || !(out = fopen(dst, "wb")))
			tap_bail("copy %s: %s", src, strerror(errno));
		while (getline(&line, &cap, in) > 0) {
			const char *repl = NULL;

			no++;
			for (size_t k = 0; k < n; k++)
				if (!strcmp(e[k].file, fdc_files[i]) && e[k].line == no)
					repl = e[k].text;
			if (repl)
				fprintf(out, "%s\n", repl);
			else
				fputs(line, out);
		}
		free(line);
		fclose(in);
		if (fclose(out))
			tap_bail("writing %s failed", dst);
	}
	return dir;
}

/* Rewrites dir/name with its data rows (all but the header) in reverse order. */
static void
reverse_rows(const char *dir, const char *name)
{
	char path[600], **lines = NULL, *line = NULL;
	size_t n = 0, cap = 0, lcap = 0;
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(fp = fopen(path, "rb")))
		tap_bail("read %s", path);
	while (getline(&line, &lcap, fp) > 0) {
		if (n == cap && !(lines = realloc(lines, (cap = cap ? 2 * cap : 64) * sizeof *lines)))
			tap_bail("out of memory");
		if (!(lines[n++] = strdup(line)))
			tap_bail("out of memory");
	}
	free(line);
	fclose(fp);
	if (!(fp = fopen(path, "wb")))
		tap_bail("write %s", path);
	for (size_t i = 0; i < n; i++)
		fputs(lines[i == 0 ? 0 : n - i], fp);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	if (fclose(fp))
		tap_bail("write %s", path);
}

/* ---- looking at the database ---- */

static const char sql_n_fdc[] = "SELECT count(*) FROM foods WHERE source = 'fdc'";
static const char sql_n_triggers[] =
	"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'foods_a_'";

/* ---- progress ---- */

struct seen {
	int calls;
	long long nutrient_done, nutrient_total, saved, to_save;
};

static void
on_progress(void *ctx, const char *step, long long done, long long total, bool bytes)
{
	struct seen *p = ctx;

	p->calls++;
	if (!strcmp(step, "food_nutrient.csv") && bytes) {
		p->nutrient_done = done;
		p->nutrient_total = total;
	} else if (!strcmp(step, "saving foods") && !bytes) {
		p->saved = done;
		p->to_save = total;
	}
}

/* ---- the tests ---- */

static void
test_helpers(void)
{
	char buf[200] = "";

	is_num(nt_measure_max_per100(NT_ENERGY), 1000, 0, "energy limit 1000 kcal per 100 g");
	is_num(nt_measure_max_per100(NT_B12), 100000, 0, "B12 limit 100 mg per 100 g");
	is_num(nt_measure_max_per100(NT_POTASSIUM), 55000, 0, "potassium limit 55 g per 100 g");
	is_num(nt_measure_max_per100(NT_DHA), 100, 0, "DHA limit 100 g per 100 g");
	ok(isnan(nt_measure_max_per100(NT_OMEGA3)), "no limit for a derived measure");

	nt_dataset_barcode_keywords("00012345678905", buf, sizeof buf);
	is_str(buf, "00012345678905 0012345678905 012345678905", "GTIN-14: EAN-13 and UPC-A forms");
	nt_dataset_barcode_keywords("074312345671", buf, sizeof buf);
	is_str(buf, "074312345671 0074312345671", "UPC-A: its EAN-13 form");
	nt_dataset_barcode_keywords("3017620422003", buf, sizeof buf);
	is_str(buf, "3017620422003", "EAN-13 without a leading zero: itself");
	nt_dataset_barcode_keywords("ABC-1", buf, sizeof buf);
	is_str(buf, "ABC-1", "not digits: itself");

	buf[0] = '\0';
	nt_dataset_add_name(buf, sizeof buf, "NORTHWIND");
	nt_dataset_add_name(buf, sizeof buf, "");
	nt_dataset_add_name(buf, sizeof buf, "Northwind");
	nt_dataset_add_name(buf, sizeof buf, "Northwind Foods, Inc.");
	is_str(buf, "NORTHWIND; Northwind Foods, Inc.", "brand names: joined once, case ignored");
}

static void
test_dry_run(struct nt_store *s, const char *dir)
{
	struct nt_dataset_report rep;
	struct nt_err err;

	is_int(nt_fdc_import(s, dir, true, NULL, NULL, &rep, &err), NT_OK, "dry run succeeds");
	is_int(rep.added, 11, "dry run: 11 foods would be new");
	is_int(rep.updated + rep.unchanged, 0, "dry run: none there yet");
	is_int(rep.no_nutrient, 1, "dry run: salt has none of the kept nutrients");
	is_int(rep.other, 1, "dry run: one sample_food");
	is_int(rep.skipped, 6, "dry run: 6 bad rows");
	is_int(fixture_count(s, sql_n_fdc), 0, "dry run stores nothing");
	is_int(fixture_count(s, sql_n_triggers), 3, "dry run leaves the index triggers");
	ok(!fixture_finds(s, "northwind", "fdc:2080001"), "dry run: nothing to find");
}

static void
test_import(struct nt_store *s, const char *dir)
{
	struct nt_dataset_report rep;
	struct nt_err err;
	struct seen prog = {0};
	char want[600];

	is_int(nt_fdc_import(s, dir, false, on_progress, &prog, &rep, &err), NT_OK, "import succeeds");
	is_int(rep.added, 11, "11 foods new");
	is_int(rep.updated, 0, "none updated");
	is_int(rep.unchanged, 0, "none unchanged");
	is_int(rep.no_nutrient, 1, "1 left out: no kept nutrient");
	is_int(rep.other, 1, "1 not a food");
	is_int(rep.skipped, 6, "6 rows skipped");
	is_int(rep.n_shown, 5, "the first 5 shown");
	snprintf(want, sizeof want, "%s/food.csv:14:1: not an FDC id: '12x45'", dir);
	is_str(rep.shown[0], want, "skipped 1: food.csv line 14, a bad id");
	snprintf(want, sizeof want, "%s/branded_food.csv:5:8: impossible serving size 'abc'", dir);
	is_str(rep.shown[1], want, "skipped 2: branded_food.csv line 5, serving 'abc'");
	snprintf(want, sizeof want, "%s/food_portion.csv:13:8: impossible gram weight '0'", dir);
	is_str(rep.shown[2], want, "skipped 3: food_portion.csv line 13 (CRLF file), 0 g");
	snprintf(want, sizeof want, "%s/food_nutrient.csv:72:4: not a number: 'n/a'", dir);
	is_str(rep.shown[3], want, "skipped 4: food_nutrient.csv line 72, 'n/a'");
	snprintf(want, sizeof want, "%s/food_nutrient.csv:74:4: negative amount '-20'", dir);
	is_str(rep.shown[4], want, "skipped 5: food_nutrient.csv line 74, -20");
	is_int(fixture_count(s, sql_n_fdc), 11, "11 fdc foods stored");
	is_int(fixture_misclassified(s, "fdc"), 0, "each has the classes the rules give");
	is_int(fixture_count(s, sql_n_triggers), 3, "the index triggers are in place");
	ok(prog.calls > 0, "progress reported");
	ok(prog.nutrient_total > 0 && prog.nutrient_done == prog.nutrient_total,
	   "food_nutrient.csv progress ends at its size (%lld of %lld)", prog.nutrient_done,
	   prog.nutrient_total);
	is_int(prog.to_save, 12, "saving: 12 candidate foods");
	is_int(prog.saved, 12, "saving: progress ends at 12");
}

static void
test_sr_legacy(struct nt_store *s)
{
	struct nt_food *f;

	if (!(f = fixture_food(s, "fdc:171287")))
		tap_bail("fdc:171287 missing");
	is_str(f->name, "Egg, whole, raw, fresh", "egg: name");
	is_str(f->group, "Dairy and Egg Products", "egg: group from food_category.csv id 1");
	is_str(f->also, "", "egg: no brand");
	is_num(f->per100[NT_ENERGY], 143, 0, "egg: energy 208 = 143 kcal");
	is_num(f->per100[NT_PROTEIN], 12.56, 1e-12, "egg: protein 12.56 g");
	is_num(f->per100[NT_B12], 0.89, 1e-12, "egg: B12 0.89 ug");
	is_num(f->per100[NT_B12_ADDED], 0, 0, "egg: added B12 0.00");
	is_num(f->per100[NT_ALA], 0.036, 1e-12,
	       "egg: ALA from 851 (0.036, the file's last row), not 619 (0.048)");
	ok(!f->ala_estimated, "egg: ALA measured, not estimated");
	is_num(f->per100[NT_EPA], 0, 0, "egg: EPA 0.000");
	is_num(f->per100[NT_DHA], 0.058, 1e-12, "egg: DHA 0.058 g");
	is_num(f->per100[NT_DPA], 0.007, 1e-12, "egg: DPA 0.007 g");
	is_num(f->per100[NT_POTASSIUM], 138, 0, "egg: potassium 138 mg");
	is_int(f->n_portions, 3, "egg: 3 portions");
	if (f->n_portions == 3) {
		is_str(f->portions[0].unit, "large", "egg: seq 1 large");
		is_num(f->portions[0].grams, 50, 0, "egg: large 50 g");
		is_str(f->portions[1].unit, "extra large", "egg: seq 2 extra large (listed third)");
		is_num(f->portions[1].grams, 56, 0, "egg: extra large 56 g");
		is_str(f->portions[2].unit, "medium", "egg: seq 6 medium");
		is_num(f->portions[2].amount, 1, 0, "egg: medium amount 1");
	}
	is_int(fixture_tags(s, f), NT_TAG_EGG, "egg: tags of sr28 'Egg, whole, raw, fresh'");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:173686")))
		tap_bail("fdc:173686 missing");
	is_num(f->per100[NT_ALA], 0.295, 1e-12, "salmon: ALA from 619, 0.295 g");
	ok(f->ala_estimated, "salmon: ALA estimated (no 851)");
	is_num(f->per100[NT_EPA], 0.321, 1e-12, "salmon: EPA 0.321 g");
	is_num(f->per100[NT_DHA], 1.115, 1e-12, "salmon: DHA 1.115 g");
	is_num(f->per100[NT_DPA], 0.287, 1e-12, "salmon: DPA 0.287 g");
	is_num(f->per100[NT_B12], 3.18, 1e-12, "salmon: B12 3.18 ug");
	ok(isnan(f->per100[NT_B12_ADDED]), "salmon: added B12 unknown (no 578 row)");
	is_int(f->n_portions, 2, "salmon: 2 portions");
	if (f->n_portions == 2) {
		is_num(f->portions[0].amount, 3, 0, "salmon: 3 oz");
		is_num(f->portions[0].grams, 85, 0, "salmon: 3 oz = 85 g");
		is_num(f->portions[1].amount, 0.5, 0, "salmon: 0.5 fillet");
		is_num(f->portions[1].grams, 198, 0, "salmon: 0.5 fillet = 198 g");
	}
	is_int(fixture_tags(s, f), NT_TAG_FISH, "salmon: tagged fish like sr28:15076");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:173944")))
		tap_bail("fdc:173944 missing");
	is_int(f->n_portions, 2, "banana: 2 portions");
	if (f->n_portions == 2)
		is_str(f->portions[1].unit, "medium (7\" to 7-7/8\" long)",
		       "banana: doubled quotes in a quoted field");
	is_int(fixture_tags(s, f), 0, "banana: no tags, like sr28:09040");
	nt_food_free(f);

	ok(!fixture_food(s, "fdc:173468"), "salt (water and sodium only) is left out");
	ok(!fixture_food(s, "fdc:319874"), "sample_food is not imported");
	ok(!fixture_food(s, "fdc:999999"), "a food_nutrient row for no listed food adds nothing");
}

static void
test_foundation_survey(struct nt_store *s)
{
	struct nt_food *f;

	if (!(f = fixture_food(s, "fdc:748967")))
		tap_bail("fdc:748967 missing");
	is_num(f->per100[NT_ENERGY], 143, 0, "Foundation egg: energy from 2048 (143), not 2047 (148)");
	is_num(f->per100[NT_B12], 1.02, 1e-12, "Foundation egg: B12 1.02 ug");
	ok(isnan(f->per100[NT_ALA]), "Foundation egg: ALA unknown");
	is_int(f->n_portions, 1, "Foundation egg: the 0 g portion is skipped");
	if (f->n_portions == 1) {
		is_str(f->portions[0].unit, "cup", "Foundation egg: unit from measure_unit.csv 1000");
		is_num(f->portions[0].grams, 243, 0, "Foundation egg: 1 cup = 243 g");
	}
	is_int(fixture_tags(s, f), NT_TAG_ALL, "Foundation egg: no bundled namesake, every tag set");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:2346394")))
		tap_bail("fdc:2346394 missing");
	is_num(f->per100[NT_ALA], 9.08, 1e-12, "walnuts: ALA 851 (9.08) over 619 (9.1)");
	ok(!f->ala_estimated, "walnuts: not estimated");
	is_num(f->per100[NT_ENERGY], 698, 0, "walnuts: energy 2048 = 698");
	is_int(f->n_portions, 1, "walnuts: 1 portion");
	if (f->n_portions == 1)
		is_str(f->portions[0].unit, "cup, halves", "walnuts: measure unit and modifier");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:2705385")))
		tap_bail("fdc:2705385 missing");
	is_str(f->group, "Milk, whole", "milk: group from wweia_food_category.csv 1002");
	is_num(f->per100[NT_ALA], 0.075, 1e-12, "milk: ALA 0.075 from 619");
	is_int(f->n_portions, 3, "milk: 3 portions");
	if (f->n_portions == 3) {
		is_str(f->portions[0].unit, "cup", "milk: '1 cup' split into 1 and cup");
		is_num(f->portions[0].amount, 1, 0, "milk: amount 1");
		is_str(f->portions[1].unit, "Quantity not specified", "milk: FNDDS's unspecified");
		is_str(f->portions[2].unit, "fl oz", "milk: 1 fl oz");
		is_num(f->portions[2].grams, 30.5, 1e-12, "milk: 1 fl oz = 30.5 g");
	}
	is_int(fixture_tags(s, f), NT_TAG_DAIRY, "milk: dairy, like fndds 'Milk, whole'");
	nt_food_free(f);
}

static void
test_branded(struct nt_store *s)
{
	struct nt_food *f;

	if (!(f = fixture_food(s, "fdc:2080001")))
		tap_bail("fdc:2080001 missing");
	is_str(f->name, "ORGANIC SOYMILK, UNSWEETENED", "soymilk: name");
	is_str(f->group, "Plant Based Milk", "soymilk: branded_food_category");
	is_str(f->also, "NORTHWIND; Northwind Foods, Inc.", "soymilk: brand name and owner");
	is_num(f->per100[NT_B12], 1.25, 1e-12, "soymilk: B12 1.25 ug");
	is_num(f->per100[NT_POTASSIUM], 146, 0, "soymilk: potassium 146 mg");
	is_int(f->n_portions, 1, "soymilk: the serving");
	if (f->n_portions == 1) {
		is_str(f->portions[0].unit, "serving, 1 cup, 240 ml",
		       "soymilk: serving, household, ml");
		is_num(f->portions[0].grams, 240, 0, "soymilk: 240 ml as 240 g");
	}
	is_int(fixture_tags(s, f), NT_TAG_ALL, "soymilk: Branded, every tag set");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:2080002")))
		tap_bail("fdc:2080002 missing");
	is_num(f->per100[NT_B12], 480, 0, "yeast: B12 480 ug");
	if (f->n_portions == 1) {
		is_str(f->portions[0].unit, "serving, 1 tbsp", "yeast: serving, 1 tbsp");
		is_num(f->portions[0].grams, 5, 0, "yeast: 5 g");
	} else {
		ok(0, "yeast: one portion");
	}
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:2080003")))
		tap_bail("fdc:2080003 missing");
	is_num(f->per100[NT_ENERGY], 140, 0, "sockeye: energy kept");
	ok(isnan(f->per100[NT_PROTEIN]), "sockeye: protein 'n/a' skipped: unknown");
	ok(isnan(f->per100[NT_POTASSIUM]), "sockeye: potassium -20 skipped: unknown");
	ok(isnan(f->per100[NT_B12]), "sockeye: B12 50000000 ug skipped: unknown");
	is_num(f->per100[NT_DHA], 0.7, 1e-12, "sockeye: DHA 0.7");
	is_str(f->also, "Kodiak Seafoods LLC", "sockeye: the owner when there is no brand name");
	nt_food_free(f);

	if (!(f = fixture_food(s, "fdc:2080004")))
		tap_bail("fdc:2080004 missing");
	is_str(f->also, "", "almond butter: its branded row was skipped");
	is_str(f->group, "USDA Branded Foods", "almond butter: the data type as group");
	is_int(f->n_portions, 0, "almond butter: no serving");
	is_num(f->per100[NT_POTASSIUM], 748, 0, "almond butter: values still imported");
	nt_food_free(f);

	ok(fixture_finds(s, "northwind", "fdc:2080001"), "search by brand name");
	ok(fixture_finds(s, "hearth home", "fdc:2080002"), "search by brand owner");
	ok(fixture_finds(s, "00012345678905", "fdc:2080001"), "search by GTIN-14");
	ok(fixture_finds(s, "012345678905", "fdc:2080001"), "search by its UPC-A");
	ok(fixture_finds(s, "0074312345671", "fdc:2080002"), "search a UPC-A by its EAN-13");
	ok(fixture_finds(s, "sockeye", "fdc:2080003"), "search by name");
}

static void
test_rerun(struct nt_store *s, const char *dir)
{
	struct nt_dataset_report rep;
	struct nt_err err;
	struct nt_food *f;
	const char *d;
	long long id_before = 0;

	is_int(nt_fdc_import(s, dir, false, NULL, NULL, &rep, &err), NT_OK, "second import");
	is_int(rep.unchanged, 11, "second import: 11 unchanged");
	is_int(rep.added + rep.updated, 0, "second import: nothing new or updated");

	/* food_nutrient.csv in reverse row order: the same foods */
	d = make_copy("rev", NULL, 0);
	reverse_rows(d, "food_nutrient.csv");
	is_int(nt_fdc_import(s, d, false, NULL, NULL, &rep, &err), NT_OK, "rows in reverse order");
	is_int(rep.unchanged, 11, "reverse order: the same 11 foods, unchanged");

	/* a new release: banana potassium 358 -> 360 */
	if ((f = fixture_food(s, "fdc:173944"))) {
		id_before = f->id;
		nt_food_free(f);
	}
	{
		static const struct edit e[] = {
			{"food_nutrient.csv", 24,
			 "\"1283696\",\"173944\",\"1092\",\"360\",\"\",\"1\","
			 "\"\",\"\",\"\",\"\",\"\",\"\",\"\""},
		};

		d = make_copy("changed", e, 1);
	}
	is_int(nt_fdc_import(s, d, true, NULL, NULL, &rep, &err), NT_OK, "changed release, dry run");
	is_int(rep.updated, 1, "dry run: 1 would be updated");
	is_int(rep.unchanged, 10, "dry run: 10 unchanged");
	if ((f = fixture_food(s, "fdc:173944"))) {
		is_num(f->per100[NT_POTASSIUM], 358, 0, "dry run: banana still 358 mg");
		nt_food_free(f);
	}
	is_int(nt_fdc_import(s, d, false, NULL, NULL, &rep, &err), NT_OK, "changed release");
	is_int(rep.updated, 1, "1 updated");
	is_int(rep.unchanged, 10, "10 unchanged");
	if ((f = fixture_food(s, "fdc:173944"))) {
		is_num(f->per100[NT_POTASSIUM], 360, 0, "banana now 360 mg");
		is_int(f->id, id_before, "banana keeps its row id");
		is_int(f->n_portions, 2, "banana keeps its 2 portions");
		nt_food_free(f);
	}
	is_int(fixture_misclassified(s, "fdc"), 0, "the updated food has its classes");
}

/* A fault leaves everything as it was: banana 360 mg, 11 foods, the triggers. */
static void
check_unchanged(struct nt_store *s, const char *what)
{
	struct nt_food *f = fixture_food(s, "fdc:173944");

	ok(f && f->per100[NT_POTASSIUM] == 360 && !strcmp(f->name, "Bananas, raw"),
	   "%s: banana unchanged", what);
	nt_food_free(f);
	is_int(fixture_count(s, sql_n_fdc), 11, "%s: still 11 fdc foods", what);
	is_int(fixture_count(s, sql_n_triggers), 3, "%s: triggers in place", what);
}

static void
expect_fault(struct nt_store *s, const char *sub, const struct edit *e, size_t n,
             enum nt_status want, const char *tail, const char *what)
{
	struct nt_dataset_report rep;
	struct nt_err err;
	const char *d = make_copy(sub, e, n);
	enum nt_status st = nt_fdc_import(s, d, false, NULL, NULL, &rep, &err);

	is_int(st, want, "%s: fails", what);
	ok(st && fixture_ends_with(err.msg, tail), "%s: message '%s'", what, st ? err.msg : "");
	is_int(rep.added + rep.updated + rep.skipped, 0, "%s: empty report", what);
	check_unchanged(s, what);
}

/* Each fault also renames the banana, which must not happen. */
#define RENAME_BANANA {"food.csv", 4, "\"173944\",\"sr_legacy_food\",\"Bananas, green\",\"9\",\"x\""}

static void
test_faults(struct nt_store *s)
{
	struct nt_dataset_report rep;
	struct nt_err err;
	char path[600];

	{
		const struct edit e[] = {RENAME_BANANA, {"nutrient.csv", 0, NULL}};

		expect_fault(s, "f1", e, 2, NT_ERR_IO, "/nutrient.csv: no such file",
		             "missing nutrient.csv");
	}
	{
		const struct edit e[] = {
			RENAME_BANANA,
			{"food_nutrient.csv", 1, "\"id\",\"fdc_id\",\"nutrient_id\",\"amt\""},
		};

		expect_fault(s, "f2", e, 2, NT_ERR_PARSE,
		             "/food_nutrient.csv:1: missing column 'amount'", "missing column");
	}
	{
		const struct edit e[] = {
			RENAME_BANANA,
			{"nutrient.csv", 9, "\"1178\",\"Vitamin B-12\",\"MG\",\"418\",\"7300.0\""},
		};

		expect_fault(s, "f3", e, 2, NT_ERR_PARSE,
		             "/nutrient.csv:9:3: nutrient 1178 'Vitamin B-12' is in 'MG'; "
		             "nutrack reads it in UG", "B12 in the wrong unit");
	}
	{
		const struct edit e[] = {RENAME_BANANA, {"branded_food.csv", 0, NULL}};

		expect_fault(s, "f4", e, 2, NT_ERR_IO,
		             "/branded_food.csv: no such file; food.csv lists Branded foods, "
		             "whose brand and GTIN are there", "Branded foods without branded_food.csv");
	}
	{
		const struct edit e[] = {RENAME_BANANA, {"measure_unit.csv", 0, NULL}};

		expect_fault(s, "f5", e, 2, NT_ERR_IO,
		             "/measure_unit.csv: no such file; food_portion.csv names its units there",
		             "portions without measure_unit.csv");
	}
	{
		const struct edit e[] = {
			RENAME_BANANA,
			{"food_portion.csv", 18,
			 "\"319002\",\"319874\",\"2\",\"1\",\"9999\",\"\",\"tbsp,\"15\""},
		};

		expect_fault(s, "f6", e, 2, NT_ERR_PARSE,
		             "/food_portion.csv:18:7: malformed CSV (stray quote?)",
		             "a malformed last line of food_portion.csv");
	}
	snprintf(path, sizeof path, "%s/fdc/food.csv", fixtures);
	is_int(nt_fdc_import(s, path, false, NULL, NULL, &rep, &err), NT_ERR_IO,
	       "a file, not a directory");
	ok(strstr(err.msg, "food.csv: not a directory") != NULL, "not a directory: '%s'", err.msg);
	check_unchanged(s, "not a directory");
}

/* More than BULK_AFTER (500) new foods: the index is rebuilt once, then kept in step again. */
static void
test_bulk(struct nt_store *s)
{
	struct nt_dataset_report rep;
	struct nt_err err;
	char dir[512], p[600];
	FILE *fp;
	long long id;
	double v[NT_STORED_COUNT];

	/* nutrient.csv and the category files of the fixture; foods of our own */
	snprintf(dir, sizeof dir, "%s", make_copy("bulk", NULL, 0));
	snprintf(p, sizeof p, "%s/food_portion.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/branded_food.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/food.csv", dir);
	if (!(fp = fopen(p, "w")))
		tap_bail("write %s", p);
	fprintf(fp, "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\","
	        "\"publication_date\"\n");
	for (int i = 0; i < 700; i++)
		fprintf(fp, "\"%d\",\"foundation_food\",\"Zanzifruit variety %04d, raw\",\"\","
		        "\"2024-04-18\"\n", 9000000 + i, i);
	fclose(fp);
	snprintf(p, sizeof p, "%s/food_nutrient.csv", dir);
	if (!(fp = fopen(p, "w")))
		tap_bail("write %s", p);
	fprintf(fp, "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n");
	for (int i = 0; i < 700; i++)
		fprintf(fp, "\"%d\",\"%d\",\"1092\",\"%d\"\n", i + 1, 9000000 + i, 100 + i);
	fclose(fp);
	is_int(nt_fdc_import(s, dir, false, NULL, NULL, &rep, &err), NT_OK, "700 new foods: %s",
	       err.msg);
	is_int(rep.added, 700, "700 added");
	is_int(fixture_count(s, sql_n_triggers), 3, "triggers back after the rebuild");
	ok(fixture_finds(s, "zanzifruit 0699", "fdc:9000699"), "a bulk-loaded food is found");
	for (int m = 0; m < NT_STORED_COUNT; m++)
		v[m] = NT_UNKNOWN;
	if (nt_food_add_custom(s, "Zanzifruit jam homemade", v, NULL, 0, 0, &id, &err) != NT_OK)
		tap_bail("custom food: %s", err.msg);
	ok(fixture_finds(s, "zanzifruit jam", "custom:1"), "a food added after the import is indexed");
	ok(fixture_finds(s, "sockeye", "fdc:2080003"), "earlier imports are still indexed");
}

/*
 * Folate and B6, in a copy of the fixture given their nutrients (FDC ids,
 * numbers and units as the April 2024 download lists them: 1175 Vitamin
 * B-6 415 MG, 1177 Folate, total 417 UG, 1186 Folic acid 431 UG, 1187
 * Folate, food 432 UG, 1190 Folate, DFE 435 UG) and rows for three foods:
 *   SR egg 171287: DFE 47, folic acid 0, food folate 47 ug, B6 0.170 mg
 *     (SR28's values): each read as it is;
 *   Branded soymilk 2080001: folic acid 24 and food folate 10 ug, no DFE:
 *     DFE = 10 + 1.7 x 24 = 50.8 ug (IOM); B6 0.1 mg;
 *   SR banana 173944: total folate 20 ug alone: DFE, folic acid and food
 *     folate unknown; B6 0.367 mg.
 * The rows go before the egg's ALA row, which stays the file's last (83).
 * Imported over the earlier imports: the foods are updated in place.
 */
static void
test_folate(struct nt_store *s)
{
	static const struct edit e[] = {
		{"nutrient.csv", 17,
		 "\"2048\",\"Energy (Atwater Specific Factors)\",\"KCAL\",\"958\",\"290.0\"\n"
		 "\"1175\",\"Vitamin B-6\",\"MG\",\"415\",\"6600.0\"\n"
		 "\"1177\",\"Folate, total\",\"UG\",\"417\",\"6800.0\"\n"
		 "\"1186\",\"Folic acid\",\"UG\",\"431\",\"6900.0\"\n"
		 "\"1187\",\"Folate, food\",\"UG\",\"432\",\"7000.0\"\n"
		 "\"1190\",\"Folate, DFE\",\"UG\",\"435\",\"7100.0\""},
		{"food_nutrient.csv", 83,
		 "\"9000001\",\"171287\",\"1190\",\"47\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000002\",\"171287\",\"1186\",\"0\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000003\",\"171287\",\"1187\",\"47\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000004\",\"171287\",\"1175\",\"0.170\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000005\",\"2080001\",\"1186\",\"24\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000006\",\"2080001\",\"1187\",\"10\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000007\",\"2080001\",\"1175\",\"0.1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000008\",\"173944\",\"1177\",\"20\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"9000009\",\"173944\",\"1175\",\"0.367\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
		 "\"1283755\",\"171287\",\"1404\",\"0.036\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\""},
	};
	const char *dir = make_copy("folate", e, sizeof e / sizeof *e);
	struct nt_dataset_report rep;
	struct nt_err err = {0};
	struct nt_food *f;

	is_int(nt_fdc_import(s, dir, false, NULL, NULL, &rep, &err), NT_OK, "folate: import: %s",
	       err.msg);
	is_int(rep.added, 0, "folate: no food new");
	is_int(rep.updated, 3, "folate: egg, soymilk and banana updated");
	if (!(f = fixture_food(s, "fdc:171287")))
		tap_bail("fdc:171287 missing");
	is_num(f->per100[NT_FOLATE], 47, 0, "egg: folate DFE 435 = 47 ug");
	is_num(f->per100[NT_FOLIC_ACID], 0, 0, "egg: folic acid 431 = 0");
	is_num(f->per100[NT_FOOD_FOLATE], 47, 0, "egg: food folate 432 = 47 ug");
	is_num(f->per100[NT_B6], 0.17, 1e-12, "egg: B6 415 = 0.170 mg");
	is_num(f->per100[NT_ALA], 0.036, 1e-12, "egg: ALA still read from the last row");
	nt_food_free(f);
	if (!(f = fixture_food(s, "fdc:2080001")))
		tap_bail("fdc:2080001 missing");
	is_num(f->per100[NT_FOLATE], 50.8, 1e-9, "soymilk: DFE = 10 + 1.7 x 24 = 50.8 ug");
	is_num(f->per100[NT_FOLIC_ACID], 24, 0, "soymilk: folic acid 24 ug");
	is_num(f->per100[NT_FOOD_FOLATE], 10, 0, "soymilk: food folate 10 ug");
	is_num(f->per100[NT_B6], 0.1, 1e-12, "soymilk: B6 0.1 mg");
	nt_food_free(f);
	if (!(f = fixture_food(s, "fdc:173944")))
		tap_bail("fdc:173944 missing");
	ok(!nt_known(f->per100[NT_FOLATE]), "banana: total folate alone leaves DFE unknown");
	ok(!nt_known(f->per100[NT_FOLIC_ACID]) && !nt_known(f->per100[NT_FOOD_FOLATE]),
	   "banana: folic acid and food folate unknown");
	is_num(f->per100[NT_B6], 0.367, 1e-12, "banana: B6 0.367 mg");
	nt_food_free(f);
	if (!(f = fixture_food(s, "fdc:173686")))
		tap_bail("fdc:173686 missing");
	ok(!nt_known(f->per100[NT_FOLATE]) && !nt_known(f->per100[NT_B6]),
	   "salmon: none listed, folate and B6 unknown");
	nt_food_free(f);
}

int
main(void)
{
	struct nt_store *s;
	char fdc_dir[512];

	if (!(fixtures = getenv("NUTRACK_FIXTURES")) || !*fixtures)
		tap_bail("NUTRACK_FIXTURES is not set (run through make check)");
	tmpdir = fixture_mkdtemp("nt-fdc");
	snprintf(fdc_dir, sizeof fdc_dir, "%s/fdc", fixtures);
	s = fixture_open(true);

	test_helpers();
	test_dry_run(s, fdc_dir);
	test_import(s, fdc_dir);
	test_sr_legacy(s);
	test_foundation_survey(s);
	test_branded(s);
	test_rerun(s, fdc_dir);
	test_faults(s);
	test_bulk(s);
	test_folate(s);

	nt_store_close(s);
	return tap_done();
}
