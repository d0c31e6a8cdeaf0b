#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# report.sh - day and week totals against targets, text and CSV.
. "$NUTRACK_TESTS/cli/lib.sh"

nt profile --sex female --age 34 --diet vegan >/dev/null
nt add --meal breakfast sr28:16139 250ml >/dev/null
nt add --meal lunch sr28:01123 "2 large" >/dev/null
nt add --meal dinner sr28:12220 "1 tbsp" >/dev/null
nt add --meal snack label:1 "1 tsp" >/dev/null
nt add --date 2026-03-10 --meal dinner sr28:15076 "1 fillet" >/dev/null

# Day 2026-03-11 (values per entry in journal.sh):
#   B12      2.18259 + 0.89 + 0 + 2.5005 = 5.57 ug; 557 / 2.4 = 232 % ok
#   omega-3  0.19258 + 0.101 + 2.34974 = 2.64 g, partial (yeast unknown);
#            2.64 / 1.1 = 240 % ok
#   EPA+DHA  0 + 58 + 0 = 58 mg partial; 58 / 250 = 23 % low
#   K        313.27 + 138 + 83.74 = 535 mg partial; 535 / 2600 = 20 % low
#   energy   110.41 + 143 + 55.00 = 308 kcal partial (yeast unknown)
#   protein  6.676 + 12.56 + 1.884 + 0.8335 = 22.0 g
#   absorbed B12, each meal one sitting, a = min(0.5 d, 1.5), a + 0.01 (d - a):
#            breakfast 2.18259 -> 1.09129 + 0.01091 = 1.10221; lunch 0.89 ->
#            0.44945; dinner 0; snack 2.5005 -> 1.25025 + 0.01250 = 1.26275;
#            total 2.81 ug against half the RDA, 1.2 ug: 234 % ok
expect day-csv 0 nt day --csv
expect day-text 0 nt day today
# Day 2026-03-10: the salmon alone (396 g): B12 12.59 ug = 524 %, absorbed in
#   one sitting 1.5 + 0.01 * (12.5928 - 1.5) = 1.61 ug = 134 % of 1.2;
#   omega-3 7.99 g; EPA+DHA (0.321 + 1.115) * 3960 = 5687 mg; K 1940 mg = 74 %.
expect day-salmon-csv 0 nt day --csv yesterday
expect day-relative 0 nt day --csv -1
expect day-empty 0 nt day 2026-03-13
expect day-empty-csv 0 nt day --csv 2026-03-13

# Week 2026-W11 (Mon 03-09 .. Sun 03-15), 2 days logged; averages:
#   B12 (12.5928 + 5.5731) / 2 = 9.08; omega-3 (7.99128 + 2.64332) / 2 = 5.32;
#   EPA+DHA (5686.56 + 58) / 2 = 2872; K (1940.4 + 535.0) / 2 = 1238;
#   energy (562.32 + 308.42) / 2 = 435.
# B12 routine: 03-11 has fortified soy milk (2.18 ug, breakfast) and yeast
#   (2.50 ug, snack): 4.68 ug at two meals, a fortified day; 03-10's salmon
#   is not fortified: 1 of 2 logged days, so no routine matches.
expect week-csv 0 nt week --csv
expect week-text 0 nt week 2026-03-15
expect week-empty-csv 0 nt week --csv 2026-01-01

# nutrack report: any range.  Over the same week it gives the week's numbers
# (see above); over 03-10..03-11 both days are logged, so the same average.
expect report-text 0 nt report --from 2026-03-09 --to 2026-03-15
expect report-csv 0 nt report --csv --from 2026-03-10 --to 2026-03-11
# Default: the 28 days to today (2026-03-11), from 2026-02-12.
expect report-default-csv 0 nt report --format csv
expect report-html 0 nt report --format html --from 2026-03-09 --to 2026-03-15 -o "$WORK/r.html"
if grep -q '<td>12.59</td>' "$WORK/r.html" && grep -q '<svg' "$WORK/r.html" &&
	! grep -qi '<script' "$WORK/r.html"; then
	tap_ok "the HTML report has the values and charts, no scripts"
