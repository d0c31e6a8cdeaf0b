/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c - SQLite connection, schema, transactions and the statement cache. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"

/* 'NTr1' (1314157105): marks a file as a nutrack database. */
#define NT_APPLICATION_ID 1314157105

#define STR_(x) #x
#define STR(x) STR_(x)

struct nt_stmt {
	const char *sql; /* cache key: the caller's literal */
	sqlite3_stmt *st;
	int bind_rc;
	const char *path; /* the store's, for messages */
};

/*
 * How long a writer waits for another's transaction before giving up: the
 * merge of a very large import (hundreds of thousands of foods) holds the
 * lock for seconds, and a command that waits is better than one that fails.
 */
#define NT_STORE_BUSY_MS 30000

struct nt_store {
	sqlite3 *db;
	void (*trace)(void *ctx, const char *sql);
	void *trace_ctx;
	char *path;  /* as given, for messages */
	char *real;  /* the file SQLite opened (links followed); NULL in memory */
	struct nt_stmt **stmts; /* each allocated once: handed-out pointers stay valid */
	size_t n_stmts, cap_stmts;
	int tx_depth;
};

/* Keep the full-text index in step with the foods table. */
#define FTS_TRIGGERS \
	"CREATE TRIGGER foods_ai AFTER INSERT ON foods BEGIN" \
	"  INSERT INTO food_fts(rowid, name, also, keywords, grp)" \
	"  VALUES (new.id, new.name, new.also, new.keywords, new.grp); END;" \
	"CREATE TRIGGER foods_ad AFTER DELETE ON foods BEGIN" \
	"  INSERT INTO food_fts(food_fts, rowid, name, also, keywords, grp)" \
	"  VALUES ('delete', old.id, old.name, old.also, old.keywords, old.grp); END;" \
	"CREATE TRIGGER foods_au AFTER UPDATE OF name, also, keywords, grp ON foods BEGIN" \
	"  INSERT INTO food_fts(food_fts, rowid, name, also, keywords, grp)" \
	"  VALUES ('delete', old.id, old.name, old.also, old.keywords, old.grp);" \
	"  INSERT INTO food_fts(rowid, name, also, keywords, grp)" \
	"  VALUES (new.id, new.name, new.also, new.keywords, new.grp); END;"

/*
 * A food's everyday portion, for top (nt_report_top): USDA's serving or
 * FNDDS's "quantity not specified" of at most 500 g, else its first portion
 * of at most 250 g.  Kept in the table everyday_portion by triggers on
 * portions (a bulk load drops them and fills the table once at the end), so
 * that top reads one row per food instead of searching its portions.
 */
#define EVERYDAY_SEQ(food)                                                          \
	"coalesce((SELECT min(seq) FROM portions WHERE food = " food " AND grams <= 500" \
	"  AND (unit LIKE 'Quantity not specified%' OR unit LIKE '%serving%')),"        \
	" (SELECT min(seq) FROM portions WHERE food = " food " AND grams <= 250))"
#define EVERYDAY_SET(food)                                                           \
	"DELETE FROM everyday_portion WHERE food = " food ";"                         \
	"INSERT INTO everyday_portion(food, seq, grams) SELECT p.food, p.seq, p.grams" \
	" FROM foods f JOIN portions p ON p.food = f.id AND p.seq = " EVERYDAY_SEQ("f.id") \
	" WHERE f.id = " food ";"
#define EVERYDAY_TRIGGERS \
	"CREATE TRIGGER portions_everyday_ai AFTER INSERT ON portions BEGIN " \
	EVERYDAY_SET("new.food") " END;" \
	"CREATE TRIGGER portions_everyday_ad AFTER DELETE ON portions BEGIN " \
	EVERYDAY_SET("old.food") " END;" \
	"CREATE TRIGGER portions_everyday_au AFTER UPDATE ON portions BEGIN " \
	EVERYDAY_SET("old.food") EVERYDAY_SET("new.food") " END;"
#define EVERYDAY_FILL \
	"DELETE FROM everyday_portion;" \
	"INSERT INTO everyday_portion(food, seq, grams) SELECT p.food, p.seq, p.grams" \
	" FROM foods f JOIN portions p ON p.food = f.id AND p.seq = " EVERYDAY_SEQ("f.id") ";"
#define EVERYDAY_DROP \
	"DROP TRIGGER portions_everyday_ai; DROP TRIGGER portions_everyday_ad;" \
	"DROP TRIGGER portions_everyday_au;"

