#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/run.sh - `make bench`: nutrack against a floor, the sqlite3 shell
# running the very statements nutrack ran (recorded with NUTRACK_TRACE_SQL:
# the same diet filters, portion choices and per-day queries), on three
# databases: the bundled foods with a 10-year journal (40,000 entries), the
# same with a 400,000-food synthetic Branded download (names that share
# words with real foods), and a lifetime journal (200,000 entries); all with
# a profile set.  Each pair runs interleaved (A B, B A, ...); the table
# quotes medians with min-max, the ratio, and the ratio above process
# start-up (each median less its program's bare start).  Then the TUI
# through a pseudo-terminal, export/import and the dataset imports.
# Needs sqlite3, python3 and GNU time (apt-get install sqlite3 time).
# BENCH_RUNS (default 20) pairs a row.
set -eu
: "${NUTRACK_BIN:=./nutrack}"
: "${NUTRACK_DATA_DIR:=$(dirname "$0")/../data}"
: "${BENCH_RUNS:=20}"
export NUTRACK_DATA_DIR
export NUTRACK_TODAY=2026-03-11 LC_ALL=C.UTF-8
for tool in sqlite3 python3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed" >&2; exit 1; }
NUTRACK_BIN=$(command -v "$NUTRACK_BIN")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nt-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
: >"$work/rows"

# journal DB N: adds N generated entries (11 a day, back from 2026-03-11).
journal() {
	printf '.parameter set @n %s\n' "$2" | cat - "$here/journal.sql" | sqlite3 "$1"
}

# row KEY LABEL DB ARGS...: times `nutrack --db DB ARGS` against its floor.
row() {
	key=$1 label=$2 rdb=$3
	shift 3
	rm -f "$work/$key.sql"
	NUTRACK_TRACE_SQL=$work/$key.sql "$NUTRACK_BIN" --db "$rdb" "$@" >/dev/null 2>&1 || true
	python3 "$here/abtime.py" --runs "$BENCH_RUNS" --warmup 3 --out "$work/$key.json" \
		--label "$label" --a "$NUTRACK_BIN" --db "$rdb" "$@" \
		--b sqlite3 "$rdb" --stdin "$work/$key.sql" \
		--a0 "$NUTRACK_BIN" --version --b0 sqlite3 -version
	echo "$key" >>"$work/rows"
	echo "   $label"
}

echo "== first run: creating the database and loading the bundled foods (5 runs)"
: >"$work/seed.txt"
for i in 1 2 3 4 5; do
	rm -f "$work/seed.db" "$work/seed.db-wal" "$work/seed.db-shm"
	python3 -c 'import subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print((time.perf_counter() - t) * 1000)' "$NUTRACK_BIN" --db "$work/seed.db" profile >>"$work/seed.txt"
done
cp "$work/seed.db" "$work/empty.db" # the bundled foods, no profile, no journal

db=$work/decade.db
cp "$work/empty.db" "$db"
"$NUTRACK_BIN" --db "$db" profile --sex female --age 34 --diet vegan >/dev/null
echo "== a 10-year journal: 40,000 entries"
journal "$db" 40000

echo "== timing, $BENCH_RUNS interleaved pairs a row"
# The bare start of each program: each row also runs it, in the same
# rounds, and the ratio above start-up subtracts it sample by sample.
python3 "$here/abtime.py" --runs "$BENCH_RUNS" --warmup 3 --out "$work/start.json" \
	--label "process start (nutrack --version; sqlite3 -version)" \
	--a "$NUTRACK_BIN" --version --b sqlite3 -version
# ---- the rows on the 40,000-entry journal: one line each ----
row day "nutrack day" "$db" day
row week "nutrack week" "$db" week
row report "nutrack report, 12 weeks" "$db" report --from 2025-12-15 --to 2026-03-08
row search "nutrack search salmon" "$db" search salmon
row food "nutrack food sr28:15076" "$db" food sr28:15076
row top "nutrack top b12" "$db" top b12
row suggest "nutrack suggest" "$db" suggest
row plan "nutrack plan" "$db" plan

# The planner (issue 10): one GLPK integer program a day (targets: 300 ms, 2 s).
row plan7 "nutrack plan --days 7" "$db" plan --days 7
row plan28 "nutrack plan --days 28" "$db" plan --days 28

echo "== TUI latency through a pseudo-terminal"
python3 "$here/tui_latency.py" "$NUTRACK_BIN" "$db" 10 >"$work/tui.txt"
peak=$( { /usr/bin/time -f %M "$NUTRACK_BIN" --db "$db" week >/dev/null; } 2>&1 | tail -n 1)

