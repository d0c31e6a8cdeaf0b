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
#include "journal.h"
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
	if (!(r.days = calloc((size_t)r.ndays, sizeof *r.days)) ||
	    !(r.daily = calloc((size_t)r.ndays, sizeof *r.daily)) ||
	    !(r.profiles = calloc((size_t)r.ndays, sizeof *r.profiles))) {
		nt_report_fini(&r);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	if ((st = nt_targets_days(s, from, r.ndays, r.daily, r.profiles, err)) ||
	    (st = nt_analysis_days(s, from, r.ndays, r.days, err))) {
		nt_report_fini(&r);
		return st;
	}
	r.profile = r.profiles[r.ndays - 1];
	nt_analysis_average(r.days, r.ndays, &r.average, &r.days_logged, r.days_known);
	nt_analysis_mean_targets(r.days, r.daily, r.ndays, &r.targets);
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
	free(r->daily);
	r->daily = NULL;
	free(r->profiles);
	r->profiles = NULL;
	free(r->b12_absorbed);
	r->b12_absorbed = NULL;
	free(r->b12_absorbed_partial);
	r->b12_absorbed_partial = NULL;
	free(r->weeks);
	r->weeks = NULL;
	r->nweeks = 0;
	for (int i = 0; i < r->nlabs; i++)
		free(r->labs[i].unit);
	free(r->labs);
	r->labs = NULL;
	r->nlabs = 0;
}

/* nt_lab_each's callback: keeps the results taken from..to. */
struct lab_keep {
	long from, to;
	int n, cap;
	struct nt_report_lab *v;
	bool nomem;
};

static void
lab_keep(void *ctx, const struct nt_lab_result *x)
{
	struct lab_keep *k = ctx;
	struct nt_report_lab *l;

	if (k->nomem || x->day < k->from || x->day > k->to)
		return;
	if (k->n == k->cap) {
		int cap = k->cap ? 2 * k->cap : 8;
		struct nt_report_lab *v = realloc(k->v, (size_t)cap * sizeof *v);

		if (!v) {
			k->nomem = true;
			return;
		}
		k->v = v;
		k->cap = cap;
	}
	l = &k->v[k->n];
	*l = (struct nt_report_lab){x->day, x->kind, x->value, x->entered, strdup(x->unit),
	                            x->decimals};
	if (!l->unit)
		k->nomem = true;
	else
		k->n++;
}

/* Each day's absorbed B12 and each touched week's routine, a week of entries at a time. */
static enum nt_status
detail_weeks(struct nt_store *s, long from, long to, double *absorbed, bool *partial,
             struct nt_report_week *weeks, struct nt_err *err)
{
	long first = nt_date_week_start(from);
	int nweeks = (int)((nt_date_week_start(to) - first) / 7 + 1);

	for (int w = 0; w < nweeks; w++) {
		struct nt_entry_list days[7];
		enum nt_status st = NT_OK;
		int n = 0;

		weeks[w].start = first + 7L * w;
		nt_date_iso_week(weeks[w].start, &weeks[w].iso_year, &weeks[w].iso_week);
		for (; n < 7; n++) {
			long day = weeks[w].start + n;

			if (!nt_date_in_range(day)) { /* past 9999-12-31: nothing there */
				days[n] = (struct nt_entry_list){0, NULL};
				continue;
			}
			if ((st = nt_journal_day(s, day, &days[n], err)))
				break;
			if (day >= from && day <= to)
				absorbed[day - from] = nt_b12_absorbed_day(&days[n], &partial[day - from]);
		}
		if (!st)
			nt_b12_week_judge(days, &weeks[w].b12);
		for (int i = 0; i < n; i++)
			nt_entry_list_fini(&days[i]);
		if (st)
			return st;
	}
	return NT_OK;
}

