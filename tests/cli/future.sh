#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# future.sh - a future day's entries are planned, eat waits for the day,
# uneat turns eaten entries back into planned ones, and import keeps the
# file's status as written.
. "$NUTRACK_TESTS/cli/lib.sh"

# Today is Wednesday 2026-03-11 (NUTRACK_TODAY); +9 is Friday 2026-03-20.
# sr28:01123 egg, "2 large" = 2 * 50 g = 100 g: B12 0.89 ug; omega-3 0.036 +
#   0.000 + 0.058 + 0.007 = 0.101 -> 0.10 g; potassium 138 mg.
expect add-future 0 nt add -d +9 -m lunch 01123 "2 large"
expect add-today 0 nt add -m lunch 01123 "2 large"
expect add-yesterday 0 nt add -d yesterday -m lunch 01123 "2 large"
# --planned still plans today's food.
expect add-planned-today 0 nt add --planned -m dinner 01123 "2 large"
expect export-added 0 nt export

# Eating on a future day is refused and changes nothing: the entry (#1), and
# the day.  Eating an eaten entry (#2) is an error too.
nt export >"$WORK/before.csv"
expect eat-future 1 nt eat 1
expect eat-future-day 1 nt eat +9
expect eat-eaten 1 nt eat 2
nt export >"$WORK/after.csv"
is "refused eats change nothing" "$(cmp "$WORK/before.csv" "$WORK/after.csv" && echo same)" same
# On the day it is eaten.
expect eat-on-the-day 0 nt_on 2026-03-20 eat 1
# Today's planned dinner (#4) can be eaten today.
expect eat-today 0 nt eat 4

# uneat: eaten entries back to planned, all or none.
expect uneat-two 0 nt uneat 2 '#3'
expect uneat-again 1 nt uneat 2
nt export >"$WORK/before.csv"
# #1 is eaten, #3 planned already: nothing changes, #1 stays eaten.
expect uneat-one-planned 1 nt uneat 1 3
expect uneat-missing 1 nt uneat 1 99
nt export >"$WORK/after.csv"
is "refused uneats change nothing" "$(cmp "$WORK/before.csv" "$WORK/after.csv" && echo same)" same
expect uneat-nothing 2 nt uneat
expect uneat-not-a-number 1 nt uneat soup
expect uneat-help 0 nt uneat --help
expect export-after 0 nt export

# Moving an eaten entry (yesterday's #3... eaten again first) to a future day
# plans it, and says so; moving it back keeps it planned until eaten.
nt eat 3 >/dev/null
expect future-edit-ahead 0 nt edit 3 --date +2
expect future-edit-back 0 nt edit 3 --date yesterday
# Copies onto a future day cannot be eaten yet, as eat says; nothing is copied.
expect future-copy-eaten-ahead 1 nt copy --eaten yesterday +2
expect future-export-after-edit 0 nt export --from 2026-03-10 --to 2026-03-13

# Import keeps the file's status as written, on a future day too: the file
# is a record (export, import, export gives the same bytes).  An eaten row
# on 2026-03-25 and a planned one on 2026-03-26.
head -n 1 "$WORK/after.csv" >"$WORK/future.csv"
grep ',eaten,' "$WORK/after.csv" | head -n 1 | sed 's/^[0-9-]*,/2026-03-25,/' >>"$WORK/future.csv"
grep ',planned,' "$WORK/after.csv" | head -n 1 | sed 's/^[0-9-]*,/2026-03-26,/' >>"$WORK/future.csv"
other() { "$NUTRACK_BIN" --db "$WORK/other.db" "$@"; }
expect import-future 0 other import "$WORK/future.csv"
other export >"$WORK/again.csv"
is "import keeps eaten and planned as written" \
	"$(cmp "$WORK/future.csv" "$WORK/again.csv" && echo same)" same
# uneat turns the entry eaten ahead back into a planned one.
expect uneat-imported 0 other uneat 1
expect export-imported 0 other export

done_testing
