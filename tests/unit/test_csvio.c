/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_csvio.c - the CSV reader (records, lines, error locations) and the CSV writer. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvio.h"
#include "tap.h"

static char tmpdir[256];
static char files[64][320];
static int n_files;
static char *written_out; /* the last memory stream of written() */

static void
cleanup(void)
{
	free(written_out);
	for (int i = 0; i < n_files; i++)
		unlink(files[i]);
	if (tmpdir[0]) {
		char sub[300];

		snprintf(sub, sizeof sub, "%s/adir", tmpdir);
		rmdir(sub);
		rmdir(tmpdir);
	}
}

/* Writes len bytes into a new fixture file; returns its path (stable). */
static const char *
fixture(const char *name, const char *bytes, size_t len)
{
	char *path;
	FILE *fp;

	if (n_files == (int)(sizeof files / sizeof *files))
		tap_bail("too many fixture files");
	path = files[n_files++];
	snprintf(path, sizeof files[0], "%s/%s", tmpdir, name);
	if (!(fp = fopen(path, "wb")) || fwrite(bytes, 1, len, fp) != len || fclose(fp))
		tap_bail("cannot write %s", path);
	return path;
}

#define FIXTURE(name, lit) fixture(name, lit, sizeof lit - 1)

/* ---- a collector: "line/record:f1|f2|...\n", CR and LF in fields shown as \r \n ---- */

struct collect {
	char out[4096];
	size_t len;
	unsigned long stop_at; /* fail at this record (0 = never) */
	unsigned long seen;
};

static void
put(struct collect *c, const char *s)
{
	for (; *s && c->len + 3 < sizeof c->out; s++) {
		if (*s == '\n' || *s == '\r') {
			c->out[c->len++] = '\\';
			c->out[c->len++] = *s == '\n' ? 'n' : 'r';
		} else {
			c->out[c->len++] = *s;
		}
	}
	c->out[c->len] = '\0';
}

static void
put_raw(struct collect *c, const char *s)
{
	size_t n = strlen(s);

	if (c->len + n < sizeof c->out) {
		memcpy(c->out + c->len, s, n + 1);
		c->len += n;
	}
}

static enum nt_status
collect_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct collect *c = ctx;
	char head[64];

	c->seen++;
	if (c->stop_at && row->record == c->stop_at)
		return nt_csv_fail(err, row, 2, "not a number: '%s'",
		                   row->n > 1 ? row->field[1] : "");
	snprintf(head, sizeof head, "%lu/%lu:", row->line, row->record);
	put_raw(c, head);
	for (size_t i = 0; i < row->n; i++) {
		if (i)
			put_raw(c, "|");
		put(c, row->field[i]);
	}
	put_raw(c, "\n");
	return NT_OK;
}

static void
read_ok(const char *path, char delim, const char *want, const char *what)
{
	struct collect c = {.len = 0};
	struct nt_err err;
	enum nt_status st;

	memset(&err, 0, sizeof err);
	st = nt_csv_read(path, delim, collect_row, &c, NULL, &err);
	is_int(st, NT_OK, "%s: read ok%s%s", what, st ? ": " : "", st ? err.msg : "");
	is_str(c.out, want, "%s: records", what);
}

/* Expects status st and the message "path" + suffix. */
static void
read_bad(const char *path, enum nt_status st, const char *suffix, const char *what)
{
	struct collect c = {.len = 0};
	struct nt_err err;
	char want[600];

	memset(&err, 0, sizeof err);
	is_int(nt_csv_read(path, ',', collect_row, &c, NULL, &err), st, "%s: fails", what);
	snprintf(want, sizeof want, "%s%s", path, suffix);
	is_str(err.msg, want, "%s: message", what);
}

