/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_plan.c - "suggest", "eat" and "copy": closing gaps and planning ahead. */
#include "config.h"

#include <ctype.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "cli_format.h"
#include "cli_json.h"
#include "date.h"
#include "day.h"
#include "energy.h"
#include "food.h"
#include "journal.h"
#include "plan.h"
#include "profile.h"
#include "suggest.h"
#include "target.h"

static const char potassium_warning[] =
	"Potassium: people with kidney disease or on potassium-sparing drugs (or other\n"
	"drugs that raise potassium) must follow their clinician's advice, not these.\n";

/*
 * One object: the day (or week), the diet, and a member per short target
 * with its gap and the suggested foods, in the text's order.
 */
static void
suggest_json(const struct nt_profile *p, long day, bool week, bool logged,
             const struct nt_judgement *j, const struct nt_suggestions *sg)
{
	static const enum nt_measure measures[] = NT_SUGGEST_MEASURES;
	struct cli_json js;
	char date[NT_DATE_LEN];

	nt_date_format(day, date);
	cli_json_init(&js, stdout);
	cli_json_begin_object(&js);
	cli_json_key_string(&js, "date", date);
	cli_json_key(&js, "iso_week");
	if (week) {
		char iso[16];
		int y, wk;

		nt_date_iso_week(day, &y, &wk);
		snprintf(iso, sizeof iso, "%04d-W%02d", y, wk);
		cli_json_string(&js, iso);
	} else {
		cli_json_null(&js);
	}
	cli_json_key_string(&js, "diet", nt_diet_name(p->diet));
	cli_json_key_bool(&js, "logged", logged);
	cli_json_key(&js, "shortfalls");
	cli_json_begin_array(&js);
	for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
		enum nt_measure m = measures[k];
		const struct nt_judgement *jj = &j[m];
		int dec = nt_measure_decimals(m);

		if (jj->level != NT_LEVEL_LOW)
			continue;
		cli_json_begin_object(&js);
		cli_json_key_string(&js, "nutrient", nt_measure_name(m));
		cli_json_key_string(&js, "unit", nt_measure_unit(m));
		cli_json_key_number(&js, "intake", jj->intake, dec);
		cli_json_key_bool(&js, "partial", jj->partial);
		cli_json_key_number(&js, "target", jj->target, -1);
		cli_json_key_number(&js, "gap", jj->target - jj->intake, dec);
		cli_json_key(&js, "foods");
		cli_json_begin_array(&js);
		for (size_t i = 0; i < sg->n; i++) {
			const struct nt_suggestion *x = &sg->v[i];

			if (x->m != m)
				continue;
			cli_json_begin_object(&js);
			cli_json_key_string(&js, "food_id", x->ref);
			cli_json_key_string(&js, "food", x->name);
			cli_json_key_string(&js, "amount", x->amount);
			cli_json_key_number(&js, "grams", x->grams, 1);
			cli_json_key_number(&js, "adds", x->adds, dec);
			cli_json_key_int(&js, "gap_closed_percent", x->closed_percent);
			cli_json_key_string(&js, "note", x->note);
			cli_json_key_bool(&js, "dated", x->dated);
			cli_json_end_object(&js);
		}
		cli_json_end_array(&js);
		/* the limit that left it with no food (its own, for potassium) */
		cli_json_key(&js, "held_by_limit");
		if (m == NT_POTASSIUM && nt_known(jj->limit))
			cli_json_string(&js, nt_measure_name(m));
		else if (sg->held_by[m] >= 0)
			cli_json_string(&js, nt_measure_name((enum nt_measure)sg->held_by[m]));
		else
			cli_json_null(&js);
		cli_json_end_object(&js);
	}
	cli_json_end_array(&js);
	cli_json_end_object(&js);
}

