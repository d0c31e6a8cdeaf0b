/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outfile.h - an output file written whole or not at all. */
#ifndef NT_OUTFILE_H
#define NT_OUTFILE_H

#include <stdio.h>

#include "status.h"

/*
 * The data goes to a temporary file (mode 0600) in the target's directory,
 * which commit flushes to disk and renames over `path`; abort removes it.
 * The target is never seen half written, and an existing file is replaced
 * only on commit.  A target that exists and is not a regular file (a
 * device such as /dev/stdout, a pipe) is written directly instead: renaming
 * over it would replace the device with a file.  A symbolic link stays a
 * link: the file it points to is replaced (a dangling link's target is
 * created).  A directory is refused.
 */
struct nt_outfile {
	FILE *fp;    /* write here between open and commit/abort */
	char *path;  /* owned */
	char *tmp;   /* owned: the temporary file's name; NULL when direct */
	char *target; /* owned: what the rename replaces: path, or the file a
	                 symbolic link at path points to; NULL when direct */
};

/*
 * Creates the temporary file next to `path` (or opens a non-regular target).
 * On success fills *out (caller storage): pair with exactly one commit or
 * abort.  On failure (NT_ERR_IO, NT_ERR_NOMEM) nothing was created.
 */
enum nt_status nt_outfile_open(struct nt_outfile *out, const char *path, struct nt_err *err);

/*
 * Flushes, syncs, closes and renames the file into place.  On failure the
 * temporary file is removed, `path` is as it was, and NT_ERR_IO says why.
 * Either way *out is finished (its members freed and cleared).
 */
enum nt_status nt_outfile_commit(struct nt_outfile *out, struct nt_err *err);

/* Closes and removes the temporary file; finishes *out.  Safe on a zeroed struct. */
void nt_outfile_abort(struct nt_outfile *out);

#endif
