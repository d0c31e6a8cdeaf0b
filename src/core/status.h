/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.h - status codes and error detail shared by every core function. */
#ifndef NT_STATUS_H
#define NT_STATUS_H

#include <stddef.h>

/* One list yields the enum and the default messages. */
#define NT_STATUS_LIST(X)                                              \
	X(NT_OK, "success")                                            \
	X(NT_ERR_NOMEM, "out of memory")                               \
	X(NT_ERR_IO, "input/output error")                             \
	X(NT_ERR_DB, "database error")                                 \
	X(NT_ERR_BUSY, "database is busy")                             \
	X(NT_ERR_VERSION, "database was made by a newer nutrack")     \
	X(NT_ERR_NODATA, "bundled food data not found")                \
	X(NT_ERR_NOTFOUND, "not found")                                \
	X(NT_ERR_AMBIGUOUS, "ambiguous")                               \
	X(NT_ERR_INVALID, "invalid value")                             \
	X(NT_ERR_RANGE, "value out of range")                          \
	X(NT_ERR_PARSE, "malformed file")

enum nt_status {
#define NT_X(code, msg) code,
	NT_STATUS_LIST(NT_X)
#undef NT_X
};

/*
 * Optional error detail.  Functions that take a `struct nt_err *` accept
 * NULL; when non-NULL and the call fails, `status` repeats the return value
 * and `msg` holds one human-readable line without a trailing newline, e.g.
 * "foods.csv:14:3: not a number: 'lots'".  Caller-owned storage.
 */
struct nt_err {
	enum nt_status status;
	char msg[512];
};

/* Static description of a status; never NULL. */
const char *nt_status_str(enum nt_status st);

/* Clear `err` (no-op for NULL). */
void nt_err_clear(struct nt_err *err);

/*
 * Record a failure: sets err->status and formats err->msg (printf-style),
 * truncating safely.  Returns `st` so callers can `return nt_err_set(...)`.
 * No-op apart from the return value when err is NULL.
 */
enum nt_status nt_err_set(struct nt_err *err, enum nt_status st,
                          const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Text to show for a failure: err->msg when set, else nt_status_str(st). */
const char *nt_err_text(const struct nt_err *err, enum nt_status st);

#endif
