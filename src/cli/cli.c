/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c - command table, argument parsing and error reporting. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "amount.h"
#include "food.h"
#include "journal.h"
#include "pick.h"
#include "diet.h"
#include "search.h"
#include "text.h"

static const struct cli_command commands[] = {
	{"search", cli_cmd_search, "[--limit N] [--diet DIET] [--csv | --json] WORDS...",
	 "find foods by name; shows B12, omega-3 and potassium per 100 g and per portion",
	 "  -n, --limit N      show at most N foods (default 10)\n"
	 "      --diet DIET    rank and mark for vegan, vegetarian or omnivore (default: the\n"
	 "                     profile's)\n"
	 "      --csv          CSV: id,name,group,b12_ug,omega3_g,potassium_mg,breaks_diet\n"
	 "                     (per 100 g)\n"
	 "      --json         JSON: query, diet, total, more, relaxed, foods (see nutrack(1))\n"},
	{"food", cli_cmd_food, "[--csv | --json] ID",
	 "all tracked nutrients of one food per 100 g, and its portions",
	 "      --csv          CSV: nutrient,unit,per_100g (empty = unknown)\n"
	 "      --json         JSON: id, name, group, per_100g, per_unit, portions (null =\n"
	 "                     unknown; see nutrack(1))\n"},
	{"foods", cli_cmd_foods,
	 "add NAME [--NUTRIENT VALUE...] [--serving GRAMS [--unit NAME]] [--contains TAGS]\n"
	 "       [--supplement] | export [-o FILE] | import [--dry-run] FILE | "
	 "list | tag FOOD [TAGS|none] | untag FOOD",
	 "your own foods; and what a food contains (meat fish shellfish dairy egg honey)",
	 "      --energy KCAL  --protein G  --b12 UG  --b12-added UG\n"
	 "      --ala G  --epa G  --dha G  --dpa G  --potassium MG\n"
	 "                     the food's values; any left out are unknown\n"
	 "      --serving GRAMS  the values are per serving of GRAMS g (default:\n"
	 "                     per 100 g); adds the portion \"1 serving\"\n"
	 "      --unit NAME    name the serving (\"tablet\", \"bar\") instead\n"
	 "      --contains TAGS  what it is made of, for diets: \"dairy egg\" (default none)\n"
	 "      --supplement   file it under Supplements (it counts as one for B12)\n"
	 "  tag FOOD TAGS     correct what a food contains (\"none\" for plant foods);\n"
	 "                     without TAGS, show it\n"
	 "  untag FOOD         go back to the bundled data's tags\n"
	 "  -o, --output FILE  export: write FILE instead of standard output\n"
	 "      --dry-run      import: check the file and say what would change\n"},
	{"add", cli_cmd_add, "[--date DATE] [--meal MEAL] [--planned] FOOD AMOUNT",
	 "log a food: FOOD is an id or search words (the best match is used)",
	 "  FOOD               words: the food the search ranks first that has the\n"
	 "                     amount's unit; a warning when it breaks your diet, and\n"
	 "                     the ids of foods nearly as good that count differently\n"
	 "  -d, --date DATE    day to log on (default today); on a future day the\n"
	 "                     entry is planned\n"
	 "  -m, --meal MEAL    breakfast, lunch, dinner or snack (default: by the clock)\n"
	 "  -p, --planned      log it ahead: counts in the planned total, not as eaten\n"},
	{"edit", cli_cmd_edit, "ENTRY [--date DATE] [--meal MEAL] [AMOUNT]",
	 "change an entry's amount, meal or day",
	 "  -d, --date DATE    move the entry to another day\n"
	 "  -m, --meal MEAL    move the entry to another meal\n"},
	{"rm", cli_cmd_rm, "ENTRY", "remove an entry", ""},
	{"eat", cli_cmd_eat, "ENTRY|DATE", "mark a planned entry, or a day's planned entries, eaten",
	 "  ENTRY|DATE         today's or an earlier day's: a future day's entries are\n"
	 "                     eaten on the day\n"},
	{"uneat", cli_cmd_uneat, "ENTRY...", "turn eaten entries back into planned ones", ""},
	{"copy", cli_cmd_copy, "[--meal MEAL] [--planned|--eaten] FROM TO",
	 "copy a day's (or one meal's) entries to another day",
	 "  -m, --meal MEAL    copy only this meal\n"
	 "      --planned      the copies are planned (the default for a future day)\n"
	 "      --eaten        the copies are eaten (the default otherwise)\n"},
	{"suggest", cli_cmd_suggest, "[--csv | --json] [--week] [--limit N] [DATE]",
	 "foods and amounts that close the day's (or week's) shortfalls",
	 "  -w, --week         for the ISO week's daily average instead of the day\n"
	 "  -n, --limit N      at most N foods per nutrient (default 3)\n"
	 "      --csv          CSV: nutrient,food_id,food,amount,grams,adds,unit,\n"
	 "                     gap_closed_percent\n"
	 "      --json         JSON: date, iso_week, diet, logged, shortfalls with their\n"
	 "                     foods (see nutrack(1))\n"},
	{"plan", cli_cmd_plan, "[--days N] [--csv | --json] [--shopping] [--accept] [DATE]",
	 "propose days of meals that meet every target for your diet",
	 "  -n, --days N       plan N days (1-28) from DATE (default tomorrow)\n"
	 "      --csv          CSV: date,meal,food_id,food,amount,grams,energy_kcal,\n"
	 "                     protein_g,b12_ug,omega3_g,epa_dha_mg,potassium_mg,why\n"
	 "      --shopping     the plan summed by food, a shopping list (with --csv:\n"
	 "                     food_id,food,amount,grams,days)\n"
	 "      --json         JSON: from, to, diet, energy, need, per_day with items and\n"
	 "                     total; with --shopping: from, to, foods (see nutrack(1))\n"
	 "      --accept       write the plan as planned entries\n"},
	{"recipe", cli_cmd_recipe,
	 "new NAME [--servings N] | add RECIPE FOOD AMOUNT | rm RECIPE ITEM |\n"
	 "       servings RECIPE N | show RECIPE | list | save-meal NAME --meal MEAL [--date DATE]",
	 "recipes and saved meals: foods made of foods, logged as \"1 serving\"",
	 "      --servings N   how many servings the recipe makes (default 1)\n"
	 "  -m, --meal MEAL    save-meal: the meal to save\n"
	 "  -d, --date DATE    save-meal: its day (default today)\n"},
	{"lab", cli_cmd_lab, "add [--date DATE] KIND VALUE UNIT | list [--csv] | rm N",
	 "blood tests (serum B12, homocysteine, MMA) beside your B12 intake",
	 "  KIND               b12 (pg/mL or pmol/L), homocysteine (umol/L) or\n"
	 "                     mma (umol/L or nmol/L)\n"
	 "  -d, --date DATE    the day of the test (default today)\n"
	 "      --csv          list as CSV: id,date,kind,value,unit,reading,\n"
	 "                     b12_ug_per_day_28d,days_logged_28d,b12_days_28d\n"},
	{"export", cli_cmd_export, "[--from DATE] [--to DATE] [-o FILE]",
	 "write journal entries as CSV (standard output, or FILE)",
	 "      --from DATE    the first day (default: the first entry's)\n"
	 "      --to DATE      the last day (default: the last entry's)\n"
	 "  -o, --output FILE  write FILE instead of standard output\n"},
	{"import", cli_cmd_import, "[--dry-run] [--from FORMAT] [--match] FILE",
	 "read journal entries: nutrack's export, Cronometer's or MyFitnessPal's; no duplicates",
	 "      --dry-run      check the file and say what would change, change nothing\n"
	 "      --from FORMAT  nutrack (export's CSV, the default), cronometer (its\n"
	 "                     Food & Recipe Entries export) or myfitnesspal (its\n"
	 "                     nutrition export)\n"
	 "      --match        cronometer: log a row as the bundled food of the same\n"
	 "                     name when amount and values agree\n"},
	{"import-fdc", cli_cmd_import_fdc, "[--dry-run] DIR",
	 "load a USDA FoodData Central CSV download (ids fdc:FDC_ID)",
	 "      --dry-run      read and count, change nothing\n"},
	{"import-off", cli_cmd_import_off, "[--dry-run] FILE",
	 "load the Open Food Facts CSV export (ids off:BARCODE)",
	 "      --dry-run      read and count, change nothing\n"},
	{"exclude", cli_cmd_exclude, "add (FOOD | --group GROUP | --word WORD) | list | rm N",
	 "foods, food groups or words never to suggest (allergies, dislikes)", ""},
	{"day", cli_cmd_day, "[--csv | --json] [DATE]",
	 "a day's entries by meal, totals against targets, shortfalls",
	 "      --csv          CSV: nutrient,unit,intake,target,percent,status,partial\n"
	 "      --json         JSON: date, eaten_entries, entries, totals (see nutrack(1))\n"},
	{"week", cli_cmd_week, "[--csv | --json] [DATE]",
	 "the ISO week holding DATE: daily totals and the 7-day average against targets",
	 "      --csv          CSV: date,b12_ug,omega3_g,epa_dha_mg,potassium_mg,energy_kcal,\n"
	 "                     then each column's _days: the days with a value\n"
	 "      --json         JSON: iso_week, per_day, average, target, percent_of_target,\n"
	 "                     status (see nutrack(1))\n"},
	{"report", cli_cmd_report,
	 "[--from DATE] [--to DATE] [--csv | --json | --format text|csv|json|html] [-o FILE]",
	 "intake over any range of days: per day, the average and charts",
	 "      --from DATE    the first day (default: 27 days before --to)\n"
	 "      --to DATE      the last day (default today)\n"
	 "      --csv          CSV: date,b12_ug,omega3_g,epa_dha_mg,potassium_mg,energy_kcal,\n"
	 "                     then each column's _days, for each day, then the average\n"
	 "      --json         JSON: as week's, without iso_week (see nutrack(1))\n"
	 "      --format html  one self-contained HTML page (tables, SVG charts) to print\n"
	 "  -o, --output FILE  write csv, json or html to FILE\n"},
	{"top", cli_cmd_top, "[--diet DIET] [--all] [--limit N] [--csv | --json] NUTRIENT",
	 "the richest everyday foods in a nutrient per portion",
	 "      --diet DIET    vegan, vegetarian or omnivore (default: the profile's)\n"
	 "  -a, --all          everything: also SR28's ingredients (raw, dry) and foods\n"
	 "                     that are not everyday advice (drinks, candy, sauces...);\n"
	 "                     never energy drinks under 18\n"
	 "  -n, --limit N      how many (default 10)\n"
	 "      --csv          CSV: food_id,food,portion,grams,value,unit,per_100g\n"
	 "      --json         JSON: nutrient, unit, diet, foods (see nutrack(1))\n"},
	{"check", cli_cmd_check, "",
	 "check the database for damage (SQLite's integrity check, references, search index)",
	 ""},
	{"backup", cli_cmd_backup, "[--force] FILE",
	 "copy the database to FILE, consistent even while nutrack runs",
	 "  -f, --force        replace FILE if it exists\n"},
	{"profile", cli_cmd_profile,
	 "[--sex female|male] [--age YEARS] [--stage none|pregnant|lactating] "
	 "[--diet vegan|vegetarian|omnivore]\n"
	 "       [--height CM] [--weight KG] [--activity sedentary|low|active|very] [--from DATE]\n"
	 "       [--json]",
	 "set the profile targets come from; without options, show it and the targets",
	 "      --sex SEX      female or male\n"
	 "      --age YEARS    age in years (0-130)\n"
	 "      --stage STAGE  none, pregnant or lactating\n"
	 "      --diet DIET    vegan, vegetarian or omnivore\n"
	 "      --height CM    height in cm (40-250; default: the IOM reference)\n"
	 "      --weight KG    weight in kg (2-400; default: the IOM reference)\n"
	 "      --activity L   sedentary, low (the default), active or very active\n"
	 "      --from DATE    the day the change applies from (default today); days\n"
	 "                     before it keep the profile they had\n"
	 "      --json         JSON: is_set, sex, age_years, stage, diet, height_cm,\n"
	 "                     weight_kg, activity, targets, from, history (see nutrack(1))\n"},
	{"target", cli_cmd_target,
	 "[list] [--from DATE] | set NUTRIENT [--min X] [--max Y] [--from DATE]\n"
	 "       | reset NUTRIENT|all [--from DATE]",
	 "your own targets and upper limits (a clinician's), beside the DRI targets",
	 "  NUTRIENT           b12, omega3, ala, epa_dha, potassium, ... (nutrack(1))\n"
	 "      --min X        your target, in the nutrient's unit (replaces the DRI's)\n"
	 "      --max Y        an upper limit: intake above it is OVER LIMIT, and\n"
	 "                     suggestions never go past it\n"
	 "      --from DATE    the day the setting applies from (default today); for\n"
	 "                     list, the day to show\n"},
};

