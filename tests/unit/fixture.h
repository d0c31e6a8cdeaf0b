/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fixture.h - a fresh database loaded with the bundled data, for unit tests. */
#ifndef NT_FIXTURE_H
#define NT_FIXTURE_H

#include <errno.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "category.h"
#include "diet.h"
#include "food.h"
#include "search.h"
#include "seed.h"
#include "store.h"
#include "tap.h"

/*
 * Opens a new temporary database file and loads the real bundled data from
 * $NUTRACK_DATA_DIR (set by `make check`).  The file is removed at exit.
 * Loading the bundle into every test keeps expected values tied to USDA's
 * numbers, not to a hand-made subset.
 */
static char fixture_path[256];

/* The row id of a food by its ref ("sr28:15076"); bails out when there is none. */
static inline long long
fixture_food_id(struct nt_store *st, const char *ref)
{
	long long id;
	struct nt_err err;

	if (nt_food_resolve(st, ref, &id, &err))
		tap_bail("resolve %s: %s", ref, err.msg);
	return id;
}

static void
fixture_cleanup(void)
{
	char p[300];

	if (!fixture_path[0])
		return;
	unlink(fixture_path);
	snprintf(p, sizeof p, "%s-wal", fixture_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", fixture_path);
	unlink(p);
}

static struct nt_store *
fixture_open(bool with_data)
{
	struct nt_store *s;
	struct nt_err err;
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(fixture_path, sizeof fixture_path, "%s/nt-unit-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(fixture_path)) < 0)
		tap_bail("mkstemp failed");
	close(fd);
	atexit(fixture_cleanup);
	if (nt_store_open(fixture_path, &s, &err) != NT_OK)
		tap_bail("open: %s", err.msg);
	if (with_data && nt_seed_ensure(s, NULL, NULL, &err) != NT_OK)
		tap_bail("seed: %s (is NUTRACK_DATA_DIR set?)", err.msg);
	return s;
}

/* ---- a scratch directory, removed with its contents at exit ---- */

static char fixture_dir[256];

static inline int
fixture_remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void
fixture_dir_cleanup(void)
{
	if (fixture_dir[0] &&
	    nftw(fixture_dir, fixture_remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "could not remove %s\n", fixture_dir);
}

/* Makes $TMPDIR/PREFIX-XXXXXX (or under /tmp); returns its path. */
static inline const char *
fixture_mkdtemp(const char *prefix)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(fixture_dir, sizeof fixture_dir, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp",
	         prefix);
	if (!mkdtemp(fixture_dir))
		tap_bail("mkdtemp: %s", strerror(errno));
	atexit(fixture_dir_cleanup);
	return fixture_dir;
}

/* ---- looking at the database ---- */

/* The integer a one-row query returns, or -1. */
static inline long long
fixture_count(struct nt_store *s, const char *sql)
{
	struct nt_stmt *st = nt_store_stmt(s, sql, NULL);
	long long v = -1;

	if (st && nt_stmt_step(st, NULL) == 1)
		v = nt_stmt_int(st, 0);
	if (st)
		nt_stmt_reset(st);
	return v;
}

/* The food with id `ref`, or NULL (bails on a database error). */
static inline struct nt_food *
fixture_food(struct nt_store *s, const char *ref)
{
	struct nt_food *f;
	long long id;

	if (nt_food_resolve(s, ref, &id, NULL) != NT_OK)
		return NULL;
	if (nt_food_get(s, id, &f, NULL) != NT_OK)
		tap_bail("cannot load %s", ref);
	return f;
}

/* The food's diet tags (NT_TAG_*). */
static inline unsigned
fixture_tags(struct nt_store *s, const struct nt_food *f)
{
	unsigned tags = 0;
	bool corrected;

	if (nt_food_tags(s, f->id, &tags, &corrected, NULL) != NT_OK)
		tap_bail("tags of %s", f->ref);
	return tags;
}

/*
 * How many foods of `source` are not classified (class < 0) or hold other
 * classes than the rules give for their stored name, group, common names
 * and portions (category.h); -1 on a database error.
 */
static inline long long
fixture_misclassified(struct nt_store *s, const char *source)
{
	struct nt_stmt *st = nt_store_stmt(s, "SELECT id, class FROM foods WHERE source = ?1", NULL);
	long long bad = 0;
	int r;

	if (!st)
		return -1;
	nt_stmt_bind_text(st, 1, source);
	while ((r = nt_stmt_step(st, NULL)) > 0) {
		struct nt_food *f;

		if (nt_food_get(s, nt_stmt_int(st, 0), &f, NULL) != NT_OK)
			tap_bail("cannot load food %lld", nt_stmt_int(st, 0));
		bad += nt_stmt_int(st, 1) < 0 ||
		       f->cls != nt_category_of(f->name, f->group, f->also, f->portions, f->n_portions);
		nt_food_free(f);
	}
	nt_stmt_reset(st);
	return r < 0 ? -1 : bad;
}

/* Whether `ref` is among the first 50 search hits for q. */
static inline bool
fixture_finds(struct nt_store *s, const char *q, const char *ref)
{
	struct nt_search_result r;
	bool found = false;

	if (nt_search(s, q, 50, &r, NULL) != NT_OK)
		return false;
	for (size_t i = 0; i < r.n; i++)
		found |= !strcmp(r.hits[i].ref, ref);
	nt_search_result_fini(&r);
	return found;
}

static inline bool
fixture_ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && !strcmp(s + a - b, tail);
}

#endif
