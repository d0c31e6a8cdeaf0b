/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_store.c - unit tests for the database layer (store.h): open, migrate, transactions, statements. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "tap.h"

static char tmpdir[256];

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes everything the tests made below tmpdir. */
static void
cleanup(void)
{
	if (tmpdir[0])
		nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void
path_in(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", tmpdir, name);
}

/* Runs a one-value query and returns its integer result (-1 on failure). */
static long long
query_int(struct nt_store *s, const char *sql)
{
	struct nt_stmt *st = nt_store_stmt(s, sql, NULL);
	long long v;

	if (!st || nt_stmt_step(st, NULL) != 1)
		return -1;
	v = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	return v;
}

static const char sql_user_version[] = "PRAGMA user_version";
static const char sql_app_id[] = "PRAGMA application_id";
static const char sql_n_tables[] =
	"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
	" ('meta', 'foods', 'portions', 'targets', 'profile', 'entries', 'food_fts')";
static const char sql_fk[] = "PRAGMA foreign_keys";

static void
test_open_new(void)
{
	char db[512], dir[512];
	struct nt_store *s = NULL;
	struct nt_err err;
	struct stat sb;
	enum nt_status st;
	static const char *const subdirs[] = {"a", "a/b", "a/b/c"};

	/* umask 022 would give 0755 directories and 0644 files if the store
	 * relied on the default modes: the store must ask for 0700 / 0600. */
	umask(022);
	path_in(db, sizeof db, "a/b/c/nutrack.db");
	st = nt_store_open(db, &s, &err);
	is_int(st, NT_OK, "open creates a new database with missing parents");
	if (st != NT_OK)
		tap_bail("cannot open %s: %s", db, err.msg);
	for (size_t i = 0; i < 3; i++) {
		path_in(dir, sizeof dir, subdirs[i]);
		ok(stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode), "%s was created", subdirs[i]);
		is_int(sb.st_mode & 07777, 0700, "new directory %s is mode 0700", subdirs[i]);
	}
	ok(stat(db, &sb) == 0 && S_ISREG(sb.st_mode), "database file exists");
	is_int(sb.st_mode & 07777, 0600, "new database file is mode 0600");
	stat(tmpdir, &sb);
	is_int(sb.st_mode & 07777, 0700, "the existing parent (mkdtemp, 0700) is untouched");

	is_str(nt_store_path(s), db, "nt_store_path gives the path it was opened with");
	is_int(query_int(s, sql_user_version), NT_SCHEMA_VERSION,
	       "migration sets user_version to NT_SCHEMA_VERSION (%d)", NT_SCHEMA_VERSION);
	is_int(query_int(s, sql_app_id), 0x4E547231, "application_id marks a nutrack database");
	is_int(query_int(s, sql_n_tables), 7, "all seven tables exist");
	is_int(query_int(s, sql_fk), 1, "foreign keys are on");
	{
		struct nt_stmt *jm = nt_store_stmt(s, "PRAGMA journal_mode", &err);

		ok(jm && nt_stmt_step(jm, NULL) == 1 && !strcmp(nt_stmt_text(jm, 0), "wal"),
		   "a file database uses WAL");
		if (jm)
			nt_stmt_reset(jm);
	}
	nt_store_close(s);
	nt_store_close(NULL); /* a no-op */
	ok(1, "nt_store_close(NULL) is a no-op");
}

static const char sql_meta_count[] = "SELECT count(*) FROM meta";

