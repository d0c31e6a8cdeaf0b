/* SPDX-License-Identifier: GPL-3.0-or-later */
/* target.h - recommended daily amounts (DRI) for a profile, and the user's own targets and limits. */
#ifndef NT_TARGET_H
#define NT_TARGET_H

#include <stdbool.h>

#include "nutrient.h"
#include "status.h"

struct nt_store;
struct nt_profile;

/* One measure's daily target and upper limit. */
struct nt_target {
	double value;     /* in the measure's unit; NAN = no target */
	char type[16];    /* "RDA", "AI", "guidance"; "custom" when set by the user */
	char source[160]; /* citation from data/targets.csv; "set by you" */
	double limit;     /* upper limit, same unit; NAN = none (a UL, or set by the user) */
	bool user_value;  /* value set by the user (nutrack target set --min) */
	bool user_limit;  /* limit set by the user (--max) */
	bool dri_limit;   /* limit is the DRI's tolerable upper intake level (UL) */
	char limit_source[160]; /* the UL's citation, when dri_limit */
	bool dri_dropped; /* the DRI target was above the user's limit: no target */
	double dri;       /* the DRI target the user's setting replaced; NAN: none */
	long user_from;   /* the day the user's setting applies from (when user_*) */
};

/*
 * Targets for every measure with a DRI name in the nutrient table: B12
 * (RDA/AI), OMEGA3 judged against the ALA AI, EPA_DHA (EFSA guidance, mg),
 * POTASSIUM (NASEM 2019 AI), FOLATE (ug DFE) and B6 (RDA/AI); ALA carries
 * the same AI as OMEGA3.  Energy, protein and the rest have none (NAN).
 * Limits: the DRI's ULs, FOLIC_ACID (from fortified food and supplements)
 * and B6.  NT_ERR_NOTFOUND when the table has no B12, ALA or potassium row
 * for the profile.
 */
struct nt_targets {
	struct nt_target t[NT_MEASURE_COUNT];
};

enum nt_status nt_targets_for(struct nt_store *s, const struct nt_profile *p,
                              struct nt_targets *out, struct nt_err *err);

/*
 * What judges a day: the profile in force on `day` (nt_profile_on; may be
 * NULL) and its DRI targets with the user's own targets and limits in force
 * that day on top (nt_target_set): a user minimum replaces the DRI target;
 * a user maximum is the limit, and when the user set no minimum and the
 * DRI target is above the limit, the measure has no target (a clinician's
 * limit comes first: the person is warned of the limit, never urged past
 * it).
 */
enum nt_status nt_targets_on(struct nt_store *s, long day, struct nt_targets *out,
                             struct nt_profile *profile, struct nt_err *err);

/*
 * The same for `n` consecutive days from `first` (out and, when not NULL,
 * profiles have n elements); reads once per span without a change.
 */
enum nt_status nt_targets_days(struct nt_store *s, long first, int n, struct nt_targets *out,
                               struct nt_profile *profiles, struct nt_err *err);

/* Whether two days' targets and limits differ (the values, not the words). */
bool nt_targets_differ(const struct nt_targets *a, const struct nt_targets *b);

/*
 * The user's setting for measure `m` from day `from` on (until the next
 * setting of that measure): a minimum `min` and an upper limit `max`, each
 * NAN to keep what is in force on `from` (nt_target_reset goes back to the
 * DRI target and no limit).  Refused, nothing stored: a negative or
 * non-finite value (NT_ERR_RANGE), a minimum above the limit, counting the
 * ones kept (NT_ERR_INVALID).
 */
enum nt_status nt_target_set(struct nt_store *s, enum nt_measure m, long from, double min,
                             double max, struct nt_err *err);

/* Back to the DRI target and no limit from `from` on: one measure, or all (m < 0). */
enum nt_status nt_target_reset(struct nt_store *s, int m, long from, struct nt_err *err);

/*
 * The protein RDA in g/day (the AI under 6 months) for the profile, from
 * data/targets.csv (IOM 2005, at the reference body weight); kept apart from
 * nt_targets_for, whose day and week judgements have no protein line.
 * NT_ERR_NOTFOUND when the data has no row for the profile.
 */
enum nt_status nt_target_protein(struct nt_store *s, const struct nt_profile *p,
                                 struct nt_target *out, struct nt_err *err);

#endif
