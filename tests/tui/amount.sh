#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# amount.sh - the suggested amount is selected (typing replaces it, cursor
# keys edit it, Ctrl-U clears it) in Add and Edit; q and Esc leave the
# first-run form; a terminal that cannot move the cursor gets the day as
# text.
. "$NUTRACK_TESTS/tui/lib.sh"

# First run: q leaves the profile form, as s does.
start 80 24
wait_for "first run asks for the profile" "Welcome to nutrack"
keys q
wait_for "q skips the form" "No profile: using adult female targets"
wait_for "the day" "(nothing logged; Enter adds)"

# Add: the first portion is suggested, selected; the first key replaces it.
# fndds:11360200 oat milk, "1 cup = 244 g": 250 ml = 250 * 244 / 236.5882365
# = 257.8 g.
keys a
wait_for "search opens" "Add to Breakfast"
type_text "oat milk"
wait_for "oat milk found" "Oat milk"
keys Enter
wait_for "the suggested amount" "Amount:  1 cup"
type_text "250ml"
wait_for "typing replaces the suggestion" "Amount:  250ml"
wait_for "... and weighs it" "= 257.8 g"
keys Enter
wait_for "logged as typed" "Logged 250ml Oat milk at breakfast."

# Edit: the entry's amount is suggested the same way.  300 ml = 309.4 g.
keys Home j e
wait_for "edit opens" "Change amount in Breakfast"
wait_for "the amount to change" "Amount:  250ml"
type_text "300 ml"
wait_for "typing replaces it in Edit too" "= 309.4 g"
keys Enter
wait_for "changed" "Changed Oat milk to 300 ml"

# Cursor keys keep the suggested text to edit: "300 ml", Home, Delete ->
# "00 ml", "2" typed at the cursor -> "200 ml" = 200 * 244 / 236.5882365 =
# 206.3 g.
keys Home j e
wait_for "edit opens again" "Amount:  300 ml"
keys Home Delete
type_text "2"
wait_for "Home, Delete and typing edit in place" "Amount:  200 ml"
wait_for "... weighed" "= 206.3 g"
# End and Left: "200 ml" -> End Left Left BSpace -> "200ml"
keys End Left Left BSpace
wait_for "End, Left and Backspace" "Amount:  200ml"
# Ctrl-U clears; then "1 cup" = 244.0 g.
keys C-u
type_text "1 cup"
wait_for "Ctrl-U clears" "= 244.0 g"
keys Escape
wait_for "Esc leaves the edit" "Snacks"

# The mouse: a click selects a row, a second on it acts as Enter (the day's
# Lunch title at row 3; the first result at row 3 of the search).  Esc from
# the amount goes back to the results, the query as typed.
click 5 3
click 5 3
wait_for "a click twice on Lunch adds to it" "Add to Lunch"
type_text "oat milk"
wait_for "oat milk found again" "Oat milk"
click 5 3
click 5 3
wait_for "a click twice on a result asks its amount" "Amount:  1 cup"
keys Escape
wait_for "Esc goes back to the results" "Search:  oat milk"
keys Escape
wait_for "Esc again goes back to the day" "Snacks"
keys q
wait_for "quits" "exited 0"

# A terminal that cannot move the cursor: a line saying so and the day as text.
start 80 50 TERM=dumb
wait_for "says why" "TERM=dumb cannot move the cursor"
wait_for "the day as text" "Nutrient          Intake"
wait_for "exits" "exited 0"

# A terminal type the system does not know: the same.
start 80 50 TERM=nt-no-such-terminal
wait_for "says why" "TERM=nt-no-such-terminal is a terminal type this system does not know"
wait_for "the day as text, again" "Nutrient          Intake"
wait_for "exits again" "exited 0"

nt day >"$WORK/day.txt"
is "the database holds the oat milk as changed" \
	"$(grep -c '300 ml = 309.4 g' "$WORK/day.txt")" "1"

# Esc leaves the first-run form too (a new database: a first run again).
DB=$WORK/esc.db
start 80 24
wait_for "a new first run asks for the profile" "Welcome to nutrack"
keys Escape
wait_for "Esc skips the form" "No profile: using adult female targets"
keys q
wait_for "quits from the day" "exited 0"

done_testing
