/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_csv.c - the CSV reader (csvio.h) on arbitrary bytes.
 *
 * Input: a flags byte, a stop byte, a size byte, then the file.
 *   flags bit 0: tab instead of comma as the delimiter
 *   flags bit 1: a progress callback
 *   flags bits 2-6 = 1, 0, 0, 0, 0: the file is repeated up to 60 KiB +
 *         size x 32 bytes (60-68 KiB), so that short inputs reach the
 *         64 KiB read chunks and the 64 KiB field limit (one input in 32:
 *         such runs are slow, as libcsv grows its field buffer 128 bytes
 *         at a time; test_csvio covers the 128 KiB bound on an open quote)
 *   stop: when non-zero, the row callback fails at that record, as an
 *         importer does on a bad row
 * Checks the reader's promises (fields NUL-terminated valid UTF-8 without
 * NUL bytes, within the limits; records numbered in order; errors with a
 * "path:line" place) and, for comma files, that what the writer makes of
 * the rows reads back as the same rows.
 */
#include "config.h"

#include "csvio.h"
#include "fuzz.h"

#define MAX_KEEP (1u << 20) /* bytes of rows kept for the round trip */

struct rows {
	char *buf;      /* each row: field count, then NUL-terminated fields */
	size_t used, cap;
	size_t n;
	bool overflow;
};

struct ctx {
	unsigned long stop;     /* fail at this record (0: never) */
	unsigned long records;
	unsigned long line;
	unsigned long lines;    /* physical lines in the file */
	struct rows *keep;
};

static void
keep_bytes(struct rows *r, const void *p, size_t len)
{
	if (r->overflow || r->used + len > MAX_KEEP) {
		r->overflow = true;
		return;
	}
	if (r->used + len > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;

		while (cap < r->used + len)
			cap *= 2;
		if (!(r->buf = realloc(r->buf, cap)))
			abort();
		r->cap = cap;
	}
	memcpy(r->buf + r->used, p, len);
	r->used += len;
}

static enum nt_status
on_row(void *vctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct ctx *c = vctx;

	FUZZ_CHECK(row->record == c->records + 1, "record %lu after %lu", row->record,
	           c->records);
	FUZZ_CHECK(row->line >= 1 && row->line >= c->line && row->line <= c->lines,
	           "line %lu after %lu (file of %lu lines)", row->line, c->line, c->lines);
	FUZZ_CHECK(row->n <= NT_CSV_MAX_FIELDS, "%zu fields", row->n);
	FUZZ_CHECK(row->path && row->path[0], "no path");
	c->records = row->record;
	c->line = row->line;
	if (c->keep) {
		keep_bytes(c->keep, &row->n, sizeof row->n);
		c->keep->n++;
	}
	for (size_t i = 0; i < row->n; i++) {
		size_t len = strlen(row->field[i]);

		FUZZ_CHECK(len <= NT_CSV_MAX_FIELD, "field of %zu bytes", len);
		FUZZ_CHECK(nt_utf8_valid(row->field[i], len), "field %zu not UTF-8", i + 1);
		if (c->keep)
			keep_bytes(c->keep, row->field[i], len + 1);
	}
	if (c->stop && row->record == c->stop)
		return nt_csv_fail(err, row, row->n, "stopped at record %lu", row->record);
	return NT_OK;
}

static void
on_progress(void *vctx, long long done, long long total)
{
	(void)vctx;
	FUZZ_CHECK(done >= 0 && total >= 0 && done <= total, "progress %lld of %lld", done,
	           total);
}

static unsigned long
count_lines(const uint8_t *p, size_t n)
{
	unsigned long lines = 1;

	for (size_t i = 0; i < n; i++)
		lines += p[i] == '\n';
	return lines;
}

/* Writes the kept rows with the CSV writer into path. */
static void
write_rows(const struct rows *r, const char *path)
{
	FILE *fp = fopen(path, "wb");
	const char *p = r->buf;
	const char **fields = NULL;

	if (!fp)
		abort();
	for (size_t k = 0; k < r->n; k++) {
		size_t n;

		memcpy(&n, p, sizeof n);
		p += sizeof n;
		if (!(fields = realloc(fields, (n ? n : 1) * sizeof *fields)))
			abort();
		for (size_t i = 0; i < n; i++) {
			fields[i] = p;
			p += strlen(p) + 1;
		}
		FUZZ_CHECK(nt_csv_write_record(fp, n, fields) == 0, "write failed");
	}
	free(fields);
	if (fclose(fp) != 0)
		abort();
}

