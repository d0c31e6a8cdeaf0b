/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h - the database: opening, schema migrations, transactions, statements. */
#ifndef NT_STORE_H
#define NT_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/*
 * This module is the only one that includes sqlite3.h.  Other core modules
 * run SQL through the small statement API below; no sqlite type leaks.
 */
struct nt_store; /* opaque: one open database */
struct nt_stmt;  /* opaque: a prepared statement owned by the store */

#define NT_SCHEMA_VERSION 8

/*
 * The default database path: $XDG_DATA_HOME/nutrack/nutrack.db, or
 * $HOME/.local/share/nutrack/nutrack.db.  Writes into buf (size n).
 */
enum nt_status nt_store_default_path(char *buf, size_t n, struct nt_err *err);

/*
 * Opens the database at `path` (":memory:" for a private in-memory one),
 * creating it when missing, and migrates the schema to NT_SCHEMA_VERSION
 * in one transaction.  Enables foreign keys, WAL and a busy timeout.
 *
 * nutrack writes only to a file it has proven to be its own: before
 * SQLite opens an existing file it is read with plain reads and refused,
 * untouched (no -wal or -shm made, no journal rolled back, no log
 * checkpointed), unless it is a regular file of the user's with one name
 * (no hard links), carrying nutrack's application id, a schema version
 * this nutrack knows (NT_ERR_VERSION for a newer one) and its tables,
 * and has no hot rollback journal beside it.  An empty file of the
 * user's is taken as a new database.
 *
 * A missing database is created race-free: built whole in a temporary
 * file beside it (mode 0600, in missing parent directories made mode
 * 0700; through a dangling symbolic link, at the link's target) under a
 * lock on its directory, `init` (may be NULL) filling it before anyone
 * else can see it, and then linked into place; a process that loses the
 * race opens the winner's database.  A failed creation leaves nothing.
 * On success *out owns the handle: close it with nt_store_close().
 */
typedef enum nt_status (*nt_store_init_fn)(struct nt_store *s, void *ctx,
                                           struct nt_err *err);
enum nt_status nt_store_open_init(const char *path, nt_store_init_fn init, void *ctx,
                                  struct nt_store **out, struct nt_err *err);
enum nt_status nt_store_open(const char *path, struct nt_store **out,
                             struct nt_err *err);

/* Finalizes every statement and closes; NULL is a no-op. */
void nt_store_close(struct nt_store *s);

/* Path given to nt_store_open (borrowed, lives as long as the store). */
const char *nt_store_path(const struct nt_store *s);

/*
 * Transactions nest: the outermost begin is BEGIN IMMEDIATE (so a writer
 * waits for the lock up front instead of failing mid-way), inner ones are
 * savepoints.  Every begin must be paired with exactly one commit or
 * rollback.  rollback never fails from the caller's point of view.
 */
enum nt_status nt_store_begin(struct nt_store *s, struct nt_err *err);

/*
 * Runs `sql` (one change, ?1 = id) on a row by id: NT_ERR_NOTFOUND
 * "no WHAT ID" when no row changed.  err may be NULL.
 */
enum nt_status nt_store_run_id(struct nt_store *s, const char *sql, long long id,
                               const char *what, struct nt_err *err);
/*
 * Runs a one-row query of integers (count(*), coalesce(max(...), 0)) into
 * out[0..n); ?1, when the query has one, is bind1 (any value: a day before
 * 1970 is negative; pass -1 to a query without ?1).  A query that returns no
 * row leaves zeros.
 */
enum nt_status nt_store_query_ints(struct nt_store *s, const char *sql, long long bind1,
                                   long long *out, int n, struct nt_err *err);
/*
 * The same for many reads: a deferred BEGIN (or a savepoint), so that the
 * statements share one snapshot and one lock instead of taking and
 * dropping it each time.  Paired with commit or rollback like begin.
 */
enum nt_status nt_store_begin_read(struct nt_store *s, struct nt_err *err);
enum nt_status nt_store_commit(struct nt_store *s, struct nt_err *err);
void nt_store_rollback(struct nt_store *s);

/*
 * Loading many foods at once, inside a transaction: start = true stops
 * keeping the full-text index and the everyday portions (top) in step row
 * by row; start = false rebuilds both in one pass (much faster than row by
 * row) and resumes.  A rollback undoes both.
 */
