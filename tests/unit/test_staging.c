/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_staging.c - imports in two phases (staging.h): others write while an import stages. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "exchange.h"
#include "fixture.h"
#include "journal.h"
#include "staging.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;     /* the importer's connection */
static struct nt_store *other; /* another nutrack on the same file */

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long long
count(struct nt_store *db, const char *sql)
{
	struct nt_stmt *st = nt_store_stmt(db, sql, NULL);
	long long v;

	if (!st || nt_stmt_step(st, NULL) != 1)
		return -1;
	v = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	return v;
}

static long long
food(const char *ref)
{
	return fixture_food_id(s, ref);
}

static long
day(const char *iso)
{
	long d;

	if (nt_date_parse_iso(iso, &d))
		tap_bail("date %s", iso);
	return d;
}

static const char sql_entries[] = "SELECT count(*) FROM entries";
static const char sql_staged[] = "SELECT count(*) FROM temp.stage_entries";
static const char sql_temp_tables[] =
	"SELECT count(*) FROM temp.sqlite_schema WHERE name LIKE 'stage%'";

/* While one import stages, another nutrack writes at once; the merge counts what is there then. */
static void
test_others_write(void)
{
	struct nt_staging sg;
	struct nt_import_counts c;
	struct nt_err err;
	long long banana = food("sr28:09040"), id;
	double t0, waited;

	is_int(nt_staging_entries_begin(&sg, s, &err), NT_OK, "staging begins");
	for (int i = 1; i <= 3; i++)
		is_int(nt_staging_entry(&sg, i, day("2026-03-01"), NT_LUNCH, banana, "1 medium",
		                        118000, false, &err), NT_OK, "row %d staged", i);
	is_int(count(s, sql_staged), 3, "three rows staged");

	/* the other nutrack adds an entry identical to the staged ones, without waiting */
	t0 = now_s();
	is_int(nt_journal_add(other, day("2026-03-01"), NT_LUNCH, banana, "1 medium", 118000, &id,
	                      &err), NT_OK, "another nutrack adds during the staging");
	waited = now_s() - t0;
	ok(waited < 1.0, "... without waiting for the import (%.3f s)", waited);
	is_int(count(s, sql_entries), 0, "the importer's snapshot does not see it yet");

	/* 3 identical rows against the 1 entry there at merge time: 2 added */
	is_int(nt_staging_entries_finish(&sg, false, &c, &err), NT_OK, "the merge");
	is_int(c.rows, 3, "3 rows");
	is_int(c.present, 1, "1 already there (added meanwhile, seen at merge time)");
	is_int(c.added, 2, "2 added");
	is_int(count(other, sql_entries), 3, "the journal holds 3 entries in all");
	is_int(count(s, sql_temp_tables), 0, "the staging table is gone");
}

/* A dry run never takes the write lock: it runs while another holds it. */
static void
test_dry_run(void)
{
	struct nt_staging sg;
	struct nt_import_counts c;
	struct nt_err err;
	double t0, took;

	if (nt_store_begin(other, &err))
		tap_bail("begin: %s", err.msg);
	t0 = now_s();
	is_int(nt_staging_entries_begin(&sg, s, &err), NT_OK, "dry run: staging begins");
	nt_staging_entry(&sg, 1, day("2026-03-02"), NT_DINNER, food("sr28:09040"), "2 medium",
	                 236000, true, &err);
	is_int(nt_staging_entries_finish(&sg, true, &c, &err), NT_OK,
	       "dry run: finishes while another holds the write lock");
	took = now_s() - t0;
	ok(took < 1.0, "... without waiting for it (%.3f s)", took);
	is_int(c.added, 1, "dry run: 1 to add");
	nt_store_rollback(other);
	is_int(count(s, sql_entries), 3, "dry run: nothing added");
	is_int(count(s, sql_temp_tables), 0, "dry run: the staging table is gone");
}

/* A food removed between staging and merging fails the import, naming the row. */
static void
test_food_gone(void)
{
	struct nt_staging sg;
	struct nt_import_counts c;
	struct nt_err err;
	long long bar;
	double none[NT_STORED_COUNT];

	for (int m = 0; m < NT_STORED_COUNT; m++)
		none[m] = NT_UNKNOWN;
	if (nt_food_add_custom(s, "Gone bar", none, NULL, 0, 0, &bar, &err))
		tap_bail("custom: %s", err.msg);
	is_int(nt_staging_entries_begin(&sg, s, &err), NT_OK, "staging begins");
	nt_staging_entry(&sg, 7, day("2026-03-03"), NT_SNACK, food("sr28:09040"), "100g", 100000,
	                 false, &err);
	nt_staging_entry(&sg, 8, day("2026-03-03"), NT_SNACK, bar, "100g", 100000, false, &err);
	if (nt_store_exec(other, "DELETE FROM foods WHERE name = 'Gone bar'", &err))
		tap_bail("delete: %s", err.msg);
	is_int(nt_staging_entries_finish(&sg, false, &c, &err), NT_ERR_INVALID,
	       "the food of a staged row was removed meanwhile: refused");
	is_str(err.msg, "line 8: its food was removed while the import ran; nothing was imported",
	       "... naming the line");
	is_int(count(s, sql_entries), 3, "... and nothing was added, not even line 7");
	is_int(count(s, sql_temp_tables), 0, "the staging table is gone");
}

/* Aborted in either phase: the database as it was, no temporary table left. */
static void
test_abort(void)
{
	struct nt_staging sg;
	struct nt_err err;

	is_int(nt_staging_entries_begin(&sg, s, &err), NT_OK, "staging begins");
	nt_staging_entry(&sg, 1, day("2026-03-04"), NT_LUNCH, food("sr28:09040"), "100g", 100000,
	                 false, &err);
	nt_staging_abort(&sg);
	is_int(count(s, sql_temp_tables), 0, "aborted while staging: no table left");
	is_int(nt_staging_entries_begin(&sg, s, &err), NT_OK, "staging begins again");
	nt_staging_entry(&sg, 1, day("2026-03-04"), NT_LUNCH, food("sr28:09040"), "100g", 100000,
	                 false, &err);
	is_int(nt_staging_merge(&sg, &err), NT_OK, "the merge begins");
	nt_staging_abort(&sg);
	is_int(count(s, sql_temp_tables), 0, "aborted while merging: no table left");
	is_int(count(s, sql_entries), 3, "nothing added");
	nt_staging_abort(&sg);
	ok(1, "a second abort is harmless");
	is_int(nt_staging_commit(&sg, &err), NT_ERR_DB, "committing an ended stage is an error");
}

/* The journal CSV import reads its file while others write. */
static void
test_csv_import(void)
{
	const char *path = getenv("NUTRACK_FIXTURES");
	char file[512];
	struct nt_import_counts c;
	struct nt_err err;

	if (!path)
		tap_bail("NUTRACK_FIXTURES is not set");
	snprintf(file, sizeof file, "%s/exchange/journal.csv", path);
	is_int(nt_exchange_journal_import(s, file, false, &c, &err), NT_OK,
	       "a journal file imports through the stage");
	ok(c.added > 0, "... adding its %lld entries", c.added);
	is_int(count(s, sql_temp_tables), 0, "... leaving no staging table");
}

int
main(void)
{
	struct nt_err err;

	s = fixture_open(true);
	if (nt_store_open(fixture_path, &other, &err))
		tap_bail("second open: %s", err.msg);
	test_others_write();
	test_dry_run();
	test_food_gone();
	test_abort();
	test_csv_import();
	nt_store_close(other);
	nt_store_close(s);
	return tap_done();
}
