/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_foreign.c - Cronometer and MyFitnessPal exports (foreign.h) into journal and foods. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "amount.h"
#include "category.h"
#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "foreign.h"
#include "journal.h"
#include "nutrient.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;
static const char *dir;

static const char sql_temp_tables[] =
	"SELECT count(*) FROM temp.sqlite_schema WHERE name LIKE 'stage%'";

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Writes text to DIR/name; returns the path (static per name slot). */
static const char *
file(const char *name, const char *text)
{
	static char paths[16][320];
	static int n;
	char *p = paths[n++ % 16];
	FILE *fp;

	snprintf(p, sizeof paths[0], "%s/%s", dir, name);
	if (!(fp = fopen(p, "wb")) || fputs(text, fp) == EOF || fclose(fp))
		tap_bail("cannot write %s", p);
	return p;
}

#define CRON_HEAD "Day,Time,Group,Food Name,Amount,Energy (kcal),B12 (Cobalamin) (\u00b5g)," \
	"Potassium (mg),Omega-3 (g),Protein (g),Category\r\n"

static void
test_cronometer(void)
{
	struct nt_foreign_report r;
	struct nt_entry_list day;
	struct nt_food *f;
	struct nt_err err;
	double g;
	long mar9 = nt_date_from_ymd(2026, 3, 9);
	const char *path = file("servings.csv", CRON_HEAD
		"2026-03-09,8:00 AM,Breakfast,\"Oats, Rolled, Dry\",40.00 g,151.60,0.00,144.80,0.04,5.26,"
		"Breakfast Cereals\r\n"
		"2026-03-09,,Lunch,\"Lentils, Boiled\",0.50 cup,114.84,,365.31,,8.93,\r\n"
		"2026-03-09,,Dinner,Tofu,1.50 serving - 85 g,184.88,0.00,302.18,0.75,20.10,\r\n"
		"2026-03-09,,Lunch,\"Lentils, Boiled\",1.00 cup,229.68,,730.62,,17.86,\r\n");

	is_int(nt_foreign_import(s, NT_FOREIGN_CRONOMETER, path, false, false, &r, &err), NT_OK,
	       "a Cronometer export imports");
	is_int(r.entries.rows, 4, "4 rows");
	is_int(r.entries.added, 4, "4 entries");
	/* the two lentil rows: 114.84 / 0.5 = 229.68 a cup either way */
	is_int(r.foods_added, 3, "3 foods: oats, lentils (both rows), tofu");
	is_int(r.no_weight, 2, "the lentils give no weight");
	is_int(r.other_meals, 0, "no other group");

	f = fixture_food(s, "cronometer:1");
	ok(f != NULL, "cronometer:1 is the oats");
	if (f) {
		is_str(f->name, "Oats, Rolled, Dry", "its name");
		is_str(f->group, "Breakfast Cereals", "its group: the Category");
		ok(f->basis == NULL, "a weight: values per 100 g");
		/* 151.60 kcal / 40 g x 100 */
		is_num(f->per100[NT_ENERGY], 379, 1e-9, "379 kcal per 100 g");
		/* 144.80 / 40 x 100 */
		is_num(f->per100[NT_POTASSIUM], 362, 1e-9, "362 mg potassium per 100 g");
		/* Omega-3 0.04 / 40 x 100 = 0.1, as estimated ALA; EPA, DHA, DPA unknown */
		is_num(f->per100[NT_ALA], 0.1, 1e-12, "0.1 g ALA per 100 g");
		ok(f->ala_estimated, "ALA estimated from the total");
		ok(!nt_known(f->per100[NT_EPA]) && !nt_known(f->per100[NT_DHA]),
		   "EPA and DHA unknown, not 0");
		ok(!nt_known(f->per100[NT_B12_ADDED]), "added B12 unknown");
		is_int(fixture_tags(s, f), NT_TAG_ALL, "tagged as containing everything");
		is_int((int)f->cls, NT_CLASS_DRY, "classified when written: a dry form");
		nt_food_free(f);
	}
	f = fixture_food(s, "cronometer:2");
	ok(f != NULL, "cronometer:2 is the lentils");
	if (f) {
		is_str(f->basis ? f->basis : "(none)", "cup", "no weight: its values per cup");
		/* 114.84 kcal / 0.5 cup, stored per NT_FOOD_BASIS_GRAMS (1 g) a cup: x 100 */
		is_num(f->per100[NT_ENERGY], 22968, 1e-6, "229.68 kcal a cup");
		ok(!nt_known(f->per100[NT_B12]), "B12 left empty: unknown");
		ok(!nt_known(f->per100[NT_ALA]), "omega-3 left empty: unknown");
		is_int(nt_amount_grams("2 cup", f, &g, &err), NT_OK, "2 cup is an amount of it");
		is_num(g, 2 * NT_FOOD_BASIS_GRAMS, 1e-12, "of 2 nominal units");
		is_int(nt_amount_grams("100 g", f, &g, &err), NT_ERR_INVALID, "100 g is not");
		nt_food_free(f);
	}
	f = fixture_food(s, "cronometer:3");
	ok(f != NULL, "cronometer:3 is the tofu");
	if (f) {
		ok(f->basis == NULL, "the unit states its weight");
		is_int((int)f->n_portions, 1, "kept as a portion");
		if (f->n_portions) {
			is_str(f->portions[0].unit, "serving - 85 g", "named as exported");
			is_num(f->portions[0].grams, 85, 1e-12, "of 85 g");
		}
		/* 184.88 kcal in 1.5 x 85 = 127.5 g: 145.0039... per 100 g */
		is_num(f->per100[NT_ENERGY], 184.88 / 127.5 * 100, 1e-6, "145.00 kcal per 100 g");
		nt_food_free(f);
	}

	is_int(nt_journal_day(s, mar9, &day, &err), NT_OK, "the day reads");
	is_int((int)day.n, 4, "4 entries");
	if (day.n == 4) {
		/* by meal: oats (breakfast), lentils x2 (lunch), tofu (dinner) */
		is_str(day.v[0].amount, "40.00 g", "the amount as exported");
		is_int(day.v[0].mg, 40000, "40 g");
		ok(!day.v[0].weight_unknown, "weighed");
		is_num(day.v[0].values.v[NT_POTASSIUM], 144.80, 1e-9, "the export's 144.80 mg");
		ok(day.v[1].weight_unknown, "the lentils' weight is unknown");
		is_num(day.v[1].values.v[NT_ENERGY], 114.84, 1e-9, "the export's 114.84 kcal");
		is_num(day.v[2].values.v[NT_POTASSIUM], 730.62, 1e-9, "the export's 730.62 mg");
		is_int(day.v[3].mg, 127500, "tofu: 1.5 x 85 g");
		is_num(day.v[3].values.v[NT_POTASSIUM], 302.18, 1e-9, "the export's 302.18 mg");
	}
	nt_entry_list_fini(&day);
	is_int(fixture_misclassified(s, "cronometer"), 0, "every food imported has its classes");
	is_int(fixture_count(s, sql_temp_tables), 0, "no staging table left");

	is_int(nt_foreign_import(s, NT_FOREIGN_CRONOMETER, path, false, false, &r, &err), NT_OK,
	       "the same file again");
	ok(r.entries.added == 0 && r.entries.present == 4 && r.foods_added == 0,
	   "adds nothing: %lld entries, %lld foods", r.entries.added, r.foods_added);
}

