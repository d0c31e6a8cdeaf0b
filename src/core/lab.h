/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lab.h - blood tests of B12 status: serum B12, homocysteine, methylmalonic acid. */
#ifndef NT_LAB_H
#define NT_LAB_H

#include <stddef.h>

#include "status.h"

struct nt_store;

enum nt_lab_kind { NT_LAB_B12, NT_LAB_HOMOCYSTEINE, NT_LAB_MMA, NT_LAB_KIND_COUNT };

/* "b12", "homocysteine", "mma"; -1 for anything else ("serum-b12" too). */
int nt_lab_kind_parse(const char *s);
const char *nt_lab_kind_name(enum nt_lab_kind k);   /* "b12" */
const char *nt_lab_kind_title(enum nt_lab_kind k);  /* "Serum vitamin B12" */
/* The unit values are kept in: pmol/L for B12, umol/L for the others. */
const char *nt_lab_unit(enum nt_lab_kind k);

/*
 * Converts a value in `unit` to the kind's unit: B12 in pg/mL (x 0.7378)
 * or pmol/L; homocysteine in umol/L; MMA in umol/L or nmol/L (/ 1000).
 * NT_ERR_INVALID for a unit that does not fit the kind (the message lists
 * the ones that do); NT_ERR_RANGE for a value no person can have.
 */
enum nt_status nt_lab_convert(enum nt_lab_kind k, double value, const char *unit,
                              double *out, struct nt_err *err);

/*
 * The usual reading of a result (laboratories' ranges differ; theirs
 * apply): B12 below 148 pmol/L (200 pg/mL) "low", to 258 pmol/L (350
 * pg/mL) "borderline", above 738 pmol/L (1000 pg/mL, about the top of
 * laboratories' ranges) "high" (usual with supplements or injections),
 * else "normal"; homocysteine above 15 umol/L "high"; MMA above 0.40
 * umol/L "high", above 0.27 "borderline".
 */
const char *nt_lab_reading(enum nt_lab_kind k, double value);

/*
 * Records a result (value in `unit`) of a test taken on `day`, which is not
 * after `today` (NT_ERR_RANGE: a result not taken yet is a typing error);
 * *id receives its number.
 */
enum nt_status nt_lab_add(struct nt_store *s, long day, long today, enum nt_lab_kind k,
                          double value, const char *unit, long long *id, struct nt_err *err);
enum nt_status nt_lab_remove(struct nt_store *s, long long id, struct nt_err *err);

/* A stored result, as nt_lab_each gives it. */
struct nt_lab_result {
	long long id;
	long day;
	enum nt_lab_kind kind;
	double value;      /* in the kind's unit (nt_lab_unit): what is judged */
	double entered;    /* as entered, in `unit` */
	const char *unit;  /* as entered ("pg/mL"); borrowed for the call */
	int decimals;      /* to show `entered` with */
};

/* Calls fn for every result in date order. */
enum nt_status nt_lab_each(struct nt_store *s,
                           void (*fn)(void *ctx, const struct nt_lab_result *r), void *ctx,
                           struct nt_err *err);

#endif