int
cli_cmd_suggest(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("suggest");
	const char *limit_s = NULL;
	static const enum nt_measure measures[] = NT_SUGGEST_MEASURES;
	bool csv = false, json = false, week = false, potassium = false, short_any = false;
	bool any_estimate = false;
	struct cli_opt opts[] = {
		{"csv", 0, NULL, &csv},
		{"json", 0, NULL, &json},
		{"week", 'w', NULL, &week},
		{"limit", 'n', &limit_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_day_summary d;
	struct nt_targets targets; /* whose limits hold suggestions back */
	struct nt_suggestions sg;
	struct nt_profile p;
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
	if (csv && json)
		return cli_usage_error(a, cmd, "suggest: --csv and --json exclude each other");
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
	/* the day asked about, as 'day' shows it: its profile, targets and gaps */
	if ((st = nt_day_summary_load(a->store, day, &d, &err)))
		return cli_fail(a, st, &err);
	p = d.profile;
	targets = d.targets;
	if (week) {
		struct nt_week w;

		if ((st = nt_analysis_week(a->store, day, NULL, &w, &err))) {
			nt_day_summary_fini(&d);
			return cli_fail(a, st, &err);
		}
		memcpy(j, w.avg, sizeof j);
		logged = w.days_logged > 0;
	} else {
		/* an empty day is all gap: suggest for every target */
		memcpy(j, d.gaps, sizeof j);
		logged = d.eaten > 0;
	}
	nt_day_summary_fini(&d);
	if ((st = nt_suggest(a->store, &p, j, (size_t)limit, &sg, &err)))
		return cli_fail(a, st, &err);

	if (json) {
		suggest_json(&p, day, week, logged, j, &sg);
		nt_suggestions_fini(&sg);
		return CLI_OK;
	}
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
	for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
		enum nt_measure m = measures[k];
		const struct nt_judgement *jj = &j[m];
		char have[48], short_by[48], lim[48];
		size_t shown = 0;

		if (jj->level != NT_LEVEL_LOW)
			continue;
		short_any = true;
		cli_fmt_measure_est(a, have, sizeof have, m, jj->intake, jj->partial, jj->estimated);
		any_estimate |= jj->estimated;
		cli_fmt_measure(a, short_by, sizeof short_by, m, jj->target - jj->intake, false);
		printf("\n%s: %s of %g %s, %s short\n", nt_measure_label(m), have, jj->target,
		       app_unit(a, nt_measure_unit(m)), short_by);
		potassium |= m == NT_POTASSIUM;
		for (size_t i = 0; i < sg.n; i++) {
			const struct nt_suggestion *x = &sg.v[i];
			char adds[48], name[512], amount[256];

			if (x->m != m)
				continue;
			shown++;
			cli_fmt_measure(a, adds, sizeof adds, x->m, x->adds, false);
			cli_fmt_name(name, sizeof name, x->name);
			cli_fmt_name(amount, sizeof amount, x->amount);
			printf("  %s %s (%s): +%s, closes %d%% of the gap; %s%s%s\n", amount, name,
			       x->ref, adds, x->closed_percent, x->note, x->dated ? "; " : "",
			       x->dated ? NT_FOOD_DATED_NOTE : "");
		}
		if (shown)
			continue;
		if (m == NT_POTASSIUM && nt_known(jj->limit)) {
			cli_fmt_measure(a, lim, sizeof lim, m, jj->limit, false);
			printf("  none: you set a potassium limit (%s); your clinician's advice "
			       "applies\n", lim);
		} else if (sg.held_by[m] >= 0) {
			enum nt_measure h = (enum nt_measure)sg.held_by[m];

			char what[64];

			cli_fmt_measure(a, lim, sizeof lim, h, j[h].limit, false);
			snprintf(what, sizeof what, "%s", nt_measure_label(h));
			if (isupper((unsigned char)what[0]) && islower((unsigned char)what[1]))
				what[0] = (char)tolower((unsigned char)what[0]);
			if (targets.t[h].dri_limit) /* the DRI's tolerable upper intake level */
				printf("  none: each food that would close it takes %s past its upper "
				       "limit (UL, %s)\n", what, lim);
			else
				printf("  none: each food that would close it takes %s past the limit "
				       "you set (%s)\n", what, lim);
		} else {
			printf("  none: no food that fits your diet and exclusions has a known "
			       "value for it\n");
		}
	}
	if (!short_any)
		printf("\nNothing to suggest: no target is short%s.\n",
		       week ? " on average this week" : "");
	if (any_estimate)
		printf("\n%s\n", CLI_ESTIMATE_LEGEND);
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
		if ((st = nt_journal_eat(a->store, id, a->today, &err)))
			return cli_fail(a, st, &err);
		printf("Entry #%lld is eaten.\n", id);
		return CLI_OK;
	}
	if ((rc = cli_date(a, argv[1], &day)) || (rc = cli_open(a)))
		return rc;
	if ((st = nt_journal_eat_day(a->store, day, a->today, &count, &err)))
		return cli_fail(a, st, &err);
	if (count == 0)
		return cli_error(a, "nothing is planned on %s", argv[1]);
	printf("%d planned %s eaten.\n", count, count == 1 ? "entry is" : "entries are");
	return CLI_OK;
}