static void
test_reopen(void)
{
	char db[512], buf[64];
	struct nt_store *s;
	struct nt_err err;

	path_in(db, sizeof db, "reopen.db");
	if (nt_store_open(db, &s, &err))
		tap_bail("open: %s", err.msg);
	is_int(nt_store_meta_set(s, "greeting", "hello", &err), NT_OK, "meta_set before reopen");
	nt_store_close(s);

	is_int(nt_store_open(db, &s, &err), NT_OK, "reopening an existing database works");
	is_int(query_int(s, sql_user_version), NT_SCHEMA_VERSION, "user_version unchanged");
	is_int(nt_store_meta_get(s, "greeting", buf, sizeof buf, &err), NT_OK,
	       "meta survives reopening");
	is_str(buf, "hello", "meta value survives reopening");
	is_int(query_int(s, sql_meta_count), 1, "reopening did not migrate again (one meta row)");
	nt_store_close(s);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		tap_bail("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
}

static long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void
test_refuse(void)
{
	char db[512], sql[700];
	struct nt_store *s = NULL, *helper;
	struct nt_err err;
	enum nt_status st;
	static const char text[] =
		"This is a text file, not an SQLite database.  It is long enough to hold\n"
		"a whole 100-byte database header, so SQLite reads it and must refuse it.\n";

	/* A text file. */
	path_in(db, sizeof db, "text.db");
	write_file(db, text);
	st = nt_store_open(db, &s, &err);
	ok(st != NT_OK, "a text file is refused");
	is_int(st, NT_ERR_DB, "... with NT_ERR_DB");
	ok(strstr(err.msg, "not a nutrack database") != NULL, "... saying so: %s", err.msg);
	is_int(file_size(db), (long)strlen(text), "... and the file is left as it was");

	/* A few bytes only. */
	path_in(db, sizeof db, "short.db");
	write_file(db, "hi\n");
	st = nt_store_open(db, &s, &err);
	ok(st != NT_OK, "a 3-byte text file is refused (%s)", nt_err_text(&err, st));
	is_int(file_size(db), 3, "... and left as it was");

	/* An SQLite file belonging to something else: made through ATTACH. */
	if (nt_store_open(":memory:", &helper, &err))
		tap_bail("open :memory:: %s", err.msg);
	path_in(db, sizeof db, "foreign.db");
	snprintf(sql, sizeof sql,
	         "ATTACH '%s' AS other; CREATE TABLE other.accounts(id INTEGER, who TEXT);"
	         "INSERT INTO other.accounts VALUES (1, 'x'); DETACH other;", db);
	is_int(nt_store_exec(helper, sql, &err), NT_OK, "made a foreign SQLite file");
	st = nt_store_open(db, &s, &err);
	is_int(st, NT_ERR_DB, "an SQLite file with foreign tables is refused");
	ok(strstr(err.msg, "another program") != NULL, "... saying why: %s", err.msg);
	snprintf(sql, sizeof sql, "ATTACH '%s' AS other", db);
	nt_store_exec(helper, sql, &err);
	{
		struct nt_stmt *q = nt_store_stmt(helper,
			"SELECT count(*), sum(name = 'accounts') FROM other.sqlite_schema", &err);

		ok(q && nt_stmt_step(q, NULL) == 1 && nt_stmt_int(q, 0) == 1 &&
		   nt_stmt_int(q, 1) == 1, "... and untouched (only its own table)");
		if (q)
			nt_stmt_reset(q);
	}
	nt_store_exec(helper, "DETACH other", NULL);
	nt_store_close(helper);

	/* A nutrack database from the future. */
	path_in(db, sizeof db, "newer.db");
	if (nt_store_open(db, &s, &err))
		tap_bail("open: %s", err.msg);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", NT_SCHEMA_VERSION + 1);
	is_int(nt_store_exec(s, sql, &err), NT_OK, "raised user_version to %d",
	       NT_SCHEMA_VERSION + 1);
	nt_store_close(s);
	s = NULL;
	st = nt_store_open(db, &s, &err);
	is_int(st, NT_ERR_VERSION, "a newer schema version gives NT_ERR_VERSION");
	is_int(err.status, NT_ERR_VERSION, "err->status repeats it");
	ok(strstr(err.msg, "newer") != NULL, "message: %s", err.msg);
	ok(s == NULL, "*out is not set on failure");
}

static void
test_memory(void)
{
	struct nt_store *s;
	struct nt_err err;

	is_int(nt_store_open(":memory:", &s, &err), NT_OK, "':memory:' opens");
	is_int(query_int(s, sql_user_version), NT_SCHEMA_VERSION, "and is migrated");
	ok(access(":memory:", F_OK) != 0, "no file named ':memory:' was made");
	nt_store_close(s);
}

static const char sql_has_meta[] = "SELECT count(*) FROM meta WHERE key = ?1";

static long long
has_meta(struct nt_store *s, const char *key)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_has_meta, NULL);
	long long v = -1;

	if (!st)
		return -1;
	nt_stmt_bind_text(st, 1, key);
	if (nt_stmt_step(st, NULL) == 1)
		v = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	return v;
}

static void
test_transactions(void)
{
	char db[512];
	struct nt_store *s;
	struct nt_err err;

	path_in(db, sizeof db, "tx.db");
	if (nt_store_open(db, &s, &err))
		tap_bail("open: %s", err.msg);

	/* Outer transaction committed, inner savepoint rolled back. */
	is_int(nt_store_begin(s, &err), NT_OK, "outer begin");
	nt_store_meta_set(s, "outer", "1", NULL);
	is_int(nt_store_begin(s, &err), NT_OK, "inner begin (savepoint)");
	nt_store_meta_set(s, "inner", "1", NULL);
	is_int(has_meta(s, "inner"), 1, "inner write visible inside the savepoint");
	nt_store_rollback(s);
	is_int(has_meta(s, "inner"), 0, "savepoint rollback undid the inner write");
	is_int(has_meta(s, "outer"), 1, "... but not the outer one");
	/* A second savepoint inside the same outer transaction, released. */
	is_int(nt_store_begin(s, &err), NT_OK, "second inner begin");
	nt_store_meta_set(s, "inner2", "1", NULL);
	is_int(nt_store_begin(s, &err), NT_OK, "third level begin");
	nt_store_meta_set(s, "inner3", "1", NULL);
	is_int(nt_store_commit(s, &err), NT_OK, "third level release");
	is_int(nt_store_commit(s, &err), NT_OK, "second level release");
	is_int(nt_store_commit(s, &err), NT_OK, "outer commit");
	nt_store_close(s);

	if (nt_store_open(db, &s, &err))
		tap_bail("reopen: %s", err.msg);
	is_int(has_meta(s, "outer"), 1, "committed outer write is durable");
	is_int(has_meta(s, "inner"), 0, "rolled-back inner write is gone after reopen");
	is_int(has_meta(s, "inner2"), 1, "released savepoint's write is durable");
	is_int(has_meta(s, "inner3"), 1, "nested released savepoint's write is durable");

	/* Rolling back the outer transaction undoes released savepoints too. */
	nt_store_begin(s, NULL);
	nt_store_begin(s, NULL);
	nt_store_meta_set(s, "gone", "1", NULL);
	nt_store_commit(s, NULL);
	nt_store_rollback(s);
	is_int(has_meta(s, "gone"), 0, "outer rollback undoes a released savepoint");

	is_int(nt_store_commit(s, &err), NT_ERR_DB, "commit without a transaction fails");
	nt_store_rollback(s); /* must not crash or fail */
	ok(1, "rollback without a transaction is harmless");
	is_int(nt_store_begin(s, &err), NT_OK, "a new transaction after all that");
	nt_store_meta_set(s, "again", "1", NULL);
	is_int(nt_store_commit(s, &err), NT_OK, "... commits");
	is_int(has_meta(s, "again"), 1, "... and its write is there");
	nt_store_close(s);
}

