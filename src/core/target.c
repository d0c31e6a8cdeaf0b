/* SPDX-License-Identifier: GPL-3.0-or-later */
/* target.c - DRI lookup by age, sex and life stage. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "profile.h"
#include "store.h"
#include "target.h"

/* A target (?5 = 0: RDA, AI, guidance) or an upper limit (?5 = 1: UL). */
static const char sql_target[] =
	"SELECT value, type, source FROM targets"
	" WHERE nutrient = ?1 AND stage = ?2 AND (sex = ?3 OR sex = 'both')"
	"   AND ?4 >= age_min AND ?4 < age_max AND (type = 'UL') = ?5"
	" ORDER BY sex = 'both' LIMIT 1";

/* No target, no limit, nothing set by the user. */
static void
target_none(struct nt_target *t)
{
	*t = (struct nt_target){.value = NAN, .limit = NAN, .dri = NAN};
}

static enum nt_status
lookup(struct nt_store *s, const char *nutrient, const struct nt_profile *p, bool ul,
       struct nt_target *out, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_target, err);
	int rc;

	if (!st)
		return err->status;
	nt_stmt_bind_text(st, 1, nutrient);
	nt_stmt_bind_text(st, 2, nt_stage_name(p->stage));
	nt_stmt_bind_text(st, 3, nt_sex_name(p->sex));
	nt_stmt_bind_double(st, 4, p->age_y);
	nt_stmt_bind_int(st, 5, ul);
	if ((rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (rc == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND,
		                  "no %s %s for a %g-year-old %s (%s)", nutrient,
		                  ul ? "upper limit" : "target", p->age_y, nt_sex_name(p->sex),
		                  nt_stage_name(p->stage));
	if (ul) { /* the DRI's upper limit, kept with the target found before */
		out->limit = nt_stmt_double(st, 0);
		out->dri_limit = true;
		snprintf(out->limit_source, sizeof out->limit_source, "%s", nt_stmt_text(st, 2));
	} else {
		target_none(out);
		out->value = nt_stmt_double(st, 0);
		snprintf(out->type, sizeof out->type, "%s", nt_stmt_text(st, 1));
		snprintf(out->source, sizeof out->source, "%s", nt_stmt_text(st, 2));
	}
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_targets_for(struct nt_store *s, const struct nt_profile *p, struct nt_targets *out,
               struct nt_err *err)
{
	/*
	 * Every measure with a DRI name in the nutrient table (nutrient.h)
	 * gets its target and upper limit where targets.csv has them.  The
	 * headline's targets cover every profile (mkdata.py checks it), so a
	 * missing one is an error; EPA+DHA has none under 6 months, folic acid
	 * has only a limit, and infants have no upper limits.
	 */
	static const char *const required[] = {"b12", "ala", "potassium"};
	struct nt_err scratch;
	enum nt_status st;

	if (!err)
		err = &scratch;
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		target_none(&out->t[m]);
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		const char *dri = nt_measure_info((enum nt_measure)m)->dri;
		bool need = false;

		if (!dri)
			continue;
		for (size_t i = 0; i < sizeof required / sizeof *required; i++)
			need |= !strcmp(dri, required[i]);
		st = lookup(s, dri, p, false, &out->t[m], err);
		if (st && (st != NT_ERR_NOTFOUND || need))
			return st;
		st = lookup(s, dri, p, true, &out->t[m], err);
		if (st && st != NT_ERR_NOTFOUND)
			return st;
	}
	out->t[NT_ALA] = out->t[NT_OMEGA3];
	return NT_OK;
}

enum nt_status
nt_target_protein(struct nt_store *s, const struct nt_profile *p, struct nt_target *out,
                  struct nt_err *err)
{
	struct nt_err scratch;

	return lookup(s, "protein", p, false, out, err ? err : &scratch);
}

/* The settings in force on ?1: each measure's latest row from that day back. */
static const char sql_settings_on[] =
	"SELECT nutrient, from_day, min, max FROM target_settings t"
	" WHERE from_day = (SELECT max(from_day) FROM target_settings u"
	"                   WHERE u.nutrient = t.nutrient AND u.from_day <= ?1)";
static const char sql_setting_put[] =
	"INSERT INTO target_settings(nutrient, from_day, min, max) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT(nutrient, from_day) DO UPDATE SET min = excluded.min, max = excluded.max";
/* The first day after ?1 on which a profile version or a setting begins. */
static const char sql_next_change[] =
	"SELECT coalesce(min(d), 0), count(d) FROM (SELECT from_day AS d FROM profile_versions"
	" WHERE from_day > ?1 UNION ALL SELECT from_day FROM target_settings WHERE from_day > ?1)";
static const char sql_measures_set[] = "SELECT DISTINCT nutrient FROM target_settings";

struct setting {
	bool any;
	long from;
	double min, max; /* NAN: the DRI target / no limit */
};

static enum nt_status
settings_on(struct nt_store *s, long day, struct setting out[NT_MEASURE_COUNT],
            struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_settings_on, err);
	int r;

	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		out[m] = (struct setting){false, 0, NAN, NAN};
	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, day);
	while ((r = nt_stmt_step(st, err)) > 0) {
		int m = nt_measure_by_name(nt_stmt_text(st, 0));

		if (m < 0)
			continue; /* a measure of a later version */
		out[m].any = true;
		out[m].from = (long)nt_stmt_int(st, 1);
		out[m].min = nt_stmt_is_null(st, 2) ? NAN : nt_stmt_double(st, 2);
		out[m].max = nt_stmt_is_null(st, 3) ? NAN : nt_stmt_double(st, 3);
	}
	return r < 0 ? err->status : NT_OK;
}