static void
test_read(void)
{
	const char *p;

	p = FIXTURE("basic.csv", "id,name\n1,Salmon\n2,Milk\n");
	read_ok(p, ',', "1/1:id|name\n2/2:1|Salmon\n3/3:2|Milk\n", "basic");

	p = FIXTURE("bom.csv", "\xef\xbb\xbfid,name\r\n1,Salmon\r\n");
	read_ok(p, ',', "1/1:id|name\n2/2:1|Salmon\n", "BOM and CRLF");

	p = FIXTURE("bomonly-header.csv", "\xef\xbb\xbf\"id\",name\n");
	read_ok(p, ',', "1/1:id|name\n", "BOM before a quoted header");

	p = FIXTURE("quotes.csv", "a,b\r\n\"Smith, John\",\"He said \"\"hi\"\"\"\r\n"
	            "\"\"\"\",\"\"\r\n");
	read_ok(p, ',', "1/1:a|b\n2/2:Smith, John|He said \"hi\"\n3/3:\"|\n",
	        "quoted commas and doubled quotes");

	/* a record spanning lines 2-3 is reported at line 2; the next one at line 4 */
	p = FIXTURE("nl1.csv", "a,b\n\"line1\nline2\",x\nc,d\n");
	read_ok(p, ',', "1/1:a|b\n2/2:line1\\nline2|x\n4/3:c|d\n",
	        "embedded newline in the first field");
	p = FIXTURE("nl2.csv", "a,b\nx,\"p\nq\"\nc,d\n");
	read_ok(p, ',', "1/1:a|b\n2/2:x|p\\nq\n4/3:c|d\n", "embedded newline in the second field");
	p = FIXTURE("nl3.csv", "a\r\n\"p\r\n\r\nq\"\r\nz\r\n");
	read_ok(p, ',', "1/1:a\n2/2:p\\r\\n\\r\\nq\n5/3:z\n", "embedded CRLFs in a CRLF file");

	p = FIXTURE("blank.csv", "a,b\n\n1,2\n\n\n3,4\n");
	read_ok(p, ',', "1/1:a|b\n3/2:1|2\n6/3:3|4\n", "blank lines are skipped, lines still counted");

	p = FIXTURE("noeol.csv", "a,b\n1,2");
	read_ok(p, ',', "1/1:a|b\n2/2:1|2\n", "last record without a newline");

	p = FIXTURE("empty-fields.csv", "a,,c\n,,\n\"\",x,\n");
	read_ok(p, ',', "1/1:a||c\n2/2:||\n3/3:|x|\n", "empty fields");

	p = FIXTURE("utf8.csv", "name\nCr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e \xe2\x82\xac\n");
	read_ok(p, ',', "1/1:name\n2/2:Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e \xe2\x82\xac\n",
	        "UTF-8 content");

	p = FIXTURE("tabs.tsv", "a\tb\n1,5\t2 3\n");
	read_ok(p, '\t', "1/1:a|b\n2/2:1,5|2 3\n", "tab delimiter");
}

