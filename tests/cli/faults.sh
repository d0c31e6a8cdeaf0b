#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# faults.sh - the database file in trouble: read-only, in a read-only
# directory, not SQLite at all, cut short, made by a newer nutrack, on a full
# disk; and standard output on a full device.  Each gets one clear message
# (expected/fault-NAME.err), a non-zero exit status, and the file keeps its
# bytes.  And the first run makes a private directory and database.
#
# The read-only cases need a user for whom permissions count: as root they
# run as nobody (setpriv).  The full disk is a 1 MiB and an 8 MiB tmpfs,
# which needs root and a system that lets it mount; else those cases skip
# and say why.
. "$NUTRACK_TESTS/cli/lib.sh"

MNT=""
cleanup() {
	for m in $MNT; do umount "$m" 2>/dev/null; done
	chmod -R u+rwX "$WORK" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

# skip LABEL REASON: an "ok # SKIP" line for a case this machine cannot run.
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }

# same_bytes LABEL FILE COPY: FILE still has COPY's bytes, and no
# write-ahead log or journal holding a change lies beside it.
same_bytes() {
	if cmp -s "$2" "$3" && [ ! -s "$2-wal" ] && [ ! -e "$2-journal" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "$2 changed"
	fi
}

# says NAME STATUS PATTERN COMMAND...: for messages whose wording comes
# from SQLite and the system (a full disk): the exit status, nothing on
# standard output, and one line on standard error matching PATTERN (grep -E).
says() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -eq "$want" ] && [ ! -s "$WORK/out" ] && [ "$(wc -l <"$WORK/err")" -eq 1 ] &&
	    grep -Eq "$pattern" "$WORK/err"; then
		tap_ok "$name: $(cat "$WORK/err")"
	else
		tap_not_ok "$name" "exit status $got, want $want; stderr:" "$(cat "$WORK/err")"
	fi
}

# A real database to damage: an entry, a profile.
nt profile --sex female --age 35 >/dev/null
nt add --meal breakfast sr28:01123 "2 large" >/dev/null
version=$(sqlite3 "$DB" "PRAGMA user_version" 2>/dev/null) || version=""

# ---- a private place on the first run ----
# (tests/unit/test_store.c checks the modes nt_store_open asks for; this is
# the whole program finding $XDG_DATA_HOME, with a permissive umask.)
(umask 022 && XDG_DATA_HOME=$WORK/xdg "$NUTRACK_BIN" profile --age 35 >/dev/null)
is "first run: \$XDG_DATA_HOME/nutrack is mode 700" \
	"$(stat -c %a "$WORK/xdg/nutrack" 2>&1)" 700
is "first run: nutrack.db is mode 600" "$(stat -c %a "$WORK/xdg/nutrack/nutrack.db" 2>&1)" 600
# A first run that fails leaves the database it made, whole and empty
# (never deleted: another nutrack may have written to it meanwhile), and
# nothing else: no temporary file, no -wal or -shm.
expect fault-first-run-fails 1 env XDG_DATA_HOME="$WORK/xdg2" "$NUTRACK_BIN" \
	add -m lunch xyzzyplugh 100g
is "a failed first run leaves only the database" "$(ls -A "$WORK/xdg2/nutrack")" "nutrack.db"
is "... valid and empty" "$("$NUTRACK_BIN" --db "$WORK/xdg2/nutrack/nutrack.db" export | wc -l)" 1

# ---- files that are no nutrack database ----
# fault CASE FILE: `day` (reads) and `add` (writes) are refused alike, with
# the same message, and FILE keeps its bytes.
fault() {
	cp "$2" "$WORK/before"
	expect "fault-$1" 1 "$NUTRACK_BIN" --db "$2" day
	expect "fault-$1" 1 "$NUTRACK_BIN" --db "$2" add -m lunch sr28:01123 100g
	same_bytes "fault-$1: the file is unchanged" "$2" "$WORK/before"
}
# 8 KiB of noise (fixed, so runs compare): not SQLite.
LC_ALL=C awk 'BEGIN { srand(42); for (i = 0; i < 8192; i++) printf "%c", int(rand() * 255) + 1 }' \
	</dev/null >"$WORK/noise.db"
