# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - drive the real nutrack binary in a private tmux server: send keys,
# poll the screen until the expected text appears (no blind sleeps), and
# check the database afterwards through the CLI.  Emits TAP.

set -u
: "${NUTRACK_BIN:?run through make check}"
: "${NUTRACK_TESTS:?run through make check}"
# The program under test is the staged install (it finds its own data);
# the build tree's binary checks the database through the CLI.
TUI_BIN=${NUTRACK_INSTALLED:-$NUTRACK_BIN}

tap_n=0
tap_failed=0
TMUX_CMD=${TMUX_BIN:-$(command -v tmux || true)}
if [ -z "$TMUX_CMD" ]; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nt-tui.XXXXXX") || exit 1
DB=$WORK/nutrack.db
SOCK=nt$$
sessions=0
EXPECTED=$NUTRACK_TESTS/tui/expected
cleanup() {
	i=0
	while [ "$i" -le "$sessions" ]; do
		"$TMUX_CMD" -L "nt$$-$i" kill-server >/dev/null 2>&1
		i=$((i + 1))
	done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

tm() { "$TMUX_CMD" -L "$SOCK" "$@"; }

# new_server: the next session gets a tmux server of its own.
new_server() {
	tm kill-server >/dev/null 2>&1
	sessions=$((sessions + 1))
	SOCK=nt$$-$sessions
}
nt() { "$NUTRACK_BIN" --db "$DB" "$@"; }

# nt_on DAY ARGS...: nt as on the day DAY (NUTRACK_TODAY=DAY), e.g. to log
#   food as eaten on a day after the tests' today (it would be planned).
nt_on() { nt_day=$1; shift; NUTRACK_TODAY=$nt_day "$NUTRACK_BIN" --db "$DB" "$@"; }

tap_ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
tap_not_ok() {
	tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}
is() { if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got '$2'" "want '$3'"; fi; }

# start COLS ROWS [ENV=VALUE...]: runs nutrack in a new tmux session.  When
# it ends, its exit status goes to a file (see wait_exit) and the screen.
start() {
	cols=$1 rows=$2
	shift 2
	new_server
	rm -f "$WORK/exit.$sessions"
	tm -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"env -u NUTRACK_DATA_DIR LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $* '$TUI_BIN' --db '$DB'; st=\$?; echo \$st >'$WORK/exit.$sessions'; echo \"exited \$st\"; sleep 60"
}

screen() { tm capture-pane -p 2>/dev/null; }

# wait_for LABEL TEXT [SECONDS]: polls the screen until TEXT shows up.
wait_for() {
	label=$1 text=$2 limit=${3:-10}
	i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		if screen | grep -qF -- "$text"; then
			tap_ok "$label"
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	tap_not_ok "$label" "timed out waiting for: $text" "screen was:"
	screen | sed 's/^/#   | /'
	return 1
}

# wait_exit LABEL [STATUS]: waits for the program of the last start to end
# (with STATUS, when given).  Read from a file, not the screen: a program killed
# mid-frame leaves the cursor anywhere, and the shell's "Killed" line (with
# the whole command, as long as the build path) can wrap "exited N" across
# two lines of the pane.
wait_exit() {
	label=$1 want=${2:-}
	i=0
	while [ "$i" -lt 200 ]; do
		if [ -s "$WORK/exit.$sessions" ]; then
			got=$(cat "$WORK/exit.$sessions")
			is "$label" "$got" "${want:-$got}"
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	tap_not_ok "$label" "timed out waiting for the program to end" "screen was:"
	screen | sed 's/^/#   | /'
}

# keys KEY...: tmux key names (Enter, Down, C-u); text goes with `type`.
keys() { tm send-keys "$@"; }
type_text() { tm send-keys -l -- "$1"; }
# click X Y: a left click (press, release) at column X, row Y (from 0), as
# an xterm reports it (X10 encoding, TERM=screen-256color's kmous).
click() {
	cx=$(printf '\\%03o' $(($1 + 33))) cy=$(printf '\\%03o' $(($2 + 33)))
	for b in ' ' '#'; do
		tm send-keys -l -- "$(printf "\\033[M$b$cx$cy")"
	done
}

# same_screen NAME: compares the whole screen with expected/NAME.screen.
same_screen() {
	screen >"$WORK/screen"
	if [ -n "${NT_BLESS:-}" ]; then cp "$WORK/screen" "$EXPECTED/$1.screen"; fi
	if diff -u "$EXPECTED/$1.screen" "$WORK/screen" >"$WORK/diff"; then
		tap_ok "screen $1"
	else
		tap_not_ok "screen $1"
		sed 's/^/#   /' "$WORK/diff"
	fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
