/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.c - the one-row profile table. */
#include "config.h"

#include <string.h>

#include "profile.h"
#include "store.h"

static const char *const sexes[] = {"female", "male"};
static const char *const stages[] = {"none", "pregnant", "lactating"};
static const char *const diets[] = {"omnivore", "vegetarian", "vegan"};

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

void
nt_profile_default(struct nt_profile *p)
{
	p->is_set = false;
	p->sex = NT_SEX_FEMALE;
	p->age_y = 30;
	p->stage = NT_STAGE_NONE;
	p->diet = NT_DIET_OMNIVORE;
}

static const char sql_get[] = "SELECT sex, age, stage, diet FROM profile WHERE id = 1";
static const char sql_set[] =
	"INSERT INTO profile(id, sex, age, stage, diet) VALUES (1, ?1, ?2, ?3, ?4)"
	" ON CONFLICT(id) DO UPDATE SET sex = excluded.sex, age = excluded.age,"
	" stage = excluded.stage, diet = excluded.diet";

enum nt_status
nt_profile_get(struct nt_store *s, struct nt_profile *p, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc, sex, stage, diet;
	double age;

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
	nt_stmt_reset(st);
	if (sex < 0 || stage < 0 || diet < 0)
		return nt_err_set(err, NT_ERR_DB, "the stored profile is damaged; set it again "
		                  "with nutrack profile");
	p->age_y = age;
	p->is_set = true;
	p->sex = (enum nt_sex)sex;
	p->stage = (enum nt_stage)stage;
	p->diet = (enum nt_diet)diet;
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
	return nt_stmt_run(st, err);
}
