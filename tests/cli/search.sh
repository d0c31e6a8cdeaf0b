#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# search.sh - food search and the food detail view against USDA's values.
. "$NUTRACK_TESTS/cli/lib.sh"

# The everyday food first: a whole egg, not egg noodles or egg dishes.
expect search-egg-csv 0 nt search --csv --limit 3 egg
# Salmon fillets before salmonberries; text output with per-portion values.
# fndds:26137120 per 100 g: B12 3.87, omega-3 = 18:3 0.148 + EPA 0.687 +
# DHA 1.457 + DPA 0.396 = 2.688, K 452; its first portion "1 cup = 135 g":
# B12 3.87 * 1.35 = 5.22, omega-3 3.63, K 610.
expect search-salmon 0 nt search --limit 2 salmon
# Fortified foods are findable by everyday words.
expect search-fortified-soy 0 nt search --csv --limit 3 fortified soy milk
expect search-yeast 0 nt search --csv nutritional yeast
# Case, accents and prefixes do not matter.
nt search --csv --limit 1 SALMON >"$WORK/a"
nt search --csv --limit 1 salm >"$WORK/b"
is "case- and prefix-insensitive" "$(cksum <"$WORK/a")" "$(cksum <"$WORK/b")"
nt search --csv --limit 3 "crème brûlée" >"$WORK/a"
nt search --csv --limit 3 creme brulee >"$WORK/b"
is "accent-insensitive" "$(cksum <"$WORK/a")" "$(cksum <"$WORK/b")"
# Query syntax of the search engine is inert: these are the words salmon,
# or, near; no food has all three, so the foods with all but one are
# listed, and said to be ("baked or broiled" salmon has salmon and or).
expect search-syntax 0 nt search 'salmon" OR NEAR(*'
expect search-nothing 1 nt search xyzzyplugh
expect search-no-words 2 nt search
expect search-bad-limit 2 nt search --limit 0 egg

# The food view gives USDA's numbers for that id exactly (sr28:15076:
# B12 3.18, ALA 0.295 from 18:3, EPA 0.321, DHA 1.115, DPA 0.287, K 490;
# omega-3 2.018; EPA+DHA 1436 mg; added B12 not given = unknown).
expect food-salmon 0 nt food sr28:15076
expect food-salmon-csv 0 nt food --csv 15076
expect food-egg-padded 0 nt food --csv sr28:1123
expect food-fndds-csv 0 nt food --csv fndds:11320000
expect food-unknown 1 nt food sr28:99999
expect food-bad-id 1 nt food salmon
expect food-no-id 2 nt food

done_testing
