#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/run.sh - `make bench`: time nutrack on the full bundled database plus
# a generated 10-year journal (40,000 entries) against the sqlite3 shell
# running the equivalent query on the same file, and the TUI's latency.
# Needs hyperfine, sqlite3 and python3 (apt-get install hyperfine sqlite3).
set -eu
: "${NUTRACK_BIN:=./nutrack}"
: "${NUTRACK_DATA_DIR:=$(dirname "$0")/../data}"
export NUTRACK_DATA_DIR
export NUTRACK_TODAY=2026-03-11 LC_ALL=C.UTF-8
for tool in hyperfine sqlite3 python3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nt-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/bench.db

echo "== first run: creating the database and loading the bundled foods"
hyperfine --runs 5 --prepare "rm -f $db $db-wal $db-shm" \
	"$NUTRACK_BIN --db $db profile" --export-json "$work/seed.json" >/dev/null
"$NUTRACK_BIN" --db "$db" profile --sex female --age 34 --diet vegan >/dev/null

echo "== generating a 10-year journal: 40,000 entries, 11 a day"
sqlite3 "$db" <"$here/journal.sql"
sqlite3 "$db" "SELECT count(*) || ' entries from ' || min(day) || ' to ' || max(day) FROM entries"

floor_day="SELECT e.id, e.meal, f.name, e.amount, e.mg, f.b12_ug, f.ala_g, f.epa_g, f.dha_g, f.dpa_g, f.potassium_mg, f.energy_kcal, f.protein_g FROM entries e JOIN foods f ON f.id = e.food WHERE e.day = '2026-03-11' ORDER BY e.meal, e.id"
floor_week="SELECT e.day, sum(e.mg * f.b12_ug), sum(e.mg * f.ala_g), sum(e.mg * f.potassium_mg) FROM entries e JOIN foods f ON f.id = e.food WHERE e.day BETWEEN '2026-03-09' AND '2026-03-15' GROUP BY e.day"
floor_report="SELECT e.day, sum(e.mg * f.b12_ug), sum(e.mg * f.ala_g), sum(e.mg * f.potassium_mg) FROM entries e JOIN foods f ON f.id = e.food WHERE e.day BETWEEN '2025-12-15' AND '2026-03-08' GROUP BY e.day"
floor_top="SELECT f.id, f.name, p.grams * f.b12_ug FROM foods f JOIN portions p ON p.food = f.id AND p.seq = 1 WHERE f.source <> 'sr28' ORDER BY 3 DESC LIMIT 10"
floor_search="SELECT f.id, f.name, f.also, f.keywords, f.grp FROM food_fts JOIN foods f ON f.id = food_fts.rowid WHERE food_fts MATCH '\"salmon\"*'"

bench() { # name nutrack-args floor-sql
	hyperfine --warmup 3 --runs 30 -N --export-json "$work/$1.json" \
		"$NUTRACK_BIN --db $db $2" "sqlite3 $db \"$3\"" >/dev/null 2>&1 ||
		hyperfine --warmup 3 --runs 30 --export-json "$work/$1.json" \
			"$NUTRACK_BIN --db $db $2" "sqlite3 $db \"$3\"" >/dev/null
}
echo "== timing (hyperfine, 30 runs each)"
bench day "day" "$floor_day"
bench week "week" "$floor_week"
bench search "search salmon" "$floor_search"
bench report "report --from 2025-12-15 --to 2026-03-08" "$floor_report"
bench top "top b12" "$floor_top"

# The planner (issue 10): one GLPK integer program a day; no sqlite3 floor.
hyperfine --warmup 1 --runs 10 -N --export-json "$work/plan7.json" \
	"$NUTRACK_BIN --db $db plan --days 7" >/dev/null 2>&1 ||
	hyperfine --warmup 1 --runs 10 --export-json "$work/plan7.json" \
		"$NUTRACK_BIN --db $db plan --days 7" >/dev/null
hyperfine --warmup 1 --runs 5 -N --export-json "$work/plan28.json" \
	"$NUTRACK_BIN --db $db plan --days 28" >/dev/null 2>&1 ||
	hyperfine --warmup 1 --runs 5 --export-json "$work/plan28.json" \
		"$NUTRACK_BIN --db $db plan --days 28" >/dev/null

echo "== TUI latency through a pseudo-terminal"
python3 "$here/tui_latency.py" "$NUTRACK_BIN" "$db" >"$work/tui.txt"

peak=$( { /usr/bin/time -f %M "$NUTRACK_BIN" --db "$db" week >/dev/null; } 2>&1 | tail -n 1)

echo "== export and import of the 40,000 entries"
"$NUTRACK_BIN" --db "$work/empty.db" profile >/dev/null # a database with the foods only
floor_export="SELECT e.day, e.meal, f.source || ':' || f.code, f.name, e.amount, e.mg / 1000.0, e.mg * f.b12_ug, e.mg * f.ala_g, e.mg * f.epa_g, e.mg * f.dha_g, e.mg * f.dpa_g, e.mg * f.potassium_mg, e.mg * f.energy_kcal, e.mg * f.protein_g FROM entries e JOIN foods f ON f.id = e.food ORDER BY e.day, e.meal, e.id"
hyperfine --runs 5 --export-json "$work/export.json" \
	"$NUTRACK_BIN --db $db export -o $work/journal.csv" \
	"sqlite3 -csv $db \"$floor_export\" >$work/floor.csv" >/dev/null