fault random-bytes "$WORK/noise.db"
# SQLite's magic string, then noise.
{ printf 'SQLite format 3\000'; cat "$WORK/noise.db"; } >"$WORK/magic.db"
fault sqlite-magic-then-noise "$WORK/magic.db"
# A real database cut short: after its header, after 3 pages, at half.
head -c 100 "$DB" >"$WORK/cut-header.db"
head -c 12288 "$DB" >"$WORK/cut-3-pages.db"
head -c $(($(wc -c <"$DB") / 2)) "$DB" >"$WORK/cut-half.db"
fault truncated-header "$WORK/cut-header.db"
fault truncated-3-pages "$WORK/cut-3-pages.db"
fault truncated-half "$WORK/cut-half.db"
if [ -n "$version" ]; then
	# A newer nutrack's database: its schema version is one past ours.
	cp "$DB" "$WORK/newer.db"
	sqlite3 "$WORK/newer.db" "PRAGMA user_version = $((version + 1))"
	sed "s/@NEXT@/$((version + 1))/; s/@THIS@/$version/" "$EXPECTED/fault-newer.err.in" \
		>"$WORK/newer.err"
	cp "$WORK/newer.db" "$WORK/before"
	"$NUTRACK_BIN" --db "$WORK/newer.db" add -m lunch sr28:01123 100g >/dev/null 2>"$WORK/err"
	is "fault-newer: exit status" "$?" 1
	is "fault-newer: the message" "$(sed "s|$WORK|\$WORK|g" "$WORK/err")" \
		"$(cat "$WORK/newer.err")"
	same_bytes "fault-newer: the file is unchanged" "$WORK/newer.db" "$WORK/before"
	# A negative schema version (damage, or a hand-made file) must not send
	# the migration outside its table.
	cp "$DB" "$WORK/negative.db"
	sqlite3 "$WORK/negative.db" "PRAGMA user_version = -1"
	fault negative-version "$WORK/negative.db"
else
	skip "fault-newer" "the sqlite3 program is not installed"
	skip "fault-negative-version" "the sqlite3 program is not installed"
fi

# ---- read-only ----
# A user for whom permissions count: ourselves, or nobody when we are root.
AS=""
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups -- true 2>/dev/null; then
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	else
		AS=none
	fi
fi
# The copy below must be the program itself, not a wrapper (make check-valgrind).
if [ "$AS" != none ] && [ "$(head -c 4 "$NUTRACK_BIN" | tail -c 3)" != ELF ]; then
	AS=wrapped
fi
if [ "$AS" = none ] || [ "$AS" = wrapped ]; then
	for c in ro-file ro-dir ro-first-run; do
		if [ "$AS" = none ]; then
			skip "fault-$c" "running as root without setpriv: read-only files are writable"
		else
			skip "fault-$c" "NUTRACK_BIN is a wrapper, not the program to copy"
		fi
	done
else
	# Our own copy of the program and its data, which nobody may read.
	chmod 755 "$WORK"
	mkdir -p "$WORK/bin/data"
	cp "$NUTRACK_BIN" "$WORK/bin/nutrack"
	for f in VERSION foods.csv portions.csv targets.csv staples.csv superseded.csv; do
		cp "$NUTRACK_DATA_DIR/$f" "$WORK/bin/data/"
	done
	chmod -R a+rX "$WORK/bin"
	if ! $AS test -x "$WORK/bin/nutrack"; then
		echo "# nobody cannot reach $WORK (is TMPDIR inside a private directory?)"
		AS=unreachable
	fi
fi
if [ "$AS" = unreachable ]; then
	for c in ro-file ro-dir ro-first-run; do
		skip "fault-$c" "nobody cannot reach the test directory; set TMPDIR=/tmp"
	done
