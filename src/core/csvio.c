/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csvio.c - libcsv-based reader with precise error locations, and a writer. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "csvio.h"
#include "text.h"

#define CHUNK 65536

struct reader {
	const char *path;
	nt_csv_row_fn fn;
	void *ctx;
	struct nt_err *err;
	enum nt_status st;   /* first failure; callbacks stop once set */
	unsigned long line;  /* physical line being fed */
	unsigned long rec_line;
	unsigned long records;
	char *arena;         /* field bytes, each NUL-terminated */
	size_t used, cap;
	size_t *offs;        /* field start offsets into the arena */
	size_t nf, capf;
	char **ptrs;
	size_t capp;
};

enum nt_status
nt_csv_fail(struct nt_err *err, const struct nt_csv_row *row, size_t col,
            const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (col)
		return nt_err_set(err, NT_ERR_PARSE, "%s:%lu:%zu: %s", row->path,
		                  row->line, col, msg);
	return nt_err_set(err, NT_ERR_PARSE, "%s:%lu: %s", row->path, row->line, msg);
}

static void
fail_at(struct reader *r, unsigned long line, size_t col, const char *why)
{
	struct nt_csv_row row = {.path = r->path, .line = line};

	if (r->st == NT_OK)
		r->st = nt_csv_fail(r->err, &row, col, "%s", why);
}

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	size_t col = r->nf + 1;

	if (r->st != NT_OK)
		return;
	if (r->nf == 0 && r->rec_line == 0)
		r->rec_line = r->line;
	if (len > NT_CSV_MAX_FIELD) {
		fail_at(r, r->rec_line, col, "field is too long");
		return;
	}
	if (r->nf >= NT_CSV_MAX_FIELDS) {
		fail_at(r, r->rec_line, col, "too many fields");
		return;
	}
	if (memchr(s, '\0', len)) {
		fail_at(r, r->rec_line, col, "NUL byte in field");
		return;
	}
	if (!nt_utf8_valid(s, len)) {
		fail_at(r, r->rec_line, col, "invalid UTF-8");
		return;
	}
	if (r->used + len + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		char *p;

		while (cap < r->used + len + 1)
			cap *= 2;
		if (!(p = realloc(r->arena, cap)))
			goto nomem;
		r->arena = p;
		r->cap = cap;
	}
	if (r->nf == r->capf) {
		size_t cap = r->capf ? 2 * r->capf : 32;
		size_t *p = realloc(r->offs, cap * sizeof *p);

		if (!p)
			goto nomem;
		r->offs = p;
		r->capf = cap;
	}
	memcpy(r->arena + r->used, s, len);
	r->arena[r->used + len] = '\0';
	r->offs[r->nf++] = r->used;
	r->used += len + 1;
	return;
nomem:
	r->st = nt_err_set(r->err, NT_ERR_NOMEM, "%s: out of memory", r->path);
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;
	struct nt_csv_row row;

	(void)c;
	if (r->st == NT_OK) {
		if (r->nf > r->capp) {
			char **p = realloc(r->ptrs, r->nf * sizeof *p);

			if (!p) {
				r->st = nt_err_set(r->err, NT_ERR_NOMEM, "%s: out of memory",
				                   r->path);
				goto out;
			}
			r->ptrs = p;
			r->capp = r->nf;
		}
		for (size_t i = 0; i < r->nf; i++)
			r->ptrs[i] = r->arena + r->offs[i];
		row.path = r->path;
		row.line = r->rec_line ? r->rec_line : r->line;
		row.record = ++r->records;
		row.n = r->nf;
		row.field = r->ptrs;
		r->st = r->fn(r->ctx, &row, r->err);
	}
out:
	r->nf = 0;
	r->used = 0;
	r->rec_line = 0;
}

/* Feeds one piece (ending at most at one newline) and checks the parser. */
static void
feed(struct reader *r, struct csv_parser *p, const char *s, size_t len)
{
	if (csv_parse(p, s, len, on_field, on_record, r) != len && r->st == NT_OK) {
		fail_at(r, r->line, r->nf + 1,
		        csv_error(p) == CSV_EPARSE ? "malformed CSV (stray quote?)"
		                                   : csv_strerror(csv_error(p)));
		return;
	}
	/* A first field still open here (a quoted line break) began on this line. */
	if (r->rec_line == 0 && p->entry_pos > 0)
		r->rec_line = r->line;
	if (csv_get_buffer_size(p) > 2 * (size_t)NT_CSV_MAX_FIELD)
		fail_at(r, r->rec_line ? r->rec_line : r->line, r->nf + 1,
		        csv_get_quote(p) ? "field is too long (unterminated quote?)"
		                         : "field is too long");
}

