/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_fdc.c - the USDA FoodData Central import (fdc.h) on arbitrary
 * downloads, into a database with the bundled foods.
 *
 * Input: the files of a download, each after a line "==> NAME <==" (as
 * `head` prints several files), NAME one of the files the import reads
 * (food.csv, nutrient.csv, food_nutrient.csv, food_portion.csv,
 * measure_unit.csv, branded_food.csv, food_category.csv,
 * wweia_food_category.csv); files not given are missing.  Each run imports
 * the directory dry, then for real, then again, inside a transaction that
 * is rolled back at the end.  Checks that a failure says why and changes
 * nothing, that a dry run reports what the real import does, that skipped
 * rows are shown with their place, and that a second import finds every
 * food unchanged.
 */
#include "config.h"

#include <sys/stat.h>

#include "fdc.h"
#include "fuzz.h"

static const char *const files[] = {
	"food.csv", "nutrient.csv", "food_nutrient.csv", "food_portion.csv",
	"measure_unit.csv", "branded_food.csv", "food_category.csv",
	"wweia_food_category.csv",
};
#define N_FILES (sizeof files / sizeof *files)

static char dir[300];

/*
 * Every import reads the diet tags of all bundled foods (a GROUP BY over
 * 13,000 names: a quarter of a second under AddressSanitizer).  The
 * fuzzer keeps one food in 16, and those named in the FDC fixtures, so
 * that it runs many times faster with the same code paths.
 */
static const char sql_thin[] =
	"DELETE FROM foods WHERE source IN ('sr28', 'fndds') AND id % 16 != 0 AND name NOT IN ("
	" 'Egg, whole, raw, fresh', 'Fish, salmon, Atlantic, wild, raw', 'Bananas, raw',"
	" 'Seeds, flaxseed', 'Salt, table', 'Nuts, walnuts, English, halves, raw',"
	" 'Milk, whole', 'Cheese, cheddar')";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct nt_store *s = fuzz_db();
	struct nt_err err;

	(void)argc, (void)argv;
	if (nt_store_begin(s, &err) || nt_store_bulk_foods(s, true, &err) ||
	    nt_store_exec(s, sql_thin, &err) || nt_store_bulk_foods(s, false, &err) ||
	    nt_store_commit(s, &err)) {
		fprintf(stderr, "fuzz_fdc: %s\n", err.msg);
		exit(1);
	}
	snprintf(dir, sizeof dir, "%s/fdc", fuzz_dir());
	if (mkdir(dir, 0700) != 0)
		abort();
	return 0;
}

/* Index of the file a "==> NAME <==" line at p (len bytes) names, or -1. */
static int
header(const uint8_t *p, size_t len)
{
	if (len < 8 || memcmp(p, "==> ", 4) || memcmp(p + len - 4, " <==", 4))
		return -1;
	for (size_t i = 0; i < N_FILES; i++)
		if (strlen(files[i]) == len - 8 && !memcmp(p + 4, files[i], len - 8))
			return (int)i;
	return -1;
}

/* Writes the files of the input into dir, removing those it lacks. */
static void
write_files(const uint8_t *data, size_t size)
{
	const uint8_t *start[N_FILES] = {0};
	size_t len[N_FILES] = {0};
	int cur = -1;
	char path[400];

	for (size_t i = 0; i < N_FILES; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	while (size) {
		size_t line = fuzz_split(data, size, '\n');
		size_t next = line + (line < size);
		int h = header(data, line);

		if (h >= 0) {
			cur = h;
			start[cur] = data + next;
			len[cur] = 0;
		} else if (cur >= 0) {
			len[cur] += next;
		}
		data += next;
		size -= next;
	}
	for (size_t i = 0; i < N_FILES; i++)
		if (start[i]) {
			char name[64];

			snprintf(name, sizeof name, "fdc/%s", files[i]);
			fuzz_write_file(name, start[i], len[i], path, sizeof path);
		}
}

static bool
same_report(const struct nt_dataset_report *a, const struct nt_dataset_report *b)
{
	if (a->added != b->added || a->updated != b->updated || a->unchanged != b->unchanged ||
	    a->no_nutrient != b->no_nutrient || a->other != b->other ||
	    a->skipped != b->skipped || a->n_shown != b->n_shown)
		return false;
	for (size_t i = 0; i < a->n_shown; i++)
		if (strcmp(a->shown[i], b->shown[i]))
			return false;
	return true;
}

static void
check_report(const struct nt_dataset_report *r)
{
	FUZZ_CHECK(r->n_shown <= NT_DATASET_SHOWN && r->n_shown <= r->skipped &&
	           (r->skipped == 0 || r->n_shown > 0),
	           "%zu shown of %lu skipped", r->n_shown, r->skipped);
	for (size_t i = 0; i < r->n_shown; i++)
		FUZZ_CHECK(strlen(r->shown[i]) < sizeof r->shown[i] &&
		           !strncmp(r->shown[i], dir, strlen(dir)) && strchr(r->shown[i], ':'),
		           "shown '%s' lacks its place", r->shown[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nt_store *s = fuzz_db();
	struct nt_dataset_report dry, real, again;
	struct fuzz_print before, after;
	struct nt_err err;
	enum nt_status st, st2;

	write_files(data, size);
	fuzz_begin(s);
	before = fuzz_print(s);

	memset(&err, 0, sizeof err);
	st = nt_fdc_import(s, dir, true, NULL, NULL, &dry, &err);
	if (st != NT_OK)
		FUZZ_CHECK_ERR(st, err);
	else
		check_report(&dry);
	after = fuzz_print(s);
	FUZZ_CHECK(fuzz_print_same(before, after), "a dry run changed the database");

	memset(&err, 0, sizeof err);
	st2 = nt_fdc_import(s, dir, false, NULL, NULL, &real, &err);
	FUZZ_CHECK(st2 == st, "dry run %d, import %d: %s", (int)st, (int)st2, err.msg);
	after = fuzz_print(s);
	if (st2 != NT_OK) {
		FUZZ_CHECK_ERR(st2, err);
		FUZZ_CHECK(fuzz_print_same(before, after), "a failed import changed the database");
	} else {
		FUZZ_CHECK(same_report(&dry, &real),
		           "dry run %lu/%lu/%lu, import %lu/%lu/%lu (added/updated/skipped)",
		           dry.added, dry.updated, dry.skipped, real.added, real.updated,
		           real.skipped);
		FUZZ_CHECK(after.foods == before.foods + (long long)real.added,
		           "%lld foods added, %lu counted", after.foods - before.foods, real.added);
		memset(&err, 0, sizeof err);
		st = nt_fdc_import(s, dir, false, NULL, NULL, &again, &err);
		FUZZ_CHECK(st == NT_OK && again.added == 0 && again.updated == 0 &&
		           again.unchanged == real.added + real.updated + real.unchanged,
		           "second import: status %d, %lu added, %lu updated, %lu unchanged: %s",
		           (int)st, again.added, again.updated, again.unchanged, err.msg);
	}
	nt_store_rollback(s);
	return 0;
}
