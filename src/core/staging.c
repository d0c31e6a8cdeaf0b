/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staging.c - the two phases of an import, and the staged import of journal entries. */
#include "config.h"

#include <string.h>

#include "date.h"
#include "staging.h"
#include "store.h"

enum { PHASE_ENDED, PHASE_STAGING, PHASE_MERGING };

/* Drops the temporary tables, outside any transaction (temp only: no lock). */
static void
drop_tables(struct nt_staging *sg)
{
	if (sg->drop)
		nt_store_exec(sg->s, sg->drop, NULL);
	sg->phase = PHASE_ENDED;
}

enum nt_status
nt_staging_begin(struct nt_staging *sg, struct nt_store *s, const char *create, const char *drop,
               struct nt_err *err)
{
	enum nt_status rc;

	sg->s = s;
	sg->drop = drop;
	sg->phase = PHASE_ENDED;
	if ((rc = nt_store_begin_read(s, err)))
		return rc;
	sg->phase = PHASE_STAGING;
	/* a read of the database now: the snapshot starts here, not at the first look-up */
	if ((rc = nt_store_exec(s, "SELECT count(*) FROM main.sqlite_schema", err)) ||
	    (create && (rc = nt_store_exec(s, create, err)))) {
		nt_staging_abort(sg);
		return rc;
	}
	return NT_OK;
}

enum nt_status
nt_staging_merge(struct nt_staging *sg, struct nt_err *err)
{
	enum nt_status rc;

	if (sg->phase != PHASE_STAGING)
		return nt_err_set(err, NT_ERR_DB, "an import merged outside its staging");
	/* the snapshot ends; what was written to temp.* stays for the merge */
	if ((rc = nt_store_commit(sg->s, err))) {
		drop_tables(sg);
		return rc;
	}
	sg->phase = PHASE_ENDED;
	if ((rc = nt_store_begin(sg->s, err))) {
		drop_tables(sg);
		return rc;
	}
	sg->phase = PHASE_MERGING;
	return NT_OK;
}

enum nt_status
nt_staging_commit(struct nt_staging *sg, struct nt_err *err)
{
	enum nt_status rc;

	if (sg->phase != PHASE_MERGING) {
		nt_staging_abort(sg);
		return nt_err_set(err, NT_ERR_DB, "an import committed outside its merge");
	}
	rc = nt_store_commit(sg->s, err); /* rolls back itself when it fails */
	drop_tables(sg);
	return rc;
}

void
nt_staging_abort(struct nt_staging *sg)
{
	if (sg->phase == PHASE_ENDED)
		return;
	nt_store_rollback(sg->s);
	drop_tables(sg);
}

/* ---- journal entries ---- */