elif [ "$AS" != none ] && [ "$AS" != wrapped ]; then
	give() { if [ -n "$AS" ]; then chown -R 65534:65534 "$@"; fi; }
	ro() { $AS env NUTRACK_DATA_DIR="$WORK/bin/data" "$WORK/bin/nutrack" "$@"; }

	# A read-only file in a directory we may write: reading works, writing
	# is refused.
	mkdir "$WORK/rofile"
	cp "$DB" "$WORK/rofile/nutrack.db"
	give "$WORK/rofile"
	chmod 444 "$WORK/rofile/nutrack.db"
	cp "$WORK/rofile/nutrack.db" "$WORK/before"
	expect fault-ro-file-read 0 ro --db "$WORK/rofile/nutrack.db" day --csv
	expect fault-ro-file-write 1 ro --db "$WORK/rofile/nutrack.db" add -m lunch sr28:01123 100g
	expect fault-ro-file-write 1 ro --db "$WORK/rofile/nutrack.db" profile --age 36
	same_bytes "fault-ro-file: the file is unchanged" "$WORK/rofile/nutrack.db" "$WORK/before"

	# A writable file in a read-only directory: SQLite cannot make its
	# -wal and -shm files, so even reading is refused, clearly.
	mkdir "$WORK/rodir"
	cp "$DB" "$WORK/rodir/nutrack.db"
	give "$WORK/rodir"
	chmod 555 "$WORK/rodir"
	cp "$WORK/rodir/nutrack.db" "$WORK/before"
	expect fault-ro-dir 1 ro --db "$WORK/rodir/nutrack.db" day
	expect fault-ro-dir 1 ro --db "$WORK/rodir/nutrack.db" add -m lunch sr28:01123 100g
	same_bytes "fault-ro-dir: the file is unchanged" "$WORK/rodir/nutrack.db" "$WORK/before"

	# The first run with $XDG_DATA_HOME in a read-only directory.
	mkdir "$WORK/rohome"
	give "$WORK/rohome"
	chmod 555 "$WORK/rohome"
	expect fault-ro-first-run 1 $AS env XDG_DATA_HOME="$WORK/rohome" \
		NUTRACK_DATA_DIR="$WORK/bin/data" "$WORK/bin/nutrack" day
	is "fault-ro-first-run: nothing was made" "$(ls -A "$WORK/rohome")" ""
fi

# ---- a full disk ----
mkdir "$WORK/small" "$WORK/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m,mode=0700 nt-faults "$WORK/small" 2>/dev/null &&
    MNT="$WORK/small" && mount -t tmpfs -o size=8m,mode=0700 nt-faults "$WORK/full" 2>/dev/null; then
	MNT="$MNT $WORK/full"
	# The first run: the bundled foods do not fit in 1 MiB.
	says fault-full-first-run 1 "^nutrack: $WORK/small/nutrack.db: .*disk full" \
		"$NUTRACK_BIN" --db "$WORK/small/nutrack.db" day
	is "fault-full-first-run: no database is left" "$(ls -A "$WORK/small")" ""

	# An existing database on a disk that then fills up.
	cp "$DB" "$WORK/full/nutrack.db"
	cp "$DB" "$WORK/before"
	dd if=/dev/zero of="$WORK/full/filler" bs=4096 2>/dev/null
	says fault-full-write 1 "^nutrack: $WORK/full/nutrack.db: .*disk full" \
		"$NUTRACK_BIN" --db "$WORK/full/nutrack.db" add -m lunch sr28:01123 100g
	same_bytes "fault-full-write: the file is unchanged" "$WORK/full/nutrack.db" "$WORK/before"
	is "fault-full-write: nothing left beside it" "$(ls -A "$WORK/full")" "filler
nutrack.db"
	# Reading needs the -shm too: export cannot start, and leaves none (SQLite
	# left a 3-byte one).
	says fault-full-export 1 "^nutrack: $WORK/full/nutrack.db: disk full" \
		"$NUTRACK_BIN" --db "$WORK/full/nutrack.db" export
	is "fault-full-export: nothing left beside it" "$(ls -A "$WORK/full")" "filler
nutrack.db"
	# A backup onto the full disk: a plain message, no temporary file or journal.
	says fault-full-backup 1 "^nutrack: cannot write $WORK/full/copy.db: disk full" \
		nt backup "$WORK/full/copy.db"
	is "fault-full-backup: nothing left" "$(ls -A "$WORK/full")" "filler
nutrack.db"
	# An export written whole (a temporary file renamed into place): the same.
	says fault-full-export-o 1 "^nutrack: cannot write $WORK/full/journal.csv: disk full" \
		nt export -o "$WORK/full/journal.csv"
	is "fault-full-export-o: nothing left" "$(ls -A "$WORK/full")" "filler