const struct cli_command *
cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

void
cli_usage(FILE *fp, const char *prog)
{
	fprintf(fp,
	        "Usage: %s [--db FILE] [COMMAND [ARGS...]]\n"
	        "Track vitamin B12, omega-3 fatty acids and potassium.\n"
	        "Without a command on a terminal, opens the interactive day view.\n\n"
	        "Commands:\n", prog);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(fp, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp,
	        "\nOptions:\n"
	        "      --db FILE      use this database (default: $NUTRACK_DB, else\n"
	        "                     $XDG_DATA_HOME/nutrack/nutrack.db)\n"
	        "  -h, --help         show this help and exit\n"
	        "  -V, --version      show the version and exit\n\n"
	        "DATE: YYYY-MM-DD, today, yesterday, tomorrow or -N (N days ago).\n"
	        "MEAL: breakfast, lunch, dinner or snack.\n"
	        "Run '%s COMMAND --help' for a command's options; see nutrack(1).\n", prog);
}

int
cli_command_help(const struct app *a, const struct cli_command *cmd, FILE *fp)
{
	fprintf(fp, "Usage: %s %s %s\n%c%s.\n", a->prog, cmd->name, cmd->args,
	        toupper((unsigned char)cmd->summary[0]), cmd->summary + 1);
	fprintf(fp, "\nOptions:\n%s  -h, --help         show this help and exit\n", cmd->help);
	return CLI_OK;
}

