/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_nutrient.c - measure table, values for an amount, derived omega-3, totals, rounding. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nutrient.h"
#include "tap.h"

#define U NT_UNKNOWN

/*
 * Per-100 g values from data/foods.csv, in column order energy_kcal,
 * protein_g, b12_ug, b12_added_ug, ala_g, epa_g, dha_g, dpa_g, potassium_mg,
 * folate_dfe_ug, folic_acid_ug, food_folate_ug, b6_mg (an empty cell is
 * unknown; the folate and B6 values are USDA's 435, 431, 432 and 415).
 */
/* sr28:15076 "Fish, salmon, Atlantic, wild, raw": 142,19.84,3.18,,0.295,1,0.321,1.115,0.287,490 */
static const double salmon[NT_STORED_COUNT] = {142, 19.84, 3.18, U, 0.295, 0.321, 1.115, 0.287, 490,
                                               25, 0, 25, 0.818};
/* sr28:05626 "Emu, full rump, raw": 112,22.83,2.24,,0.026,1,0.004,0.005,,330 (DPA unknown) */
static const double emu[NT_STORED_COUNT] = {112, 22.83, 2.24, U, 0.026, 0.004, 0.005, U, 330,
                                            13, 0, 13, 0.643};
/* sr28:10096 "Pork, ... brain, raw": 127,10.28,2.19,,0.120,1,,0.450,0.220,258 (EPA unknown) */
static const double brain[NT_STORED_COUNT] = {127, 10.28, 2.19, U, 0.120, U, 0.450, 0.220, 258,
                                              6, 0, 6, 0.190};
/* sr28:01188 "KRAFT CHEEZ WHIZ ...": 276,12.00,,,,0,,,,240,,,,, (no omega-3, folate, B6 data) */
static const double whiz[NT_STORED_COUNT] = {276, 12.00, U, U, U, U, U, U, 240, U, U, U, U};
/* sr28:01039 "Cheese, roquefort": 369,21.54,0.64,,0.704,1,,,,91 (only ALA) */
static const double roquefort[NT_STORED_COUNT] = {369, 21.54, 0.64, U, 0.704, U, U, U, 91,
                                                  49, 0, 49, 0.124};
/* sr28:01077 "Milk, whole, 3.25% milkfat": 61,3.15,0.45,0.00,0.075,1,0.000,0.000,0.000,132 */
static const double milk[NT_STORED_COUNT] = {61, 3.15, 0.45, 0.00, 0.075, 0.000, 0.000, 0.000, 132,
                                             5, 0, 5, 0.036};

#define BIT(m) (1u << (m))

static void
test_table(void)
{
	is_int(NT_STORED_COUNT, 13, "thirteen stored measures");
	is_int(NT_MEASURE_COUNT, 15, "fifteen measures with the two derived ones");
	is_str(nt_measure_name(NT_ENERGY), "energy", "energy name");
	is_str(nt_measure_unit(NT_ENERGY), "kcal", "energy unit");
	is_int(nt_measure_decimals(NT_ENERGY), 0, "energy decimals");
	is_str(nt_measure_label(NT_ENERGY), "Energy", "energy label");
	is_str(nt_measure_name(NT_B12), "b12", "b12 name");
	is_str(nt_measure_unit(NT_B12), "ug", "b12 unit is ASCII ug");
	is_str(nt_measure_label(NT_B12), "Vitamin B12", "b12 label");
	is_int(nt_measure_decimals(NT_B12), 2, "b12 decimals");
	is_str(nt_measure_name(NT_B12_ADDED), "b12_added", "b12_added name");
	is_str(nt_measure_unit(NT_POTASSIUM), "mg", "potassium unit");
	is_int(nt_measure_decimals(NT_EPA), 3, "epa decimals");
	is_str(nt_measure_name(NT_OMEGA3), "omega3", "omega3 name");
	is_str(nt_measure_unit(NT_OMEGA3), "g", "omega3 unit");
	is_str(nt_measure_label(NT_OMEGA3), "Omega-3 (ALA+EPA+DHA+DPA)", "omega3 label");
	is_str(nt_measure_name(NT_EPA_DHA), "epa_dha", "epa_dha name");
	is_str(nt_measure_unit(NT_EPA_DHA), "mg", "epa_dha is in mg");
	is_int(nt_measure_decimals(NT_EPA_DHA), 0, "epa_dha decimals");
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		is_int(nt_measure_by_name(nt_measure_name(m)), m, "by_name(%s)", nt_measure_name(m));
	is_int(nt_measure_by_name("EPA"), -1, "by_name is case-sensitive");
	is_int(nt_measure_by_name("energy_kcal"), -1, "a CSV column name is not a measure name");
	is_int(nt_measure_by_name(""), -1, "by_name of empty");
	is_int(nt_measure_by_name("vitamin_c"), -1, "by_name of an untracked nutrient");
	ok(!nt_known(NT_UNKNOWN), "NT_UNKNOWN is not known");
	ok(nt_known(0.0), "zero is known");
}

