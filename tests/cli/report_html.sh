#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# report_html.sh - the HTML report a person brings to a clinician: the whole
# page against a golden file, and its structure checked by a parser.
. "$NUTRACK_TESTS/cli/lib.sh"

nt profile --sex female --age 34 --diet vegan >/dev/null
nt foods add "Home crackers <&> \"salt\"" --potassium 100 >/dev/null

# Week 2026-W10, Monday 03-02 to Sunday 03-08 (today is 03-11):
#   Mon 03-02  soy milk 250 ml (breakfast, B12 2.18259) and nutritional
#              yeast 1 tsp (snack, 2.5005): B12 4.68 ug = floor(468 / 2.4)
#              = 195 %; absorbed, a meal one sitting: 1.10221 + 1.26275 =
#              2.36 ug; fortified foods at two meals, 4.68 >= 3 ug: a
#              fortified day
#   Tue 03-03  a banana only: B12 0.00, a logged zero (the zero mark)
#   Wed 03-04  the crackers only (potassium 100 mg/100 g x 30 g = 30 mg):
#              B12 unknown (marked unknown, not zero); absorbed unknown
#   Thu 03-05  not logged
#   Fri 03-06  a banana and the yeast at breakfast: B12 2.50, one meal, so
#              not a fortified day; potassium 411* (the yeast has none)
#   Sat, Sun   not logged
# 4 days logged, 1 fortified day: no routine matches.  Lab results as
# entered: 03-04 serum B12 300 pg/mL (x 0.7378 = 221 pmol/L, borderline),
# 03-06 homocysteine 12.5 umol/L; 02-02's MMA is outside the range.
nt add -d 2026-03-02 --meal breakfast sr28:16139 250ml >/dev/null
nt add -d 2026-03-02 --meal snack label:1 "1 tsp" >/dev/null
nt add -d 2026-03-03 --meal lunch fndds:63107010 "1 banana" >/dev/null
nt add -d 2026-03-04 --meal snack "Home crackers <&> \"salt\"" 30g >/dev/null
nt add -d 2026-03-06 --meal breakfast fndds:63107010 "1 banana" >/dev/null
nt add -d 2026-03-06 --meal breakfast label:1 "1 tsp" >/dev/null
nt lab add --date 2026-03-04 b12 300 pg/mL >/dev/null
nt lab add --date 2026-03-06 homocysteine 12.5 umol/L >/dev/null
nt lab add --date 2026-02-02 mma 310 nmol/L >/dev/null

expect report-html-page 0 nt report --format html --from 2026-03-02 --to 2026-03-08
nt report --format html --from 2026-03-02 --to 2026-03-08 -o "$WORK/w.html" >/dev/null

if ! command -v python3 >/dev/null; then
	echo "# python3 not found: the structure checks are skipped"
	done_testing
	exit 0
fi

# check LABEL PYTHON-EXPRESSION: true on the page (page: its text; root:
#   its parsed tree; g(m, day): the chart group of measure m on a day).
check() {
	if python3 - "$WORK/w.html" "$2" <<'EOF'; then
import sys
import xml.etree.ElementTree as ET

page = open(sys.argv[1], encoding="utf-8").read()
root = ET.fromstring(page)  # well-formed, or this fails
NS = "{http://www.w3.org/2000/svg}"

def charts():
    return [f for f in root.iter("figure") if f.get("class") == "chart"]

def days(fig):
    return [g for g in fig.iter("g") if g.find("title") is not None]

def g(m, day):
    fig = [f for f in charts() if f.get("data-measure") == m][0]
    return [x for x in days(fig) if day in x.find("title").text][0]

def classes(el):
    return {c for e in el.iter() for c in (e.get("class") or "").split()}

def texts(el):
    return [e.text for e in el.iter("text")]

sys.exit(0 if eval(sys.argv[2]) else 1)
EOF
		tap_ok "$1"
	else
		tap_not_ok "$1" "$2"
	fi
}

check "well-formed, no script, no external reference" \
	'"<script" not in page.lower() and "http" not in page.replace("http://www.w3.org/2000/svg", "")'
check "six charts, one column per day" \
	'len(charts()) == 6 and all(len(days(f)) == 7 for f in charts())'
check "... B12, omega-3, EPA+DHA, potassium, then folate and B6 (folic acid has a limit only)" \
	'[f.get("data-measure") for f in charts()] == ["b12", "omega3", "epa_dha", "potassium", "folate", "b6"]'
check "the zero day has a zero mark" \
	'"zero" in classes(g("b12", "Tue 3 Mar")) and "0" in texts(g("b12", "Tue 3 Mar"))'
check "the unknown day is marked unknown, not zero" \
	'"unk" in classes(g("b12", "Wed 4 Mar")) and "?" in texts(g("b12", "Wed 4 Mar")) and "zero" not in classes(g("b12", "Wed 4 Mar"))'
check "a day not logged has no bar and a not-logged mark" \
	'classes(g("b12", "Thu 5 Mar")) == {"nl", "nlm"} and "not logged" in g("b12", "Thu 5 Mar").find("title").text'
check "a bar over 150% says its percent" \
	'"195%" in texts(g("b12", "Mon 2 Mar"))'
check "dates under the bars" \
	'all(d in texts(charts()[0]) for d in ("2 Mar", "5 Mar", "8 Mar"))'
check "the y axis in percent of target" \
	'all(t in texts(charts()[0]) for t in ("0%", "50%", "100%", "150%"))'
check "the partial day is marked" \
	'"part" in classes(g("potassium", "Fri 6 Mar"))'
# The banana's ALA is estimated from 18:3 (tests/cli/estimates.sh): its
# omega-3, 0.03 g, is marked ~ as in the text report.
check "an estimate is marked" \
	'"~</span>0.03</td>" in page and "~0.03 g (estimated" in page'
check "the lab value on the time axis, as entered" \
	'any("300 pg/mL" == t.strip() for f in root.iter("figure") if f.get("class") == "labaxis" for t in texts(f))'
check "the lab table: as entered and converted" \
	'"300 pg/mL</td><td>221 pmol/L</td>" in page and "12.5 umol/L" in page and "310 nmol/L" not in page'
check "B12 eaten and absorbed per day" \
	'"<td class=\"date\">Mon 2 Mar 2026</td><td>4.68</td><td>2.36</td>" in page'
check "the week's B12 routine" \
	'"2026-W10" in page and "none matched" in page'
check "targets with type and source" \
	'"<td>Vitamin B12</td><td>2.4 \u00b5g</td><td class=\"l\">RDA</td>" in page and "IOM/NASEM DRI" in page'
check "a tracker, not a diagnosis" \
	'"a tracker, not a diagnosis" in page'
check "user text is escaped" \
	'"<&>" not in page'

done_testing
