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

done_testing
