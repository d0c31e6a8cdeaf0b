#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# basics.sh - --help, --version, database creation and its permissions.
. "$NUTRACK_TESTS/cli/lib.sh"

expect help 0 "$NUTRACK_BIN" --help
expect add-help 0 "$NUTRACK_BIN" add --help
"$NUTRACK_BIN" --version >"$WORK/v" 2>&1
is "version names the package" "$(head -n 1 "$WORK/v" | cut -d' ' -f1)" "nutrack"
expect no-command-not-a-terminal 2 "$NUTRACK_BIN" --db "$DB" </dev/null
expect unknown-command 2 "$NUTRACK_BIN" --db "$DB" frobnicate
expect unknown-option 2 "$NUTRACK_BIN" --frob
expect db-needs-file 2 "$NUTRACK_BIN" --db

# --help must not create a database.
"$NUTRACK_BIN" --db "$WORK/never.db" day --help >/dev/null
is "--help creates no database" "$(ls "$WORK" | grep -c never)" "0"

# Bad usage is found before the database is opened: none is made.  A
# command that fails later leaves the database it made: whole and valid,
# the bundled foods and nothing of the user's (another nutrack may have
# written to it meanwhile; it is never deleted).
expect fail-no-db-usage 2 "$NUTRACK_BIN" --db "$WORK/fail1.db" day --bogus
is "bad usage created no database" "$(ls "$WORK" | grep -c fail1)" "0"
expect fail-no-db-user 1 "$NUTRACK_BIN" --db "$WORK/fail2.db" add -m lunch xyzzyplugh 1g
is "a failing first run leaves only the database it made" "$(ls -A "$WORK" | grep fail)" \
	"fail2.db"
is "... which checks out" "$("$NUTRACK_BIN" --db "$WORK/fail2.db" check >/dev/null; echo $?)" 0
is "... and holds no entries" "$("$NUTRACK_BIN" --db "$WORK/fail2.db" export)" \
	"$(printf 'date,meal,food_id,food,amount,grams,status,b12_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,energy_kcal,protein_g,estimated,folate_dfe_ug,folic_acid_ug,food_folate_ug,b6_mg\r')"

# The database and its directories are private: 0600 and 0700.
(umask 022; XDG_DATA_HOME=$WORK/xdg "$NUTRACK_BIN" profile >/dev/null)
is "default path under XDG_DATA_HOME" "$(ls "$WORK/xdg/nutrack")" "nutrack.db"
is "database file mode 0600" "$(stat -c %a "$WORK/xdg/nutrack/nutrack.db")" "600"
is "database directory mode 0700" "$(stat -c %a "$WORK/xdg/nutrack")" "700"
# NUTRACK_DB wins over XDG_DATA_HOME; --db wins over NUTRACK_DB.
NUTRACK_DB=$WORK/env.db XDG_DATA_HOME=$WORK/xdg2 "$NUTRACK_BIN" profile >/dev/null
is "NUTRACK_DB is used" "$(ls "$WORK" | grep -c '^env.db$')" "1"
NUTRACK_DB=$WORK/env2.db "$NUTRACK_BIN" --db "$WORK/opt.db" profile >/dev/null
is "--db beats NUTRACK_DB" "$(ls "$WORK" | grep -c -e '^opt.db$' -e '^env2.db$')" "1"

# The bundled data is loaded once: with a copy of the data whose foods.csv
# is broken but whose VERSION is unchanged, nutrack must not even read it.
mkdir "$WORK/data"
cp "$NUTRACK_DATA_DIR"/VERSION "$NUTRACK_DATA_DIR"/*.csv "$WORK/data/"
printf 'id,name\nbroken,"\n' >"$WORK/data/foods.csv"
nt profile >/dev/null
expect data-not-reread 0 env NUTRACK_DATA_DIR="$WORK/data" "$NUTRACK_BIN" --db "$DB" food --csv sr28:09040
# A new VERSION makes it reload; the broken file is reported with its line
# and the database keeps its old data.
echo "nutrack-data test-new" >"$WORK/data/VERSION"
expect data-reload-broken 1 env NUTRACK_DATA_DIR="$WORK/data" "$NUTRACK_BIN" --db "$DB" food --csv sr28:09040
expect data-after-failed-reload 0 nt food --csv sr28:09040
expect data-dir-missing 1 env NUTRACK_DATA_DIR="$WORK/nowhere" "$NUTRACK_BIN" --db "$WORK/new.db" profile

done_testing
