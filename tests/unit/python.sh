#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# python.sh - runs a Python TAP test (the data generator's own tests) with
# python3, or skips it where python3 is missing; writes no bytecode into
# the (possibly read-only) source tree.
py=$(command -v python3 || true)
if [ -z "$py" ]; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
PYTHONDONTWRITEBYTECODE=1 exec "$py" "$@"
