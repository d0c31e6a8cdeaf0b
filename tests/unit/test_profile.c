/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_profile.c - unit tests for the profile (profile.h) and its DRI targets (target.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "nutrient.h"
#include "profile.h"
#include "store.h"
#include "tap.h"
#include "target.h"

static struct nt_store *s;

static struct nt_profile
who(enum nt_sex sex, double age, enum nt_stage stage)
{
	struct nt_profile p;

	nt_profile_default(&p);
	p.is_set = true;
	p.sex = sex;
	p.age_y = age;
	p.stage = stage;
	return p;
}

/*
 * Checks the four targets of a profile against data/targets.csv:
 * b12 (ug), ala (g; judged as OMEGA3 and repeated for ALA), potassium
 * (mg) and epa_dha (mg; NAN = no row).
 */
static void
expect(const char *label, const struct nt_profile *p, double b12, double ala, double k,
       double epa_dha)
{
	struct nt_targets t;
	struct nt_err err;
	enum nt_status st = nt_targets_for(s, p, &t, &err);

	is_int(st, NT_OK, "%s: targets found%s%s", label, st ? ": " : "", st ? err.msg : "");
	if (st)
		return;
	is_num(t.t[NT_B12].value, b12, 0, "%s: B12 %g ug", label, b12);
	is_num(t.t[NT_OMEGA3].value, ala, 0, "%s: omega-3 (ALA AI) %g g", label, ala);
	is_num(t.t[NT_ALA].value, ala, 0, "%s: ALA carries the same %g g", label, ala);
	is_num(t.t[NT_POTASSIUM].value, k, 0, "%s: potassium %g mg", label, k);
	is_num(t.t[NT_EPA_DHA].value, epa_dha, 0, "%s: EPA+DHA %g mg", label, epa_dha);
	ok(isnan(t.t[NT_ENERGY].value) && isnan(t.t[NT_PROTEIN].value) &&
	   isnan(t.t[NT_B12_ADDED].value) && isnan(t.t[NT_EPA].value) &&
	   isnan(t.t[NT_DHA].value) && isnan(t.t[NT_DPA].value),
	   "%s: no target for energy, protein, added B12, EPA, DHA, DPA", label);
}

static void
test_default(void)
{
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;

	nt_profile_default(&p);
	ok(!p.is_set, "default: is_set = false");
	is_int(p.sex, NT_SEX_FEMALE, "default: female");
	ok(p.age_y >= 19 && p.age_y < 51, "default: an adult 19-50 (%g)", p.age_y);
	is_int(p.stage, NT_STAGE_NONE, "default: no life stage");
	is_int(p.diet, NT_DIET_OMNIVORE, "default: omnivore");

	p.is_set = true;
	is_int(nt_profile_get(s, &p, &err), NT_OK, "get with nothing stored");
	ok(!p.is_set, "... gives the default (is_set false)");
	is_int(p.sex, NT_SEX_FEMALE, "... female");

	/*
	 * targets.csv, female, stage none, 19 <= age < 51:
	 *   b12,ug,female,none,19,31 / 31,51,RDA,2.4
	 *   ala,g,female,none,...,AI,1.1
	 *   potassium,mg,female,none,...,AI,2600
	 *   epa_dha,mg,both,none,2,999,guidance,250
	 */
	expect("unset (adult female)", &p, 2.4, 1.1, 2600, 250);
	nt_targets_for(s, &p, &t, &err);
	is_str(t.t[NT_B12].type, "RDA", "B12 type RDA");
	is_str(t.t[NT_OMEGA3].type, "AI", "omega-3 type AI");
	is_str(t.t[NT_POTASSIUM].type, "AI", "potassium type AI");
	is_str(t.t[NT_EPA_DHA].type, "guidance", "EPA+DHA type guidance");
	is_str(t.t[NT_POTASSIUM].source, "NASEM 2019 DRI for Sodium and Potassium",
	       "potassium source");
	is_str(t.t[NT_B12].source, "IOM/NASEM DRI (via USDA NAL recommended intakes table)",
	       "B12 source");
	ok(!strncmp(t.t[NT_EPA_DHA].source, "EFSA 2010", 9), "EPA+DHA source: %s",
	   t.t[NT_EPA_DHA].source);
	is_str(t.t[NT_ENERGY].type, "", "no type where there is no target");
}

static void
test_targets(void)
{
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;

	/* Man 40: b12 male 31-51 2.4; ala male 31-51 1.6; potassium male 31-51 3400. */
	p = who(NT_SEX_MALE, 40, NT_STAGE_NONE);
	expect("man 40", &p, 2.4, 1.6, 3400, 250);
	/* Pregnant 30: b12 pregnant 19-31 2.6; ala 1.4; potassium 2900;
	 * epa_dha female pregnant 14-51 250. */
	p = who(NT_SEX_FEMALE, 30, NT_STAGE_PREGNANT);
	expect("pregnant 30", &p, 2.6, 1.4, 2900, 250);
	/* Lactating 17: b12 lactating 14-19 2.8; ala 1.3; potassium 14-19 2500. */
	p = who(NT_SEX_FEMALE, 17, NT_STAGE_LACTATING);
	expect("lactating 17", &p, 2.8, 1.3, 2500, 250);
	/* Lactating 25: potassium 19-31 is 2800, not 2500. */
	p = who(NT_SEX_FEMALE, 25, NT_STAGE_LACTATING);
	expect("lactating 25", &p, 2.8, 1.3, 2800, 250);
	/* Pregnant 16: potassium pregnant 14-19 2600. */
	p = who(NT_SEX_FEMALE, 16, NT_STAGE_PREGNANT);
	expect("pregnant 16", &p, 2.6, 1.4, 2600, 250);

	/* Children: both-sex rows 1-4 (b12 0.9, ala 0.7, K 2000) and 4-9
	 * (1.2, 0.9, 2300); epa_dha both 2-999 250. */
	p = who(NT_SEX_MALE, 2, NT_STAGE_NONE);
	expect("boy 2", &p, 0.9, 0.7, 2000, 250);
	p = who(NT_SEX_FEMALE, 2, NT_STAGE_NONE);
	expect("girl 2", &p, 0.9, 0.7, 2000, 250);
	p = who(NT_SEX_MALE, 6, NT_STAGE_NONE);
	expect("boy 6", &p, 1.2, 0.9, 2300, 250);
	p = who(NT_SEX_FEMALE, 6, NT_STAGE_NONE);
	expect("girl 6", &p, 1.2, 0.9, 2300, 250);
	/* 9-14 by sex: boy b12 1.8, ala 1.2, K 2500; girl 1.8, 1.0, 2300. */
	p = who(NT_SEX_MALE, 10, NT_STAGE_NONE);
	expect("boy 10", &p, 1.8, 1.2, 2500, 250);
	p = who(NT_SEX_FEMALE, 10, NT_STAGE_NONE);
	expect("girl 10", &p, 1.8, 1.0, 2300, 250);
	/* 1 y: 1-4 rows, and epa_dha both 0.5-2 is 100 (DHA for 7-24 months). */
	p = who(NT_SEX_FEMALE, 1, NT_STAGE_NONE);
	expect("toddler 1", &p, 0.9, 0.7, 2000, 100);
	/* Infant 0.3 y: 0-0.5 rows b12 AI 0.4, ala 0.5, K 400; no epa_dha row below 0.5. */
	p = who(NT_SEX_MALE, 0.3, NT_STAGE_NONE);
	expect("infant 0.3", &p, 0.4, 0.5, 400, NAN);
	nt_targets_for(s, &p, &t, &err);
	is_str(t.t[NT_B12].type, "AI", "infant B12 is an AI");
	is_str(t.t[NT_EPA_DHA].type, "", "infant: no EPA+DHA type");
	/* Boundaries: age_min <= age < age_max. 0.5 y -> 0.5-1 rows
	 * (b12 0.5, ala 0.5, K 860, epa_dha 100); 4 y -> 4-9 rows. */
	p = who(NT_SEX_FEMALE, 0.5, NT_STAGE_NONE);
	expect("infant 0.5", &p, 0.5, 0.5, 860, 100);
	p = who(NT_SEX_MALE, 4, NT_STAGE_NONE);
	expect("boy 4", &p, 1.2, 0.9, 2300, 250);
	/* 14 y: boy 14-19 b12 2.4, ala 1.6, K 3000; girl 2.4, 1.1, 2300. */
	p = who(NT_SEX_MALE, 14, NT_STAGE_NONE);
	expect("boy 14", &p, 2.4, 1.6, 3000, 250);
	p = who(NT_SEX_FEMALE, 14, NT_STAGE_NONE);
	expect("girl 14", &p, 2.4, 1.1, 2300, 250);
	/* Old age: 71-999 rows. */
	p = who(NT_SEX_MALE, 130, NT_STAGE_NONE);
	expect("man 130", &p, 2.4, 1.6, 3400, 250);
	p = who(NT_SEX_FEMALE, 0, NT_STAGE_NONE);
	expect("newborn", &p, 0.4, 0.5, 400, NAN);
}

static void
test_check(void)
{
	struct nt_profile p;
	struct nt_err err;

	p = who(NT_SEX_MALE, 30, NT_STAGE_PREGNANT);
	is_int(nt_profile_check(&p, &err), NT_ERR_INVALID, "male pregnant: invalid");
	ok(strstr(err.msg, "female") != NULL, "... message: %s", err.msg);
	p = who(NT_SEX_MALE, 30, NT_STAGE_LACTATING);
	is_int(nt_profile_check(&p, &err), NT_ERR_INVALID, "male lactating: invalid");
	p = who(NT_SEX_FEMALE, 60, NT_STAGE_PREGNANT);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "pregnant at 60: out of range");
	ok(err.msg[0] != '\0', "... message: %s", err.msg);
	p = who(NT_SEX_FEMALE, 13.9, NT_STAGE_PREGNANT);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "pregnant at 13.9: out of range");
	p = who(NT_SEX_FEMALE, 51, NT_STAGE_LACTATING);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "lactating at 51: out of range");
	p = who(NT_SEX_FEMALE, 14, NT_STAGE_PREGNANT);
	is_int(nt_profile_check(&p, &err), NT_OK, "pregnant at 14: fine");
	p = who(NT_SEX_FEMALE, 50.9, NT_STAGE_LACTATING);
	is_int(nt_profile_check(&p, &err), NT_OK, "lactating at 50.9: fine");
	p = who(NT_SEX_FEMALE, 131, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "age 131: out of range");
	p = who(NT_SEX_MALE, -1, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "age -1: out of range");
	p = who(NT_SEX_MALE, NAN, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "age NAN: out of range");
	p = who(NT_SEX_MALE, INFINITY, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_ERR_RANGE, "age infinity: out of range");
	p = who(NT_SEX_MALE, NT_AGE_MAX, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_OK, "age %d: fine", NT_AGE_MAX);
	p = who(NT_SEX_FEMALE, 0, NT_STAGE_NONE);
	is_int(nt_profile_check(&p, &err), NT_OK, "age 0: fine");
}