hyperfine --runs 5 --export-json "$work/import.json" \
	--prepare "cp $work/empty.db $work/imp.db; rm -f $work/imp.db-wal $work/imp.db-shm" \
	"$NUTRACK_BIN --db $work/imp.db import $work/journal.csv" \
	"sqlite3 $work/imp.db \".import --csv $work/journal.csv staged\"" >/dev/null

echo "== FoodData Central: an SR-Legacy-sized download (7,800 foods)"
python3 "$here/mkfdc.py" sr "$work/fdc-sr" 7800
sr_rows=$(($(wc -l <"$work/fdc-sr/food_nutrient.csv") - 1))
hyperfine --runs 3 --export-json "$work/fdc.json" \
	--prepare "cp $work/empty.db $work/fdc.db; rm -f $work/fdc.db-wal $work/fdc.db-shm" \
	"$NUTRACK_BIN --db $work/fdc.db import-fdc $work/fdc-sr" \
	"sqlite3 $work/fdc.db \".import --csv $work/fdc-sr/food_nutrient.csv staged\"" >/dev/null

echo "== a Branded-sized food table: 400,000 foods from a synthetic Branded download"
python3 "$here/mkfdc.py" branded "$work/fdc-br" 400000
cp "$work/empty.db" "$work/big.db"
br_start=$(date +%s.%N)
/usr/bin/time -f %M -o "$work/br.peak" "$NUTRACK_BIN" --db "$work/big.db" \
	import-fdc "$work/fdc-br" >/dev/null 2>&1
br_peak=$(tail -n 1 "$work/br.peak")
br_secs=$(awk -v a="$br_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
rm -rf "$work/fdc-br"
sqlite3 "$work/big.db" <"$here/journal.sql"
db_saved=$db
db=$work/big.db
bench big_search "search salmon" "$floor_search"
python3 "$here/tui_latency.py" "$NUTRACK_BIN" "$db" >"$work/tui-big.txt"
db=$db_saved

python3 - "$work" "$peak" "$sr_rows" "$br_secs" "$br_peak" <<'PY'
import json, sys, os
work, peak, sr_rows, br_secs, br_peak = sys.argv[1:6]
def load(name):
    with open(os.path.join(work, name + ".json")) as f:
        r = json.load(f)["results"]
    return [x["mean"] * 1000 for x in r]
rows = []
seed = load("seed")[0]
for name, label in (("day", "nutrack day"), ("week", "nutrack week"),
                    ("search", "nutrack search salmon"),
                    ("report", "nutrack report, 12 weeks"), ("top", "nutrack top b12")):
    ours, floor = load(name)
    rows.append((label, ours, floor))
print()
print("| measure | nutrack | sqlite3 floor | ratio |")
print("|---|---:|---:|---:|")
print(f"| first run: create database, load 14,221 foods | {seed:.0f} ms | | |")
for label, ours, floor in rows:
    print(f"| {label} (40,000-entry journal) | {ours:.1f} ms | {floor:.1f} ms | {ours / floor:.2f} |")
for name, label in (("plan7", "nutrack plan --days 7"), ("plan28", "nutrack plan --days 28")):
    print(f"| {label} (40,000-entry journal; target 300 ms / 2 s) | {load(name)[0]:.0f} ms | | |")
with open(os.path.join(work, "tui.txt")) as f:
    for line in f:
        print(line.rstrip())
print(f"| peak memory of `nutrack week` | {int(peak) / 1024:.1f} MiB | | |")
for name, label in (("export", "export 40,000 entries"), ("import", "import 40,000 entries into an empty journal")):
    ours, floor = load(name)
    print(f"| {label} | {ours:.0f} ms | {floor:.0f} ms | {ours / floor:.2f} |")
ours, floor = load("fdc")
rows = int(sr_rows)
print(f"| import-fdc, SR-Legacy size (7,800 foods, {rows:,} nutrient rows) | {ours:.0f} ms ({rows / ours * 1000:,.0f} rows/s) | {floor:.0f} ms | {ours / floor:.2f} |")
print(f"| import-fdc, Branded size (400,000 foods) | {float(br_secs):.1f} s, peak {int(br_peak) / 1024:.1f} MiB | | |")
ours, floor = load("big_search")
print(f"| nutrack search salmon (400,000 more foods) | {ours:.1f} ms | {floor:.1f} ms | {ours / floor:.2f} |")
with open(os.path.join(work, "tui-big.txt")) as f:
    for line in f:
        if "search" in line or "start-up" in line or "peak" in line:
            print(line.rstrip().replace("| TUI", "| TUI (400,000 more foods)", 1))
PY