static const char sql_select_param[] = "SELECT ?1";
static const char sql_select_param_copy[] = "SELECT ?1"; /* same text, another literal */
static const char sql_values3[] = "SELECT column1 FROM (VALUES (1), (2), (3))";
static const char sql_null_checks[] = "SELECT ?1 IS NULL, ?2 IS NULL, ?3 IS NULL, ?4";
static const char sql_bad[] = "SELECT nope FROM nowhere";
static const char sql_meta_insert[] = "INSERT INTO meta(key, value) VALUES (?1, ?2)";

/* Forty distinct literals, more than the cache's first allocation holds. */
#define SQL_N(i) "SELECT " #i
static const char *const many_sql[] = {
	SQL_N(0), SQL_N(1), SQL_N(2), SQL_N(3), SQL_N(4), SQL_N(5), SQL_N(6), SQL_N(7),
	SQL_N(8), SQL_N(9), SQL_N(10), SQL_N(11), SQL_N(12), SQL_N(13), SQL_N(14),
	SQL_N(15), SQL_N(16), SQL_N(17), SQL_N(18), SQL_N(19), SQL_N(20), SQL_N(21),
	SQL_N(22), SQL_N(23), SQL_N(24), SQL_N(25), SQL_N(26), SQL_N(27), SQL_N(28),
	SQL_N(29), SQL_N(30), SQL_N(31), SQL_N(32), SQL_N(33), SQL_N(34), SQL_N(35),
	SQL_N(36), SQL_N(37), SQL_N(38), SQL_N(39),
};
#define N_MANY (sizeof many_sql / sizeof *many_sql)

/* A statement handed out stays valid while the cache grows. */
static void
test_stmt_stable(void)
{
	struct nt_store *s;
	struct nt_stmt *held, *st;
	struct nt_err err;
	size_t good = 0;

	if (nt_store_open(":memory:", &s, &err))
		tap_bail("open: %s", err.msg);
	held = nt_store_stmt(s, sql_values3, &err);
	is_int(nt_stmt_step(held, &err), 1, "held statement: first row");
	for (size_t i = 0; i < N_MANY; i++) {
		st = nt_store_stmt(s, many_sql[i], &err);
		if (st && nt_stmt_step(st, &err) == 1 && nt_stmt_int(st, 0) == (long long)i)
			good++;
		if (st)
			nt_stmt_reset(st);
	}
	is_int(good, N_MANY, "%zu more statements prepared and run", N_MANY);
	is_int(nt_stmt_step(held, &err), 1, "the held statement still steps after the cache grew");
	is_int(nt_stmt_int(held, 0), 2, "... to its second row");
	nt_stmt_reset(held);
	ok(nt_store_stmt(s, sql_values3, &err) == held,
	   "and the cache still returns the same statement for it");
	for (size_t i = 0; i < N_MANY; i++)
		if (nt_store_stmt(s, many_sql[i], &err) == held)
			good = 0;
	ok(good, "no other literal maps to it");
	nt_store_close(s);
}

