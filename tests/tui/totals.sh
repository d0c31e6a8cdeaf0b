#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# totals.sh - the totals panel's second page: folate, folic acid and B6 (v).
. "$NUTRACK_TESTS/tui/lib.sh"

# Spinach, raw (sr28:11457) 200 g and POST Bran Flakes (sr28:08029) 1 cup
# = 40 g.  USDA per 100 g: spinach DFE 194 ug, folic acid 0, B6 0.195 mg;
# bran flakes DFE 1120 ug, folic acid 648 ug, B6 1.7 mg.
#   folate  194 * 2 + 1120 * 0.4 = 388 + 448 = 836 ug DFE: 209 % of 400
#   folic acid  648 * 0.4 = 259.2 ug, under the UL of 1000 ug
#   B6  0.195 * 2 + 1.7 * 0.4 = 0.39 + 0.68 = 1.07 mg: 82 % of 1.3
#   B12  bran flakes 5 ug * 0.4 = 2.00 ug: 83 % of 2.4, low while folate is
#   met, so the note on folic acid and B12 shows.
nt profile --sex female --age 30 --diet omnivore >/dev/null
nt add --meal breakfast sr28:08029 "1 cup" >/dev/null
nt add --meal lunch sr28:11457 200g >/dev/null

start 80 24
wait_for "starts on the day" "Wednesday 2026-03-11 (today)"
wait_for "the headline first" "Vitamin B12"
keys v
wait_for "v shows folate" "Folate (DFE)"
wait_for "... 836 of 400 ug DFE" "836 / 400 µg"
wait_for "... 209 %" "209%"
wait_for "folic acid against its upper limit" "259 µg, max 1000"
wait_for "B6 short" "1.07 / 1.3 mg"
screen | grep -q "Vitamin B6 .*82% LOW" && tap_ok "... 82 % LOW" || tap_not_ok "... 82 % LOW" "$(screen)"
wait_for "the note on folic acid and B12" "Folic acid can hide a B12 deficiency's anaemia"
wait_for "the message says how to go back" "v: back to the headline"
keys v
wait_for "v again: the headline" "Totals: B12, omega-3, EPA+DHA, potassium and energy."
screen | grep -q "Folate (DFE)" && tap_not_ok "folate gone" "$(screen)" || tap_ok "folate gone"
wait_for "B12 bar back" "2.00 / 2.4 µg"
keys q
wait_for "quits cleanly" "exited 0"

done_testing
