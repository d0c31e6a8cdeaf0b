#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# faults.sh - the TUI when its database cannot be opened (not a database, a
# newer nutrack's, a first run in a read-only directory) or not written (a
# read-only file, a full disk): a clear message, a clean exit that leaves
# the terminal as it was, and the file's bytes unchanged.  And food names
# holding escape sequences never reach the terminal raw.
#
# As root the read-only cases run as nobody (setpriv); the full disk is an
# 8 MiB tmpfs (root, and a system that allows mount).  Else they skip.
. "$NUTRACK_TESTS/tui/lib.sh"

MNT=""
faults_cleanup() {
	i=0
	while [ "$i" -le "$sessions" ]; do
		"$TMUX_CMD" -L "nt$$-$i" kill-server >/dev/null 2>&1
		i=$((i + 1))
	done
	for m in $MNT; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
	chmod -R u+rwX "$WORK" 2>/dev/null
	rm -rf "$WORK"
}
trap faults_cleanup EXIT INT TERM

skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }
same_bytes() {
	if cmp -s "$2" "$3" && [ ! -s "$2-wal" ] && [ ! -e "$2-journal" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "$2 changed"
	fi
}

# run COLS ROWS COMMAND: a new tmux session running COMMAND (a shell
# command line), then "exited STATUS" when it ends.
run() {
	new_server
	tm -f /dev/null new-session -d -x "$1" -y "$2" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $3; echo \"exited \$?\"; sleep 60"
}
# left_screen LABEL: after the exit, the day view is gone (the alternate
# screen was left, or never entered).
left_screen() { is "$1" "$(screen | grep -c 'Totals against targets')" 0; }

# Our own copy of the program and its data, where nobody may read them too.
chmod 755 "$WORK"
mkdir -p "$WORK/bin/data"
cp "$TUI_BIN" "$WORK/bin/nutrack"
for f in VERSION foods.csv portions.csv targets.csv staples.csv; do
	cp "$NUTRACK_DATA_DIR/$f" "$WORK/bin/data/"
done
chmod -R a+rX "$WORK/bin"
BIN="NUTRACK_DATA_DIR='$WORK/bin/data' '$WORK/bin/nutrack'"

nt profile --sex male --age 40 --diet omnivore >/dev/null
nt add --meal breakfast sr28:01123 "2 large" >/dev/null

# ---- a database that cannot be opened ----
printf 'not a database\n' >"$WORK/notes.txt"
cp "$WORK/notes.txt" "$WORK/before"
run 200 24 "$BIN --db '$WORK/notes.txt'"
wait_for "a text file: the message" "notes.txt: not a nutrack database"
wait_for "a text file: exit status 1" "exited 1"
left_screen "a text file: no day view"
same_bytes "a text file: unchanged" "$WORK/notes.txt" "$WORK/before"

if command -v sqlite3 >/dev/null 2>&1; then
	cp "$DB" "$WORK/newer.db"
	sqlite3 "$WORK/newer.db" "PRAGMA user_version = $(($(sqlite3 "$DB" 'PRAGMA user_version') + 1))"
	cp "$WORK/newer.db" "$WORK/before"
	run 200 24 "$BIN --db '$WORK/newer.db'"
	wait_for "a newer nutrack's database: the message" "was made by a newer nutrack"
	wait_for "a newer nutrack's database: exit status 1" "exited 1"
	same_bytes "a newer nutrack's database: unchanged" "$WORK/newer.db" "$WORK/before"
else
	skip "a newer nutrack's database" "the sqlite3 program is not installed"
fi

# ---- read-only ----
AS=""
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups -- true 2>/dev/null; then
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	else
		AS=none
	fi
fi
if [ "$AS" != none ] && ! $AS test -x "$WORK/bin/nutrack"; then
	AS=unreachable
fi
if [ "$AS" = none ]; then
	skip "read-only" "running as root without setpriv: read-only files are writable"
elif [ "$AS" = unreachable ]; then
	skip "read-only" "nobody cannot reach the test directory; set TMPDIR=/tmp"
else
	give() { if [ -n "$AS" ]; then chown -R 65534:65534 "$@"; fi; }
	# The first run, $XDG_DATA_HOME in a read-only directory.
	mkdir "$WORK/rohome"
	give "$WORK/rohome"
	chmod 555 "$WORK/rohome"
	run 200 24 "$AS env XDG_DATA_HOME='$WORK/rohome' $BIN"
	wait_for "read-only first run: the message" "cannot create directory"
	wait_for "read-only first run: exit status 1" "exited 1"
	left_screen "read-only first run: no day view"

	# A read-only database file: the day shows; logging says why it failed;
	# q quits cleanly.
	mkdir "$WORK/ro"
	cp "$DB" "$WORK/ro/nutrack.db"
	give "$WORK/ro"
	chmod 444 "$WORK/ro/nutrack.db"
	cp "$WORK/ro/nutrack.db" "$WORK/before"
	run 80 24 "$AS env $BIN --db '$WORK/ro/nutrack.db'"
	wait_for "read-only file: the day shows" "Egg, whole, raw, fresh"
	keys a
	type_text "banana raw"
	wait_for "read-only file: banana found" "Banana, raw"
	keys Enter
	wait_for "read-only file: banana portions" "1 banana (126 g)"
	keys Enter
	wait_for "read-only file: logging fails, saying why" "cannot write the database"
	keys Escape
	keys Escape
	wait_for "read-only file: back to the day" "Totals against targets"
	keys q
	wait_for "read-only file: q quits" "exited 0"
	left_screen "read-only file: the terminal is restored"
	same_bytes "read-only file: unchanged" "$WORK/ro/nutrack.db" "$WORK/before"
fi

# ---- a full disk while the TUI is open ----
mkdir "$WORK/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=8m nt-faults "$WORK/full" 2>/dev/null; then
	MNT="$WORK/full"
	cp "$DB" "$WORK/full/nutrack.db"
	cp "$DB" "$WORK/before"
	run 80 24 "$BIN --db '$WORK/full/nutrack.db'"
	wait_for "full disk: the day shows" "Egg, whole, raw, fresh"
	dd if=/dev/zero of="$WORK/full/filler" bs=4096 2>/dev/null
	keys a
	type_text "banana raw"
	wait_for "full disk: banana found" "Banana, raw"
	keys Enter
	wait_for "full disk: banana portions" "1 banana (126 g)"
	keys Enter
	wait_for "full disk: logging fails, saying why" "disk full"
	keys Escape
	keys Escape
	wait_for "full disk: back to the day" "Totals against targets"
	keys q
	wait_for "full disk: q quits" "exited 0"
	left_screen "full disk: the terminal is restored"
	rm -f "$WORK/full/filler"
	same_bytes "full disk: unchanged" "$WORK/full/nutrack.db" "$WORK/before"
	nt2() { "$NUTRACK_BIN" --db "$WORK/full/nutrack.db" "$@"; }
	is "full disk: no banana was logged" "$(nt2 day | grep -c 'Banana')" 0
else
	skip "full disk" "cannot mount a small tmpfs here (needs root and a system that allows mount)"
fi

# ---- escape sequences in food names ----
if command -v sqlite3 >/dev/null 2>&1; then
	nt foods add "Evil bar" --serving 40 --unit bar --b12 1 >/dev/null
	nt add --meal lunch custom:1 "1 bar" >/dev/null
	sqlite3 "$DB" "UPDATE foods SET name = 'Evil$(printf '\033')]52;c;cHduZWQ=$(printf '\007')$(printf '\033')[2J$(printf '\302\233')31m bar'
		WHERE source = 'custom'"
	start 80 24
	wait_for "escapes: the day shows" "Totals against targets"
	tm pipe-pane -o "cat >>'$WORK/raw'"
	keys C-l
	wait_for "escapes: the name shows with '?'" "Evil?]52;c;cHduZWQ=??[2J?31m bar"
	keys q
	wait_for "escapes: quits" "exited 0"
	tm pipe-pane
	is "escapes: no OSC 52 reached the terminal" \
		"$(LC_ALL=C grep -c "$(printf '\033')]52" "$WORK/raw")" 0
	is "escapes: no C1 CSI reached the terminal" \
		"$(LC_ALL=C grep -c "$(printf '\302\233')" "$WORK/raw")" 0
	is "escapes: the redraw was recorded" \
		"$(LC_ALL=C grep -q 'Evil?]52;c;cHduZWQ=??\[2J?31m bar' "$WORK/raw" && echo yes)" yes
else
	skip "escapes" "the sqlite3 program is not installed"
fi

# ---- format characters in names and amounts: shown escaped ----
# U+202E would reverse the rest of the line on the terminal, U+200B hide a
# difference between two names; a name may hold them (they are letters to
# the checks), the screen shows them as <U+202E>.
RLO=$(printf '\342\200\256') ZWSP=$(printf '\342\200\213')
nt foods add "Bidi${RLO}rab${ZWSP} bar" --serving 40 --unit bar --b12 1 >/dev/null
nt add --meal dinner bidi "1 bar" >/dev/null
start 100 24
wait_for "format characters: the day shows" "Totals against targets"
tm pipe-pane -o "cat >>'$WORK/raw-format'"
keys C-l
wait_for "format characters: the name shows escaped" "Bidi<U+202E>rab<U+200B> bar"
keys q
wait_for "format characters: quits" "exited 0"
tm pipe-pane
is "format characters: none reached the terminal raw" \
	"$(LC_ALL=C grep -c -e "$RLO" -e "$ZWSP" "$WORK/raw-format")" 0

done_testing
