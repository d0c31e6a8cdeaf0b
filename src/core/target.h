/* SPDX-License-Identifier: GPL-3.0-or-later */
/* target.h - recommended daily amounts (DRI) for a profile. */
#ifndef NT_TARGET_H
#define NT_TARGET_H

#include "nutrient.h"
#include "status.h"

struct nt_store;
struct nt_profile;

/* One measure's daily target. */
struct nt_target {
	double value;     /* in the measure's unit; NAN = no target */
	char type[16];    /* "RDA", "AI", "guidance" */
	char source[160]; /* citation from data/targets.csv */
};

/*
 * Targets for every measure: B12 (RDA/AI), OMEGA3 judged against the ALA
 * AI, EPA_DHA (EFSA guidance, mg), POTASSIUM (NASEM 2019 AI); ALA carries
 * the same AI as OMEGA3.  Energy, protein and the rest have none (NAN).
 * NT_ERR_NOTFOUND when the table has no row for the profile.
 */
struct nt_targets {
	struct nt_target t[NT_MEASURE_COUNT];
};

enum nt_status nt_targets_for(struct nt_store *s, const struct nt_profile *p,
                              struct nt_targets *out, struct nt_err *err);

/*
 * The protein RDA in g/day (the AI under 6 months) for the profile, from
 * data/targets.csv (IOM 2005, at the reference body weight); kept apart from
 * nt_targets_for, whose day and week judgements have no protein line.
 * NT_ERR_NOTFOUND when the data has no row for the profile.
 */
enum nt_status nt_target_protein(struct nt_store *s, const struct nt_profile *p,
                                 struct nt_target *out, struct nt_err *err);

#endif