/* Each entry upgrades the schema from version i to i + 1. */
static const char *const migrations[NT_SCHEMA_VERSION] = {
	/* 0 -> 1 */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE foods("
	"  id INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL,"        /* sr28, fndds, label, custom */
	"  code TEXT NOT NULL,"          /* USDA's id within the source */
	"  name TEXT NOT NULL,"
	"  grp TEXT NOT NULL DEFAULT '',"
	"  also TEXT NOT NULL DEFAULT '',"
	"  keywords TEXT NOT NULL DEFAULT '',"
	"  ala_estimated INTEGER NOT NULL DEFAULT 0,"
	"  energy_kcal REAL, protein_g REAL, b12_ug REAL, b12_added_ug REAL,"
	"  ala_g REAL, epa_g REAL, dha_g REAL, dpa_g REAL, potassium_mg REAL,"
	"  UNIQUE(source, code));"
	"CREATE INDEX foods_code ON foods(code);"
	"CREATE TABLE portions("
	"  food INTEGER NOT NULL REFERENCES foods(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  amount REAL NOT NULL CHECK(amount > 0),"
	"  unit TEXT NOT NULL,"
	"  grams REAL NOT NULL CHECK(grams > 0),"
	"  PRIMARY KEY(food, seq)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE food_fts USING fts5(name, also, keywords, grp,"
	"  content='foods', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
	FTS_TRIGGERS
	"CREATE TABLE targets("
	"  nutrient TEXT NOT NULL, sex TEXT NOT NULL, stage TEXT NOT NULL,"
	"  age_min REAL NOT NULL, age_max REAL NOT NULL, type TEXT NOT NULL,"
	"  value REAL NOT NULL, source TEXT NOT NULL);"
	"CREATE TABLE profile("
	"  id INTEGER PRIMARY KEY CHECK(id = 1),"
	"  sex TEXT NOT NULL, age REAL NOT NULL, stage TEXT NOT NULL, diet TEXT NOT NULL);"
	"CREATE TABLE entries("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT," /* never reuse an entry number */
	"  day TEXT NOT NULL CHECK(length(day) = 10),"
	"  meal INTEGER NOT NULL CHECK(meal BETWEEN 0 AND 3),"
	"  food INTEGER NOT NULL REFERENCES foods(id),"
	"  amount TEXT NOT NULL,"
	"  mg INTEGER NOT NULL CHECK(mg > 0),"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX entries_day ON entries(day, meal, id);"
	"CREATE INDEX entries_food ON entries(food);",

	/* 1 -> 2: diets, planned entries, suggestions */
	"ALTER TABLE foods ADD COLUMN contains INTEGER NOT NULL DEFAULT 0;" /* NT_TAG_* */
	"ALTER TABLE entries ADD COLUMN planned INTEGER NOT NULL DEFAULT 0"
	"  CHECK(planned IN (0, 1));"
	"CREATE TABLE food_tags("         /* the user's corrections of contains */
	"  food INTEGER PRIMARY KEY REFERENCES foods(id) ON DELETE CASCADE,"
	"  contains INTEGER NOT NULL);"
	"CREATE TABLE exclusions("        /* allergies and dislikes */
	"  id INTEGER PRIMARY KEY,"
	"  food INTEGER REFERENCES foods(id) ON DELETE CASCADE,"
	"  grp TEXT, word TEXT,"
	"  CHECK((food IS NOT NULL) + (grp IS NOT NULL) + (word IS NOT NULL) = 1));"
	"CREATE TABLE staples("           /* everyday foods that close a gap */
	"  nutrient TEXT NOT NULL,"
	"  food INTEGER NOT NULL REFERENCES foods(id) ON DELETE CASCADE,"
	"  diets INTEGER NOT NULL, portion_seq INTEGER NOT NULL, note TEXT NOT NULL);"
	"ALTER TABLE foods ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;" /* lower bounds */
	"CREATE TABLE recipes("           /* a recipe is a food made of foods */
	"  food INTEGER PRIMARY KEY REFERENCES foods(id) ON DELETE CASCADE,"
	"  servings REAL NOT NULL CHECK(servings > 0));"
	"CREATE TABLE recipe_items("
	"  id INTEGER PRIMARY KEY,"
	"  recipe INTEGER NOT NULL REFERENCES recipes(food) ON DELETE CASCADE,"
	"  food INTEGER NOT NULL REFERENCES foods(id),"
	"  amount TEXT NOT NULL, mg INTEGER NOT NULL CHECK(mg > 0));"
	"CREATE INDEX recipe_items_recipe ON recipe_items(recipe);"
	"CREATE INDEX recipe_items_food ON recipe_items(food);"
	"CREATE TABLE labs("              /* blood tests beside the intake history */
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL CHECK(length(day) = 10),"
	"  kind TEXT NOT NULL CHECK(kind IN ('b12', 'homocysteine', 'mma')),"
	"  value REAL NOT NULL CHECK(value > 0),"  /* in the kind's canonical unit */
	"  unit TEXT NOT NULL);"                  /* the unit the user gave */
	/* the bundled data gains columns: load it again */
	"DELETE FROM meta WHERE key = 'data_version';",

	/* 2 -> 3 (issue 9): food classes (category.h); -1 until nt_category_refresh
	 * works them out */
	"ALTER TABLE foods ADD COLUMN class INTEGER NOT NULL DEFAULT -1;"
	"CREATE INDEX foods_unclassified ON foods(id) WHERE class < 0;",

	/* 3 -> 4 (issue 10): SR28 foods that FNDDS 2021-2023 gives anew */
	"CREATE TABLE superseded("
	"  food INTEGER PRIMARY KEY REFERENCES foods(id) ON DELETE CASCADE,"
	"  current INTEGER NOT NULL REFERENCES foods(id) ON DELETE CASCADE,"
	"  reason TEXT NOT NULL);"
	"CREATE INDEX superseded_current ON superseded(current);"
	"CREATE TABLE everyday_portion("    /* top's portion of each food */
	"  food INTEGER PRIMARY KEY REFERENCES foods(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, grams REAL NOT NULL);"
	EVERYDAY_TRIGGERS
	EVERYDAY_FILL
	/* the bundled data gains a file: load it again */
	"DELETE FROM meta WHERE key = 'data_version';",

	/* 4 -> 5 (issue 14): foods imported from another tracker's export that
	 * gave no weight keep their values per one `basis` unit ("cup",
	 * "meal"), stored as if that unit weighed 1 g; NULL: per 100 g. */
	"ALTER TABLE foods ADD COLUMN basis TEXT;",

	/* 5 -> 6 (issue 10): body size and activity for the energy requirement;
	 * the planner's everyday meal foods (data/plan_foods.csv) */
	"ALTER TABLE profile ADD COLUMN height_cm REAL;"   /* NULL: the IOM reference */
	"ALTER TABLE profile ADD COLUMN weight_kg REAL;"
	"ALTER TABLE profile ADD COLUMN activity TEXT;"    /* NULL: low active */
	"CREATE TABLE plan_foods("
	"  food INTEGER PRIMARY KEY REFERENCES foods(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL,"           /* cereal, bread, milk, protein, ... */
	"  meals INTEGER NOT NULL,"       /* bits 1 << NT_BREAKFAST ... */
	"  portion_seq INTEGER NOT NULL," /* the usual household portion */
	"  step REAL NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL);" /* in portions */
	/* protein targets and the plan foods are new bundled data: load it again */
	"DELETE FROM meta WHERE key = 'data_version';",

	/* 6 -> 7 (issue 13): dated targets.  The profile has versions, each in
	 * force from a day (a day number, date.h) until the next; the one
	 * profile there was becomes a version from 1900-01-01, the first day
	 * nutrack keeps (day -25567), so every old day keeps its judgement.
	 * The user's own targets and upper limits per measure, dated the same
	 * way: a row holds the setting from its day on (NULL minimum: the DRI
	 * target; NULL maximum: no limit). */
	"CREATE TABLE profile_versions("
	"  from_day INTEGER PRIMARY KEY,"
	"  sex TEXT NOT NULL, age REAL NOT NULL, stage TEXT NOT NULL, diet TEXT NOT NULL,"
	"  height_cm REAL, weight_kg REAL, activity TEXT);"
	"INSERT INTO profile_versions(from_day, sex, age, stage, diet, height_cm, weight_kg,"
	"  activity) SELECT -25567, sex, age, stage, diet, height_cm, weight_kg, activity"
	"  FROM profile;"
	"DELETE FROM profile;" /* kept empty: profile_versions holds the profile */
	"CREATE TABLE target_settings("
	"  nutrient TEXT NOT NULL, from_day INTEGER NOT NULL,"
	"  min REAL CHECK(min >= 0), max REAL CHECK(max >= 0),"
	"  PRIMARY KEY(nutrient, from_day)) WITHOUT ROWID;",

	/* 7 -> 8 (issue 12): folate, as dietary folate equivalents and its two
	 * parts, and vitamin B6 (nutrient.h's rows after potassium) */
	"ALTER TABLE foods ADD COLUMN folate_dfe_ug REAL;"
	"ALTER TABLE foods ADD COLUMN folic_acid_ug REAL;"
	"ALTER TABLE foods ADD COLUMN food_folate_ug REAL;"
	"ALTER TABLE foods ADD COLUMN b6_mg REAL;"
	/* the bundled data gains columns and targets: load it again */
	"DELETE FROM meta WHERE key = 'data_version';",
};

/* The directory part of path into buf: "." when there is none. */
static void
dir_of(const char *path, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(buf, n, ".");
	else if (slash == path)
		snprintf(buf, n, "/");
	else
		snprintf(buf, n, "%.*s", (int)(slash - path), path);
}

/* Whether path lies on a file system mounted read-only (sys: the errno seen). */
static bool
on_read_only_fs(const char *path, int sys)
{
	char dir[PATH_MAX];
	struct statvfs vfs;

	if (sys == EROFS)
		return true;
	dir_of(path, dir, sizeof dir);
	return statvfs(dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
}

/*
 * One line saying what went wrong with the database file and what to do:
 * damage, a file or directory nutrack may not write, a read-only file
 * system, a full disk (with the system's reason for an I/O error), else
 * `what` failed and SQLite's words.
 */
static enum nt_status
describe(sqlite3 *db, const char *path, int rc, struct nt_err *err, const char *what)
{
	int prim = rc & 0xff, sys = db ? sqlite3_system_errno(db) : 0;
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	enum nt_status st = NT_ERR_DB;

	if (sys == ENOSPC || sys == EDQUOT || prim == SQLITE_FULL)
		return nt_err_set(err, NT_ERR_IO, "%s: disk full (%s); nothing was changed",
		                  path, sys ? strerror(sys) : msg);
	if ((prim == SQLITE_READONLY || prim == SQLITE_CANTOPEN || prim == SQLITE_IOERR) &&
	    on_read_only_fs(path, sys))
		return nt_err_set(err, NT_ERR_IO, "%s: the file system is read-only; nutrack "
		                  "needs to write the database and the -wal and -shm files beside "
		                  "it", path);
	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		st = NT_ERR_BUSY;
		break;
	case SQLITE_NOMEM:
		st = NT_ERR_NOMEM;
		break;
	case SQLITE_NOTADB:
		return nt_err_set(err, NT_ERR_DB, "%s: not a nutrack database (%s)", path,
		                  sqlite3_errstr(rc));
	case SQLITE_CORRUPT:
		return nt_err_set(err, NT_ERR_DB, "%s: the database is damaged (%s); restore a "
		                  "backup", path, msg);
	case SQLITE_READONLY:
		return nt_err_set(err, NT_ERR_IO, "%s: cannot write the database (%s); nutrack "
		                  "needs to write the file and the directory it is in", path, msg);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		if (sys)
			return nt_err_set(err, NT_ERR_IO, "%s: %s: %s (%s)", path, what, msg,
			                  strerror(sys));
		st = NT_ERR_IO;
		break;
	}
	return nt_err_set(err, st, "%s: %s: %s", path, what, msg);
}

static enum nt_status
db_error(struct nt_store *s, int rc, struct nt_err *err, const char *what)
{
	return describe(s->db, s->path, rc, err, what);
}

enum nt_status
nt_store_default_path(char *buf, size_t n, struct nt_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int len;

	/* The XDG spec says a relative XDG_DATA_HOME is invalid: ignore it. */
	if (xdg && xdg[0] == '/')
		len = snprintf(buf, n, "%s/nutrack/nutrack.db", xdg);
	else if (home && home[0] == '/')
		len = snprintf(buf, n, "%s/.local/share/nutrack/nutrack.db", home);
	else
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot find a place for the database: set HOME, "
		                  "XDG_DATA_HOME, NUTRACK_DB or use --db FILE");
	if (len < 0 || (size_t)len >= n)
		return nt_err_set(err, NT_ERR_RANGE, "database path is too long");
	return NT_OK;
}

