/* SPDX-License-Identifier: GPL-3.0-or-later */
/* amount.h - reading amounts such as "150 g", "1.5 cups" or "1 fillet" into grams. */
#ifndef NT_AMOUNT_H
#define NT_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct nt_food;
struct nt_portion;

/* Largest amount of one entry, in grams (10 kg). */
#define NT_AMOUNT_MAX_GRAMS 10000.0

/*
 * Longest amount text, NUL included: room for USDA's longest portion
 * names, e.g. "1 piece, cooked, excluding refuse (yield from 1 lb raw meat
 * with refuse)".
 */
#define NT_AMOUNT_TEXT_MAX 200

/* A parsed amount: a count and a normalised unit ("cup", "fl oz", "fillet"). */
struct nt_quantity {
	double count;
	char unit[NT_AMOUNT_TEXT_MAX];
};

/*
 * Splits text into a positive count and a unit.  Counts: 150, 1.5, .5,
 * 1,5 (a decimal comma; not before exactly three digits, "1,500", which
 * could be a thousands separator: refused), 1/2, 1 1/2, ½ (also ¼ ¾ ⅓ ⅔
 * ⅛).  The unit is lowercased, with runs of blanks collapsed; it may be
 * empty.  Rejects empty text, negative, zero,
 * non-finite or absurd (> 100000) counts, and text of NT_AMOUNT_TEXT_MAX
 * bytes or more.
 */
enum nt_status nt_amount_parse(const char *text, struct nt_quantity *q,
                               struct nt_err *err);

/* Grams in one unit of mass ("g", "kg", "oz", "lb", ...), or 0. */
double nt_amount_mass_unit(const char *unit);
/* Millilitres in one unit of volume ("ml", "l", "cup", "tbsp", "fl oz", ...), or 0. */
double nt_amount_volume_unit(const char *unit);

/*
 * Converts text into grams of `food`: metric and US mass units directly;
 * the food's own USDA portions by name, whole words ("2 large", "1 fillet",
 * "1 serving"; a portion of the food in its own state first: "1 medium" of
 * a baked food is not "medium, raw, yields" when a plain "medium" exists;
 * never "Guideline amount ..." unless its whole name is typed); volumes
 * through the weight of one of the food's volume portions of the same
 * state (1 cup = 244 g; not "cup, whipped" or "cup, with hulls"), else
 * refused.  The result is between 0.001 g and NT_AMOUNT_MAX_GRAMS.  On
 * failure (NT_ERR_INVALID or NT_ERR_RANGE) the message says why; when the
 * unit is missing or unknown it also lists the food's portions.
 */
enum nt_status nt_amount_grams(const char *text, const struct nt_food *food,
                               double *grams, struct nt_err *err);

/*
 * Whether a portion's name is a household measure: FNDDS's "Guideline
 * amount per cup of vegetable" and "Quantity not specified" are not, and
 * are never matched against "cup", "tbsp", "medium"... nor offered first.
 */
bool nt_portion_is_household(const char *unit);

/*
 * The portion to offer first: the first household measure of the food in
 * its own state (not "cup, whipped" of cream, "cup, dry, yields" of cooked
 * oatmeal), else the first household measure, else the first portion;
 * (size_t)-1 when the food has none.
 */
size_t nt_amount_default_portion(const struct nt_food *f);

/* Writes "1 cup (244 g)" for a portion into buf (size n). */
void nt_portion_format(const struct nt_portion *p, char *buf, size_t n);

#endif
