/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_foods.c - the custom-food CSV import (exchange.h) on arbitrary
 * files, into a database with the bundled foods.
 *
 * Input: the file.  Each run imports it dry, then for real, then again,
 * and exports the custom foods and imports that, all inside a transaction
 * that is rolled back at the end.  Checks that a failure names its place
 * ("path:line...") and changes nothing, that a dry run counts what the
 * real import does, and that importing the same file again, or the export,
 * finds every food present (values, tags and portions read back exactly).
 */
#include "config.h"

#include "exchange.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_db();
	return 0;
}

static bool
same_counts(const struct nt_import_counts *a, const struct nt_import_counts *b)
{
	return a->rows == b->rows && a->added == b->added && a->present == b->present &&
	       a->updated == b->updated;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nt_store *s = fuzz_db();
	struct nt_import_counts dry, real, again;
	struct fuzz_print before, after;
	struct nt_err err;
	enum nt_status st, st2;
	char path[300], out[300];

	fuzz_write_file("foods.csv", data, size, path, sizeof path);
	fuzz_begin(s);
	before = fuzz_print(s);

	memset(&err, 0, sizeof err);
	memset(&dry, 0, sizeof dry);
	st = nt_exchange_foods_import(s, path, true, &dry, &err);
	if (st != NT_OK) {
		FUZZ_CHECK_ERR(st, err);
		if (st == NT_ERR_PARSE)
			FUZZ_CHECK(!strncmp(err.msg, path, strlen(path)) &&
			           err.msg[strlen(path)] == ':', "no place in '%s'", err.msg);
	}
	after = fuzz_print(s);
	FUZZ_CHECK(fuzz_print_same(before, after), "a dry run changed the database");

	memset(&err, 0, sizeof err);
	memset(&real, 0, sizeof real);
	st2 = nt_exchange_foods_import(s, path, false, &real, &err);
	FUZZ_CHECK(st2 == st, "dry run %d, import %d: %s", (int)st, (int)st2, err.msg);
	after = fuzz_print(s);
	if (st2 != NT_OK) {
		FUZZ_CHECK_ERR(st2, err);
		FUZZ_CHECK(fuzz_print_same(before, after), "a failed import changed the database");
	} else {
		FILE *fp;
		long long exported = -1;

		FUZZ_CHECK(same_counts(&dry, &real),
		           "dry run counted %lld/%lld/%lld/%lld, import %lld/%lld/%lld/%lld",
		           dry.rows, dry.added, dry.present, dry.updated, real.rows, real.added,
		           real.present, real.updated);
		FUZZ_CHECK(real.added + real.present + real.updated == real.rows,
		           "counts %lld + %lld + %lld of %lld rows", real.added, real.present,
		           real.updated, real.rows);
		FUZZ_CHECK(after.foods == before.foods + real.added, "%lld foods added, %lld counted",
		           after.foods - before.foods, real.added);

		/* the same file again: every food is there, unchanged */
		memset(&err, 0, sizeof err);
		st = nt_exchange_foods_import(s, path, false, &again, &err);
		FUZZ_CHECK(st == NT_OK && again.added == 0 && again.updated == 0 &&
		           again.present == real.rows,
		           "second import: status %d, %lld added, %lld updated: %s", (int)st,
		           again.added, again.updated, err.msg);

		/* the export reads back as the same foods */
		snprintf(out, sizeof out, "%s/export.csv", fuzz_dir());
		if (!(fp = fopen(out, "wb")))
			abort();
		memset(&err, 0, sizeof err);
		st = nt_exchange_foods_export(s, fp, &exported, &err);
		fclose(fp);
		FUZZ_CHECK(st == NT_OK && exported >= 0, "export: status %d: %s", (int)st, err.msg);
		memset(&err, 0, sizeof err);
		st = nt_exchange_foods_import(s, out, false, &again, &err);
		FUZZ_CHECK(st == NT_OK && again.rows == exported && again.added == 0 &&
		           again.updated == 0,
		           "the export does not read back: status %d, %lld rows, %lld added, "
		           "%lld updated: %s", (int)st, again.rows, again.added, again.updated,
		           err.msg);
	}
	nt_store_rollback(s);
	return 0;
}