static void
test_init(void)
{
	struct nt_amounts a;
	int bad = 0;

	memset(&a, 0x55, sizeof a);
	nt_amounts_unknown(&a);
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		bad += nt_known(a.v[m]);
	is_int(bad, 0, "amounts_unknown: every value unknown");
	is_int(a.partial, 0, "amounts_unknown: nothing partial");
	memset(&a, 0x55, sizeof a);
	nt_amounts_zero(&a);
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		bad += a.v[m] != 0.0;
	is_int(bad, 0, "amounts_zero: every value 0");
	is_int(a.partial, 0, "amounts_zero: nothing partial");
}

static void
test_for(void)
{
	struct nt_amounts a;

	/* 150 g of salmon: every value * 1.5 */
	memset(&a, 0x55, sizeof a);
	nt_amounts_for(salmon, 150, &a);
	is_num(a.v[NT_ENERGY], 213, 1e-9, "salmon 150 g: 142 * 1.5 = 213 kcal");
	is_num(a.v[NT_PROTEIN], 29.76, 1e-9, "salmon 150 g: 19.84 * 1.5 = 29.76 g protein");
	is_num(a.v[NT_B12], 4.77, 1e-9, "salmon 150 g: 3.18 * 1.5 = 4.77 ug B12");
	ok(!nt_known(a.v[NT_B12_ADDED]), "salmon: added B12 unknown");
	is_num(a.v[NT_ALA], 0.4425, 1e-12, "salmon 150 g: ALA 0.295 * 1.5 = 0.4425 g");
	is_num(a.v[NT_EPA], 0.4815, 1e-12, "salmon 150 g: EPA 0.321 * 1.5 = 0.4815 g");
	is_num(a.v[NT_DHA], 1.6725, 1e-12, "salmon 150 g: DHA 1.115 * 1.5 = 1.6725 g");
	is_num(a.v[NT_DPA], 0.4305, 1e-12, "salmon 150 g: DPA 0.287 * 1.5 = 0.4305 g");
	is_num(a.v[NT_POTASSIUM], 735, 1e-9, "salmon 150 g: 490 * 1.5 = 735 mg K");
	is_num(a.v[NT_FOLATE], 37.5, 1e-9, "salmon 150 g: 25 * 1.5 = 37.5 ug DFE");
	is_num(a.v[NT_FOLIC_ACID], 0, 0, "salmon 150 g: no folic acid (a known 0)");
	is_num(a.v[NT_B6], 1.227, 1e-12, "salmon 150 g: B6 0.818 * 1.5 = 1.227 mg");
	/* 0.4425 + 0.4815 + 1.6725 + 0.4305 = 3.027 g */
	is_num(a.v[NT_OMEGA3], 3.027, 1e-12, "salmon 150 g: omega-3 = ALA+EPA+DHA+DPA = 3.027 g");
	/* (0.4815 + 1.6725) g * 1000 = 2154 mg */
	is_num(a.v[NT_EPA_DHA], 2154, 1e-9, "salmon 150 g: EPA+DHA = 2154 mg");
	is_int(a.partial, 0, "salmon: nothing partial (added B12 is stored, not derived)");

	/* 200 g of emu, DPA unknown: omega-3 partial, EPA+DHA complete */
	nt_amounts_for(emu, 200, &a);
	is_num(a.v[NT_ENERGY], 224, 1e-9, "emu 200 g: 112 * 2 = 224 kcal");
	is_num(a.v[NT_PROTEIN], 45.66, 1e-9, "emu 200 g: 22.83 * 2 = 45.66 g");
	ok(!nt_known(a.v[NT_DPA]), "emu: DPA unknown");
	/* 0.052 + 0.008 + 0.010 = 0.070 g */
	is_num(a.v[NT_OMEGA3], 0.070, 1e-12, "emu 200 g: omega-3 of the known parts = 0.070 g");
	ok(a.partial & BIT(NT_OMEGA3), "emu: omega-3 partial (DPA missing)");
	/* (0.008 + 0.010) * 1000 = 18 mg */
	is_num(a.v[NT_EPA_DHA], 18, 1e-9, "emu 200 g: EPA+DHA = 18 mg");
	ok(!(a.partial & BIT(NT_EPA_DHA)), "emu: EPA+DHA complete");
	is_int(a.partial, BIT(NT_OMEGA3), "emu: only omega-3 partial");

	/* 100 g of pork brain, EPA unknown: both sums partial */
	nt_amounts_for(brain, 100, &a);
	/* 0.120 + 0.450 + 0.220 = 0.790 g */
	is_num(a.v[NT_OMEGA3], 0.79, 1e-12, "brain 100 g: omega-3 = 0.79 g without EPA");
	is_num(a.v[NT_EPA_DHA], 450, 1e-9, "brain 100 g: EPA+DHA = DHA 0.450 g = 450 mg");
	is_int(a.partial, BIT(NT_OMEGA3) | BIT(NT_EPA_DHA), "brain: both derived sums partial");

	/* 50 g of Cheez Whiz, no omega-3 data: sums unknown, not partial */
	nt_amounts_for(whiz, 50, &a);
	is_num(a.v[NT_ENERGY], 138, 1e-9, "whiz 50 g: 276 / 2 = 138 kcal");
	is_num(a.v[NT_POTASSIUM], 120, 1e-9, "whiz 50 g: 240 / 2 = 120 mg");
	ok(!nt_known(a.v[NT_B12]), "whiz: B12 unknown");
	ok(!nt_known(a.v[NT_OMEGA3]), "whiz: omega-3 unknown, not 0");
	ok(!nt_known(a.v[NT_EPA_DHA]), "whiz: EPA+DHA unknown, not 0");
	is_int(a.partial, 0, "whiz: an unknown sum is not partial");

	/* 30 g of roquefort, only ALA: omega-3 partial, EPA+DHA unknown */
	nt_amounts_for(roquefort, 30, &a);
	is_num(a.v[NT_ENERGY], 110.7, 1e-9, "roquefort 30 g: 369 * 0.3 = 110.7 kcal");
	is_num(a.v[NT_OMEGA3], 0.2112, 1e-12, "roquefort 30 g: omega-3 = ALA 0.704 * 0.3 = 0.2112 g");
	ok(!nt_known(a.v[NT_EPA_DHA]), "roquefort: EPA+DHA unknown");
	is_int(a.partial, BIT(NT_OMEGA3), "roquefort: only omega-3 partial");

	/* 257.83 g of milk (250 ml): measured zeros stay known zeros */
	nt_amounts_for(milk, 257.83, &a);
	is_num(a.v[NT_ENERGY], 157.2763, 1e-9, "milk 257.83 g: 61 * 2.5783 = 157.2763 kcal");
	is_num(a.v[NT_B12_ADDED], 0, 0, "milk: added B12 is a known 0");
	is_num(a.v[NT_EPA_DHA], 0, 0, "milk: EPA+DHA is a known 0");
	/* 0.075 * 2.5783 = 0.1933725 g, EPA/DHA/DPA 0 */
	is_num(a.v[NT_OMEGA3], 0.1933725, 1e-12, "milk: omega-3 = ALA only, complete");
	is_int(a.partial, 0, "milk: nothing partial");

	/* zero grams */
	nt_amounts_for(salmon, 0, &a);
	is_num(a.v[NT_ENERGY], 0, 0, "0 g: 0 kcal");
	is_num(a.v[NT_EPA_DHA], 0, 0, "0 g: 0 mg EPA+DHA");
	ok(!nt_known(a.v[NT_B12_ADDED]), "0 g: unknown stays unknown");
}

