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
nt_b12_absorbed_target(double rda_ug)
{
	return nt_known(rda_ug) ? rda_ug / 2 : NT_UNKNOWN;
}

double
nt_b12_absorbed_day(const struct nt_entry_list *l, bool *partial)
{
	double dose[NT_MEAL_COUNT] = {0}, total = 0;
	bool known[NT_MEAL_COUNT] = {false}, any = false;

	*partial = false;
	for (size_t i = 0; i < l->n; i++) {
		double b12 = l->v[i].values.v[NT_B12];

		if (l->v[i].planned)
			continue; /* not eaten yet */
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

void
nt_b12_week_judge(const struct nt_entry_list *days, struct nt_b12_week *out)
{
	*out = (struct nt_b12_week){0};
	for (int d = 0; d < 7; d++) {
		double fortified = 0, supplement = 0;
		double sitting[NT_MEAL_COUNT] = {0};
		bool fortified_meal[NT_MEAL_COUNT] = {false}, eaten = false;
		int meals = 0;

		for (size_t i = 0; i < days[d].n; i++) {
			const struct nt_entry *e = &days[d].v[i];
			double b12 = e->values.v[NT_B12];

			if (e->planned)
				continue;
			eaten = true;
			if (!nt_known(b12) || b12 <= 0)
				continue;
			if (e->supplement) {
				supplement += b12;
				sitting[e->meal] += b12;
			} else if (nt_known(e->values.v[NT_B12_ADDED]) && e->values.v[NT_B12_ADDED] > 0) {
				fortified += b12;
				fortified_meal[e->meal] = true;
			}
		}
		if (!eaten)
			continue;
		out->days_logged++;
		for (int m = 0; m < NT_MEAL_COUNT; m++) {
			meals += fortified_meal[m];
			if (sitting[m] > out->largest_dose_ug)
				out->largest_dose_ug = sitting[m];
		}
		out->fortified_days += fortified >= 3.0 && meals >= 2;
		out->supplement_days += supplement >= 10.0;
	}
	out->fortified = out->days_logged && out->fortified_days == out->days_logged;
	out->daily = out->days_logged && out->supplement_days == out->days_logged;
	out->weekly = out->largest_dose_ug >= 2000.0;
}
