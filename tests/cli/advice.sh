#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# advice.sh - what top and suggest offer (issue 10): current values instead
# of SR28's stale fortification, everyday foods only (not energy drinks,
# candy, sauces...), none for minors with caffeine, the foods the user eats
# counted from eaten entries only.
. "$NUTRACK_TESTS/cli/lib.sh"

nt profile --sex female --age 34 --diet vegan >/dev/null

# --- top ---------------------------------------------------------------
# Vegan B12 per everyday portion, everyday advice only (the energy drinks
# that would lead are left out, and so are the sugary "vitamin" drinks: acai
# juice blend 8.43 ug, diet enhanced water 4.90 ug, Powerade 4.51 ug):
#   nutritional yeast label:1           150 ug/100 g x 10 g   = 15.00 ug
#   Multigrain Cheerios fndds:57308400  5.89 ug/100 g x 30 g  = 1.767 -> 1.77
#   vegetarian hot dog fndds:41811400   2.35 ug/100 g x 70 g  = 1.645 -> 1.65
#   iced latte, non-dairy fndds:92102502 0.44 ug/100 g x 360 g = 1.584 -> 1.58
#   bottled smoothie fndds:78101120     0.63 ug/100 g x 248 g = 1.5624 -> 1.56
expect top-b12-vegan 0 nt top -n 5 b12
is "no energy drink in the vegan B12 list (50 rows)" \
	"$(nt top -n 50 --csv b12 | grep -ci 'energy')" "0"
# --all shows everything for an adult: Rockstar, fndds:95310700, 3.77 ug/100 g
# x 496 g = 18.6992 -> 18.70 ug leads.
expect top-b12-all-adult 0 nt top --all -n 2 b12
# SR28 fortified cereals with a current FNDDS food are left out of --all
# (sr28:08013 Cheerios -> fndds:57123000); one without keeps its 2015
# values, flagged: KELLOGG'S PRODUCT 19 sr28:08058, 20 ug/100 g x 30 g =
# 6.00 ug.
is "superseded Cheerios left out of --all" \
	"$(nt top --all -n 1000 --csv b12 | grep -c '^sr28:08013,')" "0"
nt top --all -n 40 b12 >"$WORK/all.txt"
is "Product 19 in --all" "$(grep -c "PRODUCT 19 (sr28:08058)" "$WORK/all.txt")" "1"
is "... with its data year and the note" \
	"$(grep -A1 "PRODUCT 19 (sr28:08058)" "$WORK/all.txt" | tail -n 1 | sed 's/^ *//')" \
	"SR28 (2015) values; fortification may have changed; check the label"
# Vegan omega-3: no sauce or salad dressing as a source (horseradish sauce,
# mayonnaise-type dressings were there before).
#   flaxseed oil fndds:82103500 53.368 g/100 g x 14 g = 7.47 g
#   walnuts fndds:42116000      9.08 g/100 g x 28 g   = 2.54 g
#   flax seeds fndds:43104000   19.4 g/100 g x 9 g    = 1.75 g
expect top-omega3-vegan 0 nt top -n 3 omega3
is "no horseradish sauce, mayonnaise or poppy seed dressing among 50 vegan omega-3 sources" \
	"$(nt top -n 50 --csv omega3 | grep -ci 'horseradish\|mayonnaise\|poppy seed dressing')" "0"
# Under 18: no energy drink even with --all (they would fill the top 10).
nt profile --age 15 >/dev/null
is "no energy drink for a 15-year-old, even with --all (300 rows)" \
	"$(nt top --all -n 300 --csv b12 | grep -ci 'energy drink')" "0"
expect top-b12-all-minor 0 nt top --all -n 2 b12
nt profile --age 34 >/dev/null

# --- food and search: SR28 values of 2015 with added B12 are flagged ---
expect food-dated 0 nt food sr28:08013
expect search-dated 0 nt search --limit 1 cheerios general mills

