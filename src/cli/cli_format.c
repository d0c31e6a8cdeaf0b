/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_format.c - number, unit and text formatting for the CLI. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli_format.h"
#include "csvio.h"
#include "text.h"

void
cli_fmt_fixed(char *buf, size_t n, double v, int decimals)
{
	if (!nt_known(v)) {
		buf[0] = '\0';
		return;
	}
	v = nt_round(v, decimals);
	if (v == 0)
		v = 0; /* no "-0" */
	snprintf(buf, n, "%.*f", decimals, v);
}

void
cli_fmt_exact(char *buf, size_t n, double v)
{
	if (!nt_known(v)) {
		buf[0] = '\0';
		return;
	}
	if (v == 0)
		v = 0;
	snprintf(buf, n, "%.10g", v);
}

void
cli_fmt_measure(const struct app *a, char *buf, size_t n, enum nt_measure m, double v,
            bool partial)
{
	cli_fmt_measure_est(a, buf, n, m, v, partial, false);
}

void
cli_fmt_measure_est(const struct app *a, char *buf, size_t n, enum nt_measure m, double v,
                    bool partial, bool estimated)
{
	char num[48];

	if (!nt_known(v)) {
		snprintf(buf, n, "?");
		return;
	}
	cli_fmt_fixed(num, sizeof num, v, nt_measure_decimals(m));
	snprintf(buf, n, "%s%s %s%s", estimated ? CLI_ESTIMATE_MARK : "", num,
	         app_unit(a, nt_measure_unit(m)), partial ? "*" : "");
}

void
cli_put_key_values(const struct app *a, const struct nt_amounts *v)
{
	static const struct {
		enum nt_measure m;
		const char *label;
	} keys[] = {{NT_B12, "B12"}, {NT_OMEGA3, "omega-3"}, {NT_POTASSIUM, "potassium"}};
	const char *sep = a->utf8 ? " \xc2\xb7 " : ", ";

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char buf[64];

		cli_fmt_measure_est(a, buf, sizeof buf, keys[i].m, v->v[keys[i].m],
		                    v->partial & (1u << keys[i].m),
		                    v->estimated & (1u << keys[i].m));
		printf("%s%s %s", i ? sep : "", keys[i].label, buf);
	}
}

void
cli_fmt_grams(char *buf, size_t n, long long mg)
{
	long long tenths = (mg + 50) / 100;

	if (tenths % 10)
		snprintf(buf, n, "%lld.%lld g", tenths / 10, tenths % 10);
	else
		snprintf(buf, n, "%lld g", tenths / 10);
}

int
cli_text_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int w = 0;

	while (i < len) {
		unsigned cp;
		size_t k = nt_utf8_decode(s + i, len - i, &cp);

		i += k ? k : 1;
		w++;
	}
	return w;
}

void
cli_put_padded(FILE *fp, const char *s, int width, bool right)
{
	int pad = width - cli_text_width(s);

	if (right)
		for (; pad > 0; pad--)
			putc(' ', fp);
	fputs(s, fp);
	if (!right)
		for (; pad > 0; pad--)
			putc(' ', fp);
}

void
cli_put_row(FILE *fp, const char *const *cells, const int *widths, size_t n)
{
	size_t last = n;

	while (last > 0 && !*cells[last - 1])
		last--;
	for (size_t i = 0; i < last; i++) {
		bool right = widths[i] < 0;
		int w = right ? -widths[i] : widths[i];

		/* the last cell needs no padding after it */
		cli_put_padded(fp, cells[i], i + 1 == last && !right ? 0 : w, right);
	}
	putc('\n', fp);
}

void
cli_fmt_name(char *buf, size_t n, const char *name)
{
	nt_text_sanitize(name, buf, n);
}

void
cli_csv_field(FILE *fp, const char *s, bool first)
{
	nt_csv_write_field(fp, s, first);
}

void
cli_csv_end(FILE *fp)
{
	nt_csv_end_record(fp);
}
