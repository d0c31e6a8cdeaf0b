#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run.sh OUTDIR SECONDS [TARGET...] - runs the fuzz targets built by build.sh.
#
# Each target (all of OUTDIR/fuzz_* unless named) runs for SECONDS on its
# committed corpus tests/fuzz/corpus/NAME (read only: new inputs go to
# OUTDIR/corpus/NAME) with tests/fuzz/NAME.dict when there is one, JOBS
# (default 2) targets at a time.  A crash, leak, sanitizer report or
# timeout leaves its input in OUTDIR/crashes/NAME/ and the log in
# OUTDIR/logs/NAME.log, and makes the run fail.  Prints per target the
# executions, speed, coverage (cov: edges, ft: features) and corpus size
# from libFuzzer's final statistics.  FUZZ_ARGS adds libFuzzer options.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

if [ "${1:-}" = --one ]; then
	# internal: run one target (called through xargs below)
	out=$2 secs=$3 name=$4
	corpus="$out/corpus/$name" seeds="$here/corpus/$name"
	mkdir -p "$corpus" "$out/crashes/$name" "$out/logs" "$seeds"
	dict=
	[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
	# shellcheck disable=SC2086 # FUZZ_ARGS and dict are word lists
	timeout -k 10 $((secs * 2 + 120)) "$out/fuzz_$name" \
		-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$out/crashes/$name/" \
		$dict ${FUZZ_ARGS:-} "$corpus" "$seeds" >"$out/logs/$name.log" 2>&1
	echo $? >"$out/logs/$name.rc"
	exit 0
fi

if [ $# -lt 2 ]; then
	echo "usage: $0 OUTDIR SECONDS [TARGET...]" >&2
	exit 2
fi
out=$(cd "$1" && pwd) || exit 2
secs=$2
shift 2
if [ $# -gt 0 ]; then
	names="$*"
else
	names=$(cd "$out" && ls fuzz_* 2>/dev/null | sed 's/^fuzz_//')
fi
if [ -z "$names" ]; then
	echo "$0: no fuzz targets in $out (run tests/fuzz/build.sh $out first)" >&2
	exit 2
fi
for n in $names; do
	if [ ! -x "$out/fuzz_$n" ]; then
		echo "$0: $out/fuzz_$n is not built" >&2
		exit 2
	fi
	rm -f "$out/logs/$n.rc"
done

# The targets that need foods load the bundled data; scratch files go to
# a private directory on a RAM disk when there is one.
NUTRACK_DATA_DIR=${NUTRACK_DATA_DIR:-$top/data}
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
TMPDIR=$(mktemp -d "$base/nt-fuzz-run.XXXXXX")
export NUTRACK_DATA_DIR TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "fuzzing $(echo $names | wc -w) targets for ${secs}s each, ${JOBS:-2} at a time"
for n in $names; do echo "$n"; done |
	xargs -P "${JOBS:-2}" -I{} "$0" --one "$out" "$secs" {}

passed=0 failed=0
for n in $names; do
	log="$out/logs/$n.log"
	rc=$(cat "$out/logs/$n.rc" 2>/dev/null || echo 127)
	stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
	runs=$(stat number_of_executed_units)
	speed=$(stat average_exec_per_sec)
	new=$(stat new_units_added)
	last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p')
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		verdict=ok
	else
		failed=$((failed + 1))
		verdict="FAILED (exit $rc)"
	fi
	printf '%-8s %s: %s runs, %s exec/s, cov %s, ft %s, corpus %s (+%s new)\n' \
		"$n" "$verdict" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
		"${corp:-?}" "${new:-?}"
	if [ "$rc" != 0 ]; then
		echo "---- $log (last lines) ----"
		tail -n 60 "$log"
		ls "$out/crashes/$n/" 2>/dev/null | sed "s|^|  input: $out/crashes/$n/|"
		echo "----"
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
