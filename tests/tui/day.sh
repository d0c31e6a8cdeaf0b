#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# day.sh - a day of logging in the real TUI: profile, two foods through
# search and the portion picker, edit, delete, undo, days, resize, quit.
. "$NUTRACK_TESTS/tui/lib.sh"

start 100 30
wait_for "first run asks for the profile" "Welcome to nutrack"
type_text 34
keys Down Down Right Right Enter
wait_for "profile saved" "female 34 y, vegan"
wait_for "today is shown" "Wednesday 2026-03-11 (today)"

# Breakfast: soy milk through search; the first portion is "1 cup = 244 g".
keys a
wait_for "search opens for breakfast" "Add to Breakfast"
type_text "soy milk"
wait_for "results update as you type" "Soy milk, unsweetened"
keys Enter
wait_for "amount picker lists USDA portions" "1 fl oz (30.5 g)"
wait_for "preview of what the entry adds" "adds to the day"
keys Down Up Enter
wait_for "soy milk logged" "Logged 1 cup Soy milk, unsweetened at breakfast"

# Lunch: Enter on the meal opens the search; salmon (FNDDS's "Fish, salmon,
# NFS", the salmon when nothing more is said: its values are those of baked
# or broiled salmon) with the second portion, "1 large fillet = 210 g".  The
# profile is vegan: the fish is marked, and logged with a word about it.
keys Home j j Enter
wait_for "search opens for lunch" "Add to Lunch"
type_text "salmon"
wait_for "salmon found" "Fish, salmon, NFS [not vegan: fish]"
keys Enter
wait_for "salmon portions" "1 large fillet (210 g)"
keys Down Enter
wait_for "salmon logged" "Logged 1 large fillet Fish, salmon, NFS at lunch; it contains fish:"

# Edit the salmon (Home, Breakfast, soy milk, Lunch, salmon) to 100 g.
keys Home j j j e
wait_for "edit opens with the amount" "Change amount in Lunch"
keys C-u
type_text "100 g"
wait_for "edit preview" "= 100.0 g"
keys Enter
wait_for "edited" "Changed Fish, salmon, NFS to 100 g"

# Delete the soy milk, then undo.
keys Home j d
wait_for "deleted" "Deleted Soy milk, unsweetened"
keys u
wait_for "undone" "Undid deleting Soy milk, unsweetened"

# Move between days.
keys Left
wait_for "previous day" "Tuesday 2026-03-10"
keys Right Right
wait_for "next day" "Thursday 2026-03-12"
keys g
wait_for "go-to prompt" "Go to date"
type_text 2026-03-01
keys Enter
wait_for "went to a date" "Sunday 2026-03-01"
keys t
wait_for "back to today" "Wednesday 2026-03-11 (today)"

# Resize below the minimum and back.
tm resize-window -x 20 -y 6
wait_for "too small" "terminal too small"
tm resize-window -x 100 -y 30
wait_for "recovers after resize" "Totals against targets"
same_screen day-100x30

keys q
wait_for "quits cleanly" "exited 0"

# The database: soy milk 1 cup (244 g) and salmon 100 g.
#   B12 0.39 * 2.44 + 3.87 = 4.82 ug (200 %); omega-3 0.166 * 2.44 + (0.315 +
#   0.86 + 1.132 + 0.381) = 0.405 + 2.688 = 3.09 g; EPA+DHA (0.86 + 1.132) *
#   1000 = 1992 mg; potassium 158 * 2.44 + 452 = 838 mg; energy 38 * 2.44 +
#   274 = 367 kcal; protein 3.55 * 2.44 + 25.4 = 34.1 g.  The soy milk's ALA
#   (fndds:11320100, ala_from_18_3 = 1) is an estimate: omega-3 is estimated.
#   Absorbed B12, a
#   sitting per meal: breakfast 0.9516 -> 0.4758 + 0.0048 = 0.4806; lunch
#   3.87 -> 1.5 + 0.01 * 2.37 = 1.5237; 2.00 ug = 166 % of 1.2.  Folate
#   (DFE) 20 * 2.44 + 23 = 71.8 ug, 18 % of 400; no folic acid (0, under the
#   1000 ug UL); B6 0.055 * 2.44 + 0.733 = 0.867 mg, 66 % of 1.3.
nt day --csv >"$WORK/day.csv"
is "day totals in the database" "$(tr -d '\r' <"$WORK/day.csv")" "nutrient,unit,intake,target,percent,status,partial,estimated
b12,ug,4.82,2.4,200,ok,no,no
b12_absorbed,ug,2.00,1.2,166,ok,no,no
omega3,g,3.09,1.1,280,ok,no,yes
epa_dha,mg,1992,250,796,ok,no,no
potassium,mg,838,2600,32,low,no,no
energy,kcal,367,,,,no,no
protein,g,34.1,,,,no,no
folate,ug,72,400,18,low,no,no
folic_acid,ug,0,,,ok,no,no
b6,mg,0.87,1.3,66,low,no,no"

done_testing