enum nt_status
nt_report_detail(struct nt_store *s, struct nt_report *r, struct nt_err *err)
{
	struct nt_err scratch;
	struct lab_keep labs = {r->from, r->to, 0, 0, NULL, false};
	int nweeks = (int)((nt_date_week_start(r->to) - nt_date_week_start(r->from)) / 7 + 1);
	double *absorbed = calloc((size_t)r->ndays, sizeof *absorbed);
	bool *partial = calloc((size_t)r->ndays, sizeof *partial);
	struct nt_report_week *weeks = calloc((size_t)nweeks, sizeof *weeks);
	enum nt_status st;

	if (!err)
		err = &scratch;
	if (!absorbed || !partial || !weeks) {
		st = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (int i = 0; i < r->ndays; i++)
		absorbed[i] = NT_UNKNOWN;
	if ((st = detail_weeks(s, r->from, r->to, absorbed, partial, weeks, err)) ||
	    (st = nt_lab_each(s, lab_keep, &labs, err)))
		goto fail;
	if (labs.nomem) {
		st = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		goto fail;
	}
	r->b12_absorbed = absorbed;
	r->b12_absorbed_partial = partial;
	r->nweeks = nweeks;
	r->weeks = weeks;
	r->nlabs = labs.n;
	r->labs = labs.v;
	return NT_OK;
fail:
	for (int i = 0; i < labs.n; i++)
		free(labs.v[i].unit);
	free(labs.v);
	free(absorbed);
	free(partial);
	free(weeks);
	return st;
}

enum nt_status
nt_report_trend(struct nt_store *s, long day, int weeks, struct nt_trend *out,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_day_total *days;
	struct nt_targets *daily;
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
	days = calloc((size_t)weeks * 7, sizeof *days);
	daily = calloc((size_t)weeks * 7, sizeof *daily);
	if (!days || !daily) {
		free(days);
		free(daily);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	/* one query for the whole span, then a week at a time */
	if ((st = nt_analysis_days(s, first, weeks * 7, days, err)) ||
	    (st = nt_targets_days(s, first, weeks * 7, daily, NULL, err))) {
		free(days);
		free(daily);
		return st;
	}
	out->weeks = weeks;
	for (int w = 0; w < weeks; w++) {
		out->start[w] = first + 7L * w;
		nt_analysis_average(days + 7 * w, 7, &out->avg[w], &out->logged[w], out->known[w]);
		nt_analysis_mean_targets(days + 7 * w, daily + 7 * w, 7, &out->targets[w]);
	}
	free(days);
	free(daily);
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
	"SELECT f.id, f.source, f.code, f.name, p.amount, p.unit, p.grams"
	NT_FOOD_VALUE_COLUMNS_F ", f.ala_estimated"
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

/*
 * The page: small functions, one per section, each writing to fp.  Every
 * string from the user or the data goes through put_escaped.
 */

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

#define MICRO "\xc2\xb5"
#define NDASH "\xe2\x80\x93"

/*
 * The measures the report shows, in order: the headline, energy, then the
 * second group of the nutrient table (NT_SHOW_MORE), which has averages,
 * targets and charts but no column of the day table (an A4 page has room
 * for the headline's).
 */
static const struct {
	enum nt_measure m;
	const char *title, *unit, *brief; /* brief: the day table's column */
	bool chart, day_col;
} shown[] = {
	{NT_B12, "Vitamin B12", MICRO "g", "B12 eaten", true, true},
	{NT_OMEGA3, "Omega-3 (ALA+EPA+DHA+DPA)", "g", "Omega-3", true, true},
	{NT_EPA_DHA, "EPA+DHA", "mg", "EPA+DHA", true, true},
	{NT_POTASSIUM, "Potassium", "mg", "Potassium", true, true},
	{NT_ENERGY, "Energy", "kcal", "Energy", false, true},
	{NT_FOLATE, "Folate (DFE)", MICRO "g", "Folate", true, false},
	{NT_FOLIC_ACID, "Folic acid", MICRO "g", "Folic acid", false, false},
	{NT_B6, "Vitamin B6", "mg", "B6", true, false},
};
#define N_SHOWN (sizeof shown / sizeof *shown)

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "Tue 10 Mar 2026" */
static void
put_day(FILE *fp, long day)
{
	int y, m, d;

	nt_date_to_ymd(day, &y, &m, &d);
	fprintf(fp, "%s %d %s %d", nt_date_weekday_abbr(nt_date_weekday(day)), d, month_abbr[m - 1],
	        y);
}

/* A week's days: "9 – 15 Mar 2026", "23 Feb – 1 Mar 2026", "29 Dec 2025 – 4 Jan 2026" */
static void
put_span(FILE *fp, long first, long last)
{
	int y0, m0, d0, y1, m1, d1;

	nt_date_to_ymd(first, &y0, &m0, &d0);
	nt_date_to_ymd(last, &y1, &m1, &d1);
	fprintf(fp, "%d", d0);
	if (m0 != m1 || y0 != y1)
		fprintf(fp, " %s", month_abbr[m0 - 1]);
	if (y0 != y1)
		fprintf(fp, " %d", y0);
	fprintf(fp, " " NDASH " %d %s %d", d1, month_abbr[m1 - 1], y1);
}

/*
 * A shown value with its marks, as the text reports mark it: "~" before an
 * estimate (it includes ALA estimated from USDA's undifferentiated 18:3),
 * "*" after a partial value (some part unknown, so a lower bound).
 */
static void
put_value(FILE *fp, double v, int decimals, bool partial, bool estimated)
{
	if (estimated)
		fputs("<span class=\"mark\" title=\"estimated: includes an estimated ALA\">~</span>",
		      fp);
	fprintf(fp, "%.*f", decimals, nt_round(v, decimals));
	if (partial)
		fputs("<span class=\"mark\" title=\"partial: some entries have no value\">*</span>",
		      fp);
}

static void
value_cell(FILE *fp, double v, int decimals, bool partial, bool estimated)
{
	if (!nt_known(v)) {
		fputs("<td class=\"na\">?</td>", fp);
		return;
	}
	fputs("<td>", fp);
	put_value(fp, v, decimals, partial, estimated);
	fputs("</td>", fp);
}

/* A day total's marks for one measure. */
#define BIT(mask, m) (((mask) & (1u << (m))) != 0)

static const char html_css[] =
	"body{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;"
	"color:#222;line-height:1.4}\n"
	"h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;"
	"border-bottom:1px solid #888}\n"
	"table{border-collapse:collapse;margin:.6em 0}\n"
	"th,td{padding:.15em .6em;border-bottom:1px solid #ccc;text-align:right;"
	"vertical-align:top}\n"
	"th{font-weight:600;background:#f3f3f3}\n"
	"th:first-child,td:first-child,td.l,th.l{text-align:left}\n"
	".low{color:#a00;font-weight:bold}.ok{color:#060}.na{color:#777}\n"
	".mark{color:#a60}td.date,td.routine{white-space:nowrap}td .note{white-space:nowrap}\n"
	".notice{border:1px solid #888;padding:.4em .7em;background:#f7f7f7}\n"
	"svg{display:block;width:100%;height:auto}\n"
	"svg text{font-family:system-ui,sans-serif;font-size:10px;fill:#333}\n"
	"svg .axis{stroke:#444;stroke-width:1}svg .grid{stroke:#ccc;stroke-width:.7}\n"
	"svg .target{stroke:#222;stroke-width:1.2;stroke-dasharray:5 3}\n"
	"svg .ok{fill:#3a7d44}svg .low{fill:#c0392b}svg .part{fill-opacity:.55}\n"
	"svg .zero{fill:#7a1010}svg .nl{fill:#ececec}svg .nlm{fill:none;stroke:#888}\n"
	"svg .nt{fill:#fff;stroke:#999;stroke-dasharray:3 2}svg .nt.over{stroke:#c0392b;"
	"stroke-width:2}\n"
	"svg .unk{fill:#fbeec0}svg text.unk{fill:#8a6d00;font-weight:bold}\n"
	"svg text.tl{font-weight:bold}svg text.small{font-size:8px}\n"
	"svg .lab{stroke:#222;stroke-width:.8}svg .lab.normal{fill:#3a7d44}"
	"svg .lab.borderline{fill:#e0a800}svg .lab.low,svg .lab.high{fill:#c0392b}\n"
	"figure{margin:.8em 0;break-inside:avoid}figcaption{font-size:.85em;color:#444}\n"
	".note{font-size:.85em;color:#444}\n"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	/* no page size: the printer's, A4 or Letter; the charts fit the narrower (A4) */
	"@page{margin:15mm 14mm}\n"
	"@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}"
	"h2{break-after:avoid}tr,figure,svg,.sources{break-inside:avoid}thead{display:table-header-group}"
	".newpage{break-before:page}}\n";

static void
html_head(FILE *fp, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
	      fp);
	put_escaped(fp, title);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_css);
	put_escaped(fp, title);
	fputs("</h1>\n", fp);
}

static void
html_intro(FILE *fp, const struct nt_report *r)
{
	fputs("<p>", fp);
	put_day(fp, r->from);
	fputs(" to ", fp);
	put_day(fp, r->to);
	fprintf(fp, ": %d of %d days logged. A day with nothing logged is not zero intake, nor is "
	        "a day where a nutrient is unknown: averages count the logged days with a value "
	        "(Days says how many).</p>\n", r->days_logged, r->ndays);
	fputs("<p class=\"notice\">Made with nutrack, a food diary: <strong>a tracker, not a "
	      "diagnosis.</strong> It shows what was logged, judged against population targets; "
	      "discuss the results with your clinician.</p>\n", fp);
}

static void
html_averages(FILE *fp, const struct nt_report *r)
{
	fputs("<h2>Average per logged day</h2>\n<table>\n<thead><tr><th>Nutrient</th>"
	      "<th>Intake</th><th>Days</th><th>Target</th><th>%</th><th>Status</th></tr></thead>\n",
	      fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		const struct nt_judgement *j = &r->avg[shown[i].m];
		const char *lvl = nt_level_name(j->level);

		fputs("<tr><td>", fp);
		put_escaped(fp, shown[i].title);
		fputs("</td>", fp);
		value_cell(fp, j->intake, nt_measure_decimals(shown[i].m), j->partial, j->estimated);
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
	fputs("</table>\n<p class=\"note\">? = unknown (not zero); * = partial, a lower bound; "
	      "~ = estimated (includes an estimated ALA).</p>\n", fp);
	if (r->days_logged && nt_folic_acid_masks_b12(r->avg)) {
		fputs("<p class=\"note\">", fp);
		put_escaped(fp, NT_FOLIC_ACID_B12_NOTE);
		fputs("</p>\n", fp);
	}
}

/* One target row: nutrient, value per day, type, source (from targets.csv). */
static void
target_row(FILE *fp, const char *title, double value, const char *unit, const char *type,
           const char *source)
{
	fputs("<tr><td>", fp);
	put_escaped(fp, title);
	if (nt_known(value))
		fprintf(fp, "</td><td>%g %s</td><td class=\"l\">", value, unit);
	else
		fputs("</td><td class=\"na\">none</td><td class=\"l\">", fp);
	put_escaped(fp, type);
	fputs("</td><td class=\"l\">", fp);
	put_escaped(fp, source);
	fputs("</td></tr>\n", fp);
}

/*
 * When the targets changed within the range: per nutrient, each period of
 * days with one target and limit, and where they came from.
 */
static void
html_target_periods(FILE *fp, const struct nt_report *r)
{
	fputs("<table class=\"periods\">\n<caption>The targets and limits in force, period by "
	      "period</caption>\n<thead><tr><th>Nutrient</th><th class=\"l\">Days</th>"
	      "<th>Target per day</th><th>Limit</th><th class=\"l\">Source</th></tr></thead>\n",
	      fp);
	for (size_t k = 0; k < N_SHOWN; k++) {
		enum nt_measure m = shown[k].m;
		bool any = false;

		for (int i = 0; i < r->ndays; i++)
			any |= nt_known(r->daily[i].t[m].value) || nt_known(r->daily[i].t[m].limit);
		for (int i = 0, first = 1; any && i < r->ndays; first = 0) {
			const struct nt_target *t = &r->daily[i].t[m];
			int j = i + 1;

			while (j < r->ndays && nt_same_value(r->daily[j].t[m].value, t->value) &&
			       nt_same_value(r->daily[j].t[m].limit, t->limit) &&
			       !strcmp(r->daily[j].t[m].source, t->source))
				j++;
			fputs("<tr><td>", fp);
			if (first)
				put_escaped(fp, shown[k].title);
			fputs("</td><td class=\"l date\">", fp);
			if (j - 1 > i)
				put_span(fp, r->from + i, r->from + j - 1);
			else
				put_day(fp, r->from + i);
			if (nt_known(t->value))
				fprintf(fp, "</td><td>%g %s", t->value, shown[k].unit);
			else
				fputs("</td><td class=\"na\">none", fp);
			if (nt_known(t->limit))
				fprintf(fp, "</td><td>%g %s", t->limit, shown[k].unit);
			else
				fputs("</td><td class=\"na\">none", fp);
			fputs("</td><td class=\"l\">", fp);
			if (nt_known(t->value) && t->type[0]) {
				put_escaped(fp, t->type);
				fputc(' ', fp);
			}
			if (!nt_known(t->value) && nt_known(t->limit) && t->dri_limit) {
				fputs("UL ", fp);
				put_escaped(fp, t->limit_source);
			} else if (!nt_known(t->value) && nt_known(t->limit))
				fputs(t->dri_dropped ? "limit set by you (the DRI target is above it: none)"
				                     : "limit set by you", fp);
			else
				put_escaped(fp, t->source[0] ? t->source : "no target");
			fputs("</td></tr>\n", fp);
			i = j;
		}
	}
	fputs("</table>\n", fp);
}

/*
 * The profile and the targets in force: who the targets are for, and each
 * target's value, type and source.  The one place to extend when profiles
 * and targets gain dates and custom limits.
 */
static void
html_profile_targets(FILE *fp, const struct nt_report *r)
{
	const struct nt_profile *p = &r->profile;
	const struct nt_target *b12 = &r->targets.t[NT_B12];
	int changes;

	fputs("<h2>Profile and targets</h2>\n<p>", fp);
	if (p->is_set)
		fprintf(fp, "Targets for a %s aged %g%s%s, %s diet", nt_sex_name(p->sex), p->age_y,
		        p->stage ? ", " : "", p->stage ? nt_stage_name(p->stage) : "",
		        nt_diet_name(p->diet));
	else
		fputs("Targets for an adult woman (no profile set)", fp);
	changes = 0;
	for (int i = 1; r->daily && i < r->ndays; i++) {
		const struct nt_profile *q = &r->profiles[i], *was = &r->profiles[i - 1];
		char d[NT_DATE_LEN];

		if (!nt_targets_differ(&r->daily[i], &r->daily[i - 1]))
			continue;
		nt_date_format(r->from + i, d);
		fprintf(fp, "%s on %s (", changes++ ? ";" : ", in force on the last day of the "
		        "range; the targets changed", d);
		if (!nt_profile_same(q, was))
			fprintf(fp, "%s aged %g%s%s, %s diet", nt_sex_name(q->sex), q->age_y,
			        q->stage ? ", " : "", q->stage ? nt_stage_name(q->stage) : "",
			        nt_diet_name(q->diet));
		else
			fputs("targets or limits set by you", fp);
		fputc(')', fp);
	}
	if (changes)
		fputs(". Each day is judged against the targets in force on it, and the average "
		      "against their mean over the days it covers, which the table gives", fp);
	else
		fputs(", applied to every day of the range", fp);
	fputs(".</p>\n<table>\n<thead><tr><th>Nutrient</th>"
	      "<th>Target per day</th><th class=\"l\">Type</th><th class=\"l\">Source</th></tr>"
	      "</thead>\n", fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		const struct nt_target *t = &r->targets.t[shown[i].m];
		char title[96];

		if (nt_known(t->value))
			target_row(fp, shown[i].title, t->value, shown[i].unit, t->type, t->source);
		if (nt_known(t->value) && shown[i].m == NT_B12)
			target_row(fp, "Vitamin B12 absorbed (estimate)",
			           nt_b12_absorbed_target(b12->value), MICRO "g",
			           "half the RDA",
			           "the RDA assumes about 50% absorption (IOM 1998, vitamin B12 chapter)");
		/* an upper limit, the DRI's (UL) or the user's (a clinician's):
		 * above it is over the limit */
		if (!nt_known(t->limit))
			continue;
		snprintf(title, sizeof title, "%s, upper limit", shown[i].title);
		if (t->dri_limit)
			target_row(fp, title, t->limit, shown[i].unit, "UL", t->limit_source);
		else
			target_row(fp, title, t->limit, shown[i].unit, "limit",
			           t->dri_dropped ? "set by you (the DRI target is above it: none)"
			                          : "set by you");
	}
	fputs("</table>\n", fp);
	if (changes)
		html_target_periods(fp, r);
}

/* ---- the charts: one geometry for every chart and the lab row ---- */

#define CH_W 680.0     /* viewBox width: A4's content width at 96 px/in (180 mm) */
#define CH_LEFT 50.0   /* the y axis' labels */
#define CH_RIGHT 6.0
#define CH_TOP 16.0    /* room above 150 % for the labels of taller bars */
#define CH_PLOT 100.0  /* 0 to 150 % */
#define CH_MAX 150.0
#define CH_DATES 30.0  /* the dates under the bars */
#define CH_LABEL_PX 44.0 /* the room one date label needs */

static double
ch_day_w(const struct nt_report *r)
{
	return (CH_W - CH_LEFT - CH_RIGHT) / r->ndays;
}

static double
ch_x(const struct nt_report *r, int i) /* the left edge of day i's column */
{
	return CH_LEFT + i * ch_day_w(r);
}

static double
ch_y(double pct)
{
	return CH_TOP + CH_PLOT * (1 - pct / CH_MAX);
}

/*
 * Which days get a date label, so that labels never overlap: every day,
 * every other day, Mondays, every other Monday, the 1st of each month, of
 * every third month, or New Year's Day.  *two_lines: room for the weekday.
 */
static bool
ch_labelled(const struct nt_report *r, int i, int *style)
{
	double w = ch_day_w(r);
	long day = r->from + i;
	int y, m, d;

	nt_date_to_ymd(day, &y, &m, &d);
	if (w >= CH_LABEL_PX) {
		*style = 2; /* "10 Mar" over "Tue" */
		return true;
	}
	*style = 1; /* "10 Mar" */
	if (2 * w >= CH_LABEL_PX)
		return i % 2 == 0;
	if (7 * w >= CH_LABEL_PX)
		return nt_date_weekday(day) == 0;
	if (14 * w >= CH_LABEL_PX)
		return nt_date_weekday(day) == 0 && (day - nt_date_first()) / 7 % 2 == 0;
	*style = 0; /* "Mar", "2026" under January */
	if (28 * w >= CH_LABEL_PX)
		return d == 1;
	if (90 * w >= CH_LABEL_PX)
		return d == 1 && (m - 1) % 3 == 0;
	*style = 3; /* "2026" */
	return d == 1 && m == 1;
}

/* One text at x, kept inside the chart's width (width estimated from its length). */
static void
ch_text(FILE *fp, double x, double y, const char *cls, const char *text)
{
	double half = strlen(text) * 2.9;

	if (x - half < 0)
		x = half;
	if (x + half > CH_W)
		x = CH_W - half;
	fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s%s%s>%s</text>\n", x, y,
	        cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", text);
}

/* The dates under the columns, thinned out for long ranges. */
static void
ch_dates(FILE *fp, const struct nt_report *r, double y0)
{
	for (int i = 0; i < r->ndays; i++) {
		long day = r->from + i;
		double x = ch_x(r, i) + ch_day_w(r) / 2;
		char a[24], b[24];
		int style, yy, mm, dd;

		if (!ch_labelled(r, i, &style))
			continue;
		nt_date_to_ymd(day, &yy, &mm, &dd);
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
		        x, x, y0, y0 + 3);
		b[0] = '\0';
		if (style == 3) {
			snprintf(a, sizeof a, "%d", yy);
		} else if (style == 0) {
			snprintf(a, sizeof a, "%s", month_abbr[mm - 1]);
			if (mm == 1 || i < 28)
				snprintf(b, sizeof b, "%d", yy);
		} else {
			snprintf(a, sizeof a, "%d %s", dd, month_abbr[mm - 1]);
			if (style == 2)
				snprintf(b, sizeof b, "%s", nt_date_weekday_abbr(nt_date_weekday(day)));
		}
		ch_text(fp, x, y0 + 13, NULL, a);
		if (b[0])
			ch_text(fp, x, y0 + 24, "small", b);
	}
}

/* The y axis in % of target: ticks at 0, 50, 100 (the target) and 150 %. */
static void
ch_axis(FILE *fp, double x_end)
{
	for (int pct = 0; pct <= 150; pct += 50) {
		double y = ch_y(pct);

		if (pct == 50 || pct == 150)
			fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
			        "class=\"grid\"/>\n", CH_LEFT, x_end, y, y);
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
		        CH_LEFT - 4, CH_LEFT, y, y);
		fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\"%s>%d%%</text>\n",
		        CH_LEFT - 6, y + 3.5, pct == 100 ? " class=\"tl\"" : "", pct);
	}
	fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"small\">target"
	        "</text>\n", CH_LEFT - 6, ch_y(100) + 12);
	fprintf(fp, "<text x=\"2\" y=\"9\" class=\"small\">%% of target</text>\n");
	/* the target line first: the bars are drawn over it, never the reverse */
	fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"target\"/>\n",
	        CH_LEFT, x_end, ch_y(100), ch_y(100));
}

