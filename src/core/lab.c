/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lab.c - lab results and their usual reading. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "lab.h"
#include "store.h"

static const struct {
	const char *name, *title, *unit, *units_help;
	double min; /* below this the result would show as 0 (1e-300 is no result) */
	double max; /* above this no living person's result lies */
} kinds[NT_LAB_KIND_COUNT] = {
	[NT_LAB_B12] = {"b12", "Serum vitamin B12", "pmol/L", "pg/mL or pmol/L", 0.5, 100000},
	[NT_LAB_HOMOCYSTEINE] = {"homocysteine", "Homocysteine", "umol/L", "umol/L", 0.05, 500},
	[NT_LAB_MMA] = {"mma", "Methylmalonic acid", "umol/L", "umol/L or nmol/L", 0.005, 1000},
};

int
nt_lab_kind_parse(const char *s)
{
	for (int k = 0; k < NT_LAB_KIND_COUNT; k++)
		if (!strcmp(s, kinds[k].name))
			return k;
	return -1;
}

const char *nt_lab_kind_name(enum nt_lab_kind k) { return kinds[k].name; }
const char *nt_lab_kind_title(enum nt_lab_kind k) { return kinds[k].title; }
const char *nt_lab_unit(enum nt_lab_kind k) { return kinds[k].unit; }

/* "umol/L" also as "µmol/L" and in any case. */
static bool
unit_is(const char *unit, const char *want)
{
	if (!strncmp(unit, "\xc2\xb5", 2) && want[0] == 'u')
		return !strcasecmp(unit + 2, want + 1);
	return !strcasecmp(unit, want);
}

/*
 * What one `unit` of a result of kind k is in the kind's unit, with the
 * decimals to show a value in `unit`; 0 for a unit that does not fit.
 */
static double
unit_factor(enum nt_lab_kind k, const char *unit, int *decimals)
{
	*decimals = k == NT_LAB_MMA ? 2 : k == NT_LAB_B12 ? 0 : 1;
	if (k == NT_LAB_B12 && unit_is(unit, "pg/mL"))
		return 0.7378; /* 1 pg/mL of cobalamin (1355 g/mol) = 0.7378 pmol/L */
	if (k == NT_LAB_MMA && unit_is(unit, "nmol/L")) {
		*decimals = 0;
		return 0.001;
	}
	return unit_is(unit, kinds[k].unit) ? 1 : 0;
}

enum nt_status
nt_lab_convert(enum nt_lab_kind k, double value, const char *unit, double *out,
               struct nt_err *err)
{
	double v, f;
	int decimals;

	if (!isfinite(value) || value <= 0)
		return nt_err_set(err, NT_ERR_RANGE, "a lab value must be more than zero");
	if (!(f = unit_factor(k, unit, &decimals)))
		return nt_err_set(err, NT_ERR_INVALID, "unit '%.20s' does not fit %s: use %s", unit,
		                  kinds[k].title, kinds[k].units_help);
	v = value * f;
	if (v > kinds[k].max || v < kinds[k].min)
		return nt_err_set(err, NT_ERR_RANGE, "%g %s is not a possible %s result", value, unit,
		                  kinds[k].title);
	*out = v;
	return NT_OK;
}

const char *
nt_lab_reading(enum nt_lab_kind k, double v)
{
	switch (k) {
	case NT_LAB_B12:
		return v < 148 ? "low" : v < 258 ? "borderline" : v > 738 ? "high" : "normal";
	case NT_LAB_HOMOCYSTEINE:
		return v > 15 ? "high" : "normal";
	default:
		return v > 0.40 ? "high" : v > 0.27 ? "borderline" : "normal";
	}
}

static const char sql_add[] = "INSERT INTO labs(day, kind, value, unit) VALUES (?1, ?2, ?3, ?4)";
static const char sql_remove[] = "DELETE FROM labs WHERE id = ?1";
static const char sql_each[] = "SELECT id, day, kind, value, unit FROM labs ORDER BY day, id";

enum nt_status
nt_lab_add(struct nt_store *s, long day, long today, enum nt_lab_kind k, double value,
           const char *unit, long long *id, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;
	double v;

	if (!err)
		err = &scratch;
	if ((rc = nt_lab_convert(k, value, unit, &v, err)) ||
	    (rc = nt_date_check_span(day, day, "the day", err)))
		return rc;
	nt_date_format(day, date);
	if (day > today)
		return nt_err_set(err, NT_ERR_RANGE,
		                  "%s is a future day: give the day the sample was taken", date);
	if (!(st = nt_store_stmt(s, sql_add, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_text(st, 1, date);
	nt_stmt_bind_text(st, 2, kinds[k].name);
	nt_stmt_bind_double(st, 3, v);
	nt_stmt_bind_text(st, 4, unit);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	*id = nt_store_last_rowid(s);
	return NT_OK;
}

enum nt_status
nt_lab_remove(struct nt_store *s, long long id, struct nt_err *err)
{
	return nt_store_run_id(s, sql_remove, id, "lab result", err);
}

enum nt_status
nt_lab_each(struct nt_store *s, void (*fn)(void *ctx, const struct nt_lab_result *r),
            void *ctx, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_each, err)))
		return err->status;
	while ((rc = nt_stmt_step(st, err)) > 0) {
		struct nt_lab_result r;
		int k = nt_lab_kind_parse(nt_stmt_text(st, 2));
		double f = 0;

		if (k < 0 || nt_date_parse_iso(nt_stmt_text(st, 1), &r.day) != NT_OK) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_DB, "a damaged lab result");
		}
		/* a unit nutrack does not know (written by another program): the kind's */
		r.unit = nt_stmt_text(st, 4);
		if (!r.unit || !(f = unit_factor((enum nt_lab_kind)k, r.unit, &r.decimals))) {
			r.unit = kinds[k].unit;
			f = unit_factor((enum nt_lab_kind)k, r.unit, &r.decimals);
		}
		r.id = nt_stmt_int(st, 0);
		r.kind = (enum nt_lab_kind)k;
		r.value = nt_stmt_double(st, 3);
		r.entered = r.value / f;
		fn(ctx, &r);
	}
	return rc < 0 ? err->status : NT_OK;
}