static void
test_statements(void)
{
	struct nt_store *s;
	struct nt_stmt *a, *b, *c;
	struct nt_err err;
	char buf[8];

	if (nt_store_open(":memory:", &s, &err))
		tap_bail("open: %s", err.msg);

	a = nt_store_stmt(s, sql_select_param, &err);
	ok(a != NULL, "statement prepared");
	b = nt_store_stmt(s, sql_select_param, &err);
	ok(a == b, "the same literal gives the same cached statement");
	c = nt_store_stmt(s, sql_select_param_copy, &err);
	ok(c != NULL && c != a, "another literal (same text) gets its own statement");

	/* The cached statement comes back reset with bindings cleared. */
	a = nt_store_stmt(s, sql_select_param, &err);
	nt_stmt_bind_int(a, 1, 42);
	is_int(nt_stmt_step(a, &err), 1, "step gives a row");
	is_int(nt_stmt_int(a, 0), 42, "bound integer read back");
	b = nt_store_stmt(s, sql_select_param, &err); /* not reset by us */
	is_int(nt_stmt_step(b, &err), 1, "re-fetched statement runs from the start");
	ok(nt_stmt_is_null(b, 0), "... with its old binding cleared");
	nt_stmt_reset(b);

	/* A statement left mid-way is reset when fetched again. */
	a = nt_store_stmt(s, sql_values3, &err);
	nt_stmt_step(a, &err);
	nt_stmt_step(a, &err);
	is_int(nt_stmt_int(a, 0), 2, "second row of three");
	a = nt_store_stmt(s, sql_values3, &err);
	is_int(nt_stmt_step(a, &err), 1, "fetched again: starts over");
	is_int(nt_stmt_int(a, 0), 1, "... at the first row");
	nt_stmt_step(a, &err);
	nt_stmt_step(a, &err);
	is_int(nt_stmt_step(a, &err), 0, "step returns 0 when done");
	nt_stmt_reset(a);

	/* NAN and NULL bind SQL NULL; NULL columns read as 0, NAN, NULL. */
	a = nt_store_stmt(s, sql_null_checks, &err);
	nt_stmt_bind_double(a, 1, NAN);
	nt_stmt_bind_text(a, 2, NULL);
	nt_stmt_bind_double(a, 3, 1.5);
	nt_stmt_bind_null(a, 4);
	is_int(nt_stmt_step(a, &err), 1, "null-check query runs");
	is_int(nt_stmt_int(a, 0), 1, "a NAN double binds NULL");
	is_int(nt_stmt_int(a, 1), 1, "a NULL string binds NULL");
	is_int(nt_stmt_int(a, 2), 0, "1.5 is not NULL");
	ok(nt_stmt_is_null(a, 3), "nt_stmt_bind_null binds NULL");
	ok(isnan(nt_stmt_double(a, 3)), "a NULL column reads as NAN");
	is_int(nt_stmt_int(a, 3), 0, "... as 0 for integers");
	ok(nt_stmt_text(a, 3) == NULL, "... and as NULL for text");
	ok(!nt_stmt_is_null(a, 0), "a non-NULL column is not null");
	nt_stmt_reset(a);

	/* Errors: bad SQL, bad bind index, constraint. */
	nt_err_clear(&err);
	ok(nt_store_stmt(s, sql_bad, &err) == NULL, "bad SQL gives NULL");
	is_int(err.status, NT_ERR_DB, "... with NT_ERR_DB (%s)", err.msg);
	ok(nt_store_stmt(s, sql_bad, &err) == NULL, "and again (a failure is not cached)");
	a = nt_store_stmt(s, sql_select_param, &err);
	nt_stmt_bind_int(a, 5, 1); /* no parameter 5 */
	is_int(nt_stmt_step(a, &err), -1, "a failed bind is reported by the next step");
	is_int(err.status, NT_ERR_DB, "... as NT_ERR_DB (%s)", err.msg);
	a = nt_store_stmt(s, sql_select_param, &err);
	is_int(nt_stmt_step(a, &err), 1, "fetching again forgets the failed bind");
	nt_stmt_reset(a);

	a = nt_store_stmt(s, sql_meta_insert, &err);
	nt_stmt_bind_text(a, 1, "k");
	nt_stmt_bind_text(a, 2, "v");
	is_int(nt_stmt_run(a, &err), NT_OK, "insert runs");
	is_int(nt_store_changes(s), 1, "one row changed");
	a = nt_store_stmt(s, sql_meta_insert, &err);
	nt_stmt_bind_text(a, 1, "k");
	nt_stmt_bind_text(a, 2, "w");
	is_int(nt_stmt_run(a, &err), NT_ERR_INVALID, "a duplicate key is NT_ERR_INVALID");
	a = nt_store_stmt(s, sql_meta_insert, &err);
	nt_stmt_bind_text(a, 1, "k2");
	nt_stmt_bind_null(a, 2);
	is_int(nt_stmt_run(a, &err), NT_ERR_INVALID, "a NOT NULL violation is NT_ERR_INVALID");

	/* meta get/set. */
	is_int(nt_store_meta_get(s, "absent", buf, sizeof buf, &err), NT_ERR_NOTFOUND,
	       "meta_get of a missing key: NT_ERR_NOTFOUND");
	is_int(nt_store_meta_get(s, "absent", buf, sizeof buf, NULL), NT_ERR_NOTFOUND,
	       "... also with err NULL");
	is_int(nt_store_meta_set(s, "color", "blue", &err), NT_OK, "meta_set new key");
	is_int(nt_store_meta_get(s, "color", buf, sizeof buf, &err), NT_OK, "meta_get");
	is_str(buf, "blue", "value read back");
	is_int(nt_store_meta_set(s, "color", "green", NULL), NT_OK, "meta_set overwrites");
	nt_store_meta_get(s, "color", buf, sizeof buf, &err);
	is_str(buf, "green", "overwritten value read back");
	nt_store_meta_set(s, "long", "0123456789", NULL);
	is_int(nt_store_meta_get(s, "long", buf, sizeof buf, &err), NT_OK,
	       "meta_get into a small buffer");
	is_str(buf, "0123456", "... is truncated to fit (8 bytes with NUL)");
	is_int(nt_store_meta_set(s, "nullv", NULL, &err), NT_ERR_INVALID,
	       "meta_set with a NULL value is refused by NOT NULL");

	nt_store_close(s);
}