static void
test_failures(void)
{
	struct nt_foreign_report r;
	struct nt_err err;
	long long entries = fixture_count(s, "SELECT count(*) FROM entries");
	long long foods = fixture_count(s, "SELECT count(*) FROM foods");
	const char *path = file("bad.csv", CRON_HEAD
		"2026-03-10,,Breakfast,Good food,1.00 cup,10,1,1,1,1,\r\n"
		"2026-03-10,,Breakfast,Bad food,1.00 cup,10,1,lots,1,1,\r\n");

	is_int(nt_foreign_import(s, NT_FOREIGN_CRONOMETER, path, false, false, &r, &err),
	       NT_ERR_PARSE, "a value that is not a number fails");
	ok(strstr(err.msg, "bad.csv:3:8: Potassium (mg): not a number: 'lots'") != NULL,
	   "at its line and column: %s", err.msg);
	is_int(fixture_count(s, "SELECT count(*) FROM entries"), entries, "no entry added");
	is_int(fixture_count(s, "SELECT count(*) FROM foods"), foods, "no food added");
	is_int(fixture_count(s, sql_temp_tables), 0, "no staging table left");
	is_int(nt_foreign_import(s, NT_FOREIGN_MYFITNESSPAL, path, true, false, &r, &err),
	       NT_ERR_INVALID, "match is refused for MyFitnessPal");
}

