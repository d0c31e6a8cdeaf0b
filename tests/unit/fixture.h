/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fixture.h - a fresh database loaded with the bundled data, for unit tests. */
#ifndef NT_FIXTURE_H
#define NT_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

#endif