/* ---- opening: nutrack writes only to a file it has proven to be its own ---- */

/* mkdir -p for the directories above `path`, each new one mode 0700. */
static enum nt_status
make_parents(const char *path, struct nt_err *err)
{
	char dir[PATH_MAX];
	size_t len = strlen(path);

	if (len >= sizeof dir)
		return nt_err_set(err, NT_ERR_RANGE, "%s: path is too long", path);
	memcpy(dir, path, len + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return nt_err_set(err, NT_ERR_IO, "cannot create directory %s: %s%s",
			                  dir, strerror(errno),
			                  errno == EROFS ? " (a read-only file system)" : "");
		*p = '/';
	}
	return NT_OK;
}

/*
 * The file the database is: `path` with its symbolic links followed.  A
 * dangling link names the file to create (so the new database is made
 * there, mode 0600, and the link stays a link).  Returns a new string, or
 * NULL with err set.
 */
static char *
resolve_target(const char *path, struct nt_err *err)
{
	char cur[PATH_MAX], link[PATH_MAX], dir[PATH_MAX];
	char *real = realpath(path, NULL);
	int hops;

	if (real)
		return real;
	if (errno != ENOENT) {
		nt_err_set(err, errno == ENOMEM ? NT_ERR_NOMEM : NT_ERR_IO, "cannot %s %s: %s",
		           errno == ENOTDIR ? "create" : "open", path, strerror(errno));
		return NULL;
	}
	if (strlen(path) >= sizeof cur) {
		nt_err_set(err, NT_ERR_RANGE, "%s: path is too long", path);
		return NULL;
	}
	snprintf(cur, sizeof cur, "%s", path);
	for (hops = 0; hops < 40; hops++) {
		struct stat lsb;
		ssize_t n;

		if (lstat(cur, &lsb) != 0 || !S_ISLNK(lsb.st_mode))
			break; /* missing (or a missing directory above it): made here */
		if ((n = readlink(cur, link, sizeof link - 1)) <= 0)
			break;
		link[n] = '\0';
		if (link[0] == '/') {
			snprintf(cur, sizeof cur, "%s", link);
		} else {
			dir_of(cur, dir, sizeof dir);
			if ((size_t)snprintf(cur, sizeof cur, "%s/%s", dir, link) >= sizeof cur) {
				nt_err_set(err, NT_ERR_RANGE, "%s: the link's target path is too long",
				           path);
				return NULL;
			}
		}
	}
	if (hops == 40) {
		nt_err_set(err, NT_ERR_IO, "%s: %s", path, strerror(ELOOP));
		return NULL;
	}
	if (!(real = strdup(cur)))
		nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return real;
}

/* What the file at the target was found to be, before SQLite saw it. */
struct seen {
	bool exists;  /* a regular file of ours, one name */
	bool empty;   /* ... of 0 bytes: nothing to lose, made a database */
	dev_t dev;
	ino_t ino;
};

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | (unsigned long)p[3];
}

