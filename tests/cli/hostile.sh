#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# hostile.sh - a table of hostile input across the command line and the
# file importers: overlong text, NUL bytes (through files: argv cannot hold
# NUL), invalid UTF-8, 1e309, -0, NaN, inf, hex, impossible dates, SQL and
# printf syntax, terminal escape sequences.  Each bad command must exit with
# the status given and one clear message (expected/hostile-NAME.err: it
# names the option, the argument or file:line:column), and leave the
# database byte for byte as it was.  Escape sequences that reach the
# database anyway (another program, an older nutrack) must never reach the
# terminal raw: text output shows them as '?', CSV output keeps them as data.
. "$NUTRACK_TESTS/cli/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 program is not installed (it plants the hostile names)"
	exit 0
fi

LONG=$(printf '%05000d' 0 | tr 0 a)        # 5000 bytes: past every limit
ESC=$(printf '\033')
OSC52="${ESC}]52;c;cHduZWQ=$(printf '\007')"   # sets the terminal's clipboard
CLEAR="${ESC}[2J"                               # clears the screen
C1CSI=$(printf '\302\23331m')                   # U+009B, the one-byte CSI
BADUTF8=$(printf '\377\376')
SQL="'); DROP TABLE entries;--"
F=$WORK/files
mkdir "$F" "$WORK/dir"
mkfifo "$WORK/fifo"
: >"$WORK/plain.txt"

# ---- a journal with something of everything ----
nt profile --sex male --age 40 --diet omnivore >/dev/null
nt add --meal breakfast sr28:01123 "2 large" >/dev/null
nt add --date 2026-03-10 --meal dinner sr28:15076 "1 fillet" >/dev/null
nt foods add "Oat bar" --serving 40 --unit bar --potassium 120 >/dev/null
nt recipe new Porridge --servings 2 >/dev/null
nt recipe add recipe:1 sr28:01123 "1 large" >/dev/null
nt lab add b12 300 pg/mL >/dev/null
nt exclude add --word liver >/dev/null
# custom:2 gets escape sequences in its name, group, portion and entry: the
# checks refuse them at the door, so another program puts them there.
nt foods add "Evil bar" --serving 40 --unit bar --b12 1 >/dev/null
nt add --meal lunch custom:2 "1 bar" >/dev/null
EVIL="Evil${CLEAR}${OSC52}${C1CSI} bar"
sqlite3 "$DB" "UPDATE foods SET name = '$EVIL', grp = 'Grp$OSC52'
	WHERE source = 'custom' AND code = '2';
	UPDATE portions SET unit = 'bar$CLEAR' WHERE food =
	  (SELECT id FROM foods WHERE source = 'custom' AND code = '2');
	UPDATE entries SET amount = '1 bar$OSC52' WHERE id = 3;
	INSERT INTO exclusions(word) VALUES ('w$CLEAR');" || exit 1
cp "$DB" "$WORK/pristine.db"
dump0=$(sqlite3 "$DB" .dump | cksum)

# bad NAME STATUS COMMAND...: expect (status, stdout, stderr), then the
# database: the same bytes, and no write-ahead log or journal left holding
# a change.  A change is undone so that the next case starts clean.
bad() {
	name=hostile-$1
	shift
	expect "$name" "$@"
	if cmp -s "$DB" "$WORK/pristine.db" && [ ! -s "$DB-wal" ] && [ ! -e "$DB-journal" ]; then
		tap_ok "$name: the database is unchanged"
	else
		tap_not_ok "$name: the database is unchanged" "its bytes differ from before"
		cp "$WORK/pristine.db" "$DB"
		rm -f "$DB-wal" "$DB-shm" "$DB-journal"
	fi
}

# ---- amounts (nutrack add; edit and recipe add read them the same way) ----
bad amount-1e309 1 nt add -m lunch sr28:01123 "1e309 g"          # an exponent, out of range
bad amount-1e-300 1 nt add -m lunch sr28:01123 "1e-300 g"        # an exponent, tiny
bad amount-hex 1 nt add -m lunch sr28:01123 "0x10 g"             # hex is not read as 0
bad amount-minus-zero 1 nt add -m lunch sr28:01123 "-0 g"        # -0 is not more than zero
bad amount-nan 1 nt add -m lunch sr28:01123 "NaN g"              # strtod would take it
bad amount-inf 1 nt add -m lunch sr28:01123 "inf g"              # strtod would take it
bad amount-over-zero 1 nt add -m lunch sr28:01123 "1/0 cup"      # a fraction over zero
bad amount-40-digits 1 nt add -m lunch sr28:01123 \
	"1000000000000000000000000000000000000000 g"                   # read whole: too large