/* The target of measure m in force on day i of the report (NAN: none). */
static double
ch_target(const struct nt_report *r, int i, enum nt_measure m)
{
	double t = r->daily ? r->daily[i].t[m].value : r->targets.t[m].value;

	return nt_known(t) && t > 0 ? t : NT_UNKNOWN;
}

/*
 * A day's column: its bar at its percent of the target in force that day,
 * or the zero, unknown, not-logged or no-target mark.
 */
static void
ch_day(FILE *fp, const struct nt_report *r, int i, enum nt_measure m, const char *unit)
{
	const struct nt_day_total *d = &r->days[i];
	int dec = nt_measure_decimals(m);
	double w = ch_day_w(r), x = ch_x(r, i), y0 = ch_y(0);
	double bw = fmin(w >= 3 ? w * 0.7 : w, 48), bx = x + (w - bw) / 2, cx = x + w / 2;
	double v = d->total.v[m], shown_v, pct, top, target = ch_target(r, i, m);
	bool partial = BIT(d->total.partial, m), estimated = BIT(d->total.estimated, m);

	fputs("<g><title>", fp);
	put_day(fp, d->day);
	if (d->entries && nt_known(v) && !nt_known(target)) {
		double limit = r->daily ? r->daily[i].t[m].limit : NT_UNKNOWN;
		bool over = nt_known(limit) && nt_round(v, dec) > limit;

		shown_v = nt_round(v, dec);
		fprintf(fp, ": %s%.*f %s, no target in force that day", estimated ? "~" : "", dec,
		        shown_v, unit);
		if (nt_known(limit))
			fprintf(fp, "; %s the limit of %g %s", over ? "OVER" : "under", limit, unit);
		fprintf(fp, "</title><rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
		        "class=\"nt%s\"/></g>\n", x + 1, CH_TOP, w - 2, CH_PLOT, over ? " over" : "");
		return;
	}
	if (!d->entries) {
		fprintf(fp, ": not logged</title><rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" "
		        "height=\"%.1f\" class=\"nl\"/>", x, CH_TOP, w, CH_PLOT);
		fprintf(fp, "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"%.1f\" class=\"nlm\"/></g>\n", cx,
		        y0 - 4, fmin(3, w * 0.35));
		return;
	}
	if (!nt_known(v)) {
		fprintf(fp, ": unknown (no entry has a value)</title><rect x=\"%.2f\" y=\"%.1f\" "
		        "width=\"%.2f\" height=\"%.1f\" class=\"unk\"/>", x, CH_TOP, w, CH_PLOT);
		if (w >= 7)
			fprintf(fp, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" class=\"unk\">?"
			        "</text>", cx, y0 - 3);
		fputs("</g>\n", fp);
		return;
	}
	shown_v = nt_round(v, dec);
	pct = 100 * shown_v / target;
	fprintf(fp, ": %s%.*f %s%s%s, %.0f%% of target</title>", estimated ? "~" : "", dec,
	        shown_v, unit, partial ? " (partial: some entries have no value)" : "",
	        estimated ? " (estimated: includes an estimated ALA)" : "", floor(pct + 1e-9));
	if (shown_v == 0) { /* a logged day with none of it: a visible zero */
		fprintf(fp, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"3\" class=\"zero\"/>",
		        bx, y0 - 3, bw);
		if (w >= 8)
			fprintf(fp, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">0</text>", cx,
			        y0 - 6);
		fputs("</g>\n", fp);
		return;
	}
	top = ch_y(fmin(pct, CH_MAX));
	fprintf(fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" class=\"%s%s\"/>",
	        bx, top, bw, y0 - top, pct >= 100 ? "ok" : "low", partial ? " part" : "");
	if (pct > CH_MAX && w >= 20) /* taller than the chart: its percent above it */
		fprintf(fp, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" class=\"small\">"
		        "%.0f%%</text>", cx, CH_TOP - 4, floor(pct + 1e-9));
	else if (pct > CH_MAX && w >= 4)
		fprintf(fp, "<path d=\"M%.2f %.1fl3 -5l3 5z\" class=\"ok\"/>", cx - 3, CH_TOP - 3);
	if (partial && w >= 8)
		fprintf(fp, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" class=\"mark\">*"
		        "</text>", cx, top - 2 < CH_TOP - 4 ? CH_TOP - 4 : top - 2);
	fputs("</g>\n", fp);
}

