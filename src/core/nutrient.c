/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nutrient.c - measure table, per-quantity values and totals. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nutrient.h"

static const struct nt_measure_info measures[NT_MEASURE_COUNT] = {
#define NT_X(id, name_, unit_, dec, label_, col, sr_, fdc_, g, max, dri_, show_, pos_)     \
	[NT_##id] = {.name = name_, .unit = unit_, .decimals = dec, .label = label_,          \
	             .column = col, .sr = sr_, .fdc = fdc_, .grams = g, .max100 = max,        \
	             .dri = dri_, .show = show_, .pos = pos_},
	NT_MEASURE_LIST(NT_X)
#undef NT_X
};

const struct nt_measure_info *nt_measure_info(enum nt_measure m) { return &measures[m]; }
const char *nt_measure_name(enum nt_measure m) { return measures[m].name; }
const char *nt_measure_unit(enum nt_measure m) { return measures[m].unit; }
const char *nt_measure_label(enum nt_measure m) { return measures[m].label; }
const char *nt_measure_column(enum nt_measure m) { return measures[m].column; }
int nt_measure_decimals(enum nt_measure m) { return measures[m].decimals; }
double nt_measure_max_per100(enum nt_measure m) { return measures[m].max100; }

int
nt_measure_by_name(const char *name)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		if (!strcmp(measures[m].name, name))
			return m;
	return -1;
}

int
nt_measure_by_column(const char *column)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		if (!strcmp(measures[m].column, column))
			return m;
	return -1;
}

size_t
nt_measures_shown(unsigned show, enum nt_measure out[NT_MEASURE_COUNT])
{
	size_t n = 0;

	/* by pos: positions are distinct and small (a unit test holds them so) */
	for (int pos = 0; pos <= NT_MEASURE_COUNT; pos++)
		for (int m = 0; m < NT_MEASURE_COUNT; m++)
			if (measures[m].pos == pos && (measures[m].show & show))
				out[n++] = (enum nt_measure)m;
	return n;
}

int
nt_per100_impossible(const double per100[NT_STORED_COUNT])
{
	double g = 0;

	for (int m = 0; m < NT_STORED_COUNT; m++)
		if (m != NT_B12 && m != NT_B12_ADDED && nt_known(per100[m]) &&
		    per100[m] > measures[m].max100)
			return m;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		if (measures[m].grams > 0 && nt_known(per100[m]))
			g += per100[m] * measures[m].grams;
	/* a little over 100 g is rounding in a label's or a dataset's figures */
	return g > 100.5 ? NT_MEASURE_COUNT : -1;
}

void
nt_amounts_unknown(struct nt_amounts *a)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		a->v[m] = NT_UNKNOWN;
	a->partial = 0;
	a->estimated = 0;
}

void
nt_amounts_zero(struct nt_amounts *a)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		a->v[m] = 0.0;
	a->partial = 0;
	a->estimated = 0;
}

/* Sum of the known parts; NAN when none is known; flags a partial sum. */
static double
derive_sum(const double *v, const enum nt_measure *parts, int n, double scale,
           unsigned bit, unsigned *partial)
{
	double s = 0.0;
	int known = 0;

	for (int i = 0; i < n; i++) {
		if (nt_known(v[parts[i]])) {
			s += v[parts[i]];
			known++;
		}
	}
	if (!known)
		return NT_UNKNOWN;
	if (known < n)
		*partial |= bit;
	return s * scale;
}

void
nt_amounts_for(const double per100[NT_STORED_COUNT], double grams,
               struct nt_amounts *out)
{
	static const enum nt_measure omega3[] = {NT_ALA, NT_EPA, NT_DHA, NT_DPA};
	static const enum nt_measure epa_dha[] = {NT_EPA, NT_DHA};

	out->partial = 0;
	out->estimated = 0;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		out->v[m] = nt_known(per100[m]) ? per100[m] * grams / 100.0 : NT_UNKNOWN;
	out->v[NT_OMEGA3] = derive_sum(out->v, omega3, 4, 1.0, 1u << NT_OMEGA3,
	                               &out->partial);
	out->v[NT_EPA_DHA] = derive_sum(out->v, epa_dha, 2, 1000.0,
	                                1u << NT_EPA_DHA, &out->partial);
}

/*
 * `have` with the bits of the known stored measures marked in `stored`, and
 * of the derived sums they enter; with through_known, a sum is marked only
 * through a part that is itself marked (its value was known).
 */
static unsigned
marked(const struct nt_amounts *a, unsigned stored, unsigned have, bool through_known)
{
	const unsigned omega3 = 1u << NT_ALA | 1u << NT_EPA | 1u << NT_DHA | 1u << NT_DPA;
	const unsigned epa_dha = 1u << NT_EPA | 1u << NT_DHA;
	unsigned via;

	for (int m = 0; m < NT_STORED_COUNT; m++)
		if ((stored & (1u << m)) && nt_known(a->v[m]))
			have |= 1u << m;
	via = through_known ? stored & have : stored;
	if ((via & omega3) && nt_known(a->v[NT_OMEGA3]))
		have |= 1u << NT_OMEGA3;
	if ((via & epa_dha) && nt_known(a->v[NT_EPA_DHA]))
		have |= 1u << NT_EPA_DHA;
	return have;
}

void
nt_amounts_mark_partial(struct nt_amounts *a, unsigned stored_partial)
{
	a->partial = marked(a, stored_partial, a->partial, false);
}

void
nt_amounts_mark_estimated(struct nt_amounts *a, unsigned stored_estimated)
{
	/* a sum includes an estimate only when the estimated part was known */
	a->estimated = marked(a, stored_estimated, a->estimated, true);
}

void
nt_amounts_add(struct nt_amounts *sum, unsigned *counted,
               const struct nt_amounts *x)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		if (nt_known(x->v[m])) {
			sum->v[m] += x->v[m];
			*counted |= 1u << m;
		} else {
			sum->partial |= 1u << m;
		}
	}
	sum->partial |= x->partial;
	sum->estimated |= x->estimated;
}

void
nt_amounts_finish(struct nt_amounts *sum, unsigned counted)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		if (!(counted & (1u << m))) {
			sum->v[m] = NT_UNKNOWN;
			sum->partial &= ~(1u << m);
			sum->estimated &= ~(1u << m);
		}
}

double
nt_tidy(double v)
{
	char buf[32];

	if (!nt_known(v))
		return v;
	snprintf(buf, sizeof buf, "%.9g", v);
	return strtod(buf, NULL);
}

double
nt_round(double v, int decimals)
{
	double scale = 1.0;

	if (!nt_known(v))
		return v;
	for (int i = 0; i < decimals; i++)
		scale *= 10.0;
	/* A tiny nudge keeps 0.125 (stored as 0.12499999...) rounding up. */
	v = (v < 0 ? -1 : 1) * floor(fabs(v) * scale + 0.5 + 1e-9) / scale;
	return v == 0 ? 0.0 : v; /* never -0 */
}
