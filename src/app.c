/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.c - opening the user's database for either front end. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "seed.h"
#include "store.h"

enum nt_status
app_resolve(struct app *a, const char *db_opt, struct nt_err *err)
{
	const char *env = getenv("NUTRACK_DB");
	const char *given = db_opt && *db_opt ? db_opt : env && *env ? env : NULL;
	enum nt_status st;

	if (given) {
		/* never a cut path: it could name another file */
		if (strlen(given) >= sizeof a->db_path)
			return nt_err_set(err, NT_ERR_RANGE,
			                  "%s: the database path is too long (at most %zu bytes)",
			                  db_opt && *db_opt ? "--db" : "NUTRACK_DB",
			                  sizeof a->db_path - 1);
		snprintf(a->db_path, sizeof a->db_path, "%s", given);
	} else if ((st = nt_store_default_path(a->db_path, sizeof a->db_path, err))) {
		return st;
	}
	return nt_date_today(&a->today, err);
}

/* A new database gets the bundled foods before anyone else can open it. */
static enum nt_status
load_bundled(struct nt_store *s, void *ctx, struct nt_err *err)
{
	(void)ctx;
	return nt_seed_ensure(s, NULL, NULL, err);
}

static void
write_sql(void *ctx, const char *sql)
{
	fprintf(ctx, "%s;\n", sql);
}

/*
 * NUTRACK_TRACE_SQL=FILE appends every statement run to FILE, so that the
 * benchmark's floor can run the very same ones in the sqlite3 shell.
 */
static void
trace_start(struct app *a)
{
	const char *path = getenv("NUTRACK_TRACE_SQL");

	if (path && *path && (a->trace = fopen(path, "a")))
		nt_store_trace(a->store, write_sql, a->trace);
}

enum nt_status
app_open(struct app *a, struct nt_err *err)
{
	enum nt_status st;

	if (a->store)
		return NT_OK;
	if ((st = nt_store_open_init(a->db_path, load_bundled, NULL, &a->store, err)))
		return st;
	trace_start(a);
	if ((st = nt_seed_ensure(a->store, NULL, NULL, err))) {
		nt_store_close(a->store);
		a->store = NULL;
		return st;
	}
	return NT_OK;
}

void
app_close(struct app *a)
{
	nt_store_close(a->store);
	a->store = NULL;
	if (a->trace)
		fclose(a->trace);
	a->trace = NULL;
}

const char *
app_unit(const struct app *a, const char *ascii_unit)
{
	if (!strcmp(ascii_unit, "ug"))
		return a->utf8 ? "\xc2\xb5g" : "ug";
	return ascii_unit;
}
