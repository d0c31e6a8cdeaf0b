/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.h - who the user is: sex, age, life stage and diet pattern. */
#ifndef NT_PROFILE_H
#define NT_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct nt_store;

enum nt_sex { NT_SEX_FEMALE, NT_SEX_MALE };
enum nt_stage { NT_STAGE_NONE, NT_STAGE_PREGNANT, NT_STAGE_LACTATING };
enum nt_diet { NT_DIET_OMNIVORE, NT_DIET_VEGETARIAN, NT_DIET_VEGAN };
/* IOM physical activity levels; DEFAULT (not given) means low active. */
enum nt_activity {
	NT_ACTIVITY_DEFAULT,
	NT_ACTIVITY_SEDENTARY,
	NT_ACTIVITY_LOW,
	NT_ACTIVITY_ACTIVE,
	NT_ACTIVITY_VERY,
};

#define NT_AGE_MAX 130
/* What a height or weight may be (checked by nt_profile_check). */
#define NT_HEIGHT_MIN_CM 40
#define NT_HEIGHT_MAX_CM 250
#define NT_WEIGHT_MIN_KG 2
#define NT_WEIGHT_MAX_KG 400

struct nt_profile {
	bool is_set;        /* false: the defaults below, not the user's */
	enum nt_sex sex;
	double age_y;       /* years; fractions allowed for infants */
	enum nt_stage stage;
	enum nt_diet diet;
	/* for the energy requirement (energy.h); 0 / DEFAULT: not given */
	double height_cm;
	double weight_kg;
	enum nt_activity activity;
};

/* The profile used until one is set: an adult woman (19-50 y), omnivore. */
void nt_profile_default(struct nt_profile *p);

/*
 * The profile's versions: each is in force from its day (a day number,
 * date.h) until the next one's; the first version is also in force on
 * every day before it (a profile describes the person, and days logged
 * before it was first set are judged by it).  NT_PROFILE_ALWAYS is the
 * day of a version that applies from the beginning (1900-01-01, the first
 * day nutrack keeps): the first one set, and the one an older database
 * had.
 */
#define NT_PROFILE_ALWAYS (-25567L)

/* The newest stored version (latest day), or the default (is_set = false). */
enum nt_status nt_profile_get(struct nt_store *s, struct nt_profile *p,
                              struct nt_err *err);

/*
 * The version in force on `day`, or the default (is_set = false) when none
 * is stored; *from (may be NULL) receives the day it applies from
 * (NT_PROFILE_ALWAYS for the default).  Use nt_targets_on (target.h) to
 * judge a day: it reads this with the targets of the same day.
 */
enum nt_status nt_profile_on(struct nt_store *s, long day, struct nt_profile *p, long *from,
                             struct nt_err *err);

/*
 * Validates and stores a version in force from day `from` (replacing one of
 * the same day); the first version ever stored applies from
 * NT_PROFILE_ALWAYS whatever `from` says.  Age 0..NT_AGE_MAX; pregnancy
 * and lactation only for females aged 14 to 50 (the DRI tables have no
 * other rows); a height (cm) and weight (kg) given within the NT_HEIGHT_*
 * and NT_WEIGHT_* bounds.
 */
enum nt_status nt_profile_set(struct nt_store *s, const struct nt_profile *p, long from,
                              struct nt_err *err);

struct nt_profile_version {
	long from; /* day number; NT_PROFILE_ALWAYS: from the beginning */
	struct nt_profile profile;
};

/* Every stored version, oldest first; owned by the caller: fini it. */
struct nt_profile_history {
	struct nt_profile_version *v;
	size_t n;
};

enum nt_status nt_profile_history(struct nt_store *s, struct nt_profile_history *out,
                                  struct nt_err *err);
void nt_profile_history_fini(struct nt_profile_history *h);

/* Whether two profiles say the same in every field. */
bool nt_profile_same(const struct nt_profile *a, const struct nt_profile *b);

/* Checks a profile without storing it. */
enum nt_status nt_profile_check(const struct nt_profile *p, struct nt_err *err);

/* Names used in the CLI and the database ("female", "pregnant", "vegan"). */
const char *nt_sex_name(enum nt_sex v);
const char *nt_stage_name(enum nt_stage v);
const char *nt_diet_name(enum nt_diet v);
/* "sedentary", "low", "active", "very" ("low" also for DEFAULT). */
const char *nt_activity_name(enum nt_activity v);
/* Parse those names; return -1 for anything else. */
int nt_sex_parse(const char *s);
int nt_stage_parse(const char *s);
int nt_diet_parse(const char *s);
int nt_activity_parse(const char *s); /* never DEFAULT */

#endif
