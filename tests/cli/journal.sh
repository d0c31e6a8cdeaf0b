#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# journal.sh - add, edit and rm through the CLI; the numbers in the expected
# files were worked out by hand from data/foods.csv and data/portions.csv.
. "$NUTRACK_TESTS/cli/lib.sh"

# Today is 2026-03-11 (NUTRACK_TODAY).
#
# "soymilk fortified": soymilk is also "soy milk", and FNDDS's "Soy milk,
#   unsweetened" (fndds:11320100, fortified: added B12 0.39) has the whole
#   head typed.  250 ml through its portion "1 cup = 244 g":
#   250 * 244 / 236.5882365 = 257.832 g.  B12 0.39 * 2.57832 = 1.01 ug;
#   omega-3 (ALA 0.166 + 0 + 0 + 0) * 2.57832 = 0.43 g; potassium
#   158 * 2.57832 = 407 mg.
expect add-soymilk 0 nt add --meal breakfast "soymilk fortified" 250ml
# sr28:01123 egg, "2 large" = 2 * 50 g = 100 g: B12 0.89 ug; omega-3 0.036 +
#   0.000 + 0.058 + 0.007 = 0.101 -> 0.10 g; potassium 138 mg.
expect add-egg 0 nt add --meal lunch 01123 "2 large"
# sr28:12220 flaxseed, "1 tbsp" = portion "1 tbsp, whole = 10.3 g": ALA
#   22.813 * 0.103 = 2.35 g; potassium 813 * 0.103 = 84 mg; B12 0.
expect add-flax 0 nt add --meal dinner sr28:12220 "1 tbsp"
# label:1 nutritional yeast: "1 tsp" through "2 tbsp = 10 g":
#   4.92892 ml * 10 g / (2 * 14.78676 ml) = 1.667 g; B12 150 * 0.01667 =
#   2.50 ug; omega-3 and potassium unknown ("?"), not zero.
expect add-yeast 0 nt add --meal snack label:1 "1 tsp"
# sr28:15076 salmon yesterday, "1 fillet" = 198 g / 0.5 = 396 g: B12 3.18 *
#   3.96 = 12.59 ug; omega-3 (0.295 + 0.321 + 1.115 + 0.287) * 3.96 = 7.99 g;
#   potassium 490 * 3.96 = 1940 mg.
expect add-salmon 0 nt add --date yesterday --meal dinner 15076 "1 fillet"
# Several words before the amount name the food together.
# FNDDS 63107010 "Banana, raw" has the portion "1 banana = 126 g".  The day
# is tomorrow, so the entry is planned.
expect add-words 0 nt add --date 2026-03-12 -m snack banana raw "1 banana"
# Words pick the best hit that has the portion named: FNDDS "Banana, raw"
# has no "medium", SR "Bananas, raw" (sr28:09040) has "medium = 118 g".
expect add-portion-picks-food 0 nt add -m snack banana raw "1 medium"
expect rm-banana 0 nt rm 7
# An amount no hit has a portion for: the best hit's portions are listed.
expect add-bad-portion 1 nt add -m snack banana raw "3 parsecs"

expect edit-amount 0 nt edit 2 "3 large"
expect edit-meal 0 nt edit '#2' --meal breakfast
expect edit-date 0 nt edit 6 --date 2026-03-09
expect rm-entry 0 nt rm 6
expect rm-again 1 nt rm 6
expect edit-missing 1 nt edit 99 "1 large"
expect edit-nothing 2 nt edit 2

# Custom foods: values per serving are stored per 100 g.  A 40 g bar with
# 120 mg potassium has 300 mg per 100 g; two bars = 80 g = 240 mg.
expect foods-add 0 nt foods add "Oat bar" --serving 40 --unit bar --potassium 120 --b12 0.6
expect foods-list 0 nt foods list
expect add-custom 0 nt add -m snack "oat bar" "2 bars"
expect rm-custom 0 nt rm 8

# Put entry 2 back to "2 large" at lunch so the day matches report.sh.
expect edit-back 0 nt edit 2 --meal lunch "2 large"
expect day-after-edits 0 nt day

done_testing