int
cli_cmd_uneat(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("uneat");
	long long *ids;
	struct nt_err err;
	enum nt_status st;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, NULL, &npos)) >= 0)
		return rc;
	if (npos < 1)
		return cli_usage_error(a, cmd, "uneat: give the numbers of eaten entries");
	if (!(ids = calloc((size_t)npos, sizeof *ids)))
		return cli_fail(a, NT_ERR_NOMEM, NULL);
	for (int i = 0; i < npos; i++)
		if ((rc = cli_entry_id(a, argv[i + 1], &ids[i])))
			goto done;
	if ((rc = cli_open(a)))
		goto done;
	if ((st = nt_journal_uneat(a->store, ids, (size_t)npos, &err))) {
		rc = cli_fail(a, st, &err);
		goto done;
	}
	for (int i = 0; i < npos; i++)
		printf("Entry #%lld is planned again.\n", ids[i]);
	rc = CLI_OK;
done:
	free(ids);
	return rc;
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
	/* Copies into the future are plans, and cannot be eaten yet (as eat says). */
	if (eaten && nt_journal_day_planned(to, a->today)) {
		char date[NT_DATE_LEN];

		nt_date_format(to, date);
		return cli_error(a, "copy: %s %s is a future day: its entries are planned, and '%s "
		                 "eat' marks them eaten on the day",
		                 nt_date_weekday_name(nt_date_weekday(to)), date, a->prog);
	}
	if (!planned && !eaten)
		planned = nt_journal_day_planned(to, a->today);
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

/* "the day: energy 2031 kcal, protein 78.3 g (170%), B12 2.56 µg (106%), ..." */
/* The day's totals against the needs; true when a shown total is an estimate. */
static bool
print_plan_totals(const struct app *a, const struct nt_plan *pl, const struct nt_plan_day *pd)
{
	static const struct {
		enum nt_measure m;
		const char *label;
	} shown[] = {
		{NT_ENERGY, "energy"}, {NT_PROTEIN, "protein"},     {NT_B12, "B12"},
		{NT_OMEGA3, "omega-3"}, {NT_EPA_DHA, "EPA+DHA"}, {NT_POTASSIUM, "potassium"},
	};

	bool estimated = false;

	printf("  the day:");
	for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
		enum nt_measure m = shown[i].m;
		double v = pd->total.v[m], need = pl->need[m];
		char val[64];

		cli_fmt_measure_est(a, val, sizeof val, m, v, (pd->total.partial >> m) & 1u,
		                    (pd->total.estimated >> m) & 1u);
		estimated |= nt_known(v) && ((pd->total.estimated >> m) & 1u);
		printf("%s %s %s", i ? "," : "", shown[i].label, val);
		if (m == NT_ENERGY && nt_known(v))
			printf(" (%d%% of %.0f)", (int)floor(100 * v / pl->eer_kcal + 1e-9), pl->eer_kcal);
		else if (nt_known(v) && nt_known(need) && need > 0)
			printf(" (%d%%)", (int)floor(100 * nt_round(v, nt_measure_decimals(m)) / need +
			                             1e-9));
	}
	printf("\n");
	return estimated;
}