/*
 * A bar per day at its percent of target: the y axis in % of target with
 * ticks at 0, 50, 100 and 150 %, the target line at 100 % under the bars,
 * bars stopping at 150 % (their percent above), the dates under them.
 */
static void
html_chart(FILE *fp, const struct nt_report *r, enum nt_measure m, const char *title,
           const char *unit)
{
	double lo = NT_UNKNOWN, hi = NT_UNKNOWN, h = CH_TOP + CH_PLOT + CH_DATES;
	double x_end = CH_W - CH_RIGHT, y0 = ch_y(0);

	bool limited = false;

	for (int i = 0; i < r->ndays; i++) { /* the targets the days are measured against */
		double t = ch_target(r, i, m);

		if (nt_known(t)) {
			lo = nt_known(lo) ? fmin(lo, t) : t;
			hi = nt_known(hi) ? fmax(hi, t) : t;
		}
		limited |= r->daily && nt_known(r->daily[i].t[m].limit);
	}
	if (!nt_known(lo) && !limited)
		return;
	fprintf(fp, "<figure class=\"chart\" data-measure=\"%s\" data-days=\"%d\">\n"
	        "<figcaption><strong>", nt_measure_name(m), r->ndays);
	put_escaped(fp, title);
	if (!nt_known(lo))
		fputs("</strong>: no target in the range, only your limit; each day's column "
		      "says whether it was over it</figcaption>\n", fp);
	else if (lo == hi)
		fprintf(fp, "</strong>: each day as a percent of the target, %g %s a day"
		        "</figcaption>\n", lo, unit);
	else
		fprintf(fp, "</strong>: each day as a percent of the target in force that day, "
		        "%g to %g %s a day (the targets changed within the range)</figcaption>\n",
		        lo, hi, unit);
	fprintf(fp, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", CH_W, h);
	put_escaped(fp, title);
	fputs(" per day, percent of target\">\n", fp);
	ch_axis(fp, x_end);
	for (int i = 0; i < r->ndays; i++)
		ch_day(fp, r, i, m, unit);
	fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n"
	        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
	        CH_LEFT, x_end, y0, y0, CH_LEFT, CH_LEFT, CH_TOP - 6, y0);
	ch_dates(fp, r, y0);
	fputs("</svg>\n</figure>\n", fp);
}