static void
test_default_path(void)
{
	char buf[256], small[16];
	struct nt_err err;

	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	setenv("HOME", "/home/someone", 1);
	is_int(nt_store_default_path(buf, sizeof buf, &err), NT_OK, "default path with XDG");
	is_str(buf, "/xdg/data/nutrack/nutrack.db", "$XDG_DATA_HOME/nutrack/nutrack.db");

	setenv("XDG_DATA_HOME", "relative/dir", 1);
	is_int(nt_store_default_path(buf, sizeof buf, &err), NT_OK, "relative XDG_DATA_HOME");
	is_str(buf, "/home/someone/.local/share/nutrack/nutrack.db",
	       "a relative XDG_DATA_HOME is ignored (HOME used)");

	setenv("XDG_DATA_HOME", "", 1);
	nt_store_default_path(buf, sizeof buf, &err);
	is_str(buf, "/home/someone/.local/share/nutrack/nutrack.db",
	       "an empty XDG_DATA_HOME is ignored");

	unsetenv("XDG_DATA_HOME");
	is_int(nt_store_default_path(buf, sizeof buf, &err), NT_OK, "default path with HOME");
	is_str(buf, "/home/someone/.local/share/nutrack/nutrack.db",
	       "$HOME/.local/share/nutrack/nutrack.db");

	is_int(nt_store_default_path(small, sizeof small, &err), NT_ERR_RANGE,
	       "a buffer too small gives NT_ERR_RANGE");

	unsetenv("HOME");
	is_int(nt_store_default_path(buf, sizeof buf, &err), NT_ERR_INVALID,
	       "neither HOME nor XDG_DATA_HOME: NT_ERR_INVALID");
	ok(err.msg[0] != '\0', "... with a message: %s", err.msg);
	setenv("HOME", "relative", 1);
	is_int(nt_store_default_path(buf, sizeof buf, &err), NT_ERR_INVALID,
	       "a relative HOME is not used either");
}

static void
collect(void *ctx, const char *problem)
{
	char *last = ctx;

	snprintf(last, 256, "%s", problem);
}

static const char sql_meta_count_all[] = "SELECT count(*) FROM meta";
static const char sql_fk_off[] = "PRAGMA foreign_keys = OFF";
static const char sql_orphan[] =
	"INSERT INTO entries(day, meal, food, amount, mg) VALUES ('2026-03-11', 0, 4242, 'x', 1)";

static void
test_check_backup(void)
{
	char live[512], copy[512], damaged[512], last[256] = "";
	struct nt_store *s, *c;
	struct nt_err err;
	struct stat sb;
	int problems = -1;
	char buf[64];

	path_in(live, sizeof live, "live.db");
	path_in(copy, sizeof copy, "copy.db");
	path_in(damaged, sizeof damaged, "damaged.db");
	if (nt_store_open(live, &s, &err))
		tap_bail("open: %s", err.msg);
	is_int(nt_store_check(s, collect, last, &problems, &err), NT_OK, "check runs");
	is_int(problems, 0, "a new database is sound");
	for (int i = 0; i < 200; i++) {
		char key[32];

		snprintf(key, sizeof key, "k%d", i);
		if (nt_store_meta_set(s, key, "a value long enough to fill some pages", &err))
			tap_bail("meta_set: %s", err.msg);
	}

	/* the copy: complete, private, standalone, and never over a file */
	is_int(nt_store_backup(s, copy, false, &err), NT_OK, "backup to a new file");
	ok(stat(copy, &sb) == 0 && (sb.st_mode & 0777) == 0600, "the copy is mode 0600");
	is_int(nt_store_backup(s, copy, false, &err), NT_ERR_INVALID, "an existing file is refused");
	ok(strstr(err.msg, "exists") != NULL, "and says so: %s", err.msg);
	is_int(nt_store_backup(s, live, true, &err), NT_ERR_INVALID,
	       "the database itself is refused, even with replace");
	is_int(nt_store_meta_set(s, "after", "1", &err), NT_OK, "a change after the backup");
	is_int(nt_store_backup(s, copy, true, &err), NT_OK, "replace overwrites");
	if (nt_store_open(copy, &c, &err))
		tap_bail("open copy: %s", err.msg);
	is_int(query_int(c, sql_meta_count_all), query_int(s, sql_meta_count_all),
	       "the copy has every row");
	is_int(nt_store_meta_get(c, "after", buf, sizeof buf, &err), NT_OK,
	       "including the change before the second backup");
	nt_store_close(c);

	/* a reference to a food that is not there */
	is_int(nt_store_exec(s, sql_fk_off, &err), NT_OK, "foreign keys off to break one");
	is_int(nt_store_exec(s, sql_orphan, &err), NT_OK, "an entry of a missing food");
	is_int(nt_store_check(s, collect, last, &problems, &err), NT_OK, "check runs");
	is_int(problems, 1, "one problem");
	is_str(last, "entries row 1 refers to a missing foods row", "named");
	nt_store_close(s);

	/* damaged pages: a copy with three pages of the middle overwritten */
	{
		FILE *in = fopen(copy, "rb"), *out = fopen(damaged, "wb");
		char page[4096];
		size_t n;
		int i = 0;

		if (!in || !out)
			tap_bail("copying");
		while ((n = fread(page, 1, sizeof page, in)) > 0) {
			if (i >= 3 && i < 6)
				memset(page, 0x5a, n);
			fwrite(page, 1, n, out);
			i++;
		}
		fclose(in);
		fclose(out);
	}
	if (nt_store_open(damaged, &c, &err) == NT_OK) {
		is_int(nt_store_check(c, collect, last, &problems, &err), NT_OK, "check runs");
		ok(problems > 0, "damaged pages are found (%d problems, last: %s)", problems, last);
		nt_store_close(c);
	} else {
		ok(err.status == NT_ERR_DB, "a damaged file is refused when opened: %s", err.msg);
		ok(1, "# nothing to check");
	}
}

