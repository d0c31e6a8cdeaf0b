/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_lab.c - lab results: units, readings, storage (lab.h). */
#include "config.h"

#include <stdio.h>

#include "date.h"
#include "fixture.h"
#include "lab.h"
#include "tap.h"

static struct nt_store *s;
static int seen;
static double last_value, last_entered, first_entered;
static enum nt_lab_kind last_kind;
static char last_unit[16], first_unit[16];

static void
collect(void *ctx, const struct nt_lab_result *r)
{
	(void)ctx;
	if (!seen++) {
		first_entered = r->entered;
		snprintf(first_unit, sizeof first_unit, "%s", r->unit);
	}
	last_kind = r->kind;
	last_value = r->value;
	last_entered = r->entered;
	snprintf(last_unit, sizeof last_unit, "%s", r->unit);
}

int
main(void)
{
	double v;
	long long a, b;
	struct nt_err err;
	long day = nt_date_from_ymd(2026, 3, 1);

	s = fixture_open(false);
	is_int(nt_lab_kind_parse("b12"), NT_LAB_B12, "b12");
	is_int(nt_lab_kind_parse("mma"), NT_LAB_MMA, "mma");
	is_int(nt_lab_kind_parse("ferritin"), -1, "ferritin is not tracked");

	/* 300 pg/mL x 0.7378 = 221.34 pmol/L */
	is_int(nt_lab_convert(NT_LAB_B12, 300, "pg/mL", &v, &err), NT_OK, "pg/mL converts");
	is_num(v, 221.34, 1e-9, "300 pg/mL = 221.34 pmol/L");
	is_int(nt_lab_convert(NT_LAB_B12, 221, "PMOL/L", &v, &err), NT_OK, "pmol/L, any case");
	is_num(v, 221, 0, "kept");
	is_int(nt_lab_convert(NT_LAB_MMA, 350, "nmol/L", &v, &err), NT_OK, "nmol/L MMA");
	is_num(v, 0.35, 1e-12, "350 nmol/L = 0.35 umol/L");
	is_int(nt_lab_convert(NT_LAB_HOMOCYSTEINE, 12, "\xc2\xb5mol/L", &v, &err), NT_OK,
	       "µmol/L with the micro sign");
	is_int(nt_lab_convert(NT_LAB_HOMOCYSTEINE, 12, "pg/mL", &v, &err), NT_ERR_INVALID,
	       "a unit that does not fit");
	is_str(err.msg, "unit 'pg/mL' does not fit Homocysteine: use umol/L", "says which fit");
	is_int(nt_lab_convert(NT_LAB_B12, 0, "pg/mL", &v, &err), NT_ERR_RANGE, "zero refused");
	is_int(nt_lab_convert(NT_LAB_B12, 1e9, "pg/mL", &v, &err), NT_ERR_RANGE, "absurd refused");
	is_int(nt_lab_convert(NT_LAB_B12, 1e-300, "pg/mL", &v, &err), NT_ERR_RANGE,
	       "a value that would show as 0 is refused");
	is_int(nt_lab_convert(NT_LAB_MMA, 1, "nmol/L", &v, &err), NT_ERR_RANGE,
	       "1 nmol/L MMA (0.001 umol/L) is refused");
	is_int(nt_lab_convert(NT_LAB_MMA, 10, "nmol/L", &v, &err), NT_OK, "10 nmol/L MMA is fine");

	/* readings at the edges of the usual ranges */
	is_str(nt_lab_reading(NT_LAB_B12, 147.9), "low", "B12 147.9 pmol/L low");
	is_str(nt_lab_reading(NT_LAB_B12, 148), "borderline", "148 borderline");
	is_str(nt_lab_reading(NT_LAB_B12, 258), "normal", "258 normal");
	is_str(nt_lab_reading(NT_LAB_B12, 738), "normal", "738 normal");
	/* 22130 pmol/L (a typing slip for 221.30) is not "normal" */
	is_str(nt_lab_reading(NT_LAB_B12, 738.1), "high", "738.1 high (1000 pg/mL x 0.7378)");
	is_str(nt_lab_reading(NT_LAB_B12, 22130), "high", "22130 high");
	is_str(nt_lab_reading(NT_LAB_HOMOCYSTEINE, 15), "normal", "homocysteine 15 normal");
	is_str(nt_lab_reading(NT_LAB_HOMOCYSTEINE, 15.1), "high", "15.1 high");
	is_str(nt_lab_reading(NT_LAB_MMA, 0.27), "normal", "MMA 0.27 normal");
	is_str(nt_lab_reading(NT_LAB_MMA, 0.3), "borderline", "0.30 borderline");
	is_str(nt_lab_reading(NT_LAB_MMA, 0.41), "high", "0.41 high");

	is_int(nt_lab_add(s, day, day + 1, NT_LAB_B12, 300, "pg/mL", &a, &err), NT_OK, "record B12");
	is_int(nt_lab_add(s, day + 1, day + 1, NT_LAB_MMA, 450, "nmol/L", &b, &err), NT_OK,
	       "record MMA today");
	is_int(nt_lab_add(s, day, day + 1, NT_LAB_MMA, 1, "pg/mL", &b, &err), NT_ERR_INVALID,
	       "a bad unit records nothing");
	is_int(nt_lab_add(s, day + 2, day + 1, NT_LAB_B12, 300, "pg/mL", &b, &err), NT_ERR_RANGE,
	       "a result of tomorrow is not taken yet: refused");
	nt_lab_each(s, collect, NULL, &err);
	is_int(seen, 2, "two results");
	ok(last_kind == NT_LAB_MMA && last_value == 0.45, "the last is the MMA, 0.45 umol/L");
	/* as entered: 221.34 / 0.7378 = 300 pg/mL; 0.45 / 0.001 = 450 nmol/L */
	is_num(first_entered, 300, 1e-9, "the B12 as entered: 300");
	is_str(first_unit, "pg/mL", "in pg/mL");
	is_num(last_entered, 450, 1e-9, "the MMA as entered: 450");
	is_str(last_unit, "nmol/L", "in nmol/L");
	is_int(nt_lab_remove(s, a, &err), NT_OK, "remove one");
	is_int(nt_lab_remove(s, a, &err), NT_ERR_NOTFOUND, "twice fails");
	nt_store_close(s);
	return tap_done();
}