bad amount-tiny-digits 1 nt add -m lunch sr28:01123 \
	"0.0000000000000000000000000000000000000001 g"                 # less than 1 mg
bad amount-overlong 1 nt add -m lunch sr28:01123 "1 $LONG"       # 5000 bytes
bad amount-printf 1 nt add -m lunch sr28:01123 "%s%n%x g"        # printf syntax is text
bad amount-utf8 1 nt add -m lunch sr28:01123 "$BADUTF8 g"        # shown as '?'
bad amount-blank 1 nt add -m lunch sr28:01123 "   "              # blanks only
bad edit-1e309 1 nt edit 1 "1e309 g"                             # edit reads amounts alike

# ---- foods named on the command line ----
bad food-overlong 1 nt add -m lunch "$LONG" 100g                 # 5000 bytes of words
bad food-sql 1 nt add -m lunch "$SQL" 100g                       # SQL is search words
bad food-osc52 1 nt add -m lunch "egg$OSC52" 100g                # the echo is sanitized
bad food-utf8 1 nt add -m lunch "$(printf '\300\257')" 100g      # an overlong '/'
bad food-id-overflow 1 nt add -m lunch custom:99999999999999999999 100g
bad food-id-overlong 1 nt food "sr28:$LONG"                      # cut in the message
bad food-id-sql 1 nt food "sr28:01123'--"

# ---- dates and meals ----
bad date-year-99999 1 nt day 99999-01-01                         # beyond 9999
bad date-zero 1 nt week 0000-00-00                               # no day 0
bad date-feb30 1 nt add --date 2024-02-30 -m lunch sr28:01123 100g  # a leap year's Feb 30
bad date-1899 1 nt day 1899-12-31                                # before 1900
bad date-offset-overflow 1 nt day -- -99999999999999999999       # a 20-digit offset
bad date-offset-huge 1 nt day +3000000                           # past 36500 days
bad date-trailing 1 nt day 2026-03-11x                           # a stray character
bad date-escape 1 nt day "2026-03-11$CLEAR"                      # the echo is sanitized
bad date-overlong 1 nt day "$LONG"                               # cut in the message
bad meal-empty 1 nt add --meal "" sr28:01123 100g
bad meal-printf 1 nt add --meal "%s%n" sr28:01123 100g

# ---- entries ----
bad edit-overflow 1 nt edit 99999999999999999999 100g            # not LLONG_MAX's entry
bad edit-hash-only 1 nt edit "#" 100g
bad rm-negative 1 nt rm -- -1
bad rm-zero 1 nt rm 0
bad eat-sql 1 nt eat "$SQL"
bad copy-feb30 1 nt copy 2026-03-11 2024-02-30

# ---- nutrack foods add ----
bad foods-name-overlong 1 nt foods add "$LONG"
bad foods-name-blank 1 nt foods add "   "                        # would list as nothing
bad foods-name-utf8 1 nt foods add "Bar$BADUTF8"
bad foods-name-c1 1 nt foods add "Bar$C1CSI"                     # a C1 control (CSI)
bad foods-name-osc52 1 nt foods add "Bar$OSC52"
bad foods-1e309 1 nt foods add Bar --b12 1e309
bad foods-nan 1 nt foods add Bar --b12 NaN
bad foods-inf 1 nt foods add Bar --b12 inf
bad foods-hex 1 nt foods add Bar --b12 0x10
bad foods-too-much 1 nt foods add Bar --potassium 99999999       # names the range
bad foods-serving-tiny 1 nt foods add Bar --serving 1e-310 --b12 1e6  # was stored as inf
bad foods-serving-minus-zero 1 nt foods add Bar --serving -0
bad foods-unit-escape 1 nt foods add Bar --serving 40 --unit "bar$CLEAR"
bad foods-unit-blank 1 nt foods add Bar --serving 40 --unit " "
bad foods-unit-overlong 1 nt foods add Bar --serving 40 --unit "$LONG"
bad foods-contains-overlong 1 nt foods add Bar --contains "$LONG"

