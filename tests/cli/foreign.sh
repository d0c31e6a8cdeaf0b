#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# foreign.sh - import --from cronometer and --from myfitnesspal: the exports'
# own values as imported foods, unknown never 0, no duplicates on a second
# import, --match to bundled foods, weights the export does not give shown as
# unknown, and bad files that change nothing.  The fixtures
# (tests/data/foreign) are written from the exports' documented headers:
# Cronometer's Food & Recipe Entries (more columns than nutrack reads, CRLF,
# quoted names, 12 rows on 2026-03-09..11) and MyFitnessPal's nutrition export.
. "$NUTRACK_TESTS/cli/lib.sh"

FX=$NUTRACK_FIXTURES/foreign
fx() { (cd "$FX" && nt "$@"); }
state() { { snapshot; nt export; } 2>&1 | cksum; }

# ---- Cronometer ----

nt profile --sex female --age 34 --diet vegan >/dev/null
before=$(state)
expect foreign-cron-dry-run 0 fx import --from cronometer --dry-run cronometer-servings.csv
is "a dry run changes nothing" "$(state)" "$before"

# 12 rows, 9 foods: soymilk, the B12 tablet and bananas twice each with the
# same values; oats at 40 g and 50 g are two foods, as the export rounds:
# protein 5.26 / 40 x 100 = 13.15 g per 100 g, 6.58 / 50 x 100 = 13.16 g
# (energy agrees: 151.60 x 2.5 = 379 = 189.50 x 2).  9 rows give no
# weight (cups, mediums, tablets, tbsp); oats (40 g, 50 g) and tofu
# ("serving - 85 g") do.  Uncategorized x2 and Pre-Workout go to snacks.
expect foreign-cron-import 0 fx import --from cronometer cronometer-servings.csv
expect foreign-cron-reimport 0 fx import --from cronometer cronometer-servings.csv
is "the second import adds no entry" "$(nt export | wc -l)" "13"

# 2026-03-09: the export's values, summed:
#   B12 2.07 + 0.00 + 0.00 + 0.00 + 250.00 = 252.07 ug
#   potassium 296.46 + 144.80 + 730.62 + 422.44 (tablet: empty, unknown) =
#     1594.32 -> 1594 mg, partial
#   omega-3 (taken as estimated ALA) 0.18 + 0.04 + 0.07 + 0.03 = 0.32 g,
#     partial (EPA, DHA, DPA unknown); EPA+DHA unknown
#   energy 104.49 + 151.60 + 229.68 + 105.02 + 0 = 590.79 -> 591 kcal
#   protein 6.32 + 5.26 + 17.86 + 1.29 + 0 = 30.73 -> 30.7 g
expect foreign-cron-day 0 nt day 2026-03-09
# 2026-03-10: B12 2.07 + 250 = 252.07; K 296.46 + 181 + 201.45 + 113.82 =
# 792.73 -> 793 mg*; omega-3 0.18 + 0.05 + 0.50 + 3.19 = 3.92 g*; energy
# 104.49 + 189.50 + 123.25 + 74.76 = 492.00; 2026-03-11: B12 17.60, K 422.44
# (the yeast's is empty), omega-3 0.03 g*, energy 45 + 105.02 = 150.02.
# The week's average of the 3 logged days: B12 (252.07 x 2 + 17.60) / 3 =
# 173.913 -> 173.91; K (1594.32 + 792.73 + 422.44) / 3 = 936.50 -> 936* (as
# shown: 936.4966...).
expect foreign-cron-week 0 nt week 2026-03-10
expect foreign-cron-report-csv 0 nt report --csv --from 2026-03-09 --to 2026-03-11

