#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# robust.sh - the TUI under hard conditions: an ASCII locale without colour,
# a 1x1 terminal, a second window on the same database, kill -9 and SIGTERM.
. "$NUTRACK_TESTS/tui/lib.sh"

nt profile --sex male --age 40 --diet omnivore >/dev/null
nt add --meal dinner sr28:15076 "1 fillet" >/dev/null

# ASCII locale and NO_COLOR: no UTF-8 bars, "ug" for micrograms.
new_server
tm -f /dev/null new-session -d -x 80 -y 24 \
	"env -u NUTRACK_DATA_DIR LANG=C LC_ALL=C NO_COLOR=1 '$TUI_BIN' --db '$DB'; echo \"exited \$?\"; sleep 60"
wait_for "ASCII locale starts" "Totals against targets"
wait_for "ASCII unit" "12.59 / 2.4 ug"
screen >"$WORK/ascii"
is "no UTF-8 on an ASCII terminal" "$(LC_ALL=C grep -c "$(printf '[\200-\377]')" "$WORK/ascii")" "0"
wait_for "ASCII bars" "[##########"
same_screen ascii-80x24

# Any size: down to 1x1 and back without crashing; below 40x12 only the
# "too small" line (as much of it as fits).
for size in "39 11 terminal too small" "20 6 terminal too small" "10 3 terminal" \
	"40 12 Totals against targets" "200 60 Totals against targets"; do
	set -- $size
	cols=$1 rows=$2
	shift 2
	tm resize-window -x "$cols" -y "$rows"
	wait_for "at ${cols}x${rows}: $*" "$*"
done
# 2x1 and 1x1: tmux may draw them late; what matters is that nutrack lives.
for size in "2 1" "1 1" "1 1"; do
	set -- $size
	tm resize-window -x "$1" -y "$2"
	sleep 0.2
done
tm resize-window -x 80 -y 24
wait_for "survives 1x1 and recovers" "Totals against targets"

# A second writer: the CLI adds while the TUI is open; the TUI notices,
# also when the change lands while the help is on top.
nt add --meal breakfast sr28:01123 "2 large" >/dev/null
wait_for "another process's change appears" "Egg, whole, raw, fresh"
keys '?'
wait_for "help opens" "Keys"
nt add --meal lunch sr28:09040 "1 medium" >/dev/null
sleep 1.5 # the TUI looks for outside changes once a second
keys Escape
wait_for "a change made under the help appears after it" "Bananas, raw"
keys q
wait_for "quits" "exited 0"

# kill -9 right after logging: what was shown as logged is in the database.
# "banana raw" is FNDDS's "Banana, raw" and SR28's "Bananas, raw" alike:
# the user logged the SR28 one above, so it comes first (their usual), with
# its first portion "1 cup, mashed = 225 g".
start 80 24
wait_for "starts again" "Totals against targets"
keys a
type_text "banana raw"
wait_for "banana found" "Bananas, raw"
keys Enter
wait_for "banana portions" "1 cup, mashed (225 g)"
keys Enter
wait_for "banana logged" "Logged 1 cup, mashed Bananas, raw"
pid=$(pgrep -f -n -- "$TUI_BIN --db $DB") || pid=""
kill -9 $pid 2>/dev/null
wait_exit "killed: exit status 137 (SIGKILL)" 137
nt day >"$WORK/day.txt"
is "the entry survived kill -9" "$(grep -c 'Bananas, raw' "$WORK/day.txt")" "2"

# The last day nutrack keeps: l, ] and w say so and stay (they wrapped to
# 9999-01-01); h moves back as usual.
start 100 30 NUTRACK_TODAY=9999-12-31
wait_for "starts on 9999-12-31" "9999-12-31"
keys l
wait_for "l on 9999-12-31 says it is the last day" "9999-12-31 is the last day nutrack keeps."
is "... and the day stays 9999-12-31 (not 9999-01-01)" \
	"$(screen | grep -c -e '9999-12-31 (today)' -e '9999-01-01')" 1
keys w
wait_for "w: the week would run past the last day" \
	"the week of 9999-12-31 runs past 9999-12-31, the last day nutrack keeps."
keys h
wait_for "h moves to 9999-12-30" "9999-12-30"
keys q
wait_for "quits" "exited 0"

