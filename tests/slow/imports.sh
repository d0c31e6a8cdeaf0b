#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# imports.sh - an `add` every 100 ms while an import runs: a journal import
# whose file arrives over 30 seconds, a custom-food import, an Open Food
# Facts import and a Cronometer import whose files arrive over 10 seconds
# each, and an import-fdc of a generated SR-Legacy-sized download.  Imports
# read and check their input without the write lock and merge it in one
# short transaction: every add lands, none waits a second, and each import
# is whole.  (An earlier nutrack held the lock for the whole import: every
# add failed after 5 s.)
# Part of `make check-slow` (about two minutes).
. "$NUTRACK_TESTS/cli/lib.sh"

JOURNAL_SECONDS=${NT_IMPORT_SECONDS:-30}
OTHER_SECONDS=${NT_IMPORT_OTHER_SECONDS:-10}
is_n() { if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "got $2, want $3"; fi; }
ms() { date +%s%N | cut -c1-13; }

nt profile >/dev/null
nt backup "$WORK/base.db" >/dev/null

# slowly SECONDS FILE: the file's header, then its rows in SECONDS parts,
# one a second: an import reading standard input takes SECONDS seconds.
slowly() {
	rows=$(($(wc -l <"$2") - 1))
	per=$(((rows + $1 - 1) / $1))
	head -n 1 "$2"
	i=0
	while [ "$i" -lt "$1" ]; do
		tail -n +2 "$2" | sed -n "$((i * per + 1)),$(((i + 1) * per))p"
		sleep 1
		i=$((i + 1))
	done
}

# during NAME COMMAND...: runs the import COMMAND (a function or program)
# in the background on a copy of the base database and adds an entry every
# 100 ms until it ends; checks that the import succeeded, that every add
# landed and none waited a second, and that the database checks out.
during() {
	name=$1
	shift
	cp "$WORK/base.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	: >"$WORK/add.err"
	"$@" >"$WORK/import.out" 2>"$WORK/import.err" &
	pid=$!
	tried=0 landed=0 longest=0
	while kill -0 "$pid" 2>/dev/null; do
		t0=$(ms)
		if nt add -d 2026-01-15 -m snack sr28:09040 "$((tried + 1))g" >/dev/null \
			2>>"$WORK/add.err"; then
			landed=$((landed + 1))
		fi
		t1=$(ms)
		[ $((t1 - t0)) -gt "$longest" ] && longest=$((t1 - t0))
		tried=$((tried + 1))
		sleep 0.1
	done
	wait "$pid"
	status=$?
	echo "# $name: $landed of $tried adds landed; the longest took $longest ms"
	is_n "$name: the import succeeds" "$status" 0
	[ "$status" -eq 0 ] || sed 's/^/#   /' "$WORK/import.err" | head -n 5
	is_n "$name: every add during it lands ($tried tried)" "$landed" "$tried"
	[ "$landed" -eq "$tried" ] || sort "$WORK/add.err" | uniq -c | sed 's/^/#   /' | head -n 5
	if [ "$longest" -lt 1000 ]; then
		tap_ok "$name: no add waited a second ($longest ms)"
	else
		tap_not_ok "$name: no add waited a second" "the longest took $longest ms"
	fi
	is_n "$name: the adds are all in the journal" \
		"$(nt export --from 2026-01-15 --to 2026-01-15 | tail -n +2 | wc -l)" "$tried"
	nt check >/dev/null 2>&1
	is_n "$name: the database checks out" "$?" 0
}

