/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_energy.c - IOM 2005 EER and the reference body, worked by hand (energy.h). */
#include "config.h"

#include <string.h>

#include "energy.h"
#include "tap.h"

static struct nt_profile
person(enum nt_sex sex, double age, enum nt_stage stage)
{
	struct nt_profile p;

	nt_profile_default(&p);
	p.is_set = true;
	p.sex = sex;
	p.age_y = age;
	p.stage = stage;
	return p;
}

static double
eer(const struct nt_profile *p)
{
	struct nt_body b;

	nt_energy_body(p, &b);
	return nt_energy_eer(p, &b);
}

int
main(void)
{
	struct nt_profile p;
	struct nt_body b;

	/* The defaults are named: the IOM reference woman, low active. */
	p = person(NT_SEX_FEMALE, 34, NT_STAGE_NONE);
	nt_energy_body(&p, &b);
	is_num(b.height_cm, 163, 0, "woman 34: reference height 163 cm");
	is_num(b.weight_kg, 57, 0, "reference weight 57 kg");
	ok(b.activity == NT_ACTIVITY_LOW && b.activity_default, "low active, by default");
	ok(b.height_default && b.weight_default, "height and weight are defaults");
	is_str(b.reference, "women 19 and over", "the reference row is named");
	/* 354 - 6.91 x 34 + 1.12 x (9.36 x 57 + 726 x 1.63)
	 * = 354 - 234.94 + 1.12 x (533.52 + 1183.38) = 119.06 + 1922.928 = 2041.988 */
	is_num(nt_energy_eer(&p, &b), 2041.988, 1e-6, "woman 34: EER 2041.988 kcal");

	/* 662 - 9.53 x 70 + 1.11 x (15.91 x 70 + 539.6 x 1.77)
	 * = -5.1 + 1.11 x (1113.7 + 955.092) = -5.1 + 2296.35912 = 2291.25912 */
	p = person(NT_SEX_MALE, 70, NT_STAGE_NONE);
	is_num(eer(&p), 2291.25912, 1e-6, "man 70: EER 2291.26 kcal");

	/* girl 6, reference 115 cm and 20 kg: 135.3 - 30.8 x 6 + 1.16 x (10.0 x
	 * 20 + 934 x 1.15) + 20 = -49.5 + 1.16 x 1274.1 + 20 = 1448.456 */
	p = person(NT_SEX_FEMALE, 6, NT_STAGE_NONE);
	nt_energy_body(&p, &b);
	ok(b.height_cm == 115 && b.weight_kg == 20, "child 6: 115 cm, 20 kg");
	is_num(eer(&p), 1448.456, 1e-6, "girl 6: EER 1448.456 kcal");

	/* boy 15, reference 174 cm and 61 kg: 88.5 - 61.9 x 15 + 1.13 x (26.7 x 61
	 * + 903 x 1.74) + 25 = -840 + 1.13 x 3199.92 + 25 = 2800.9096 */
	p = person(NT_SEX_MALE, 15, NT_STAGE_NONE);
	is_num(eer(&p), 2800.9096, 1e-6, "boy 15: EER 2800.91 kcal");

	/* girl 15, 163 cm and 54 kg: 135.3 - 462 + 1.16 x (540 + 1522.42) + 25
	 * = 2090.7072 */
	p = person(NT_SEX_FEMALE, 15, NT_STAGE_NONE);
	is_num(eer(&p), 2090.7072, 1e-6, "girl 15: EER 2090.71 kcal");

	/* toddler 2, 12 kg: 89 x 12 - 100 + 20 = 988 */
	p = person(NT_SEX_MALE, 2, NT_STAGE_NONE);
	is_num(eer(&p), 988, 1e-9, "child 2: EER 988 kcal");
	/* infant 2 months (0.2 y), 6 kg: 89 x 6 - 100 + 175 = 609 */
	p = person(NT_SEX_FEMALE, 0.2, NT_STAGE_NONE);
	is_num(eer(&p), 609, 1e-9, "infant 0.2 y: EER 609 kcal");
	/* 9 months, 9 kg: 801 - 100 + 22 = 723 */
	p = person(NT_SEX_FEMALE, 0.75, NT_STAGE_NONE);
	is_num(eer(&p), 723, 1e-9, "infant 0.75 y: EER 723 kcal");

	/* pregnant 28: the woman's 354 - 193.48 + 1922.928 = 2083.448, + 340 */
	p = person(NT_SEX_FEMALE, 28, NT_STAGE_PREGNANT);
	is_num(eer(&p), 2423.448, 1e-6, "pregnant 28: EER 2423.45 kcal (+340)");
	ok(strstr(nt_energy_stage_note(&p), "second trimester") != NULL, "and says which trimester");

	/* lactating 30, active, 170 cm, 65 kg: 354 - 207.3 + 1.27 x (608.4 +
	 * 1234.2) + 330 = 146.7 + 2340.102 + 330 = 2816.802 */
	p = person(NT_SEX_FEMALE, 30, NT_STAGE_LACTATING);
	p.height_cm = 170;
	p.weight_kg = 65;
	p.activity = NT_ACTIVITY_ACTIVE;
	nt_energy_body(&p, &b);
	ok(!b.height_default && !b.weight_default && !b.activity_default, "given values are used");
	is_num(nt_energy_eer(&p, &b), 2816.802, 1e-6, "lactating 30, active: EER 2816.80 kcal");

	/* man 40, very active, 180 cm, 80 kg: 662 - 381.2 + 1.48 x (1272.8 +
	 * 971.28) = 280.8 + 3321.2384 = 3602.0384 */
	p = person(NT_SEX_MALE, 40, NT_STAGE_NONE);
	p.height_cm = 180;
	p.weight_kg = 80;
	p.activity = NT_ACTIVITY_VERY;
	is_num(eer(&p), 3602.0384, 1e-6, "man 40, very active: EER 3602.04 kcal");
	/* sedentary: 280.8 + 1.00 x 2244.08 = 2524.88 */
	p.activity = NT_ACTIVITY_SEDENTARY;
	is_num(eer(&p), 2524.88, 1e-6, "the same man, sedentary: 2524.88 kcal");

	/* Only the weight given: the height stays the reference, and says so. */
	p = person(NT_SEX_MALE, 40, NT_STAGE_NONE);
	p.weight_kg = 90;
	nt_energy_body(&p, &b);
	ok(b.height_default && !b.weight_default && b.height_cm == 177, "height 177 cm by default");

	is_str(nt_activity_name(NT_ACTIVITY_VERY), "very", "activity names");
	is_int(nt_activity_parse("sedentary"), NT_ACTIVITY_SEDENTARY, "parse sedentary");
	is_int(nt_activity_parse("default"), -1, "'default' is not a level");
	return tap_done();
}