static void
apply(struct nt_target *t, const struct setting *x)
{
	if (!x->any || (!nt_known(x->min) && !nt_known(x->max)))
		return;
	t->user_from = x->from;
	t->dri = t->value;
	if (nt_known(x->min)) {
		t->value = x->min;
		t->user_value = true;
		snprintf(t->type, sizeof t->type, "custom");
		snprintf(t->source, sizeof t->source, "set by you");
	}
	if (nt_known(x->max)) {
		t->limit = x->max;
		t->user_limit = true;
		t->dri_limit = false;
		if (!t->user_value && nt_known(t->value) && t->value > x->max) {
			t->value = NAN;
			t->dri_dropped = true;
		}
	}
}

enum nt_status
nt_targets_on(struct nt_store *s, long day, struct nt_targets *out, struct nt_profile *profile,
              struct nt_err *err)
{
	struct setting set[NT_MEASURE_COUNT];
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err scratch;
	enum nt_status st;

	if (!err)
		err = &scratch;
	if ((st = nt_profile_on(s, day, &p, NULL, err)) || (st = nt_targets_for(s, &p, &t, err)) ||
	    (st = settings_on(s, day, set, err)))
		return st;
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		apply(&t.t[m], &set[m]);
	*out = t;
	if (profile)
		*profile = p;
	return NT_OK;
}

enum nt_status
nt_targets_days(struct nt_store *s, long first, int n, struct nt_targets *out,
                struct nt_profile *profiles, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status st;
	int i = 0;

	if (!err)
		err = &scratch;
	if (n > 0 && (st = nt_store_begin_read(s, err)))
		return st;
	while (i < n) {
		long long next[2];
		long day = first + i;
		int until;

		if ((st = nt_targets_on(s, day, &out[i], profiles ? &profiles[i] : NULL, err)) ||
		    (st = nt_store_query_ints(s, sql_next_change, day, next, 2, err))) {
			nt_store_rollback(s);
			return st;
		}
		/* the same targets up to the day before the next change */
		until = next[1] && next[0] - first < n ? (int)(next[0] - first) : n;
		for (int k = i + 1; k < until; k++) {
			out[k] = out[i];
			if (profiles)
				profiles[k] = profiles[i];
		}
		i = until;
	}
	return n > 0 ? nt_store_commit(s, err) : NT_OK;
}

bool
nt_targets_differ(const struct nt_targets *a, const struct nt_targets *b)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		if (!nt_same_value(a->t[m].value, b->t[m].value) ||
		    !nt_same_value(a->t[m].limit, b->t[m].limit))
			return true;
	return false;
}

static enum nt_status
put(struct nt_store *s, enum nt_measure m, long from, double min, double max,
    struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_setting_put, err);

	if (!st)
		return err->status;
	nt_stmt_bind_text(st, 1, nt_measure_name(m));
	nt_stmt_bind_int(st, 2, from);
	nt_stmt_bind_double(st, 3, min);
	nt_stmt_bind_double(st, 4, max);
	return nt_stmt_run(st, err);
}

static enum nt_status
check_value(enum nt_measure m, const char *what, double v, struct nt_err *err)
{
	if (isnan(v))
		return NT_OK;
	if (!isfinite(v) || v < 0)
		return nt_err_set(err, NT_ERR_RANGE, "%s %s must be a number of %s, 0 or more",
		                  nt_measure_name(m), what, nt_measure_unit(m));
	return NT_OK;
}

enum nt_status
nt_target_set(struct nt_store *s, enum nt_measure m, long from, double min, double max,
              struct nt_err *err)
{
	struct setting set[NT_MEASURE_COUNT];
	struct nt_err scratch;
	enum nt_status st;

	if (!err)
		err = &scratch;
	if ((int)m < 0 || m >= NT_MEASURE_COUNT)
		return nt_err_set(err, NT_ERR_INVALID, "unknown nutrient");
	if ((st = check_value(m, "minimum", min, err)) || (st = check_value(m, "limit", max, err)))
		return st;
	if ((st = nt_store_begin(s, err)))
		return st;
	if ((st = settings_on(s, from, set, err)))
		goto fail;
	if (isnan(min))
		min = set[m].min;
	if (isnan(max))
		max = set[m].max;
	if (nt_known(min) && nt_known(max) && min > max) {
		st = nt_err_set(err, NT_ERR_INVALID, "the %s minimum %g %s is above its limit %g %s",
		                nt_measure_name(m), min, nt_measure_unit(m), max,
		                nt_measure_unit(m));
		goto fail;
	}
	if ((st = put(s, m, from, min, max, err)))
		goto fail;
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return st;
}

enum nt_status
nt_target_reset(struct nt_store *s, int m, long from, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;
	bool has[NT_MEASURE_COUNT] = {false};
	int r;

	if (!err)
		err = &scratch;
	if (m >= NT_MEASURE_COUNT)
		return nt_err_set(err, NT_ERR_INVALID, "unknown nutrient");
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if (m >= 0) {
		has[m] = true;
	} else {
		if (!(st = nt_store_stmt(s, sql_measures_set, err))) {
			rc = err->status;
			goto fail;
		}
		while ((r = nt_stmt_step(st, err)) > 0) {
			int k = nt_measure_by_name(nt_stmt_text(st, 0));

			if (k >= 0)
				has[k] = true;
		}
		if (r < 0) {
			rc = err->status;
			goto fail;
		}
	}
	for (int k = 0; k < NT_MEASURE_COUNT; k++)
		if (has[k] && (rc = put(s, (enum nt_measure)k, from, NAN, NAN, err)))
			goto fail;
	return nt_store_commit(s, err);
fail:
	nt_store_rollback(s);
	return rc;
}