else
	tap_not_ok "the HTML report has the values and charts, no scripts"
fi
expect report-reversed 1 nt report --from 2026-03-11 --to 2026-03-10
# Over 31 days the text leaves out the days not logged and the charts.
expect report-long 0 nt report --from 2026-01-01 --to 2026-03-10
expect report-too-long 1 nt report --from 1990-01-01 --to 2026-03-10
expect report-text-to-file 2 nt report -o "$WORK/r.txt"
expect report-format-clash 2 nt report --csv --format html

# Issue 13: an average leaves out the days where a nutrient is unknown.
# Week 2026-W15: a banana (fndds:63107010, 126 g) on Monday 04-06, only
# nutritional yeast (label:1, 10 g; potassium, energy, omega-3 unknown) on
# Tuesday 04-07.
#   Mon  B12 0; omega-3 0.027 x 1.26 = 0.034 -> 0.03; EPA+DHA 0;
#        K 326 x 1.26 = 410.76 -> 411; energy 97 x 1.26 = 122.22 -> 122
#   Tue  B12 150 x 0.1 = 15.00; the rest ?
#   Average (2 days): B12 (0 + 15) / 2 = 7.50, floor(750 / 2.4) = 312% ok;
#        K 410.76 / 1 day = 411 (not 411 / 2 = 205), floor(41100 / 2600) =
#        15% LOW; omega-3 0.03 / 1 day, 2%; EPA+DHA 0 / 1 day; energy 122 / 1
#        day: "days with value" 2, 1, 1, 1, 1; CSV average row ...,2,1,1,1,1
# Days after today (2026-03-11) are logged on the day (nt_on): logged ahead
# they would be planned.
nt_on 2026-04-06 add --date 2026-04-06 fndds:63107010 "1 banana" >/dev/null
nt_on 2026-04-07 add --date 2026-04-07 label:1 "2 tbsp" >/dev/null
expect week-unknown-day 0 nt week 2026-04-06
expect week-unknown-day-csv 0 nt week --csv 2026-04-06
expect report-unknown-day 0 nt report --from 2026-04-06 --to 2026-04-07
nt report --format html --from 2026-04-06 --to 2026-04-07 -o "$WORK/u.html" >/dev/null
if grep -q '<td>Potassium</td><td>411</td><td>1 of 2</td>' "$WORK/u.html" &&
	grep -q '<td>Vitamin B12</td><td>7.50</td><td>2 of 2</td>' "$WORK/u.html"; then
	tap_ok "the HTML report says how many days each average covers"
else
	tap_not_ok "the HTML report says how many days each average covers"
fi
# A partial day counts (a lower bound), and marks the average: Monday 04-13
# banana and yeast, K 410.76* (the yeast has none); Tuesday 04-14 a banana,
# 410.76: (410.76 + 410.76) / 2 = 411*, over both days; B12 (15 + 0) / 2 =
# 7.50; energy 122* and 122: 122*.
nt_on 2026-04-13 add --date 2026-04-13 fndds:63107010 "1 banana" >/dev/null
nt_on 2026-04-13 add --date 2026-04-13 label:1 "2 tbsp" >/dev/null
nt_on 2026-04-14 add --date 2026-04-14 fndds:63107010 "1 banana" >/dev/null
expect report-partial-day 0 nt report --from 2026-04-13 --to 2026-04-14
expect report-partial-day-csv 0 nt report --csv --from 2026-04-13 --to 2026-04-14

