#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# completion.sh - the bash completion (completion/nutrack.bash) sourced into
# a real bash, fed command lines as bash would and its COMPREPLY read back:
# every command of the command table (nutrack --help) is completed, every
# option each command's --help names is offered, and values (meals, dates,
# diets, nutrients, food ids from the database) come where they belong.  The
# same again with bash-completion's own helpers loaded, when installed; the
# zsh completion is checked for syntax and for the same commands and options.
. "$NUTRACK_TESTS/cli/lib.sh"

COMP=$NUTRACK_TESTS/../completion
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi

nt foods add "Chlorella tablets" --serving 0.5 --unit tablet --b12 2 >/dev/null
nt foods add "Chia pudding" --b12 0 >/dev/null

# The commands, from the program's own table; each command's options from
# its --help (synopsis and option lines).
"$NUTRACK_BIN" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }' \
	>"$WORK/commands"
is "the command table lists 24 or more commands" "$(test "$(wc -l <"$WORK/commands")" -ge 24 && echo yes)" "yes"

# complete.bash: replies LINE prints what completing LINE (cursor at its end)
# offers, one per line, sorted.
cat >"$WORK/complete.bash" <<'EOF'
[ -n "${NT_BASH_COMPLETION:-}" ] && . "$NT_BASH_COMPLETION"
. "$NT_COMP/nutrack.bash"
# the program as installed, on the test's database (as NUTRACK_DB names it)
nutrack() { "$NUTRACK_BIN" "$@"; }
export NUTRACK_DB=$NT_DB
replies() {
	COMP_LINE=$1
	COMP_POINT=${#1}
	# the words as bash splits them: blanks, and COMP_WORDBREAKS's colon
	local line=${1//:/ : }
	read -r -a COMP_WORDS <<<"$line"
	[[ $1 == *" " || -z $1 ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_nutrack nutrack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort
}
while IFS= read -r line; do
	echo "## $line"
	replies "$line"
done
EOF

# run_replies FILE: each line of FILE is a command line; prints the replies
# of each after "## LINE".
run_replies() {
	NT_COMP=$COMP NT_DB=$DB NUTRACK_BIN=$NUTRACK_BIN bash "$WORK/complete.bash" <"$1"
}
# replies_of LINE: the replies for one line, space-separated.
replies_of() {
	printf '%s\n' "$1" >"$WORK/one"
	run_replies "$WORK/one" | sed 1d | tr '\n' ' ' | sed 's/ $//'
}

check_all() {
	mode=$1
	# Every command of the table, from an empty command line and from its
	# first letters.
	replies_of "nutrack " | tr ' ' '\n' >"$WORK/got"
	missing=$(grep -vxF -f "$WORK/got" "$WORK/commands" | tr '\n' ' ')
	is "$mode: nutrack <TAB> offers every command of the table" "$missing" ""
	is "$mode: no command that is not in the table" \
		"$(grep -vxF -f "$WORK/commands" "$WORK/got" | tr '\n' ' ')" ""
	is "$mode: im<TAB>" "$(replies_of "nutrack im")" "import import-fdc import-off"

	# Every option of every command's --help, for the command or one of its
	# subcommands.
	: >"$WORK/lines"
	while read -r cmd; do
		echo "nutrack $cmd --" >>"$WORK/lines"
		for sub in $(replies_of "nutrack $cmd "); do
			case $sub in [a-z]*) echo "nutrack $cmd $sub --" >>"$WORK/lines" ;; esac
		done
	done <"$WORK/commands"
	run_replies "$WORK/lines" >"$WORK/option-replies"
	bad=""
	while read -r cmd; do
		"$NUTRACK_BIN" "$cmd" --help | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u >"$WORK/want"
		awk -v c="nutrack $cmd " 'index($0, "## " c) == 1 { on = 1; next } /^## / { on = 0 } on' \
			"$WORK/option-replies" | sort -u >"$WORK/got"
		for o in $(grep -vxF -f "$WORK/got" "$WORK/want"); do bad="$bad $cmd:$o"; done
	done <"$WORK/commands"
	is "$mode: every option of every command's --help is completed" "$bad" ""

	# Values.
	is "$mode: meals" "$(replies_of "nutrack add --meal ")" "breakfast dinner lunch snack"
	is "$mode: meal prefix" "$(replies_of "nutrack copy -m d")" "dinner"
	is "$mode: dates" "$(replies_of "nutrack day ")" "today tomorrow yesterday"
	is "$mode: date option" "$(replies_of "nutrack export --from y")" "yesterday"
	is "$mode: diets" "$(replies_of "nutrack top --diet ve")" "vegan vegetarian"
	is "$mode: nutrients of top" "$(replies_of "nutrack top --diet vegan ")" \
		"ala b12 dha dpa energy epa epa_dha omega3 potassium protein"
	is "$mode: nutrient prefix" "$(replies_of "nutrack top e")" "energy epa epa_dha"
	is "$mode: profile stage" "$(replies_of "nutrack profile --stage ")" "lactating none pregnant"
	is "$mode: report formats" "$(replies_of "nutrack report --format ")" "csv html json text"
	is "$mode: subcommands of foods" "$(replies_of "nutrack foods ")" \
		"add export import list tag untag"
	is "$mode: subcommands of recipe" "$(replies_of "nutrack recipe s")" "save-meal servings show"
	is "$mode: lab kinds" "$(replies_of "nutrack lab add ")" "b12 homocysteine mma"
	is "$mode: lab units after the value" "$(replies_of "nutrack lab add b12 320 pm")" "pmol/L"
	is "$mode: import formats" "$(replies_of "nutrack import --from ")" \
		"cronometer myfitnesspal nutrack"
	is "$mode: tags" "$(replies_of "nutrack foods tag custom:1 d")" "dairy"
	is "$mode: global options" "$(replies_of "nutrack --")" "--db --help --version"
	is "$mode: no values for a number" "$(replies_of "nutrack search --limit ")" ""
	# Food ids from the database: the user's own by prefix (bash replaces
	# what follows the colon), search matches for words.
	is "$mode: custom food ids" "$(replies_of "nutrack food custom:")" "1 2"
	is "$mode: food ids of a search" \
		"$(replies_of "nutrack add --meal lunch chlorella")" "custom:1"
	is "$mode: the --db given is the database searched" \
		"$(replies_of "nutrack --db /nonexistent/x.db food chlorella")" ""
	is "$mode: the amount after the food is not a food" \
		"$(replies_of "nutrack add custom:1 ")" ""
	is "$mode: files for import" \
		"$(cd "$NUTRACK_TESTS/data/exchange" && replies_of "nutrack import --dry-run journal.c")" \
		"journal.csv"
}

check_all "plain bash"
for f in /usr/share/bash-completion/bash_completion; do
	if [ -r "$f" ]; then
		NT_BASH_COMPLETION=$f
		export NT_BASH_COMPLETION
		check_all "with bash-completion"
		unset NT_BASH_COMPLETION
	fi
done

# zsh: the file parses, and names every command and every option.
if command -v zsh >/dev/null 2>&1; then
	is "zsh completion parses" "$(zsh -n "$COMP/_nutrack" 2>&1 && echo ok)" "ok"
else
	tap_ok "zsh completion parses # SKIP zsh is not installed"
fi
bad=""
while read -r cmd; do
	grep -q "^[[:space:]]*'$cmd:" "$COMP/_nutrack" || bad="$bad $cmd"
	for o in $("$NUTRACK_BIN" "$cmd" --help | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u); do
		grep -qE -- "(^|[^a-z0-9-])$o([^a-z0-9-]|\$)" "$COMP/_nutrack" || bad="$bad $cmd:$o"
	done
done <"$WORK/commands"
is "zsh completion names every command and option" "$bad" ""

done_testing