static void
test_totals(void)
{
	struct nt_amounts sum, a;
	unsigned counted = 0;

	/* salmon 150 g + emu 200 g + Cheez Whiz 50 g */
	nt_amounts_zero(&sum);
	nt_amounts_for(salmon, 150, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_for(emu, 200, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_for(whiz, 50, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);

	is_num(sum.v[NT_ENERGY], 575, 1e-9, "total energy 213 + 224 + 138 = 575 kcal");
	ok(!(sum.partial & BIT(NT_ENERGY)), "total energy complete");
	is_num(sum.v[NT_PROTEIN], 81.42, 1e-9, "total protein 29.76 + 45.66 + 6 = 81.42 g");
	is_num(sum.v[NT_B12], 9.25, 1e-9, "total B12 4.77 + 4.48 = 9.25 ug");
	ok(sum.partial & BIT(NT_B12), "total B12 partial (whiz unknown)");
	ok(!nt_known(sum.v[NT_B12_ADDED]), "total added B12: never known -> unknown");
	ok(!(sum.partial & BIT(NT_B12_ADDED)), "total added B12: unknown is not partial");
	is_num(sum.v[NT_DPA], 0.4305, 1e-12, "total DPA = salmon's 0.4305 g");
	ok(sum.partial & BIT(NT_DPA), "total DPA partial");
	is_num(sum.v[NT_POTASSIUM], 1515, 1e-9, "total K 735 + 660 + 120 = 1515 mg");
	ok(!(sum.partial & BIT(NT_POTASSIUM)), "total K complete");
	is_num(sum.v[NT_OMEGA3], 3.097, 1e-12, "total omega-3 3.027 + 0.070 = 3.097 g");
	ok(sum.partial & BIT(NT_OMEGA3), "total omega-3 partial");
	is_num(sum.v[NT_EPA_DHA], 2172, 1e-9, "total EPA+DHA 2154 + 18 = 2172 mg");
	ok(sum.partial & BIT(NT_EPA_DHA), "total EPA+DHA partial (whiz)");

	/* salmon + emu: emu's partial omega-3 carries into the total */
	nt_amounts_zero(&sum);
	counted = 0;
	nt_amounts_for(salmon, 150, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_for(emu, 200, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);
	is_num(sum.v[NT_OMEGA3], 3.097, 1e-12, "salmon + emu omega-3 = 3.097 g");
	is_int(sum.partial, BIT(NT_OMEGA3) | BIT(NT_DPA),
	       "salmon + emu: omega-3 (from emu) and DPA partial, nothing else");
	ok(!nt_known(sum.v[NT_B12_ADDED]), "salmon + emu: added B12 unknown");
	ok(counted & BIT(NT_ENERGY), "counted marks energy");
	ok(!(counted & BIT(NT_B12_ADDED)), "counted leaves added B12 unmarked");

	/* only unknowns: nothing known at all */
	nt_amounts_zero(&sum);
	counted = 0;
	nt_amounts_unknown(&a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);
	is_int(counted, 0, "unknown entries count nothing");
	ok(!nt_known(sum.v[NT_ENERGY]) && !nt_known(sum.v[NT_EPA_DHA]),
	   "a total of unknown entries is unknown");
	is_int(sum.partial, 0, "a total of unknown entries is not partial");

	/* no entries at all */
	nt_amounts_zero(&sum);
	counted = 0;
	nt_amounts_finish(&sum, counted);
	ok(!nt_known(sum.v[NT_PROTEIN]), "an empty total is unknown");
	is_int(sum.partial, 0, "an empty total is not partial");

	/* one entry: the total equals it */
	nt_amounts_zero(&sum);
	counted = 0;
	nt_amounts_for(brain, 100, &a);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);
	is_num(sum.v[NT_EPA_DHA], 450, 1e-9, "single-entry total EPA+DHA 450 mg");
	ok(!nt_known(sum.v[NT_EPA]) && !nt_known(sum.v[NT_B12_ADDED]),
	   "single-entry total keeps unknowns unknown");
	is_int(sum.partial, BIT(NT_OMEGA3) | BIT(NT_EPA_DHA), "single-entry total keeps its partials");
}

static void
test_round(void)
{
	/* half away from zero, at the shown number of decimals */
	is_num(nt_round(0.125, 2), 0.13, 1e-12, "0.125 -> 0.13");
	is_num(nt_round(2.395, 2), 2.40, 1e-12, "2.395 -> 2.40");
	is_num(nt_round(2.394, 2), 2.39, 1e-12, "2.394 -> 2.39");
	is_num(nt_round(2.385, 2), 2.39, 1e-12, "2.385 -> 2.39");
	is_num(nt_round(2.675, 2), 2.68, 1e-12, "2.675 -> 2.68");
	is_num(nt_round(1.005, 2), 1.01, 1e-12, "1.005 -> 1.01");
	is_num(nt_round(0.045, 2), 0.05, 1e-12, "0.045 -> 0.05");
	is_num(nt_round(3.0249, 2), 3.02, 1e-12, "3.0249 -> 3.02");
	is_num(nt_round(-0.125, 2), -0.13, 1e-12, "-0.125 -> -0.13 (away from zero)");
	is_num(nt_round(-2.395, 2), -2.40, 1e-12, "-2.395 -> -2.40");
	is_num(nt_round(0.5, 0), 1, 0, "0.5 -> 1");
	is_num(nt_round(2.5, 0), 3, 0, "2.5 -> 3 (not to even)");
	is_num(nt_round(-2.5, 0), -3, 0, "-2.5 -> -3");
	is_num(nt_round(2.4999, 0), 2, 0, "2.4999 -> 2");
	is_num(nt_round(574.5, 0), 575, 0, "574.5 kcal -> 575");
	is_num(nt_round(1000000.5, 0), 1000001, 0, "1000000.5 -> 1000001");
	is_num(nt_round(0.0005, 3), 0.001, 1e-15, "0.0005 -> 0.001");
	is_num(nt_round(0.00049, 3), 0, 0, "0.00049 -> 0.000");
	is_num(nt_round(0.4305, 3), 0.431, 1e-12, "0.4305 -> 0.431");
	is_num(nt_round(7, 0), 7, 0, "7 -> 7");
	is_num(nt_round(0, 2), 0, 0, "0 -> 0");
	is_num(nt_round(3.097, 1), 3.1, 1e-12, "3.097 -> 3.1");
	ok(isnan(nt_round(NT_UNKNOWN, 2)), "unknown stays unknown");
}

/* What a food can hold per 100 g: each value, and all that weighs together. */
static void
test_impossible(void)
{
	double v[NT_STORED_COUNT];

	for (int m = 0; m < NT_STORED_COUNT; m++)
		v[m] = NT_UNKNOWN;
	is_int(nt_per100_impossible(v), -1, "all unknown: possible");
	/* flaxseed oil, sr28:04042: 53.3 g ALA, 884 kcal */
	v[NT_ALA] = 53.3;
	v[NT_ENERGY] = 884;
	is_int(nt_per100_impossible(v), -1, "flaxseed oil: possible");
	v[NT_ALA] = 153.3;
	is_int(nt_per100_impossible(v), NT_ALA, "153.3 g ALA: impossible");
	v[NT_ALA] = 53.3;
	v[NT_ENERGY] = 1001;
	is_int(nt_per100_impossible(v), NT_ENERGY, "1001 kcal: impossible");
	v[NT_ENERGY] = 884;
	/* 53.3 + 47 = 100.3 g: a label's rounding, still possible; + 0.5 g more is not */
	v[NT_EPA] = 47;
	is_int(nt_per100_impossible(v), -1, "100.3 g in 100 g: rounding");
	v[NT_EPA] = 47.5;
	is_int(nt_per100_impossible(v), NT_MEASURE_COUNT, "100.8 g in 100 g: impossible");
	v[NT_EPA] = NT_UNKNOWN;
	/* potassium chloride salt substitute: 52,000 mg; 90,000 mg is not a food */
	v[NT_POTASSIUM] = 52000;
	is_int(nt_per100_impossible(v), NT_MEASURE_COUNT,
	       "53.3 g ALA + 52 g potassium: more than the food");
	v[NT_ALA] = NT_UNKNOWN;
	is_int(nt_per100_impossible(v), -1, "52 g potassium: possible");
	v[NT_POTASSIUM] = 90000;
	is_int(nt_per100_impossible(v), NT_POTASSIUM, "90 g potassium: above 55 g");
	v[NT_POTASSIUM] = NT_UNKNOWN;
	/* a 1,000 ug tablet of 100 mg: 1,000,000 ug per 100 g (1 %) is a supplement */
	v[NT_B12] = 1e6;
	is_int(nt_per100_impossible(v), -1, "B12 1 %% of a tablet: possible");
	v[NT_B12] = 1.01e8;
	is_int(nt_per100_impossible(v), NT_MEASURE_COUNT, "B12 101 g per 100 g: impossible");
}

/* Estimates: marked on known values, carried by sums, cleared when never known. */
static void
test_estimated(void)
{
	struct nt_amounts sum, a;
	unsigned counted = 0;

	/* salmon's ALA flagged an estimate: ALA and omega-3, not EPA+DHA */
	nt_amounts_for(salmon, 150, &a);
	is_int(a.estimated, 0, "nt_amounts_for: nothing estimated");
	nt_amounts_mark_estimated(&a, nt_estimated_bits(true));
	is_int(a.estimated, BIT(NT_ALA) | BIT(NT_OMEGA3), "estimated ALA: ALA and omega-3");
	nt_amounts_mark_estimated(&a, nt_estimated_bits(false));
	is_int(a.estimated, BIT(NT_ALA) | BIT(NT_OMEGA3), "a measured mark adds nothing");
	/* an unknown ALA is not an estimate, and the sum without it neither */
	nt_amounts_for((double[NT_STORED_COUNT]){NT_UNKNOWN, NT_UNKNOWN, NT_UNKNOWN, NT_UNKNOWN,
	                                         NT_UNKNOWN, 0.1, 0.2, NT_UNKNOWN, NT_UNKNOWN},
	               100, &a);
	nt_amounts_mark_estimated(&a, nt_estimated_bits(true));
	is_int(a.estimated, 0, "unknown ALA: nothing estimated, omega-3 (EPA + DHA) neither");

	/* salmon (estimated) 150 g + emu (measured) 200 g */
	nt_amounts_zero(&sum);
	nt_amounts_for(salmon, 150, &a);
	nt_amounts_mark_estimated(&a, nt_estimated_bits(true));
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_for(emu, 200, &a);
	nt_amounts_mark_estimated(&a, nt_estimated_bits(false));
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);
	is_int(sum.estimated, BIT(NT_ALA) | BIT(NT_OMEGA3),
	       "estimated + measured: ALA and omega-3 estimated, EPA+DHA never");
	nt_amounts_unknown(&a);
	is_int(a.estimated, 0, "nt_amounts_unknown: nothing estimated");
	nt_amounts_zero(&a);
	is_int(a.estimated, 0, "nt_amounts_zero: nothing estimated");
	/* a flag on a measure no entry knows is dropped by finish */
	nt_amounts_zero(&sum);
	counted = 0;
	nt_amounts_unknown(&a);
	a.estimated = BIT(NT_ALA);
	nt_amounts_add(&sum, &counted, &a);
	nt_amounts_finish(&sum, counted);
	is_int(sum.estimated, 0, "finish: an unknown total is not estimated");
}

/* The rules the nutrient table (nutrient.h) keeps; see its comment. */
static void
test_table_rules(void)
{
	enum nt_measure shown[NT_MEASURE_COUNT];
	unsigned seen_pos = 0;
	size_t n;

	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		const struct nt_measure_info *a = nt_measure_info((enum nt_measure)m);
		char tail[16];
		size_t lc = strlen(a->column), lt;

		snprintf(tail, sizeof tail, "_%s", a->unit);
		lt = strlen(tail);
		ok(lc > lt && !strcmp(a->column + lc - lt, tail), "%s: column %s ends in its unit",
		   a->name, a->column);
		is_int(nt_measure_by_column(a->column), m, "%s: column found back", a->name);
		ok(a->pos >= 1 && a->pos <= NT_MEASURE_COUNT && !(seen_pos & (1u << a->pos)),
		   "%s: place %d is its own", a->name, a->pos);
		seen_pos |= 1u << a->pos;
		for (int k = 0; k < m; k++) {
			const struct nt_measure_info *b = nt_measure_info((enum nt_measure)k);

			if (!strcmp(a->name, b->name) || !strcmp(a->column, b->column) ||
			    (a->sr && a->sr == b->sr) || (a->fdc && a->fdc == b->fdc))
				ok(0, "%s and %s share a name, column or nutrient number", a->name,
				   b->name);
		}
		if (m < NT_STORED_COUNT)
			ok(a->sr > 0 && a->fdc > 0 && a->max100 > 0,
			   "stored %s: SR %d, FDC %d, at most %g per 100 g", a->name, a->sr, a->fdc,
			   a->max100);
		else
			ok(!a->sr && !a->fdc && isnan(a->max100) && !a->grams,
			   "derived %s: no numbers of its own", a->name);
		if (a->show & (NT_SHOW_TRACKED | NT_SHOW_MORE))
			ok(a->dri != NULL, "judged %s has a DRI name", a->name);
	}
	is_int(nt_measure_by_column("potassium"), -1, "a measure name is not a column");

	n = nt_measures_shown(NT_SHOW_TRACKED, shown);
	is_int(n, 4, "the headline: four measures");
	if (n == 4)
		ok(shown[0] == NT_B12 && shown[1] == NT_OMEGA3 && shown[2] == NT_EPA_DHA &&
		   shown[3] == NT_POTASSIUM, "... B12, omega-3, EPA+DHA, potassium, in that order");
	n = nt_measures_shown(NT_SHOW_SEARCH, shown);
	ok(n == 3 && shown[0] == NT_B12 && shown[1] == NT_OMEGA3 && shown[2] == NT_POTASSIUM,
	   "search columns: B12, omega-3, potassium");
	n = nt_measures_shown(NT_SHOW_MORE, shown);
	ok(n == 3 && shown[0] == NT_FOLATE && shown[1] == NT_FOLIC_ACID && shown[2] == NT_B6,
	   "the second line: folate, folic acid, B6");
	is_str(nt_measure_unit(NT_FOLATE), "ug", "folate in ug (DFE)");
	is_str(nt_measure_column(NT_FOLATE), "folate_dfe_ug", "folate's column says DFE");
	is_str(nt_measure_unit(NT_B6), "mg", "B6 in mg");
	is_str(nt_measure_info(NT_OMEGA3)->dri, "ala", "omega-3 is judged by the ALA AI");
	is_int(nt_measure_info(NT_FOLATE)->sr, 435, "folate DFE is SR 435");
	is_int(nt_measure_info(NT_B6)->sr, 415, "B6 is SR 415");
}