/*
 * Whether a row is one the writer cannot express: a lone empty field is an
 * empty line, which CSV readers skip; a first field that starts with a
 * byte order mark is read as the file's BOM.
 */
static bool
unwritable(const struct rows *r)
{
	const char *p = r->buf;

	for (size_t k = 0; k < r->n; k++) {
		size_t n;

		memcpy(&n, p, sizeof n);
		p += sizeof n;
		if (n == 0 || (n == 1 && !*p))
			return true;
		if (k == 0 && !strncmp(p, "\xef\xbb\xbf", 3))
			return true;
		for (size_t i = 0; i < n; i++)
			p += strlen(p) + 1;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags = fuzz_byte(&data, &size);
	unsigned stop = fuzz_byte(&data, &size);
	unsigned grow = fuzz_byte(&data, &size);
	char delim = flags & 1 ? '\t' : ',';
	uint8_t *file = NULL;
	size_t len = size;
	char path[300], path2[300];
	struct rows keep = {0}, again = {0};
	struct ctx c = {.stop = stop};
	struct nt_err err;
	enum nt_status st;

	if ((flags & 0x7c) == 0x04 && size) {
		len = 60 * 1024 + (size_t)grow * 32;
		if (len < size)
			len = size;
		if (!(file = malloc(len)))
			abort();
		memcpy(file, data, size);
		for (size_t o = size; o < len; o *= 2) /* doubling: cheap for any size */
			memcpy(file + o, file, len - o < o ? len - o : o);
		data = file;
	}
	fuzz_write_file("in.csv", data, len, path, sizeof path);
	c.lines = count_lines(data, len);
	c.keep = delim == ',' && !file ? &keep : NULL;
	memset(&err, 0, sizeof err);
	st = nt_csv_read(path, delim, on_row, &c, flags & 2 ? on_progress : NULL, &err);
	if (st != NT_OK) {
		FUZZ_CHECK_ERR(st, err);
		FUZZ_CHECK(st == NT_ERR_PARSE || st == NT_ERR_IO, "status %d", (int)st);
		FUZZ_CHECK(!strncmp(err.msg, path, strlen(path)) &&
		           err.msg[strlen(path)] == ':', "message '%s' lacks the place", err.msg);
		if (c.stop && c.records == c.stop)
			FUZZ_CHECK(strstr(err.msg, "stopped at record"),
			           "the callback's error was replaced by '%s'", err.msg);
	} else {
		FUZZ_CHECK(c.records >= 1, "empty file read without an error");
		FUZZ_CHECK(!c.stop || c.records < c.stop, "callback failure ignored");
	}

	/* Round trip: what the reader gave, written and read again, is the same. */
	if (st == NT_OK && c.keep && !file && !keep.overflow && !unwritable(&keep)) {
		struct ctx c2 = {.keep = &again};
		FILE *fp;
		char *copy;
		long flen;

		snprintf(path2, sizeof path2, "%s/out.csv", fuzz_dir());
		write_rows(&keep, path2);
		if (!(fp = fopen(path2, "rb")) || fseek(fp, 0, SEEK_END) != 0 ||
		    (flen = ftell(fp)) < 0)
			abort();
		rewind(fp);
		if (!(copy = malloc((size_t)flen + 1)) ||
		    fread(copy, 1, (size_t)flen, fp) != (size_t)flen)
			abort();
		fclose(fp);
		c2.lines = count_lines((const uint8_t *)copy, (size_t)flen);
		free(copy);
		memset(&err, 0, sizeof err);
		st = nt_csv_read(path2, ',', on_row, &c2, NULL, &err);
		FUZZ_CHECK(st == NT_OK, "the writer's output does not read back: %s", err.msg);
		FUZZ_CHECK(again.n == keep.n && again.used == keep.used &&
		           !memcmp(again.buf, keep.buf, keep.used),
		           "rows differ after writing and reading back (%zu rows, %zu read)",
		           keep.n, again.n);
	}
	free(keep.buf);
	free(again.buf);
	free(file);
	return 0;
}