static void
test_read_errors(void)
{
	char big[600];
	const char *p;

	p = FIXTURE("unterminated.csv", "a,b\n1,\"abc\n2,3\n");
	read_bad(p, NT_ERR_PARSE, ":2:2: unterminated quoted field", "unterminated quote");
	p = FIXTURE("unterminated1.csv", "a,b\n\"abc\nxyz\n");
	read_bad(p, NT_ERR_PARSE, ":2:1: unterminated quoted field",
	         "unterminated quote in the first field");
	p = FIXTURE("unterminated-eof.csv", "a,b\n\"abc");
	read_bad(p, NT_ERR_PARSE, ":2:1: unterminated quoted field", "unterminated quote at EOF");

	p = FIXTURE("stray1.csv", "a,b\n1,x\"y\n");
	read_bad(p, NT_ERR_PARSE, ":2:2: malformed CSV (stray quote?)", "stray quote in field 2");
	p = FIXTURE("stray2.csv", "a,b\n\"x\"y,1\n");
	read_bad(p, NT_ERR_PARSE, ":2:1: malformed CSV (stray quote?)",
	         "text after a closing quote");
	p = FIXTURE("stray3.csv", "a,b\n1,2\n3,4\"\n");
	read_bad(p, NT_ERR_PARSE, ":3:2: malformed CSV (stray quote?)", "stray quote on line 3");
	p = FIXTURE("stray4.csv", "a,b\n\"p\nq\"x,1\n");
	read_bad(p, NT_ERR_PARSE, ":3:1: malformed CSV (stray quote?)",
	         "stray quote on the second line of a record");

	p = FIXTURE("badutf8.csv", "a,b\nok,\xff\n");
	read_bad(p, NT_ERR_PARSE, ":2:2: invalid UTF-8", "invalid UTF-8 in field 2");
	p = FIXTURE("badutf8-header.csv", "\xc0\xaf,b\n");
	read_bad(p, NT_ERR_PARSE, ":1:1: invalid UTF-8", "overlong UTF-8 in the header");
	p = FIXTURE("badutf8-3.csv", "a,b,c\n1,2,3\n4,5,\"x\xed\xa0\x80\"\n");
	read_bad(p, NT_ERR_PARSE, ":3:3: invalid UTF-8", "surrogate in quoted field 3");

	p = fixture("nul.csv", "a,b\nx\0y,z\n", 10);
	read_bad(p, NT_ERR_PARSE, ":2:1: NUL byte in field", "NUL byte");
	p = fixture("nul2.csv", "a,b\nx,\"\0\"\n", 10);
	read_bad(p, NT_ERR_PARSE, ":2:2: NUL byte in field", "NUL byte in a quoted field");

	p = FIXTURE("empty.csv", "");
	read_bad(p, NT_ERR_PARSE, ":1: empty file (no header row)", "empty file");
	p = FIXTURE("bomonly.csv", "\xef\xbb\xbf");
	read_bad(p, NT_ERR_PARSE, ":1: empty file (no header row)", "BOM only");
	p = FIXTURE("newlines.csv", "\n\r\n\n");
	read_bad(p, NT_ERR_PARSE, ":1: empty file (no header row)", "only line ends");

	snprintf(big, sizeof big, "%s/missing.csv", tmpdir);
	read_bad(big, NT_ERR_IO, ": No such file or directory", "missing file");
	is_int(nt_csv_read(big, ',', collect_row, &(struct collect){.len = 0}, NULL, NULL),
	       NT_ERR_IO, "missing file with NULL err");
	snprintf(big, sizeof big, "%s/adir", tmpdir);
	if (mkdir(big, 0700))
		tap_bail("mkdir %s", big);
	read_bad(big, NT_ERR_IO, ": is a directory", "directory");
}

static void
test_limits(void)
{
	size_t cap = 2 * NT_CSV_MAX_FIELD + 300000;
	char *buf = malloc(cap);
	size_t n = 0;
	const char *p;
	struct collect c = {.len = 0};
	struct nt_err err;

	if (!buf)
		tap_bail("out of memory");

	/* 512 fields are fine, 513 are too many */
	n = (size_t)sprintf(buf, "h\n");
	for (int i = 0; i < NT_CSV_MAX_FIELDS; i++)
		n += (size_t)sprintf(buf + n, "%sx", i ? "," : "");
	buf[n++] = '\n';
	p = fixture("fields512.csv", buf, n);
	is_int(nt_csv_read(p, ',', collect_row, &c, NULL, &err), NT_OK, "512 fields ok");
	n--;
	n += (size_t)sprintf(buf + n, ",x\n");
	p = fixture("fields513.csv", buf, n);
	read_bad(p, NT_ERR_PARSE, ":2:513: too many fields", "513 fields");

	/* a field of NT_CSV_MAX_FIELD bytes is fine, one more byte is too long */
	n = (size_t)sprintf(buf, "h\n");
	memset(buf + n, 'a', NT_CSV_MAX_FIELD);
	n += NT_CSV_MAX_FIELD;
	buf[n++] = '\n';
	p = fixture("field64k.csv", buf, n);
	c.len = 0;
	is_int(nt_csv_read(p, ',', collect_row, &c, NULL, &err), NT_OK, "64 KiB field ok");
	n = (size_t)sprintf(buf, "h\nx,");
	memset(buf + n, 'a', NT_CSV_MAX_FIELD + 1);
	n += NT_CSV_MAX_FIELD + 1;
	buf[n++] = '\n';
	p = fixture("field64k1.csv", buf, n);
	read_bad(p, NT_ERR_PARSE, ":2:2: field is too long", "64 KiB + 1 field");

	/* an unterminated quote swallowing the rest of a big file stops early */
	n = (size_t)sprintf(buf, "h\nok\n\"");
	for (int i = 0; i < 3000; i++)
		n += (size_t)sprintf(buf + n, "%099d\n", i);
	p = fixture("runaway.csv", buf, n);
	read_bad(p, NT_ERR_PARSE, ":3:1: field is too long (unterminated quote?)",
	         "runaway quote");
	free(buf);
}

