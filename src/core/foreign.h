/* SPDX-License-Identifier: GPL-3.0-or-later */
/* foreign.h - importing the journals other trackers export: Cronometer, MyFitnessPal. */
#ifndef NT_FOREIGN_H
#define NT_FOREIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "exchange.h" /* struct nt_import_counts */
#include "status.h"

struct nt_store;

enum nt_foreign_format {
	NT_FOREIGN_CRONOMETER,   /* Cronometer's "Food & Recipe Entries" (servings.csv) */
	NT_FOREIGN_MYFITNESSPAL, /* MyFitnessPal's nutrition export (Nutrition-Summary) */
};

/* What an import did (or, in a dry run, would do). */
struct nt_foreign_report {
	struct nt_import_counts entries; /* rows read, entries added, already present */
	long long foods_added;     /* imported foods created (cronometer:N, myfitnesspal:N) */
	long long matched;         /* rows logged as a bundled food (match) */
	long long no_weight;       /* rows of imported foods whose weight the export lacks */
	long long other_meals;     /* rows of other groups or meals, logged as snacks */
	char other_names[200];     /* those groups: "Uncategorized (3), Pre-workout (1)",
	                              cut with "..." when long */
};

/*
 * Reads an export of another tracker (path, or "-" for standard input)
 * through libcsv (csvio.h: RFC 4180, an optional byte order mark, columns
 * found by their header names in any order, unknown columns ignored) and
 * adds one journal entry per row, on its day and meal, through
 * nt_exchange_entries_import: the export read into memory and staged
 * without the write lock, then merged in one short transaction; all or
 * nothing, duplicate-free (importing the same file again adds nothing),
 * dry_run as there.  Faults are NT_ERR_PARSE "path:line:column: why" and
 * leave the database as it was.
 *
 * Each row's values are the exporter's own, kept as an imported food of
 * source "cronometer" or "myfitnesspal" (ids cronometer:N, myfitnesspal:N;
 * a food is reused for every row with the same name, group, unit and values
 * per unit, here and in later imports; tagged as containing everything,
 * since the export does not say; nutrack foods tag corrects that).  A
 * nutrient the export has no column or an empty cell for is unknown, never
 * 0; values must be numbers >= 0.
 *
 * Cronometer: required columns Day (YYYY-MM-DD), Group, Food Name, Amount
 * ("2.00 large", "150.00 g", "1.00 cup - 8 fl oz"); used when present
 * Category (the food's group), Energy (kcal), Protein (g), "B12 (Cobalamin)
 * (µg)", Potassium (mg), Omega-3 (g), ALA (g), EPA (g), DHA (g), DPA (g),
 * "B6 (Pyridoxine) (mg)" (also with "ug", "mcg" or a Greek mu for µg;
 * "Folate (µg)" is not read: whether DFE or total, it does not say); at
 * least one of B12, potassium and omega-3.  The values are the entry's.  Groups Breakfast,
 * Lunch, Dinner and Snacks (any case, "Snack" too) are the meals; any other
 * group goes to snack and is counted in other_meals.  Without ALA but with
 * the total omega-3, ALA is the total less the EPA, DHA and DPA given (never
 * below 0), flagged estimated.  The weight: an amount in g, kg, mg, oz or lb
 * is one; a unit that states one ("serving - 28 g", "bar (40 g)") gives the
 * weight of each, stored as a portion of the food; any other unit ("cup",
 * "large") leaves the weight unknown: the food's values are per one unit
 * (struct nt_food's basis), the entry weighs NT_FOOD_BASIS_GRAMS per unit
 * and shows its weight as unknown.
 *
 * With match, a row whose food name equals (ignoring ASCII case) the name
 * of exactly one bundled food (sr28, fndds, label), whose amount converts
 * to grams of that food (nt_amount_grams, with the unit before any " - "
 * or " (": "cup - 8 fl oz" is a cup), and whose energy, B12 and potassium
 * agree with the bundled food's at that weight (each known on both sides
 * within 20%, or within 10 kcal, 0.1 µg and 20 mg) is logged as that
 * bundled food (counted in matched); other rows keep the export's values.
 *
 * MyFitnessPal: required columns Date (YYYY-MM-DD) and Meal; used when
 * present Calories, Protein (g) and Potassium (mg, as "Potassium" or
 * "Potassium (mg)"), at least one of them; numbers may group thousands
 * ("1,050.0").  Each row is a meal's totals, logged as "1 meal" of an
 * imported food "MyFitnessPal MEAL, DATE" (group "MyFitnessPal") whose
 * weight is unknown.  B12 and omega-3 are unknown (the export has none).
 * MyFitnessPal counts a food without potassium as 0 mg, so a meal's
 * potassium is stored as a lower bound (totals show it partial), and 0 mg
 * in a meal with energy is unknown.  Meals Breakfast, Lunch, Dinner,
 * Snacks as above.  match is refused (NT_ERR_INVALID): the export names no
 * foods.
 *
 * *rep (may be NULL) is filled on success only.
 */
enum nt_status nt_foreign_import(struct nt_store *s, enum nt_foreign_format format,
                                 const char *path, bool match, bool dry_run,
                                 struct nt_foreign_report *rep, struct nt_err *err);

#endif