/* The size of target + suffix, -1 when there is no such file. */
static long long
side_size(const char *target, const char *suffix)
{
	char name[PATH_MAX + 16];
	struct stat sb;

	snprintf(name, sizeof name, "%s%s", target, suffix);
	return stat(name, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Whether target-journal is a rollback journal with a transaction to undo. */
static bool
hot_journal(const char *target)
{
	static const unsigned char magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
	unsigned char h[8];
	char name[PATH_MAX + 16];
	int fd;
	bool hot;

	snprintf(name, sizeof name, "%s-journal", target);
	if ((fd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) < 0)
		return false;
	hot = read(fd, h, sizeof h) == (ssize_t)sizeof h && !memcmp(h, magic, sizeof magic);
	close(fd);
	return hot;
}

/*
 * Looks at the target with plain reads, before SQLite opens it (SQLite
 * would make -wal and -shm files, roll back a journal or checkpoint a
 * write-ahead log of whatever file it is given): a regular file of ours
 * with one name, and either empty or an SQLite file carrying nutrack's
 * application id and a schema version this nutrack knows.  A file that
 * is not, is refused with its bytes and companions as they were.
 */
static enum nt_status
inspect(const char *path, const char *target, struct seen *out, struct nt_err *err)
{
	unsigned char h[100];
	struct stat sb;
	ssize_t n;
	long version;
	int fd;

	memset(out, 0, sizeof *out);
	if (stat(target, &sb) != 0) {
		if (errno != ENOENT)
			return nt_err_set(err, NT_ERR_IO, "%s: %s", path, strerror(errno));
		/* none yet: but a log or journal left by a vanished database would be
		 * played into the new one */
		if (side_size(target, "-wal") > 0 || hot_journal(target))
			return nt_err_set(err, NT_ERR_DB, "%s: there is no database, but a %s file of "
			                  "one is left beside it; move it away first", path,
			                  side_size(target, "-wal") > 0 ? "-wal" : "-journal");
		return NT_OK;
	}
	/* A directory, a device or a pipe: SQLite's own error would be unclear, and
	 * it could leave a journal beside it (/dev/null-journal). */
	if (!S_ISREG(sb.st_mode))
		return nt_err_set(err, NT_ERR_IO, "%s: not a regular file (%s); give a database file",
		                  path, S_ISDIR(sb.st_mode) ? "a directory"
		                                            : "a device, pipe or socket");
	if (sb.st_uid != geteuid())
		return nt_err_set(err, NT_ERR_IO, "%s: the file belongs to another user (uid %lu); "
		                  "nutrack opens only your own database", path,
		                  (unsigned long)sb.st_uid);
	/* SQLite finds the -wal and -shm by name: two names for one file would
	 * give two logs, and entries written through one would be lost. */
	if (sb.st_nlink > 1)
		return nt_err_set(err, NT_ERR_IO, "%s: the file has %lu names (hard links); used "
		                  "through two names at once it would lose entries: keep one name "
		                  "(copy the file, do not link it)", path,
		                  (unsigned long)sb.st_nlink);
	out->exists = true;
	out->dev = sb.st_dev;
	out->ino = sb.st_ino;
	if (sb.st_size == 0) {
		if (side_size(target, "-wal") > 0 || hot_journal(target))
			return nt_err_set(err, NT_ERR_DB, "%s: not a nutrack database (an empty file "
			                  "with a %s file of another program); refusing to touch it",
			                  path, side_size(target, "-wal") > 0 ? "-wal" : "-journal");
		out->empty = true;
		return NT_OK;
	}
	if ((fd = open(target, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return nt_err_set(err, NT_ERR_IO, "%s: cannot read the database: %s", path,
		                  strerror(errno));
	n = pread(fd, h, sizeof h, 0);
	close(fd);
	if (n < 16 || memcmp(h, "SQLite format 3", 16) != 0)
		return nt_err_set(err, NT_ERR_DB, "%s: not a nutrack database (not an SQLite "
		                  "file); refusing to touch it", path);
	if (n < (ssize_t)sizeof h)
		return nt_err_set(err, NT_ERR_DB, "%s: the database is damaged (it ends inside "
		                  "its header); restore a backup", path);
	if (be32(h + 68) != NT_APPLICATION_ID)
		return nt_err_set(err, NT_ERR_DB, "%s: not a nutrack database (an SQLite file "
		                  "of another program); refusing to touch it", path);
	version = (long)(int32_t)be32(h + 60);
	if (version > NT_SCHEMA_VERSION)
		return nt_err_set(err, NT_ERR_VERSION,
		                  "%s: database schema version %ld was made by a newer "
		                  "nutrack (this one knows up to %d); upgrade nutrack",
		                  path, version, NT_SCHEMA_VERSION);
	if (version < 1)
		return nt_err_set(err, NT_ERR_DB, "%s: the database is damaged (schema version "
		                  "%ld); restore a backup", path, version);
	/* a hot journal: another program's transaction was cut short.  Rolling
	 * it back is SQLite's business (sqlite3 FILE 'PRAGMA quick_check'), not
	 * something nutrack does to a file it cannot vouch for. */
	if (hot_journal(target))
		return nt_err_set(err, NT_ERR_DB, "%s: a transaction cut short waits in %s-journal; "
		                  "nutrack leaves both alone (let sqlite3 recover the file, or "
		                  "restore a backup)", path, target);
	return NT_OK;
}

/* "file:" + path with %, ? and # escaped, + query: a URI SQLite reads as path. */
static char *
file_uri(const char *path, const char *query)
{
	size_t len = strlen(path), o = 5;
	char *u = malloc(5 + 3 * len + strlen(query) + 1);

	if (!u)
		return NULL;
	memcpy(u, "file:", 5);
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#') {
			o += (size_t)sprintf(u + o, "%%%02X", (unsigned char)*p);
		} else {
			u[o++] = *p;
		}
	}
	strcpy(u + o, query);
	return u;
}

/* The tables every schema version has, from the first migration. */
static const char sql_core_tables[] =
	"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
	" ('meta', 'foods', 'portions', 'food_fts', 'targets', 'profile', 'entries')";
#define N_CORE_TABLES 7

/*
 * Reads the schema of a file that claims to be nutrack's, read-only.  A
 * nutrack database has its tables in the file itself (made there before
 * any log existed), so a file alone (no -wal and -shm beside it) is read
 * as an immutable file: no lock, no -wal or -shm made, no journal rolled
 * back.  A database in use (its -wal and -shm there) is read through
 * SQLite's locks instead, which is safe against a checkpoint writing
 * pages at that moment and makes no file either.
 */
static enum nt_status
check_readonly(const char *path, const char *target, struct nt_err *err)
{
	for (int attempt = 0;; attempt++) {
		bool in_use = side_size(target, "-wal") >= 0 && side_size(target, "-shm") >= 0;
		char *uri = file_uri(target, in_use ? "?mode=ro" : "?immutable=1");
		sqlite3 *db = NULL;
		sqlite3_stmt *q = NULL;
		enum nt_status st = NT_OK;
		long long n = -1;
		int rc;

		if (!uri)
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
		                     SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
		if (rc == SQLITE_OK) {
			sqlite3_extended_result_codes(db, 1);
			sqlite3_busy_timeout(db, NT_STORE_BUSY_MS);
			rc = sqlite3_prepare_v2(db, sql_core_tables, -1, &q, NULL);
		}
		if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
			n = sqlite3_column_int64(q, 0);
			rc = SQLITE_OK;
		}
		/* another nutrack may have just started on it: look again, through it */
		if (!in_use && ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) &&
		    attempt < 2) {
			sqlite3_finalize(q);
			sqlite3_close(db);
			sqlite3_sleep(50);
			continue;
		}
		if (rc != SQLITE_OK)
			st = describe(db, path, rc, err, "reading the database");
		else if (n != N_CORE_TABLES)
			st = nt_err_set(err, NT_ERR_DB, "%s: the database is damaged (%lld of its %d "
			                "tables are missing); restore a backup", path, N_CORE_TABLES - n,
			                N_CORE_TABLES);
		sqlite3_finalize(q);
		sqlite3_close(db);
		return st;
	}
}

static enum nt_status
pragma_int(struct nt_store *s, const char *sql, long long *out,
           struct nt_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, rc, err, "reading the database header");
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_error(s, rc, err, "reading the database header");
	}
	sqlite3_finalize(st);
	return NT_OK;
}

static enum nt_status
migrate(struct nt_store *s, struct nt_err *err)
{
	long long version, appid, objects;
	enum nt_status st;

	if ((st = pragma_int(s, "PRAGMA user_version", &version, err)) ||
	    (st = pragma_int(s, "PRAGMA application_id", &appid, err)) ||
	    (st = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &objects, err)))
		return st;
	if (objects > 0 && appid != NT_APPLICATION_ID)
		return nt_err_set(err, NT_ERR_DB,
		                  "%s: not a nutrack database (it holds other tables); "
		                  "refusing to touch it", s->path);
	/* Tables but no version, or a negative one: no migration fits (and
	 * migrations[version] must stay in bounds). */
	if (version < 0 || (version == 0 && objects > 0))
		return nt_err_set(err, NT_ERR_DB,
		                  "%s: the database is damaged (schema version %lld); restore a "
		                  "backup", s->path, version);
	if (version > NT_SCHEMA_VERSION)
		return nt_err_set(err, NT_ERR_VERSION,
		                  "%s: database schema version %lld was made by a newer "
		                  "nutrack (this one knows up to %d); upgrade nutrack",
		                  s->path, version, NT_SCHEMA_VERSION);
	if (version == NT_SCHEMA_VERSION)
		return NT_OK;

	if ((st = nt_store_begin(s, err)))
		return st;
	/* Another process may have migrated while we waited for the lock. */
	if ((st = pragma_int(s, "PRAGMA user_version", &version, err)))
		goto fail;
	for (; version < NT_SCHEMA_VERSION; version++)
		if ((st = nt_store_exec(s, migrations[version], err)))
			goto fail;
	/* Pragmas take no parameters: these are the build's constants, as text. */
	if ((st = nt_store_exec(s, "PRAGMA user_version = " STR(NT_SCHEMA_VERSION) ";"
	                        "PRAGMA application_id = " STR(NT_APPLICATION_ID), err)))
		goto fail;
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return st;
}

