/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c - ranges, trends, the richest foods, and the HTML report. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "date.h"
#include "diet.h"
#include "food.h"
#include "report.h"
#include "store.h"

enum nt_status
nt_report_range(struct nt_store *s, long from, long to, struct nt_report *out,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_report r;
	enum nt_status st;

	if (!err)
		err = &scratch;
	if (to < from)
		return nt_err_set(err, NT_ERR_RANGE, "the range ends before it starts");
	if (to - from + 1 > NT_REPORT_MAX_DAYS)
		return nt_err_set(err, NT_ERR_RANGE, "a report covers at most %d days",
		                  NT_REPORT_MAX_DAYS);
	memset(&r, 0, sizeof r);
	r.from = from;
	r.to = to;
	r.ndays = (int)(to - from + 1);
	if ((st = nt_profile_get(s, &r.profile, err)) ||
	    (st = nt_targets_for(s, &r.profile, &r.targets, err)))
		return st;
	if (!(r.days = calloc((size_t)r.ndays, sizeof *r.days)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	if ((st = nt_analysis_days(s, from, r.ndays, r.days, err))) {
		free(r.days);
		return st;
	}
	nt_analysis_average(r.days, r.ndays, &r.average, &r.days_logged, r.days_known);
	nt_judge(&r.average, r.days_logged > 0, &r.targets, r.avg);
	*out = r;
	return NT_OK;
}

void
nt_report_fini(struct nt_report *r)
{
	if (!r)
		return;
	free(r->days);
	r->days = NULL;
}

enum nt_status
nt_report_trend(struct nt_store *s, long day, int weeks, struct nt_trend *out,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_day_total *days;
	enum nt_status st;
	long first;

	if (!err)
		err = &scratch;
	if (weeks < 1 || weeks > NT_TREND_MAX_WEEKS)
		return nt_err_set(err, NT_ERR_RANGE, "a trend covers 1 to %d weeks",
		                  NT_TREND_MAX_WEEKS);
	first = nt_date_week_start(day) - 7L * (weeks - 1);
	/* the weeks before the first day nutrack keeps are left out (it is a Monday) */
	while (weeks > 1 && first < nt_date_first()) {
		first += 7;
		weeks--;
	}
	if (!(days = calloc((size_t)weeks * 7, sizeof *days)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	/* one query for the whole span, then a week at a time */
	if ((st = nt_analysis_days(s, first, weeks * 7, days, err))) {
		free(days);
		return st;
	}
	out->weeks = weeks;
	for (int w = 0; w < weeks; w++) {
		out->start[w] = first + 7L * w;
		nt_analysis_average(days + 7 * w, 7, &out->avg[w], &out->logged[w], out->known[w]);
	}
	free(days);
	return NT_OK;
}

/*
 * Foods with an everyday portion (the table everyday_portion: USDA's
 * serving, FNDDS's "quantity not specified", of at most 500 g, else the
 * first portion of at most 250 g), a positive value of the measure, current
 * values and fitting the diet, best first (the value per portion computed
 * exactly as nt_amounts_for does, then the row id, like top_cmp), at most
 * ?11.  The measure is tested first.  One statement per measure, in two
 * forms: the full diet and exclusion test, and, when the user has no
 * exclusion and no correction of a food's tags, the food's own tags alone
 * (the same answer without a subquery for every food).
 */
#define TOP_SQL(value100, value, diet)                                                     \
	"SELECT f.id FROM foods f JOIN everyday_portion e ON e.food = f.id"                 \
	" WHERE " value100 " > 0 AND f.grp <> 'Supplements' AND (?10 OR f.source <> 'sr28')" \
	" AND " NT_FOOD_CURRENT_SQL " AND (?12 OR " NT_ADVICE_SQL ")"                    \
	" AND NOT (?13 AND (f.class & " TOP_ENERGY ") <> 0) AND " diet                     \
	" ORDER BY " value " DESC, f.id LIMIT ?11"
#define TOP_ENERGY "2" /* NT_CLASS_ENERGY */
_Static_assert(NT_CLASS_ENERGY == 2, "TOP_ENERGY is NT_CLASS_ENERGY");
#define TOP_FULL NT_DIET_ALLOWED_SQL
#define TOP_LEAN "(f.contains & ?9) = 0"
#define TOP_ONE(col) \
	{TOP_SQL(col, col " * e.grams / 100.0", TOP_FULL), \
	 TOP_SQL(col, col " * e.grams / 100.0", TOP_LEAN)}
#define PART(col) "ifnull(" col " * e.grams / 100.0, 0)"
#define OMEGA3_100 "(ifnull(f.ala_g, 0) + ifnull(f.epa_g, 0) + ifnull(f.dha_g, 0) + ifnull(f.dpa_g, 0))"
#define OMEGA3 "(" PART("f.ala_g") " + " PART("f.epa_g") " + " PART("f.dha_g") " + " \
	PART("f.dpa_g") ")"
#define EPA_DHA_100 "(ifnull(f.epa_g, 0) + ifnull(f.dha_g, 0))"
#define EPA_DHA "(" PART("f.epa_g") " + " PART("f.dha_g") ") * 1000.0"
static const char *const sql_top[NT_MEASURE_COUNT][2] = {
	[NT_ENERGY] = TOP_ONE("f.energy_kcal"),
	[NT_PROTEIN] = TOP_ONE("f.protein_g"),
	[NT_B12] = TOP_ONE("f.b12_ug"),
	[NT_B12_ADDED] = TOP_ONE("f.b12_added_ug"),
	[NT_ALA] = TOP_ONE("f.ala_g"),
	[NT_EPA] = TOP_ONE("f.epa_g"),
	[NT_DHA] = TOP_ONE("f.dha_g"),
	[NT_DPA] = TOP_ONE("f.dpa_g"),
	[NT_POTASSIUM] = TOP_ONE("f.potassium_mg"),
	[NT_OMEGA3] = {TOP_SQL(OMEGA3_100, OMEGA3, TOP_FULL), TOP_SQL(OMEGA3_100, OMEGA3, TOP_LEAN)},
	[NT_EPA_DHA] = {TOP_SQL(EPA_DHA_100, EPA_DHA, TOP_FULL),
	                TOP_SQL(EPA_DHA_100, EPA_DHA, TOP_LEAN)},
};
/* What is shown of a food the ranking chose (the ranking reads ids only). */
static const char sql_top_food[] =
	"SELECT f.id, f.source, f.code, f.name, p.amount, p.unit, p.grams, "
	NT_FOOD_VALUE_COLUMNS_OF("f") ", f.ala_estimated"
	" FROM foods f JOIN everyday_portion e ON e.food = f.id"
	" JOIN portions p ON p.food = e.food AND p.seq = e.seq WHERE f.id = ?1";
static const char sql_top_personal[] =
	"SELECT EXISTS (SELECT 1 FROM exclusions) OR EXISTS (SELECT 1 FROM food_tags)";

void
nt_top_fini(struct nt_top *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].portion);
	}
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

static int
top_cmp(const void *a, const void *b)
{
	const struct nt_top_food *x = a, *y = b;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return x->food_id < y->food_id ? -1 : x->food_id > y->food_id;
}

/*
 * The ranking runs in SQL and reads food ids only (a Branded import has
 * hundreds of thousands of candidates); what is shown is then read for the
 * few foods that made the list.
 */
enum nt_status
nt_report_top(struct nt_store *s, enum nt_measure m, enum nt_diet diet, unsigned flags,
              size_t limit, struct nt_top *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	struct nt_top t = {0, NULL};
	long long *ids = NULL;
	size_t n = 0;
	bool personal;
	int rc;

	if (!err)
		err = &scratch;
	*out = t;
	if (limit == 0)
		return NT_OK;
	if ((unsigned)m >= NT_MEASURE_COUNT)
		return nt_err_set(err, NT_ERR_INVALID, "no such measure");
	if (limit > NT_TOP_MAX)
		limit = NT_TOP_MAX;
	if (!(ids = malloc(limit * sizeof *ids)) || !(t.v = calloc(limit, sizeof *t.v))) {
		free(ids);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	if (nt_store_begin_read(s, err))
		goto fail;
	if (!(st = nt_store_stmt(s, sql_top_personal, err)) || nt_stmt_step(st, err) < 0)
		goto fail_tx;
	personal = nt_stmt_int(st, 0) != 0;
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_top[m][personal ? 0 : 1], err)))
		goto fail_tx;
	nt_stmt_bind_int(st, 9, flags & NT_TOP_ANY_DIET ? 0 : nt_diet_forbids(diet));
	nt_stmt_bind_int(st, 10, !!(flags & NT_TOP_INGREDIENTS));
	nt_stmt_bind_int(st, 11, (long long)limit);
	nt_stmt_bind_int(st, 12, !!(flags & NT_TOP_NOT_ADVICE));
	nt_stmt_bind_int(st, 13, !!(flags & NT_TOP_NO_ENERGY));
	while (n < limit && (rc = nt_stmt_step(st, err)) > 0)
		ids[n++] = nt_stmt_int(st, 0);
	if (rc < 0)
		goto fail_tx;
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_top_food, err)))
		goto fail_tx;
	for (size_t i = 0; i < n; i++) {
		double per100[NT_STORED_COUNT];
		struct nt_amounts v, v100;
		struct nt_top_food *x = &t.v[t.n];
		char portion[256];

		nt_stmt_bind_int(st, 1, ids[i]);
		if ((rc = nt_stmt_step(st, err)) < 0)
			goto fail_tx;
		if (rc == 0)
			continue;
		x->food_id = ids[i];
		x->grams = nt_stmt_double(st, 6);
		for (int k = 0; k < NT_STORED_COUNT; k++)
			per100[k] = nt_stmt_double(st, 7 + k);
		nt_amounts_for(per100, x->grams, &v);
		nt_amounts_for(per100, 100, &v100);
		nt_amounts_mark_estimated(&v, nt_estimated_bits(nt_stmt_int(st, 7 + NT_STORED_COUNT)
		                                                != 0));
		x->value = v.v[m];
		x->per100 = v100.v[m];
		x->estimated = (v.estimated & (1u << m)) != 0;
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), x->ref, sizeof x->ref);
		x->dated = nt_food_dated(x->ref, per100);
		if (!strncmp(nt_stmt_text(st, 5), "Quantity not specified", 22))
			snprintf(portion, sizeof portion, "a usual portion");
		else
			snprintf(portion, sizeof portion, "%g %s", nt_stmt_double(st, 4),
			         nt_stmt_text(st, 5));
		x->name = strdup(nt_stmt_text(st, 3));
		x->portion = strdup(portion);
		nt_stmt_reset(st);
		t.n++;
		if (!x->name || !x->portion) {
			nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			goto fail_tx;
		}
	}
	nt_store_rollback(s); /* a read: nothing to keep */
	free(ids);
	/* SQL ranked them as top_cmp does; sorting a ranked list costs nothing */
	qsort(t.v, t.n, sizeof *t.v, top_cmp);
	*out = t;
	return NT_OK;
