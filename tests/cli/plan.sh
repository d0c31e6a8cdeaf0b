#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# plan.sh - suggestions, planned entries, copying days, exclusions, food
# tags and the week's B12 routine, through the CLI.
. "$NUTRACK_TESTS/cli/lib.sh"

nt profile --sex female --age 34 --diet vegan >/dev/null
# fndds:11320100 soy milk, unsweetened, 1 cup = 244 g: B12 0.39 * 2.44 =
# 0.95 ug; omega-3 0.166 * 2.44 = 0.41 g; potassium 158 * 2.44 = 386 mg.
nt add --meal breakfast fndds:11320100 "1 cup" >/dev/null

# B12 is 2.4 - 0.9516 = 1.4484 ug short.  Fortified foods lead for a vegan;
# all that close the gap rank by the least food: label:1 nutritional yeast,
# 2 tbsp = 10 g, 150 * 0.1 = 15 ug; Multigrain Cheerios (fndds:57308400,
# FNDDS 2021-2023), 1 cup = 30 g, 5.89 * 0.3 = 1.767 ug.  The soy milk the
# user drinks adds 0.9516 ug: floor(95.16 / 1.4484) = 65 %.  Omega-3:
# 1.1 - 0.166 * 2.44 = 0.695 g short; flax seeds, 9 g (FNDDS's usual
# amount, given by weight): 19.4 * 0.09 = 1.746 g; chia, 9 g: 17.83 * 0.09
# = 1.605 g; canola oil, 1 tablespoon = 14 g: 7.45 * 0.14 = 1.043 g.
# Potassium: 2600 - 158 * 2.44 = 2214.48 mg short; a small baked potato,
# 230 g: 533 * 2.3 = 1225.9 mg, floor(1226 / 2214.48) = 55 %; white beans,
# 180 g: 558 * 1.8 = 1004.4 mg, 45 %; spinach, 180 g: 540 * 1.8 = 972 mg,
# 43 %.
expect suggest-b12-csv 0 nt suggest --csv --limit 2
expect suggest-text 0 nt suggest
expect suggest-bad-limit 2 nt suggest --limit 0

# Planned entries count beside, not in, the eaten totals: with 2 tbsp of
# yeast planned, B12 with the plan is 0.9516 + 15 = 15.95 ug (664 %).
expect add-planned 0 nt add --planned --meal dinner label:1 "2 tbsp"
expect day-with-planned 0 nt day
expect day-with-planned-csv 0 nt day --csv
expect eat-entry 0 nt eat 2
expect eat-nothing 1 nt eat today

# Copy today to tomorrow (planned: the future) and to yesterday (eaten).
expect copy-to-tomorrow 0 nt copy today tomorrow
expect copy-meal-to-yesterday 0 nt copy --meal dinner today yesterday
expect copy-nothing 1 nt copy --meal lunch today yesterday
expect copy-same-day 1 nt copy today today
# Tomorrow's entries are eaten tomorrow, not before (nothing changes).
expect eat-tomorrow-refused 1 nt eat tomorrow
expect eat-tomorrow 0 nt_on 2026-03-12 eat 2026-03-12
expect day-tomorrow-csv 0 nt day --csv tomorrow

# Exclusions and corrections change what is suggested.
expect exclude-yeast 0 nt exclude add label:1
expect exclude-word 0 nt exclude add --word wheaties
expect exclude-list 0 nt exclude list
nt day --csv 2026-03-12 >/dev/null
# 2026-03-13 has nothing logged: every target is the gap.  Multigrain
# Cheerios 1.77 ug: floor(1.77 / 2.4) = 73 %; the soy milk the user drinks
# (fortified, and eaten: it ranks above the oat milk's 1.22 ug) 0.95 ug,
# 39 %.  Potassium 1226 / 2600 = 47 %, 1004 / 2600 = 38 %.
expect suggest-excluded-csv 0 nt suggest --csv --limit 2 2026-03-13
expect exclude-rm 0 nt exclude rm 1
expect exclude-rm-again 1 nt exclude rm 1
expect exclude-two-kinds 2 nt exclude add label:1 --word x
expect tag-show 0 nt foods tag fndds:11320100
expect tag-dairy 0 nt foods tag fndds:11320100 dairy
expect tag-bad 1 nt foods tag fndds:11320100 tofu
expect untag 0 nt foods untag fndds:11320100

# The Vegan Society's routines over the week 2026-W11 (Mon 03-09 .. Sun
# 03-15).  So far: 03-10 yeast 15 ug at dinner (fortified, one meal); 03-11
# soy milk 0.95 ug at breakfast + yeast 15 ug at dinner (two meals, 15.95 ug:
# a fortified day); 03-12 the same copy.  A 2000 ug tablet (label:5) on
# Sunday matches the weekly dose (logged on the day: a future day's entry
# would be planned).
nt_on 2026-03-15 add --date 2026-03-15 --meal breakfast label:5 "1 tablet" >/dev/null
expect week-routine 0 nt week
# A custom supplement counts as one.
expect foods-add-supplement 0 nt foods add "B12 spray" --serving 0.1 --unit spray --b12 500 \
	--supplement
