#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# first_run.sh - 40 nutracks started at once on a database that does not
# exist yet, 50 times over: every entry nutrack confirmed ("Added #N") is
# stored, nothing unconfirmed is, none of them fails, and the database
# checks out.  Creation happens under a lock and a database is never
# deleted: an earlier nutrack deleted the file a failing first run had
# made, with the entries others had written to it meanwhile.
# Part of `make check-slow` (about two minutes on two cores).
. "$NUTRACK_TESTS/cli/lib.sh"

TRIALS=${NT_FIRST_RUN_TRIALS:-50}
PROCS=${NT_FIRST_RUN_PROCS:-40}
is_n() { if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got $2, want $3"; fi; }

confirmed_all=0 stored_all=0 failed_all=0 lost_all=0 extra_all=0 broken=0
t=1
while [ "$t" -le "$TRIALS" ]; do
	dir=$WORK/t$t
	mkdir "$dir"
	p=1
	# one in ten is a command that fails after opening (an unknown food): the
	# failing first run must not take the others' entries with it
	while [ "$p" -le "$PROCS" ]; do
		if [ $((p % 10)) -eq 0 ]; then
			food=xyzzyplugh
		else
			food=sr28:09040
		fi
		"$NUTRACK_BIN" --db "$dir/nutrack.db" add -d 2026-02-01 -m lunch "$food" "${p}g" \
			>"$dir/out.$p" 2>"$dir/err.$p" &
		p=$((p + 1))
	done
	wait
	confirmed=$(cat "$dir"/out.* | grep -c '^Added #')
	failed=0
	p=1
	while [ "$p" -le "$PROCS" ]; do
		if [ $((p % 10)) -ne 0 ] && ! grep -q '^Added #' "$dir/out.$p"; then
			failed=$((failed + 1))
			[ "$failed" -le 3 ] && sed "s/^/# trial $t, nutrack $p: /" "$dir/err.$p"
		fi
		p=$((p + 1))
	done
	"$NUTRACK_BIN" --db "$dir/nutrack.db" export >"$dir/journal.csv" 2>&1 || broken=$((broken + 1))
	stored=$(($(wc -l <"$dir/journal.csv") - 1))
	# each confirmed amount ("17g") must be there, once
	lost=0
	for f in "$dir"/out.*; do
		amount=$(sed -n 's/^Added #[0-9]* lunch 2026-02-01: .*(sr28:09040), \([0-9]*g\) = .*/\1/p' "$f")
		[ -n "$amount" ] || continue
		[ "$(grep -c ",$amount," "$dir/journal.csv")" -eq 1 ] || lost=$((lost + 1))
	done
	"$NUTRACK_BIN" --db "$dir/nutrack.db" check >/dev/null 2>&1 || broken=$((broken + 1))
	leftover=$(ls -A "$dir" | grep -v -e '^out\.' -e '^err\.' -e '^journal.csv$' \
		-e '^nutrack.db$' | tr '\n' ' ')
	[ -z "$leftover" ] || { broken=$((broken + 1)); echo "# trial $t left: $leftover"; }
	confirmed_all=$((confirmed_all + confirmed))
	stored_all=$((stored_all + stored))
	failed_all=$((failed_all + failed))
	lost_all=$((lost_all + lost))
	[ "$stored" -gt "$confirmed" ] && extra_all=$((extra_all + stored - confirmed))
	rm -rf "$dir"
	t=$((t + 1))
done
echo "# $TRIALS trials of $PROCS first runs at once: $confirmed_all entries confirmed," \
	"$stored_all stored, $failed_all adds failed"
is_n "every confirmed entry is stored ($confirmed_all confirmed)" "$lost_all" 0
is_n "nothing unconfirmed is stored" "$extra_all" 0
is_n "no add of a known food failed" "$failed_all" 0
is_n "every database checks out, nothing left beside it" "$broken" 0

done_testing
