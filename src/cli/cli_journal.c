/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_journal.c - "add", "edit" and "rm": changing the journal. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "food.h"
#include "journal.h"
#include "pick.h"
#include "search.h"

/* The meal a bare "add" goes to, by the local clock. */
static enum nt_meal
meal_by_clock(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return NT_SNACK;
	if (tm.tm_hour >= 4 && tm.tm_hour < 11)
		return NT_BREAKFAST;
	if (tm.tm_hour >= 11 && tm.tm_hour < 15)
		return NT_LUNCH;
	if (tm.tm_hour >= 17 && tm.tm_hour < 22)
		return NT_DINNER;
	return NT_SNACK;
}

/* "Soy milk, sweetened (fndds:11320000), 250ml = 263.1 g: B12 ..." */
static void
describe(const struct app *a, const struct nt_entry *e)
{
	char name[512], amount[256], grams[32], date[NT_DATE_LEN];

	cli_fmt_name(name, sizeof name, e->food_name);
	cli_fmt_name(amount, sizeof amount, e->amount);
	if (e->weight_unknown) /* imported without a weight: mg is nominal */
		snprintf(grams, sizeof grams, "? g");
	else
		cli_fmt_grams(grams, sizeof grams, e->mg);
	nt_date_format(e->day, date);
	printf("#%lld %s %s: %s (%s), %s = %s: ", e->id, nt_meal_name(e->meal), date, name,
	       e->food_ref, amount, grams);
	cli_put_key_values(a, &e->values);
	putchar('\n');
}

/* Converts amount text to grams of a food, reporting errors. */
static int
grams_of(struct app *a, long long food_id, const char *amount, long long *mg)
{
	struct nt_err err;
	enum nt_status st = cli_amount_of(a, food_id, amount, mg, &err);

	return st ? cli_fail(a, st, &err) : 0;
}

static int
show_entry(struct app *a, const char *verb, long long id)
{
	struct nt_entry e;
	struct nt_err err;
	enum nt_status st;

	if ((st = nt_journal_get(a->store, id, &e, &err)))
		return cli_fail(a, st, &err);
	printf("%s ", verb);
	describe(a, &e);
	nt_entry_fini(&e);
	return CLI_OK;
}

int
cli_cmd_add(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("add");
	const char *date_s = NULL, *meal_s = NULL, *amount;
	bool planned = false, future = false;
	struct cli_opt opts[] = {
		{"date", 'd', &date_s, NULL},
		{"meal", 'm', &meal_s, NULL},
		{"planned", 'p', NULL, &planned},
		{NULL, 0, NULL, NULL},
	};
	char food[1024] = "", undo[64];
	struct nt_pick pick;
	long long id;
	long day = a->today;
	int meal, npos, rc;
	size_t o = 0;
	struct nt_err err;
	enum nt_status st;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos < 2)
		return cli_usage_error(a, cmd, "add: give a food and an amount, e.g. "
		                       "add salmon \"1 fillet\"");
	/* Everything before the last argument names the food. */
	for (int i = 1; i < npos; i++)
		o += (size_t)snprintf(food + o, o < sizeof food ? sizeof food - o : 0, "%s%s",
		                      i > 1 ? " " : "", argv[i]);
	if (o >= sizeof food)
		return cli_error(a, "food words are too long");
	amount = argv[npos];
	if (date_s && (rc = cli_date(a, date_s, &day)))
		return rc;
	if (meal_s) {
		if ((rc = cli_meal(a, cmd, meal_s, &meal)))
			return rc;
	} else {
		meal = (int)meal_by_clock();
	}
	if ((rc = cli_open(a)))
		return rc;
	if ((rc = cli_resolve_food(a, food, amount, &pick)))
		return rc;
	/* --planned plans any day; otherwise the core's rule: a future day is planned */
	if (planned)
		st = nt_journal_plan(a->store, day, (enum nt_meal)meal, pick.id, amount, pick.mg, &id,
		                     &err);
	else
		st = nt_journal_log(a->store, a->today, day, (enum nt_meal)meal, pick.id, amount,
		                    pick.mg, &future, &id, &err);
	if (st) {
		nt_pick_fini(&pick);
		return cli_fail(a, st, &err);
	}
	rc = show_entry(a, planned || future ? "Planned" : "Added", id);
	if (!rc && future) {
		char date[NT_DATE_LEN];

		nt_date_format(day, date);
		printf("%s %s is a future day, so the entry is planned: '%s eat %lld' marks it "
		       "eaten on the day.\n", nt_date_weekday_name(nt_date_weekday(day)), date,
		       a->prog, id);
	}
	snprintf(undo, sizeof undo, "'%s rm %lld'", a->prog, id);
	cli_pick_notes(a, &pick, undo);
	nt_pick_fini(&pick);
	return rc;
}

int
cli_cmd_edit(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("edit");
	const char *date_s = NULL, *meal_s = NULL;
	struct cli_opt opts[] = {
		{"date", 'd', &date_s, NULL},
		{"meal", 'm', &meal_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_entry e;
	struct nt_err err;
	enum nt_status st;
	long long id, mg;
	long day;
	int meal, npos, rc;
	char *amount;
	bool future = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos < 1 || npos > 2)
		return cli_usage_error(a, cmd, "edit: give an entry number and what to change");
	if (npos == 1 && !date_s && !meal_s)
		return cli_usage_error(a, cmd, "edit: nothing to change; give AMOUNT, --date or --meal");
	if ((rc = cli_entry_id(a, argv[1], &id)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_journal_get(a->store, id, &e, &err)))
		return cli_fail(a, st, &err);
	day = e.day;
	meal = (int)e.meal;
	mg = e.mg;
	amount = NULL; /* as it is: moving an entry does not re-judge its text */
	if (date_s && (rc = cli_date(a, date_s, &day)))
		goto out;
	if (meal_s && (rc = cli_meal(a, cmd, meal_s, &meal)))
		goto out;
	if (npos == 2) {
		amount = argv[2];
		if ((rc = grams_of(a, e.food_id, amount, &mg)))
			goto out;
	}
	if ((st = nt_journal_update(a->store, id, day, a->today, (enum nt_meal)meal, amount, mg,
	                            &future, &err))) {
		rc = cli_fail(a, st, &err);
		goto out;
	}
	rc = show_entry(a, "Changed", id);
	if (!rc && future && !e.planned) {
		char date[NT_DATE_LEN];

		nt_date_format(day, date);
		printf("%s %s is a future day, so the entry is planned now: '%s eat %lld' marks it "
		       "eaten on the day.\n", nt_date_weekday_name(nt_date_weekday(day)), date,
		       a->prog, id);
	}
out:
	nt_entry_fini(&e);
	return rc;
}

int
cli_cmd_rm(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("rm");
	struct nt_entry e;
	struct nt_err err;
	enum nt_status st;
	long long id;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, NULL, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "rm: give one entry number");
	if ((rc = cli_entry_id(a, argv[1], &id)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_journal_get(a->store, id, &e, &err)) == NT_ERR_DB) {
		/* an entry another program damaged (a date nutrack does not keep) goes too */
		struct nt_err why = err;

		if ((st = nt_journal_remove(a->store, id, &err)))
			return cli_fail(a, st, &err);
		printf("Removed #%lld (%s)\n", id, why.msg);
		return CLI_OK;
	}
	if (st)
		return cli_fail(a, st, &err);
	if ((st = nt_journal_remove(a->store, id, &err))) {
		nt_entry_fini(&e);
		return cli_fail(a, st, &err);
	}
	printf("Removed ");
	describe(a, &e);
	nt_entry_fini(&e);
	return CLI_OK;
}
