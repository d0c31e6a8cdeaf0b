#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# concurrency.sh - two, then four processes adding entries to one database
# at once: none lost, and no "database is locked" reaches the user.
# Part of `make check-slow` (about a minute on two cores).
. "$NUTRACK_TESTS/cli/lib.sh"

PER_RUN=${NT_CONCURRENCY_ENTRIES:-2000}

# adder ID COUNT: COUNT entries, one process each, each on its own day, so
# the journal tells who added what; failures go to $WORK/fail.ID.
adder() {
	i=0
	while [ "$i" -lt "$2" ]; do
		day=$(( i % 28 + 1 ))
		[ "$day" -lt 10 ] && day=0$day
		if ! nt add --date "2026-02-$day" --meal lunch sr28:09040 "$1${i}g" \
			>/dev/null 2>>"$WORK/fail.$1"; then
			echo "add $1 $i failed" >>"$WORK/fail.$1"
		fi
		i=$((i + 1))
	done
}

for procs in 2 4; do
	rm -f "$DB" "$DB-wal" "$DB-shm" "$WORK"/fail.*
	nt profile >/dev/null # creates the database and loads the foods first
	each=$((PER_RUN / procs))
	p=1
	while [ "$p" -le "$procs" ]; do
		adder "$p" "$each" &
		p=$((p + 1))
	done
	wait
	failures=$(cat "$WORK"/fail.* 2>/dev/null | wc -l)
	is_n() { if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got $2, want $3"; fi; }
	is_n "$procs processes: no add failed" "$failures" 0
	if [ "$failures" -ne 0 ]; then
		head -n 5 "$WORK"/fail.* | sed 's/^/#   /'
	fi
	# every entry is there, each amount exactly once: "<proc><i>g"
	nt export --from 2026-02-01 --to 2026-02-28 >"$WORK/all.csv"
	rows=$(($(wc -l <"$WORK/all.csv") - 1))
	is_n "$procs processes: all $PER_RUN entries present" "$rows" "$((each * procs))"
	dups=$(sort "$WORK/all.csv" | uniq -d | wc -l) # rows differ by amount
	is_n "$procs processes: no entry twice" "$dups" 0
	nt check >"$WORK/check.out" 2>&1
	is_n "$procs processes: the database checks out" "$?" 0
done

done_testing