/* Removes a file and whatever SQLite made beside it. */
static void
remove_with_sides(const char *name)
{
	static const char *const suffix[] = {"", "-journal", "-wal", "-shm"};
	char side[PATH_MAX + 16];

	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++)
		if ((size_t)snprintf(side, sizeof side, "%s%s", name, suffix[i]) < sizeof side)
			unlink(side);
}

/*
 * Temporary files of creations that died (killed while loading the
 * foods): ".NAME.XXXXXX" beside the database, no longer locked by the
 * process that made it.  Called under the directory's lock.
 */
static void
sweep_dead(const char *dir, const char *base)
{
	size_t blen = strlen(base);
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d))) {
		const char *n = e->d_name;
		char full[PATH_MAX];
		int fd;

		if (n[0] != '.' || strncmp(n + 1, base, blen) != 0 || n[1 + blen] != '.' ||
		    strlen(n + 2 + blen) != 6)
			continue;
		if ((size_t)snprintf(full, sizeof full, "%s/%s", dir, n) >= sizeof full)
			continue;
		if ((fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY)) < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			remove_with_sides(full);
		close(fd);
	}
	closedir(d);
}

static enum nt_status migrate(struct nt_store *s, struct nt_err *err);

/*
 * Makes a whole database in the temporary file tmp: the schema, then
 * init (the bundled foods), then WAL mode.  Nobody else can see the file
 * yet, so it is written without a journal on disk and without syncing;
 * the caller syncs it once before publishing it.
 */
static enum nt_status
build(const char *path, const char *tmp, nt_store_init_fn init, void *ctx,
      struct nt_err *err)
{
	struct nt_store *s = calloc(1, sizeof *s);
	enum nt_status st;
	char mode[16] = "";
	int rc;

	if (!s || !(s->path = strdup(path))) {
		free(s);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	rc = sqlite3_open_v2(tmp, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		st = db_error(s, rc, err, "cannot create the database");
		goto out;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if ((st = nt_store_exec(s, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"
	                        "PRAGMA foreign_keys = ON", err)) ||
	    (st = migrate(s, err)) || (init && (st = init(s, ctx, err))))
		goto out;
	/* WAL before anyone opens it: no two nutracks race to switch it later */
	{
		sqlite3_stmt *q;

		rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &q, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
			snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(q, 0));
			rc = SQLITE_OK;
		}
		sqlite3_finalize(q);
		if (rc != SQLITE_OK) {
			st = db_error(s, rc, err, "cannot create the database");
			goto out;
		}
	}
	if (strcmp(mode, "wal") != 0)
		st = nt_err_set(err, NT_ERR_IO, "%s: this file system cannot hold a database in "
		                "write-ahead-log mode (journal mode %s)", path, mode);
out:
	nt_store_close(s);
	/* closing checkpoints an empty log and deletes it: the file holds it all */
	if (st == NT_OK && side_size(tmp, "-wal") > 0)
		st = nt_err_set(err, NT_ERR_IO, "%s: cannot create the database (its log did not "
		                "empty)", path);
	return st;
}

/*
 * Creates the database at target, race-free: under an exclusive lock on
 * its directory (other nutracks' first runs wait there, then open what
 * this one made) it is built whole in a temporary file beside it and put
 * in place with link(2), which never replaces a file someone else made
 * meanwhile; an empty file of ours is replaced with rename(2).  A failure
 * leaves nothing behind.  NT_OK also when another process made the
 * database first: the caller opens that one.
 */
static enum nt_status
create(const char *path, const char *target, nt_store_init_fn init, void *ctx,
       struct nt_err *err)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 16];
	const char *base = strrchr(target, '/') ? strrchr(target, '/') + 1 : target;
	struct seen now;
	enum nt_status st;
	bool locked, made = false;
	int dfd, fd = -1;

	if ((st = make_parents(target, err)))
		return st;
	dir_of(target, dir, sizeof dir);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, base) >= sizeof tmp)
		return nt_err_set(err, NT_ERR_RANGE, "%s: path is too long", path);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return nt_err_set(err, NT_ERR_IO, "%s: cannot open the directory %s: %s", path, dir,
		                  strerror(errno));
	/* a file system without locks still gets link(2)'s guarantee */
	while (!(locked = flock(dfd, LOCK_EX) == 0) && errno == EINTR)
		;
	if ((st = inspect(path, target, &now, err)) || (now.exists && !now.empty))
		goto out; /* refused, or made meanwhile */
	if (locked)
		sweep_dead(dir, base);
	if ((fd = mkstemp(tmp)) < 0) { /* mode 0600 */
		int e = errno;

		st = nt_err_set(err, NT_ERR_IO, "cannot create %s: %s%s", path, strerror(e),
		                e == ENOSPC ? " (disk full)" : "");
		goto out;
	}
	made = true;
	(void)flock(fd, LOCK_EX); /* alive: sweep_dead leaves it alone */
	if ((st = build(path, tmp, init, ctx, err)))
		goto out;
	if (fsync(fd) != 0) {
		int e = errno;

		st = nt_err_set(err, NT_ERR_IO, "%s: cannot create the database: %s%s", path,
		                strerror(e), e == ENOSPC ? " (disk full)" : "");
		goto out;
	}
	if (now.exists) {
		/* our empty file: replaced whole */
		if (rename(tmp, target) != 0) {
			st = nt_err_set(err, NT_ERR_IO, "cannot create %s: %s", path, strerror(errno));
			goto out;
		}
		made = false;
	} else if (link(tmp, target) != 0 && errno != EEXIST) {
		/* no hard links here (some network and FAT file systems): with the
		 * lock held and the name seen free, a rename is as good */
		if (!locked || (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
		                errno != EMLINK && errno != ENOSYS) ||
		    rename(tmp, target) != 0) {
			st = nt_err_set(err, NT_ERR_IO, "cannot create %s: %s", path, strerror(errno));
			goto out;
		}
		made = false;
	}
	(void)fsync(dfd);
out:
	if (made)
		remove_with_sides(tmp);
	if (fd >= 0)
		close(fd);
	close(dfd); /* and with it the lock */
	return st;
}

/*
 * After a failed open: the -shm (and an empty -wal) this open made are
 * removed when nobody else has the database open, proven as SQLite does
 * it, by an exclusive lock on the file's SHARED byte range.
 */
static void
tidy_sides(const char *target, bool had_wal, bool had_shm)
{
	char side[PATH_MAX + 16];
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET,
	                   .l_start = 0x40000002, .l_len = 510};
	int fd;

	if (had_wal && had_shm)
		return;
	if ((fd = open(target, O_RDWR | O_CLOEXEC | O_NOCTTY)) < 0)
		return;
	if (fcntl(fd, F_SETLK, &fl) == 0) {
		if (!had_shm) {
			snprintf(side, sizeof side, "%s-shm", target);
			unlink(side);
		}
		if (!had_wal && side_size(target, "-wal") == 0) {
			snprintf(side, sizeof side, "%s-wal", target);
			unlink(side);
		}
	}
	close(fd); /* releases the lock */
}