# ---- recipes ----
bad recipe-name-blank 1 nt recipe new "   "
bad recipe-name-osc52 1 nt recipe new "Soup$OSC52"
bad recipe-servings-nan 1 nt recipe new Soup --servings NaN
bad recipe-servings-inf 1 nt recipe servings recipe:1 inf        # says what N must be
bad recipe-rm-overflow 1 nt recipe rm recipe:1 99999999999999999999
bad recipe-rm-zero 1 nt recipe rm recipe:1 0                     # an ingredient, not an entry
bad recipe-sql 1 nt recipe add "$SQL" sr28:01123 "1 large"
bad recipe-unknown 2 nt recipe frobnicate                        # not "give a recipe"

# ---- lab results ----
bad lab-1e309 1 nt lab add b12 1e309 pg/mL
bad lab-tiny 1 nt lab add b12 1e-300 pg/mL                       # would show as 0
bad lab-nan 1 nt lab add b12 NaN pg/mL
bad lab-unit-overlong 1 nt lab add b12 300 "$LONG"
bad lab-kind-printf 1 nt lab add "%s%n" 300 pg/mL
bad lab-rm-word 1 nt lab rm x                                    # a lab result's number

# ---- profile ----
bad profile-age-1e309 1 nt profile --age 1e309
bad profile-age-nan 1 nt profile --age NaN
bad profile-age-hex 1 nt profile --age 0x20
bad profile-sex-overlong 1 nt profile --sex "$LONG"
bad profile-stage-sql 1 nt profile --stage "$SQL"

# ---- exclusions ----
bad exclude-word-escape 1 nt exclude add --word "x$CLEAR"
bad exclude-word-overlong 1 nt exclude add --word "$LONG"
bad exclude-rm-overflow 1 nt exclude rm 99999999999999999999

# ---- search and lists ----
bad search-overlong 1 nt search "$LONG"
bad search-fts-syntax 0 nt search 'NEAR(egg milk)'               # words, no query language
bad search-sql 1 nt search "$SQL"
bad search-utf8 1 nt search "$BADUTF8"
bad search-limit-overflow 2 nt search --limit 99999999999999999999 egg
bad search-limit-1e3 2 nt search --limit 1e3 egg
bad top-printf 1 nt top "%s%n"
bad plan-days-1e1 2 nt plan --days 1e1
bad report-all-years 1 nt report --from 1900-01-01 --to 9999-12-31
# dates outside 1900-01-01..9999-12-31, however they arise: refused before
# anything is written (an entry dated 1899-12-31 was stored, then the
# command failed; 9999's last week wrapped to 9999-01-01)
bad date-yesterday-1900 1 env NUTRACK_TODAY=1900-01-01 "$NUTRACK_BIN" --db "$DB" \
	add -d yesterday -m lunch sr28:01123 "1 large"
bad date-minus-1-1900 1 env NUTRACK_TODAY=1900-01-01 "$NUTRACK_BIN" --db "$DB" \
	lab add -d -1 b12 300 pg/mL
bad date-tomorrow-9999 1 env NUTRACK_TODAY=9999-12-31 "$NUTRACK_BIN" --db "$DB" \
	copy today tomorrow
bad date-plan-9999 1 nt plan --days 3 --accept 9999-12-30
bad date-plan-default-9999 1 env NUTRACK_TODAY=9999-12-31 "$NUTRACK_BIN" --db "$DB" plan
bad date-week-9999 1 nt week 9999-12-31
bad date-suggest-week-9999 1 nt suggest --week 9999-12-28
bad report-to-directory 1 nt report --csv -o "$WORK/dir"

# ---- the database file itself ----
bad db-overlong 1 "$NUTRACK_BIN" --db "$WORK/$LONG" day           # never cut to 4095 bytes
bad db-directory 1 "$NUTRACK_BIN" --db "$WORK/dir" day
bad db-fifo 1 "$NUTRACK_BIN" --db "$WORK/fifo" day                # refused before opening
bad db-empty 2 "$NUTRACK_BIN" --db "" day
bad db-under-a-file 1 "$NUTRACK_BIN" --db "$WORK/plain.txt/x$CLEAR.db" day
bad backup-to-fifo 1 nt backup --force "$WORK/fifo"              # never renamed over it
is "the fifo is still a fifo" "$(test -p "$WORK/fifo" && echo fifo)" fifo

