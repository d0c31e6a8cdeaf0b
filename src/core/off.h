/* SPDX-License-Identifier: GPL-3.0-or-later */
/* off.h - importing the Open Food Facts CSV export. */
#ifndef NT_OFF_H
#define NT_OFF_H

#include <stdbool.h>
#include <stddef.h>

#include "fdc.h" /* struct nt_dataset_report, nt_dataset_progress_fn */
#include "status.h"

struct nt_store;

/*
 * Imports the Open Food Facts CSV export at `path` ("-" = standard input,
 * e.g. from zcat): tab-separated, a header row, about 200 columns found by
 * their names.  Required: code, product_name, brands, serving_size,
 * proteins_100g, vitamin-b12_100g, omega-3-fat_100g, potassium_100g and
 * energy-kcal_100g or energy_100g (kJ).  Used when present:
 * abbreviated_product_name, generic_name, brand_owner, main_category_en,
 * ingredients_analysis_tags, alpha-linolenic-acid_100g,
 * eicosapentaenoic-acid_100g, docosahexaenoic-acid_100g, vitamin-b6_100g.
 *
 * Only products with at least one tracked nutrient (B12, potassium, or
 * omega-3 in any form) are imported, as source "off", code BARCODE (ids
 * "off:BARCODE"); others are counted in rep->no_nutrient (B6 alone does
 * not bring a product in).  Units: OFF gives every _100g value in grams per
 * 100 g (or 100 ml, as labelled, taken as per 100 g): B12 g x 1e6 = ug,
 * potassium and B6 g x 1000 = mg; energy kJ / 4.184 when only kJ is given.
 * Folate stays unknown: OFF's folates_100g and vitamin-b9_100g do not say
 * whether they are dietary folate equivalents.  A row is skipped (rep->skipped, the first few
 * shown with path:line:col) for a barcode that is not digits, a barcode
 * seen earlier in the file, a short or long row, or a value that is not a
 * number, negative, or above nt_measure_max_per100() after conversion (B12
 * above 100 mg per 100 g is a grams-for-micrograms slip).
 *
 * Omega-3: ALA, EPA and DHA are stored as given.  When ALA is missing but
 * the total omega-3 is there, ALA = total - EPA - DHA (those known; never
 * below 0), flagged ala_estimated: the total is kept and, as for USDA's
 * undifferentiated 18:3, shown as estimated ALA.  DPA is unknown (OFF has
 * no column for it).
 *
 * Names: product_name, else abbreviated_product_name, else generic_name,
 * else "Unnamed product BARCODE" (still found by barcode and brand).  The
 * brands go to `also` and the barcode (with its 12/13-digit forms) to
 * `keywords`, so both are searchable; the group is main_category_en (or
 * "Open Food Facts").  serving_size becomes the portion "serving" (or
 * "serving, TEXT") when it gives a weight: "30 g", "1 bar (40 g)",
 * "250 ml (1 cup)" (ml count as g: values per 100 ml then give a serving's
 * values exactly), oz, kg, mg, cl, l, fl oz.  Diet tags: none when
 * ingredients_analysis_tags has en:vegan, dairy egg honey for
 * en:vegetarian, else all (when unsure, tag).
 *
 * One transaction, idempotent (a second import of the same file counts
 * every product unchanged); failures as for nt_fdc_import.
 */
enum nt_status nt_off_import(struct nt_store *s, const char *path, bool dry_run,
                             nt_dataset_progress_fn progress, void *ctx,
                             struct nt_dataset_report *rep, struct nt_err *err);

/*
 * The weight of a serving described as in OFF's serving_size ("30 g",
 * "2 biscuits (25 g)", "250 ml (1 cup)"): the first mass found, else the
 * first volume (ml as g).  Fills *grams and the portion's name into unit
 * (size n): "serving" when the text is only a weight, "serving, 2 biscuits"
 * with the weight taken out, and for a volume the whole text
 * ("serving, 250 ml (1 cup)").  False when the text gives no usable weight.
 */
bool nt_off_serving(const char *text, double *grams, char *unit, size_t n);

#endif
