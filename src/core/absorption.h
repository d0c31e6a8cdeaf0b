/* SPDX-License-Identifier: GPL-3.0-or-later */
/* absorption.h - how much of the B12 eaten is absorbed: a per-sitting dose-response. */
#ifndef NT_ABSORPTION_H
#define NT_ABSORPTION_H

#include <stdbool.h>

struct nt_entry_list;

/*
 * The model (IOM 1998 Dietary Reference Intakes, vitamin B12 chapter):
 * intrinsic factor takes up about half of a small dose actively, and this
 * active uptake saturates at about 1.5 ug per sitting; about 1% of the rest
 * is absorbed passively, by diffusion, at any dose.  The RDA of 2.4 ug
 * assumes about 50% absorption, so the absorbed target is half the RDA.
 *
 *   absorbed(d) = a + 0.01 * (d - a),   a = min(0.5 * d, 1.5)
 *
 * 1 ug -> 0.505; 2.4 ug -> 1.21; 10 ug -> 1.59; 2000 ug -> 21.5 (3.1 a day
 * over a week).
 */
#define NT_B12_ACTIVE_FRACTION 0.5
#define NT_B12_ACTIVE_CAP_UG 1.5
#define NT_B12_PASSIVE_FRACTION 0.01

/* The decimals an absorbed estimate is shown and judged with. */
#define NT_B12_ABSORBED_DECIMALS 2

/* Estimated absorbed B12 (ug) from one sitting's dose (ug); NAN stays NAN. */
double nt_b12_absorbed(double dose_ug);

/*
 * Estimated absorbed B12 of a day's eaten entries: each meal (breakfast, lunch,
 * dinner, snacks) is one sitting, its entries one dose.  *partial is set
 * when an entry's B12 is unknown; the result is NAN when no entry's is known.
 */
double nt_b12_absorbed_day(const struct nt_entry_list *l, bool *partial);

/*
 * The absorbed target: half the B12 RDA (ug), since the RDA assumes about
 * 50% absorption; no RDA (NAN) gives none.  The one place the rule lives:
 * the day's totals (day.h) and the HTML report's targets both ask it.
 */
double nt_b12_absorbed_target(double rda_ug);

/*
 * A week's B12 routine against the Vegan Society's three options:
 * fortified foods at least twice a day for at least 3 ug a day; at least
 * 10 ug a day from a supplement; or 2000 ug once a week from a supplement.
 * A routine matches when every logged day of the week follows it (the
 * weekly dose: one sitting of 2000 ug or more in the week).  Planned
 * entries do not count; a fortified food is one with added B12.
 */
struct nt_b12_week {
	int days_logged;
	int fortified_days;        /* >= 3 ug from fortified foods at >= 2 meals */
	int supplement_days;       /* >= 10 ug from supplements */
	double largest_dose_ug;    /* the largest supplement sitting */
	bool fortified, daily, weekly; /* which routines the week matches */
};

/* Judges seven days' entry lists (Monday first). */
void nt_b12_week_judge(const struct nt_entry_list *days, struct nt_b12_week *out);

#endif