static void
test_store_round_trip(void)
{
	struct nt_profile p, q;
	struct nt_err err;

	p = who(NT_SEX_MALE, 40, NT_STAGE_NONE);
	p.diet = NT_DIET_VEGAN;
	is_int(nt_profile_set(s, &p, 0, &err), NT_OK, "set man 40 vegan");
	is_int(nt_profile_get(s, &q, &err), NT_OK, "get");
	ok(q.is_set, "... is_set");
	is_int(q.sex, NT_SEX_MALE, "... male");
	is_num(q.age_y, 40, 0, "... 40");
	is_int(q.stage, NT_STAGE_NONE, "... no stage");
	is_int(q.diet, NT_DIET_VEGAN, "... vegan");

	p = who(NT_SEX_FEMALE, 0.75, NT_STAGE_NONE);
	p.diet = NT_DIET_VEGETARIAN;
	is_int(nt_profile_set(s, &p, 0, &err), NT_OK, "overwrite with an infant of 0.75 y");
	nt_profile_get(s, &q, &err);
	is_int(q.sex, NT_SEX_FEMALE, "... female");
	is_num(q.age_y, 0.75, 0, "... fractional age kept");
	is_int(q.diet, NT_DIET_VEGETARIAN, "... vegetarian");

	p = who(NT_SEX_FEMALE, 33, NT_STAGE_LACTATING);
	is_int(nt_profile_set(s, &p, 0, &err), NT_OK, "set lactating 33");
	nt_profile_get(s, &q, &err);
	is_int(q.stage, NT_STAGE_LACTATING, "... lactating");
	expect("stored lactating 33", &q, 2.8, 1.3, 2800, 250);

	p = who(NT_SEX_MALE, 33, NT_STAGE_LACTATING);
	is_int(nt_profile_set(s, &p, 0, &err), NT_ERR_INVALID, "set refuses a lactating man");
	p = who(NT_SEX_FEMALE, 131, NT_STAGE_NONE);
	is_int(nt_profile_set(s, &p, 0, &err), NT_ERR_RANGE, "set refuses age 131");
	nt_profile_get(s, &q, &err);
	ok(q.sex == NT_SEX_FEMALE && q.age_y == 33 && q.stage == NT_STAGE_LACTATING,
	   "refused sets leave the stored profile alone");
}