enum nt_status
nt_csv_read(const char *path, char delim, nt_csv_row_fn fn, void *ctx,
            void (*progress)(void *ctx, long long done, long long total),
            struct nt_err *err)
{
	struct reader r = {.path = path, .fn = fn, .ctx = ctx, .err = err, .line = 1};
	struct csv_parser p;
	struct nt_err scratch;
	FILE *fp;
	char *buf = NULL;
	long long total = 0, done = 0, next_report = 0;
	bool first = true;
	size_t n;

	if (!err)
		r.err = err = &scratch;
	if (!strcmp(path, "-")) {
		fp = stdin;
		r.path = "<stdin>";
	} else if (!(fp = fopen(path, "rb"))) {
		return nt_err_set(err, NT_ERR_IO, "%s: %s", path, strerror(errno));
	} else {
		struct stat sb;

		if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
			fclose(fp);
			return nt_err_set(err, NT_ERR_IO, "%s: is a directory", path);
		}
		if (S_ISREG(sb.st_mode))
			total = sb.st_size;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0 ||
	    !(buf = malloc(CHUNK))) {
		free(buf);
		if (fp != stdin)
			fclose(fp);
		return nt_err_set(err, NT_ERR_NOMEM, "%s: out of memory", r.path);
	}
	csv_set_delim(&p, (unsigned char)delim);
	/*
	 * TAB-separated files are IANA text/tab-separated-values: nothing is
	 * quoted and '"' is data (the Open Food Facts export writes product
	 * names with raw quotes).  libcsv has no switch for that: NUL becomes
	 * the quote character, and NUL bytes are refused before parsing.
	 */
	if (delim == '\t')
		csv_set_quote(&p, '\0');

	while (r.st == NT_OK && (n = fread(buf, 1, CHUNK, fp)) > 0) {
		const char *s = buf, *end = buf + n;

		if (first) {
			first = false;
			if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
				s += 3;
		}
		while (s < end && r.st == NT_OK) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			const char *stop = nl ? nl + 1 : end;
			const char *nul;

			if (delim == '\t' && (nul = memchr(s, '\0', (size_t)(stop - s)))) {
				size_t col = r.nf + 1;

				for (const char *t = s; t < nul; t++)
					col += *t == '\t';
				fail_at(&r, r.line, col, "NUL byte in field");
				break;
			}
			feed(&r, &p, s, (size_t)(stop - s));
			if (nl)
				r.line++;
			s = stop;
		}
		done += (long long)n;
		if (progress && done >= next_report) {
			progress(ctx, done, total);
			next_report = done + CHUNK;
		}
	}
	if (r.st == NT_OK && progress && done != next_report - CHUNK)
		progress(ctx, done, total); /* the final figure: done == total */
	if (r.st == NT_OK && ferror(fp))
		r.st = nt_err_set(err, NT_ERR_IO, "%s: read error: %s", r.path,
		                  strerror(errno));
	if (r.st == NT_OK &&
	    csv_fini(&p, on_field, on_record, &r) != 0 && r.st == NT_OK)
		fail_at(&r, r.rec_line ? r.rec_line : r.line, r.nf + 1,
		        "unterminated quoted field");
	if (r.st == NT_OK && r.records == 0)
		r.st = nt_err_set(err, NT_ERR_PARSE, "%s:1: empty file (no header row)",
		                  r.path);
	csv_free(&p);
	free(buf);
	free(r.arena);
	free(r.offs);
	free(r.ptrs);
	if (fp != stdin)
		fclose(fp);
	return r.st;
}

int
nt_csv_column(const struct nt_csv_row *header, const char *name)
{
	for (size_t i = 0; i < header->n; i++)
		if (!strcmp(header->field[i], name))
			return (int)i;
	return -1;
}

int
nt_csv_write_field(FILE *fp, const char *s, bool first)
{
	size_t len = s ? strlen(s) : 0;
	bool quote = len && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[0] == '\t' ||
	                     s[len - 1] == ' ' || s[len - 1] == '\t');

	if (!first && putc(',', fp) == EOF)
		return -1;
	if (!len)
		return 0;
	if (quote)
		return csv_fwrite(fp, s, len) == 0 ? 0 : -1;
	return fwrite(s, 1, len, fp) == len ? 0 : -1;
}

int
nt_csv_end_record(FILE *fp)
{
	return fputs("\r\n", fp) == EOF ? -1 : 0;
}

int
nt_csv_write_record(FILE *fp, size_t n, const char *const *fields)
{
	for (size_t i = 0; i < n; i++)
		if (nt_csv_write_field(fp, fields[i], i == 0))
			return -1;
	return nt_csv_end_record(fp);
}