static const char *const lab_short[NT_LAB_KIND_COUNT] = {"B12", "Hcy", "MMA"};

/* The room (px) a lab value's text needs beside its marker. */
#define LAB_TEXT_PX 80.0

/* The distance from result i to its row's next (dir 1) or previous (-1) result. */
static double
lab_gap(const struct nt_report *r, int i, int dir)
{
	for (int j = i + dir; j >= 0 && j < r->nlabs; j += dir)
		if (r->labs[j].kind == r->labs[i].kind)
			return fabs((double)(r->labs[j].day - r->labs[i].day)) * ch_day_w(r);
	return CH_W;
}

/*
 * The lab results on the charts' time axis: a row per test, a marker on its
 * day, and its value as entered where there is room (always in the table).
 */
static void
html_lab_axis(FILE *fp, const struct nt_report *r)
{
	int row[NT_LAB_KIND_COUNT], rows = 0;
	double h;

	if (!r->labs || !r->nlabs)
		return;
	for (int k = 0; k < NT_LAB_KIND_COUNT; k++) {
		row[k] = -1;
		for (int i = 0; i < r->nlabs; i++)
			if (r->labs[i].kind == (enum nt_lab_kind)k) {
				row[k] = rows++;
				break;
			}
	}
	h = 8 + 22.0 * rows + CH_DATES;
	fprintf(fp, "<figure class=\"labaxis\">\n<figcaption><strong>Lab results</strong> on the "
	        "same days as the charts above (value and unit as entered, where there is room; "
	        "every one in the table of lab results)</figcaption>\n"
	        "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"lab results by day\">\n",
	        CH_W, h);
	for (int k = 0; k < NT_LAB_KIND_COUNT; k++) {
		double y = 8 + 22.0 * row[k] + 11;

		if (row[k] < 0)
			continue;
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>\n"
		        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", CH_LEFT,
		        CH_W - CH_RIGHT, y, y, CH_LEFT - 6, y + 3.5, lab_short[k]);
	}
	for (int i = 0; i < r->nlabs; i++) {
		const struct nt_report_lab *l = &r->labs[i];
		int di = (int)(l->day - r->from);
		double cx = ch_x(r, di) + ch_day_w(r) / 2, y = 8 + 22.0 * row[l->kind] + 11;
		const char *reading = nt_lab_reading(l->kind, l->value);
		bool left = cx > CH_W - LAB_TEXT_PX - 10;
		/* a text right of its marker must not reach the next one; one left of
		   it must not reach the previous marker's text */
		bool room = left ? lab_gap(r, i, -1) >= 2 * LAB_TEXT_PX
		                 : lab_gap(r, i, 1) >= LAB_TEXT_PX;

		fputs("<g class=\"labresult\"><title>", fp);
		put_day(fp, l->day);
		fprintf(fp, ": %s %.*f ", nt_lab_kind_title(l->kind), l->decimals, l->entered);
		put_escaped(fp, l->unit);
		fprintf(fp, " (%s)</title><path d=\"M%.2f %.1fl5 5l-5 5l-5 -5z\" class=\"lab %s\"/>",
		        reading, cx, y - 5, reading);
		if (!room) {
			fputs("</g>\n", fp);
			continue;
		}
		/* the value beside the marker, right of it unless it would leave the chart */
		fprintf(fp, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"%s\">%.*f ",
		        cx + (left ? -8 : 8), y + 3.5, left ? "end" : "start", l->decimals, l->entered);
		put_escaped(fp, l->unit);
		fputs("</text></g>\n", fp);
	}
	fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
	        CH_LEFT, CH_W - CH_RIGHT, h - CH_DATES, h - CH_DATES);
	ch_dates(fp, r, h - CH_DATES);
	fputs("</svg>\n</figure>\n", fp);
}

