#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# plan.sh - suggestions and planned entries in the real TUI.
. "$NUTRACK_TESTS/tui/lib.sh"

nt profile --sex female --age 34 --diet vegan >/dev/null
nt add --meal breakfast fndds:11320100 "1 cup" >/dev/null

start 100 30
wait_for "starts on the day" "Wednesday 2026-03-11 (today)"
# Soy milk alone: every target short; the panel lists the best food for
# each (the same ranking as 'nutrack suggest'): B12 from nutritional yeast.
wait_for "the suggestions panel" "Suggestions (Enter logs one"
wait_for "B12: nutritional yeast" "2 tbsp Nutritional yeast flakes"
# Potassium: a small baked potato, 230 g: 533 * 2.3 = 1226 mg (FNDDS 71508001).
wait_for "potassium: a baked potato" "1 small Potato, baked, peel eaten"
# Lunch, then the suggestions: Enter logs the first one to lunch.
keys Home j j s
keys Enter
wait_for "a suggestion is logged" "Logged 2 tbsp Nutritional yeast flakes, fortified"
nt day --csv >"$WORK/day.csv"
# B12 0.9516 + 15 = 15.95 ug.
is "the yeast is in the database" "$(grep '^b12,' "$WORK/day.csv" | tr -d '\r')" \
	"b12,ug,15.95,2.4,664,ok,no,no"

# Tomorrow: what is logged is planned; x cannot mark it eaten before the day.
keys l
wait_for "tomorrow" "Thursday 2026-03-12"
keys a
type_text "banana raw"
wait_for "banana" "Banana, raw"
keys Enter
wait_for "portions" "1 banana (126 g)"
keys Enter
wait_for "planned, not eaten" "Planned 1 banana Banana, raw at breakfast"
wait_for "shown as planned" "(planned) Banana, raw"
wait_for "not in the eaten totals" "Nothing eaten logged this day"
# banana 126 g: potassium 326 * 1.26 = 411 mg, 15 % of 2600 (FNDDS 63107010)
wait_for "the planned total beside" "with planned: B12 0%  ω-3 2%  K 15%"
keys Home j x
wait_for "eating tomorrow is refused" "a future day: it can be marked eaten on the day"
wait_for "it stays planned" "(planned) Banana, raw"
# Today x toggles: the eaten soy milk is planned again, then eaten; u undoes.
keys t
wait_for "back to today" "Wednesday 2026-03-11 (today)"
keys Home j x
wait_for "planned again" "Planned again Soy milk, unsweetened"
wait_for "shown as planned" "(planned) Soy milk, unsweetened"
keys x
wait_for "eaten again" "Ate Soy milk, unsweetened"
keys u
wait_for "undo makes it planned again" "(planned) Soy milk, unsweetened"
keys q
wait_for "quits" "exited 0"
is "the banana is planned in the database" \
	"$(nt day --csv 2026-03-12 | grep '^potassium,' | tr -d '\r')" \
	"potassium,mg,,2600,,unknown,no,no"
# B12: only the yeast, 15 ug, is eaten today (625 %); the soy milk is planned.
is "the soy milk is planned in the database" \
	"$(nt day --csv | grep '^b12,' | tr -d '\r')" "b12,ug,15.00,2.4,625,ok,no,no"

done_testing
