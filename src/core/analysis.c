/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis.c - totals, averages and judgements. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "date.h"
#include "journal.h"

const char *
nt_level_name(enum nt_level l)
{
	static const char *const names[] = {"", "ok", "low", "unknown", "over_limit"};

	return names[l];
}

void
nt_judge_value(double intake, bool partial, bool logged, double target, int decimals,
               struct nt_judgement *j)
{
	j->intake = logged ? nt_round(intake, decimals) : NT_UNKNOWN;
	j->target = target;
	j->limit = NAN;
	j->partial = logged && nt_known(j->intake) && partial;
	j->estimated = false;
	j->percent = -1;
	if (!nt_known(target)) {
		j->level = NT_LEVEL_NONE;
	} else if (!nt_known(j->intake)) {
		j->level = NT_LEVEL_UNKNOWN;
	} else {
		j->percent = (int)floor(100.0 * j->intake / target + 1e-9);
		j->level = j->intake >= target ? NT_LEVEL_OK : NT_LEVEL_LOW;
	}
}

void
nt_judge_limit(struct nt_judgement *j, double limit)
{
	j->limit = limit;
	if (!nt_known(limit))
		return;
	if (nt_known(j->intake) && j->intake > limit)
		j->level = NT_LEVEL_OVER;
	else if (j->level == NT_LEVEL_NONE) /* a limit alone: judged by it */
		j->level = nt_known(j->intake) ? NT_LEVEL_OK : NT_LEVEL_UNKNOWN;
}

void
nt_judge(const struct nt_amounts *total, bool logged, const struct nt_targets *t,
         struct nt_judgement out[NT_MEASURE_COUNT])
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		nt_judge_value(total->v[m], total->partial & (1u << m), logged, t->t[m].value,
		               nt_measure_decimals(m), &out[m]);
		out[m].estimated = logged && nt_known(out[m].intake) &&
		                   (total->estimated & (1u << m));
		nt_judge_limit(&out[m], t->t[m].limit);
	}
}

static void
sum(const struct nt_entry_list *l, bool with_planned, struct nt_amounts *total)
{
	unsigned counted = 0;

	nt_amounts_zero(total);
	for (size_t i = 0; i < l->n; i++)
		if (with_planned || !l->v[i].planned)
			nt_amounts_add(total, &counted, &l->v[i].values);
	nt_amounts_finish(total, counted);
}

void
nt_analysis_sum(const struct nt_entry_list *l, struct nt_amounts *total)
{
	sum(l, false, total);
}

void
nt_analysis_sum_planned(const struct nt_entry_list *l, struct nt_amounts *total)
{
	sum(l, true, total);
}

size_t
nt_analysis_eaten(const struct nt_entry_list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += !l->v[i].planned;
	return n;
}

struct days_ctx {
	long from;
	int n;
	struct nt_day_total *out;
	unsigned *counted;
};

static void
add_entry(void *ctx, long day, enum nt_meal meal, const struct nt_amounts *v)
{
	struct days_ctx *c = ctx;
	long i = day - c->from;

	(void)meal;
	if (i < 0 || i >= c->n)
		return;
	c->out[i].entries++;
	nt_amounts_add(&c->out[i].total, &c->counted[i], v);
}

enum nt_status
nt_analysis_days(struct nt_store *s, long from, int n, struct nt_day_total *out,
                 struct nt_err *err)
{
	unsigned *counted;
	struct days_ctx ctx;
	enum nt_status st;

