/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.c - the one-row profile table. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "profile.h"
#include "store.h"

static const char *const sexes[] = {"female", "male"};
static const char *const stages[] = {"none", "pregnant", "lactating"};
static const char *const diets[] = {"omnivore", "vegetarian", "vegan"};
/* IOM's levels; the first name stands for "not given" (the default, low active). */
static const char *const activities[] = {"low", "sedentary", "low", "active", "very"};

#define N(a) ((int)(sizeof a / sizeof *a))

static int
find(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

const char *nt_sex_name(enum nt_sex v) { return sexes[v]; }
const char *nt_stage_name(enum nt_stage v) { return stages[v]; }
const char *nt_diet_name(enum nt_diet v) { return diets[v]; }
int nt_sex_parse(const char *s) { return find(sexes, N(sexes), s); }
int nt_stage_parse(const char *s) { return find(stages, N(stages), s); }
int nt_diet_parse(const char *s) { return find(diets, N(diets), s); }
const char *nt_activity_name(enum nt_activity v) { return activities[v]; }

int
nt_activity_parse(const char *s)
{
	int i = find(activities + 1, N(activities) - 1, s);

	return i < 0 ? -1 : i + 1;
}

void
nt_profile_default(struct nt_profile *p)
{
	p->is_set = false;
	p->sex = NT_SEX_FEMALE;
	p->age_y = 30;
	p->stage = NT_STAGE_NONE;
	p->diet = NT_DIET_OMNIVORE;
	p->height_cm = 0;
	p->weight_kg = 0;
	p->activity = NT_ACTIVITY_DEFAULT;
}

static const char sql_get[] =
	"SELECT sex, age, stage, diet, height_cm, weight_kg, activity FROM profile WHERE id = 1";
/* A height, weight or activity not given is stored as NULL. */
static const char sql_set[] =
	"INSERT INTO profile(id, sex, age, stage, diet, height_cm, weight_kg, activity)"
	" VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(id) DO UPDATE SET sex = excluded.sex, age = excluded.age,"
	" stage = excluded.stage, diet = excluded.diet, height_cm = excluded.height_cm,"
	" weight_kg = excluded.weight_kg, activity = excluded.activity";

enum nt_status
nt_profile_get(struct nt_store *s, struct nt_profile *p, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc, sex, stage, diet, activity = NT_ACTIVITY_DEFAULT;
	double age, height = 0, weight = 0;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_get, err)) || (rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (rc == 0) {
		nt_profile_default(p);
		return NT_OK;
	}
	sex = nt_sex_parse(nt_stmt_text(st, 0));
	stage = nt_stage_parse(nt_stmt_text(st, 2));
	diet = nt_diet_parse(nt_stmt_text(st, 3));
	age = nt_stmt_double(st, 1);
	if (!nt_stmt_is_null(st, 4))
		height = nt_stmt_double(st, 4);
	if (!nt_stmt_is_null(st, 5))
		weight = nt_stmt_double(st, 5);
	if (!nt_stmt_is_null(st, 6))
		activity = nt_activity_parse(nt_stmt_text(st, 6));
	nt_stmt_reset(st);
	if (sex < 0 || stage < 0 || diet < 0 || activity < 0 ||
	    !(height == 0 || (height >= NT_HEIGHT_MIN_CM && height <= NT_HEIGHT_MAX_CM)) ||
	    !(weight == 0 || (weight >= NT_WEIGHT_MIN_KG && weight <= NT_WEIGHT_MAX_KG)))
		return nt_err_set(err, NT_ERR_DB, "the stored profile is damaged; set it again "
		                  "with nutrack profile");
	p->age_y = age;
	p->is_set = true;
	p->sex = (enum nt_sex)sex;
	p->stage = (enum nt_stage)stage;
	p->diet = (enum nt_diet)diet;
	p->height_cm = height;
	p->weight_kg = weight;
	p->activity = (enum nt_activity)activity;
	return NT_OK;
}

enum nt_status
nt_profile_check(const struct nt_profile *p, struct nt_err *err)
{
	if (!(p->age_y >= 0 && p->age_y <= NT_AGE_MAX))
		return nt_err_set(err, NT_ERR_RANGE, "age must be between 0 and %d years",
		                  NT_AGE_MAX);
	if (p->stage != NT_STAGE_NONE) {
		if (p->sex != NT_SEX_FEMALE)
			return nt_err_set(err, NT_ERR_INVALID, "life stage '%s' needs --sex female",
			                  nt_stage_name(p->stage));
		if (p->age_y < 14 || p->age_y >= 51)
			return nt_err_set(err, NT_ERR_RANGE,
			                  "the DRI tables give %s targets for ages 14 to 50 only",
			                  p->stage == NT_STAGE_PREGNANT ? "pregnancy" : "lactation");
	}
	if (p->height_cm != 0 &&
	    !(p->height_cm >= NT_HEIGHT_MIN_CM && p->height_cm <= NT_HEIGHT_MAX_CM))
		return nt_err_set(err, NT_ERR_RANGE, "height must be between %d and %d cm",
		                  NT_HEIGHT_MIN_CM, NT_HEIGHT_MAX_CM);
	if (p->weight_kg != 0 &&
	    !(p->weight_kg >= NT_WEIGHT_MIN_KG && p->weight_kg <= NT_WEIGHT_MAX_KG))
		return nt_err_set(err, NT_ERR_RANGE, "weight must be between %d and %d kg",
		                  NT_WEIGHT_MIN_KG, NT_WEIGHT_MAX_KG);
	if (!(p->activity >= NT_ACTIVITY_DEFAULT && p->activity <= NT_ACTIVITY_VERY))
		return nt_err_set(err, NT_ERR_INVALID, "unknown activity level");
	return NT_OK;
}

enum nt_status
nt_profile_set(struct nt_store *s, const struct nt_profile *p, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_profile_check(p, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_set, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, nt_sex_name(p->sex));
	nt_stmt_bind_double(st, 2, p->age_y + 0.0); /* -0 is stored as 0 */
	nt_stmt_bind_text(st, 3, nt_stage_name(p->stage));
	nt_stmt_bind_text(st, 4, nt_diet_name(p->diet));
	nt_stmt_bind_double(st, 5, p->height_cm != 0 ? p->height_cm : NAN);
	nt_stmt_bind_double(st, 6, p->weight_kg != 0 ? p->weight_kg : NAN);
	nt_stmt_bind_text(st, 7, p->activity != NT_ACTIVITY_DEFAULT ? nt_activity_name(p->activity)
	                                                             : NULL);
	return nt_stmt_run(st, err);
}