/* ---- files nutrack has not proven its own are refused untouched ---- */

/* A file's bytes (NULL when there is no such file); *n its size. */
static char *
slurp_file(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long len;

	*n = 0;
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len + 1)) && fread(buf, 1, (size_t)len, fp) == (size_t)len)
		*n = (size_t)len;
	fclose(fp);
	return buf;
}

/* A database file and its three companions, as they were. */
struct snapshot {
	char path[512];
	char *bytes[4];
	size_t n[4];
};

static const char *const companions[] = {"", "-wal", "-shm", "-journal"};

static void
snap(struct snapshot *sn, const char *path)
{
	char p[600];

	snprintf(sn->path, sizeof sn->path, "%s", path);
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, companions[i]);
		sn->bytes[i] = slurp_file(p, &sn->n[i]);
	}
}

/* ok() when the file and its companions are byte for byte as they were. */
static void
untouched(struct snapshot *sn, const char *what)
{
	char p[600], why[200] = "";

	for (int i = 0; i < 4 && !why[0]; i++) {
		size_t n;
		char *now;

		snprintf(p, sizeof p, "%s%s", sn->path, companions[i]);
		now = slurp_file(p, &n);
		if (!now != !sn->bytes[i])
			snprintf(why, sizeof why, "%s%s %s", what, companions[i],
			         now ? "was made" : "is gone");
		else if (now && (n != sn->n[i] || memcmp(now, sn->bytes[i], n)))
			snprintf(why, sizeof why, "%s%s changed", what, companions[i]);
		free(now);
	}
	ok(!why[0], "%s: untouched (the file, and no -wal, -shm or -journal made or changed)%s%s",
	   what, why[0] ? ": " : "", why);
	for (int i = 0; i < 4; i++)
		free(sn->bytes[i]);
}

/* Runs SQL on a file with SQLite itself (the files other programs make). */
static sqlite3 *
raw_open(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		tap_bail("raw sql on %s: %s", path, msg ? msg : sqlite3_errmsg(db));
	return db;
}

static void
raw_sql(const char *path, const char *sql)
{
	sqlite3_close(raw_open(path, sql));
}

static void
copy_file(const char *from, const char *to)
{
	size_t n;
	char *b = slurp_file(from, &n);
	FILE *fp = fopen(to, "wb");

	if (!b || !fp || fwrite(b, 1, n, fp) != n)
		tap_bail("copying %s", from);
	fclose(fp);
	free(b);
}

/* Expects nt_store_open(path) to fail with st, its message holding `says`, and
 * the file and its companions untouched. */
static void
refused(const char *path, enum nt_status want, const char *says, const char *what)
{
	struct snapshot sn;
	struct nt_store *s = NULL;
	struct nt_err err;
	enum nt_status st;

	snap(&sn, path);
	st = nt_store_open(path, &s, &err);
	is_int(st, want, "%s: refused", what);
	ok(st != NT_OK && strstr(err.msg, says) != NULL, "... saying '%s': %s", says,
	   st ? err.msg : "(opened)");
	ok(s == NULL, "... *out not set");
	nt_store_close(s);
	untouched(&sn, what);
}