	if (n <= 0)
		return NT_OK;
	if ((st = nt_date_check_span(from, from + n - 1, "the days asked for", err)))
		return st;
	if (!(counted = calloc((size_t)n, sizeof *counted)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	ctx = (struct days_ctx){from, n, out, counted};
	for (int i = 0; i < n; i++) {
		out[i].day = from + i;
		out[i].entries = 0;
		nt_amounts_zero(&out[i].total);
		counted[i] = 0;
	}
	st = nt_journal_each(s, from, from + n - 1, add_entry, &ctx, err);
	for (int i = 0; i < n; i++)
		nt_amounts_finish(&out[i].total, counted[i]);
	free(counted);
	return st;
}

void
nt_analysis_average(const struct nt_day_total *days, int n, struct nt_amounts *avg,
                    int *logged, int known[NT_MEASURE_COUNT])
{
	*logged = 0;
	nt_amounts_zero(avg);
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		known[m] = 0;
	for (int i = 0; i < n; i++) {
		if (!days[i].entries)
			continue;
		(*logged)++;
		/*
		 * A day without a value for a measure says nothing about it: were
		 * it counted as zero, one banana and a day of nutritional yeast
		 * would average half a banana's potassium.
		 */
		for (int m = 0; m < NT_MEASURE_COUNT; m++) {
			if (!nt_known(days[i].total.v[m]))
				continue;
			avg->v[m] += days[i].total.v[m];
			known[m]++;
			if (days[i].total.partial & (1u << m))
				avg->partial |= 1u << m;
			if (days[i].total.estimated & (1u << m))
				avg->estimated |= 1u << m;
		}
	}
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		avg->v[m] = known[m] ? avg->v[m] / known[m] : NT_UNKNOWN;
}

enum nt_status
nt_analysis_week(struct nt_store *s, long day, const struct nt_targets *t,
                 struct nt_week *out, struct nt_err *err)
{
	enum nt_status st;

	memset(out, 0, sizeof *out);
	out->start = nt_date_week_start(day);
	nt_date_iso_week(day, &out->iso_year, &out->iso_week);
	if (nt_date_in_range(day)) {
		char what[40], d[NT_DATE_LEN];

		nt_date_format(day, d);
		snprintf(what, sizeof what, "the week of %s", d);
		if ((st = nt_date_check_span(out->start, out->start + 6, what, err)))
			return st;
	}
	if ((st = nt_analysis_days(s, out->start, 7, out->days, err)))
		return st;
	nt_analysis_average(out->days, 7, &out->average, &out->days_logged, out->days_known);
	if (t) {
		out->targets = *t;
		for (int i = 0; i < 7; i++) {
			out->daily[i] = *t;
			nt_profile_default(&out->profiles[i]);
		}
	} else {
		if ((st = nt_targets_days(s, out->start, 7, out->daily, out->profiles, err)))
			return st;
		nt_analysis_mean_targets(out->days, out->daily, 7, &out->targets);
	}
	nt_judge(&out->average, out->days_logged > 0, &out->targets, out->avg);
	return NT_OK;
}

void
nt_analysis_mean_targets(const struct nt_day_total *days, const struct nt_targets *daily,
                         int n, struct nt_targets *out)
{
	if (n <= 0)
		return;
	for (int m = 0; m < NT_MEASURE_COUNT; m++) { /* every t[m] is set below */
		double value = 0, limit = 0;
		int covered = 0, last = -1;
		bool any = false;

		for (int i = 0; i < n; i++)
			any |= days[i].entries && nt_known(days[i].total.v[m]);
		for (int i = 0; i < n; i++) {
			if (any && !(days[i].entries && nt_known(days[i].total.v[m])))
				continue;
			value += daily[i].t[m].value; /* NAN when a day has none */
			limit += daily[i].t[m].limit;
			covered++;
			last = i;
		}
		out->t[m] = daily[last].t[m];
		/* to two decimals more than the intake shows: what the Target row says */
		out->t[m].value = nt_round(value / covered, nt_measure_decimals(m) + 2);
		out->t[m].limit = nt_round(limit / covered, nt_measure_decimals(m) + 2);
	}
}

bool
nt_folic_acid_masks_b12(const struct nt_judgement j[NT_MEASURE_COUNT])
{
	return j[NT_FOLIC_ACID].level == NT_LEVEL_OVER ||
	       (j[NT_B12].level == NT_LEVEL_LOW && j[NT_FOLATE].level == NT_LEVEL_OK);
}