enum nt_status nt_store_bulk_foods(struct nt_store *s, bool start, struct nt_err *err);

/* Runs one or more SQL statements without results (schema, pragmas). */
enum nt_status nt_store_exec(struct nt_store *s, const char *sql,
                             struct nt_err *err);

/*
 * Returns the prepared statement for `sql`, preparing it on first use and
 * caching it by the pointer value: pass string literals only.  The
 * statement comes back reset with its bindings cleared; it stays owned by
 * the store.  NULL on failure (err says why).
 */
struct nt_stmt *nt_store_stmt(struct nt_store *s, const char *sql,
                              struct nt_err *err);

long long nt_store_last_rowid(struct nt_store *s);

/*
 * Calls fn(ctx, sql) as each statement starts to run, from now on, with
 * its parameters filled in (one statement a call, without a ';'); fn NULL
 * stops.  For the benchmark (bench/run.sh): its sqlite3 floor runs exactly
 * the statements nutrack ran.
 */
void nt_store_trace(struct nt_store *s, void (*fn)(void *ctx, const char *sql), void *ctx);

/*
 * A number that changes when another connection commits a change to the
 * database (PRAGMA data_version), so a view can tell it must reload; -1 on
 * error.
 */
long long nt_store_data_version(struct nt_store *s);
int nt_store_changes(struct nt_store *s);

/*
 * Checks the whole database: SQLite's integrity check (every page, index
 * and constraint), the foreign keys and the search index against the
 * foods.  Calls fn with each problem found, at most 100; *problems receives
 * how many (0: sound).  An error status means the check could not run.
 */
enum nt_status nt_store_check(struct nt_store *s,
                              void (*fn)(void *ctx, const char *problem),
                              void *ctx, int *problems, struct nt_err *err);

/*
 * Whether `path` is the database file or its -wal or -shm companion (the
 * same file, by device and inode, under any name): a file nutrack must
 * never write an export or a copy over.
 */
bool nt_store_is_own_file(const struct nt_store *s, const char *path);

/*
 * Copies the database to `path` with SQLite's online backup: a consistent
 * snapshot even while another nutrack writes.  The copy goes to a new
 * temporary file beside `path` (mode 0600) and is renamed into place only
 * once complete, so `path` is never left half-written.  An existing `path`
 * is refused (NT_ERR_INVALID) unless `replace`; so is the database itself.
 */
enum nt_status nt_store_backup(struct nt_store *s, const char *path, bool replace,
                               struct nt_err *err);

/* A meta key's value copied into buf; NT_ERR_NOTFOUND when absent. */
enum nt_status nt_store_meta_get(struct nt_store *s, const char *key,
                                 char *buf, size_t n, struct nt_err *err);
enum nt_status nt_store_meta_set(struct nt_store *s, const char *key,
                                 const char *value, struct nt_err *err);

/*
 * Binding: parameter indexes start at 1.  A NAN double and a NULL string
 * bind SQL NULL.  A failed bind is remembered and reported by the next
 * nt_stmt_step().  Text is copied by SQLite.
 */
void nt_stmt_bind_int(struct nt_stmt *st, int idx, long long v);
void nt_stmt_bind_double(struct nt_stmt *st, int idx, double v);
void nt_stmt_bind_text(struct nt_stmt *st, int idx, const char *v);
void nt_stmt_bind_null(struct nt_stmt *st, int idx);

/*
 * Steps: returns 1 with a row, 0 when done, -1 on error (err filled,
 * statement reset).  Call nt_stmt_reset() when done with a statement that
 * did not run to completion.
 */
int nt_stmt_step(struct nt_stmt *st, struct nt_err *err);

/* Runs a statement that returns no rows to completion, then resets it. */
enum nt_status nt_stmt_run(struct nt_stmt *st, struct nt_err *err);

void nt_stmt_reset(struct nt_stmt *st);

/*
 * Column readers, valid after a step returned 1.  A NULL column reads as
 * 0, NAN and NULL respectively.  Text is borrowed until the next step or
 * reset: copy it before stepping again.
 */
long long nt_stmt_int(struct nt_stmt *st, int col);
double nt_stmt_double(struct nt_stmt *st, int col);
const char *nt_stmt_text(struct nt_stmt *st, int col);
bool nt_stmt_is_null(struct nt_stmt *st, int col);

#endif