echo "== export and import of the 40,000 entries (5 pairs)"
floor_export="SELECT e.day, e.meal, f.source || ':' || f.code, f.name, e.amount, e.mg / 1000.0, e.mg * f.b12_ug, e.mg * f.ala_g, e.mg * f.epa_g, e.mg * f.dha_g, e.mg * f.dpa_g, e.mg * f.potassium_mg, e.mg * f.energy_kcal, e.mg * f.protein_g FROM entries e JOIN foods f ON f.id = e.food ORDER BY e.day, e.meal, e.id"
python3 "$here/abtime.py" --runs 5 --warmup 0 --out "$work/export.json" \
	--a "$NUTRACK_BIN" --db "$db" export -o "$work/journal.csv" \
	--b sqlite3 -csv "$db" "$floor_export"
: >"$work/import.txt"
for i in 1 2 3 4 5; do
	for who in nutrack floor; do
		cp "$work/empty.db" "$work/imp.db"
		rm -f "$work/imp.db-wal" "$work/imp.db-shm"
		if [ $who = nutrack ]; then
			set -- "$NUTRACK_BIN" --db "$work/imp.db" import "$work/journal.csv"
		else
			set -- sqlite3 "$work/imp.db" ".import --csv $work/journal.csv staged"
		fi
		python3 -c 'import subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(sys.argv[1], (time.perf_counter() - t) * 1000)' "$who" "$@" >>"$work/import.txt"
	done
done

echo "== FoodData Central: an SR-Legacy-sized download (7,800 foods)"
python3 "$here/mkfdc.py" sr "$work/fdc-sr" 7800
sr_rows=$(($(wc -l <"$work/fdc-sr/food_nutrient.csv") - 1))
: >"$work/fdc.txt"
for i in 1 2 3; do
	for who in nutrack floor; do
		cp "$work/empty.db" "$work/fdc.db"
		rm -f "$work/fdc.db-wal" "$work/fdc.db-shm"
		if [ $who = nutrack ]; then
			set -- "$NUTRACK_BIN" --db "$work/fdc.db" import-fdc "$work/fdc-sr"
		else
			set -- sqlite3 "$work/fdc.db" ".import --csv $work/fdc-sr/food_nutrient.csv staged"
		fi
		python3 -c 'import subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(sys.argv[1], (time.perf_counter() - t) * 1000)' "$who" "$@" >>"$work/fdc.txt"
	done
done

echo "== a Branded-sized food table: 400,000 foods from a synthetic Branded download"
python3 "$here/mkfdc.py" branded "$work/fdc-br" 400000
cp "$db" "$work/big.db" # the profile and the 40,000 entries, then the foods
br_start=$(date +%s.%N)
/usr/bin/time -f %M -o "$work/br.peak" "$NUTRACK_BIN" --db "$work/big.db" \
	import-fdc "$work/fdc-br" >/dev/null 2>&1
br_peak=$(tail -n 1 "$work/br.peak")
br_secs=$(awk -v a="$br_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
rm -rf "$work/fdc-br"
big=$work/big.db
# ---- the rows on 400,000 more foods ----
row big_day "nutrack day (400,000 more foods)" "$big" day
row big_search "nutrack search salmon (400,000 more foods)" "$big" search salmon
row big_cheese "nutrack search cheese (400,000 more foods)" "$big" search cheese
row big_food "nutrack food fdc:1100000 (400,000 more foods)" "$big" food fdc:1100000
row big_top "nutrack top b12 (400,000 more foods)" "$big" top b12
row big_suggest "nutrack suggest (400,000 more foods)" "$big" suggest
row big_plan "nutrack plan (400,000 more foods)" "$big" plan
python3 "$here/tui_latency.py" "$NUTRACK_BIN" "$big" 10 >"$work/tui-big.txt"

echo "== a lifetime journal: 200,000 entries"
life=$work/life.db
cp "$work/empty.db" "$life"
"$NUTRACK_BIN" --db "$life" profile --sex female --age 34 --diet vegan >/dev/null
journal "$life" 200000
# ---- the rows on the 200,000-entry journal ----
row life_day "nutrack day (200,000-entry journal)" "$life" day
row life_week "nutrack week (200,000-entry journal)" "$life" week
row life_report "nutrack report, 12 weeks (200,000-entry journal)" "$life" report --from 2025-12-15 --to 2026-03-08
row life_suggest "nutrack suggest (200,000-entry journal)" "$life" suggest
row life_plan "nutrack plan (200,000-entry journal)" "$life" plan
row life_top "nutrack top b12 (200,000-entry journal)" "$life" top b12
python3 "$here/tui_latency.py" "$NUTRACK_BIN" "$life" 10 >"$work/tui-life.txt"

python3 "$here/report.py" "$work" "$peak" "$sr_rows" "$br_secs" "$br_peak"
