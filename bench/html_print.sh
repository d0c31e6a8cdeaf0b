#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/html_print.sh - prints `nutrack report --format html` with headless
# Chromium on A4 and Letter and checks the page fits: from a generated
# journal (28 days with a zero day, an unknown day, days not logged and lab
# results; and a year from bench/journal.sql when sqlite3 is there) it
# writes the reports, a screenshot of each (PNG), a PDF per paper size and
# the page count of each (pdfinfo, else the "/Type /Page" entries), and
# fails when a chart, or anything, is wider than the paper's content width
# (measured by Chromium at that width) or a PDF word lies outside the page's
# margins.  Needs chromium (apt-get install chromium) and python3;
# poppler-utils (pdfinfo, pdftotext) for the exact page count and the word
# check.  Usage: bench/html_print.sh [OUTDIR] (default: a new temporary one,
# kept).  NUTRACK_BIN (default ./nutrack), NUTRACK_DATA_DIR (default data/).
set -eu
: "${NUTRACK_BIN:=./nutrack}"
: "${NUTRACK_DATA_DIR:=$(dirname "$0")/../data}"
: "${CHROMIUM:=chromium}"
export NUTRACK_DATA_DIR
export NUTRACK_TODAY=2026-03-11 LC_ALL=C.UTF-8 TZ=UTC
command -v "$CHROMIUM" >/dev/null ||
	{ echo "html_print: $CHROMIUM is needed (apt-get install chromium)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "html_print: python3 is needed" >&2; exit 1; }
NUTRACK_BIN=$(command -v "$NUTRACK_BIN")
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/nt-html.XXXXXX")}
mkdir -p "$out"
out=$(cd "$out" && pwd)
fail=0

nt() { "$NUTRACK_BIN" --db "$db" "$@"; }

# 28 days to 2026-03-11: a soy milk breakfast and a potato dinner most days,
# nutritional yeast on Mondays, salmon on Fridays; every fifth day not
# logged; 02-20 a banana only (zero B12), 02-21 crackers of one's own
# (B12 unknown); lab results on 02-16, 02-27 and 03-09.
db=$out/month.db
rm -f "$db"
nt profile --sex female --age 34 --diet vegan >/dev/null
nt foods add "Home crackers" --potassium 100 >/dev/null
i=0
while [ $i -lt 28 ]; do
	day=$(date -u -d "2026-03-11 -$i days" +%F)
	i=$((i + 1))
	case $day in
	2026-02-20) nt add -d "$day" fndds:63107010 "1 banana" >/dev/null; continue ;;
	2026-02-21) nt add -d "$day" Home crackers 30g >/dev/null; continue ;;
	esac
	[ $((i % 5)) -eq 0 ] && continue
	nt add -d "$day" --meal breakfast sr28:16139 250ml >/dev/null
	nt add -d "$day" --meal dinner fndds:71508001 "1 medium" >/dev/null
	case $(date -u -d "$day" +%u) in
	1) nt add -d "$day" --meal snack label:1 "1 tsp" >/dev/null ;;
	5) nt add -d "$day" --meal dinner sr28:15076 "1 fillet" 2>/dev/null >/dev/null ;;
	esac
done
nt lab add --date 2026-02-16 b12 300 pg/mL >/dev/null
nt lab add --date 2026-02-27 mma 310 nmol/L >/dev/null
nt lab add --date 2026-03-09 homocysteine 11.5 umol/L >/dev/null
nt report --format html -o "$out/month.html" >/dev/null
reports=month

if command -v sqlite3 >/dev/null; then
	db=$out/year.db
	rm -f "$db"
	nt profile --sex male --age 61 --diet vegan >/dev/null
	printf '.parameter set @n %s\n' 4015 | cat - "$here/journal.sql" | sqlite3 "$db"
	nt lab add --date 2025-06-02 b12 410 pg/mL >/dev/null
	nt report --format html --from 2025-03-12 --to 2026-03-11 -o "$out/year.html" >/dev/null
	reports="$reports year"
fi

# pages PDF: the page count
pages() {
	if command -v pdfinfo >/dev/null; then
		pdfinfo "$1" | awk '/^Pages:/ {print $2}'
	else
		grep -a -c '/Type */Page[^s]' "$1"
	fi
}

# paper NAME: width and height in mm, the margins (the report's @page) in mm
paper() {
	case $1 in
	A4) w=210 h=297 ;;
	Letter) w=215.9 h=279.4 ;;
	esac
	mx=14 my=15
}

for r in $reports; do
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--window-size=900,3600 --screenshot="$out/$r.png" "file://$out/$r.html" \
		>/dev/null 2>&1
	for p in A4 Letter; do
		paper "$p"
		# the content width in CSS px (96 per inch)
		cw=$(python3 -c "print(int(($w - 2 * $mx) * 96 / 25.4))")
		# the same page on this paper size, and one that measures itself at
		# the content width with the print stylesheet applied to the screen
		# (the report itself has no script)
		sed "s|</style>|@page{size:$p}\n</style>|" "$out/$r.html" >"$out/$r-$p.html"
		sed -e 's|@media print|@media all|' -e "s|</body>|<script>addEventListener('load',function(){var m=0;document.querySelectorAll('svg,table').forEach(function(e){m=Math.max(m,Math.ceil(e.getBoundingClientRect().right))});var q=document.createElement('pre');q.id='ntm';q.textContent='right='+m+' scroll='+document.documentElement.scrollWidth;document.body.appendChild(q)})</script></body>|" \
			"$out/$r.html" >"$out/$r-$p-measure.html"
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
			--window-size="$cw,1200" --dump-dom "file://$out/$r-$p-measure.html" \
			2>/dev/null >"$out/$r-$p-dom.html"
		m=$(sed -n 's|.*<pre id="ntm">\(.*\)</pre>.*|\1|p' "$out/$r-$p-dom.html")
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
			--print-to-pdf="$out/$r-$p.pdf" "file://$out/$r-$p.html" >/dev/null 2>&1
		n=$(pages "$out/$r-$p.pdf")
		printf '%-5s %-6s %2s pages  content %s px: %s' "$r" "$p" "$n" "$cw" "${m:-unmeasured}"
		right=$(echo "$m" | sed -n 's/right=\([0-9]*\) scroll=\([0-9]*\)/\1 \2/p')
		set -- $right
		if [ $# -ne 2 ] || [ "$1" -gt "$cw" ] || [ "$2" -gt "$cw" ]; then
			printf '  WIDER THAN THE PAGE\n'
			fail=1
			continue
		fi
		if command -v pdftotext >/dev/null; then
			pdftotext -bbox "$out/$r-$p.pdf" "$out/$r-$p.bbox.html"
			if ! python3 - "$out/$r-$p.bbox.html" "$w" "$mx" <<'EOF'
import re, sys
pt = 72 / 25.4
w, mx = float(sys.argv[2]) * pt, float(sys.argv[3]) * pt
bad = [m.group(3) for m in re.finditer(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
    open(sys.argv[1]).read())
    if float(m.group(1)) < mx - 1 or float(m.group(2)) > w - mx + 1]
if bad:
    print("  words outside the margins: " + " ".join(bad[:8]))
    sys.exit(1)
EOF
			then
				fail=1
				continue
			fi
		fi
		printf '  ok\n'
	done
done
echo "html_print: reports, screenshots and PDFs in $out"
exit $fail
