/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day.h - one day summed up: targets in force, entries, totals and their judgements. */
#ifndef NT_DAY_H
#define NT_DAY_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "journal.h"
#include "nutrient.h"
#include "profile.h"
#include "status.h"
#include "target.h"

struct nt_store;

/*
 * What the CLI's "day", its "suggest" and the TUI's day view show of one
 * day, worked out once so that they cannot disagree.
 */
struct nt_day_summary {
	long day;
	struct nt_profile profile;      /* in force on the day (nt_targets_on) */
	struct nt_targets targets;      /* in force on the day */
	struct nt_entry_list entries;   /* owned: the day's entries, eaten and planned */
	size_t eaten;                   /* entries eaten; 0: the day is not logged */
	struct nt_amounts total;        /* the eaten entries (nt_analysis_sum) */
	struct nt_amounts with_planned; /* eaten and planned (nt_analysis_sum_planned) */
	/* total judged; not logged (all unknown) when nothing is eaten */
	struct nt_judgement judged[NT_MEASURE_COUNT];
	/* with_planned judged; logged when the day has any entry */
	struct nt_judgement planned_judged[NT_MEASURE_COUNT];
	/*
	 * What suggestions close (nt_suggest): judged, except that a day with
	 * nothing eaten is all gap (zero intake against every target).
	 */
	struct nt_judgement gaps[NT_MEASURE_COUNT];
	/* the estimated absorbed B12 (absorption.h: each meal one sitting) */
	double b12_absorbed;            /* ug; NAN when no eaten entry's B12 is known */
	bool b12_absorbed_partial;
	/* ... judged against nt_b12_absorbed_target, NT_B12_ABSORBED_DECIMALS shown */
	struct nt_judgement b12_absorbed_judged;
};

/*
 * Loads the summary of `day` (NT_ERR_RANGE for a day nutrack does not keep)
 * from one snapshot of the database.  *out is caller storage: fini it after
 * NT_OK.  On an error *out is an empty day without targets (nothing
 * logged, every measure without a target) that needs no fini, so that a
 * front end can go on showing it.
 */
enum nt_status nt_day_summary_load(struct nt_store *s, long day, struct nt_day_summary *out,
                                   struct nt_err *err);

/*
 * The day as it would be with one more entry of `adds`, in place of the
 * entry `replace_id` when that is not 0 (an entry being changed): every
 * other entry, eaten or planned, counts, and the result is judged as
 * logged against the day's targets.  For previews; changes nothing.
 */
void nt_day_summary_preview(const struct nt_day_summary *d, long long replace_id,
                            const struct nt_amounts *adds,
                            struct nt_judgement out[NT_MEASURE_COUNT]);

/* Frees the entries; the summary is empty (zero entries) afterwards. */
void nt_day_summary_fini(struct nt_day_summary *d);

#endif