static void
test_myfitnesspal(void)
{
	struct nt_foreign_report r;
	struct nt_entry_list day;
	struct nt_err err;
	long mar12 = nt_date_from_ymd(2026, 3, 12);
	const char *path = file("mfp.csv",
		"Date,Meal,Calories,Fat (g),Potassium,Protein (g),Note\r\n"
		"2026-03-12,Breakfast,\"1,050.0\",9,612.0,17.5,\r\n"
		"2026-03-12,Dinner,800.0,20,0.0,30,\r\n"
		"2026-03-12,Meal 4,0.0,0,0.0,0,water\r\n");

	is_int(nt_foreign_import(s, NT_FOREIGN_MYFITNESSPAL, path, false, false, &r, &err), NT_OK,
	       "a MyFitnessPal export imports");
	is_int(r.entries.added, 3, "3 meals");
	is_int(r.other_meals, 1, "Meal 4 goes to snacks");
	is_str(r.other_names, "Meal 4 (1)", "and is named");
	is_int(nt_journal_day(s, mar12, &day, &err), NT_OK, "the day reads");
	is_int((int)day.n, 3, "3 entries");
	if (day.n == 3) {
		is_str(day.v[0].food_name, "MyFitnessPal Breakfast, 2026-03-12", "named by meal and day");
		is_str(day.v[0].amount, "1 meal", "1 meal");
		is_num(day.v[0].values.v[NT_ENERGY], 1050, 1e-9, "1,050.0 kcal read with its comma");
		is_num(day.v[0].values.v[NT_POTASSIUM], 612, 1e-9, "612 mg");
		ok(day.v[0].values.partial & (1u << NT_POTASSIUM), "a lower bound: partial");
		ok(!nt_known(day.v[0].values.v[NT_B12]), "B12 unknown");
		ok(!nt_known(day.v[0].values.v[NT_OMEGA3]), "omega-3 unknown");
		ok(!nt_known(day.v[1].values.v[NT_POTASSIUM]), "0 mg with 800 kcal: unknown");
		is_int(day.v[2].meal, NT_SNACK, "Meal 4 is a snack");
		is_num(day.v[2].values.v[NT_POTASSIUM], 0, 0, "water: 0 mg with 0 kcal stays 0");
	}
	nt_entry_list_fini(&day);
	is_int(fixture_misclassified(s, "myfitnesspal"), 0, "the meals' foods have their classes");
}

#define OVERLAP_CSV CRON_HEAD \
	"2026-03-20,,Lunch,Overlap soup,1.00 bowl,200.00,0.50,400.00,0.10,8.00,Soups\r\n" \
	"2026-03-20,,Dinner,Overlap bread,50.00 g,120.00,,60.00,,4.00,\r\n" \
	"2026-03-20,,Dinner,Overlap bread,50.00 g,120.00,,60.00,,4.00,\r\n"

/* A dry run reads, stages and counts without the write lock: it runs while another holds it. */
static void
test_dry_run_unlocked(struct nt_store *other)
{
	struct nt_foreign_report r;
	struct nt_err err;
	const char *path = file("overlap.csv", OVERLAP_CSV);
	double t0, took;

	if (nt_store_begin(other, &err))
		tap_bail("begin: %s", err.msg);
	t0 = now_s();
	is_int(nt_foreign_import(s, NT_FOREIGN_CRONOMETER, path, false, true, &r, &err), NT_OK,
	       "a dry run while another nutrack holds the write lock");
	took = now_s() - t0;
	ok(took < 1.0, "... without waiting for it (%.3f s)", took);
	ok(r.entries.added == 3 && r.foods_added == 2, "dry run: 3 entries, 2 foods to add "
	   "(%lld, %lld)", r.entries.added, r.foods_added);
	nt_store_rollback(other);
	is_int(fixture_count(s, "SELECT count(*) FROM foods WHERE name LIKE 'Overlap %'"), 0,
	       "dry run: no food written");
	is_int(fixture_count(s, sql_temp_tables), 0, "dry run: no staging table left");
}

/* The first of two overlapping imports, in a thread of its own on connection `s`. */
struct importer {
	const char *path;
	volatile int started;
	enum nt_status rc;
	struct nt_foreign_report r;
	struct nt_err err;
};

static void *
import_thread(void *arg)
{
	struct importer *im = arg;

	im->started = 1;
	im->rc = nt_foreign_import(s, NT_FOREIGN_CRONOMETER, im->path, false, false, &im->r,
	                           &im->err);
	return NULL;
}

/*
 * Two imports of one export overlap: one stages while another nutrack
 * imports the same file and commits.  At merge time the first finds the
 * foods and entries the other wrote meanwhile, so nothing is there twice.
 */
