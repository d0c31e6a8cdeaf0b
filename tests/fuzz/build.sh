#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# build.sh OUTDIR - builds the libFuzzer targets tests/fuzz/fuzz_*.c into OUTDIR.
#
# Needs clang with libFuzzer (Debian: apt-get install clang), and the
# headers of sqlite3, libcsv and GLPK as the regular build does.  The core
# (src/core/*.c) is compiled as it is, with coverage instrumentation and
# AddressSanitizer + UndefinedBehaviorSanitizer (every report fatal), and
# each target is linked against it.  The autotools build is not needed: a
# minimal config.h with the defines the core relies on is written to
# OUTDIR.  CC overrides the compiler (a clang); JOBS the parallel compiles.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
mkdir -p "$1/obj"
out=$(cd "$1" && pwd)
CC=${CC:-clang}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "$0: $CC not found (Debian: apt-get install clang)" >&2
	exit 1
fi
SQLITE_CFLAGS=$(pkg-config --cflags sqlite3 2>/dev/null || true)
SQLITE_LIBS=$(pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)

# What configure puts in config.h and the core depends on: the system
# extensions (AC_USE_SYSTEM_EXTENSIONS: strdup, mkstemp, localtime_r...)
# and the package's name and version.
cat >"$out/config.h.new" <<'EOF'
/* config.h - written by tests/fuzz/build.sh for the fuzz build. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#ifndef _FILE_OFFSET_BITS
# define _FILE_OFFSET_BITS 64
#endif
#define HAVE_CSV_H 1
#define HAVE_GLPK_H 1
#define HAVE_POSIX_FADVISE 1
#define PACKAGE "nutrack"
#define PACKAGE_NAME "nutrack"
#define PACKAGE_TARNAME "nutrack"
#define PACKAGE_VERSION "fuzz"
#define PACKAGE_STRING "nutrack fuzz"
#define PACKAGE_BUGREPORT ""
#define PACKAGE_URL ""
#define VERSION "fuzz"
EOF
if cmp -s "$out/config.h.new" "$out/config.h"; then
	rm -f "$out/config.h.new"
else
	mv "$out/config.h.new" "$out/config.h"
fi

SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer $SAN -Wall -Wextra ${FUZZ_CFLAGS:-}"
CPPFLAGS="-I$out -I$top/src/core $SQLITE_CFLAGS"
LIBS="$SQLITE_LIBS -lcsv -lglpk -lm"

echo "fuzz build: $CC $CFLAGS"
# The core: coverage-instrumented objects (fuzzer-no-link), in parallel.
# NT_SRCDATADIR as in Makefile.am, so the targets find data/ on their own.
export CC CFLAGS CPPFLAGS out top
ls "$top"/src/core/*.c | xargs -P "$JOBS" -I{} sh -c '
	src={}; obj="$out/obj/$(basename "$src" .c).o"
	if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] || [ "$out/config.h" -nt "$obj" ] ||
	   [ -n "$(find "$top/src/core" -name "*.h" -newer "$obj" | head -n 1)" ]; then
		$CC $CFLAGS -fsanitize=fuzzer-no-link $CPPFLAGS \
		    -DNT_SRCDATADIR="\"$top/data\"" -c "$src" -o "$obj" || exit 255
	fi'
rm -f "$out/libcore.a"
ar rcs "$out/libcore.a" "$out"/obj/*.o

# The targets: warnings are errors in code that exists only for fuzzing.
ls "$here"/fuzz_*.c | xargs -P "$JOBS" -I{} sh -c '
	src={}; name=$(basename "$src" .c)
	$CC $CFLAGS -Werror -fsanitize=fuzzer $CPPFLAGS "$src" "$out/libcore.a" \
	    '"$LIBS"' -o "$out/$name" || exit 255
	echo "  built $out/$name"'
