/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csvio.h - reading and writing CSV through libcsv, with file:line:column errors. */
#ifndef NT_CSVIO_H
#define NT_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"

/* Limits that keep a hostile file from exhausting memory. */
#define NT_CSV_MAX_FIELD 65536
#define NT_CSV_MAX_FIELDS 512

/*
 * One record handed to a row callback.  Fields are NUL-terminated, valid
 * UTF-8 without NUL bytes; all storage is borrowed for the duration of the
 * callback only.
 */
struct nt_csv_row {
	const char *path;     /* name used in messages */
	unsigned long line;   /* physical line of the record (1-based) */
	unsigned long record; /* record number, header = 1 */
	size_t n;             /* number of fields */
	char **field;
};

/*
 * Called for every record, header included.  Returning non-NT_OK stops the
 * read; that status (and the callback's err) is what nt_csv_read returns.
 */
typedef enum nt_status (*nt_csv_row_fn)(void *ctx, const struct nt_csv_row *row,
                                        struct nt_err *err);

/*
 * Reads the CSV file at `path` ("-" = standard input) with the given field
 * delimiter: ',' with RFC 4180 quoting, or '\t' without any quoting (IANA
 * text/tab-separated-values: a '"' is data, as in the Open Food Facts
 * export); LF or CRLF line ends, an optional UTF-8 byte order mark.
 * Malformed input (unterminated quote, stray quote, invalid UTF-8, NUL
 * byte, over-long field, missing file, empty file) fails with NT_ERR_PARSE
 * or NT_ERR_IO and a "path:line:column: why" message.  The callback sees
 * one record at a time: memory stays constant.
 * `progress`, when non-NULL, is called every 64 KiB of input with the byte
 * offset and total size (0 when unknown).
 */
enum nt_status nt_csv_read(const char *path, char delim, nt_csv_row_fn fn,
                           void *ctx,
                           void (*progress)(void *ctx, long long done, long long total),
                           struct nt_err *err);

/* Formats "path:line:col: " + message into err; returns NT_ERR_PARSE. */
enum nt_status nt_csv_fail(struct nt_err *err, const struct nt_csv_row *row,
                           size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Column lookup by header name: returns the index of `name` in the header
 * row, or -1.
 */
int nt_csv_column(const struct nt_csv_row *header, const char *name);

/*
 * Writing: fields are quoted only when they need it (delimiter, quote, CR,
 * LF, or leading/trailing space or tab, which the reader would strip from an
 * unquoted field).  Records end with CRLF as RFC 4180 says.
 * Return 0 on success, -1 on a write error (errno set).
 */
int nt_csv_write_field(FILE *fp, const char *s, bool first);
int nt_csv_end_record(FILE *fp);
int nt_csv_write_record(FILE *fp, size_t n, const char *const *fields);

#endif
