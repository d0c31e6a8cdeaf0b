/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.c - the profile and its dated versions. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
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

#define COLS "sex, age, stage, diet, height_cm, weight_kg, activity, from_day"
/* The version in force on ?1, or the first one for a day before it. */
static const char sql_on[] =
	"SELECT " COLS " FROM profile_versions"
	" ORDER BY from_day <= ?1 DESC, (from_day <= ?1) * -from_day, from_day LIMIT 1";
static const char sql_newest[] =
	"SELECT " COLS " FROM profile_versions ORDER BY from_day DESC LIMIT 1";
static const char sql_all[] = "SELECT " COLS " FROM profile_versions ORDER BY from_day";
/* A height, weight or activity not given is stored as NULL. */
static const char sql_set[] =
	"INSERT INTO profile_versions(from_day, sex, age, stage, diet, height_cm, weight_kg,"
	" activity) VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(from_day) DO UPDATE SET sex = excluded.sex, age = excluded.age,"
	" stage = excluded.stage, diet = excluded.diet, height_cm = excluded.height_cm,"
	" weight_kg = excluded.weight_kg, activity = excluded.activity";
static const char sql_count[] = "SELECT count(*) FROM profile_versions";

/* Reads the current row of st into p (and *from); NT_ERR_DB when damaged. */
static enum nt_status
read_row(struct nt_stmt *st, struct nt_profile *p, long *from, struct nt_err *err)
{
	int sex, stage, diet, activity = NT_ACTIVITY_DEFAULT;
	double age, height = 0, weight = 0;

	memset(p, 0, sizeof *p); /* every field, those the row leaves out too */
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
	*from = (long)nt_stmt_int(st, 7);
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

static enum nt_status
get_one(struct nt_store *s, const char *sql, long day, struct nt_profile *p, long *from,
        struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	struct nt_profile q;
	enum nt_status rc;
	long f = 0;
	int r;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	if (sql == sql_on)
		nt_stmt_bind_int(st, 1, day);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 0) {
		nt_profile_default(p);
		if (from)
			*from = NT_PROFILE_ALWAYS;
		return NT_OK;
	}
	rc = read_row(st, &q, &f, err);
	nt_stmt_reset(st);
	if (rc)
		return rc;
	*p = q;
	if (from)
		*from = f;
	return NT_OK;
}

enum nt_status
nt_profile_get(struct nt_store *s, struct nt_profile *p, struct nt_err *err)
{
	return get_one(s, sql_newest, 0, p, NULL, err);
}

enum nt_status
nt_profile_on(struct nt_store *s, long day, struct nt_profile *p, long *from,
              struct nt_err *err)
{
	return get_one(s, sql_on, day, p, from, err);
}

void
nt_profile_history_fini(struct nt_profile_history *h)
{
	if (!h)
		return;
	free(h->v);
	h->v = NULL;
	h->n = 0;
}

enum nt_status
nt_profile_history(struct nt_store *s, struct nt_profile_history *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_profile_history h = {NULL, 0};
	struct nt_stmt *st;
	size_t cap = 0;
	int r;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_all, err)))
		return err->status;
	while ((r = nt_stmt_step(st, err)) > 0) {
		struct nt_profile_version *v;
		enum nt_status rc;

		if (h.n == cap) {
			size_t ncap = cap ? 2 * cap : 8;

			if (!(v = realloc(h.v, ncap * sizeof *v))) {
				nt_stmt_reset(st);
				nt_profile_history_fini(&h);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			h.v = v;
			cap = ncap;
		}
		v = &h.v[h.n];
		if ((rc = read_row(st, &v->profile, &v->from, err))) {
			nt_stmt_reset(st);
			nt_profile_history_fini(&h);
			return rc;
		}
		h.n++;
	}
	if (r < 0) {
		nt_profile_history_fini(&h);
		return err->status;
	}
	*out = h;
	return NT_OK;
}

bool
nt_profile_same(const struct nt_profile *a, const struct nt_profile *b)
{
	return a->is_set == b->is_set && a->sex == b->sex && a->age_y == b->age_y &&
	       a->stage == b->stage && a->diet == b->diet && a->height_cm == b->height_cm &&
	       a->weight_kg == b->weight_kg && a->activity == b->activity;
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
nt_profile_set(struct nt_store *s, const struct nt_profile *p, long from, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;
	long long versions;

	if (!err)
		err = &scratch;
	if ((rc = nt_profile_check(p, err)) ||
	    (rc = nt_store_query_ints(s, sql_count, -1, &versions, 1, err)))
		return rc;
	/* the first profile ever set is the one of every day before it too */
	if (!versions)
		from = NT_PROFILE_ALWAYS;
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
	nt_stmt_bind_int(st, 8, from);
	return nt_stmt_run(st, err);
}
