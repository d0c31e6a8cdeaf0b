#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# targets.sh - your own targets and upper limits (target), and targets with a
# history: a profile change applies from a day, and each day is judged
# against what was in force on it (issue 13).  Today is 2026-03-11.
. "$NUTRACK_TESTS/cli/lib.sh"

nt profile --sex female --age 30 --diet vegan >/dev/null

# --- the profile's history ---------------------------------------------
# Soy milk fndds:11320100 (0.39 ug B12, 158 mg potassium per 100 g), 2 cups
# = 488 g, on 2026-03-08 and on 2026-03-10:
#   B12 0.39 x 4.88 = 1.9032 -> 1.90 ug
nt add -d 2026-03-08 -m breakfast fndds:11320100 '2 cup' >/dev/null
nt add -d 2026-03-10 -m breakfast fndds:11320100 '2 cup' >/dev/null
# Pregnant from 2026-03-09 (data/targets.csv: B12 RDA 2.4 ug, 2.6 ug when
# pregnant; ALA AI 1.1 g, 1.4 g; potassium AI 2600 mg, 2900 mg).
expect dated-profile-pregnant 0 nt profile --stage pregnant --from 2026-03-09
# 2026-03-08 keeps the old profile: 1.90 / 2.4 = 79.16 -> 79% of 2.4 ug.
expect dated-day-before 0 nt day 2026-03-08
# 2026-03-10 is judged as pregnant: 1.90 / 2.6 = 73.07 -> 73% of 2.6 ug.
expect dated-day-after 0 nt day 2026-03-10
expect dated-day-after-csv 0 nt day --csv 2026-03-10
# The profile today: pregnant, with the history (the first version applies
# from the beginning).
expect dated-profile-show 0 nt profile
expect dated-profile-json 0 nt profile --json
# A report over both: the two logged days' average B12 1.90 is judged
# against the mean of their targets, (2.4 + 2.6) / 2 = 2.5 ug: 1.90 / 2.5 =
# 76%; omega-3 0.81 of (1.1 + 1.4) / 2 = 1.25 g: 64%; potassium 771 of
# (2600 + 2900) / 2 = 2750 mg: 28%.  It says the targets changed on
# 2026-03-09; each day's chart bar is against that day's target (79% and 73%).
expect dated-report 0 nt report --from 2026-03-07 --to 2026-03-10
# The HTML report says so too, and gives the mean targets.
nt report --from 2026-03-07 --to 2026-03-10 --format html -o "$WORK/r.html" >/dev/null
is "the HTML report names the change" \
	"$(grep -c 'the targets changed on 2026-03-09 (female aged 30, pregnant, vegan diet)' "$WORK/r.html")" "1"
is "... and its B12 target is the mean, 2.5 ug" \
	"$(grep -c '<td>Vitamin B12</td><td>2.5 ' "$WORK/r.html")" "1"
# Its charts measure each day against that day's own target, as the text
# report does: B12 1.90 / 2.4 = 79% on the 8th, 1.90 / 2.6 = 73% on the
# 10th (not 1.90 / 2.5 = 76% on both).
is "the HTML chart's bar on 2026-03-08 is 79% of that day's 2.4 ug" \
	"$(grep -c '<title>Sun 8 Mar 2026: 1.90 µg, 79% of target</title>' "$WORK/r.html")" "1"
is "... and on 2026-03-10 73% of 2.6 ug" \
	"$(grep -c '<title>Tue 10 Mar 2026: 1.90 µg, 73% of target</title>' "$WORK/r.html")" "1"
is "... and its caption says the targets changed" \
	"$(grep -c 'percent of the target in force that day, 2.4 to 2.6 µg a day' "$WORK/r.html")" "1"
# ... and a table of the periods: B12 2.4 ug from 7 to 8 Mar, 2.6 ug from
# 9 to 10 Mar.
is "the HTML report lists the targets period by period" \
	"$(grep -c '<td>Vitamin B12</td><td class="l date">7 – 8 Mar 2026</td><td>2.4 µg</td><td class="na">none' "$WORK/r.html")" "1"
is "... the pregnant period too" \
	"$(grep -c '<td></td><td class="l date">9 – 10 Mar 2026</td><td>2.6 µg</td>' "$WORK/r.html")" "1"
# The week of 2026-03-08 (W10) lies wholly before: 2.4 ug, no change said.
expect dated-week-before 0 nt week 2026-03-08
# --from needs a change; a bad date changes nothing.
before=$(snapshot)
expect dated-profile-from-alone 2 nt profile --from 2026-03-09
expect dated-profile-from-bad 1 nt profile --stage none --from 2026-02-30
is "refused profile changes leave the database as it was" "$(snapshot)" "$before"

# --- your own targets and limits -----------------------------------------
expect target-list 0 nt target
# A kidney patient's clinician sets potassium under 2000 mg a day: the
# 2900 mg AI (pregnant) is above it, so potassium has no target, only the limit.
expect target-set-potassium 0 nt target set potassium --max 2000
# A clinician's 1000 ug of B12 a day, from 2026-03-01.
expect target-set-b12 0 nt target set b12 --min 1000 --from 2026-03-01
expect target-list-after 0 nt target list

