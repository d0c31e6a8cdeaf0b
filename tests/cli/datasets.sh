#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# datasets.sh - import-fdc and import-off on fixture files: counts, reruns, dry runs,
# skipped rows with file:line, structural faults that change nothing, search.
. "$NUTRACK_TESTS/cli/lib.sh"

# Copies under $WORK, so that messages show "$WORK/..." paths.
FDC=$WORK/fdc
OFF=$WORK/products.tsv
mkdir "$FDC" || exit 1
for f in "$NUTRACK_FIXTURES"/fdc/*.csv; do cp "$f" "$FDC/"; done
cp "$NUTRACK_FIXTURES/off/products.tsv" "$OFF" || exit 1

# What the imports can touch, through the CLI: search and food views as CSV.
foods_state() {
	{
		nt search --csv --limit 50 egg
		nt search --csv --limit 50 northwind walnut
		for id in fdc:173944 fdc:171287 fdc:2080001 off:0070000000044 off:3000000000033; do
			nt food --csv "$id"
		done
	} 2>&1
}

# ---- import-fdc ----

# tests/data/fdc: 14 food.csv rows: 11 foods with kept nutrients, salt
# (water and sodium only) left out, a sample_food, a bad id "12x45" (line
# 14).  Six bad rows in all, the first five shown with file:line:column.
expect datasets-fdc-dry-run 0 nt import-fdc --dry-run "$FDC"
expect datasets-fdc-dry-run-stored-nothing 1 nt food fdc:171287
expect datasets-fdc-import 0 nt import-fdc "$FDC/"
# The same release again: every food unchanged.
expect datasets-fdc-reimport 0 nt import-fdc "$FDC"
expect datasets-fdc-reimport-dry-run 0 nt import-fdc --dry-run "$FDC"

# Values as in the rows: salmon 173686 has 619 but no 851, so ALA 0.295 is
# estimated; EPA 0.321 + DHA 1.115 = 1436 mg; portions 3 oz = 85 g, 0.5
# fillet = 198 g.
expect datasets-fdc-food-salmon 0 nt food fdc:173686
# Soymilk 2080001 (Branded): per 100 ml as per 100 g; its 240 ml serving:
# B12 1.25 * 2.4 = 3.00 ug, K 146 * 2.4 = 350.4 mg.
expect datasets-fdc-food-soymilk-csv 0 nt food --csv fdc:2080001
expect datasets-fdc-add-serving 0 nt add --date 2026-03-11 --meal breakfast fdc:2080001 "1 serving"
# Brand (also) and GTIN/UPC (keywords) are searchable; 012345678905 is the
# UPC-A form of the GTIN-14 00012345678905.
expect datasets-fdc-search-brand 0 nt search northwind
expect datasets-fdc-search-owner 0 nt search --csv hearth home
expect datasets-fdc-search-gtin 0 nt search --csv 012345678905

# Structural faults abort and change nothing, even after food.csv was read
# (the broken copies also rename the banana, which must not happen).
before=$(foods_state)
mkdir "$WORK/fdc-nocol" "$WORK/fdc-nofile"
for f in "$FDC"/*.csv; do
	cp "$f" "$WORK/fdc-nocol/"
	cp "$f" "$WORK/fdc-nofile/"
done
for d in fdc-nocol fdc-nofile; do
	sed 's/"Bananas, raw"/"Bananas, green"/' "$FDC/food.csv" >"$WORK/$d/food.csv"
done
sed '1s/"gram_weight"/"weight"/' "$FDC/food_portion.csv" >"$WORK/fdc-nocol/food_portion.csv"
rm "$WORK/fdc-nofile/nutrient.csv"
expect datasets-fdc-missing-column 1 nt import-fdc "$WORK/fdc-nocol"
expect datasets-fdc-missing-file 1 nt import-fdc "$WORK/fdc-nofile"
expect datasets-fdc-not-a-dir 1 nt import-fdc "$FDC/food.csv"
expect datasets-fdc-no-such-dir 1 nt import-fdc "$WORK/nowhere"
is "fdc faults change nothing" "$(foods_state)" "$before"
expect datasets-fdc-no-arg 2 nt import-fdc
expect datasets-fdc-two-args 2 nt import-fdc "$FDC" "$FDC"

# A new release changes the egg's B12 from 0.89 to 5.00 ug per 100 g: a
# recipe made with 100 g of it (one serving) follows, 0.89 -> 5.00 ug.
nt recipe new "Egg test" --servings 1 >/dev/null
nt recipe add recipe:1 fdc:171287 100g >/dev/null
mkdir "$WORK/fdc-next"
cp "$FDC"/*.csv "$WORK/fdc-next/"
sed 's/^"1283680","171287","1178","0.89"/"1283680","171287","1178","5.00"/' \
	"$FDC/food_nutrient.csv" >"$WORK/fdc-next/food_nutrient.csv"
expect datasets-fdc-recipe-before 0 nt food --csv recipe:1
expect datasets-fdc-next-release 0 nt import-fdc "$WORK/fdc-next"
expect datasets-fdc-recipe-after 0 nt food --csv recipe:1

# SR Legacy is SR28 under new ids: with the download's sr_legacy_food.csv
# (fdc_id -> NDB number, written without leading zeros) the SR foods
# nutrack ships (egg 01123, salmon 15076, banana 09040, flaxseed 12220,
# salt 02047) are counted as bundled (5), not added again; NDB 99999 is not
# bundled, and its fdc id is not in food.csv: nothing.  A new database:
# 11 - 4 = 7 foods are new, and salt is no longer "left out" but bundled.
mkdir "$WORK/fdc-sr"
cp "$FDC"/*.csv "$WORK/fdc-sr/"
printf '%s\n' '"fdc_id","NDB_number"' '"171287","1123"' '"173686","15076"' '"173944","9040"' \
	'"169414","12220"' '"173468","2047"' '"999998","99999"' '"17x","1"' \
	>"$WORK/fdc-sr/sr_legacy_food.csv"
main_db=$DB
DB=$WORK/sr.db
expect datasets-fdc-sr-legacy 0 nt import-fdc "$WORK/fdc-sr"
expect datasets-fdc-sr-legacy-egg 1 nt food fdc:171287
expect datasets-fdc-sr-legacy-search 0 nt search --csv --limit 3 egg whole raw
DB=$main_db

# ---- import-off ----

# tests/data/off/products.tsv: 14 rows: 7 products imported, a sparkling
# water without B12, omega-3 or potassium left out, 6 bad rows (lines 10-15).
expect datasets-off-dry-run 0 nt import-off --dry-run "$OFF"
expect datasets-off-dry-run-stored-nothing 1 nt food off:3000000000033
expect datasets-off-import 0 nt import-off "$OFF"
expect datasets-off-reimport 0 nt import-off "$OFF"
# Standard input (zcat FILE.gz | nutrack import-off -): the same products.
expect datasets-off-stdin 0 sh -c '"$1" --db "$2" import-off - <"$3"' sh "$NUTRACK_BIN" "$DB" "$OFF"

# Sardines: B12 0.0000089 g = 8.9 ug, K 0.397 g = 397 mg; omega-3 total 2.1
# with EPA 0.5 and DHA 0.9 gives ALA 0.7 (estimated); no DPA column, so the
# omega-3 sum is partial; serving "1 boîte égouttée (84 g)".
expect datasets-off-food-sardines 0 nt food off:3000000000033
expect datasets-off-search-barcode 0 nt search --csv 3000000000033
expect datasets-off-search-barcode-12 0 nt search --csv 070000000044
expect datasets-off-search-brand 0 nt search --csv mer bleue

before=$(foods_state)
sed -e '1s/potassium_100g/potassium_100x/' -e 's/Walnut pieces/Walnut halves/' "$OFF" \
	>"$WORK/nopotassium.tsv"
expect datasets-off-missing-column 1 nt import-off "$WORK/nopotassium.tsv"
expect datasets-off-missing-file 1 nt import-off "$WORK/nothing.tsv"
printf '' >"$WORK/empty.tsv"
expect datasets-off-empty-file 1 nt import-off "$WORK/empty.tsv"
is "off faults change nothing" "$(foods_state)" "$before"
expect datasets-off-no-arg 2 nt import-off

# Progress on a pipe or log: a line at every tenth of a file of 1 MiB or more.
# 4,000 copies of the walnut row with their own barcodes: 4000 new foods.
{
	head -n 1 "$OFF"
	sed -n 5p "$OFF" >"$WORK/row"
	awk -F '\t' -v OFS='\t' '{ for (i = 0; i < 4000; i++) { $1 = sprintf("20%011d", i); print } }' \
		"$WORK/row"
} >"$WORK/big.tsv"
expect datasets-off-progress 0 nt import-off "$WORK/big.tsv"

done_testing
