/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.h - what both front ends share: the open database, today, the locale. */
#ifndef NT_APP_H
#define NT_APP_H

#include <stdbool.h>

#include "status.h"

struct nt_store;

struct app {
	const char *prog;        /* program name for messages */
	char db_path[4096];
	struct nt_store *store;  /* NULL until app_open() */
	long today;
	bool utf8;               /* the locale's charset is UTF-8 */
	FILE *trace;             /* $NUTRACK_TRACE_SQL: the statements run, for bench/ */
};

/*
 * Settles today's date and the database path (--db FILE, else $NUTRACK_DB,
 * else the XDG default) without touching the file.  `db_opt` may be NULL.
 */
enum nt_status app_resolve(struct app *a, const char *db_opt, struct nt_err *err);

/*
 * Opens the resolved database (creating it, with the bundled foods, when
 * missing) and makes sure the bundled foods are current; a no-op when
 * already open.
 */
enum nt_status app_open(struct app *a, struct nt_err *err);
void app_close(struct app *a);

/* "µg" in a UTF-8 locale, "ug" otherwise; other units unchanged. */
const char *app_unit(const struct app *a, const char *ascii_unit);

#endif