static void
test_untouched(void)
{
	char p[512], q[560], r[620];
	sqlite3 *hold;

	/* nutrack's application id, and no tables */
	path_in(p, sizeof p, "appid-only.db");
	raw_sql(p, "PRAGMA application_id = 1314157105; PRAGMA user_version = 2");
	refused(p, NT_ERR_DB, "7 of its 7 tables are missing", "nutrack's application id, no tables");

	/* schema version 2 and no tables, no application id */
	path_in(p, sizeof p, "version-only.db");
	raw_sql(p, "PRAGMA user_version = 2");
	refused(p, NT_ERR_DB, "another program", "user_version 2, no tables");

	/* nutrack's id in the file, its tables only in a log not checkpointed */
	path_in(p, sizeof p, "appid-wal.db");
	path_in(q, sizeof q, "live-appid.db");
	raw_sql(q, "PRAGMA application_id = 1314157105; PRAGMA user_version = 1");
	hold = raw_open(q, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
	                   "CREATE TABLE meta(k); INSERT INTO meta VALUES ('x')");
	copy_file(q, p);
	snprintf(r, sizeof r, "%s-wal", q);
	snprintf(q, sizeof q, "%s-wal", p);
	copy_file(r, q);
	sqlite3_close(hold);
	refused(p, NT_ERR_DB, "tables are missing", "nutrack's id, tables in a pending -wal");

	/* another application's WAL database with a pending -wal */
	path_in(p, sizeof p, "other-wal.db");
	path_in(q, sizeof q, "live-other.db");
	hold = raw_open(q, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
	                   "CREATE TABLE accounts(id, who); INSERT INTO accounts VALUES (1, 'x')");
	copy_file(q, p);
	snprintf(r, sizeof r, "%s-wal", q);
	snprintf(q, sizeof q, "%s-wal", p);
	copy_file(r, q);
	sqlite3_close(hold);
	refused(p, NT_ERR_DB, "another program", "another program's WAL database, -wal pending");

	/* a nutrack database with a hot rollback journal (a copy taken mid-transaction) */
	{
		struct nt_store *s;
		struct nt_err err;
		size_t n = 0;
		char *j;

		path_in(q, sizeof q, "live-hot.db");
		if (nt_store_open(q, &s, &err))
			tap_bail("open: %s", err.msg);
		nt_store_close(s);
		hold = raw_open(q, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
		                   "CREATE TABLE pad(x); BEGIN;"
		                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
		                   " WHERE i < 200) INSERT INTO pad SELECT randomblob(900) FROM n");
		path_in(p, sizeof p, "hot.db");
		copy_file(q, p);
		snprintf(r, sizeof r, "%s-journal", q);
		snprintf(q, sizeof q, "%s-journal", p);
		j = slurp_file(r, &n);
		if (j && n > 0)
			copy_file(r, q);
		free(j);
		sqlite3_exec(hold, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(hold);
		ok(n > 0, "a hot journal was made (%zu bytes)", n);
		refused(p, NT_ERR_DB, "cut short", "a database with a hot rollback journal");
	}

	/* an empty file of someone else's, reached through a symbolic link */
	if (geteuid() == 0) {
		int fd;

		path_in(p, sizeof p, "theirs.db");
		path_in(q, sizeof q, "link-to-theirs.db");
		if ((fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0 || fchown(fd, 65534, 65534))
			tap_bail("making %s", p);
		close(fd);
		if (symlink(p, q))
			tap_bail("symlink");
		refused(q, NT_ERR_IO, "belongs to another user", "an empty file of another user's");
		{
			struct snapshot sn;

			snap(&sn, p);
			untouched(&sn, "... the file the link points to");
		}
	} else {
		ok(1, "# SKIP an empty file of another user's: needs root to chown");
	}

	/* two names for one file */
	{
		struct nt_store *s;
		struct nt_err err;

		path_in(p, sizeof p, "linked.db");
		path_in(q, sizeof q, "linked-2.db");
		if (nt_store_open(p, &s, &err))
			tap_bail("open: %s", err.msg);
		nt_store_close(s);
		if (link(p, q))
			tap_bail("link");
		refused(p, NT_ERR_IO, "2 names (hard links)", "a database with a hard link");
		unlink(q);
		is_int(nt_store_open(p, &s, &err), NT_OK, "with one name again it opens");
		nt_store_close(s);
	}
}

/* ---- creating: through a dangling link, over an empty file, racing ---- */

static int
mode_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 07777) : -1;
}

static void
test_create_links(void)
{
	char link_path[512], real[512], dir[512], p[600], q[600];
	struct nt_store *s;
	struct nt_err err;
	struct stat sb;

	umask(022);
	path_in(dir, sizeof dir, "real");
	path_in(real, sizeof real, "real/target.db");
	path_in(link_path, sizeof link_path, "link.db");
	if (mkdir(dir, 0700) || symlink("real/target.db", link_path))
		tap_bail("making the link");
	is_int(nt_store_open(link_path, &s, &err), NT_OK, "a dangling link: the database is made");
	ok(lstat(link_path, &sb) == 0 && S_ISLNK(sb.st_mode), "... the link stays a link");
	is_int(mode_of(real), 0600, "... the file it points to is made, mode 0600 (umask 022)");
	is_int(nt_store_meta_set(s, "k", "v", &err), NT_OK, "a write");
	snprintf(p, sizeof p, "%s-wal", real);
	is_int(mode_of(p), 0600, "... its -wal is mode 0600");
	snprintf(p, sizeof p, "%s-shm", real);
	is_int(mode_of(p), 0600, "... its -shm is mode 0600");

	/* the output guard knows the real names, existing or not */
	snprintf(p, sizeof p, "%s-wal", real);
	ok(nt_store_is_own_file(s, p), "the real -wal is the database's own");
	snprintf(p, sizeof p, "%s-shm", real);
	ok(nt_store_is_own_file(s, p), "the real -shm too");
	snprintf(p, sizeof p, "%s-journal", real);
	ok(access(p, F_OK) != 0 && nt_store_is_own_file(s, p), "and the -journal, not there now");
	ok(nt_store_is_own_file(s, real) && nt_store_is_own_file(s, link_path),
	   "the file itself, by either name");
	path_in(q, sizeof q, "to-wal");
	snprintf(p, sizeof p, "%s-wal", real);
	if (symlink(p, q))
		tap_bail("symlink");
	ok(nt_store_is_own_file(s, q), "a link to the -wal");
	path_in(p, sizeof p, "real/../real/target.db-journal");
	ok(nt_store_is_own_file(s, p), "the -journal by a roundabout name");
	path_in(p, sizeof p, "real/export.csv");
	ok(!nt_store_is_own_file(s, p), "another file beside it is not");
	snprintf(p, sizeof p, "%s-journal", real);
	is_int(nt_store_backup(s, p, true, &err), NT_ERR_INVALID, "backup onto the -journal: refused");
	ok(access(p, F_OK) != 0, "... nothing written there");
	nt_store_close(s);

	/* an empty file of ours is a new database */
	path_in(p, sizeof p, "empty.db");
	{
		int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0644);

		if (fd < 0)
			tap_bail("making %s", p);
		close(fd);
	}
	is_int(nt_store_open(p, &s, &err), NT_OK, "an empty file of ours: made a database");
	is_int(query_int(s, sql_n_tables), 7, "... with its tables");
	is_int(mode_of(p), 0600, "... mode 0600");
	nt_store_close(s);

	/* the temporary file of a creation that died goes; a live one stays */
	path_in(p, sizeof p, ".swept.db.AbC123");
	path_in(q, sizeof q, ".swept.db.Live12");
	{
		int dead = open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
		int live = open(q, O_WRONLY | O_CREAT | O_EXCL, 0600);

		if (dead < 0 || live < 0 || flock(live, LOCK_EX))
			tap_bail("making temporary files");
		close(dead);
		path_in(real, sizeof real, "swept.db");
		is_int(nt_store_open(real, &s, &err), NT_OK, "a new database beside old temporary files");
		nt_store_close(s);
		ok(access(p, F_OK) != 0, "a dead creation's temporary file is removed");
		ok(access(q, F_OK) == 0, "a live one (locked) is left");
		close(live);
	}
}