nutrack.db"

	# The same while another nutrack has it open (so its -shm exists): now
	# reading works and the write itself meets the full disk.
	rm -f "$WORK/full/filler" "$WORK/full/nutrack.db-wal" "$WORK/full/nutrack.db-shm"
	mkfifo "$WORK/hold"
	sqlite3 "$WORK/full/nutrack.db" <"$WORK/hold" >/dev/null &
	holder=$!
	exec 3>"$WORK/hold"
	echo "SELECT count(*) FROM entries;" >&3
	i=0
	while [ ! -s "$WORK/full/nutrack.db-shm" ] && [ "$i" -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	dd if=/dev/zero of="$WORK/full/filler" bs=4096 2>/dev/null
	expect fault-full-open-read 0 "$NUTRACK_BIN" --db "$WORK/full/nutrack.db" day --csv
	says fault-full-open-write 1 "^nutrack: $WORK/full/nutrack.db: disk full" \
		"$NUTRACK_BIN" --db "$WORK/full/nutrack.db" add -m lunch sr28:01123 100g
	says fault-full-open-write 1 "^nutrack: $WORK/full/nutrack.db: disk full" \
		"$NUTRACK_BIN" --db "$WORK/full/nutrack.db" foods add "Oat bar" --b12 1
	exec 3>&-
	wait "$holder"
	rm -f "$WORK/full/filler"
	same_bytes "fault-full-open: the file is unchanged" "$WORK/full/nutrack.db" "$WORK/before"
else
	for c in full-first-run full-write full-export full-backup full-export-o full-open; do
		skip "fault-$c" "cannot mount a small tmpfs here (needs root and a system that allows mount)"
	done
fi

# ---- a read-only file system ----
mkdir "$WORK/romnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=8m,mode=0700 nt-faults "$WORK/romnt" 2>/dev/null; then
	MNT="$MNT $WORK/romnt"
	cp "$DB" "$WORK/romnt/nutrack.db"
	cp "$DB" "$WORK/before"
	if mount -o remount,ro "$WORK/romnt" 2>/dev/null; then
		expect fault-ro-mount 1 "$NUTRACK_BIN" --db "$WORK/romnt/nutrack.db" day
		expect fault-ro-mount 1 "$NUTRACK_BIN" --db "$WORK/romnt/nutrack.db" add -m lunch sr28:01123 100g
		expect fault-ro-mount-new 1 "$NUTRACK_BIN" --db "$WORK/romnt/new.db" day
		same_bytes "fault-ro-mount: the file is unchanged" "$WORK/romnt/nutrack.db" "$WORK/before"
	else
		skip "fault-ro-mount" "cannot remount a tmpfs read-only here"
	fi
else
	skip "fault-ro-mount" "cannot mount a tmpfs here (needs root and a system that allows mount)"
fi

# ---- a closed pipe: nutrack export | head -1 ----
# The reader goes after one line: nutrack ends quietly with status 1 (the man
# page's "a closed pipe"), not killed by SIGPIPE (status 141).
{
	echo "date,meal,food_id,amount,grams,status"
	awk 'BEGIN { for (i = 0; i < 3000; i++)
		printf "2025-%02d-%02d,lunch,sr28:09040,%dg,%d,eaten\n", i % 12 + 1, i % 28 + 1,
			i % 500 + 1, i % 500 + 1 }'
} >"$WORK/pipe.csv"
"$NUTRACK_BIN" --db "$WORK/pipe.db" import "$WORK/pipe.csv" >/dev/null
for cmd in "export" "report --format html --from 2025-01-01 --to 2025-12-31"; do
	# shellcheck disable=SC2086 # the words are the command's arguments
	{ "$NUTRACK_BIN" --db "$WORK/pipe.db" $cmd 2>"$WORK/err"; echo $? >"$WORK/status"; } |
		head -n 1 >/dev/null
	is "fault-closed-pipe: $cmd: exit status 1, nothing said" \
		"$(cat "$WORK/status") $(cat "$WORK/err")" "1 "
done

# ---- standard output on a full device ----
if [ -c /dev/full ]; then
	for cmd in "day" "day --csv" "search egg" "week" "report --format html" "--help" \
		"--version" "day --help"; do
		# shellcheck disable=SC2086 # the words are the command's arguments
		nt $cmd >/dev/full 2>"$WORK/err"
		st=$?
		is "fault-stdout-full: $cmd: exit status 1 and a message" \
			"$st $(cat "$WORK/err")" "1 nutrack: write error on standard output"
	done
else
	skip "fault-stdout-full" "there is no /dev/full"
fi
# -o onto a device writes to it, and never renames a file over it.
if [ "$(id -u)" -eq 0 ] && mknod "$WORK/fulldev" c 1 7 2>/dev/null; then
	expect fault-report-o-full 1 nt report --csv -o "$WORK/fulldev"
	is "fault-report-o-full: still a device" "$(test -c "$WORK/fulldev" && echo device)" device
	expect fault-backup-device 1 nt backup --force "$WORK/fulldev"
	is "fault-backup-device: still a device" "$(test -c "$WORK/fulldev" && echo device)" device
else
	skip "fault-report-o-full" "cannot make a device node here (needs root)"
fi

done_testing
