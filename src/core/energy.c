/* SPDX-License-Identifier: GPL-3.0-or-later */
/* energy.c - IOM 2005 estimated energy requirement and reference body sizes. */
#include "config.h"

#include <stddef.h>

#include "energy.h"

/* IOM 2005 reference heights and weights (Table 1-1), by age from age_min. */
static const struct {
	double age_min;
	double height_cm, weight_kg[2]; /* [female, male] */
	const char *name[2];
} reference[] = {
	{0, 62, {6, 6}, {"infants 0-6 months", "infants 0-6 months"}},
	{0.5, 71, {9, 9}, {"infants 7-12 months", "infants 7-12 months"}},
	{1, 86, {12, 12}, {"children 1-3", "children 1-3"}},
	{4, 115, {20, 20}, {"children 4-8", "children 4-8"}},
	{9, 144, {37, 36}, {"girls 9-13", "boys 9-13"}},
	{14, 0, {54, 61}, {"girls 14-18", "boys 14-18"}},
	{19, 0, {57, 70}, {"women 19 and over", "men 19 and over"}},
};
/* heights that differ by sex: 14-18 and 19+ */
static const double height_14[2] = {163, 174}, height_19[2] = {163, 177};

void
nt_energy_body(const struct nt_profile *p, struct nt_body *out)
{
	size_t r = 0;
	int sx = p->sex == NT_SEX_MALE;
	double h;

	for (size_t i = 0; i < sizeof reference / sizeof *reference; i++)
		if (p->age_y >= reference[i].age_min)
			r = i;
	h = reference[r].height_cm;
	if (reference[r].age_min == 14)
		h = height_14[sx];
	else if (reference[r].age_min == 19)
		h = height_19[sx];
	out->reference = reference[r].name[sx];
	out->height_default = !(p->height_cm > 0);
	out->weight_default = !(p->weight_kg > 0);
	out->activity_default = p->activity == NT_ACTIVITY_DEFAULT;
	out->height_cm = out->height_default ? h : p->height_cm;
	out->weight_kg = out->weight_default ? reference[r].weight_kg[sx] : p->weight_kg;
	out->activity = out->activity_default ? NT_ACTIVITY_LOW : p->activity;
}

/* Physical activity coefficients, sedentary to very active. */
static const double pa_boys[4] = {1.00, 1.13, 1.26, 1.42};
static const double pa_girls[4] = {1.00, 1.16, 1.31, 1.56};
static const double pa_men[4] = {1.00, 1.11, 1.25, 1.48};
static const double pa_women[4] = {1.00, 1.12, 1.27, 1.45};

double
nt_energy_eer(const struct nt_profile *p, const struct nt_body *b)
{
	double age = p->age_y, kg = b->weight_kg, m = b->height_cm / 100, eer;
	int pa = (int)b->activity - NT_ACTIVITY_SEDENTARY;
	bool male = p->sex == NT_SEX_MALE;

	if (pa < 0 || pa > 3)
		pa = NT_ACTIVITY_LOW - NT_ACTIVITY_SEDENTARY;
	if (age < 3) {
		/* total energy expenditure plus the energy of growth */
		eer = 89 * kg - 100 + (age < 0.25 ? 175 : age < 0.5 ? 56 : age < 1 ? 22 : 20);
	} else if (age < 19) {
		double growth = age < 9 ? 20 : 25;

		eer = male ? 88.5 - 61.9 * age + pa_boys[pa] * (26.7 * kg + 903 * m) + growth
		           : 135.3 - 30.8 * age + pa_girls[pa] * (10.0 * kg + 934 * m) + growth;
	} else {
		eer = male ? 662 - 9.53 * age + pa_men[pa] * (15.91 * kg + 539.6 * m)
		           : 354 - 6.91 * age + pa_women[pa] * (9.36 * kg + 726 * m);
	}
	if (p->stage == NT_STAGE_PREGNANT)
		eer += 340;
	else if (p->stage == NT_STAGE_LACTATING)
		eer += 330;
	return eer;
}

const char *
nt_energy_stage_note(const struct nt_profile *p)
{
	if (p->stage == NT_STAGE_PREGNANT)
		return "pregnancy +340 kcal, the second trimester's (first +0, third +452)";
	if (p->stage == NT_STAGE_LACTATING)
		return "lactation +330 kcal, the first 6 months' (then +400)";
	return NULL;
}
