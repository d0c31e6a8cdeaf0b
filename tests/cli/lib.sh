# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - helpers for the CLI tests: run the real binary on a temporary
# database and compare stdout, stderr and exit status with expected files.
#
# Needs NUTRACK_BIN, NUTRACK_TESTS, NUTRACK_DATA_DIR and NUTRACK_TODAY, which
# `make check` exports.  Emits TAP.

set -u
: "${NUTRACK_BIN:?run through make check}"
: "${NUTRACK_TESTS:?run through make check}"

EXPECTED=$NUTRACK_TESTS/cli/expected
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nt-cli.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/nutrack.db
tap_n=0
tap_failed=0

nt() { "$NUTRACK_BIN" --db "$DB" "$@"; }

# nt_on DAY ARGS...: nt as on the day DAY (NUTRACK_TODAY=DAY), e.g. to log
#   food as eaten on a day after the tests' today (it would be planned).
nt_on() { nt_day=$1; shift; NUTRACK_TODAY=$nt_day "$NUTRACK_BIN" --db "$DB" "$@"; }

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

tap_not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# expect NAME STATUS COMMAND...
#   Runs COMMAND; checks its exit status, that stdout equals
#   expected/NAME.out (empty when there is no such file) and that stderr
#   equals expected/NAME.err (empty when there is none).  With NT_BLESS=1
#   it writes the expected files from the actual output instead; every such
#   file must then be checked by hand against the data before it is committed.
expect() {
	name=$1 want=$2
	shift 2
	"$@" >"$WORK/raw.out" 2>"$WORK/raw.err"
	got=$?
	# Temporary paths differ from run to run: show them as $WORK.
	for stream in out err; do
		sed "s|$WORK|\$WORK|g" "$WORK/raw.$stream" >"$WORK/$stream"
	done
	if [ -n "${NT_BLESS:-}" ]; then
		# Writing expected files: review every one by hand before committing.
		for stream in out err; do
			rm -f "$EXPECTED/$name.$stream"
			[ -s "$WORK/$stream" ] && cp "$WORK/$stream" "$EXPECTED/$name.$stream"
		done
	fi
	problems=""
	[ "$got" -eq "$want" ] || problems="exit status $got, want $want"
	for stream in out err; do
		if [ -f "$EXPECTED/$name.$stream" ]; then
			cp "$EXPECTED/$name.$stream" "$WORK/want"
		else
			: >"$WORK/want"
		fi
		if ! diff -u "$WORK/want" "$WORK/$stream" >"$WORK/diff"; then
			problems="$problems${problems:+; }std$stream differs"
			sed 's/^/#   /' "$WORK/diff" | head -40
		fi
	done
	if [ -z "$problems" ]; then
		tap_ok "$name"
	else
		tap_not_ok "$name" "$problems"
	fi
}

# is LABEL GOT WANT
is() {
	if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got '$2'" "want '$3'"; fi
}

# A fingerprint of everything the journal and profile hold, taken through
# the CLI itself, so a test can prove a failed command changed nothing.
snapshot() {
	{
		nt profile
		for d in 2026-03-09 2026-03-10 2026-03-11 2026-03-12; do nt day --csv "$d"; nt day "$d"; done
		nt week --csv 2026-03-11
	} 2>&1 | cksum
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