static enum nt_status
open_memory(struct nt_store **out, struct nt_err *err)
{
	struct nt_store *s = calloc(1, sizeof *s);
	enum nt_status st;
	int rc;

	if (!s || !(s->path = strdup(":memory:"))) {
		free(s);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	rc = sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		st = db_error(s, rc, err, "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if ((st = nt_store_exec(s, "PRAGMA foreign_keys = ON", err)) || (st = migrate(s, err)))
		goto fail;
	*out = s;
	return NT_OK;
fail:
	nt_store_close(s);
	return st;
}

/* Opens a database file inspect() found to be nutrack's, for writing. */
static enum nt_status
open_existing(const char *path, const char *target, const struct seen *seen,
              struct nt_store **out, struct nt_err *err)
{
	bool had_wal = side_size(target, "-wal") >= 0, had_shm = side_size(target, "-shm") >= 0;
	struct nt_store *s;
	struct stat sb;
	enum nt_status st;
	int rc;

	if ((st = check_readonly(path, target, err)))
		return st;
	if (!(s = calloc(1, sizeof *s)) || !(s->path = strdup(path))) {
		free(s);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	/* no SQLITE_OPEN_CREATE: SQLite never makes a file of its own (mode 0644) */
	rc = sqlite3_open_v2(target, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		st = db_error(s, rc, err, "cannot open");
		goto fail;
	}
	if (stat(target, &sb) != 0 || sb.st_dev != seen->dev || sb.st_ino != seen->ino) {
		st = nt_err_set(err, NT_ERR_IO, "%s: the file was replaced while nutrack opened it; "
		                "try again", path);
		goto fail;
	}
	if (!(s->real = realpath(sqlite3_db_filename(s->db, "main"), NULL))) {
		st = nt_err_set(err, errno == ENOMEM ? NT_ERR_NOMEM : NT_ERR_IO, "%s: %s", path,
		                strerror(errno));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, NT_STORE_BUSY_MS);
	if ((st = nt_store_exec(s, "PRAGMA foreign_keys = ON", err)) ||
	    (st = migrate(s, err)) ||
	    (st = nt_store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", err)))
		goto fail;
	*out = s;
	return NT_OK;
fail:
	nt_store_close(s);
	tidy_sides(target, had_wal, had_shm);
	return st;
}

enum nt_status
nt_store_open_init(const char *path, nt_store_init_fn init, void *ctx, struct nt_store **out,
                   struct nt_err *err)
{
	struct nt_err scratch;
	struct seen seen;
	enum nt_status st;
	char *target;

	if (!err)
		err = &scratch;
	if (!strcmp(path, ":memory:"))
		return open_memory(out, err);
	if (!(target = resolve_target(path, err)))
		return err->status;
	for (int attempt = 0;; attempt++) {
		if ((st = inspect(path, target, &seen, err)))
			break;
		if (seen.exists && !seen.empty) {
			st = open_existing(path, target, &seen, out, err);
			break;
		}
		if (attempt == 3) { /* made and gone again, and again */
			st = nt_err_set(err, NT_ERR_IO, "%s: the file keeps changing while nutrack "
			                "opens it; try again", path);
			break;
		}
		if ((st = create(path, target, init, ctx, err)))
			break;
	}
	free(target);
	return st;
}

enum nt_status
nt_store_open(const char *path, struct nt_store **out, struct nt_err *err)
{
	return nt_store_open_init(path, NULL, NULL, out, err);
}

void
nt_store_close(struct nt_store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_stmts; i++) {
		sqlite3_finalize(s->stmts[i]->st);
		free(s->stmts[i]);
	}
	free(s->stmts);
	sqlite3_close(s->db);
	free(s->path);
	free(s->real);
	free(s);
}

const char *
nt_store_path(const struct nt_store *s)
{
	return s->path;
}

enum nt_status
nt_store_exec(struct nt_store *s, const char *sql, struct nt_err *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, rc, err, "query failed");
	return NT_OK;
}

enum nt_status
nt_store_begin(struct nt_store *s, struct nt_err *err)
{
	enum nt_status st = nt_store_exec(s, s->tx_depth ? "SAVEPOINT nt"
	                                                 : "BEGIN IMMEDIATE", err);
	if (st == NT_OK)
		s->tx_depth++;
	return st;
}

enum nt_status
nt_store_run_id(struct nt_store *s, const char *sql, long long id, const char *what,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(s) == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no %s %lld", what, id);
	return NT_OK;
}

enum nt_status
nt_store_query_ints(struct nt_store *s, const char *sql, long long bind1, long long *out, int n,
                    struct nt_err *err)
{
	struct nt_stmt *st;
	int r;

	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	if (sqlite3_bind_parameter_count(st->st) >= 1)
		nt_stmt_bind_int(st, 1, bind1);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	for (int i = 0; i < n; i++)
		out[i] = r ? nt_stmt_int(st, i) : 0;
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_store_begin_read(struct nt_store *s, struct nt_err *err)
{
	enum nt_status st = nt_store_exec(s, s->tx_depth ? "SAVEPOINT nt" : "BEGIN", err);

	if (st == NT_OK)
		s->tx_depth++;
	return st;
}

enum nt_status
nt_store_commit(struct nt_store *s, struct nt_err *err)
{
	enum nt_status st;

	if (s->tx_depth <= 0)
		return nt_err_set(err, NT_ERR_DB, "commit without a transaction");
	st = nt_store_exec(s, s->tx_depth > 1 ? "RELEASE nt" : "COMMIT", err);
	if (st != NT_OK) {
		nt_store_rollback(s);
		return st;
	}
	s->tx_depth--;
	return NT_OK;
}

void
nt_store_rollback(struct nt_store *s)
{
	if (s->tx_depth <= 0)
		return;
	if (s->tx_depth > 1)
		sqlite3_exec(s->db, "ROLLBACK TO nt; RELEASE nt", NULL, NULL, NULL);
	else if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->tx_depth--;
}

struct nt_stmt *
nt_store_stmt(struct nt_store *s, const char *sql, struct nt_err *err)
{
	struct nt_stmt *c;
	int rc;

	for (size_t i = 0; i < s->n_stmts; i++) {
		c = s->stmts[i];
		if (c->sql == sql) {
			sqlite3_reset(c->st);
			sqlite3_clear_bindings(c->st);
			c->bind_rc = SQLITE_OK;
			return c;
		}
	}
	if (s->n_stmts == s->cap_stmts) {
		size_t cap = s->cap_stmts ? 2 * s->cap_stmts : 32;
		struct nt_stmt **p = realloc(s->stmts, cap * sizeof *p);

		if (!p) {
			nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			return NULL;
		}
		s->stmts = p;
		s->cap_stmts = cap;
	}
	if (!(c = calloc(1, sizeof *c))) {
		nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		return NULL;
	}
	c->sql = sql;
	c->bind_rc = SQLITE_OK;
	c->path = s->path;
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->st, NULL);
	if (rc != SQLITE_OK) {
		db_error(s, rc, err, "preparing a query");
		sqlite3_finalize(c->st);
		free(c);
		return NULL;
	}
	s->stmts[s->n_stmts++] = c;
	return c;
}

enum nt_status
nt_store_bulk_foods(struct nt_store *s, bool start, struct nt_err *err)
{
	if (s->tx_depth <= 0)
		return nt_err_set(err, NT_ERR_DB, "a bulk food load needs a transaction");
	if (start)
		return nt_store_exec(s, "DROP TRIGGER foods_ai; DROP TRIGGER foods_ad;"
		                     "DROP TRIGGER foods_au;" EVERYDAY_DROP, err);
	return nt_store_exec(s, "INSERT INTO food_fts(food_fts) VALUES ('rebuild');"
	                     FTS_TRIGGERS EVERYDAY_FILL EVERYDAY_TRIGGERS, err);
}

static int
on_trace(unsigned type, void *ctx, void *p, void *x)
{
	struct nt_store *s = ctx;
	char *sql;

	(void)x;
	if (type != SQLITE_TRACE_STMT || !s->trace)
		return 0;
	if ((sql = sqlite3_expanded_sql(p))) {
		/* a trigger's statements come as "-- TRIGGER ...": their parent ran them */
		if (strncmp(sql, "--", 2))
			s->trace(s->trace_ctx, sql);
		sqlite3_free(sql);
	}
	return 0;
}

void
nt_store_trace(struct nt_store *s, void (*fn)(void *ctx, const char *sql), void *ctx)
{
	s->trace = fn;
	s->trace_ctx = ctx;
	sqlite3_trace_v2(s->db, fn ? SQLITE_TRACE_STMT : 0, fn ? on_trace : NULL, s);
}

long long
nt_store_last_rowid(struct nt_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

static const char sql_data_version[] = "PRAGMA data_version";

long long
nt_store_data_version(struct nt_store *s)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_data_version, NULL);
	long long v;

	if (!st || nt_stmt_step(st, NULL) != 1)
		return -1;
	v = nt_stmt_int(st, 0);
	nt_stmt_reset(st);
	return v;
}

int
nt_store_changes(struct nt_store *s)
{
	return sqlite3_changes(s->db);
}

/* Runs a check whose rows are problems; "ok" alone means none. */
static enum nt_status
check_rows(struct nt_store *s, const char *sql, void (*fn)(void *, const char *), void *ctx,
           int *problems, struct nt_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_error(s, rc, err, "checking");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char line[512];
		const char *first = (const char *)sqlite3_column_text(st, 0);
		int n = sqlite3_column_count(st);

		if (n == 1 && first && !strcmp(first, "ok"))
			continue;
		if (n > 1) { /* foreign_key_check: table, rowid, parent table, key */
			snprintf(line, sizeof line, "%s row %lld refers to a missing %s row",
			         first ? first : "?", sqlite3_column_int64(st, 1),
			         (const char *)sqlite3_column_text(st, 2));
			if (++*problems <= 100 && fn)
				fn(ctx, line);
			continue;
		}
		/* integrity_check: one row may hold several lines */
		for (const char *p = first ? first : "?"; *p;) {
			size_t len = strcspn(p, "\n");

			snprintf(line, sizeof line, "%.*s", (int)(len < 500 ? len : 500), p);
			if (len && strcmp(line, "*** in database main ***") && ++*problems <= 100 && fn)
				fn(ctx, line);
			p += len + (p[len] == '\n');
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		/* a damaged file makes the check itself fail: that is a finding */
		if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
			if (++*problems <= 100 && fn)
				fn(ctx, sqlite3_errmsg(s->db));
			return NT_OK;
		}
		return db_error(s, rc, err, "checking");
	}
	return NT_OK;
}

/*
 * The schema's tables, indexes and triggers that the file lacks, against
 * a schema of the same version made from the migrations in memory (a
 * table dropped by hand or lost to damage).  *fts_ok tells whether the
 * search index's table is there to be checked.
 */
static enum nt_status
check_schema(struct nt_store *s, void (*fn)(void *, const char *), void *ctx, int *problems,
             bool *fts_ok, struct nt_err *err)
{
	sqlite3 *ref = NULL;
	sqlite3_stmt *q = NULL, *has = NULL;
	long long version = 0;
	enum nt_status st;
	int rc;

	*fts_ok = true;
	if ((st = pragma_int(s, "PRAGMA user_version", &version, err)))
		return st;
	rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	for (long long v = 0; rc == SQLITE_OK && v < version && v < NT_SCHEMA_VERSION; v++)
		rc = sqlite3_exec(ref, migrations[v], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(ref, "SELECT type, name FROM sqlite_schema"
		                        " WHERE name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY rowid",
		                        -1, &q, NULL);
	if (rc != SQLITE_OK) {
		st = nt_err_set(err, NT_ERR_DB, "checking the schema: %s",
		                ref ? sqlite3_errmsg(ref) : sqlite3_errstr(rc));
		goto out;
	}
	rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM main.sqlite_schema WHERE type = ?1 AND name = ?2",
	                        -1, &has, NULL);
	if (rc != SQLITE_OK) {
		st = db_error(s, rc, err, "checking the schema");
		goto out;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(q, 0);
		const char *name = (const char *)sqlite3_column_text(q, 1);
		char line[200];

		sqlite3_bind_text(has, 1, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(has, 2, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(has);
		sqlite3_reset(has);
		if (rc == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE) {
			st = db_error(s, rc, err, "checking the schema");
			goto out;
		}
		if (!strncmp(name, "food_fts", 8))
			*fts_ok = false;
		snprintf(line, sizeof line, "the %s %s is missing", type, name);
		if (++*problems <= 100 && fn)
			fn(ctx, line);
	}
	st = NT_OK;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(has);
	sqlite3_close(ref);
	return st;
}

enum nt_status
nt_store_check(struct nt_store *s, void (*fn)(void *ctx, const char *problem), void *ctx,
               int *problems, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status st;
	bool fts_ok;
	int rc;

	if (!err)
		err = &scratch;
	*problems = 0;
	if ((st = check_schema(s, fn, ctx, problems, &fts_ok, err)) ||
	    (st = check_rows(s, "PRAGMA integrity_check(100)", fn, ctx, problems, err)) ||
	    (st = check_rows(s, "PRAGMA foreign_key_check", fn, ctx, problems, err)))
		return st;
	if (!fts_ok)
		return NT_OK;
	/* The search index against its content table (rank 1: compare both). */
	rc = sqlite3_exec(s->db, "INSERT INTO food_fts(food_fts, rank) VALUES('integrity-check', 1)",
	                  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int prim = rc & 0xff;

		if (prim != SQLITE_CORRUPT && prim != SQLITE_CORRUPT_VTAB && prim != SQLITE_NOTADB)
			return db_error(s, rc, err, "checking the search index");
		if (++*problems <= 100 && fn)
			fn(ctx, "the food search index does not match the foods");
	}
	return NT_OK;
}

/*
 * Where a file named `path` is or would be: its links followed, and for a
 * new file its directory's; NULL when that cannot be told.  Owned string.
 */
static char *
where_is(const char *path)
{
	char dir[PATH_MAX], *t, *d, *out = NULL;
	const char *base;

	if (!(t = resolve_target(path, NULL)))
		return NULL;
	if (t[0] == '/' && access(t, F_OK) == 0)
		return t;
	/* a new file: its directory, resolved, and its name */
	base = strrchr(t, '/') ? strrchr(t, '/') + 1 : t;
	dir_of(t, dir, sizeof dir);
	if ((d = realpath(dir, NULL))) {
		size_t len = strlen(d) + strlen(base) + 2;

		if ((out = malloc(len)))
			snprintf(out, len, "%s/%s", strcmp(d, "/") ? d : "", base);
		free(d);
	}
	free(t);
	return out;
}

bool
nt_store_is_own_file(const struct nt_store *s, const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	struct stat target, own;
	char name[PATH_MAX + 16], *where;
	bool mine = false;

	if (!s->real)
		return false; /* in memory: no file */
	/* by name: what SQLite calls the database and its companions, whether or
	 * not they exist now (a -journal appears and goes) */
	if ((where = where_is(path))) {
		for (size_t i = 0; !mine && i < sizeof suffix / sizeof *suffix; i++) {
			snprintf(name, sizeof name, "%s%s", s->real, suffix[i]);
			mine = !strcmp(where, name);
		}
		free(where);
	}
	/* by identity: the same file under any other name (a hard link) */
	if (!mine && stat(path, &target) == 0)
		for (size_t i = 0; !mine && i < sizeof suffix / sizeof *suffix; i++) {
			snprintf(name, sizeof name, "%s%s", s->real, suffix[i]);
			mine = stat(name, &own) == 0 && own.st_dev == target.st_dev &&
			       own.st_ino == target.st_ino;
		}
	return mine;
}

/* "cannot write PATH: why", with a full disk said plainly. */
static enum nt_status
write_error(struct nt_err *err, const char *path, int sys, const char *why)
{
	if (sys == ENOSPC || sys == EDQUOT)
		return nt_err_set(err, NT_ERR_IO, "cannot write %s: disk full (%s)", path,
		                  strerror(sys));
	return nt_err_set(err, NT_ERR_IO, "cannot write %s: %s", path, why ? why : strerror(sys));
}

enum nt_status
nt_store_backup(struct nt_store *s, const char *path, bool replace, struct nt_err *err)
{
	struct nt_err scratch;
	struct stat b;
	char tmp[PATH_MAX + 16], *target = NULL;
	sqlite3 *dest = NULL;
	sqlite3_backup *bk;
	int fd, rc, sys = 0;

	if (!err)
		err = &scratch;
	if (nt_store_is_own_file(s, path))
		return nt_err_set(err, NT_ERR_INVALID, "%s is the database or its -wal, -shm or -journal file", path);
	if (stat(path, &b) == 0) {
		/* the copy is renamed into place: never over a device (/dev/null) or a
		 * directory */
		if (!S_ISREG(b.st_mode))
			return nt_err_set(err, NT_ERR_INVALID, "%s is not a regular file; choose a "
			                  "new file", path);
		if (!replace)
			return nt_err_set(err, NT_ERR_INVALID,
			                  "%s exists; choose a new file (or --force to replace it)",
			                  path);
	}
	/* a symbolic link stays a link: the file it points to is what is written */
	if (!(target = resolve_target(path, err)))
		return err->status;
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", target) >= sizeof tmp) {
		free(target);
		return nt_err_set(err, NT_ERR_RANGE, "%s: path is too long", path);
	}
	if ((fd = mkstemp(tmp)) < 0) { /* mode 0600 */
		write_error(err, path, errno, NULL);
		free(target);
		return err->status;
	}
	close(fd);
	rc = sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
	/* the copy is renamed into place only once whole: it needs no journal of
	 * its own (a failed copy is deleted, not rolled back) */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		if ((bk = sqlite3_backup_init(dest, "main", s->db, "main"))) {
			/* all pages in one step: a snapshot no writer can tear */
			while ((rc = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(20);
			sqlite3_backup_finish(bk);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		} else {
			rc = sqlite3_errcode(dest);
		}
	}
	/*
	 * A copy stands alone, in WAL mode like every nutrack database: closing
	 * it leaves no -wal, and opening it later needs no switch of journal
	 * mode (a switch killed half-way leaves a rollback journal, which nutrack
	 * does not roll back).  The copy's pages are all in the file: with no
	 * rollback journal on the way to WAL, the switch writes only the header.
	 */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dest, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sys = dest ? sqlite3_system_errno(dest) : 0;
		if ((rc & 0xff) == SQLITE_FULL && !sys)
			sys = ENOSPC;
		if (sys == ENOSPC || sys == EDQUOT)
			write_error(err, path, sys, NULL);
		else
			nt_err_set(err, NT_ERR_DB, "cannot write %s: %s", path,
			           dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc));
		sqlite3_close(dest);
		remove_with_sides(tmp);
		free(target);
		return err->status;
	}
	if (sqlite3_close(dest) != SQLITE_OK || rename(tmp, target) != 0) {
		write_error(err, path, errno, NULL);
		remove_with_sides(tmp);
		free(target);
		return err->status;
	}
	free(target);
	return NT_OK;
}

static const char sql_meta_get[] = "SELECT value FROM meta WHERE key = ?1";
static const char sql_meta_set[] =
	"INSERT INTO meta(key, value) VALUES (?1, ?2)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value";

enum nt_status
nt_store_meta_get(struct nt_store *s, const char *key, char *buf, size_t n,
                  struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_meta_get, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, key);
	rc = nt_stmt_step(st, err);
	if (rc < 0)
		return err->status;
	if (rc == 0)
		return NT_ERR_NOTFOUND;
	snprintf(buf, n, "%s", nt_stmt_text(st, 0));
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_store_meta_set(struct nt_store *s, const char *key, const char *value,
                  struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_meta_set, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, key);
	nt_stmt_bind_text(st, 2, value);
	return nt_stmt_run(st, err);
}