fail_tx:
	nt_store_rollback(s);
fail:
	free(ids);
	nt_top_fini(&t);
	return err->status;
}

/* ---- HTML ---- */

static void
put_escaped(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\n')
				putc(*s, fp);
		}
	}
}

static const struct {
	enum nt_measure m;
	const char *title, *unit;
} shown[] = {
	{NT_B12, "Vitamin B12", "\xc2\xb5g"},
	{NT_OMEGA3, "Omega-3 (ALA+EPA+DHA+DPA)", "g"},
	{NT_EPA_DHA, "EPA+DHA", "mg"},
	{NT_POTASSIUM, "Potassium", "mg"},
	{NT_ENERGY, "Energy", "kcal"},
};
#define N_SHOWN (sizeof shown / sizeof *shown)

static void
value_cell(FILE *fp, double v, int decimals, bool partial)
{
	if (nt_known(v))
		fprintf(fp, "<td>%.*f%s</td>", decimals, nt_round(v, decimals), partial ? "*" : "");
	else
		fputs("<td class=\"na\">?</td>", fp);
}

/* A bar per day at its percent of target (capped at 200%), a line at 100%. */
static void
svg_chart(FILE *fp, const struct nt_report *r, enum nt_measure m, const char *title,
          const char *unit)
{
	const double w = 720, h = 160, top = 10, bottom = 24, cap = 200;
	double target = r->targets.t[m].value, bw = w / r->ndays, y100;
	char from[NT_DATE_LEN], to[NT_DATE_LEN];

	if (!nt_known(target))
		return;
	y100 = top + (h - top - bottom) * (1 - 100 / cap);
	fprintf(fp, "<figure><svg viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" role=\"img\" "
	        "aria-label=\"", w, h);
	put_escaped(fp, title);
	fputs(" per day, percent of target\">\n", fp);
	for (int i = 0; i < r->ndays; i++) {
		double v = r->days[i].total.v[m], pct, bh;

		if (!r->days[i].entries) { /* not logged: a grey tick, not a zero */
			fprintf(fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"2\" "
			        "class=\"nl\"/>\n", i * bw + bw * 0.1, h - bottom - 2, bw * 0.8);
			continue;
		}
		if (!nt_known(v))
			continue;
		pct = fmin(100 * v / target, cap);
		bh = (h - top - bottom) * pct / cap;
		fprintf(fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" class=\"%s\"/>\n",
		        i * bw + bw * 0.1, h - bottom - bh, bw * 0.8, bh, pct >= 100 ? "ok" : "low");
	}
	fprintf(fp, "<line x1=\"0\" x2=\"%.0f\" y1=\"%.2f\" y2=\"%.2f\" class=\"target\"/>\n", w,
	        y100, y100);
	fprintf(fp, "<text x=\"%.0f\" y=\"%.2f\" class=\"lbl\" text-anchor=\"end\">target</text>\n",
	        w - 2, y100 - 3);
	nt_date_format(r->from, from);
	nt_date_format(r->to, to);
	fprintf(fp, "<text x=\"0\" y=\"%.0f\" class=\"lbl\">%s</text>\n", h - 6, from);
	fprintf(fp, "<text x=\"%.0f\" y=\"%.0f\" class=\"lbl\" text-anchor=\"end\">%s</text>\n", w,
	        h - 6, to);
	fputs("</svg><figcaption>", fp);
	put_escaped(fp, title);
	fprintf(fp, ": each day's intake as a percent of the target (%g %s); bars stop at 200%%; a "
	        "grey line marks a day with nothing logged.</figcaption></figure>\n",
	        target, unit);
}