# Nonsense is refused and changes nothing.
before=$(snapshot)
expect target-err-negative 1 nt target set b12 --min -1
expect target-err-word 1 nt target set b12 --max lots
expect target-err-unknown 1 nt target set vitamin_c --max 5
expect target-err-min-max 1 nt target set b12 --min 5 --max 4
# the limit 2000 mg set before is kept, and 2500 is above it
expect target-err-above-kept 1 nt target set potassium --min 2500
expect target-err-no-value 2 nt target set b12
expect target-err-two 2 nt target set b12 potassium --min 1
expect target-err-sub 2 nt target frobnicate
expect target-err-bad-date 1 nt target set b12 --min 3 --from 2026-02-30
expect target-err-reset-value 2 nt target reset b12 --max 3
is "refused target changes leave the database as it was" "$(snapshot)" "$before"

# A day over the potassium limit: a banana sr28:09040 (358 mg / 100 g),
# 600 g = 358 x 6 = 2148 mg > 2000 mg: OVER LIMIT.  B12 0 of 1000 ug: LOW.
nt add -m snack sr28:09040 600g >/dev/null
expect target-day-over 0 nt day
expect target-day-over-csv 0 nt day --csv
is "day --json says over_limit" \
	"$(nt day --json | grep -c '"status": "over_limit"')" "1"
is "... and gives the limit" "$(nt day --json | grep -c '"limit": 2000')" "1"
# The week's average over its two logged days (2026-03-10 soy milk, 2026-03-11
# banana): potassium (771 + 2148) / 2 = 1459.5 -> 1460 mg; the 2900 mg AI held
# on 2026-03-10 and the 2000 mg limit on 2026-03-11, neither on both days, so
# the average is judged against neither; B12 (1.90 + 0) / 2 = 0.95 of 1000 ug
# (set from 2026-03-01, in force on both days).
expect target-week 0 nt week
nt report --from 2026-03-11 --to 2026-03-11 --format html -o "$WORK/k.html" >/dev/null
is "the HTML report gives the limit" \
	"$(grep -c '<td>Potassium, upper limit</td><td>2000 mg' "$WORK/k.html")" "1"
# A day with a limit and no target has no bar against a target: its column
# says how it stands against the limit (2148 mg over 2000 mg).
is "the HTML chart's limit-only day says it is over the limit" \
	"$(grep -c 'Wed 11 Mar 2026: 2148 mg, no target in force that day; OVER the limit of 2000 mg' "$WORK/k.html")" "1"

# Suggestions: with a potassium limit, none for potassium (2026-03-10: 771 mg
# of potassium, below the AI; the limit holds from 2026-03-11 only, so set one
# on that day too).
nt target set potassium --max 2000 --from 2026-03-10 >/dev/null
expect target-suggest-no-potassium 0 nt suggest 2026-03-10
is "no potassium advice under a limit" \
	"$(nt suggest --csv 2026-03-10 | grep -c '^potassium,')" "0"
# B12 under a limit of 5 ug, back to the RDA as the minimum (2.6 ug): 1.90
# ug eaten, so no portion may add more than 5 - 1.90 = 3.10 ug; fortified
# nutritional yeast label:1 (2 tbsp, 15.00 ug) is left out; every B12
# suggestion adds at most 3.10 ug.
nt target reset b12 --from 2026-03-10 >/dev/null
nt target set b12 --max 5 --from 2026-03-10 >/dev/null
expect target-suggest-b12-max 0 nt suggest --csv 2026-03-10
is "no B12 suggestion past the limit" \
	"$(nt suggest --csv -n 20 2026-03-10 | grep '^b12,' | grep -o '[0-9.]*,ug,[0-9]*$' |
		awk -F, '$1 + 1.90 > 5' | wc -l | tr -d ' ')" "0"
is "... and some B12 advice" \
	"$(nt suggest --csv -n 20 2026-03-10 | grep -c "^b12,")" "6"
is "nutritional yeast left out" \
	"$(nt suggest --csv -n 20 2026-03-10 | grep -c 'label:1,')" "0"

# Reset: back to the DRI targets from a day; the days before keep theirs.
expect target-reset 0 nt target reset potassium --from 2026-03-12
expect target-reset-all 0 nt target reset all --from 2026-03-12
expect target-list-reset-before 0 nt target --from 2026-03-11

# Over a potassium limit, a short nutrient whose every food has potassium
# gets no food, and says which limit held it back (it never says "nothing
# to suggest: no target is short").  An omnivore man of 60 on a 2000 mg
# limit: 2 medium bananas sr28:09040 (236 g x 358 mg / 100 g = 844.9 mg)
# and a large baked potato fndds:71100100 (400 g x 389 mg / 100 g = 1556 mg)
# make 2401 mg; the fish for EPA+DHA (5 anchovies, a can of sardines,
# herring) all have potassium, so none is offered.
DB=$WORK/omnivore.db
nt profile --sex male --age 60 --diet omnivore >/dev/null
nt target set potassium --max 2000 >/dev/null
nt add -m breakfast sr28:09040 '2 medium' >/dev/null
nt add -m lunch fndds:71100100 '1 large' >/dev/null
expect target-suggest-held 0 nt suggest
is "suggest --json names the limit that held EPA+DHA back" \
	"$(nt suggest --json | grep -c '"held_by_limit": "potassium"')" "1"
done_testing