# ---- the journal: 20,000 entries over 30 seconds ----
{
	echo "date,meal,food_id,amount,grams,status"
	awk 'BEGIN { for (i = 0; i < 20000; i++)
		printf "2025-%02d-%02d,%s,sr28:09040,%d.%03dg,%d.%03d,eaten\n", i % 12 + 1,
			i % 28 + 1, (i % 2 ? "lunch" : "dinner"), i / 1000 + 1, i % 1000,
			i / 1000 + 1, i % 1000 }'
} >"$WORK/journal.csv"
journal_import() { slowly "$JOURNAL_SECONDS" "$WORK/journal.csv" | nt import -; }
during "import (${JOURNAL_SECONDS} s)" journal_import
is_n "import: all 20000 entries are there" \
	"$(nt export --from 2025-01-01 --to 2025-12-31 | tail -n +2 | wc -l)" 20000

# ---- custom foods: 5,000 over 10 seconds ----
{
	printf 'id,name,group,b12_ug,b12_added_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,'
	printf 'energy_kcal,protein_g,contains,portions\n'
	awk 'BEGIN { for (i = 1; i <= 5000; i++)
		printf "custom:%d,Slow food %d,Custom foods,%g,,,,,,%d,,,none,1 bar=40\n",
			i, i, (i % 13) / 10, 100 + i % 300 }'
} >"$WORK/foods.csv"
foods_import() { slowly "$OTHER_SECONDS" "$WORK/foods.csv" | nt foods import -; }
during "foods import (${OTHER_SECONDS} s)" foods_import
is_n "foods import: all 5000 foods are there" "$(nt foods export | tail -n +2 | wc -l)" 5000

# ---- Open Food Facts: 10,000 products over 10 seconds ----
{
	printf 'code\tproduct_name\tbrands\tserving_size\tproteins_100g\tvitamin-b12_100g\t'
	printf 'omega-3-fat_100g\tpotassium_100g\tenergy-kcal_100g\n'
	awk 'BEGIN { for (i = 1; i <= 10000; i++)
		printf "541000%07d\tSlow drink %d\tBrand\t250 ml\t3\t0.0000004\t\t0.12\t40\n",
			i, i }'
} >"$WORK/off.tsv"
off_import() { slowly "$OTHER_SECONDS" "$WORK/off.tsv" | nt import-off -; }
during "import-off (${OTHER_SECONDS} s)" off_import
is_n "import-off: all 10000 products are there" \
	"$(grep -c '^New foods: *10000$' "$WORK/import.out")" 1

# ---- a Cronometer export: 10,000 rows of 2,000 foods over 10 seconds ----
{
	echo "Day,Group,Food Name,Amount,Energy (kcal),Potassium (mg),Category"
	awk 'BEGIN { for (i = 0; i < 10000; i++) {
		g = 100 + (i % 3) * 50
		printf "2024-%02d-%02d,%s,Slow soup %d,%d.00 g,%d.00,%d.00,Soups\n", i % 12 + 1,
			i % 28 + 1, (i % 2 ? "Lunch" : "Dinner"), i % 2000, g, 2 * g, 3 * g } }'
} >"$WORK/servings.csv"
foreign_import() { slowly "$OTHER_SECONDS" "$WORK/servings.csv" | nt import --from cronometer -; }
during "import --from cronometer (${OTHER_SECONDS} s)" foreign_import
is_n "import --from cronometer: 10000 entries and 2000 foods" \
	"$(grep -c '^10000 entries imported, 0 already present; 2000 cronometer foods added' \
		"$WORK/import.out")" 1

# ---- FoodData Central: a generated SR-Legacy-sized download ----
MKFDC=$NUTRACK_TESTS/../bench/mkfdc.py
if command -v python3 >/dev/null 2>&1 && [ -f "$MKFDC" ]; then
	python3 "$MKFDC" sr "$WORK/fdc" 7800 >/dev/null
	fdc_import() { nt import-fdc "$WORK/fdc"; }
	during "import-fdc (7,800 foods)" fdc_import
	is_n "import-fdc: all 7800 foods are there" \
		"$(grep -c '^New foods: *7800$' "$WORK/import.out")" 1
else
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - import-fdc # SKIP needs python3 and bench/mkfdc.py"
fi

done_testing
