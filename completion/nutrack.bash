# SPDX-License-Identifier: GPL-3.0-or-later
# nutrack.bash - bash completion for nutrack: commands, subcommands, options
# and their values (meals, dates, diets, nutrients...), files where a command
# takes one, and food ids from the database for food, add, foods tag and
# recipe add (words are looked up with "nutrack search", custom:/recipe: with
# "nutrack foods list"/"recipe list").  tests/cli/completion.sh checks it
# against the command table and every command's --help.
# Installed as bash-completion's completions/nutrack; works without it too.

_nutrack_commands="search food foods add edit rm eat uneat copy suggest plan recipe lab export import
	import-fdc import-off exclude day week report top check backup profile target"

# The words offered for an option's value (empty: none known, e.g. a number).
_nutrack_option_values() {
	case $1 in
	--meal | -m) echo "breakfast lunch dinner snack" ;;
	--date | -d | --from | --to) echo "today yesterday tomorrow" ;;
	--diet) echo "vegan vegetarian omnivore" ;;
	--sex) echo "female male" ;;
	--stage) echo "none pregnant lactating" ;;
	--activity) echo "sedentary low active very" ;;
	--format) echo "text csv json html" ;;
	--contains) echo "none meat fish shellfish dairy egg honey" ;;
	esac
}

# The options of a command (and subcommand), as its --help lists them.
_nutrack_options() {
	case $1 in
	search) echo "--limit -n --csv --json --diet" ;;
	food | day | week) echo "--csv --json" ;;
	foods)
		case $2 in
		add) echo "--energy --protein --b12 --b12-added --ala --epa --dha --dpa
			--potassium --serving --unit --contains --supplement" ;;
		export) echo "--output -o" ;;
		import) echo "--dry-run" ;;
		esac ;;
	add) echo "--date -d --meal -m --planned -p" ;;
	edit) echo "--date -d --meal -m" ;;
	copy) echo "--meal -m --planned --eaten" ;;
	suggest) echo "--csv --json --week -w --limit -n" ;;
	plan) echo "--days -n --csv --json --shopping --accept" ;;
	recipe)
		case $2 in
		new) echo "--servings" ;;
		save-meal) echo "--meal -m --date -d" ;;
		esac ;;
	lab)
		case $2 in
		add) echo "--date -d" ;;
		list) echo "--csv" ;;
		esac ;;
	export) echo "--from --to --output -o" ;;
	import) echo "--dry-run --from --match" ;;
	import-fdc | import-off) echo "--dry-run" ;;
	exclude) [ "$2" = add ] && echo "--group --word" ;;
	report) echo "--from --to --csv --json --format --output -o" ;;
	top) echo "--diet --all -a --limit -n --csv --json" ;;
	backup) echo "--force -f" ;;
	profile) echo "--sex --age --stage --diet --height --weight --activity --from --json" ;;
	target)
		case $2 in
		set) echo "--min --max --from" ;;
		*) echo "--from" ;;
		esac ;;
	esac
	echo "--help -h"
}

_nutrack_subcommands() {
	case $1 in
	foods) echo "add export import list tag untag" ;;
	recipe) echo "new add rm servings show list save-meal" ;;
	lab) echo "add list rm" ;;
	target) echo "list set reset" ;;
	exclude) echo "add list rm" ;;
	esac
}

# Food ids for the text typed so far: the user's own foods and recipes for
# "custom:" and "recipe:", else the ids of the best search matches.
# Only an existing database is asked: completing never creates one.
_nutrack_food_ids() {
	local cur=$1 db=${NUTRACK_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/nutrack/nutrack.db}
	shift
	[ "${2:-}" = --db ] && db=$3
	[ -f "$db" ] || return 0
	case $cur in
	custom:*) "$@" foods list 2>/dev/null | awk '{ print $1 }' ;;
	recipe:*) "$@" recipe list 2>/dev/null | awk '$1 ~ /^recipe:/ { print $1 }' ;;
	*:* | "") ;;
	*) "$@" search --csv --limit 20 -- "$cur" 2>/dev/null | awk -F, 'NR > 1 { print $1 }' ;;
	esac
}