/* " ug" -> " µg" in place (the core writes ASCII units). */
static void
micro(char *s, size_t n)
{
	char *p;

	while ((p = strstr(s, " ug")) && strlen(s) + 2 < n) {
		memmove(p + 3, p + 2, strlen(p + 2) + 1);
		memcpy(p + 1, "\xc2\xb5", 2);
	}
}

/* "energy 1838-2246 kcal a day (...), protein at least 46 g, B12 2.4 µg, ..." */
static void
print_plan_head(const struct app *a, const struct nt_profile *p, const struct nt_plan *pl)
{
	static const struct {
		enum nt_measure m;
		const char *label;
	} needs[] = {
		{NT_PROTEIN, "protein"}, {NT_B12, "B12"}, {NT_OMEGA3, "omega-3 (ALA AI)"},
		{NT_EPA_DHA, "EPA+DHA"}, {NT_POTASSIUM, "potassium"},
	};
	struct nt_body b;

	nt_energy_body(p, &b);
	printf("Plan for a %s, %g years, ", nt_sex_name(p->sex), p->age_y);
	if (p->stage != NT_STAGE_NONE)
		printf("%s, ", nt_stage_name(p->stage));
	printf("%s diet: energy %.0f-%.0f kcal a day (the estimated energy requirement, "
	       "%.0f kcal, within 10%%; %g cm, %g kg, %s%s), at least",
	       nt_diet_name(p->diet), pl->energy_lo, pl->energy_hi, pl->eer_kcal, b.height_cm,
	       b.weight_kg, b.activity == NT_ACTIVITY_LOW ? "low active" :
	       b.activity == NT_ACTIVITY_VERY ? "very active" : nt_activity_name(b.activity),
	       b.height_default || b.weight_default || b.activity_default ?
	       ": see 'nutrack profile'" : "");
	for (size_t i = 0; i < sizeof needs / sizeof *needs; i++) {
		if (!nt_known(pl->need[needs[i].m]))
			continue;
		printf("%s %s %g %s", i ? "," : "", needs[i].label, pl->need[needs[i].m],
		       app_unit(a, nt_measure_unit(needs[i].m)));
	}
	/* the user's limits, kept on every day */
	for (size_t i = 0, n = 0; i < sizeof needs / sizeof *needs; i++) {
		if (!nt_known(pl->limit[needs[i].m]))
			continue;
		printf("%s %s %g %s", n++ ? "," : "; at most", needs[i].label,
		       pl->limit[needs[i].m], app_unit(a, nt_measure_unit(needs[i].m)));
	}
	printf(".\n");
}

static void
print_plan_csv(const struct nt_plan *pl)
{
	static const char *const head[] = {"date", "meal", "food_id", "food", "amount", "grams",
	                                   "energy_kcal", "protein_g", "b12_ug", "omega3_g",
	                                   "epa_dha_mg", "potassium_mg", "why"};
	static const enum nt_measure cols[] = {NT_ENERGY, NT_PROTEIN, NT_B12, NT_OMEGA3,
	                                       NT_EPA_DHA, NT_POTASSIUM};

	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		cli_csv_field(stdout, head[i], i == 0);
	cli_csv_end(stdout);
	for (size_t i = 0; i < pl->n; i++) {
		const struct nt_plan_item *it = &pl->items[i];
		char date[NT_DATE_LEN], buf[32];

		nt_date_format(it->day, date);
		cli_csv_field(stdout, date, true);
		cli_csv_field(stdout, nt_meal_name(it->meal), false);
		cli_csv_field(stdout, it->ref, false);
		cli_csv_field(stdout, it->name, false);
		cli_csv_field(stdout, it->amount, false);
		snprintf(buf, sizeof buf, "%.1f", it->grams);
		cli_csv_field(stdout, buf, false);
		for (size_t k = 0; k < sizeof cols / sizeof *cols; k++) {
			cli_fmt_fixed(buf, sizeof buf, it->adds.v[cols[k]], nt_measure_decimals(cols[k]));
			cli_csv_field(stdout, buf, false);
		}
		cli_csv_field(stdout, it->why, false);
		cli_csv_end(stdout);
	}
}