/* Messages echo user input and file content: never let it reach the terminal raw. */
static void
vmessage(const struct app *a, const char *fmt, va_list ap)
{
	char msg[1024], safe[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	nt_text_sanitize(msg, safe, sizeof safe);
	fprintf(stderr, "%s: %s\n", a->prog, safe);
}

int
cli_error(const struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(a, fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

/*
 * Whether standard output is a pipe nobody reads any more (nutrack export |
 * head -1): writing there fails with EPIPE, and poll(2) says POLLERR.
 */
static bool
reader_gone(void)
{
	struct pollfd p = {.fd = STDOUT_FILENO, .events = 0};

	return errno == EPIPE || (poll(&p, 1, 0) == 1 && (p.revents & POLLERR));
}

int
cli_stdout_failed(const struct app *a, const char *detail)
{
	if (reader_gone())
		return CLI_FAIL; /* quietly: the reader has what it wanted */
	if (detail)
		return cli_error(a, "standard output: %s", detail);
	return cli_error(a, "write error on standard output");
}

int
cli_fail(const struct app *a, enum nt_status st, const struct nt_err *err)
{
	return cli_error(a, "%s", nt_err_text(err, st));
}

int
cli_usage_error(const struct app *a, const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(a, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "Usage: %s %s %s\nTry '%s %s --help' for more.\n", a->prog,
		        cmd->name, cmd->args, a->prog, cmd->name);
	else
		fprintf(stderr, "Try '%s --help' for more.\n", a->prog);
	return CLI_USAGE;
}

/* "-3" (a relative date) and "-5g" are arguments, not options. */
static bool
is_negative_number(const char *s)
{
	return s[0] == '-' && (isdigit((unsigned char)s[1]) || s[1] == '.');
}

int
cli_parse(struct app *a, const struct cli_command *cmd, int argc, char **argv,
          const struct cli_opt *opts, int *npos)
{
	int n = 0;
	bool only_pos = false;

	for (int i = 1; i < argc; i++) {
		char *arg = argv[i];
		const struct cli_opt *o = NULL;
		const char *inline_val = NULL;

		if (only_pos || arg[0] != '-' || !arg[1] || is_negative_number(arg)) {
			argv[1 + n++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_pos = true;
			continue;
		}
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
			return cli_command_help(a, cmd, stdout);
		for (const struct cli_opt *p = opts; p && p->name; p++) {
			size_t len = strlen(p->name);

			if (arg[1] == '-' && !strncmp(arg + 2, p->name, len) &&
			    (arg[2 + len] == '\0' || (arg[2 + len] == '=' && p->value))) {
				o = p;
				if (arg[2 + len] == '=')
					inline_val = arg + 3 + len;
				break;
			}
			if (arg[1] != '-' && p->short_name && arg[1] == p->short_name) {
				o = p;
				if (arg[2])
					inline_val = arg + 2;
				break;
			}
		}
		if (!o)
			return cli_usage_error(a, cmd, "%s: unknown option '%s'", cmd->name, arg);
		if (o->flag) {
			if (inline_val)
				return cli_usage_error(a, cmd, "%s: option '--%s' takes no value",
				                       cmd->name, o->name);
			*o->flag = true;
			continue;
		}
		if (!inline_val) {
			if (i + 1 >= argc)
				return cli_usage_error(a, cmd, "%s: option '--%s' needs a value",
				                       cmd->name, o->name);
			inline_val = argv[++i];
		}
		*o->value = inline_val;
	}
	*npos = n;
	return -1;
}

int
cli_open(struct app *a)
{
	struct nt_err err;
	enum nt_status st = app_open(a, &err);

	return st ? cli_fail(a, st, &err) : 0;
}

int
cli_date(const struct app *a, const char *text, long *out)
{
	struct nt_err err;
	enum nt_status st = nt_date_parse(text, a->today, out, &err);

	return st ? cli_fail(a, st, &err) : 0;
}

int
cli_meal(const struct app *a, const struct cli_command *cmd, const char *text, int *out)
{
	(void)cmd;
	if ((*out = nt_meal_parse(text)) < 0)
		return cli_error(a, "unknown meal '%.40s': use breakfast, lunch, dinner or snack",
		                 text);
	return 0;
}

int
cli_row_id(const struct app *a, const char *text, const char *what, long long *out)
{
	const char *p = text[0] == '#' ? text + 1 : text;
	char *end;

	errno = 0;
	if (!isdigit((unsigned char)*p))
		return cli_error(a, "'%.40s' is not %s", text, what);
	*out = strtoll(p, &end, 10);
	/* 99999999999999999999 is no row: not LLONG_MAX, which strtoll would give */
	if (*end || *out <= 0 || errno == ERANGE)
		return cli_error(a, "'%.40s' is not %s", text, what);
	return 0;
}

int
cli_entry_id(const struct app *a, const char *text, long long *out)
{
	return cli_row_id(a, text, "an entry number (see 'nutrack day')", out);
}

/* Grams of `amount` of a food; a status, with err filled on failure. */
enum nt_status
cli_amount_of(struct app *a, long long food_id, const char *amount, long long *mg,
          struct nt_err *err)
{
	struct nt_food *f;
	enum nt_status st;
	double g;

	if ((st = nt_food_get(a->store, food_id, &f, err)))
		return st;
	st = nt_amount_grams(amount, f, &g, err);
	nt_food_free(f);
	if (st == NT_OK)
		*mg = nt_grams_to_mg(g);
	return st;
}

int
cli_resolve_food(struct app *a, const char *text, const char *amount, struct nt_pick *pick)
{
	struct nt_err err;
	enum nt_status st;

	if ((st = nt_food_pick(a->store, text, amount, pick, &err))) {
		if (st == NT_ERR_NOTFOUND && !nt_food_looks_like_id(text) &&
		    !strncmp(err.msg, "no food matches", 15))
			return cli_error(a, "%s; try '%s search %s'", err.msg, a->prog, text);
		return cli_fail(a, st, &err);
	}
	return 0;
}

void
cli_pick_notes(const struct app *a, const struct nt_pick *p, const char *undo)
{
	char why[96];

	if (p->breaks) {
		nt_tags_why(p->tags, p->breaks, why, sizeof why);
		if (p->tags == NT_TAGS_UNKNOWN)
			cli_error(a, "warning: %s (%s): %s, so it may not be %s; logged as asked",
			          p->name, p->ref, why, p->diet);
		else
			cli_error(a, "warning: %s (%s) %s: not %s; logged as asked", p->name, p->ref,
			          why, p->diet);
	}
	if (p->n_alts == 1)
		cli_error(a, "note: as close a match: %s %s; if you meant it, %s and add it by id",
		          p->alt[0].ref, p->alt[0].name, undo);
	else if (p->n_alts > 1)
		cli_error(a, "note: as close matches: %s %s; %s %s; if you meant one, %s and add it "
		          "by id", p->alt[0].ref, p->alt[0].name, p->alt[1].ref, p->alt[1].name, undo);
}

int
cli_run(struct app *a, const struct cli_command *cmd, int argc, char **argv)
{
	return cmd->run(a, argc, argv);
}
