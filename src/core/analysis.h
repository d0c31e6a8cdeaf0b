/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis.h - totals against targets: day and week summaries, shortfalls. */
#ifndef NT_ANALYSIS_H
#define NT_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "nutrient.h"
#include "profile.h"
#include "status.h"
#include "target.h"

struct nt_store;
struct nt_entry_list;

enum nt_level {
	NT_LEVEL_NONE,    /* no target for this measure */
	NT_LEVEL_OK,      /* shown intake >= target */
	NT_LEVEL_LOW,     /* below target: a shortfall */
	NT_LEVEL_UNKNOWN, /* nothing logged, or no entry has a value */
	NT_LEVEL_OVER,    /* shown intake above the user's upper limit */
};

/* "", "ok", "low", "unknown", "over_limit" */
const char *nt_level_name(enum nt_level l);

/*
 * One measure judged against its target.  The intake is rounded to the
 * measure's shown decimals first, and percent and level are computed from
 * that shown value, so that what the user reads always agrees
 * ("2.40 of 2.4 = 100% ok", never "100% low").
 */
struct nt_judgement {
	double intake;  /* shown value; NAN when unknown */
	double target;  /* NAN when there is none */
	double limit;   /* the user's upper limit; NAN when there is none */
	int percent;    /* floor(100 * intake / target); -1 when not applicable */
	enum nt_level level;
	bool partial;   /* some contributing entry lacked a value */
	bool estimated; /* the intake is, or includes, an estimate (nt_judge only) */
};

void nt_judge(const struct nt_amounts *total, bool logged, const struct nt_targets *t,
              struct nt_judgement out[NT_MEASURE_COUNT]);

/*
 * One value judged the same way: `decimals` shown, NAN target = none, no
 * limit.  A shown intake above a limit is NT_LEVEL_OVER, whatever the
 * target (a partial intake is a lower bound: above the limit is above it).
 */
void nt_judge_value(double intake, bool partial, bool logged, double target, int decimals,
                    struct nt_judgement *out);
/* Puts an upper limit (NAN: none) on a judgement made by nt_judge_value. */
void nt_judge_limit(struct nt_judgement *j, double limit);

/*
 * Whether judgements `j` (nt_judge's, indexed by measure) call for the note
 * on folic acid and B12: folic acid over its limit (the UL, 1,000 ug for
 * adults), or B12 short while the folate target is met.  High folic acid
 * corrects the anaemia of B12 deficiency, the sign that would show it,
 * while the nerve damage goes on.
 */
bool nt_folic_acid_masks_b12(const struct nt_judgement j[NT_MEASURE_COUNT]);
#define NT_FOLIC_ACID_B12_NOTE                                                   \
	"Note: folic acid (and folate) can hide the anaemia of B12 deficiency while\n" \
	"nerve damage goes on; plenty of folate is no sign of enough B12, so keep\n"  \
	"B12 in view and have it checked (nutrack lab)."

/* Sum of a list's eaten entries (planned ones are not eaten yet). */
void nt_analysis_sum(const struct nt_entry_list *l, struct nt_amounts *total);
/* The planned total: eaten and planned entries together. */
void nt_analysis_sum_planned(const struct nt_entry_list *l, struct nt_amounts *total);
/* How many of a list's entries are eaten (a day with none is not logged). */
size_t nt_analysis_eaten(const struct nt_entry_list *l);

struct nt_day_total {
	long day;
	size_t entries;          /* 0: not logged (not zero intake) */
	struct nt_amounts total; /* all unknown when not logged */
};

/* Totals of `n` consecutive days from `from` (out has n elements). */
enum nt_status nt_analysis_days(struct nt_store *s, long from, int n,
                                struct nt_day_total *out, struct nt_err *err);

/*
 * Mean daily intake, measure by measure, over the logged days that have a
 * value for it (a day with nothing logged is not zero intake, and neither is
 * a logged day whose entries all lack the measure: such a day is left out of
 * that measure's average, not counted as zero).  A day with a value that
 * left out some entry (partial, a lower bound) counts, and makes the average
 * partial.  A measure no logged day has is unknown.  *logged receives the
 * number of logged days; known[m] the number of them the average of m covers,
 * its divisor (at most *logged).
 */
void nt_analysis_average(const struct nt_day_total *days, int n, struct nt_amounts *avg,
                         int *logged, int known[NT_MEASURE_COUNT]);

/* The ISO week (Monday to Sunday) holding a day. */
struct nt_week {
	long start;
	int iso_year, iso_week;
	struct nt_day_total days[7];
	int days_logged;
	int days_known[NT_MEASURE_COUNT]; /* the days each average covers */
	struct nt_amounts average;
	struct nt_judgement avg[NT_MEASURE_COUNT]; /* the week's shortfall flags */
	struct nt_targets targets;                 /* what avg was judged against */
	struct nt_targets daily[7];                /* each day's (all t when given) */
	struct nt_profile profiles[7];             /* each day's profile, when t was NULL */
};

/*
 * The week holding `day`, its average judged against `t`; with t NULL,
 * against the targets in force day by day (nt_targets_days): the mean, per
 * measure, of the daily targets (and limits) of the days its average
 * covers, so that the judgement of the average is the average of the
 * judgements' arithmetic.
 */
enum nt_status nt_analysis_week(struct nt_store *s, long day, const struct nt_targets *t,
                                struct nt_week *out, struct nt_err *err);

/*
 * The targets to judge an average by: for each measure, the mean of the
 * targets of the days `days` (n of them, daily[i] in force on days[i])
 * that the average covers (logged, with a value for it; all n days when
 * none is); a target or limit that some of those days lack is none.  The
 * words (type, source) are those of the last covered day.
 */
void nt_analysis_mean_targets(const struct nt_day_total *days, const struct nt_targets *daily,
                              int n, struct nt_targets *out);

#endif
