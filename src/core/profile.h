/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.h - who the user is: sex, age, life stage and diet pattern. */
#ifndef NT_PROFILE_H
#define NT_PROFILE_H

#include <stdbool.h>

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

/* Reads the stored profile, or the default (is_set = false). */
enum nt_status nt_profile_get(struct nt_store *s, struct nt_profile *p,
                              struct nt_err *err);

/*
 * Validates and stores: age 0..NT_AGE_MAX; pregnancy and lactation only
 * for females aged 14 to 50 (the DRI tables have no other rows); a height
 * (cm) and weight (kg) given within the NT_HEIGHT_* and NT_WEIGHT_* bounds.
 */
enum nt_status nt_profile_set(struct nt_store *s, const struct nt_profile *p,
                              struct nt_err *err);

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
