/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h - intake over any range of days, weekly trends, the richest foods, HTML. */
#ifndef NT_REPORT_H
#define NT_REPORT_H

#include <stdio.h>

#include "absorption.h"
#include "analysis.h"
#include "lab.h"
#include "profile.h"
#include "status.h"
#include "target.h"

struct nt_store;

/* The longest range a report covers (ten years and a bit). */
#define NT_REPORT_MAX_DAYS 3700

/*
 * Per-day totals of days from..to and their average (nt_analysis_average),
 * judged against the mean of the targets in force on the days it covers
 * (nt_targets_days, nt_analysis_mean_targets).  Caller storage; fini it.
 */
struct nt_report {
	long from, to;
	int ndays;
	struct nt_day_total *days;  /* owned, ndays of them */
	int days_logged;
	int days_known[NT_MEASURE_COUNT]; /* the days each average covers */
	struct nt_amounts average;
	struct nt_judgement avg[NT_MEASURE_COUNT];
	struct nt_profile profile;  /* in force on the last day */
	struct nt_targets targets;  /* the average's: nt_analysis_mean_targets */
	struct nt_targets *daily;   /* owned, ndays: the targets in force each day */
	struct nt_profile *profiles; /* owned, ndays: the profile in force each day */
	/* The clinical detail, filled by nt_report_detail only (NULL and 0 before): */
	double *b12_absorbed;        /* owned, ndays: estimated absorbed B12 (ug), NAN unknown */
	bool *b12_absorbed_partial;  /* owned, ndays: some entry's B12 unknown */
	int nweeks;
	struct nt_report_week *weeks; /* owned: the ISO weeks the range touches, oldest first */
	int nlabs;
	struct nt_report_lab *labs;   /* owned: the lab results taken from..to, date order */
};

/* An ISO week the range touches, its B12 routine judged over all its 7 days. */
struct nt_report_week {
	long start; /* Monday */
	int iso_year, iso_week;
	struct nt_b12_week b12;
};

/* A lab result as nt_lab_each gives it, with its unit copied. */
struct nt_report_lab {
	long day;
	enum nt_lab_kind kind;
	double value;   /* in nt_lab_unit(kind) */
	double entered; /* as entered, in `unit` */
	char *unit;     /* owned: as entered ("pg/mL") */
	int decimals;   /* to show `entered` with */
};

/* NT_ERR_RANGE when to < from or the range exceeds NT_REPORT_MAX_DAYS. */
enum nt_status nt_report_range(struct nt_store *s, long from, long to, struct nt_report *out,
                               struct nt_err *err);
void nt_report_fini(struct nt_report *r);

/*
 * Adds the clinical detail the HTML report shows to a report from
 * nt_report_range: each day's estimated absorbed B12 (nt_b12_absorbed_day),
 * the B12 routine of every ISO week the range touches (nt_b12_week_judge,
 * over the whole week, as `week` judges it) and the lab results taken in the
 * range.  Reads every day's entries: call it for the HTML report only.
 * On error r is as before.
 */
enum nt_status nt_report_detail(struct nt_store *s, struct nt_report *r, struct nt_err *err);

/*
 * Weekly averages (nt_analysis_average) of the `weeks` ISO weeks ending
 * with the one holding `day` (fewer when they would begin before the first
 * day nutrack keeps: out->weeks).
 */
#define NT_TREND_MAX_WEEKS 52
struct nt_trend {
	int weeks;
	long start[NT_TREND_MAX_WEEKS];            /* Mondays, oldest first */
	int logged[NT_TREND_MAX_WEEKS];            /* days logged in each */
	int known[NT_TREND_MAX_WEEKS][NT_MEASURE_COUNT]; /* the days each average covers */
	struct nt_amounts avg[NT_TREND_MAX_WEEKS]; /* unknown when nothing logged */
	/* what each average is judged against (nt_analysis_mean_targets) */
	struct nt_targets targets[NT_TREND_MAX_WEEKS];
};

enum nt_status nt_report_trend(struct nt_store *s, long day, int weeks, struct nt_trend *out,
                               struct nt_err *err);

/* The richest foods in a measure per everyday portion. */
struct nt_top_food {
	long long food_id;
	char ref[40];
	char *name;       /* owned */
	char *portion;    /* owned: "1 cup" */
	double grams;
	double value;     /* in the measure's unit, for the portion */
	double per100;
	bool dated;       /* SR28 values with added B12: NT_FOOD_DATED_NOTE */
	bool estimated;   /* the value is, or includes, an estimated ALA */
};

struct nt_top {
	size_t n;
	struct nt_top_food *v;
};

/* The most foods one list holds. */
#define NT_TOP_MAX 1000

enum {
	NT_TOP_ANY_DIET = 1,    /* ignore the diet (exclusions still apply) */
	NT_TOP_INGREDIENTS = 2, /* include SR28's ingredients (raw, dry, ...) */
	NT_TOP_NOT_ADVICE = 4,  /* include foods that are not everyday advice
	                           (NT_ADVICE_SQL: drinks, candy, sauces...) */
	NT_TOP_NO_ENERGY = 8,   /* never energy drinks (someone under 18) */
};

/*
 * Foods ranked by `m` per everyday portion (USDA's serving, FNDDS's
 * "quantity not specified", of at most 500 g; else the first portion of at
 * most 250 g; a food without one is left out), those the diet forbids
 * (unless NT_TOP_ANY_DIET) and the excluded ones left out, supplements left
 * out, foods that are not everyday advice left out (unless
 * NT_TOP_NOT_ADVICE; energy drinks never with NT_TOP_NO_ENERGY), at most
 * `limit` (at most NT_TOP_MAX).  Without NT_TOP_INGREDIENTS only foods as eaten
 * count: FNDDS, labels and the user's own, not SR28's raw ingredients.
 * SR28 foods with current values elsewhere (NT_FOOD_CURRENT_SQL) are left
 * out: their current food is ranked instead.
 */
enum nt_status nt_report_top(struct nt_store *s, enum nt_measure m, enum nt_diet diet,
                             unsigned flags, size_t limit, struct nt_top *out,
                             struct nt_err *err);
void nt_top_fini(struct nt_top *t);

/*
 * Writes a report as one self-contained HTML page (tables and inline SVG
 * charts; no scripts, no network; prints on A4 and Letter): the averages,
 * the profile and targets in force, a bar chart per nutrient with a bar a
 * day, lab results on the same time axis, the day table with eaten and
 * absorbed B12, the weeks' B12 routines, the lab table and the sources.
 * The parts nt_report_detail fills are left out when it was not called.
 * `title` is escaped, as is every string from the user or the data.
 * Flushes fp; NT_ERR_IO on a write error, err->msg its reason.
 */
enum nt_status nt_report_html(FILE *fp, const struct nt_report *r, const char *title,
                              struct nt_err *err);

#endif