static void
test_overlap(struct nt_store *other)
{
	struct nt_foreign_report r;
	struct nt_err err;
	struct importer im = {.path = file("overlap.csv", OVERLAP_CSV)};
	pthread_t t;

	/* the other holds the write lock: the first import stages, then waits for it */
	if (nt_store_begin(other, &err))
		tap_bail("begin: %s", err.msg);
	if (pthread_create(&t, NULL, import_thread, &im))
		tap_bail("pthread_create");
	while (!im.started)
		usleep(1000);
	usleep(300 * 1000); /* it stages a three-row file in well under that */
	is_int(nt_foreign_import(other, NT_FOREIGN_CRONOMETER, im.path, false, false, &r, &err),
	       NT_OK, "overlap: another nutrack imports the same export meanwhile");
	ok(r.entries.added == 3 && r.foods_added == 2, "... adding 3 entries and 2 foods "
	   "(%lld, %lld)", r.entries.added, r.foods_added);
	if (nt_store_commit(other, &err))
		tap_bail("commit: %s", err.msg);
	pthread_join(t, NULL);
	is_int(im.rc, NT_OK, "overlap: the first import merges after it (%s)",
	       im.rc ? im.err.msg : "ok");
	ok(im.r.entries.rows == 3 && im.r.entries.present == 3 && im.r.entries.added == 0,
	   "... finding the 3 entries written meanwhile: %lld added", im.r.entries.added);
	is_int(im.r.foods_added, 0, "... and the 2 foods: none added");
	is_int(fixture_count(s, "SELECT count(*) FROM foods WHERE name LIKE 'Overlap %'"), 2,
	       "overlap: each food once");
	is_int(fixture_count(s, "SELECT count(*) FROM entries WHERE day = '2026-03-20'"), 3,
	       "overlap: each entry once");
	is_int(fixture_misclassified(s, "cronometer"), 0, "overlap: the foods have their classes");
	is_int(fixture_count(s, sql_temp_tables), 0, "overlap: no staging table left");
}
/*
 * B6: Cronometer's "B6 (Pyridoxine) (mg)" is read, its "Folate (µg)" is
 * not (it does not say whether DFE).  100 g raw spinach as Cronometer
 * exports it (USDA's values: B6 0.195 mg, folate 194 ug, K 558 mg).
 */
static void
test_b6_folate(void)
{
	struct nt_foreign_report r;
	struct nt_entry_list day;
	struct nt_err err;
	const char *path = file("b6.csv",
		"Day,Group,Food Name,Amount,Energy (kcal),B6 (Pyridoxine) (mg),"
		"B12 (Cobalamin) (\u00b5g),Folate (\u00b5g),Potassium (mg)\r\n"
		"2024-02-29,Lunch,\"Spinach, Raw (B6 test)\",100.00 g,23.00,0.195,0.00,194.00,558.00\r\n");

	is_int(nt_foreign_import(s, NT_FOREIGN_CRONOMETER, path, false, false, &r, &err), NT_OK,
	       "B6: a Cronometer export with B6 and folate imports");
	is_int(r.foods_added, 1, "B6: one food");
	is_int(nt_journal_day(s, nt_date_from_ymd(2024, 2, 29), &day, &err), NT_OK, "its day reads");
	is_int((int)day.n, 1, "1 entry");
	if (day.n == 1) {
		is_num(day.v[0].values.v[NT_B6], 0.195, 1e-12, "B6 0.195 mg, as exported");
		ok(!nt_known(day.v[0].values.v[NT_FOLATE]) &&
		   !nt_known(day.v[0].values.v[NT_FOLIC_ACID]) &&
		   !nt_known(day.v[0].values.v[NT_FOOD_FOLATE]), "folate unknown: not read");
		is_num(day.v[0].values.v[NT_POTASSIUM], 558, 1e-9, "potassium 558 mg");
	}
	nt_entry_list_fini(&day);
}

int
main(void)
{
	struct nt_store *other; /* another nutrack on the same file */
	struct nt_err err;

	s = fixture_open(true);
	dir = fixture_mkdtemp("nt-foreign");
	if (nt_store_open(fixture_path, &other, &err))
		tap_bail("second open: %s", err.msg);
	test_cronometer();
	test_failures();
	test_myfitnesspal();
	test_dry_run_unlocked(other);
	test_overlap(other);
	test_b6_folate();
	nt_store_close(other);
	nt_store_close(s);
	return tap_done();
}