expect suggest-week-csv 0 nt suggest --csv --week --limit 1

# A vegan day planned from nothing (2026-04-01), for the reference woman
# of 34 (163 cm, 57 kg, low active): energy within 10% of the EER, 354 -
# 6.91 x 34 + 1.12 x (9.36 x 57 + 726 x 1.63) = 2041.988 kcal, so
# 1837.8-2246.2 kcal; protein at least 46 g; B12 2.4 ug, ALA 1.1 g,
# EPA+DHA 250 mg, potassium 2600 mg.  The day's integer program picks
# breakfast, lunch, dinner and a snack from data/plan_foods.csv and the
# foods this journal eats; each item's values are its grams times USDA's
# per 100 g, and each "gives N%" is the item over the day's total.  The
# plan it finds (plan-csv), checked by hand:
#   B12: oatmeal made with non-dairy milk 480 g x 0.36 = 1.728, soy milk
#   (which this journal drinks: "you eat it") 122 g x 0.39 = 0.4758, tempeh
#   166 g x 0.08 = 0.1328, oat milk 366 g x 0.50 = 1.83: 4.1666 -> 4.17 ug
#   (173% of 2.4); the oatmeal gives floor(100 x 1.728 / 4.1666) = 41% of it.
#   Energy: 456 (oatmeal 480 g x 95) + 46.36 (soy milk 122 g x 38) + 119.56
#   (crackers 28 g x 427) + 49.5 (mango 82.5 g x 60) + 318.72 (tempeh 166 g
#   x 192) + 69.75 (Brussels sprouts 155 g x 45) + 236.3 (barley 170 g x
#   139) + 403.3 (soybeans 185 g x 218) + 164.7 (oat milk 366 g x 45) =
#   1864.19 kcal (91%), in the band; partial (*) since the capsule's energy
#   is unknown.
#   EPA+DHA: the capsule, (20.833 + 41.667) x 0.006 g = 375 mg.  No vegan
#   food comes near 250 mg, hence the capsule, "one capsule a day", and why.
expect plan-csv 0 nt plan --csv 2026-04-01
expect plan-text 0 nt plan 2026-04-01
# A week as a shopping list: each line sums one food's planned amounts
# (household units and grams) and counts its days: the capsule 7 x 1 = 7
# capsules, 7 x 0.6 = 4.2 g on 7 days; oatmeal 2 + 2 = 4 cups, 4 x 240 =
# 960 g on 2 days; nutritional yeast 2 + 2 = 4 tbsp, 4 x 5 = 20 g on 2 days.
expect plan-shopping 0 nt plan --shopping --days 7 2026-04-01
expect plan-shopping-csv 0 nt plan --shopping --csv --days 7 2026-04-01
expect plan-accept 0 nt plan --accept 2026-04-01
expect plan-day-after-accept 0 nt day --csv 2026-04-01
# Planned entries count in the planned total only, so the day stays "not
# logged" until they are eaten.
expect eat-planned-day-refused 1 nt eat 2026-04-01
expect eat-planned-day 0 nt_on 2026-04-01 eat 2026-04-01
expect plan-bad-days 2 nt plan --days 0
# A baby of 6 months: no plan, and the reason.
"$NUTRACK_BIN" --db "$WORK/baby.db" profile --age 0.5 >/dev/null
expect plan-too-young 1 "$NUTRACK_BIN" --db "$WORK/baby.db" plan
# Without the algae capsule no vegan food brings enough EPA+DHA: the plan
# names the binding constraint ("at most 46 mg": the linear relaxation's
# bound, quinoa's DHA, 0.015 g/100 g, and edamame's EPA), shows the best day
# without it (every other target met, EPA+DHA 0 mg), exits 1 and writes
# nothing.
nt exclude add label:7 >/dev/null
expect plan-cannot 1 nt plan --accept 2026-04-02
expect plan-cannot-wrote-nothing 0 nt day --csv 2026-04-02

# Lab results beside the B12 eaten in the 28 days up to the test.  On
# 2026-03-12: 03-10 15.00, 03-11 15.95, 03-12 15.95 ug: 46.90 / 3 = 15.63.
# On 2026-03-11: (15.00 + 15.95) / 2 = 15.475 -> 15.48.  300 pg/mL x 0.7378
# = 221 pmol/L: borderline; 450 nmol/L MMA = 0.45 umol/L: high.
# A sample of tomorrow is not taken yet: refused; recorded on the day.
expect lab-add-future 1 nt lab add --date 2026-03-12 b12 300 pg/mL
expect lab-add-b12 0 nt_on 2026-03-12 lab add --date 2026-03-12 b12 300 pg/mL
expect lab-add-mma 0 nt lab add mma 450 nmol/L
expect lab-bad-unit 1 nt lab add homocysteine 12 pg/mL
expect lab-bad-kind 1 nt lab add ferritin 30 ng/mL
expect lab-list 0 nt lab list
expect lab-list-csv 0 nt lab list --csv
expect lab-rm 0 nt lab rm 2

done_testing
