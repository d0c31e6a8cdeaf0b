/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_json.c - the JSON writer behind every command's --json. */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "cli_format.h"
#include "cli_json.h"
#include "text.h"

void
cli_json_init(struct cli_json *j, FILE *fp)
{
	memset(j, 0, sizeof *j);
	j->fp = fp;
}

static void
indent(struct cli_json *j)
{
	putc('\n', j->fp);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->fp);
}

/* Before any value: the comma and line of an array element (a member's came with its key). */
static void
value_start(struct cli_json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->any[j->depth - 1])
		putc(',', j->fp);
	j->any[j->depth - 1] = true;
	indent(j);
}

static void
begin(struct cli_json *j, char open)
{
	value_start(j);
	assert(j->depth < CLI_JSON_MAX_DEPTH);
	putc(open, j->fp);
	j->any[j->depth++] = false;
}

static void
end(struct cli_json *j, char close)
{
	assert(j->depth > 0);
	j->depth--;
	if (j->any[j->depth])
		indent(j);
	putc(close, j->fp);
	if (j->depth == 0)
		putc('\n', j->fp);
}

void cli_json_begin_object(struct cli_json *j) { begin(j, '{'); }
void cli_json_end_object(struct cli_json *j) { end(j, '}'); }
void cli_json_begin_array(struct cli_json *j) { begin(j, '['); }
void cli_json_end_array(struct cli_json *j) { end(j, ']'); }

static void
put_string(FILE *fp, const char *s)
{
	size_t len = strlen(s), i = 0;

	putc('"', fp);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned cp;
		size_t k;

		if (c == '"' || c == '\\') {
			putc('\\', fp);
			putc(c, fp);
			i++;
		} else if (c < 0x20) {
			fprintf(fp, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			putc(c, fp);
			i++;
		} else if ((k = nt_utf8_decode(s + i, len - i, &cp)) > 0) {
			fwrite(s + i, 1, k, fp);
			i += k;
		} else {
			fputs("\\ufffd", fp); /* JSON text must be UTF-8 */
			i++;
		}
	}
	putc('"', fp);
}

void
cli_json_key(struct cli_json *j, const char *key)
{
	assert(j->depth > 0 && !j->after_key);
	value_start(j);
	put_string(j->fp, key);
	fputs(": ", j->fp);
	j->after_key = true;
}

void
cli_json_string(struct cli_json *j, const char *s)
{
	value_start(j);
	if (s)
		put_string(j->fp, s);
	else
		fputs("null", j->fp);
}

void
cli_json_number(struct cli_json *j, double v, int decimals)
{
	char buf[64];

	value_start(j);
	if (!isfinite(v)) {
		fputs("null", j->fp);
		return;
	}
	if (decimals >= 0)
		cli_fmt_fixed(buf, sizeof buf, v, decimals);
	else
		cli_fmt_exact(buf, sizeof buf, v);
	fputs(buf, j->fp);
}

void
cli_json_int(struct cli_json *j, long long v)
{
	value_start(j);
	fprintf(j->fp, "%lld", v);
}

void
cli_json_bool(struct cli_json *j, bool b)
{
	value_start(j);
	fputs(b ? "true" : "false", j->fp);
}

void
cli_json_null(struct cli_json *j)
{
	value_start(j);
	fputs("null", j->fp);
}

void
cli_json_key_string(struct cli_json *j, const char *key, const char *s)
{
	cli_json_key(j, key);
	cli_json_string(j, s);
}

void
cli_json_key_number(struct cli_json *j, const char *key, double v, int decimals)
{
	cli_json_key(j, key);
	cli_json_number(j, v, decimals);
}

void
cli_json_key_int(struct cli_json *j, const char *key, long long v)
{
	cli_json_key(j, key);
	cli_json_int(j, v);
}

void
cli_json_key_bool(struct cli_json *j, const char *key, bool b)
{
	cli_json_key(j, key);
	cli_json_bool(j, b);
}

void
cli_json_measure_key(char *buf, size_t n, enum nt_measure m)
{
	snprintf(buf, n, "%s", nt_measure_column(m)); /* the CSV header: "b12_ug", "folate_dfe_ug" */
}

void
cli_json_amounts(struct cli_json *j, const struct nt_amounts *v, const enum nt_measure *ms,
                 size_t n, bool exact)
{
	char key[48];

	for (size_t i = 0; i < n; i++) {
		cli_json_measure_key(key, sizeof key, ms[i]);
		cli_json_key_number(j, key, v->v[ms[i]], exact ? -1 : nt_measure_decimals(ms[i]));
	}
	cli_json_key(j, "partial");
	cli_json_begin_array(j);
	for (size_t i = 0; i < n; i++)
		if (nt_known(v->v[ms[i]]) && (v->partial & (1u << ms[i]))) {
			cli_json_measure_key(key, sizeof key, ms[i]);
			cli_json_string(j, key);
		}
	cli_json_end_array(j);
	cli_json_key(j, "estimated");
	cli_json_begin_array(j);
	for (size_t i = 0; i < n; i++)
		if (nt_known(v->v[ms[i]]) && (v->estimated & (1u << ms[i]))) {
			cli_json_measure_key(key, sizeof key, ms[i]);
			cli_json_string(j, key);
		}
	cli_json_end_array(j);
}