/* What the charts' marks mean, drawn as they are drawn. */
static void
html_legend(FILE *fp)
{
	static const struct {
		const char *shape, *text;
	} keys[] = {
		{"<rect x=\"3\" y=\"0\" width=\"10\" height=\"12\" class=\"ok\"/>",
		 "at or above the target"},
		{"<rect x=\"3\" y=\"4\" width=\"10\" height=\"8\" class=\"low\"/>",
		 "below the target"},
		{"<rect x=\"3\" y=\"4\" width=\"10\" height=\"8\" class=\"low part\"/>"
		 "<text x=\"8\" y=\"3\" text-anchor=\"middle\" class=\"mark\">*</text>",
		 "partial: a lower bound"},
		{"<line x1=\"0\" x2=\"16\" y1=\"6\" y2=\"6\" class=\"target\"/>",
		 "the target (100 %)"},
		{"<rect x=\"3\" y=\"9\" width=\"10\" height=\"3\" class=\"zero\"/>"
		 "<text x=\"8\" y=\"7\" text-anchor=\"middle\">0</text>",
		 "logged, none of it: 0"},
		{"<rect x=\"0\" y=\"-2\" width=\"16\" height=\"14\" class=\"unk\"/>"
		 "<text x=\"8\" y=\"10\" text-anchor=\"middle\" class=\"unk\">?</text>",
		 "no value: unknown, not 0"},
		{"<rect x=\"0\" y=\"-2\" width=\"16\" height=\"14\" class=\"nl\"/>"
		 "<circle cx=\"8\" cy=\"8\" r=\"3\" class=\"nlm\"/>",
		 "nothing logged: no bar"},
		{"<rect x=\"1\" y=\"-2\" width=\"14\" height=\"14\" class=\"nt\"/>",
		 "no target, a limit only (red: over)"},
	};
	const int per_row = 4;

	fprintf(fp, "<svg class=\"legend\" viewBox=\"0 0 %.0f 40\" role=\"img\" "
	        "aria-label=\"legend\">\n", CH_W);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		double x = (i % per_row) * CH_W / per_row;
		double y = 4 + 20.0 * (i / per_row);

		fprintf(fp, "<g transform=\"translate(%.1f %.1f)\">%s<text x=\"22\" y=\"10\">%s"
		        "</text></g>\n", x, y, keys[i].shape, keys[i].text);
	}
	fputs("</svg>\n", fp);
}