# ---- files: nutrack import (the journal) ----
HEAD=status,grams,amount,food_id,meal,date
row() { printf '%s\n%s\n' "$HEAD" "$1"; }
row 'eaten,85,3 oz,sr28:15076,din~ner,2026-03-09' | tr '~' '\000' >"$F/nul.csv"
row "eaten,85,3 oz$BADUTF8,sr28:15076,dinner,2026-03-09" >"$F/utf8.csv"
row "eaten,85,$LONG$LONG$LONG$LONG,sr28:15076,dinner,2026-03-09" >"$F/long-field.csv"
{ echo "$HEAD"; printf '%05000d\n' 0 | tr 0 ,; } >"$F/long-line.csv"
row 'eaten,1e309,3 oz,sr28:15076,dinner,2026-03-09' >"$F/1e309.csv"
row 'eaten,NaN,3 oz,sr28:15076,dinner,2026-03-09' >"$F/nan.csv"
row 'eaten,-0,3 oz,sr28:15076,dinner,2026-03-09' >"$F/minus-zero.csv"
row 'eaten,85,3 oz,sr28:15076,dinner,99999-01-01' >"$F/year-99999.csv"
row 'eaten,85,3 oz,sr28:15076,dinner,2024-02-30' >"$F/feb30.csv"
row "eaten,85,3 oz$CLEAR,sr28:15076,dinner,2026-03-09" >"$F/escape.csv"
row "eaten,85,3 oz,$SQL,dinner,2026-03-09" >"$F/sql.csv"
printf '\210\377\000\033[2J\001\002garbage\000\n' >"$F/binary.csv"
bad import-nul 1 nt import "$F/nul.csv"
bad import-utf8 1 nt import "$F/utf8.csv"
bad import-long-field 1 nt import "$F/long-field.csv"           # 20000 bytes
bad import-long-line 1 nt import "$F/long-line.csv"             # 5000 empty fields
bad import-1e309 1 nt import "$F/1e309.csv"
bad import-nan 1 nt import "$F/nan.csv"
bad import-minus-zero 1 nt import "$F/minus-zero.csv"
bad import-year-99999 1 nt import "$F/year-99999.csv"
bad import-feb30 1 nt import "$F/feb30.csv"
bad import-escape 1 nt import "$F/escape.csv"
bad import-sql 1 nt import "$F/sql.csv"
bad import-binary 1 nt import "$F/binary.csv"
bad import-directory 1 nt import "$WORK/dir"

# ---- files: nutrack foods import ----
FHEAD=id,name,group,b12_ug,b12_added_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,energy_kcal
FHEAD=$FHEAD,protein_g,contains,portions
printf '%s\ncustom:9,Bar%s,Custom foods,1,,,,,,,,,none,1 bar=40\n' "$FHEAD" "$OSC52" \
	>"$F/foods-escape.csv"
printf '%s\ncustom:9,Bar,Custom foods,1e309,,,,,,,,,none,1 bar=40\n' "$FHEAD" \
	>"$F/foods-1e309.csv"
bad foods-import-escape 1 nt foods import "$F/foods-escape.csv"
bad foods-import-1e309 1 nt foods import "$F/foods-1e309.csv"

# ---- files: nutrack import-off (TAB-separated, no quoting) ----
OHEAD='code\tproduct_name\tbrands\tserving_size\tproteins_100g\tvitamin-b12_100g'
OHEAD="$OHEAD\\tomega-3-fat_100g\\tpotassium_100g\\tenergy-kcal_100g\\n"
printf "$OHEAD"'5410000000099\tMi\000lk\t\t250 ml\t3\t0.0000004\t\t0.12\t40\n' >"$F/off-nul.tsv"
printf "$OHEAD"'5410000000099\tMilk%s\t\t250 ml\t3\t0.0000004\t\t0.12\t40\n' "$BADUTF8" \
	>"$F/off-utf8.tsv"
bad import-off-nul 1 nt import-off "$F/off-nul.tsv"
bad import-off-utf8 1 nt import-off "$F/off-utf8.tsv"