static void
test_names(void)
{
	is_str(nt_sex_name(NT_SEX_FEMALE), "female", "female");
	is_str(nt_sex_name(NT_SEX_MALE), "male", "male");
	is_str(nt_stage_name(NT_STAGE_NONE), "none", "none");
	is_str(nt_stage_name(NT_STAGE_PREGNANT), "pregnant", "pregnant");
	is_str(nt_stage_name(NT_STAGE_LACTATING), "lactating", "lactating");
	is_str(nt_diet_name(NT_DIET_VEGAN), "vegan", "vegan");
	is_int(nt_sex_parse("male"), NT_SEX_MALE, "parse male");
	is_int(nt_sex_parse("m"), -1, "parse 'm': -1 (no prefixes)");
	is_int(nt_stage_parse("lactating"), NT_STAGE_LACTATING, "parse lactating");
	is_int(nt_stage_parse("breastfeeding"), -1, "parse unknown stage: -1");
	is_int(nt_diet_parse("vegetarian"), NT_DIET_VEGETARIAN, "parse vegetarian");
	is_int(nt_diet_parse(""), -1, "parse empty diet: -1");
}

static void
test_no_targets(void)
{
	struct nt_store *empty;
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;

	if (nt_store_open(":memory:", &empty, &err))
		tap_bail("open: %s", err.msg);
	nt_profile_default(&p);
	is_int(nt_targets_for(empty, &p, &t, &err), NT_ERR_NOTFOUND,
	       "an unloaded database has no targets: NT_ERR_NOTFOUND");
	ok(strstr(err.msg, "b12") != NULL, "... naming the nutrient: %s", err.msg);
	nt_store_close(empty);
}

int
main(void)
{
	s = fixture_open(true);
	test_default();
	test_targets();
	test_check();
	test_store_round_trip();
	test_names();
	test_no_targets();
	nt_store_close(s);
	return tap_done();
}