static void
html_charts(FILE *fp, const struct nt_report *r)
{
	fputs("<h2 class=\"newpage\">Day by day</h2>\n<p class=\"note\">Each bar is one day's "
	      "intake as a percent of the day's target. Bars stop at 150&#160;%: above a taller "
	      "one, its percent, or a triangle where there is no room. A day with nothing logged, "
	      "or whose foods have no value for a nutrient, is not zero intake.</p>\n", fp);
	html_legend(fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		if (!shown[i].chart)
			continue;
		html_chart(fp, r, shown[i].m, shown[i].title, shown[i].unit);
		if (shown[i].m == NT_B12)
			html_lab_axis(fp, r);
	}
}

/* Each day: B12 eaten and absorbed, then the other nutrients. */
static void
html_days(FILE *fp, const struct nt_report *r)
{
	bool long_range = r->ndays > 31;
	size_t n_cols = 0;

	for (size_t i = 0; i < N_SHOWN; i++)
		n_cols += shown[i].day_col;

	fprintf(fp, "<h2 class=\"newpage\">Each day</h2>\n%s<table class=\"days\">\n<thead><tr>"
	        "<th>Date</th><th>B12 eaten<br/>" MICRO "g</th>", long_range ?
	        "<p class=\"note\">Over 31 days: the logged days only.</p>\n" : "");
	if (r->b12_absorbed)
		fputs("<th>B12 absorbed<br/>(est.) " MICRO "g</th>", fp);
	for (size_t i = 1; i < N_SHOWN; i++)
		if (shown[i].day_col)
			fprintf(fp, "<th>%s<br/>%s</th>", shown[i].brief, shown[i].unit);
	fputs("</tr></thead>\n", fp);
	for (int d = 0; d < r->ndays; d++) {
		const struct nt_day_total *t = &r->days[d];

		if (long_range && !t->entries)
			continue;
		fputs("<tr><td class=\"date\">", fp);
		put_day(fp, t->day);
		fputs("</td>", fp);
		if (!t->entries) {
			fprintf(fp, "<td colspan=\"%zu\" class=\"na l\">not logged</td></tr>\n",
			        n_cols + (r->b12_absorbed ? 1 : 0));
			continue;
		}
		value_cell(fp, t->total.v[NT_B12], nt_measure_decimals(NT_B12),
		           BIT(t->total.partial, NT_B12), BIT(t->total.estimated, NT_B12));
		if (r->b12_absorbed)
			value_cell(fp, r->b12_absorbed[d], 2, r->b12_absorbed_partial[d], false);
		for (size_t i = 1; i < N_SHOWN; i++)
			if (shown[i].day_col)
				value_cell(fp, t->total.v[shown[i].m], nt_measure_decimals(shown[i].m),
				           BIT(t->total.partial, shown[i].m),
				           BIT(t->total.estimated, shown[i].m));
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n<p class=\"note\">? = not measured by the source (unknown, not zero); "
	      "* = partial: some entries have no value for it, so the value is a lower bound; "
	      "~ = estimated: includes ALA estimated from a total the source did not split (18:3, "
	      "omega-3). Absorbed B12 is an estimate: each meal is one sitting, about half of a small dose is "
	      "taken up, at most 1.5&#160;" MICRO "g a sitting, and 1&#160;% of the rest (IOM "
	      "1998); its target is half the RDA.</p>\n", fp);
}

/* The routines a week matches, or none. */
static void
put_routines(FILE *fp, const struct nt_b12_week *b)
{
	const char *sep = "";

	if (!b->days_logged) {
		fputs("<td class=\"na l\">nothing logged</td>", fp);
		return;
	}
	if (!b->fortified && !b->daily && !b->weekly) {
		fputs("<td class=\"low l routine\">none matched</td>", fp);
		return;
	}
	fputs("<td class=\"ok l\">", fp);
	if (b->fortified) {
		fputs("fortified foods twice a day", fp);
		sep = "; ";
	}
	if (b->daily) {
		fprintf(fp, "%sa daily supplement", sep);
		sep = "; ";
	}
	if (b->weekly)
		fprintf(fp, "%sa weekly 2000&#160;" MICRO "g dose", sep);
	fputs("</td>", fp);
}