# ---- files: nutrack import-fdc (every field quoted, as USDA publishes) ----
# A file that cannot be read as CSV stops the import with nothing changed.
fdc_dir() { # fdc_dir NAME: the fixture's nutrient and unit tables, one food
	mkdir "$F/$1" &&
		cp "$NUTRACK_FIXTURES/fdc/nutrient.csv" "$NUTRACK_FIXTURES/fdc/measure_unit.csv" \
			"$F/$1/" &&
		printf '%s\n' '"fdc_id","data_type","description","food_category_id","publication_date"' \
			'"900001","foundation_food","Test lentils, raw","16","2024-04-01"' \
			>"$F/$1/food.csv" &&
		printf '%s%s\n%s\n' '"id","fdc_id","nutrient_id","amount","data_points",' \
			'"derivation_id","min","max","median","loq","footnote","min_year_acquired","percent_daily_value"' \
			'"1","900001","1092","677","","1","","","","","","",""' >"$F/$1/food_nutrient.csv" &&
		printf '%s%s\n%s\n' '"id","fdc_id","seq_num","amount","measure_unit_id",' \
			'"portion_description","modifier","gram_weight","data_points","footnote","min_year_acquired"' \
			'"1","900001","1","1","1000","","","192","","",""' >"$F/$1/food_portion.csv"
}
fdc_dir fdc-nul && printf '"900002","foundation_food","Pe\000as","16","2024-04-01"\n' \
	>>"$F/fdc-nul/food.csv"
fdc_dir fdc-long && { printf '"900002","foundation_food","'; printf "$LONG%.0s" $(seq 1 220)
	printf '","16","2024-04-01"\n'; } >>"$F/fdc-long/food.csv"    # a 1.1 MB field
fdc_dir fdc-utf8 && printf '"900002","foundation_food","Peas%s","16","2024-04-01"\n' \
	"$BADUTF8" >>"$F/fdc-utf8/food.csv"
bad import-fdc-nul 1 nt import-fdc "$F/fdc-nul"
bad import-fdc-long-field 1 nt import-fdc "$F/fdc-long"
bad import-fdc-utf8 1 nt import-fdc "$F/fdc-utf8"

is "no failed command changed the database (sqlite3 .dump)" \
	"$(sqlite3 "$DB" .dump | cksum)" "$dump0"

# ---- escape sequences in the database never reach the terminal raw ----
# Control characters (C0, DEL, C1 as UTF-8) other than the line end; and the
# output must show the food, or the check proves nothing.
controls=$(printf '[\001-\011\013-\037\177]\\|\302[\200-\237]')
raw_free() {
	label=$1
	shift
	"$@" >"$WORK/text" 2>&1
	n=$(LC_ALL=C grep -c "$controls" "$WORK/text")
	if [ "$n" = 0 ] && grep -q 'Evil?' "$WORK/text"; then
		tap_ok "$label: the escapes show as '?'"
	else
		tap_not_ok "$label: the escapes show as '?'" "$n lines with control characters:"
		cat -v "$WORK/text" | head -20 | sed 's/^/#   | /'
	fi
}
expect hostile-show-search 0 nt search --limit 1 evil bar
expect hostile-show-food 0 nt food custom:2
raw_free "search" nt search evil bar
raw_free "food" nt food custom:2
raw_free "day" nt day
raw_free "foods list" nt foods list
raw_free "top" nt top --limit 1000 b12
raw_free "add" nt add -m snack custom:2 "1 bar"
raw_free "edit --meal keeps the stored amount" nt edit 3 --meal dinner
raw_free "edit" nt edit 3 40g
raw_free "recipe add" nt recipe add recipe:1 custom:2 "1 bar"
raw_free "recipe show" nt recipe show recipe:1
nt exclude add custom:2 >/dev/null
raw_free "exclude list" nt exclude list
# The Open Food Facts importer reads names from files: it stores them safe.
printf "$OHEAD"'5410000000099\tEvil%s milk\tBr%sand\t250 ml\t3\t0.0000004\t\t0.12\t40\n' \
	"$OSC52" "$CLEAR" >"$F/off-escape.tsv"
