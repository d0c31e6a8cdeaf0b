/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_off.c - the Open Food Facts import (off.h) on arbitrary
 * tab-separated files, into a database with the bundled foods.
 *
 * Input: the file.  Each run imports it dry, then for real, then again,
 * inside a transaction that is rolled back at the end.  Checks that a
 * failure names its place and changes nothing, that a dry run reports what
 * the real import does, that skipped rows are shown with their place, and
 * that a second import finds every product unchanged.
 */
#include "config.h"

#include "fuzz.h"
#include "off.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_db();
	return 0;
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
check_report(const struct nt_dataset_report *r, const char *path)
{
	FUZZ_CHECK(r->n_shown <= NT_DATASET_SHOWN && r->n_shown <= r->skipped &&
	           (r->skipped == 0 || r->n_shown > 0),
	           "%zu shown of %lu skipped", r->n_shown, r->skipped);
	for (size_t i = 0; i < r->n_shown; i++)
		FUZZ_CHECK(strlen(r->shown[i]) < sizeof r->shown[i] &&
		           !strncmp(r->shown[i], path, strlen(path)) &&
		           r->shown[i][strlen(path)] == ':', "shown '%s' lacks its place",
		           r->shown[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nt_store *s = fuzz_db();
	struct nt_dataset_report dry, real, again;
	struct fuzz_print before, after;
	struct nt_err err;
	enum nt_status st, st2;
	char path[300];

	fuzz_write_file("products.tsv", data, size, path, sizeof path);
	fuzz_begin(s);
	before = fuzz_print(s);

	memset(&err, 0, sizeof err);
	st = nt_off_import(s, path, true, NULL, NULL, &dry, &err);
	if (st != NT_OK) {
		FUZZ_CHECK_ERR(st, err);
		if (st == NT_ERR_PARSE)
			FUZZ_CHECK(!strncmp(err.msg, path, strlen(path)) &&
			           err.msg[strlen(path)] == ':', "no place in '%s'", err.msg);
	} else {
		check_report(&dry, path);
	}
	after = fuzz_print(s);
	FUZZ_CHECK(fuzz_print_same(before, after), "a dry run changed the database");

	memset(&err, 0, sizeof err);
	st2 = nt_off_import(s, path, false, NULL, NULL, &real, &err);
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
		st = nt_off_import(s, path, false, NULL, NULL, &again, &err);
		FUZZ_CHECK(st == NT_OK && again.added == 0 && again.updated == 0 &&
		           again.unchanged == real.added + real.updated + real.unchanged &&
		           again.skipped == real.skipped,
		           "second import: status %d, %lu added, %lu updated, %lu unchanged: %s",
		           (int)st, again.added, again.updated, again.unchanged, err.msg);
	}
	nt_store_rollback(s);
	return 0;
}