static void
note_bind(struct nt_stmt *st, int rc)
{
	if (rc != SQLITE_OK && st->bind_rc == SQLITE_OK)
		st->bind_rc = rc;
}

void
nt_stmt_bind_int(struct nt_stmt *st, int idx, long long v)
{
	note_bind(st, sqlite3_bind_int64(st->st, idx, v));
}

void
nt_stmt_bind_double(struct nt_stmt *st, int idx, double v)
{
	note_bind(st, isnan(v) ? sqlite3_bind_null(st->st, idx)
	                       : sqlite3_bind_double(st->st, idx, v));
}

void
nt_stmt_bind_text(struct nt_stmt *st, int idx, const char *v)
{
	note_bind(st, v ? sqlite3_bind_text(st->st, idx, v, -1, SQLITE_TRANSIENT)
	                : sqlite3_bind_null(st->st, idx));
}

void
nt_stmt_bind_null(struct nt_stmt *st, int idx)
{
	note_bind(st, sqlite3_bind_null(st->st, idx));
}

int
nt_stmt_step(struct nt_stmt *st, struct nt_err *err)
{
	sqlite3 *db = sqlite3_db_handle(st->st);
	int rc;

	if (st->bind_rc != SQLITE_OK) {
		nt_err_set(err, NT_ERR_DB, "binding a query parameter: %s",
		           sqlite3_errstr(st->bind_rc));
		nt_stmt_reset(st);
		return -1;
	}
	rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		nt_err_set(err, NT_ERR_INVALID, "%s: %s", st->path, sqlite3_errmsg(db));
	else
		describe(db, st->path, rc, err, "query failed");
	nt_stmt_reset(st);
	return -1;
}

enum nt_status
nt_stmt_run(struct nt_stmt *st, struct nt_err *err)
{
	struct nt_err scratch;
	int rc;

	if (!err)
		err = &scratch;
	while ((rc = nt_stmt_step(st, err)) > 0)
		;
	if (rc < 0)
		return err->status;
	nt_stmt_reset(st);
	return NT_OK;
}

void
nt_stmt_reset(struct nt_stmt *st)
{
	sqlite3_reset(st->st);
}

long long
nt_stmt_int(struct nt_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

double
nt_stmt_double(struct nt_stmt *st, int col)
{
	if (sqlite3_column_type(st->st, col) == SQLITE_NULL)
		return NAN;
	return sqlite3_column_double(st->st, col);
}

const char *
nt_stmt_text(struct nt_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

bool
nt_stmt_is_null(struct nt_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}