static const char sql_entries_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS stage_entries("
	"  seq INTEGER PRIMARY KEY, day TEXT NOT NULL, meal INTEGER NOT NULL,"
	"  food INTEGER NOT NULL, amount TEXT NOT NULL, mg INTEGER NOT NULL,"
	"  planned INTEGER NOT NULL);"
	"DELETE FROM temp.stage_entries";
static const char sql_entries_drop[] = "DROP TABLE IF EXISTS temp.stage_entries";
static const char sql_entry[] =
	"INSERT INTO temp.stage_entries(seq, day, meal, food, amount, mg, planned)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_max_entry[] = "SELECT coalesce(max(id), 0) FROM entries";
static const char sql_food_gone[] =
	"SELECT r.seq FROM temp.stage_entries r"
	" WHERE NOT EXISTS (SELECT 1 FROM foods f WHERE f.id = r.food) ORDER BY r.seq LIMIT 1";
/*
 * Matched in one statement: row_number() over identical rows is k, the
 * count of identical entries that were there before the merge (id <= ?1)
 * is m, and a row is new when k > m.
 */
#define MATCHED_ROWS \
	"SELECT r.seq, r.day, r.meal, r.food, r.amount, r.mg, r.planned," \
	"  row_number() OVER (PARTITION BY r.day, r.meal, r.food, r.amount, r.mg, r.planned" \
	"                     ORDER BY r.seq) AS k," \
	"  (SELECT count(*) FROM entries e WHERE e.day = r.day AND e.meal = r.meal" \
	"   AND e.food = r.food AND e.amount = r.amount AND e.mg = r.mg" \
	"   AND e.planned = r.planned AND e.id <= ?1) AS m" \
	" FROM temp.stage_entries r"
static const char sql_entries_rows[] = "SELECT count(*) FROM temp.stage_entries";
static const char sql_entries_count[] =
	"SELECT count(*), coalesce(sum(k > m), 0) FROM (" MATCHED_ROWS ")";
static const char sql_entries_insert[] =
	"INSERT INTO entries(day, meal, food, amount, mg, planned)"
	" SELECT day, meal, food, amount, mg, planned FROM (" MATCHED_ROWS ")"
	" WHERE k > m ORDER BY seq";

enum nt_status
nt_staging_entries_begin(struct nt_staging *sg, struct nt_store *s, struct nt_err *err)
{
	return nt_staging_begin(sg, s, sql_entries_create, sql_entries_drop, err);
}

enum nt_status
nt_staging_entry(struct nt_staging *sg, long long line, long day, int meal, long long food_id,
               const char *amount, long long mg, bool planned, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];

	if (!err)
		err = &scratch;
	if (sg->phase != PHASE_STAGING)
		return nt_err_set(err, NT_ERR_DB, "an entry staged outside a stage");
	if (!nt_date_in_range(day))
		return nt_err_set(err, NT_ERR_RANGE, "line %lld: the date is not from %04d-01-01 "
		                  "to %04d-12-31", line, NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR);
	if (!(st = nt_store_stmt(sg->s, sql_entry, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_int(st, 1, line);
	nt_stmt_bind_text(st, 2, date);
	nt_stmt_bind_int(st, 3, meal);
	nt_stmt_bind_int(st, 4, food_id);
	nt_stmt_bind_text(st, 5, amount);
	nt_stmt_bind_int(st, 6, mg);
	nt_stmt_bind_int(st, 7, planned);
	return nt_stmt_run(st, err);
}

enum nt_status
nt_staging_entries_finish(struct nt_staging *sg, bool dry_run, struct nt_import_counts *counts,
                          struct nt_err *err)
{
	return nt_staging_entries_finish_with(sg, NULL, NULL, dry_run, counts, err);
}

enum nt_status
nt_staging_entries_finish_with(struct nt_staging *sg, nt_staging_fn before, void *ctx,
                               bool dry_run, struct nt_import_counts *counts,
                               struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	long long max_id = 0, gone = 0, n[2] = {0, 0};
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (dry_run) {
		/* counted against the snapshot: no write lock */
		if ((rc = nt_store_query_ints(sg->s, sql_max_entry, -1, &max_id, 1, err)) ||
		    (rc = nt_store_query_ints(sg->s, sql_entries_count, max_id, n, 2, err)))
			goto fail;
		nt_staging_abort(sg);
		goto out;
	}
	if ((rc = nt_staging_merge(sg, err)))
		return rc;
	/* from here on the database as it is now: others may have written since */
	if ((before && (rc = before(ctx, sg->s, err))) ||
	    (rc = nt_store_query_ints(sg->s, sql_food_gone, -1, &gone, 1, err)))
		goto fail;
	if (gone) {
		rc = nt_err_set(err, NT_ERR_INVALID, "line %lld: its food was removed while the "
		                "import ran; nothing was imported", gone);
		goto fail;
	}
	if ((rc = nt_store_query_ints(sg->s, sql_max_entry, -1, &max_id, 1, err)) ||
	    (rc = nt_store_query_ints(sg->s, sql_entries_rows, -1, n, 1, err)))
		goto fail;
	if (!(st = nt_store_stmt(sg->s, sql_entries_insert, err))) {
		rc = err->status;
		goto fail;
	}
	nt_stmt_bind_int(st, 1, max_id);
	if ((rc = nt_stmt_run(st, err)))
		goto fail;
	n[1] = nt_store_changes(sg->s);
	if ((rc = nt_staging_commit(sg, err)))
		goto fail;
out:
	if (counts) {
		memset(counts, 0, sizeof *counts);
		counts->rows = n[0];
		counts->added = n[1];
		counts->present = n[0] - n[1];
	}
	return NT_OK;
fail:
	nt_staging_abort(sg);
	return rc;
}
