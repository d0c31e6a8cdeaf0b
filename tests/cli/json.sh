#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json.sh - --json: each command's shape, unknown as null, strings escaped,
# and the output parses as JSON.
. "$NUTRACK_TESTS/cli/lib.sh"

# expect_json NAME COMMAND...: expect NAME 0 COMMAND, and the output parses.
expect_json() {
	name=$1
	shift
	expect "$name" 0 "$@"
	if python3 -m json.tool "$WORK/raw.out" >/dev/null 2>"$WORK/parse.err"; then
		tap_ok "$name parses"
	else
		tap_not_ok "$name parses" "$(cat "$WORK/parse.err")"
	fi
}

# value_of EXPR: a Python expression of the last output, d, as JSON
# ("d['a'][0]").
value_of() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(json.dumps(eval(sys.argv[2])))' "$WORK/raw.out" "$1"
}

nt profile --sex female --age 34 --diet vegan >/dev/null
nt add --meal breakfast sr28:16139 250ml >/dev/null
# label:1, the nutritional yeast, has no potassium or omega-3 value: unknown.
nt add --meal snack label:1 "1 tsp" >/dev/null
nt add --date 2026-03-10 --meal dinner sr28:15076 "1 fillet" >/dev/null 2>&1

# Day 2026-03-11 (as in report.sh): B12 2.18259 + 2.5005 = 4.68 ug; potassium
# 313 mg from the soy milk alone, partial: the yeast's is unknown, so the
# entry's potassium_mg is null and the total lists it as partial.
expect_json day-json nt day --json
is "an unknown value is null" "$(value_of "d['entries'][1]['potassium_mg']")" null
is "a partial total is flagged" "$(value_of "d['totals'][4]['partial']")" true
expect_json day-empty-json nt day --json 2026-03-13
expect day-json-csv 2 nt day --json --csv

# Week 2026-W11: 03-10 (salmon) and 03-11; the other days are null.
expect_json week-json nt week --json
is "a day not logged is null, not 0" "$(value_of "d['per_day'][0]['b12_ug']")" null
expect week-json-csv 2 nt week --csv --json
expect_json report-json nt report --json --from 2026-03-09 --to 2026-03-12
expect_json report-format-json nt report --format json --from 2026-03-09 --to 2026-03-12
# -o writes the same object to a file.
expect report-json-file 0 nt report --json -o "$WORK/report.json" --from 2026-03-09 --to 2026-03-12
is "report -o FILE: the same JSON as on standard output" \
	"$(cmp "$WORK/report.json" "$EXPECTED/report-json.out" && echo same)" same
expect report-json-csv 2 nt report --json --csv
expect report-json-format 2 nt report --json --format html

# search: per 100 g as the source gave it, and per portion; the yeast's
# potassium is unknown: null.
expect_json search-json nt search --json --limit 3 nutritional yeast
is "search: an unknown value per 100 g is null" \
	"$(value_of "[f['per_100g']['potassium_mg'] for f in d['foods'] if f['id'] == 'label:1']")" \
	"[null]"
expect search-json-csv 2 nt search --json --csv salmon
# Nothing matches: the object with no foods, and status 1 as with --csv.
expect search-json-none 1 nt search --json zzqqx
# Strings are escaped: quotes and backslash; a control character in the
# query as \u00XX; a byte that is not UTF-8 as \ufffd; UTF-8 passed through.
nt foods add 'Joé "best" back\slash bar' --b12 1 --serving 40 --unit bar >/dev/null
expect_json search-json-escapes nt search --json "$(printf 'best\tbar\001')"
is "a name with quotes and a backslash reads back" "$(value_of "d['foods'][0]['name']")" \
	'"Jo\u00e9 \"best\" back\\slash bar"'
expect_json search-json-bad-utf8 nt search --json "$(printf 'best \377bar')"

# food: every measure per 100 g, null where the source has none.
expect_json food-json nt food --json label:1
is "food: unknown potassium is null" "$(value_of "d['per_100g']['potassium_mg']")" null
expect_json food-json-salmon nt food --json sr28:15076
expect food-json-csv 2 nt food --csv --json label:1

# top: the CSV's rows as objects.
expect_json top-json nt top --json --limit 3 b12
expect top-json-csv 2 nt top --json --csv b12

# suggest: the day's shortfalls (omega-3, EPA+DHA, potassium; B12 is met)
# with the foods that close them; and the week's.
expect_json suggest-json nt suggest --json --limit 1
is "suggest: the shortfalls" \
	"$(value_of "[s['nutrient'] for s in d['shortfalls']]")" '["omega3", "epa_dha", "potassium"]'
expect_json suggest-week-json nt suggest --json --week --limit 1 2026-03-11
expect suggest-json-csv 2 nt suggest --csv --json

# plan: a day of meals for the vegan profile, and its shopping list.
expect_json plan-json nt plan --json 2026-03-12
expect_json plan-shopping-json nt plan --json --shopping 2026-03-12
expect plan-json-csv 2 nt plan --json --csv

# profile: who the targets are for and the targets; a baby of 0-6 months has no
# EPA+DHA target here: null, as are its type and source.
expect_json profile-json nt profile --json
expect_json profile-infant-json nt --db "$WORK/infant.db" profile --json --sex male --age 0.2
is "profile: no target is null" "$(value_of "d['targets'][2]['value']")" null

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
