#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# words.sh - finding the food a person means: the everyday form first,
# plurals, synonyms and word order, the diet, near ties and words no food
# has all of.  Numbers worked out by hand from data/foods.csv and
# data/portions.csv.
. "$NUTRACK_TESTS/cli/lib.sh"

# "coffee" is brewed coffee, not instant powder (fndds:92101000, portion
# "1 cup (8 fl oz) = 240 g"): potassium 49 * 2.4 = 118 mg.  Instant coffee
# made with water (sr28:14215, potassium 30) is as close and counts
# differently (30 vs 49 mg / 100 g): named on standard error.
expect words-add-coffee 0 nt add -m breakfast coffee "1 cup"
# "cola": the soft drink (fndds:92410310: potassium 5 mg / 100 g; its first
# household portion "1 fl oz (no ice) = 31 g": 1.55 -> 2 mg); "rum and
# cola": the cocktail.
expect words-cola 0 nt search -n 2 cola
expect words-rum-and-cola 0 nt search -n 1 rum and cola
# Plurals and word order.
expect words-sardines 0 nt search -n 2 sardines
# sr28:15088 "canned in oil", "1 can (3.75 oz) = 92 g": B12 8.94 * 0.92 =
#   8.22 ug; omega-3 (0.498 + 0.473 + 0.509 + 0) * 0.92 = 1.36 g; potassium
#   397 * 0.92 = 365 mg.
expect words-add-sardines 0 nt add -m lunch sardines canned in oil "1 can"
nt search --csv -n 1 potato baked >"$WORK/a"
nt search --csv -n 1 baked potato >"$WORK/b"
is "words-word-order" "$(cat "$WORK/a")" "$(cat "$WORK/b")"
# Synonyms: yoghurt is yogurt, garbanzo chickpea, nooch nutritional yeast.
expect words-yoghurt 0 nt search --csv -n 1 yoghurt
expect words-garbanzo 0 nt search --csv -n 1 garbanzo beans
expect words-nooch 0 nt search --csv -n 1 nooch
expect words-oat-beverage 0 nt search --csv -n 1 oat beverage
# No food has both words: the foods with one are shown and said to be;
# add refuses rather than log a food that was not asked for.
expect words-relaxed-search 0 nt search -n 1 ground flaxseed
expect words-relaxed-add 1 nt add ground flaxseed "1 tbsp"

# ---- the diet ----
nt profile --sex female --age 30 --diet vegan >/dev/null
# Plain walnuts, not honey roasted; plant milks before cow's milk.
expect words-vegan-walnuts 0 nt search --csv -n 2 walnuts
expect words-vegan-milk 0 nt search --csv -n 2 milk
expect words-omnivore-milk 0 nt search --csv -n 2 --diet omnivore milk
# A food outside the diet is marked, and logged with a warning.
expect words-vegan-honey 0 nt search -n 1 honey
# sr28:19296 honey, "1 tbsp = 21 g": potassium 52 * 0.21 = 11 mg.
expect words-add-honey 0 nt add -m snack honey "1 tbsp"
expect words-bad-diet 2 nt search --diet carnivore milk

done_testing
