/* SPDX-License-Identifier: GPL-3.0-or-later */
/* absorption.c - the B12 absorption model. */
#include "config.h"

#include "absorption.h"
#include "journal.h"
#include "nutrient.h"

double
nt_b12_absorbed(double dose_ug)
{
	double active;

	if (!nt_known(dose_ug) || dose_ug <= 0)
		return nt_known(dose_ug) ? 0.0 : dose_ug;
	active = NT_B12_ACTIVE_FRACTION * dose_ug;
	if (active > NT_B12_ACTIVE_CAP_UG)
		active = NT_B12_ACTIVE_CAP_UG;
	return active + NT_B12_PASSIVE_FRACTION * (dose_ug - active);
}

double
nt_b12_absorbed_day(const struct nt_entry_list *l, bool *partial)
{
	double dose[NT_MEAL_COUNT] = {0}, total = 0;
	bool known[NT_MEAL_COUNT] = {false}, any = false;

	*partial = false;
	for (size_t i = 0; i < l->n; i++) {
		double b12 = l->v[i].values.v[NT_B12];

		if (!nt_known(b12)) {
			*partial = true;
			continue;
		}
		dose[l->v[i].meal] += b12;
		known[l->v[i].meal] = true;
	}
	for (int m = 0; m < NT_MEAL_COUNT; m++)
		if (known[m]) {
			total += nt_b12_absorbed(dose[m]);
			any = true;
		}
	if (!any) {
		*partial = false;
		return NT_UNKNOWN;
	}
	return total;
}
