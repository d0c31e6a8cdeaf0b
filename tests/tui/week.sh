#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# week.sh - the week view and the 12-week trend in the real TUI.
. "$NUTRACK_TESTS/tui/lib.sh"

# The journal of tests/cli/report.sh (values checked there by hand), a
# banana the week before and soy milk in week 8:
#   2026-03-10 salmon: B12 524 %, omega-3 726 %, EPA+DHA 2274 %, K 74 %
#   2026-03-11: B12 232 %, omega-3 240 %*, EPA+DHA 23 %*, K 20 %*
#   week average: B12 378 %, omega-3 483 %*, EPA+DHA 1148 %*, K 47 %* LOW
#   2026-03-04 banana 118 g: K 358 x 1.18 = 422.44 mg = 16 %, B12 0 %
#     so the change in K is 47 - 16 = +31 points, in B12 378 - 0 = +378
#   2026-02-17 soy milk 1 cup (243 g): B12 0.85 x 2.43 = 2.07 ug = 86 %
nt profile --sex female --age 34 --diet vegan >/dev/null
nt add --meal breakfast sr28:16139 250ml >/dev/null
nt add --meal lunch sr28:01123 "2 large" >/dev/null
nt add --meal dinner sr28:12220 "1 tbsp" >/dev/null
nt add --meal snack label:1 "1 tsp" >/dev/null
nt add --date 2026-03-10 --meal dinner sr28:15076 "1 fillet" >/dev/null
nt add --date 2026-03-04 --meal dinner sr28:09040 "1 medium" >/dev/null
nt add --date 2026-02-17 --meal breakfast sr28:16139 "1 cup" >/dev/null

start 80 24
wait_for "starts on the day" "Wednesday 2026-03-11 (today)"
keys w
wait_for "w opens the week" "Week 2026-W11  2026-03-09 to 2026-03-15"
wait_for "B12 by day, the average" "Vitamin B12      ·  524%  232%     ·     ·     ·     ·   378%        +378"
wait_for "potassium low, partial, +31" "Potassium        ·   74%  20%*     ·     ·     ·     ·   47%* LOW     +31"
wait_for "days logged, not zero" "2 of 7 days logged; averages leave out days not logged"
# The charts (80x24: 10 bar rows, 100 % at 7 rows, eighths = % x 7 x 8 / 100):
#   K Tue 74 % -> 41 eighths: 5 rows and a 1/8 block; Wed 20 % -> 11: 1 and 3/8
#   EPA+DHA Wed 23 % -> 12: 1 row and a half; B12 524 % runs off the top: a triangle
same_screen week-80x24

# The selected day moves; Enter opens it.
keys Left
keys Enter
wait_for "Enter opens the selected day" "Tuesday 2026-03-10"
wait_for "the salmon is there" "Fish, salmon"

# Weeks: ] and [; an empty week is not logged.
keys w ']'
wait_for "] next week" "Week 2026-W12  2026-03-16 to 2026-03-22"
wait_for "nothing logged" "0 of 7 days logged"
keys '[' '['
wait_for "[ previous week" "Week 2026-W10  2026-03-02 to 2026-03-08"
wait_for "the banana's potassium" "Potassium        ·     ·   16%     ·"
wait_for "B12 zero, not unknown" "Vitamin B12      ·     ·    0%     ·"

# The trend: twelve weeks to the week shown.
keys T
wait_for "T opens the trend" "Trend: 12 weeks to 2026-W10"
keys t
wait_for "t goes to this week" "Trend: 12 weeks to 2026-W11"
wait_for "weeks logged" "3 of 12 weeks logged"
wait_for "B12 met once: W11 378 %; W8 86 %, W10 0 %" "Vitamin B12 2.4 µg: met 1 of 3"
# Bars (7 rows, 100 % at 5 rows, eighths = % x 5 x 8 / 100):
#   B12 W8 86 % -> 34: 4 rows and 2/8; W10 0 % (the banana) an underscore
#   omega-3 W8 0.18 g = 16 % -> 6/8; W10 0.03 g = 2 % -> 0.8, shown as 1/8
#   K W8 296 mg = 11 % -> 4/8; W10 16 % -> 6/8; W11 47 % -> 2 rows and 2/8
same_screen trend-80x24
keys w
wait_for "w from the trend opens the week" "Week 2026-W11"

# The help comes back to the week.
keys '?'
wait_for "help lists the week's keys" "open the selected day"
keys Escape
wait_for "Esc returns to the week" "Week 2026-W11  2026-03-09 to 2026-03-15"

# Another nutrack logs a day, on the day (logged ahead it would be planned):
# the week follows within a second.
nt_on 2026-03-13 add --date 2026-03-13 --meal lunch sr28:09040 "1 medium" >/dev/null
wait_for "outside changes show" "3 of 7 days logged"

# A small terminal keeps the grid, without charts.
tm resize-window -x 40 -y 12
# Friday's banana: B12 0 %; the average of three days: (524 + 232 + 0) / 3
# is 252 % (from the rounded intakes: (12.59 + 5.57 + 0) / 3 = 6.05 ug).
wait_for "40x12: short names, no percent signs" "B12       · 524 232   ·  0%   ·   · 252"
tm resize-window -x 120 -y 40
wait_for "120x40: the targets column" "Target"

# Issue 13: a banana on Monday 04-06 (K 410.76 mg), only nutritional yeast
# on Tuesday (potassium unknown): the average is 411 / 1 day = 15 %, not
# 411 / 2 = 7 %, and the line under the grid says which averages cover
# fewer days than were logged (values in tests/cli/report.sh).
nt_on 2026-04-06 add --date 2026-04-06 fndds:63107010 "1 banana" >/dev/null
nt_on 2026-04-07 add --date 2026-04-07 label:1 "2 tbsp" >/dev/null
keys ']' ']' ']' ']'
wait_for "] to week 15" "Week 2026-W15  2026-04-06 to 2026-04-12"
wait_for "potassium over the day that has it" "Potassium      15%     ?     ·     ·     ·     ·     ·    15% LOW"
wait_for "days with a value" "2 of 7 days logged; days with a value: Omega-3 1, EPA+DHA 1, K 1, kcal 1"
keys '[' '[' '[' '['
wait_for "[ back to week 11" "Week 2026-W11  2026-03-09 to 2026-03-15"
keys Escape
wait_for "Esc goes back to the day" "Wednesday 2026-03-11"
keys q
wait_for "quits" "exited 0"

done_testing
