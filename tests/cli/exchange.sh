#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# exchange.sh - export, import, foods export and foods import through the CLI:
# lossless round trips, no duplicates, dry runs, and bad files that change
# nothing.  The fixtures (tests/data/exchange, see its README) are in the real
# format: UTF-8 with a byte order mark, CRLF, quoted fields.
. "$NUTRACK_TESTS/cli/lib.sh"

FX=$NUTRACK_FIXTURES/exchange
# Run from the fixtures' directory so messages name the file as given.
fx() { (cd "$FX" && nt "$@"); }
# Everything a failed import must leave alone: the lib's snapshot (profile,
# 2026-03-09..12, the week), the whole journal and the custom foods.
state() {
	{ snapshot; nt export; nt foods export; } 2>&1 | cksum
}
# A fixture without its byte order mark: what the export writes.
nobom() { tail -c +4 "$FX/$1"; }

# ---- journal ----

expect exchange-export-empty 0 nt export

# journal.csv: 7 entries on 2026-03-09..12, among them two identical eggs, a
# planned one and one with unknown values.  Its nutrient columns hold the
# entry's values (per 100 g in data/foods.csv x grams / 100):
#   soymilk "½ cup" 121.5 g: B12 0.85 x 1.215 = 1.03275, ALA 0.075 x 1.215 =
#     0.091125, EPA/DHA/DPA 0, K 122 x 1.215 = 148.23, 43 x 1.215 = 52.245 kcal,
#     protein 2.60 x 1.215 = 3.159;
#   egg 100 g: the values per 100 g (0.89, 0.036, 0, 0.058, 0.007, 138, 143,
#     12.56); egg 50 g: halves (0.445, 0.018, 0, 0.029, 0.0035, 69, 71.5, 6.28);
#   salmon 396 g: x 3.96 (B12 3.18 -> 12.5928, ALA 0.295 -> 1.1682, EPA 0.321 ->
#     1.27116, DHA 1.115 -> 4.4154, DPA 0.287 -> 1.13652, K 490 -> 1940.4,
#     142 -> 562.32 kcal, protein 19.84 -> 78.5664);
#   label:1 yeast 1.667 g: B12 150 x 0.01667 = 2.5005, protein 50 x 0.01667 =
#     0.8335, the rest unknown (empty);
#   flaxseed 10.3 g, planned: x 0.103 (B12 0, ALA 22.813 -> 2.349739, K 813 ->
#     83.739, 534 -> 55.002 kcal, protein 18.29 -> 1.88387).
# After estimated come folate (DFE), folic acid, food folate (ug) and B6 (mg),
# per 100 g soymilk 9, 0, 9, 0.031; egg 47, 0, 47, 0.170; salmon 25, 0, 25,
# 0.818; flaxseed 87, 0, 87, 0.473; the yeast's unknown: soymilk 10.935, 0,
# 10.935, 0.037665; egg 47, 0, 47, 0.17 (50 g: 23.5, 0, 23.5, 0.085); salmon
# 99, 0, 99, 3.23928; flaxseed 8.961, 0, 8.961, 0.048719.
# Its last column, estimated, names the values that are estimates: "ala_g" for
# soymilk, salmon and flaxseed (ala_from_18_3 = 1 in data/foods.csv: ALA taken
# from undifferentiated 18:3), empty for the egg (ALA measured) and the yeast
# (no ALA).  Import reads it back and the export writes it again: a round trip.
expect exchange-import 0 fx import journal.csv
# So the export is the fixture itself, less its byte order mark.
expect exchange-export 0 nt export
is "export after import is the fixture without its BOM" "$(nt export | cksum)" \
	"$(nobom journal.csv | cksum)"
expect exchange-reimport 0 fx import journal.csv
expect exchange-reimport-dry-run 0 fx import --dry-run journal.csv
# The two identical eggs of 2026-03-11 against one there: one is added.
nt rm 5 >/dev/null
expect exchange-import-one-missing 0 fx import journal.csv
# 2026-03-10 to 2026-03-11: egg, salmon, the two eggs, the yeast (entry 8 now).
expect exchange-export-range 0 nt export --from 2026-03-10 --to 2026-03-11
expect exchange-export-day-relative 0 nt export --from today --to today

# -o writes the file whole, mode 0600; it equals standard output.
expect exchange-export-file 0 nt export -o "$WORK/journal.csv"
is "export -o: mode 0600" "$(ls -l "$WORK/journal.csv" | cut -c1-10)" -rw-------
is "export -o: same bytes as standard output" "$(cksum <"$WORK/journal.csv")" \
	"$(nt export | cksum)"
is "export -o - is standard output" "$(nt export -o - | cksum)" "$(nt export | cksum)"
# Export -> import into an empty database -> export: the same bytes.
nt2() { "$NUTRACK_BIN" --db "$WORK/second.db" "$@"; }
expect exchange-dry-run-empty 0 nt2 import --dry-run "$WORK/journal.csv"
is "a dry run into an empty database writes nothing" "$(nt2 export | cksum)" \
	"$(nt export --from 1900-01-01 --to 1900-01-01 | cksum)"
