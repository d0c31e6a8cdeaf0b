#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# errors.sh - bad input gets one clear line, the right exit status, and
# leaves the database exactly as it was.
. "$NUTRACK_TESTS/cli/lib.sh"

nt add --meal breakfast sr28:01123 "2 large" >/dev/null
# custom:1 makes the bare code "1" ambiguous with label:1.
nt foods add "Oat bar" --serving 40 --unit bar --potassium 120 >/dev/null
before=$(snapshot)

expect err-no-food 1 nt add -m lunch xyzzyplugh 100g
expect err-unknown-id 1 nt add -m lunch sr28:99999 100g
expect err-ambiguous-code 1 nt add -m lunch 1 100g
expect err-amount-word 1 nt add -m lunch sr28:01123 lots
expect err-amount-no-unit 1 nt add -m lunch sr28:01123 5
expect err-amount-zero 1 nt add -m lunch sr28:01123 "0 g"
expect err-amount-negative 1 nt add -m lunch sr28:01123 -5g
expect err-amount-huge 1 nt add -m lunch sr28:01123 "1e9 kg"
expect err-amount-too-much 1 nt add -m lunch sr28:01123 "11 kg"
expect err-amount-unit 1 nt add -m lunch sr28:01123 "3 parsecs"
expect err-volume-no-portion 1 nt add -m lunch sr28:15076 "1 cup"
expect err-date-feb30 1 nt add --date 2026-02-30 -m lunch sr28:01123 100g
expect err-date-zero 1 nt add --date 0000-00-00 -m lunch sr28:01123 100g
expect err-date-word 1 nt add --date someday -m lunch sr28:01123 100g
expect err-meal 1 nt add --meal brunch sr28:01123 100g
expect err-add-one-arg 2 nt add sr28:01123
expect err-add-option 2 nt add --colour red sr28:01123 100g
expect err-add-missing-value 2 nt add sr28:01123 100g --meal
expect err-edit-missing 1 nt edit 42 100g
expect err-edit-bad-amount 1 nt edit 1 lots
expect err-rm-word 1 nt rm first
expect err-rm-missing 1 nt rm 42
expect err-day-bad-date 1 nt day 2026-13-01
expect err-day-two-dates 2 nt day today yesterday
expect err-week-bad-date 1 nt week 2026-02-29
expect err-foods-no-name 2 nt foods add
expect err-foods-bad-value 1 nt foods add "Bar" --b12 lots
expect err-foods-negative 1 nt foods add "Bar" --b12 -1
# 20 g ALA in a 10 g serving is 200 g per 100 g; 6 g ALA and 6 g EPA in
# 10 g are each possible but weigh 120 g per 100 g; a 1,000 ug B12 tablet of
# 100 mg (1 % B12) is a real supplement, not a typing error.
expect err-foods-impossible 1 nt foods add "Oil" --serving 10 --ala 20
expect err-foods-heavier 1 nt foods add "Oil" --serving 10 --ala 6 --epa 6
expect err-foods-potassium 1 nt foods add "Salt" --potassium 90000
expect err-foods-control 1 nt foods add "$(printf 'Bar\033]0;pwned\007')"
expect err-foods-unit-alone 2 nt foods add "Bar" --unit bar
expect err-control-chars 1 nt add -m lunch sr28:01123 "$(printf '1 large\033[2J')"
is "no failed command changed the database" "$(snapshot)" "$before"

# A file that is not a nutrack database is refused and left untouched.
printf 'not a database\n' >"$WORK/notes.txt"
expect err-not-a-database 1 "$NUTRACK_BIN" --db "$WORK/notes.txt" day
is "the foreign file is unchanged" "$(cat "$WORK/notes.txt")" "not a database"

done_testing