enum nt_status
nt_report_html(FILE *fp, const struct nt_report *r, const char *title, struct nt_err *err)
{
	char from[NT_DATE_LEN], to[NT_DATE_LEN];
	const struct nt_profile *p = &r->profile;

	nt_date_format(r->from, from);
	nt_date_format(r->to, to);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
	put_escaped(fp, title);
	fputs("</title>\n<style>\n"
	      "body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
	      "color:#222;line-height:1.4}\n"
	      "table{border-collapse:collapse;margin:1em 0}\n"
	      "th,td{padding:.2em .7em;border-bottom:1px solid #ccc;text-align:right}\n"
	      "th:first-child,td:first-child{text-align:left}\n"
	      ".low{color:#a00;font-weight:bold}.ok{color:#060}.na{color:#888}\n"
	      "svg .ok{fill:#3a7d44}svg .low{fill:#c0392b}svg .nl{fill:#aaa}\n"
	      "svg .target{stroke:#222;stroke-dasharray:4 3}svg .lbl{font-size:11px;fill:#444}\n"
	      "figure{margin:1em 0;break-inside:avoid}figcaption{font-size:.85em;color:#444}\n"
	      ".note{font-size:.85em;color:#444}\n"
	      "@media print{body{margin:0;max-width:none}h2{break-after:avoid}"
	      "table{break-inside:avoid}}\n"
	      "</style>\n</head>\n<body>\n<h1>", fp);
	put_escaped(fp, title);
	fprintf(fp, "</h1>\n<p>%s to %s: %d of %d days logged (the average counts logged days only; "
	        "a day with nothing logged is not zero intake, nor is a day where a nutrient is "
	        "unknown: Days says how many days each average covers).<br>\n", from, to,
	        r->days_logged, r->ndays);
	if (p->is_set)
		fprintf(fp, "Targets for a %s aged %g%s%s, %s diet.</p>\n", nt_sex_name(p->sex),
		        p->age_y, p->stage ? ", " : "", p->stage ? nt_stage_name(p->stage) : "",
		        nt_diet_name(p->diet));
	else
		fputs("Targets for an adult woman (no profile set).</p>\n", fp);

	fputs("<h2>Average per logged day</h2>\n<table>\n<tr><th>Nutrient</th><th>Intake</th>"
	      "<th>Days</th><th>Target</th><th>%</th><th>Status</th></tr>\n", fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		const struct nt_judgement *j = &r->avg[shown[i].m];
		const char *lvl = nt_level_name(j->level);

		fputs("<tr><td>", fp);
		put_escaped(fp, shown[i].title);
		fputs("</td>", fp);
		value_cell(fp, j->intake, nt_measure_decimals(shown[i].m), j->partial);
		/* the days this average covers: the logged days with a value */
		fprintf(fp, "<td>%d of %d</td>", r->days_known[shown[i].m], r->days_logged);
		if (nt_known(j->target))
			fprintf(fp, "<td>%g %s</td>", j->target, shown[i].unit);
		else
			fputs("<td></td>", fp);
		if (j->percent >= 0)
			fprintf(fp, "<td>%d%%</td>", j->percent);
		else
			fputs("<td></td>", fp);
		fprintf(fp, "<td class=\"%s\">%s</td></tr>\n", lvl, lvl);
	}
	fputs("</table>\n<h2>Day by day</h2>\n", fp);
	for (size_t i = 0; i < 4; i++)
		svg_chart(fp, r, shown[i].m, shown[i].title, shown[i].unit);
	fputs("<table>\n<tr><th>Date</th>", fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		fputs("<th>", fp);
		put_escaped(fp, shown[i].title);
		fprintf(fp, " (%s)</th>", shown[i].unit);
	}
	fputs("</tr>\n", fp);
	for (int d = 0; d < r->ndays; d++) {
		char date[NT_DATE_LEN];

		nt_date_format(r->days[d].day, date);
		fprintf(fp, "<tr><td>%s %s</td>", nt_date_weekday_abbr(nt_date_weekday(r->days[d].day)),
		        date);
		if (!r->days[d].entries) {
			fprintf(fp, "<td colspan=\"%zu\" class=\"na\">not logged</td></tr>\n", N_SHOWN);
			continue;
		}
		for (size_t i = 0; i < N_SHOWN; i++)
			value_cell(fp, r->days[d].total.v[shown[i].m], nt_measure_decimals(shown[i].m),
			           r->days[d].total.partial & (1u << shown[i].m));
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n<p class=\"note\">? = not measured by the source (unknown, not zero); "
	      "* = partial: some entries have no value for it. Foods: USDA SR28 and FNDDS "
	      "2021-2023. Targets: vitamin B12 RDA and ALA AI (IOM/NASEM DRI), potassium AI "
	      "(NASEM 2019), EPA+DHA 250 mg (EFSA 2010 guidance). Made with nutrack, a tracker, "
	      "not a diagnosis: discuss results with your clinician.</p>\n</body>\n</html>\n", fp);
	errno = 0;
	if (fflush(fp) != 0 || ferror(fp))
		return nt_err_set(err, NT_ERR_IO, "%s", strerror(errno ? errno : EIO));
	return NT_OK;
}