nt import-off "$F/off-escape.tsv" >/dev/null 2>&1
raw_free "import-off, then search" nt search evil milk
# A 25000-byte product name is cut, not stored whole.
printf "$OHEAD"'5410000000098\t%s\t\t250 ml\t3\t0.0000004\t\t0.12\t40\n' \
	"$LONG$LONG$LONG$LONG$LONG" >"$F/off-long.tsv"
nt import-off "$F/off-long.tsv" >/dev/null 2>&1
len=$(sqlite3 "$DB" "SELECT length(name) FROM foods WHERE code = '5410000000098'")
if [ -n "$len" ] && [ "$len" -gt 0 ] && [ "$len" -le 255 ]; then
	tap_ok "import-off cuts a 25000-byte name ($len bytes kept)"
else
	tap_not_ok "import-off cuts a 25000-byte name" "length '$len'"
fi
# File names from the command line are echoed sanitized too.
raw_free "backup to a file so named" nt backup "$WORK/Evil$CLEAR.db"
raw_free "export to a file so named" nt export -o "$WORK/Evil$OSC52.csv"
raw_free "foods export to a file so named" nt foods export -o "$WORK/Evil$C1CSI.csv"
raw_free "report to a file so named" \
	nt report --from 2026-03-09 --to 2026-03-11 --format html -o "$WORK/Evil$CLEAR.html"
# A row with an impossible value is skipped, counted and named; the rest
# of the dataset goes in (1e309, NaN and inf are not amounts; no portion
# weighs 1e-300 g or comes 1e309 at a time; -0 is zero).
fdc_dir fdc-rows && printf '%s\n' \
	'"2","900001","1178","1e309","","1","","","","","","",""' \
	'"3","900001","1008","NaN","","1","","","","","","",""' \
	'"4","900001","1003","-0","","1","","","","","","",""' \
	'"5","900001","1003","inf","","1","","","","","","",""' >>"$F/fdc-rows/food_nutrient.csv" &&
	printf '%s\n' '"2","900001","2","1","9999","","grain","1e-300","","",""' \
	'"3","900001","3","1e309","9999","","sack","100","","",""' >>"$F/fdc-rows/food_portion.csv"
expect hostile-import-fdc-bad-rows 0 nt import-fdc "$F/fdc-rows"
expect hostile-import-fdc-bad-rows-food 0 nt food fdc:900001
# Format characters (U+202E RIGHT-TO-LEFT OVERRIDE reverses what follows, a
# zero-width space hides a difference, U+2028 breaks a line) pass the
# checks, as letters do, but are shown escaped: "<U+202E>".
RLO=$(printf '\342\200\256') ZWSP=$(printf '\342\200\213') LSEP=$(printf '\342\200\250')
nt foods add "Bidi${RLO}rab${ZWSP} bar" --serving 40 --unit bar --b12 1 >/dev/null
nt add -m snack "bidi" "1 bar" >/dev/null
sqlite3 "$DB" "UPDATE entries SET amount = '1 bar${LSEP}x' WHERE id = (SELECT max(id) FROM entries)"
format_free() {
	label=$1
	shift
	"$@" >"$WORK/text" 2>&1
	if ! grep -q -e "$RLO" -e "$ZWSP" -e "$LSEP" "$WORK/text" &&
	    grep -q 'Bidi<U+202E>rab<U+200B> bar' "$WORK/text"; then
		tap_ok "$label: format characters show escaped"
	else
		tap_not_ok "$label: format characters show escaped" "$(cat -v "$WORK/text" | head -5)"
	fi
}
format_free "search" nt search bidi
format_free "food" nt food "$(nt search --csv bidi | sed -n 2p | cut -d, -f1)"
format_free "day" nt day
format_free "foods list" nt foods list
is "day: the amount's line separator shows escaped" \
	"$(nt day | grep -c '1 bar<U+2028>x')" 1
is "export keeps them as data" "$(nt export | grep -c "1 bar${LSEP}x")" 1

# CSV is data: the name comes out exactly as stored, quoted or not.
nt search --csv evil bar >"$WORK/csv"
if grep -qF "$EVIL" "$WORK/csv"; then
	tap_ok "search --csv keeps the name as data"
else
	tap_not_ok "search --csv keeps the name as data" "$(cat -v "$WORK/csv")"
fi

done_testing