/* Every ISO week the range touches against the Vegan Society's B12 routines. */
static void
html_weeks(FILE *fp, const struct nt_report *r)
{
	if (!r->weeks)
		return;
	fputs("<h2>Vitamin B12 routine, week by week</h2>\n<p class=\"note\">The Vegan Society "
	      "advises one of three routines: fortified foods at least twice a day for at least "
	      "3&#160;" MICRO "g a day; a supplement of at least 10&#160;" MICRO "g a day; or "
	      "2000&#160;" MICRO "g once a week. A routine matches a week when every logged day "
	      "follows it (planned entries do not count). Each ISO week is judged over all its "
	      "seven days.</p>\n<table>\n<thead><tr><th>Week</th><th>Days logged</th>"
	      "<th>Days with fortified foods at 2+ meals, 3+&#160;" MICRO "g</th>"
	      "<th>Days with a supplement of 10+&#160;" MICRO "g</th><th>Largest supplement "
	      "dose</th>"
	      "<th class=\"l\">Routine matched</th></tr></thead>\n", fp);
	for (int w = 0; w < r->nweeks; w++) {
		const struct nt_report_week *x = &r->weeks[w];
		const struct nt_b12_week *b = &x->b12;

		fprintf(fp, "<tr><td class=\"date\">%04d-W%02d<br/><span class=\"note\">",
		        x->iso_year, x->iso_week);
		put_span(fp, x->start, x->start + 6);
		fprintf(fp, "</span></td><td>%d of 7</td><td>%d</td><td>%d</td>", b->days_logged,
		        b->fortified_days, b->supplement_days);
		if (b->largest_dose_ug > 0)
			fprintf(fp, "<td>%.2f&#160;" MICRO "g</td>", b->largest_dose_ug);
		else
			fputs("<td></td>", fp);
		put_routines(fp, b);
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n", fp);
}

/* The decimals a value in the kind's own unit is shown with (as `lab list`). */
static int
lab_decimals(enum nt_lab_kind k)
{
	return k == NT_LAB_MMA ? 2 : k == NT_LAB_B12 ? 0 : 1;
}

static void
html_labs(FILE *fp, const struct nt_report *r)
{
	if (!r->labs)
		return;
	fputs("<h2>Lab results</h2>\n", fp);
	if (!r->nlabs) {
		fputs("<p>No lab results recorded in this range.</p>\n", fp);
		return;
	}
	fputs("<table class=\"labs\">\n<thead><tr><th>Date</th><th class=\"l\">Test</th>"
	      "<th>Result as entered</th><th>Converted</th><th class=\"l\">Usual reading</th>"
	      "</tr></thead>\n", fp);
	for (int i = 0; i < r->nlabs; i++) {
		const struct nt_report_lab *l = &r->labs[i];
		const char *reading = nt_lab_reading(l->kind, l->value);

		fputs("<tr><td class=\"date\">", fp);
		put_day(fp, l->day);
		fprintf(fp, "</td><td class=\"l\">%s</td><td class=\"entered\">%.*f ",
		        nt_lab_kind_title(l->kind), l->decimals, l->entered);
		put_escaped(fp, l->unit);
		fprintf(fp, "</td><td>%.*f %s</td><td class=\"l %s\">%s</td></tr>\n",
		        lab_decimals(l->kind), l->value, nt_lab_unit(l->kind),
		        strcmp(reading, "normal") ? "low" : "ok", reading);
	}
	fputs("</table>\n<p class=\"note\">The usual reading: serum B12 below 148 pmol/L "
	      "(200 pg/mL) low, to 258 pmol/L (350 pg/mL) borderline, above 738 pmol/L "
	      "(1000 pg/mL) high (usual with supplements or injections; without them, ask "
	      "your clinician); homocysteine above "
	      "15 " MICRO "mol/L high; methylmalonic acid above 0.27 " MICRO "mol/L borderline, "
	      "above 0.40 high. The laboratory's own ranges apply.</p>\n", fp);
}

/* Where the numbers come from, and what the page is not. */
static void
html_sources(FILE *fp, const struct nt_report *r)
{
	const char *seen[N_SHOWN];
	size_t nseen = 0;

	fputs("<div class=\"sources\">\n<h2>Sources</h2>\n<ul class=\"note\">\n<li>Foods: USDA National Nutrient "
	      "Database for Standard Reference, Release 28 (SR28), and USDA Food and Nutrient "
	      "Database for Dietary Studies 2021-2023 (FNDDS); a few foods and supplements from "
	      "product labels; foods the user added.</li>\n<li>Targets: ", fp);
	for (size_t i = 0; i < N_SHOWN; i++) {
		const char *src = r->targets.t[shown[i].m].source;
		bool dup = false;

		if (!nt_known(r->targets.t[shown[i].m].value) || !src[0])
			continue;
		for (size_t j = 0; j < nseen; j++)
			dup |= !strcmp(seen[j], src);
		if (dup)
			continue;
		if (nseen)
			fputs("; ", fp);
		seen[nseen++] = src;
		put_escaped(fp, src);
	}
	fputs(" (the bundled targets.csv).</li>\n<li>B12 absorption: IOM 1998 Dietary Reference "
	      "Intakes, vitamin B12 chapter (active uptake saturating at about 1.5&#160;" MICRO
	      "g a sitting, 1&#160;% passive).</li>\n<li>B12 routines: the Vegan Society, "
	      "&#8220;What every vegan should know about vitamin B12&#8221;.</li>\n</ul>\n"
	      "<p class=\"notice\">nutrack is a tracker, not a diagnosis: it knows only what was "
	      "logged, and population targets are not a person's needs. Discuss these results "
	      "with your clinician.</p>\n</div>\n", fp);
}

enum nt_status
nt_report_html(FILE *fp, const struct nt_report *r, const char *title, struct nt_err *err)
{
	html_head(fp, title);
	html_intro(fp, r);
	html_averages(fp, r);
	html_profile_targets(fp, r);
	html_charts(fp, r);
	html_weeks(fp, r);
	html_labs(fp, r);
	html_days(fp, r);
	html_sources(fp, r);
	fputs("</body>\n</html>\n", fp);
	errno = 0;
	if (fflush(fp) != 0 || ferror(fp))
		return nt_err_set(err, NT_ERR_IO, "%s", strerror(errno ? errno : EIO));
	return NT_OK;
}