/* The measures of a plan's items and day totals, as the CSV's columns. */
static const enum nt_measure plan_measures[] = {NT_ENERGY, NT_PROTEIN, NT_B12, NT_OMEGA3,
                                                NT_EPA_DHA, NT_POTASSIUM};
#define N_PLAN_MEASURES (sizeof plan_measures / sizeof *plan_measures)

/* Opens a plan's JSON object on standard output with its first and last day. */
static void
plan_json_begin(struct cli_json *j, const struct nt_plan *pl)
{
	char date[NT_DATE_LEN];

	cli_json_init(j, stdout);
	cli_json_begin_object(j);
	nt_date_format(pl->days[0].day, date);
	cli_json_key_string(j, "from", date);
	nt_date_format(pl->days[pl->ndays - 1].day, date);
	cli_json_key_string(j, "to", date);
}

/*
 * One object: the diet, the energy range and the needs, then a member per
 * day with its items (the CSV's rows), its totals and whether every target
 * is met.
 */
static void
print_plan_json(const struct nt_profile *p, const struct nt_plan *pl)
{
	struct cli_json j;
	char date[NT_DATE_LEN], key[48];
	size_t i = 0;

	plan_json_begin(&j, pl);
	cli_json_key_string(&j, "diet", nt_diet_name(p->diet));
	cli_json_key_number(&j, "eer_kcal", pl->eer_kcal, 0);
	cli_json_key_number(&j, "energy_low_kcal", pl->energy_lo, 0);
	cli_json_key_number(&j, "energy_high_kcal", pl->energy_hi, 0);
	cli_json_key(&j, "need");
	cli_json_begin_object(&j);
	for (size_t k = 1; k < N_PLAN_MEASURES; k++) { /* energy has its range */
		cli_json_measure_key(key, sizeof key, plan_measures[k]);
		cli_json_key_number(&j, key, pl->need[plan_measures[k]], -1);
	}
	cli_json_end_object(&j);
	cli_json_key(&j, "per_day");
	cli_json_begin_array(&j);
	for (int d = 0; d < pl->ndays; d++) {
		const struct nt_plan_day *pd = &pl->days[d];

		cli_json_begin_object(&j);
		nt_date_format(pd->day, date);
		cli_json_key_string(&j, "date", date);
		cli_json_key_bool(&j, "targets_met", !pd->unmet);
		cli_json_key_string(&j, "not_met", pd->unmet ? pd->reason : NULL);
		cli_json_key(&j, "items");
		cli_json_begin_array(&j);
		for (; i < pl->n && pl->items[i].day == pd->day; i++) {
			const struct nt_plan_item *it = &pl->items[i];

			cli_json_begin_object(&j);
			cli_json_key_string(&j, "meal", nt_meal_name(it->meal));
			cli_json_key_string(&j, "food_id", it->ref);
			cli_json_key_string(&j, "food", it->name);
			cli_json_key_string(&j, "amount", it->amount);
			cli_json_key_number(&j, "grams", it->grams, 1);
			cli_json_amounts(&j, &it->adds, plan_measures, N_PLAN_MEASURES, false);
			cli_json_key_string(&j, "why", it->why);
			cli_json_key_bool(&j, "yours", it->yours);
			cli_json_end_object(&j);
		}
		cli_json_end_array(&j);
		cli_json_key(&j, "total");
		cli_json_begin_object(&j);
		cli_json_amounts(&j, &pd->total, plan_measures, N_PLAN_MEASURES, false);
		cli_json_end_object(&j);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
}

static void
print_plan_text(const struct app *a, const struct nt_profile *p, const struct nt_plan *pl)
{
	size_t i = 0;
	bool estimated = false;

	print_plan_head(a, p, pl);
	for (int d = 0; d < pl->ndays; d++) {
		const struct nt_plan_day *pd = &pl->days[d];
		char date[NT_DATE_LEN];
		int items = 0;

		nt_date_format(pd->day, date);
		for (size_t k = 0; k < pl->n; k++)
			items += pl->items[k].day == pd->day;
		printf("\n%s %s: %d %s; %s\n", nt_date_weekday_name(nt_date_weekday(pd->day)), date,
		       items, items == 1 ? "food" : "foods",
		       pd->unmet ? "cannot meet every target" : "every target met");
		for (; i < pl->n && pl->items[i].day == pd->day; i++) {
			const struct nt_plan_item *it = &pl->items[i];
			char name[512], amount[256], why[600];

			cli_fmt_name(name, sizeof name, it->name);
			cli_fmt_name(amount, sizeof amount, it->amount);
			cli_fmt_name(why, sizeof why, it->why);
			if (a->utf8)
				micro(why, sizeof why);
			/* the food, then its amount: "1 cup, cooked Oatmeal" read as one name */
			printf("  %-9s %s (%s): %s%s\n            %s\n",
			       i && pl->items[i - 1].day == it->day && pl->items[i - 1].meal == it->meal
			           ? ""
			           : nt_meal_name(it->meal),
			       name, it->ref, amount, it->yours ? "; you eat it" : "", why);
		}
		estimated |= print_plan_totals(a, pl, pd);
		if (pd->unmet) {
			char why[600];

			cli_fmt_name(why, sizeof why, pd->reason);
			if (a->utf8)
				micro(why, sizeof why);
			printf("  not met: %s\n", why);
		}
	}
	if (estimated)
		printf("\n%s\n", CLI_ESTIMATE_LEGEND);
}

/* The plan summed by food: "  3 1/2 cups (854 g)     Soy milk, unsweetened (fndds:...)". */
static int
print_shopping(const struct app *a, const struct nt_plan *pl, bool csv, bool json,
               struct nt_err *err)
{
	struct nt_plan_buy *b;
	size_t n;
	enum nt_status st;

	if ((st = nt_plan_shopping(pl, &b, &n, err)))
		return st;
	if (json) {
		struct cli_json j;

		plan_json_begin(&j, pl);
		cli_json_key(&j, "foods");
		cli_json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			char amount[256];

			nt_plan_amount_text(b[i].count, b[i].unit, amount, sizeof amount);
			cli_json_begin_object(&j);
			cli_json_key_string(&j, "food_id", b[i].ref);
			cli_json_key_string(&j, "food", b[i].name);
			cli_json_key_string(&j, "amount", amount);
			cli_json_key_number(&j, "grams", b[i].grams, 1);
			cli_json_key_int(&j, "days", b[i].days);
			cli_json_end_object(&j);
		}
		cli_json_end_array(&j);
		cli_json_end_object(&j);
		free(b);
		return NT_OK;
	}
	if (csv) {
		static const char *const head[] = {"food_id", "food", "amount", "grams", "days"};

		for (size_t i = 0; i < 5; i++)
			cli_csv_field(stdout, head[i], i == 0);
		cli_csv_end(stdout);
	} else {
		char d1[NT_DATE_LEN], d2[NT_DATE_LEN];

		nt_date_format(pl->days[0].day, d1);
		nt_date_format(pl->days[pl->ndays - 1].day, d2);
		printf("Shopping list for %d %s, %s to %s:\n", pl->ndays,
		       pl->ndays == 1 ? "day" : "days", d1, d2);
	}
	for (size_t i = 0; i < n; i++) {
		char amount[256], buf[300], name[512], cell[400];

		nt_plan_amount_text(b[i].count, b[i].unit, amount, sizeof amount);
		if (csv) {
			cli_csv_field(stdout, b[i].ref, true);
			cli_csv_field(stdout, b[i].name, false);
			cli_csv_field(stdout, amount, false);
			snprintf(buf, sizeof buf, "%.1f", b[i].grams);
			cli_csv_field(stdout, buf, false);
			snprintf(buf, sizeof buf, "%d", b[i].days);
			cli_csv_field(stdout, buf, false);
			cli_csv_end(stdout);
			continue;
		}
		cli_fmt_name(name, sizeof name, b[i].name);
		cli_fmt_name(buf, sizeof buf, amount);
		snprintf(cell, sizeof cell, "%s (%.0f g)", buf, b[i].grams);
		printf("  ");
		cli_put_padded(stdout, cell, 30, false);
		printf(" %s (%s), %d %s\n", name, b[i].ref, b[i].days, b[i].days == 1 ? "day" : "days");
	}
	(void)a;
	free(b);
	return NT_OK;
}

