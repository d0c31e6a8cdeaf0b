/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_foreign.c - Cronometer and MyFitnessPal exports (foreign.h) on
 * arbitrary files, against the bundled foods.
 *
 * Input: one byte choosing the format (bit 0: MyFitnessPal) and --match
 * (bit 1, Cronometer only), then the file.  Each run imports it dry, then
 * for real, then again, inside a transaction rolled back at the end.
 * Checks that a failure names its place ("path:line...") and changes
 * nothing, that a dry run counts what the real import does, and that the
 * same file again adds no entry and no food.
 */
#include "config.h"

#include "foreign.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_db();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nt_store *s = fuzz_db();
	struct nt_foreign_report dry, real, again;
	struct fuzz_print before, after;
	struct nt_err err;
	enum nt_status st, st2;
	unsigned how = fuzz_byte(&data, &size);
	enum nt_foreign_format format = how & 1 ? NT_FOREIGN_MYFITNESSPAL : NT_FOREIGN_CRONOMETER;
	bool match = format == NT_FOREIGN_CRONOMETER && (how & 2);
	char path[300];

	fuzz_write_file("export.csv", data, size, path, sizeof path);
	fuzz_begin(s);
	before = fuzz_print(s);

	memset(&err, 0, sizeof err);
	st = nt_foreign_import(s, format, path, match, true, &dry, &err);
	if (st != NT_OK) {
		FUZZ_CHECK_ERR(st, err);
		if (st == NT_ERR_PARSE)
			FUZZ_CHECK(!strncmp(err.msg, path, strlen(path)) &&
			           err.msg[strlen(path)] == ':', "no place in '%s'", err.msg);
	}
	after = fuzz_print(s);
	FUZZ_CHECK(fuzz_print_same(before, after), "a dry run changed the database");

	memset(&err, 0, sizeof err);
	st2 = nt_foreign_import(s, format, path, match, false, &real, &err);
	FUZZ_CHECK(st2 == st, "dry run %d, import %d: %s", (int)st, (int)st2, err.msg);
	after = fuzz_print(s);
	if (st2 != NT_OK) {
		FUZZ_CHECK_ERR(st2, err);
		FUZZ_CHECK(fuzz_print_same(before, after), "a failed import changed the database");
	} else {
		FUZZ_CHECK(dry.entries.added == real.entries.added &&
		           dry.foods_added == real.foods_added && dry.matched == real.matched,
		           "dry run %lld entries %lld foods, import %lld %lld", dry.entries.added,
		           dry.foods_added, real.entries.added, real.foods_added);
		FUZZ_CHECK(after.entries == before.entries + real.entries.added &&
		           after.foods == before.foods + real.foods_added,
		           "%lld entries and %lld foods added, counted %lld and %lld",
		           after.entries - before.entries, after.foods - before.foods,
		           real.entries.added, real.foods_added);
		memset(&err, 0, sizeof err);
		st = nt_foreign_import(s, format, path, match, false, &again, &err);
		FUZZ_CHECK(st == NT_OK && again.entries.added == 0 && again.foods_added == 0 &&
		           again.entries.present == real.entries.rows,
		           "second import: status %d, %lld entries and %lld foods added: %s", (int)st,
		           again.entries.added, again.foods_added, err.msg);
	}
	nt_store_rollback(s);
	return 0;
}