/* Checks the line number of every record of a file with multi-line records. */
struct lines {
	unsigned long bad, records;
	int lines_per_record;
};

static enum nt_status
check_lines(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct lines *l = ctx;
	unsigned long want = row->record == 1 ? 1 :
		2 + (row->record - 2) * (unsigned long)l->lines_per_record;

	(void)err;
	l->records++;
	if (row->line != want || row->n != 2) {
		if (!l->bad++)
			printf("# record %lu: line %lu, want %lu\n", row->record, row->line, want);
	}
	return NT_OK;
}

struct prog {
	int calls;
	long long last, total;
	bool monotonic;
};

static void
progress(void *ctx, long long done, long long total)
{
	struct prog *p = ctx;

	if (done <= p->last)
		p->monotonic = false;
	p->calls++;
	p->last = done;
	p->total = total;
}

static enum nt_status
count_progress_rows(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	(void)ctx, (void)row, (void)err;
	return NT_OK;
}

static void
test_big(void)
{
	char *buf = malloc(400000);
	size_t n;
	const char *p;
	struct lines l;
	struct prog pr = {.monotonic = true};
	struct nt_err err;

	if (!buf)
		tap_bail("out of memory");
	/* 6000 records of two lines each, quoted first field: crosses 64 KiB reads */
	n = (size_t)sprintf(buf, "a,b\n");
	for (int i = 0; i < 6000; i++)
		n += (size_t)sprintf(buf + n, "\"x%d\ny\",%d\n", i, i);
	p = fixture("multiline.csv", buf, n);
	memset(&l, 0, sizeof l);
	l.lines_per_record = 2;
	is_int(nt_csv_read(p, ',', check_lines, &l, NULL, &err), NT_OK, "6000 two-line records");
	is_int(l.records, 6001, "6000 two-line records and the header");
	is_int(l.bad, 0, "every two-line record at its first line");

	/* 3 lines each, the line break inside the second field */
	n = (size_t)sprintf(buf, "a,b\n");
	for (int i = 0; i < 6000; i++)
		n += (size_t)sprintf(buf + n, "%d,\"x\r\n\ny\"\r\n", i);
	p = fixture("multiline3.csv", buf, n);
	memset(&l, 0, sizeof l);
	l.lines_per_record = 3;
	is_int(nt_csv_read(p, ',', check_lines, &l, NULL, &err), NT_OK, "6000 three-line records");
	is_int(l.bad, 0, "every three-line record at its first line");

	/* progress: 200000 bytes, reported in 64 KiB steps with the file size */
	memset(buf, 'x', 200000);
	for (size_t i = 99; i < 200000; i += 100)
		buf[i] = '\n';
	p = fixture("progress.csv", buf, 200000);
	is_int(nt_csv_read(p, ',', count_progress_rows, &pr, progress, &err), NT_OK,
	       "progress file read");
	ok(pr.calls >= 3 && pr.calls <= 4, "progress called every 64 KiB (%d calls)", pr.calls);
	ok(pr.monotonic && pr.last <= 200000 && pr.last >= 200000 - 65536,
	   "progress offsets grow up to the size (last %lld)", pr.last);
	is_int(pr.total, 200000, "progress total is the file size");
	free(buf);
}

static void
test_callback_stop(void)
{
	const char *p = FIXTURE("stop.csv", "id,qty\n1,5\n2,lots\n3,7\n");
	struct collect c = {.stop_at = 3};
	struct nt_err err;
	char want[400];

	is_int(nt_csv_read(p, ',', collect_row, &c, NULL, &err), NT_ERR_PARSE,
	       "callback failure is returned");
	snprintf(want, sizeof want, "%s:3:2: not a number: 'lots'", p);
	is_str(err.msg, want, "callback message is kept");
	is_int(c.seen, 3, "no record after the failing one");
	is_str(c.out, "1/1:id|qty\n2/2:1|5\n", "records before the failure were seen");
}