# A food without a weight: its values are per unit (1 cup = the export's
# 104.49 kcal, 2.07 ug, 296.46 mg), per 100 g unknown; amounts in its unit.
expect foreign-cron-food-basis 0 nt food cronometer:1
expect foreign-cron-food-basis-csv 0 nt food --csv cronometer:1
# oats, with a weight: per 100 g = 151.60 / 40 x 100 = 379 kcal, K 144.80 /
# 40 x 100 = 362 mg, ALA (estimated) 0.04 / 40 x 100 = 0.1 g
expect foreign-cron-food-weight 0 nt food cronometer:2
# tofu: "serving - 85 g" is a portion of 85 g: 123.25 / 85 x 100 = 145 kcal,
# K 201.45 / 85 x 100 = 237 mg, protein 13.40 / 85 x 100 = 15.76470588 g,
# omega-3 0.50 / 85 x 100 = 0.5882352941 g
expect foreign-cron-food-portion 0 nt food cronometer:7
expect foreign-cron-search 0 nt search lentils boiled
# 2 cups of a cup-based food: twice its values (K 730.62 x 2 = 1461.24)
expect foreign-cron-add-units 0 nt_on 2026-03-12 add --date 2026-03-12 --meal lunch cronometer:3 "2 cup"
expect foreign-cron-add-grams 1 nt_on 2026-03-12 add --date 2026-03-12 --meal lunch cronometer:3 "100 g"
nt recipe new "Lentil soup" >/dev/null
expect foreign-cron-recipe 1 nt recipe add 1 cronometer:3 "1 cup"

# --match on a fresh database: soymilk (1 cup = 243 g of sr28:16139: 0.85 x
# 2.43 = 2.0655 ug, export 2.07; 122 x 2.43 = 296.46 mg; 43 x 2.43 = 104.49
# kcal) and bananas ("medium" = 118 g of sr28:09040: 89 x 1.18 = 105.02 kcal,
# 358 x 1.18 = 422.44 mg) agree and become bundled foods, 4 rows; oats
# ("Oats, Rolled, Dry") names no bundled food and keeps its values.
DB=$WORK/match.db
expect foreign-cron-match 0 fx import --from cronometer --match cronometer-servings.csv
expect foreign-cron-match-again 0 fx import --from cronometer --match cronometer-servings.csv
expect foreign-cron-match-day 0 nt day 2026-03-09

# Omega-3 split (newer exports): ALA, EPA, DHA as given (salmon 0.10, 0.69,
# 1.46); without ALA, the total less EPA and DHA: 0.30 - 0.10 - 0.20 = 0 g,
# estimated.  A Greek mu in the B12 header, columns in another order, a
# padded header name.
DB=$WORK/split.db
expect foreign-cron-split 0 fx import --from cronometer cronometer-omega3-split.csv
expect foreign-cron-split-day 0 nt day 2026-03-10

# ---- bad files: file:line:column, nothing changed ----
DB=$WORK/nutrack.db
before=$(state)
expect foreign-err-bad-date 1 fx import --from cronometer cronometer-bad-date.csv
expect foreign-err-negative 1 fx import --from cronometer cronometer-negative.csv
expect foreign-err-bad-amount 1 fx import --from cronometer cronometer-bad-amount.csv
expect foreign-err-short-row 1 fx import --from cronometer cronometer-short-row.csv
expect foreign-err-daily-summary 1 fx import --from cronometer cronometer-daily-summary.csv
expect foreign-err-journal-as-cronometer 1 fx import --from cronometer ../exchange/journal.csv
expect foreign-err-no-file 1 fx import --from cronometer missing.csv
expect foreign-err-bad-format 2 fx import --from loseit cronometer-servings.csv
expect foreign-err-match-mfp 2 fx import --from myfitnesspal --match myfitnesspal-nutrition.csv
is "bad files changed nothing" "$(state)" "$before"

# ---- MyFitnessPal ----
# Meal totals: B12 and omega-3 unknown; potassium a lower bound (partial);
# dinner's 0.0 mg with 1,050 kcal is unknown; "Meal 5" goes to snacks.
# 2026-03-09: K 612 + 1024 + 210 = 1846 mg*; energy 412 + 655 + 1050 + 180 =
# 2297 kcal; protein 17.5 + 31 + 36 + 4 = 88.5 g.
DB=$WORK/mfp.db
expect foreign-mfp-import 0 fx import --from myfitnesspal myfitnesspal-nutrition.csv
expect foreign-mfp-reimport 0 fx import --from myfitnesspal myfitnesspal-nutrition.csv
expect foreign-mfp-day 0 nt day 2026-03-09

done_testing
