/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staging.h - imports in two phases: read and check outside the write lock, merge in one short transaction. */
#ifndef NT_STAGING_H
#define NT_STAGING_H

#include <stdbool.h>

#include "status.h"

struct nt_store;

/*
 * An import that held the write lock while it read its file would make
 * every other writer (an `add` in another terminal, the TUI) wait for its
 * whole run, and fail after the busy timeout.  So every import runs in two
 * phases:
 *
 * 1. Staging (nt_staging_begin): one read transaction, a snapshot of the
 *    database that stays consistent, in which the import reads and checks
 *    its input, looks up what it needs and writes what it will change into
 *    temporary tables (temp.*).  Temporary tables belong to this connection
 *    alone: writing them takes no lock on the database, and other nutracks
 *    go on reading and writing (WAL readers do not block writers).
 * 2. Merging (nt_staging_merge): the read transaction ends (the staged rows
 *    stay), a write transaction begins (BEGIN IMMEDIATE: it waits for the
 *    lock up front), a few set-based statements move the staged rows into
 *    the database, and nt_staging_commit commits.  Other writers wait only
 *    for this; keep it to statements over the staged tables and indexed
 *    look-ups, never input or per-row work that could have been staged.
 *
 * All or nothing: a failure in either phase ends with nt_staging_abort,
 * which rolls back and drops the temporary tables, and the database is as
 * it was.  A dry run stages, counts in phase 1 and aborts: it never takes
 * the write lock.  The merge must hold against the database as it is
 * then, not as it was when staged: another process may have written in
 * between (so it re-checks what the staged rows refer to, and counts what
 * it matches at merge time).
 *
 * The import of journal entries (below) is built on this and is the one
 * to reuse for a new journal importer: stage each entry with
 * nt_staging_entry, then nt_staging_entries_finish.  The dataset writer
 * (fdc.h) and the custom-food import (exchange.h) use the same phases with
 * tables of their own.
 */
struct nt_staging {
	struct nt_store *s;
	const char *drop; /* SQL that drops the import's temporary tables */
	int phase;        /* 0 ended, 1 staging, 2 merging */
};

/*
 * Starts phase 1 on `s` and runs `create` (statements that make the
 * import's temporary tables, emptied: CREATE TEMP TABLE IF NOT EXISTS ...;
 * DELETE FROM temp....); `drop` is run when the stage ends (DROP TABLE IF
 * EXISTS temp....).  Both are string literals that outlive the stage.  On
 * failure the stage is already ended.
 */
enum nt_status nt_staging_begin(struct nt_staging *sg, struct nt_store *s, const char *create,
                              const char *drop, struct nt_err *err);

/* Ends phase 1 and starts phase 2 (waits for the write lock, at most the busy timeout). */
enum nt_status nt_staging_merge(struct nt_staging *sg, struct nt_err *err);

/* Commits phase 2 and drops the temporary tables.  On failure, as nt_staging_abort. */
enum nt_status nt_staging_commit(struct nt_staging *sg, struct nt_err *err);

/* Rolls back whichever phase is open and drops the temporary tables; safe when ended. */
void nt_staging_abort(struct nt_staging *sg);

/* What an import did (or, in a dry run, would do). */
struct nt_import_counts {
	long long rows;      /* data rows read */
	long long added;     /* entries or foods inserted */
	long long present;   /* journal: rows that matched an entry already there;
	                        foods: rows equal to the custom food of that name */
	long long updated;   /* foods only: custom foods whose values were replaced */
};

/*
 * ---- Journal entries ----
 *
 * nt_staging_entries_begin starts a stage with the entries' table.
 * nt_staging_entry stages one entry, in the order they should be added;
 * `line` is its place in the input (strictly increasing), named in
 * messages.  The caller has checked it: a real day in the date range, a
 * meal, a food that exists, amount text as nt_journal_add takes it, 1 mg
 * to 10 kg.  food_id may instead be a placeholder below 0 for a food the
 * importer writes itself in the merge (nt_staging_entries_finish_with).
 * nt_staging_entries_finish matches the staged rows against the
 * journal as it is at merge time: a row matches an entry with the same
 * day, meal, food, amount text, grams and planned flag, with multiplicity
 * (k identical rows against m identical entries add max(0, k - m)), so an
 * import repeated changes nothing; then adds the new ones in one short
 * transaction (with dry_run only counts them, without the write lock) and
 * ends the stage either way.  A staged food removed meanwhile fails the
 * whole import, naming the line.  *counts (may be NULL) is filled on
 * success.
 */
enum nt_status nt_staging_entries_begin(struct nt_staging *sg, struct nt_store *s,
                                      struct nt_err *err);
enum nt_status nt_staging_entry(struct nt_staging *sg, long long line, long day, int meal,
                              long long food_id, const char *amount, long long mg,
                              bool planned, struct nt_err *err);
enum nt_status nt_staging_entries_finish(struct nt_staging *sg, bool dry_run,
                                       struct nt_import_counts *counts, struct nt_err *err);

/*
 * As nt_staging_entries_finish, and the merge first runs before(ctx, s,
 * err) in phase 2, with the write lock held, before the staged rows are
 * checked and matched: it writes what the rows need (the foods an import
 * creates), with set-based statements, and gives every staged row whose
 * food is a placeholder (< 0) its food's row id by updating the column
 * food of temp.stage_entries.  Its failure fails the import.  A dry run
 * does not call it: rows with placeholders count as new.
 */
typedef enum nt_status (*nt_staging_fn)(void *ctx, struct nt_store *s, struct nt_err *err);
enum nt_status nt_staging_entries_finish_with(struct nt_staging *sg, nt_staging_fn before,
                                            void *ctx, bool dry_run,
                                            struct nt_import_counts *counts,
                                            struct nt_err *err);

#endif