static void
test_stdin(void)
{
	const char *p = FIXTURE("stdin.csv", "a,b\nok,\xff\n");
	struct collect c = {.len = 0};
	struct nt_err err;
	int fd = open(p, O_RDONLY), saved = dup(0);

	if (fd < 0 || saved < 0 || dup2(fd, 0) < 0)
		tap_bail("cannot redirect stdin");
	close(fd);
	is_int(nt_csv_read("-", ',', collect_row, &c, NULL, &err), NT_ERR_PARSE,
	       "'-' reads standard input");
	is_str(err.msg, "<stdin>:2:2: invalid UTF-8", "standard input is named <stdin>");
	is_str(c.out, "1/1:a|b\n", "header from standard input");
	clearerr(stdin);
	dup2(saved, 0);
	close(saved);
}

static void
test_fail_and_column(void)
{
	char *fields[] = {"id", "name", "group", ""};
	struct nt_csv_row row = {.path = "foods.csv", .line = 14, .record = 9, .n = 4,
	                         .field = fields};
	struct nt_err err;

	is_int(nt_csv_fail(&err, &row, 3, "not a number: '%s'", "lots"), NT_ERR_PARSE,
	       "nt_csv_fail returns NT_ERR_PARSE");
	is_str(err.msg, "foods.csv:14:3: not a number: 'lots'", "nt_csv_fail with a column");
	is_int(err.status, NT_ERR_PARSE, "nt_csv_fail sets err.status");
	nt_csv_fail(&err, &row, 0, "missing column '%s'", "name");
	is_str(err.msg, "foods.csv:14: missing column 'name'", "nt_csv_fail without a column");
	is_int(nt_csv_fail(NULL, &row, 1, "x"), NT_ERR_PARSE, "nt_csv_fail with NULL err");

	is_int(nt_csv_column(&row, "id"), 0, "column id");
	is_int(nt_csv_column(&row, "group"), 2, "column group");
	is_int(nt_csv_column(&row, ""), 3, "column with an empty name");
	is_int(nt_csv_column(&row, "Name"), -1, "column lookup is exact");
	is_int(nt_csv_column(&row, "energy"), -1, "missing column");
	row.n = 0;
	is_int(nt_csv_column(&row, "id"), -1, "no columns");
}

/* Runs fn over a memory stream; returns the bytes written (static). */
static const char *
written(int (*fn)(FILE *, const void *), const void *arg, int *rc)
{
	size_t len;
	FILE *fp;

	free(written_out);
	written_out = NULL;
	if (!(fp = open_memstream(&written_out, &len)))
		tap_bail("open_memstream");
	*rc = fn(fp, arg);
	fclose(fp);
	return written_out;
}

static int
write_one(FILE *fp, const void *arg)
{
	return nt_csv_write_field(fp, arg, true);
}

static int
write_second(FILE *fp, const void *arg)
{
	return nt_csv_write_field(fp, arg, false);
}

struct rec {
	size_t n;
	const char *const *f;
};

static int
write_rec(FILE *fp, const void *arg)
{
	const struct rec *r = arg;

	return nt_csv_write_record(fp, r->n, r->f);
}

static void
field(const char *in, const char *want, const char *what)
{
	int rc;

	is_str(written(write_one, in, &rc), want, "write %s", what);
	is_int(rc, 0, "write %s: returns 0", what);
}