# --- suggest -------------------------------------------------------------
# Cheerios logged as the SR28 food, 1 cup = 28 g: the day counts what was
# logged (6.77 ug/100 g x 28 g = 1.90 ug).  Suggestions offer its current
# food in the same weight: FNDDS 2021-2023 "Cereal, O's, plain", 0.9 ug/100 g
# x 28 g = 0.252 -> 0.25 ug, floor(0.25 / 0.50) = 50 % of the 2.4 - 1.8956
# = 0.5044 ug gap.  A planned soy milk (fndds:11320100) is not "you eat it".
# A Red Bull drunk yesterday (1.97 ug/100 g: a B12 source) is not offered
# back: an energy drink is not advice.
nt add --date yesterday --meal snack fndds:95310600 "1 can" >/dev/null
nt add --meal breakfast sr28:08013 "1 cup" >/dev/null
nt add --planned --meal dinner fndds:11320100 "1 cup" >/dev/null
nt suggest --csv --limit 20 | tr -d '\r' >"$WORK/s.csv"
is "the eaten SR28 Cheerios come back as their current food, 28 g" \
	"$(grep '^b12,fndds:57123000,' "$WORK/s.csv")" \
	'b12,fndds:57123000,"Cereal, O'"'"'s, plain",28 g,28.0,0.25,ug,50'
is "no SR28 Cheerios suggested" "$(grep -c 'sr28:08013' "$WORK/s.csv")" "0"
is "no energy drink suggested" "$(grep -ci 'energy drink' "$WORK/s.csv")" "0"
nt suggest --limit 20 >"$WORK/s.txt"
is "the note says why" \
	"$(grep -c '(fndds:57123000): +0.25 µg, closes 50% of the gap; you eat it as sr28:08013, whose values are out of date$' "$WORK/s.txt")" "1"
# The planned soy milk is a staple here, not a food the user eats.
is "planned soy milk: a staple, not 'you eat it'" \
	"$(grep 'Soy milk, unsweetened (fndds:11320100)' "$WORK/s.txt" | grep -c 'you eat it')" "0"
# The soy milk drunk (entry 3) is eaten now: B12 1.8956 + 0.39 x 2.44 =
# 2.85 ug, met.  Omega-3 0.068 x 0.28 + 0.166 x 2.44 = 0.019 + 0.405 = 0.424
# g, 0.676 g short; potassium 641 x 0.28 + 158 x 2.44 = 179.48 + 385.52 =
# 565 mg, 2035 mg short: 1226 / 2035 = 60 %, 1004 / 2035 = 49 %.
nt eat 3 >/dev/null
expect suggest-after-eating 0 nt suggest --limit 2
# ... and it is a food the user eats now: 0.405 g shown 0.41, 0.41 / 0.676
# = 60 % of the omega-3 gap.
is "eaten soy milk: 'you eat it'" \
	"$(nt suggest --limit 20 | grep -c 'Soy milk, unsweetened (fndds:11320100): +0.41 g, closes 60% of the gap; you eat it$')" "1"

# An omnivore short of potassium who drinks instant coffee is not told to
# eat instant coffee powder (a dry powder: 1 cup of it was "+1,697 mg").
# Instant coffee powder has 3535 mg potassium / 100 g; 1 tsp = 0.9 g gives
# 31.8 mg.  Logged on 2026-03-09, it must not come back as a suggestion.
nt profile --diet omnivore >/dev/null
nt add --date 2026-03-09 --meal breakfast fndds:92191100 "1 tsp" >/dev/null
nt suggest --csv --limit 20 2026-03-09 | tr -d '\r' >"$WORK/k.csv"
is "no instant coffee powder among the potassium suggestions" \
	"$(grep -c 'fndds:92191100' "$WORK/k.csv")" "0"
#   2600 - 31.815 = 2568.2 mg short; a small baked potato, 230 g: 533 x
#   2.3 = 1225.9 -> 1226 mg, floor(1226 / 2568.2) = 47 %; white beans,
#   180 g: 1004.4 -> 1004 mg, 39 %.
expect suggest-potassium-omnivore 0 sh -c "grep '^potassium,' '$WORK/k.csv' | head -n 2"

done_testing
