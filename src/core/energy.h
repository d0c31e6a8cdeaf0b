/* SPDX-License-Identifier: GPL-3.0-or-later */
/* energy.h - the estimated energy requirement (IOM 2005) and its body-size defaults. */
#ifndef NT_ENERGY_H
#define NT_ENERGY_H

#include <stdbool.h>

#include "profile.h"

/*
 * The body a profile's energy requirement is worked out for: the user's
 * height, weight and activity level where given, else the named defaults
 * (the *_default flags say which).  Height and weight default to the IOM
 * reference person of the age and sex (DRI for energy and macronutrients,
 * 2005, Table 1-1: women 19+ 163 cm, 57 kg; men 19+ 177 cm, 70 kg; girls
 * 14-18 163 cm, 54 kg; boys 14-18 174 cm, 61 kg; 9-13 144 cm and 37 kg
 * (girls) or 36 kg (boys); 4-8 115 cm, 20 kg; 1-3 86 cm, 12 kg; 7-12 months
 * 71 cm, 9 kg; 0-6 months 62 cm, 6 kg); the activity level to "low active".
 * `reference` names the reference row ("women 19 and over").
 */
struct nt_body {
	double height_cm, weight_kg;
	enum nt_activity activity;  /* never NT_ACTIVITY_DEFAULT */
	bool height_default, weight_default, activity_default;
	const char *reference;      /* static text */
};

void nt_energy_body(const struct nt_profile *p, struct nt_body *out);

/*
 * The estimated energy requirement in kcal/day, by the IOM (2005)
 * equations for the age, sex, life stage, height, weight and activity of
 * `b` (the profile's body, from nt_energy_body):
 *   0-35 months   89 x kg - 100, plus 175 (0-3 months), 56 (4-6), 22 (7-12)
 *                 or 20 (13-35) for growth;
 *   boys 3-18     88.5 - 61.9 x age + PA x (26.7 x kg + 903 x m) + 20 (3-8)
 *                 or 25 (9-18), PA 1.00/1.13/1.26/1.42;
 *   girls 3-18    135.3 - 30.8 x age + PA x (10.0 x kg + 934 x m) + 20 or 25,
 *                 PA 1.00/1.16/1.31/1.56;
 *   men 19+       662 - 9.53 x age + PA x (15.91 x kg + 539.6 x m),
 *                 PA 1.00/1.11/1.25/1.48;
 *   women 19+     354 - 6.91 x age + PA x (9.36 x kg + 726 x m),
 *                 PA 1.00/1.12/1.27/1.45;
 * PA for sedentary/low active/active/very active.  Pregnancy adds 340 kcal
 * (the second trimester's; the first adds 0, the third 452), lactation 330
 * (the first 6 months: 500 for milk less 170 from weight loss).
 */
double nt_energy_eer(const struct nt_profile *p, const struct nt_body *b);

/* What the pregnancy or lactation increment assumes, for display; NULL for none. */
const char *nt_energy_stage_note(const struct nt_profile *p);

#endif
