/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_plan.c - "suggest", "eat" and "copy": closing gaps and planning ahead. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "journal.h"
#include "profile.h"
#include "suggest.h"
#include "target.h"

static const char potassium_warning[] =
	"Potassium: people with kidney disease or on potassium-sparing drugs (or other\n"
	"drugs that raise potassium) must follow their clinician's advice, not these.\n";

int
cli_cmd_suggest(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("suggest");
	const char *limit_s = NULL;
	bool csv = false, week = false, potassium = false;
	struct cli_opt opts[] = {
		{"csv", 0, NULL, &csv},
		{"week", 'w', NULL, &week},
		{"limit", 'n', &limit_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_suggestions sg;
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;
	enum nt_status st;
	char date[NT_DATE_LEN];
	long day = 0, limit = 3;
	int npos, rc;
	bool logged;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "suggest: give at most one date");
	if (limit_s) {
		char *end;

		limit = strtol(limit_s, &end, 10);
		if (*end || end == limit_s || limit < 1 || limit > 20)
			return cli_usage_error(a, cmd, "--limit must be a number from 1 to 20");
	}
	day = a->today;
	if (npos == 1 && (rc = cli_date(a, argv[1], &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_profile_get(a->store, &p, &err)) || (st = nt_targets_for(a->store, &p, &t, &err)))
		return cli_fail(a, st, &err);
	if (week) {
		struct nt_week w;

		if ((st = nt_analysis_week(a->store, day, &t, &w, &err)))
			return cli_fail(a, st, &err);
		memcpy(j, w.avg, sizeof j);
		logged = w.days_logged > 0;
	} else {
		struct nt_entry_list l;
		struct nt_amounts total;

		if ((st = nt_journal_day(a->store, day, &l, &err)))
			return cli_fail(a, st, &err);
		nt_analysis_sum(&l, &total);
		logged = nt_analysis_eaten(&l) > 0;
		/* An empty day is all gap: suggest for every target. */
		if (!logged)
			nt_amounts_zero(&total);
		nt_judge(&total, true, &t, j);
		nt_entry_list_fini(&l);
	}
	if ((st = nt_suggest(a->store, &p, j, (size_t)limit, &sg, &err)))
		return cli_fail(a, st, &err);

	if (csv) {
		static const char *const head[] = {"nutrient", "food_id", "food", "amount", "grams",
		                                   "adds", "unit", "gap_closed_percent"};

		for (size_t i = 0; i < 8; i++)
			cli_csv_field(stdout, head[i], i == 0);
		cli_csv_end(stdout);
		for (size_t i = 0; i < sg.n; i++) {
			char grams[32], adds[32], pc[16];

			snprintf(grams, sizeof grams, "%.1f", sg.v[i].grams);
			cli_fmt_fixed(adds, sizeof adds, sg.v[i].adds, nt_measure_decimals(sg.v[i].m));
			snprintf(pc, sizeof pc, "%d", sg.v[i].closed_percent);
			cli_csv_field(stdout, nt_measure_name(sg.v[i].m), true);
			cli_csv_field(stdout, sg.v[i].ref, false);
			cli_csv_field(stdout, sg.v[i].name, false);
			cli_csv_field(stdout, sg.v[i].amount, false);
			cli_csv_field(stdout, grams, false);
			cli_csv_field(stdout, adds, false);
			cli_csv_field(stdout, nt_measure_unit(sg.v[i].m), false);
			cli_csv_field(stdout, pc, false);
			cli_csv_end(stdout);
		}
		nt_suggestions_fini(&sg);
		return CLI_OK;
	}

	nt_date_format(day, date);
	if (week) {
		int y, wk;

		nt_date_iso_week(day, &y, &wk);
		printf("Suggestions for the week %04d-W%02d (its daily average), %s diet\n", y, wk,
		       nt_diet_name(p.diet));
	} else {
		printf("Suggestions for %s %s, %s diet%s\n", nt_date_weekday_name(nt_date_weekday(day)),
		       date, nt_diet_name(p.diet), logged ? "" : " (nothing eaten logged yet)");
	}
	for (size_t i = 0; i < sg.n; i++) {
		const struct nt_suggestion *x = &sg.v[i];
		char adds[48], name[512], amount[256], head[128];

		if (i == 0 || sg.v[i - 1].m != x->m) {
			const struct nt_judgement *jj = &j[x->m];
			char have[48], short_by[48];

			cli_fmt_measure(a, have, sizeof have, x->m, jj->intake, jj->partial);
			cli_fmt_measure(a, short_by, sizeof short_by, x->m, x->gap, false);
			snprintf(head, sizeof head, "%s: %s of %g %s, %s short", nt_measure_label(x->m),
			         have, jj->target, app_unit(a, nt_measure_unit(x->m)), short_by);
			printf("\n%s\n", head);
			potassium |= x->m == NT_POTASSIUM;
		}
		cli_fmt_measure(a, adds, sizeof adds, x->m, x->adds, false);
		cli_fmt_name(name, sizeof name, x->name);
		cli_fmt_name(amount, sizeof amount, x->amount);
		printf("  %s %s (%s): +%s, closes %d%% of the gap; %s\n", amount, name, x->ref, adds,
		       x->closed_percent, x->note);
	}
	if (!sg.n)
		printf("\nNothing to suggest: no target is short%s.\n",
		       week ? " on average this week" : "");
	if (potassium)
		printf("\n%s", potassium_warning);
	nt_suggestions_fini(&sg);
	return CLI_OK;
}

int
cli_cmd_eat(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("eat");
	struct nt_err err;
	enum nt_status st;
	long long id;
	long day;
	int npos, rc, count;

	if ((rc = cli_parse(a, cmd, argc, argv, NULL, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "eat: give a planned entry's number or a date");
	if (argv[1][0] == '#' || (strspn(argv[1], "0123456789") == strlen(argv[1]) &&
	                          strlen(argv[1]) < 10)) {
		if ((rc = cli_entry_id(a, argv[1], &id)) || (rc = cli_open(a)))
			return rc;
		if ((st = nt_journal_set_planned(a->store, id, false, &err)))
			return cli_fail(a, st, &err);
		printf("Entry #%lld is eaten.\n", id);
		return CLI_OK;
	}
	if ((rc = cli_date(a, argv[1], &day)) || (rc = cli_open(a)))
		return rc;
	if ((st = nt_journal_eat_day(a->store, day, &count, &err)))
		return cli_fail(a, st, &err);
	if (count == 0)
		return cli_error(a, "nothing is planned on %s", argv[1]);
	printf("%d planned %s eaten.\n", count, count == 1 ? "entry is" : "entries are");
	return CLI_OK;
}

int
cli_cmd_copy(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("copy");
	const char *meal_s = NULL;
	bool planned = false, eaten = false;
	struct cli_opt opts[] = {
		{"meal", 'm', &meal_s, NULL},
		{"planned", 0, NULL, &planned},
		{"eaten", 0, NULL, &eaten},
		{NULL, 0, NULL, NULL},
	};
	struct nt_err err;
	enum nt_status st;
	long from, to;
	int npos, rc, meal = -1, count;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 2)
		return cli_usage_error(a, cmd, "copy: give the day to copy from and the day to copy to");
	if (planned && eaten)
		return cli_usage_error(a, cmd, "copy: --planned and --eaten exclude each other");
	if ((rc = cli_date(a, argv[1], &from)) || (rc = cli_date(a, argv[2], &to)))
		return rc;
	if (meal_s && (rc = cli_meal(a, cmd, meal_s, &meal)))
		return rc;
	if (from == to)
		return cli_error(a, "copy: the two days are the same");
	/* Copies into the future are plans unless said otherwise. */
	if (!planned && !eaten)
		planned = to > a->today;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_journal_copy(a->store, from, to, meal, planned, &count, &err)))
		return cli_fail(a, st, &err);
	if (count == 0)
		return cli_error(a, "nothing to copy from %s%s%s", argv[1], meal_s ? " at " : "",
		                 meal_s ? nt_meal_name((enum nt_meal)meal) : "");
	printf("Copied %d %s to %s as %s.\n", count, count == 1 ? "entry" : "entries", argv[2],
	       planned ? "planned" : "eaten");
	return CLI_OK;
}
