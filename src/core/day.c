/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day.c - one day summed up, once for every front end. */
#include "config.h"

#include <string.h>

#include "absorption.h"
#include "date.h"
#include "day.h"
#include "store.h"

/* Judges what d holds: the entries, against the targets. */
static void
judge_day(struct nt_day_summary *d)
{
	struct nt_amounts zero;
	double target;

	d->eaten = nt_analysis_eaten(&d->entries);
	nt_analysis_sum(&d->entries, &d->total);
	nt_judge(&d->total, d->eaten > 0, &d->targets, d->judged);
	nt_analysis_sum_planned(&d->entries, &d->with_planned);
	nt_judge(&d->with_planned, d->entries.n > 0, &d->targets, d->planned_judged);
	if (d->eaten > 0) {
		memcpy(d->gaps, d->judged, sizeof d->gaps);
	} else {
		/* nothing eaten yet: every target is a whole gap, not unknown */
		nt_amounts_zero(&zero);
		nt_judge(&zero, true, &d->targets, d->gaps);
	}
	d->b12_absorbed = nt_b12_absorbed_day(&d->entries, &d->b12_absorbed_partial);
	target = nt_b12_absorbed_target(d->targets.t[NT_B12].value);
	nt_judge_value(d->b12_absorbed, d->b12_absorbed_partial, d->eaten > 0, target,
	               NT_B12_ABSORBED_DECIMALS, &d->b12_absorbed_judged);
}

/* A day without entries or targets: what a front end shows after an error. */
static void
empty_day(long day, struct nt_day_summary *d)
{
	memset(d, 0, sizeof *d);
	d->day = day;
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		d->targets.t[m].value = NT_UNKNOWN;
		d->targets.t[m].limit = NT_UNKNOWN;
		d->targets.t[m].dri = NT_UNKNOWN;
	}
	judge_day(d);
}

enum nt_status
nt_day_summary_load(struct nt_store *s, long day, struct nt_day_summary *out,
                    struct nt_err *err)
{
	struct nt_day_summary d;
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	empty_day(day, out);
	memset(&d, 0, sizeof d);
	d.day = day;
	if ((rc = nt_date_check_span(day, day, "the day", err)))
		return rc;
	/* the targets and the entries from one snapshot: a profile saved by
	 * another process in between cannot judge the entries by other targets */
	if ((rc = nt_store_begin_read(s, err)))
		return rc;
	if ((rc = nt_targets_on(s, day, &d.targets, &d.profile, err)) ||
	    (rc = nt_journal_day(s, day, &d.entries, err))) {
		nt_store_rollback(s);
		nt_entry_list_fini(&d.entries);
		return rc;
	}
	if ((rc = nt_store_commit(s, err))) {
		nt_entry_list_fini(&d.entries);
		return rc;
	}
	judge_day(&d);
	*out = d;
	return NT_OK;
}

void
nt_day_summary_preview(const struct nt_day_summary *d, long long replace_id,
                       const struct nt_amounts *adds, struct nt_judgement out[NT_MEASURE_COUNT])
{
	struct nt_amounts sum;
	unsigned counted = 0;

	nt_amounts_zero(&sum);
	for (size_t i = 0; i < d->entries.n; i++)
		if (replace_id == 0 || d->entries.v[i].id != replace_id)
			nt_amounts_add(&sum, &counted, &d->entries.v[i].values);
	nt_amounts_add(&sum, &counted, adds);
	nt_amounts_finish(&sum, counted);
	nt_judge(&sum, true, &d->targets, out);
}

void
nt_day_summary_fini(struct nt_day_summary *d)
{
	if (!d)
		return;
	nt_entry_list_fini(&d->entries);
}