expect exchange-import-empty-db 0 nt2 import "$WORK/journal.csv"
is "export -> import -> export is byte-identical" "$(nt2 export | cksum)" \
	"$(cksum <"$WORK/journal.csv")"
expect exchange-import-empty-db-again 0 nt2 import "$WORK/journal.csv"
# journal-v7.csv is journal.csv as nutrack wrote it before folate and B6 were
# appended: it imports the same, and the export adds their columns.
nt6() { "$NUTRACK_BIN" --db "$WORK/sixth.db" "$@"; }
fx6() { (cd "$FX" && nt6 "$@"); }
expect exchange-import-v7 0 fx6 import journal-v7.csv
is "a journal of the first format imports: the export is journal.csv" "$(nt6 export | cksum)" \
	"$(nobom journal.csv | cksum)"
# LF line ends, no BOM, columns in another order, only the required ones:
# salmon 85 g = x 0.85, egg ("SR28:1123" is sr28:01123) 30 g planned = x 0.3.
expect exchange-import-minimal 0 fx import journal-minimal.csv
expect exchange-export-minimal 0 nt export --to 2026-03-09
# Standard input.
expect exchange-import-stdin 0 sh -c '"$0" --db "$1" import - <"$2"' "$NUTRACK_BIN" "$DB" \
	"$FX/journal-minimal.csv"

# ---- bad journals: one message with file:line:column, nothing changed ----
before=$(state)
for f in empty no-header header missing-column short-row long-row not-a-number negative \
	zero absurd unknown-food date meal status value utf8 quote; do
	expect "exchange-err-$f" 1 fx import "bad-$f.csv"
done
expect exchange-err-dry-run 1 fx import --dry-run bad-date.csv
expect exchange-err-missing-file 1 fx import no-such-file.csv
expect exchange-err-directory 1 fx import .
is "no bad journal changed anything" "$(state)" "$before"

expect exchange-err-import-no-file 2 nt import
expect exchange-err-import-two-files 2 nt import a.csv b.csv
expect exchange-err-export-argument 2 nt export journal.csv
expect exchange-err-export-from-after-to 1 nt export --from 2026-03-12 --to 2026-03-10
expect exchange-err-export-bad-date 1 nt export --from 2026-02-30
expect exchange-err-export-no-dir 1 nt export -o "$WORK/no-such-dir/journal.csv"
is "a failed export -o leaves no file" "$(ls -A "$WORK" | grep -c no-such-dir)" 0
expect exchange-err-export-to-directory 1 nt export -o "$WORK"
if [ -w /dev/full ]; then
	expect exchange-err-export-full 1 sh -c '"$0" --db "$1" export >/dev/full' \
		"$NUTRACK_BIN" "$DB"
else
	tap_ok "exchange-err-export-full # SKIP no /dev/full"
fi
is "no failed export changed anything" "$(state)" "$before"

# ---- custom foods ----

expect exchange-foods-export-empty 0 nt foods export
# foods.csv: a name with a comma and quotes, tags, two portions; a supplement
# whose portion unit holds an escaped '='; values per 100 g as written.
expect exchange-foods-import 0 fx foods import foods.csv
expect exchange-foods-export 0 nt foods export
is "foods export after import is the fixture without its BOM" "$(nt foods export | cksum)" \
	"$(nobom foods.csv | cksum)"
expect exchange-foods-reimport 0 fx foods import foods.csv
# Two bars of custom:1 (80 g): B12 1.5 x 0.8 = 1.2 ug, K 300 x 0.8 = 240 mg,
# folate DFE 61 x 0.8 = 48.8 ug, folic acid 24, food folate 8, B6 0.2 mg.
nt add -d 2026-03-11 -m snack custom:1 "2 bars" >/dev/null
expect exchange-foods-entry-before 0 nt export --from 2026-03-11 --to 2026-03-11
# foods-changed.csv: the bar's potassium 300 -> 350, the capsules gain a
# portion, the spray is unchanged, and "Soy yogurt, plain" is new: its
# custom:2 is taken, so it gets custom:4.  It is of the first format (no
# folate or B6 columns): the bar's folate and B6 become unknown.
expect exchange-foods-changed-dry-run 0 fx foods import --dry-run foods-changed.csv
expect exchange-foods-export-after-dry-run 0 nt foods export
expect exchange-foods-changed 0 fx foods import foods-changed.csv
expect exchange-foods-export-changed 0 nt foods export
# The entry keeps its food and follows the new values: K 350 x 0.8 = 280 mg,
# folate and B6 unknown.
expect exchange-foods-entry-after 0 nt export --from 2026-03-11 --to 2026-03-11

# The whole history moves: foods, then journal, into an empty database.
nt foods export -o "$WORK/foods.csv" >/dev/null
nt export -o "$WORK/all.csv" >/dev/null
nt3() { "$NUTRACK_BIN" --db "$WORK/third.db" "$@"; }
expect exchange-foods-import-empty-db 0 nt3 foods import "$WORK/foods.csv"
is "foods export -> import -> export is byte-identical" "$(nt3 foods export | cksum)" \
	"$(cksum <"$WORK/foods.csv")"
