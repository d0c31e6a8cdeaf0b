#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# estimates.sh - an ALA estimated from undifferentiated 18:3 is marked "~"
# (with a legend) in every view, and carried in CSV and JSON, as far as the
# totals, averages, recipes and exports built from it.
. "$NUTRACK_TESTS/cli/lib.sh"

# The two foods (data/foods.csv: energy_kcal,protein_g,b12_ug,...,ala_g,
# ala_from_18_3,epa_g,dha_g,dpa_g,potassium_mg):
#   sr28:12155 Nuts, walnuts, english       654,15.23,0.00,..,9.080,1,0,0,0,441
#     its ALA is USDA's undifferentiated 18:3: an estimate;
#   sr28:12154 Nuts, walnuts, black, dried  619,24.06,0.00,..,2.677,0,0,0,0,523
#     its ALA is measured 18:3 n-3.
nt profile --sex female --age 34 --diet vegan >/dev/null

# ---- food ----
# english: ALA 9.08 g and omega-3 9.08 + 0 + 0 + 0 = 9.08 g are estimates
# ("~"), EPA+DHA (0 mg) is not; black: nothing marked, no legend.
expect est-food-english 0 nt food sr28:12155
expect est-food-english-csv 0 nt food --csv sr28:12155
expect est-food-english-json 0 nt food --json sr28:12155
expect est-food-black 0 nt food sr28:12154
expect est-food-black-csv 0 nt food --csv sr28:12154

# ---- search ----
# The english walnut's omega-3 per 100 g 9.08 and per 1 cup chopped (117 g)
# 9.08 x 1.17 = 10.6236 -> ~10.62 g (potassium 441 x 1.17 = 515.97 -> 516 mg);
# the black walnut's 2.677 -> 2.68 g and per 1 cup chopped (125 g) 3.34625 ->
# 3.35 g, unmarked.  No food has all three words: the two with two of them.
expect est-search 0 nt search walnuts english black -n 2
expect est-search-csv 0 nt search --csv walnuts english black -n 2
expect est-search-json 0 nt search --json walnuts english black -n 2

# ---- top ----
# ALA per everyday portion, every food: an estimated value "~" (english
# walnut 9.08 x 1.17 = 10.62 g; butternuts 8.718 x 1.2 = 10.46 g; FNDDS
# flaxseed oil), a measured one plain (sr28:42231 cold-pressed flaxseed oil,
# 53.368 x 0.136 = 7.26 g); CSV estimated yes/no, JSON "estimated".
expect est-top-ala 0 nt top --all ala -n 5
expect est-top-ala-csv 0 nt top --all --csv ala -n 5
expect est-top-ala-json 0 nt top --all --json ala -n 2

# ---- day ----
# 2026-03-11: english 28 g + black 20 g (snacks):
#   english x 0.28: ALA = omega-3 9.08 x 0.28 = 2.5424 g (estimated), K 441 x
#     0.28 = 123.48 mg, 654 x 0.28 = 183.12 kcal, protein 15.23 x 0.28 = 4.2644 g
#   black x 0.2: ALA = omega-3 2.677 x 0.2 = 0.5354 g, K 104.6 mg, 123.8 kcal,
#     protein 4.812 g
#   total omega-3 2.5424 + 0.5354 = 3.0778 -> ~3.08 g, estimated (the english
#     part), 3.08 / 1.1 = 280 %; EPA+DHA 0 mg, never an estimate; K 228.08 ->
#     228 mg; B12 0, not estimated.
# 2026-03-10: black 30 g alone: omega-3 2.677 x 0.3 = 0.8031 -> 0.80 g,
#   K 156.9 -> 157 mg, nothing estimated.
nt add -m snack sr28:12155 28g >/dev/null
nt add -m snack sr28:12154 20g >/dev/null
nt add -d 2026-03-10 -m snack sr28:12154 30g >/dev/null
expect est-day 0 nt day
expect est-day-csv 0 nt day --csv
expect est-day-json 0 nt day --json
# The measured day alone: no mark, no legend, estimated "no" everywhere.
expect est-day-measured 0 nt day 2026-03-10
expect est-day-measured-csv 0 nt day --csv 2026-03-10

# ---- week and report ----
# Week 2026-W11: Tue 0.80 g (measured), Wed ~3.08 g (estimated); the average
# omega-3 (0.8031 + 3.0778) / 2 = 1.94045 -> ~1.94 g is estimated (it holds
# Wednesday's); K (156.9 + 228.08) / 2 = 192.49 -> 192 mg is not.  CSV
# appends partial (none) and estimated (omega3_g on Wed and the average).
expect est-week 0 nt week
expect est-week-csv 0 nt week --csv
expect est-week-json 0 nt week --json
expect est-report 0 nt report --from 2026-03-10 --to 2026-03-11
expect est-report-csv 0 nt report --csv --from 2026-03-10 --to 2026-03-11
expect est-report-json 0 nt report --json --from 2026-03-10 --to 2026-03-11

# ---- recipe ----
# A recipe with the english walnut has an estimated ALA: "Walnut mix", one
# serving of english 28 g + black 20 g = 48 g: omega-3 3.0778 g ~3.08 g; per
# 100 g ALA 3.0778 / 48 x 100 = 6.412083333 g, estimated (yes), and so
# omega-3; potassium (123.48 + 104.6) / 48 x 100 = 475.1666667 mg, not.
nt recipe new "Walnut mix" --servings 1 >/dev/null
nt recipe add recipe:1 sr28:12155 28g >/dev/null
nt recipe add recipe:1 sr28:12154 20g >/dev/null
expect est-recipe-show 0 nt recipe show recipe:1
expect est-recipe-food-csv 0 nt food --csv recipe:1

# ---- export and import ----
# export appends "estimated": ala_g on the english walnut's row, empty on the
# black walnut's; importing into an empty database and exporting again gives
# the same bytes (the column is read back, checked and follows the food).
expect est-export 0 nt export --from 2026-03-10 --to 2026-03-11
nt export --from 2026-03-10 --to 2026-03-11 -o "$WORK/j.csv" >/dev/null
"$NUTRACK_BIN" --db "$WORK/copy.db" import "$WORK/j.csv" >/dev/null
is "export -> import -> export keeps the estimated column" \
	"$("$NUTRACK_BIN" --db "$WORK/copy.db" export | cksum)" "$(cksum <"$WORK/j.csv")"
is "the copy's week marks the same estimate" \
	"$("$NUTRACK_BIN" --db "$WORK/copy.db" week --csv | cksum)" "$(nt week --csv | cksum)"
# A file that says another column is estimated is refused, naming the place.
printf 'date,meal,food_id,amount,grams,status,estimated\r\n2026-03-12,lunch,sr28:12155,1 oz,28,eaten,omega3\r\n' \
	>"$WORK/bad.csv"
expect est-import-bad 1 sh -c 'cd "$1" && "$2" --db "$3" import bad.csv' sh "$WORK" "$NUTRACK_BIN" "$DB"

done_testing
