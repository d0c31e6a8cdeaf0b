#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# recipe.sh - recipes and saved meals through the CLI.
. "$NUTRACK_TESTS/cli/lib.sh"

# Overnight oats for 2: soy milk 1 cup (244 g), flaxseed 2 tbsp (2 x 10.3 =
# 20.6 g), nutritional yeast 2 tbsp (10 g): 274.6 g, a serving 137.3 g.
# A serving: B12 (0.9516 + 15) / 2 = 7.98 ug; omega-3 (0.40504 + 4.69948)
# / 2 = 2.55 g, partial (the yeast's is unknown); potassium (385.52 +
# 167.478) / 2 = 276 mg, partial.
expect recipe-new 0 nt recipe new "Overnight oats" --servings 2
expect recipe-add-milk 0 nt recipe add recipe:1 fndds:11320100 "1 cup"
expect recipe-add-flax 0 nt recipe add 1 sr28:12220 "2 tbsp"
expect recipe-add-words 0 nt recipe add 1 nutritional yeast "2 tbsp"
expect recipe-log 0 nt add -m breakfast recipe:1 "1 serving"
expect recipe-day-csv 0 nt day --csv
expect recipe-list 0 nt recipe list
expect recipe-self 1 nt recipe add 1 recipe:1 "1 serving"
expect recipe-not-a-recipe 1 nt recipe show sr28:09040
expect recipe-bad-servings 1 nt recipe new "Soup" --servings 0
expect recipe-rm 0 nt recipe rm 1 2
expect recipe-servings 0 nt recipe servings 1 4

# A saved meal: lunch as one serving (banana 118 g + lentils 192 g; potassium
# 422.44 + 1299.84 = 1722 mg).
nt add -m lunch sr28:09040 "1 medium" >/dev/null
nt add -m lunch sr28:16069 "1 cup" >/dev/null
expect recipe-save-meal 0 nt recipe save-meal "Lentil lunch" --meal lunch
expect recipe-save-empty 1 nt recipe save-meal "Nothing" --meal dinner
expect recipe-save-no-meal 2 nt recipe save-meal "Nothing"

# A recipe's tags follow its ingredients: tagging the bananas of "Lentil
# lunch" (recipe:2) as dairy makes the recipe dairy; untagging undoes it.
expect recipe-tags-before 0 nt foods tag recipe:2
expect recipe-tag-ingredient 0 nt foods tag sr28:09040 dairy
expect recipe-tags-follow 0 nt foods tag recipe:2
expect recipe-untag-ingredient 0 nt foods untag sr28:09040
expect recipe-tags-back 0 nt foods tag recipe:2

done_testing
