#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_tui_graph.sh - the TUI's files form a tree, not a circle (issue 12).
#
# Prints, as TAP comments, two graphs over the modules of src/tui (a module
# is x.c with its x.h): who includes whom, and whose functions each one's
# object calls (from nm, when the objects are built).  Either with a circle
# fails, as does a view's header included by anything but the loop (tui.c)
# and the view itself: views reach each other only through the loop.
#
# Run by make check, or by hand: sh tests/unit/test_tui_graph.sh [srcdir [builddir]]
srcdir=${1:-${NUTRACK_TESTS:+$NUTRACK_TESTS/..}}
srcdir=${srcdir:-.}
builddir=${2:-.}
tui=$srcdir/src/tui
tmp=${TMPDIR:-/tmp}/nt_graph.$$
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp" || exit 1

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

# "a b" lines: module a depends on module b (never itself).
for f in "$tui"/*.c "$tui"/*.h; do
	m=$(basename "$f"); m=${m%.*}
	sed -n 's/^#include "\(tui[a-z_]*\)\.h".*/\1/p' "$f" | while read -r h; do
		[ "$h" != "$m" ] && [ -f "$tui/$h.h" ] && echo "$m $h"
	done
done | sort -u > "$tmp/includes"

echo "# include graph of src/tui (module -> modules whose header it includes):"
awk '{ d[$1] = d[$1] " " $2 } END { for (m in d) print "#   " m " ->" d[m] }' \
	"$tmp/includes" | sort

# tsort says "input contains a loop" on stderr when there is a circle.
if tsort "$tmp/includes" > /dev/null 2> "$tmp/loop" && [ ! -s "$tmp/loop" ]; then
	ok "no include circle among src/tui files"
else
	sed 's/^/# /' "$tmp/loop"
	not_ok "no include circle among src/tui files"
fi

# A header declares its own module's functions only: one header declaring
# several files' functions (as tui_priv.h did) hides a circle from the
# include graph.  tui.h, the TUI's entry points for main.c, is the exception.
bad=
for h in "$tui"/*.h; do
	m=$(basename "$h" .h)
	[ "$m" = tui ] && continue
	for f in $(sed -n 's/^[a-z][a-z_0-9 *]*[ *]\(tui_[a-z_0-9]*\)(.*/\1/p' "$h"); do
		grep -Eq "^([a-z][a-z_0-9 *]*[ *])?$f\(" "$tui/$m.c" 2> /dev/null || bad="$bad $m.h:$f"
	done
done
if [ -z "$bad" ]; then
	ok "each src/tui header declares only its own file's functions"
else
	not_ok "each src/tui header declares only its own file's functions:$bad"
fi

# A view's header (the one declaring its struct tui_view_ops) is the loop's.
views=$(grep -l 'extern const struct tui_view_ops' "$tui"/*.h | sed 's|.*/||; s|\.h$||')
bad=
for v in $views; do
	for m in $(awk -v v="$v" '$2 == v { print $1 }' "$tmp/includes"); do
		[ "$m" = tui ] || [ "$m" = "$v" ] || bad="$bad $m->$v"
	done
done
if [ -z "$bad" ] && [ -n "$views" ]; then
	ok "only tui.c includes the views' headers ($(echo $views))"
else
	not_ok "only tui.c includes the views' headers:${bad:- no view header found}"
fi

# The same from the objects: module -> modules defining a tui_ symbol it uses.
objs=$(ls "$builddir"/src/tui/nutrack-tui*.o 2> /dev/null)
if [ -z "$objs" ] || ! command -v nm > /dev/null 2>&1; then
	n=$((n + 1))
	echo "ok $n # SKIP no objects in $builddir/src/tui (or no nm)"
	echo "1..$n"
	exit 0
fi
for o in $objs; do
	m=$(basename "$o" .o); m=${m#nutrack-}
	nm --defined-only "$o" | awk -v m="$m" '$2 ~ /^[TDRB]$/ && $3 ~ /^tui_/ { print $3, m }'
done | sort > "$tmp/defs"
for o in $objs; do
	m=$(basename "$o" .o); m=${m#nutrack-}
	nm -u "$o" | awk '$2 ~ /^tui_/ { print $2 }' | sort -u | join - "$tmp/defs" |
		awk -v m="$m" '$2 != m { print m, $2 }'
done | sort -u > "$tmp/calls"
echo "# call graph of src/tui (module -> modules whose functions or views it uses):"
awk '{ d[$1] = d[$1] " " $2 } END { for (m in d) print "#   " m " ->" d[m] }' \
	"$tmp/calls" | sort
if tsort "$tmp/calls" > /dev/null 2> "$tmp/loop" && [ ! -s "$tmp/loop" ]; then
	ok "no call circle among src/tui objects"
else
	sed 's/^/# /' "$tmp/loop"
	not_ok "no call circle among src/tui objects"
fi
echo "1..$n"