static const char *counter_path;

/* An init that counts its runs in a file and takes its time. */
static enum nt_status
count_init(struct nt_store *s, void *ctx, struct nt_err *err)
{
	int fd = open(counter_path, O_WRONLY | O_CREAT | O_APPEND, 0600);

	(void)ctx;
	if (fd < 0 || write(fd, "x", 1) != 1)
		return nt_err_set(err, NT_ERR_IO, "counter");
	close(fd);
	usleep(100000);
	return nt_store_meta_set(s, "made", "1", err);
}

static enum nt_status
failing_init(struct nt_store *s, void *ctx, struct nt_err *err)
{
	(void)s;
	(void)ctx;
	return nt_err_set(err, NT_ERR_NODATA, "no data here");
}

static void
test_create_race(void)
{
	char db[512], counter[512], dir[512];
	struct nt_store *s;
	struct nt_err err;
	int procs = 8, good = 0;

	path_in(dir, sizeof dir, "race");
	path_in(db, sizeof db, "race/nutrack.db");
	path_in(counter, sizeof counter, "race-counter");
	counter_path = counter;
	for (int i = 0; i < procs; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			char key[32];
			int rc = 1;

			snprintf(key, sizeof key, "child-%d", i);
			if (nt_store_open_init(db, count_init, NULL, &s, &err) == NT_OK) {
				rc = nt_store_meta_set(s, key, "here", &err) != NT_OK;
				nt_store_close(s);
			}
			_exit(rc);
		}
	}
	for (int i = 0; i < procs; i++) {
		int status;

		if (wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			good++;
	}
	is_int(good, procs, "%d processes open one new database at once: all succeed", procs);
	{
		struct stat sb;

		is_int(stat(counter, &sb) == 0 ? (long long)sb.st_size : -1, 1,
		       "... and it was built once (under the lock)");
	}
	if (nt_store_open(db, &s, &err))
		tap_bail("open: %s", err.msg);
	is_int(query_int(s, "SELECT count(*) FROM meta WHERE key LIKE 'child-%'"), procs,
	       "every process's write is in it");
	is_int(query_int(s, "SELECT count(*) FROM meta WHERE key = 'made'"), 1,
	       "with what init wrote");
	nt_store_close(s);
	{
		DIR *d = opendir(dir);
		struct dirent *e;
		int others = 0;

		while (d && (e = readdir(d)))
			others += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
			          strcmp(e->d_name, "nutrack.db");
		if (d)
			closedir(d);
		is_int(others, 0, "no temporary file is left beside it");
	}

	/* a creation that fails leaves nothing */
	path_in(db, sizeof db, "fails/nutrack.db");
	is_int(nt_store_open_init(db, failing_init, NULL, &s, &err), NT_ERR_NODATA,
	       "init fails: the open fails");
	path_in(dir, sizeof dir, "fails");
	{
		DIR *d = opendir(dir);
		struct dirent *e;
		int n = 0;

		while (d && (e = readdir(d)))
			n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
		if (d)
			closedir(d);
		is_int(n, 0, "... and its directory is empty");
	}
}

/* ---- check notices what is missing ---- */

static void
collect_all(void *ctx, const char *problem)
{
	char *all = ctx;
	size_t len = strlen(all);

	snprintf(all + len, 512 - len, "%s%s", len ? "; " : "", problem);
}

static void
test_check_schema(void)
{
	char db[512], all[512] = "";
	struct nt_store *s;
	struct nt_err err;
	int problems = -1;

	path_in(db, sizeof db, "dropped.db");
	if (nt_store_open(db, &s, &err))
		tap_bail("open: %s", err.msg);
	nt_store_close(s);
	raw_sql(db, "DROP TABLE labs; DROP TRIGGER foods_ai");
	is_int(nt_store_open(db, &s, &err), NT_OK, "a database missing a table still opens");
	is_int(nt_store_check(s, collect_all, all, &problems, &err), NT_OK, "check runs");
	is_int(problems, 2, "two problems");
	is_str(all, "the trigger foods_ai is missing; the table labs is missing",
	       "the missing trigger and table named");
	nt_store_close(s);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/nt-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpdir))
		tap_bail("mkdtemp: %s", strerror(errno));
	atexit(cleanup);

	test_open_new();
	test_reopen();
	test_refuse();
	test_memory();
	test_transactions();
	test_statements();
	test_stmt_stable();
	test_default_path();
	test_check_backup();
	test_untouched();
	test_create_links();
	test_create_race();
	test_check_schema();
	return tap_done();
}