static void
test_write(void)
{
	static const char *const rec1[] = {"1", "Salmon, raw", "", NULL, "3 oz"};
	struct rec r1 = {5, rec1};
	int rc;
	FILE *full;

	field("plain", "plain", "plain text as is");
	field("Cr\xc3\xa8me", "Cr\xc3\xa8me", "UTF-8 as is");
	field("a b", "a b", "inner space as is");
	field("a;b|c\\d", "a;b|c\\d", "other punctuation as is");
	field("a,b", "\"a,b\"", "comma quoted");
	field("say \"hi\"", "\"say \"\"hi\"\"\"", "quotes doubled");
	field("\"", "\"\"\"\"", "a lone quote");
	field("two\nlines", "\"two\nlines\"", "LF quoted");
	field("cr\rx", "\"cr\rx\"", "CR quoted");
	field(" lead", "\" lead\"", "leading space quoted");
	field("trail ", "\"trail \"", "trailing space quoted");
	field("\tlead", "\"\tlead\"", "leading tab quoted");
	field("trail\t", "\"trail\t\"", "trailing tab quoted");
	field("", "", "empty writes nothing");
	field(NULL, "", "NULL writes nothing");
	is_str(written(write_second, "x", &rc), ",x", "a later field starts with a comma");
	is_str(written(write_second, "", &rc), ",", "a later empty field is just a comma");
	is_str(written(write_second, "a,b", &rc), ",\"a,b\"", "a later quoted field");
	is_str(written(write_rec, &r1, &rc), "1,\"Salmon, raw\",,,3 oz\r\n",
	       "a record ends with CRLF");
	is_int(rc, 0, "write_record returns 0");
	r1.n = 0;
	is_str(written(write_rec, &r1, &rc), "\r\n", "an empty record is a CRLF");

	if ((full = fopen("/dev/full", "w")) != NULL) {
		r1.n = 5;
		setvbuf(full, NULL, _IONBF, 0);
		errno = 0;
		is_int(nt_csv_write_record(full, r1.n, r1.f), -1, "write error returns -1");
		ok(errno == ENOSPC, "write error sets errno (%s)", strerror(errno));
		is_int(nt_csv_write_field(full, "a,b", true), -1, "quoted field write error");
		is_int(nt_csv_end_record(full), -1, "end_record write error");
		fclose(full);
	} else {
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
	}
}

/* ---- round trip: write records, read them back field by field ---- */

static const char *const trip[][4] = {
	{"id", "name", "note", "last"},
	{"1", "Salmon, Atlantic, wild", "3 oz = 85 g", "x"},
	{"2", "He said \"hi\"", "\"", "\"\""},
	{"3", "two\nlines", "cr\rlf\r\nend", "\n"},
	{"4", " lead", "trail ", "  both  "},
	{"5", "\ttab", "tab\t", "in\tside"},
	{"6", "", "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e", ""},
	{"7", ",", ",,", "a,\"b\",c"},
};

struct trip_check {
	size_t bad, rows;
};

static enum nt_status
check_trip(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct trip_check *t = ctx;
	size_t r = t->rows++;

	(void)err;
	if (r >= sizeof trip / sizeof *trip || row->n != 4) {
		t->bad++;
		return NT_OK;
	}
	for (size_t i = 0; i < 4; i++)
		if (strcmp(row->field[i], trip[r][i])) {
			printf("# record %zu field %zu: got '%s'\n", r + 1, i + 1, row->field[i]);
			t->bad++;
		}
	return NT_OK;
}

static void
test_round_trip(void)
{
	const char *p = FIXTURE("trip.csv", "");
	struct trip_check t = {0, 0};
	struct nt_err err;
	FILE *fp = fopen(p, "wb");
	int rc = 0;

	if (!fp)
		tap_bail("cannot write %s", p);
	for (size_t i = 0; i < sizeof trip / sizeof *trip; i++)
		rc |= nt_csv_write_record(fp, 4, trip[i]);
	if (fclose(fp))
		rc = -1;
	is_int(rc, 0, "round trip: written");
	is_int(nt_csv_read(p, ',', check_trip, &t, NULL, &err), NT_OK, "round trip: read back");
	is_int(t.rows, sizeof trip / sizeof *trip, "round trip: every record back");
	is_int(t.bad, 0, "round trip: every field identical");
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/nt-csvio-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpdir))
		tap_bail("mkdtemp: %s", strerror(errno));
	atexit(cleanup);

	test_read();
	test_read_errors();
	test_limits();
	test_big();
	test_callback_stop();
	test_stdin();
	test_fail_and_column();
	test_write();
	test_round_trip();
	return tap_done();
}
