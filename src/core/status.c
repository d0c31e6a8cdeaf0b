/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.c - status strings and error detail. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "status.h"

static const char *const status_msgs[] = {
#define NT_X(code, msg) msg,
	NT_STATUS_LIST(NT_X)
#undef NT_X
};

const char *
nt_status_str(enum nt_status st)
{
	if ((size_t)st >= sizeof status_msgs / sizeof status_msgs[0])
		return "unknown error";
	return status_msgs[st];
}

void
nt_err_clear(struct nt_err *err)
{
	if (!err)
		return;
	err->status = NT_OK;
	err->msg[0] = '\0';
}

enum nt_status
nt_err_set(struct nt_err *err, enum nt_status st, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return st;
	err->status = st;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return st;
}

const char *
nt_err_text(const struct nt_err *err, enum nt_status st)
{
	if (err && err->status != NT_OK && err->msg[0])
		return err->msg;
	return nt_status_str(st);
}