# Issue 13: a supplement's label lists what it has; the rest is 0, not
# unknown.  Only an algae-oil capsule (label:7, 1 capsule = 0.6 g) on
# 2026-05-04: B12 0 = 0% LOW (was unknown), absorbed 0; potassium 0 = 0%
# LOW (was unknown); EPA+DHA (20.833 + 41.667) x 0.006 = 0.375 g = 375 mg =
# 150% ok; omega-3 0 + 0.125 + 0.25 + 0 = 0.38 g, floor(38 / 1.1) = 34%
# LOW, complete; energy 0.  suggest then closes the B12 gap (2.4 ug) and the
# potassium gap (2600 mg) as for an empty day.
nt_on 2026-05-04 add --date 2026-05-04 --meal breakfast label:7 "1 capsule" >/dev/null
expect day-supplement-only 0 nt day 2026-05-04
expect suggest-supplement-only 0 nt suggest 2026-05-04
# A custom food keeps unknown unless filed as a supplement: "Oat bar" with
# only B12 (1 ug per 40 g serving) on 2026-05-05 leaves potassium unknown;
# "B12 drops" (--supplement, 250 ug a 0.05 g drop) on 2026-05-06 makes it 0.
#   bar: B12 1.00, floor(100 / 2.4) = 41% low; absorbed 0.5 + 0.01 x 0.5 =
#        0.505 -> 0.51; omega-3, EPA+DHA, potassium unknown
#   drops: B12 250.00 ok; absorbed 1.5 + 0.01 x 248.5 = 3.985 -> 3.99;
#        omega-3, EPA+DHA, potassium 0, low
nt foods add "Oat bar" --serving 40 --unit bar --b12 1 >/dev/null
nt foods add "B12 drops" --serving 0.05 --unit drop --b12 250 --supplement >/dev/null
nt_on 2026-05-05 add --date 2026-05-05 --meal snack "Oat bar" "1 bar" >/dev/null
nt_on 2026-05-06 add --date 2026-05-06 --meal snack "B12 drops" "1 drop" >/dev/null
expect day-custom-food-csv 0 nt day --csv 2026-05-05
expect day-custom-supplement-csv 0 nt day --csv 2026-05-06

# lab list's B12 eaten over the 28 days to a test (2026-04-24..05-21) is
# averaged the same way: 05-04 capsule 0, 05-05 bar 1.00, 05-06 drops 250,
# and 05-20 "Crackers" (potassium only: B12 unknown) left out:
# (0 + 1 + 250) / 3 = 83.67 ug/day, 4 days logged, 3 with a B12 value.
nt foods add "Crackers" --potassium 100 >/dev/null
nt_on 2026-05-20 add --date 2026-05-20 --meal snack "Crackers" 30g >/dev/null
nt_on 2026-05-21 lab add --date 2026-05-21 b12 300 pg/mL >/dev/null
expect lab-list-unknown-day 0 nt lab list
expect lab-list-unknown-day-csv 0 nt lab list --csv

# nutrack top, per everyday portion (USDA's "Quantity not specified" for
# FNDDS foods, the first portion for the label foods), everyday advice only
# (energy drinks are not; tests/cli/advice.sh has more):
#   nutritional yeast label:1             150 ug/100 g x 10 g   = 15.00 ug
#   Multigrain Cheerios fndds:57308400    5.89 ug/100 g x 30 g  = 1.767 -> 1.77
#   vegetarian hot dog fndds:41811400     2.35 ug/100 g x 70 g  = 1.645 -> 1.65
# (sugary "vitamin" drinks such as the acai juice blend are not advice)
# The profile is vegan, so meat and fish are left out without --diet.
expect top-b12-profile-diet 0 nt top -n 3 b12
#   potato baked with butter fndds:71508005  507 mg/100 g x 315 g = 1597 mg
#   potato baked fndds:71508001              533 mg/100 g x 285 g = 1519 mg
expect top-potassium-csv 0 nt top --diet omnivore --csv -n 2 potassium
#   with SR28's ingredients: walnuts sr28:12155 9.08 g/100 g x 117 g = 10.62 g
expect top-omega3-all 0 nt top --all -n 1 omega3
expect top-bad-nutrient 1 nt top iron
expect top-bad-limit 2 nt top --limit 0 b12

done_testing
