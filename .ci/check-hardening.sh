#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-hardening.sh - checks that a built nutrack carries the hardening
# configure adds by default: PIE, full RELRO (RELRO + BIND_NOW), the stack
# protector and FORTIFY_SOURCE, read from the ELF file with readelf; stack
# clash protection leaves no mark in the file, so for it the build tree's
# Makefile is asked what configure chose.
# Usage: check-hardening.sh BINARY [MAKEFILE]; exit 1 when anything is missing.
set -u
bin=${1:?usage: check-hardening.sh BINARY [MAKEFILE]}
makefile=${2:-$(dirname "$bin")/Makefile}
failed=0
check() {
	if [ "$2" = yes ]; then
		echo "ok: $1"
	else
		echo "MISSING: $1"
		failed=1
	fi
}
has() { if grep -q -- "$1"; then echo yes; else echo no; fi; }

readelf -h "$bin" >/dev/null || exit 1
check "PIE (ELF type DYN, flag PIE)" \
	"$( (readelf -h "$bin" | grep -q 'Type: *DYN' && readelf -d "$bin" | grep -q 'FLAGS_1.*PIE') &&
		echo yes || echo no)"
check "RELRO (a GNU_RELRO segment)" "$(readelf -lW "$bin" | has GNU_RELRO)"
check "full RELRO (BIND_NOW)" "$(readelf -d "$bin" | has 'BIND_NOW\|FLAGS_1.*NOW')"
check "stack protector (__stack_chk_fail)" "$(readelf --dyn-syms -W "$bin" | has ' __stack_chk_fail')"
check "FORTIFY_SOURCE (checked __*_chk functions)" \
	"$(readelf --dyn-syms -W "$bin" | grep -v __stack_chk_fail | has ' __[a-z]*_chk')"
check "stack clash protection (configure chose -fstack-clash-protection)" \
	"$(grep '^HARDEN_CFLAGS' "$makefile" 2>/dev/null | has -fstack-clash-protection)"
exit "$failed"