# Every signal whose default action ends the process restores the terminal
# first: alternate screen left, mouse tracking off (SIGUSR1, SIGPIPE and
# SIGALRM used to leave both on).  Exit status 128 + the signal.
for sig in USR1 USR2 PIPE ALRM VTALRM PROF HUP RTMIN; do
	start 80 24
	wait_for "starts for SIG$sig" "Totals against targets"
	on=$(tm display -p '#{alternate_on} #{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}')
	pid=$(pgrep -f -n -- "$TUI_BIN --db $DB") || pid=""
	kill -s "$sig" $pid 2>/dev/null
	wait_for "SIG$sig: exits" "exited"
	screen >"$WORK/after"
	is "SIG$sig: the day view is gone" "$(grep -c 'Totals against targets' "$WORK/after")" 0
	is "SIG$sig: alternate screen and mouse tracking off (they were: $on)" \
		"$(tm display -p '#{alternate_on} #{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}')" \
		"0 000"
	is "SIG$sig: exit status 128 + the signal" "$(grep -c "exited $((128 + $(kill -l "$sig" 2>/dev/null || echo 0)))" "$WORK/after")" 1
done

# SIGTERM: a clean exit that restores the terminal.
start 80 24
wait_for "starts for SIGTERM" "Totals against targets"
pid=$(pgrep -f -n -- "$TUI_BIN --db $DB") || pid=""
kill -TERM $pid 2>/dev/null
wait_exit "SIGTERM exits"
screen >"$WORK/after"
is "terminal left the alternate screen" "$(grep -c 'Totals against targets' "$WORK/after")" "0"

# A large, estimated value keeps its column at 80 columns: 200 g of english
# walnuts (sr28:12155, ALA from 18:3) have ~18.16 g omega-3 (9.08 g / 100 g),
# shown ~18.2 in the 5-column field, so "K" lines up with the row below.
nt add -m dinner sr28:12155 '200 g' >/dev/null
nt add -m dinner sr28:15076 '200 g' >/dev/null
start 80 24
wait_for "the walnuts' omega-3 fits its column" "ω~18.2 K  882"
screen >"$WORK/cols"
is "the three dinner rows shown (the salmon fillet logged above too)" \
	"$(grep -c -E '(walnuts, english|Fish, salmon, Atlantic).* B12 ' "$WORK/cols")" "3"
is "K at the same column on every dinner row" \
	"$(grep -E '(walnuts, english|Fish, salmon, Atlantic).* B12 ' "$WORK/cols" | awk '{ print index($0, " K ") }' | sort -u | wc -l | tr -d ' ')" "1"
keys q
wait_exit "quits"

# The profile form edits the profile in force today, which it saves from
# today, even on a past day that had another: a woman pregnant from
# 2026-03-09 (the man of 40 before) looks at 2026-03-05 and opens the form.
nt profile --sex female --age 30 --stage pregnant --from 2026-03-09 >/dev/null
start 80 24
wait_for "today: pregnant" "female 30 y, pregnant, omnivore"
keys g
wait_for "go-to prompt" "Go to date"
type_text 2026-03-05
keys Enter
wait_for "a past day with the old profile" "male 40 y, omnivore"
keys p
wait_for "the form shows today's profile" "Life stage   pregnant"
keys Enter
wait_for "saved from today" "Profile saved from today; earlier days keep theirs."
is "still pregnant today" "$(nt profile | head -n 1)" "Profile: female, 30 years, pregnant, omnivore diet"
is "2026-03-05 keeps the man's targets (B12 RDA 2.4 ug)" \
	"$(nt day --csv 2026-03-05 | grep -c '^b12,ug,.*,2.4,')" "1"
keys q
wait_exit "quits after the form"

# A limit below the DRI target leaves potassium with a limit and no target:
# the week view gives the limit ("≤2000 mg"), never "nan".
nt target set potassium --max 2000 >/dev/null
start 100 30
wait_for "day view" "Totals against targets"
keys w
wait_for "the week's chart gives the limit" "Potassium ≤2000 mg"
screen >"$WORK/week"
is "the week's table gives it too" "$(grep -c 'Potassium .*OVR  *≤2000 mg' "$WORK/week")" "1"
is "no nan on the week view" "$(grep -c -w -i 'nan' "$WORK/week")" "0"
keys q
wait_for "back on the day" "Totals against targets"
keys q
wait_exit "quits after the week"

# Over that limit, a short nutrient whose every food has potassium gets a
# row saying so, not silence: 2 medium bananas (845 mg) and a large baked
# potato (1556 mg) on 2026-03-02 make 2401 mg > 2000 mg, and every fish for
# EPA+DHA has potassium.
nt target set potassium --max 2000 --from 2026-03-01 >/dev/null
nt add -d 2026-03-02 -m breakfast sr28:09040 '2 medium' >/dev/null
nt add -d 2026-03-02 -m lunch fndds:71100100 '1 large' >/dev/null
start 100 30
wait_for "day view" "Totals against targets"
keys g
wait_for "go-to prompt" "Go to date"
type_text 2026-03-02
keys Enter
wait_for "EPA+DHA held back by the limit" "EPA+DHA    none: each food that has it takes potassium past your 2000 mg"
keys q

done_testing