nt3 import "$WORK/all.csv" >/dev/null
is "foods and journal move whole to a new database" "$(nt3 export | cksum)" \
	"$(cksum <"$WORK/all.csv")"
# Folate and B6 move too, of bundled foods and of one's own: 100 g raw
# spinach (sr28:11457: folate DFE 194, folic acid 0, food folate 194 ug, B6
# 0.195 mg per 100 g), 30 g POST Bran Flakes (sr28:08029: 1120, 648, 19,
# 1.700 -> x 0.3 = 336, 194.4, 5.7, 0.51) and 1 bar (40 g) of custom:1
# (foods.csv: 61, 30, 10, 0.25 -> x 0.4 = 24.4, 12, 4, 0.1).
nt7() { "$NUTRACK_BIN" --db "$WORK/seventh.db" "$@"; }
nt8() { "$NUTRACK_BIN" --db "$WORK/eighth.db" "$@"; }
(cd "$FX" && nt7 foods import foods.csv) >/dev/null
nt7 add -d 2026-03-10 -m lunch sr28:11457 100g >/dev/null
nt7 add -d 2026-03-10 -m breakfast sr28:08029 30g >/dev/null
nt7 add -d 2026-03-10 -m snack custom:1 "1 bar" >/dev/null
expect exchange-export-folate 0 nt7 export
nt7 foods export -o "$WORK/folate-foods.csv" >/dev/null
nt7 export -o "$WORK/folate.csv" >/dev/null
nt8 foods import "$WORK/folate-foods.csv" >/dev/null
nt8 import "$WORK/folate.csv" >/dev/null
is "folate and B6 survive export and import into an empty database" \
	"$(nt8 export | cksum) $(nt8 foods export | cksum)" \
	"$(cksum <"$WORK/folate.csv") $(cksum <"$WORK/folate-foods.csv")"
expect exchange-foods-export-file 0 nt foods export -o "$WORK/foods2.csv"
is "foods export -o: mode 0600" "$(ls -l "$WORK/foods2.csv" | cut -c1-10)" -rw-------

# ---- bad custom-food files ----
before=$(state)
# impossible: flaxseed oil with 153.3 g ALA per 100 g (its 53.3 typed with a 1);
# heavy: 60 g EPA + 60 g DHA, each possible, is 120 g in 100 g of fish oil.
for f in empty header short-row id name group value number tag portions grams utf8 quote \
	impossible heavy; do
	expect "exchange-foods-err-$f" 1 fx foods import "foods-bad-$f.csv"
done
expect exchange-foods-err-dry-run 1 fx foods import --dry-run foods-bad-tag.csv
expect exchange-foods-err-missing-file 1 fx foods import no-such-file.csv
# A journal file is not a food file.
expect exchange-foods-err-journal 1 fx foods import journal.csv
expect exchange-foods-err-no-file 2 nt foods import
expect exchange-foods-err-export-argument 2 nt foods export foods.csv
is "no bad food file changed anything" "$(state)" "$before"

# ---- your own foods are numbered per database ----
# A database whose custom:1 is another food: foods import numbers the
# file's foods custom:2 and custom:3, and the journal's entries follow
# their foods by name, not their old numbers.
nt4() { "$NUTRACK_BIN" --db "$WORK/fourth.db" "$@"; }
nt4 foods add "Tofu, firm (own)" --potassium 121 >/dev/null
nt4 foods import "$WORK/foods.csv" >/dev/null
nt4 import "$WORK/all.csv" >/dev/null
nt4 export >"$WORK/fourth.csv"
is "entries keep their foods when the numbers differ" \
	"$(grep -c 'custom:1,' "$WORK/fourth.csv")" 0
is "and the export reads the same but for the numbers" \
	"$(sed 's/custom:[0-9]*/custom:N/' "$WORK/fourth.csv" | cksum)" \
	"$(sed 's/custom:[0-9]*/custom:N/' "$WORK/all.csv" | cksum)"
# Without the foods, the journal cannot be placed: nothing changes.
nt5() { "$NUTRACK_BIN" --db "$WORK/fifth.db" "$@"; }
nt5 foods add "Tofu, firm (own)" --potassium 121 >/dev/null
expect exchange-err-own-food-missing 1 nt5 import "$WORK/all.csv"
is "the journal without its foods imports nothing" "$(nt5 export | wc -l)" 1
# An id that is not here at all (custom:9) is found by its food's name too;
# without the name column it is an unknown id.
sed 's/custom:[0-9]*,/custom:9,/' "$WORK/all.csv" >"$WORK/renumbered.csv"
nt4 import "$WORK/renumbered.csv" >"$WORK/renumbered.out" 2>&1
is "custom:9 is placed by name: every row is already there" \
	"$(cat "$WORK/renumbered.out")" "0 entries imported, $(($(wc -l <"$WORK/all.csv") - 1)) already present"
printf '%s\n' 'date,meal,food_id,amount,grams,status' '2026-03-11,snack,custom:9,2 bars,80,eaten' \
	>"$WORK/no-name.csv"
expect exchange-err-own-id-no-name 1 nt4 import "$WORK/no-name.csv"

done_testing