int
cli_cmd_plan(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("plan");
	const char *days_s = NULL;
	bool csv = false, json = false, accept = false, unmet = false, shopping = false;
	struct cli_opt opts[] = {
		{"days", 'n', &days_s, NULL},
		{"csv", 0, NULL, &csv},
		{"json", 0, NULL, &json},
		{"accept", 0, NULL, &accept},
		{"shopping", 0, NULL, &shopping},
		{NULL, 0, NULL, NULL},
	};
	struct nt_profile p;
	struct nt_targets t;
	struct nt_plan pl;
	struct nt_err err;
	enum nt_status st;
	long first, ndays = 1;
	int npos, rc, count;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "plan: give at most one date");
	if (csv && json)
		return cli_usage_error(a, cmd, "plan: --csv and --json exclude each other");
	if (days_s) {
		char *end;

		ndays = strtol(days_s, &end, 10);
		if (*end || end == days_s || ndays < 1 || ndays > NT_PLAN_DAYS_MAX)
			return cli_usage_error(a, cmd, "--days must be a number from 1 to %d",
			                       NT_PLAN_DAYS_MAX);
	}
	if ((rc = cli_date(a, npos == 1 ? argv[1] : "tomorrow", &first)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	/* the profile and targets in force on the plan's first day */
	if ((st = nt_targets_on(a->store, first, &t, &p, &err)) ||
	    (st = nt_plan_days(a->store, &p, &t, first, (int)ndays, &pl, &err)))
		return cli_fail(a, st, &err);
	for (int d = 0; d < pl.ndays; d++)
		unmet |= pl.days[d].unmet != 0;

	if (shopping)
		st = print_shopping(a, &pl, csv, json, &err);
	else if (json)
		print_plan_json(&p, &pl);
	else if (csv)
		print_plan_csv(&pl);
	else
		print_plan_text(a, &p, &pl);
	if (st) {
		nt_plan_fini(&pl);
		return cli_fail(a, st, &err);
	}
	if (unmet) {
		rc = cli_error(a, "the plan cannot meet every target%s", accept ? "; nothing written" : "");
		nt_plan_fini(&pl);
		return rc;
	}
	if (accept) {
		if ((st = nt_plan_accept(a->store, &pl, &count, &err))) {
			nt_plan_fini(&pl);
			return cli_fail(a, st, &err);
		}
		if (!csv && !json)
			printf("\nWrote %d planned %s ('nutrack eat DATE' when eaten).\n", count,
			       count == 1 ? "entry" : "entries");
	} else if (!csv && !json) {
		printf("\nNothing written: --accept writes these as planned entries.\n");
	}
	nt_plan_fini(&pl);
	return CLI_OK;
}
