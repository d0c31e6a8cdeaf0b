#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# crash.sh - kill -9 at random moments (200 in all) during the first run's
# loading of the foods, `add`, `import` and `import-fdc`: afterwards the
# database passes `nutrack check`, every entry nutrack confirmed is there
# and an import is all there or not at all.  Part of `make check-slow`.
. "$NUTRACK_TESTS/cli/lib.sh"

SEED_RUNS=20 ADD_RUNS=100 IMPORT_RUNS=50 FDC_RUNS=30
# The moments are random but the same on every run: a failure reproduces.
awk -v n=400 'BEGIN { srand(20261123); for (i = 0; i < n; i++) printf "%.4f\n", rand() }' \
	>"$WORK/delays"

# run_and_kill N MAX OUT ARGS...: starts nutrack ARGS and kills it with
# SIGKILL after the Nth random fraction of MAX seconds (unless it finished
# first; MAX is about how long the command takes); its output goes to OUT.
# The program itself runs in the background, not a shell around it, so the
# kill reaches nutrack.
run_and_kill() {
	d=$(awk -v f="$(sed -n "${1}p" "$WORK/delays")" -v max="$2" 'BEGIN { printf "%.4f", f * max }')
	out=$3
	shift 3
	"$NUTRACK_BIN" --db "$DB" "$@" >"$out" 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
is_n() { if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got $2, want $3"; fi; }
checks_out() { nt check >"$WORK/check.out" 2>&1 || { cat "$WORK/check.out"; return 1; }; }
entries() { nt export 2>/dev/null | tail -n +2 | wc -l; }

# 1. The first run loads 14,000 foods in one transaction: killed anywhere,
# the next run finds either nothing or everything, and works.
bad=0
k=1
while [ "$k" -le "$SEED_RUNS" ]; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	run_and_kill "$k" 0.5 "$WORK/out" profile
	if ! nt food sr28:15076 >/dev/null 2>&1 || ! checks_out >/dev/null; then
		bad=$((bad + 1))
		echo "# seed run $k left a broken database"
	fi
	k=$((k + 1))
done
is_n "killed while loading the foods ($SEED_RUNS times): the next run works" "$bad" 0
nt backup "$WORK/base.db" >/dev/null # seeded, empty journal, standalone

# 2. add: what nutrack said it added is there, nothing else is damaged.
: >"$WORK/confirmed"
i=1
while [ "$i" -le "$ADD_RUNS" ]; do
	run_and_kill $((SEED_RUNS + i)) 0.03 "$WORK/out" \
		add --date 2026-03-01 --meal dinner sr28:09040 "$((1000 + i))g"
	grep -q '^Added #' "$WORK/out" && echo "$((1000 + i))g" >>"$WORK/confirmed"
	i=$((i + 1))
done
checks_out
is_n "killed during add ($ADD_RUNS times): the database checks out" "$?" 0
nt export >"$WORK/journal.csv"
missing=0
while read -r amount; do
	grep -q ",$amount," "$WORK/journal.csv" || missing=$((missing + 1))
done <"$WORK/confirmed"
is_n "every one of the $(wc -l <"$WORK/confirmed") confirmed adds is there" "$missing" 0
echo "# $(wc -l <"$WORK/confirmed") of $ADD_RUNS adds finished before the kill"

# 3. import of 2,000 entries: all or nothing, whatever the moment.
cp "$WORK/base.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
# Rows as wide as export's header (7 fields given, the rest empty), whatever
# columns export appends.
empty=$(head -n 1 "$WORK/journal.csv" | awk -F, '{ for (i = 8; i <= NF; i++) printf "," }')
{
	head -n 1 "$WORK/journal.csv"
	i=0
	while [ "$i" -lt 2000 ]; do
		printf '2025-%02d-%02d,lunch,sr28:09040,"Bananas, raw",%dg,%d,eaten%s\n' \
			$((i % 12 + 1)) $((i % 28 + 1)) $((i + 1)) $((i + 1)) "$empty"
		i=$((i + 1))
	done
} >"$WORK/big.csv"
if nt import --dry-run "$WORK/big.csv" >/dev/null 2>&1; then
	bad=0
	i=1
	while [ "$i" -le "$IMPORT_RUNS" ]; do
		cp "$WORK/base.db" "$DB"
		rm -f "$DB-wal" "$DB-shm"
		run_and_kill $((SEED_RUNS + ADD_RUNS + i)) 0.2 "$WORK/out" import "$WORK/big.csv"
		n=$(entries)
		if ! checks_out >/dev/null || { [ "$n" -ne 0 ] && [ "$n" -ne 2000 ]; }; then
			bad=$((bad + 1))
			echo "# import run $i: $n entries"
		fi
		i=$((i + 1))
	done
	is_n "killed during import ($IMPORT_RUNS times): all or nothing, sound" "$bad" 0
else
	tap_not_ok "the import file is accepted" "$(nt import --dry-run "$WORK/big.csv" 2>&1 | head -n 3)"
fi

# 4. import-fdc of the test download: all or nothing.
fdc=$NUTRACK_TESTS/data/fdc
bad=0
i=1
while [ "$i" -le "$FDC_RUNS" ]; do
	cp "$WORK/base.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	run_and_kill $((SEED_RUNS + ADD_RUNS + IMPORT_RUNS + i)) 0.1 "$WORK/out" \
		import-fdc "$fdc"
	# the first food of the download and a Branded one: both or neither
	have=0
	for id in fdc:171287 fdc:2080001; do
		nt food "$id" >"$WORK/food.$id" 2>&1 && have=$((have + 1))
	done
	if ! checks_out >/dev/null || [ "$have" -eq 1 ]; then
		bad=$((bad + 1))
		echo "# import-fdc run $i: $have of 2 foods"
		head -n 2 "$WORK"/food.fdc:* "$WORK/out" | sed 's/^/#   /'
	fi
	i=$((i + 1))
done
is_n "killed during import-fdc ($FDC_RUNS times): all or nothing, sound" "$bad" 0
cp "$WORK/base.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
nt import-fdc "$fdc" >/dev/null 2>&1
is_n "and a whole import-fdc still works afterwards" "$?" 0

done_testing