static void
test_impossible_vitamins(void)
{
	double v[NT_STORED_COUNT];

	for (int m = 0; m < NT_STORED_COUNT; m++)
		v[m] = NT_UNKNOWN;
	v[NT_B6] = 100000; /* 100 g of pyridoxine in 100 g */
	is_int(nt_per100_impossible(v), -1, "100 g of B6 per 100 g: pure pyridoxine, possible");
	v[NT_PROTEIN] = 10;
	is_int(nt_per100_impossible(v), NT_MEASURE_COUNT, "... with 10 g protein: 110 g, too heavy");
	v[NT_PROTEIN] = NT_UNKNOWN;
	v[NT_B6] = 100001;
	is_int(nt_per100_impossible(v), NT_B6, "B6 over 100 g per 100 g: refused");
	v[NT_B6] = NT_UNKNOWN;
	v[NT_FOLIC_ACID] = 5e6; /* a 5 mg tablet of 100 mg: 5 % */
	is_int(nt_per100_impossible(v), -1, "a 5 mg folic-acid tablet of 100 mg: possible");
	v[NT_FOOD_FOLATE] = 96e6;
	is_int(nt_per100_impossible(v), NT_MEASURE_COUNT, "... with 96 g more folate: too heavy");
}

int
main(void)
{
	test_table();
	test_table_rules();
	test_impossible_vitamins();
	test_init();
	test_for();
	test_totals();
	test_estimated();
	test_round();
	test_impossible();
	return tap_done();
}