_nutrack() {
	local cur="" prev="" words=() cword=0 i w cmd="" sub="" db=() npos=0
	COMPREPLY=()
	# Words with ids kept whole: bash splits "sr28:15076" at the colon
	# (COMP_WORDBREAKS).  bash-completion's helper when it is loaded, else the
	# line split at blanks (quotes are not undone there).
	if declare -F _get_comp_words_by_ref >/dev/null; then
		_get_comp_words_by_ref -n : cur prev words cword
	else
		read -r -a words <<<"${COMP_LINE:0:COMP_POINT}"
		if [[ ${COMP_LINE:0:COMP_POINT} == *[[:space:]] ]] || [ ${#words[@]} -eq 0 ]; then
			words+=("")
		fi
		cword=$((${#words[@]} - 1))
		cur=${words[cword]}
		[ "$cword" -gt 0 ] && prev=${words[cword - 1]}
	fi

	# The command, its subcommand, --db, and how many plain arguments came before.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		case $w in
		--db) db=(--db "${words[i + 1]}"); i=$((i + 1)); continue ;;
		--db=*) db=(--db "${w#--db=}"); continue ;;
		-*)
			# an option taking a value swallows the next word
			if [ -n "$cmd" ] && [ -n "$(_nutrack_option_values "$w")$(_nutrack_takes_value "$w")" ]; then
				i=$((i + 1))
			fi
			continue ;;
		esac
		if [ -z "$cmd" ]; then
			cmd=$w
		elif [ -z "$sub" ] && [ -n "$(_nutrack_subcommands "$cmd")" ]; then
			sub=$w
		else
			npos=$((npos + 1))
		fi
	done

	# The value of an option.
	case $prev in
	--db | --output | -o)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--from)
		if [ "$cmd" = import ]; then
			COMPREPLY=($(compgen -W "nutrack cronometer myfitnesspal" -- "$cur"))
			return
		fi ;;
	esac
	if [ -n "$cmd" ] && [[ $prev == -* ]]; then
		local values
		values=$(_nutrack_option_values "$prev")
		if [ -n "$values" ]; then
			COMPREPLY=($(compgen -W "$values" -- "$cur"))
			return
		fi
		[ -n "$(_nutrack_takes_value "$prev")" ] && return # a number or a name
	fi

	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --help -h --version -V" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_nutrack_commands" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_nutrack_options "$cmd" "$sub")" -- "$cur"))
		return
	fi
	if [ -z "$sub" ] && [ -n "$(_nutrack_subcommands "$cmd")" ]; then
		COMPREPLY=($(compgen -W "$(_nutrack_subcommands "$cmd")" -- "$cur"))
		return
	fi

	# Plain arguments.
	local nt=("${words[0]}" "${db[@]}")
	case $cmd/$sub/$npos in
	food//0 | add//0 | foods/tag/0 | foods/untag/0 | recipe/add/1 | exclude/add/0)
		COMPREPLY=($(_nutrack_food_ids "$cur" "${nt[@]}")) ;;
	foods/tag/1) COMPREPLY=($(compgen -W "$(_nutrack_option_values --contains)" -- "$cur")) ;;
	top//0) COMPREPLY=($(compgen -W "b12 omega3 epa_dha potassium ala epa dha dpa energy protein" -- "$cur")) ;;
	lab/add/0) COMPREPLY=($(compgen -W "b12 homocysteine mma" -- "$cur")) ;;
	target/set/0) COMPREPLY=($(compgen -W "b12 omega3 ala epa_dha epa dha dpa potassium energy protein b12_added" -- "$cur")) ;;
	target/reset/0) COMPREPLY=($(compgen -W "all b12 omega3 ala epa_dha epa dha dpa potassium energy protein b12_added" -- "$cur")) ;;
	lab/add/2) COMPREPLY=($(compgen -W "pg/mL pmol/L umol/L nmol/L" -- "$cur")) ;;
	day//0 | week//0 | suggest//0 | plan//0 | eat//0 | copy//[01] | recipe/save-meal/1)
		COMPREPLY=($(compgen -W "$(_nutrack_option_values --date)" -- "$cur")) ;;
	import//0 | import-off//0 | foods/import/0 | backup//0)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	import-fdc//0) COMPREPLY=($(compgen -d -- "$cur")) ;;
	esac
	# Bash replaces only the part after the last colon of an id.
	if [[ $cur == *:* ]]; then
		local colon=${cur%:*}:
		for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do
			COMPREPLY[i]=${COMPREPLY[i]#"$colon"}
		done
	fi
}

# Options that take a value without a fixed list of words.
_nutrack_takes_value() {
	case $1 in
	--limit | -n | --days | --servings | --age | --height | --weight | --serving | --unit | --group | --word | \
		--energy | --protein | --b12 | --b12-added | --ala | --epa | --dha | --dpa | \
		--potassium | --from | --to | --output | -o | --min | --max) echo yes ;;
	esac
}

complete -o default -o bashdefault -F _nutrack nutrack 2>/dev/null ||
	complete -o default -F _nutrack nutrack
