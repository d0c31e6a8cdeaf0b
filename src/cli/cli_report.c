/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_report.c - "day" and "week": totals against targets. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absorption.h"
#include "analysis.h"
#include "cli.h"
#include "cli_format.h"
#include "cli_json.h"
#include "date.h"
#include "day.h"
#include "food.h"
#include "journal.h"
#include "outfile.h"
#include "diet.h"
#include "profile.h"
#include "report.h"
#include "store.h"
#include "target.h"

/* The measures a report shows, in order, with their CSV column names. */
static const struct {
	enum nt_measure m;
	const char *title;
	const char *week_col;
} tracked[] = {
	{NT_B12, "Vitamin B12", "b12_ug"},
	{NT_OMEGA3, "Omega-3", "omega3_g"},
	{NT_EPA_DHA, "EPA+DHA", "epa_dha_mg"},
	{NT_POTASSIUM, "Potassium", "potassium_mg"},
	{NT_ENERGY, "Energy", "energy_kcal"},
	{NT_PROTEIN, "Protein", NULL},
};
#define N_TRACKED (sizeof tracked / sizeof *tracked)

/*
 * The second group (NT_SHOW_MORE in the nutrient table: folate, folic acid,
 * B6), judged below the headline in a table of its own; its measures.
 */
static size_t
more_measures(enum nt_measure out[NT_MEASURE_COUNT])
{
	return nt_measures_shown(NT_SHOW_MORE, out);
}

/*
 * What changed on a day: "pregnant", "female, 31 years, vegan diet", "your
 * own targets or limits", or both.
 */
static void
describe_change(char *buf, size_t n, const struct nt_profile *was, const struct nt_profile *is,
                bool own)
{
	size_t o = 0;

	buf[0] = '\0';
	if (was->sex != is->sex || was->age_y != is->age_y || was->diet != is->diet ||
	    was->is_set != is->is_set) {
		o += (size_t)snprintf(buf, n, "%s, %g years%s%s, %s diet", nt_sex_name(is->sex),
		                      is->age_y, is->stage != NT_STAGE_NONE ? ", " : "",
		                      is->stage != NT_STAGE_NONE ? nt_stage_name(is->stage) : "",
		                      nt_diet_name(is->diet));
	} else if (was->stage != is->stage) {
		o += (size_t)snprintf(buf, n, "%s", is->stage != NT_STAGE_NONE
		                      ? nt_stage_name(is->stage) : "no longer pregnant or lactating");
	}
	if ((own || !o) && o < n)
		snprintf(buf + o, n - o, "%syour own targets or limits", o ? "; " : "");
}

/*
 * "Targets changed on 2026-03-09 (pregnant)." for each day of the range
 * whose targets differ from the day before's.
 */
static void
print_target_changes(const struct nt_targets *daily, const struct nt_profile *profiles, int n,
                     long first)
{
	for (int i = 1; i < n; i++) {
		char what[160], date[NT_DATE_LEN];
		bool own = false;

		if (!nt_targets_differ(&daily[i], &daily[i - 1]))
			continue;
		/* the user's own settings changed, beside (or instead of) the profile */
		for (int m = 0; m < NT_MEASURE_COUNT; m++) {
			const struct nt_target *x = &daily[i - 1].t[m], *y = &daily[i].t[m];

			own |= x->user_value != y->user_value || x->user_limit != y->user_limit ||
			       (x->user_value && !nt_same_value(x->value, y->value)) ||
			       (x->user_limit && !nt_same_value(x->limit, y->limit));
		}
		if (nt_profile_same(&profiles[i], &profiles[i - 1]))
			own = true;
		describe_change(what, sizeof what, &profiles[i - 1], &profiles[i], own);
		nt_date_format(first + i, date);
		printf("Targets changed on %s (%s); the average is judged against the mean of the "
		       "daily targets.\n", date, what);
	}
}

static void
print_profile_line(const struct nt_profile *p)
{
	if (!p->is_set) {
		printf("Targets: adult female (no profile set; see 'nutrack profile')\n");
		return;
	}
	printf("Targets: %s, %g years", nt_sex_name(p->sex), p->age_y);
	if (p->stage != NT_STAGE_NONE)
		printf(", %s", nt_stage_name(p->stage));
	printf(", %s\n", nt_diet_name(p->diet));
}

static const char *
level_text(enum nt_level l)
{
	switch (l) {
	case NT_LEVEL_OK: return "ok";
	case NT_LEVEL_LOW: return "LOW";
	case NT_LEVEL_UNKNOWN: return "unknown";
	case NT_LEVEL_OVER: return "OVER LIMIT";
	default: return "";
	}
}

/* One row of a day's totals: a measure, or the estimated absorbed B12. */
struct total_row {
	const char *name, *unit, *title;
	int decimals;
	struct nt_judgement j;
};
#define N_HEADLINE_ROWS (N_TRACKED + 1)
#define N_DAY_ROWS_MAX (N_HEADLINE_ROWS + NT_MEASURE_COUNT)

/*
 * The day's rows: the tracked measures, with the estimated absorbed B12
 * (the core's: each meal one sitting, judged against half the RDA) after B12.
 */
static size_t
day_rows(const struct nt_day_summary *d, struct total_row rows[N_DAY_ROWS_MAX])
{
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n = 0, n_more = more_measures(more);

	for (size_t i = 0; i < N_TRACKED; i++) {
		enum nt_measure m = tracked[i].m;

		rows[n++] = (struct total_row){nt_measure_name(m), nt_measure_unit(m),
		                               tracked[i].title, nt_measure_decimals(m),
		                               d->judged[m]};
		if (m != NT_B12)
			continue;
		rows[n++] = (struct total_row){"b12_absorbed", "ug", "  absorbed (est.)",
		                               NT_B12_ABSORBED_DECIMALS, d->b12_absorbed_judged};
	}
	for (size_t i = 0; i < n_more; i++) /* after the headline's rows */
		rows[n++] = (struct total_row){nt_measure_name(more[i]), nt_measure_unit(more[i]),
		                               nt_measure_label(more[i]),
		                               nt_measure_decimals(more[i]), d->judged[more[i]]};
	return n;
}

/*
 * Prints the totals table, with a Limit column when a row has a limit;
 * returns whether any row was partial, and sets *estimated when one was
 * estimated.
 */
static bool
print_judgement_table(const struct app *a, const struct total_row *rows, size_t n,
                      bool logged, bool *estimated)
{
	static const int widths[] = {18, 14, 12, 12, -5, 9};
	static const int w5[] = {18, 14, 12, -5, 9};
	const char *head[] = {"Nutrient", "Intake", "Target", "Limit", "%", "  Status"};
	const char *h5[] = {"Nutrient", "Intake", "Target", "%", "  Status"};
	bool partial = false, limits = false;

	for (size_t i = 0; i < n; i++)
		limits |= nt_known(rows[i].j.limit);
	/* without limits, the columns nutrack always had */
	if (limits)
		cli_put_row(stdout, head, widths, 6);
	else
		cli_put_row(stdout, h5, w5, 5);
	for (size_t i = 0; i < n; i++) {
		const struct nt_judgement *x = &rows[i].j;
		char in[64], tg[64], lm[64], pc[16], lv[32];
		const char *cells6[6] = {rows[i].title, in, tg, lm, pc, lv};
		const char *cells5[5] = {rows[i].title, in, tg, pc, lv};
		const char *unit = app_unit(a, rows[i].unit);

		if (!logged)
			snprintf(in, sizeof in, "-");
		else if (!nt_known(x->intake))
			snprintf(in, sizeof in, "?");
		else
			snprintf(in, sizeof in, "%s%.*f %s%s", x->estimated ? CLI_ESTIMATE_MARK : "",
			         rows[i].decimals, x->intake, unit, x->partial ? "*" : "");
		if (nt_known(x->target))
			snprintf(tg, sizeof tg, "%g %s", x->target, unit);
		else
			tg[0] = '\0';
		if (nt_known(x->limit))
			snprintf(lm, sizeof lm, "%g %s", x->limit, unit);
		else
			lm[0] = '\0';
		if (x->percent >= 0)
			snprintf(pc, sizeof pc, "%d%%", x->percent);
		else
			pc[0] = '\0';
		if (x->level == NT_LEVEL_NONE)
			lv[0] = '\0';
		else
			snprintf(lv, sizeof lv, "  %s", logged ? level_text(x->level) : "not logged");
		partial |= x->partial;
		*estimated |= logged && x->estimated;
		if (limits)
			cli_put_row(stdout, cells6, widths, 6);
		else
			cli_put_row(stdout, cells5, w5, 5);
	}
	return partial;
}

/* Prints `lead` and the titles of the judged measures at `level`; returns how many. */
static int
print_at_level(const struct nt_judgement *j, enum nt_level level, const char *lead)
{
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n_more = more_measures(more);
	int count = 0;

	for (size_t i = 0; i < N_TRACKED + n_more; i++) {
		enum nt_measure m = i < N_TRACKED ? tracked[i].m : more[i - N_TRACKED];

		if (j[m].level != level)
			continue;
		printf("%s%s", count++ ? ", " : lead,
		       i < N_TRACKED ? tracked[i].title : nt_measure_label(m));
	}
	if (count)
		printf(".\n");
	return count;
}

/*
 * "Below target today: Vitamin B12, Potassium." and the unknown ones, over
 * the headline and the second group; with the note on folic acid and B12.
 */
static void
print_shortfalls(const struct nt_judgement *j, const char *when)
{
	char lead[96];
	int n = 0;

	snprintf(lead, sizeof lead, "Below target %s: ", when);
	n += print_at_level(j, NT_LEVEL_LOW, lead);
	snprintf(lead, sizeof lead, "Unknown %s (no logged food has a value): ", when);
	n += print_at_level(j, NT_LEVEL_UNKNOWN, lead);
	snprintf(lead, sizeof lead, "OVER the limit %s: ", when);
	n += print_at_level(j, NT_LEVEL_OVER, lead);
	if (!n)
		printf("All targets met %s.\n", when);
	if (nt_folic_acid_masks_b12(j))
		printf("%s\n", NT_FOLIC_ACID_B12_NOTE);
}

/* "With planned entries: Vitamin B12 3.40 µg (141%), ..." */
static void
print_planned_total(const struct app *a, const struct nt_judgement *j)
{
	printf("With the planned entries:");
	for (size_t i = 0; i < 4; i++) {
		char v[64];

		cli_fmt_measure_est(a, v, sizeof v, tracked[i].m, j[tracked[i].m].intake,
		                    j[tracked[i].m].partial, j[tracked[i].m].estimated);
		printf("%s %s %s (%d%%)", i ? "," : "", tracked[i].title, v,
		       j[tracked[i].m].percent < 0 ? 0 : j[tracked[i].m].percent);
	}
	printf(".\n");
}

static void
day_csv(const struct total_row *rows, size_t n)
{
	static const char *const head[] = {"nutrient", "unit", "intake", "target", "percent",
	                                   "status", "partial", "estimated"};

	for (size_t i = 0; i < 8; i++)
		cli_csv_field(stdout, head[i], i == 0);
	cli_csv_end(stdout);
	for (size_t i = 0; i < n; i++) {
		const struct nt_judgement *x = &rows[i].j;
		char in[48], tg[48], pc[16];

		cli_fmt_fixed(in, sizeof in, x->intake, rows[i].decimals);
		cli_fmt_exact(tg, sizeof tg, x->target);
		if (x->percent >= 0)
			snprintf(pc, sizeof pc, "%d", x->percent);
		else
			pc[0] = '\0';
		cli_csv_field(stdout, rows[i].name, true);
		cli_csv_field(stdout, rows[i].unit, false);
		cli_csv_field(stdout, in, false);
		cli_csv_field(stdout, tg, false);
		cli_csv_field(stdout, pc, false);
		cli_csv_field(stdout, nt_level_name(x->level), false);
		cli_csv_field(stdout, x->partial ? "yes" : "no", false);
		cli_csv_field(stdout, x->estimated ? "yes" : "no", false);
		cli_csv_end(stdout);
	}
}

/* The measures each entry shows in JSON: the text's three and the CSV's week columns. */
static const enum nt_measure entry_measures[] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM,
                                                 NT_ENERGY, NT_PROTEIN};

/* One object: the day, its entries and the totals (the CSV's rows). */
static void
day_json(const struct nt_day_summary *d, const struct total_row *rows, size_t n)
{
	const struct nt_entry_list *l = &d->entries;
	struct cli_json j;
	char date[NT_DATE_LEN];

	nt_date_format(d->day, date);
	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_key_string(&j, "date", date);
	cli_json_key_int(&j, "eaten_entries", (long long)d->eaten);
	cli_json_key(&j, "entries");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < l->n; i++) {
		const struct nt_entry *e = &l->v[i];

		cli_json_begin_object(&j);
		cli_json_key_int(&j, "id", e->id);
		cli_json_key_string(&j, "meal", nt_meal_name(e->meal));
		cli_json_key_string(&j, "food_id", e->food_ref);
		cli_json_key_string(&j, "food", e->food_name);
		cli_json_key_string(&j, "amount", e->amount);
		cli_json_key_number(&j, "grams", e->weight_unknown ? NT_UNKNOWN : (double)e->mg / 1000,
		                    1);
		cli_json_key_bool(&j, "planned", e->planned);
		cli_json_amounts(&j, &e->values, entry_measures,
		                 sizeof entry_measures / sizeof *entry_measures, false);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_key(&j, "totals");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < n; i++) {
		const struct nt_judgement *x = &rows[i].j;

		cli_json_begin_object(&j);
		cli_json_key_string(&j, "nutrient", rows[i].name);
		cli_json_key_string(&j, "unit", rows[i].unit);
		cli_json_key_number(&j, "intake", x->intake, rows[i].decimals);
		cli_json_key_number(&j, "target", x->target, -1);
		cli_json_key(&j, "percent");
		if (x->percent >= 0)
			cli_json_int(&j, x->percent);
		else
			cli_json_null(&j);
		cli_json_key_string(&j, "status",
		                    x->level == NT_LEVEL_NONE ? NULL : nt_level_name(x->level));
		cli_json_key_bool(&j, "partial", x->partial);
		cli_json_key_bool(&j, "estimated", x->estimated);
		cli_json_key_number(&j, "limit", x->limit, -1);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
}

static void
print_entry(const struct app *a, const struct nt_entry *e)
{
	char name[512], amount[256], grams[32], id[24];

	cli_fmt_name(name, sizeof name, e->food_name);
	cli_fmt_name(amount, sizeof amount, e->amount);
	if (e->weight_unknown) /* imported without a weight: mg is nominal */
		snprintf(grams, sizeof grams, "? g");
	else
		cli_fmt_grams(grams, sizeof grams, e->mg);
	snprintf(id, sizeof id, "#%lld", e->id);
	printf("  ");
	cli_put_padded(stdout, id, 5, false);
	printf(" %s  %s = %s%s\n        %s  ", name, amount, grams, e->planned ? "  (planned)" : "",
	       e->food_ref);
	cli_put_key_values(a, &e->values);
	putchar('\n');
}

int
cli_cmd_day(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("day");
	bool csv = false, json = false;
	struct cli_opt opts[] = {{"csv", 0, NULL, &csv}, {"json", 0, NULL, &json},
	                         {NULL, 0, NULL, NULL}};
	struct total_row rows[N_DAY_ROWS_MAX];
	struct nt_day_summary d;
	struct nt_err err;
	enum nt_status st;
	char date[NT_DATE_LEN];
	long day = a->today;
	int npos, rc;
	size_t n_rows;
	bool partial, estimated = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "day: give at most one date");
	if (csv && json)
		return cli_usage_error(a, cmd, "day: --csv and --json exclude each other");
	if (npos == 1 && (rc = cli_date(a, argv[1], &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	/* the same summary the TUI's day view shows */
	if ((st = nt_day_summary_load(a->store, day, &d, &err)))
		return cli_fail(a, st, &err);
	n_rows = day_rows(&d, rows);

	if (csv || json) {
		if (csv)
			day_csv(rows, n_rows);
		else
			day_json(&d, rows, n_rows);
		nt_day_summary_fini(&d);
		return CLI_OK;
	}
	nt_date_format(day, date);
	printf("%s %s\n", nt_date_weekday_name(nt_date_weekday(day)), date);
	print_profile_line(&d.profile);
	for (int m = 0; m < NT_MEAL_COUNT; m++) {
		bool any = false;

		printf("\n%s\n", nt_meal_title((enum nt_meal)m));
		for (size_t i = 0; i < d.entries.n; i++)
			if ((int)d.entries.v[i].meal == m) {
				print_entry(a, &d.entries.v[i]);
				any = true;
				/* the entry shows omega-3 */
				estimated |=
					(d.entries.v[i].values.estimated & (1u << NT_OMEGA3)) != 0;
			}
		if (!any)
			printf("  (nothing logged)\n");
	}
	putchar('\n');
	partial = print_judgement_table(a, rows, N_HEADLINE_ROWS, d.eaten > 0, &estimated);
	if (n_rows > N_HEADLINE_ROWS) {
		printf("\nFolate and vitamin B6 (with B12, they keep homocysteine in check):\n");
		partial |= print_judgement_table(a, rows + N_HEADLINE_ROWS, n_rows - N_HEADLINE_ROWS,
		                                 d.eaten > 0, &estimated);
	}
	putchar('\n');
	if (d.eaten < d.entries.n)
		print_planned_total(a, d.planned_judged);
	if (!d.eaten) {
		printf("Nothing eaten logged on %s: no totals (an empty day is not zero intake).\n",
		       date);
	} else {
		char when[32];

		if (day == a->today)
			snprintf(when, sizeof when, "today");
		else
			snprintf(when, sizeof when, "on %s", date);
		print_shortfalls(d.judged, when);
	}
	if (partial)
		printf("* partial: some entries have no value for this nutrient "
		       "(unknown, not zero).\n");
	if (estimated)
		puts(CLI_ESTIMATE_LEGEND);
	if (d.eaten)
		printf("Absorbed B12 is estimated per meal: intrinsic factor takes up about half "
		       "of a dose,\nat most 1.5 %s a sitting, plus 1%% of the rest "
		       "(see nutrack(1)).\n", app_unit(a, "ug"));
	nt_day_summary_fini(&d);
	return CLI_OK;
}

/*
 * date,b12_ug,...: a row per day (empty when not logged), then the average;
 * then b12_ug_days,...: the days each value covers (a day's: 1 with a
 * value, 0 without; the average's: the logged days with a value); then
 * partial and estimated: the value columns of the row that are partial (some
 * entry lacked the value) or estimated (include an estimated ALA), separated
 * by spaces.
 */
static void
days_csv(FILE *fp, const struct nt_day_total *days, int n, const struct nt_amounts *average,
         int days_logged, const int *days_known)
{
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n_more;

	for (size_t i = 0; i < 6; i++)
		cli_csv_field(fp, i == 0 ? "date" : tracked[i - 1].week_col, i == 0);
	for (size_t i = 0; i < 5; i++) {
		char col[48];

		snprintf(col, sizeof col, "%s_days", tracked[i].week_col);
		cli_csv_field(fp, col, false);
	}
	cli_csv_field(fp, "partial", false);
	cli_csv_field(fp, "estimated", false);
	n_more = more_measures(more); /* appended: the old columns stay where they were */
	for (size_t i = 0; i < n_more; i++)
		cli_csv_field(fp, nt_measure_column(more[i]), false);
	for (size_t i = 0; i < n_more; i++) {
		char col[48];

		snprintf(col, sizeof col, "%s_days", nt_measure_column(more[i]));
		cli_csv_field(fp, col, false);
	}
	cli_csv_end(fp);
	for (int d = 0; d <= n; d++) {
		const struct nt_amounts *v = d < n ? &days[d].total : average;
		bool logged = d < n ? days[d].entries > 0 : days_logged > 0;
		char date[NT_DATE_LEN];

		if (d < n)
			nt_date_format(days[d].day, date);
		else
			snprintf(date, sizeof date, "average");
		cli_csv_field(fp, date, true);
		for (size_t i = 0; i < 5; i++) {
			char num[48] = "";

			if (logged)
				cli_fmt_fixed(num, sizeof num, v->v[tracked[i].m],
				              nt_measure_decimals(tracked[i].m));
			cli_csv_field(fp, num, false);
		}
		for (size_t i = 0; i < 5; i++) {
			char num[16] = "";

			if (d == n)
				snprintf(num, sizeof num, "%d", days_known[tracked[i].m]);
			else if (logged)
				snprintf(num, sizeof num, "%d", nt_known(v->v[tracked[i].m]));
			cli_csv_field(fp, num, false);
		}
		for (int k = 0; k < 2; k++) {
			unsigned bits = k ? v->estimated : v->partial;
			char list[128] = "";

			for (size_t i = 0; logged && i < 5 + n_more; i++) {
				enum nt_measure m = i < 5 ? tracked[i].m : more[i - 5];

				if (nt_known(v->v[m]) && (bits & (1u << m))) {
					if (*list)
						strcat(list, " ");
					strcat(list, nt_measure_column(m));
				}
			}
			cli_csv_field(fp, list, false);
		}
		for (size_t i = 0; i < n_more; i++) {
			char num[48] = "";

			if (logged)
				cli_fmt_fixed(num, sizeof num, v->v[more[i]],
				              nt_measure_decimals(more[i]));
			cli_csv_field(fp, num, false);
		}
		for (size_t i = 0; i < n_more; i++) {
			char num[16] = "";

			if (d == n)
				snprintf(num, sizeof num, "%d", days_known[more[i]]);
			else if (logged)
				snprintf(num, sizeof num, "%d", nt_known(v->v[more[i]]));
			cli_csv_field(fp, num, false);
		}
		cli_csv_end(fp);
	}
}

/*
 * "Folate and vitamin B6, a day on average: Folate (DFE) 412 µg (103% of
 * 400 µg), ..." for the second group of the nutrient table.
 */
static void
print_more_average(const struct app *a, const struct nt_judgement *avg, bool *partial,
                   bool *estimated)
{
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n_more = more_measures(more);

	if (!n_more)
		return;
	printf("\nFolate and vitamin B6, a day on average:");
	for (size_t i = 0; i < n_more; i++) {
		const struct nt_judgement *x = &avg[more[i]];
		const char *unit = app_unit(a, nt_measure_unit(more[i]));
		char v[64];

		cli_fmt_measure_est(a, v, sizeof v, more[i], x->intake, x->partial, x->estimated);
		printf("%s\n  %s %s", i ? "," : "", nt_measure_label(more[i]), v);
		if (nt_known(x->target) && x->percent >= 0)
			printf(" (%d%% of %g %s%s", x->percent, x->target, unit,
			       nt_known(x->limit) ? "; " : ")");
		else if (nt_known(x->limit))
			printf(" (");
		if (nt_known(x->limit))
			printf("limit %g %s)", x->limit, unit);
		if (x->level == NT_LEVEL_LOW || x->level == NT_LEVEL_OVER)
			printf(" %s", level_text(x->level));
		*partial |= x->partial && nt_known(x->intake);
		*estimated |= x->estimated && nt_known(x->intake);
	}
	printf(".\n");
}

/* "b12_ug": VALUE for each of the CSV's five columns, from a judgement per measure. */
static void
avg_json(struct cli_json *j, const char *key, const struct nt_judgement *avg, int what)
{
	cli_json_key(j, key);
	cli_json_begin_object(j);
	for (size_t i = 0; i < 5; i++) {
		const struct nt_judgement *x = &avg[tracked[i].m];

		cli_json_key(j, tracked[i].week_col);
		if (what == 0)
			cli_json_number(j, x->target, -1);
		else if (what == 1 && x->percent >= 0)
			cli_json_int(j, x->percent);
		else if (what == 2 && x->level != NT_LEVEL_NONE)
			cli_json_string(j, nt_level_name(x->level));
		else
			cli_json_null(j);
	}
	cli_json_end_object(j);
}

/*
 * The JSON of week and report: the range, a member per day (values null
 * when not logged or unknown), the average over the logged days with a
 * value, how many days each covers, the targets, percent and status.
 */
static void
days_json(FILE *fp, const char *iso_week, const struct nt_day_total *days, int n,
          const struct nt_amounts *average, int days_logged, const int *days_known,
          const struct nt_targets *t, const struct nt_judgement *avg)
{
	enum nt_measure cols[2 * NT_MEASURE_COUNT] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM,
	                                              NT_ENERGY};
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n_more = more_measures(more), n_cols = 5;
	struct nt_amounts none;

	for (size_t i = 0; i < n_more; i++) /* appended */
		cols[n_cols++] = more[i];
	struct cli_json j;
	char date[NT_DATE_LEN];

	nt_amounts_unknown(&none);
	cli_json_init(&j, fp);
	cli_json_begin_object(&j);
	if (iso_week)
		cli_json_key_string(&j, "iso_week", iso_week);
	nt_date_format(days[0].day, date);
	cli_json_key_string(&j, "from", date);
	nt_date_format(days[n - 1].day, date);
	cli_json_key_string(&j, "to", date);
	cli_json_key_int(&j, "days", n);
	cli_json_key_int(&j, "days_logged", days_logged);
	cli_json_key(&j, "per_day");
	cli_json_begin_array(&j);
	for (int d = 0; d < n; d++) {
		bool logged = days[d].entries > 0;

		cli_json_begin_object(&j);
		nt_date_format(days[d].day, date);
		cli_json_key_string(&j, "date", date);
		cli_json_key_bool(&j, "logged", logged);
		cli_json_amounts(&j, logged ? &days[d].total : &none, cols, n_cols, false);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_key(&j, "average");
	cli_json_begin_object(&j);
	cli_json_amounts(&j, days_logged ? average : &none, cols, n_cols, false);
	cli_json_key(&j, "days_with_value");
	cli_json_begin_object(&j);
	for (size_t i = 0; i < n_cols; i++)
		cli_json_key_int(&j, nt_measure_column(cols[i]), days_known[cols[i]]);
	cli_json_end_object(&j);
	cli_json_end_object(&j);
	{
		struct nt_judgement tg[NT_MEASURE_COUNT];

		for (size_t i = 0; i < 5; i++)
			tg[tracked[i].m].target = t->t[tracked[i].m].value;
		avg_json(&j, "target", tg, 0);
	}
	avg_json(&j, "percent_of_target", avg, days_logged ? 1 : 3);
	avg_json(&j, "status", avg, days_logged ? 2 : 3);
	{
		struct nt_judgement lm[NT_MEASURE_COUNT];

		/* the upper limits you set (the average's: see nt_analysis_mean_targets) */
		for (size_t i = 0; i < 5; i++)
			lm[tracked[i].m].target = t->t[tracked[i].m].limit;
		avg_json(&j, "limit", lm, 0);
	}
	cli_json_end_object(&j);
}

/*
 * Days as rows, the tracked measures as columns, then the average over the
 * logged days with a value (with a row of how many days that is, when for
 * some measure it is fewer than the logged days), the targets, percent and
 * status.  Returns whether any shown value was partial; *fewer whether an
 * average covers fewer days than were logged; *estimated whether a shown
 * value was estimated.
 */
static bool
print_days_table(const struct app *a, const struct nt_day_total *days, int n,
                 const struct nt_amounts *average, int days_logged, const int *days_known,
                 const struct nt_targets *t, const struct nt_judgement *avg, bool only_logged,
                 bool *fewer, bool *estimated)
{
	static const int widths[] = {18, -12, -12, -12, -12, -12};
	const char *cells[6];
	char buf[6][48];
	bool partial = false;

	for (size_t i = 0; i < 6; i++)
		cells[i] = buf[i];
	buf[0][0] = '\0';
	for (size_t i = 0; i < 5; i++)
		snprintf(buf[i + 1], sizeof buf[i + 1], "%s", tracked[i].title);
	putchar('\n');
	cli_put_row(stdout, cells, widths, 6);
	for (size_t i = 0; i < 5; i++)
		snprintf(buf[i + 1], sizeof buf[i + 1], "%s", app_unit(a, nt_measure_unit(tracked[i].m)));
	cli_put_row(stdout, cells, widths, 6);

	for (int d = 0; d <= n; d++) {
		const struct nt_amounts *v = d < n ? &days[d].total : average;
		bool logged = d < n ? days[d].entries > 0 : days_logged > 0;
		char date[NT_DATE_LEN];

		if (d < n && only_logged && !logged)
			continue;
		if (d < n) {
			nt_date_format(days[d].day, date);
			snprintf(buf[0], sizeof buf[0], "%s %s", nt_date_weekday_abbr(nt_date_weekday(days[d].day)),
			         date);
		} else {
			putchar('\n');
			snprintf(buf[0], sizeof buf[0], "Average (%d %s)", days_logged,
			         days_logged == 1 ? "day" : "days");
		}
		for (size_t i = 0; i < 5; i++) {
			enum nt_measure m = tracked[i].m;
			bool part = v->partial & (1u << m);
			bool est = v->estimated & (1u << m);

			if (!logged) {
				snprintf(buf[i + 1], sizeof buf[i + 1], "%s", i ? "" : "not logged");
			} else if (nt_known(v->v[m])) {
				char num[40];

				cli_fmt_fixed(num, sizeof num, v->v[m], nt_measure_decimals(m));
				snprintf(buf[i + 1], sizeof buf[i + 1], "%s%s%s",
				         est ? CLI_ESTIMATE_MARK : "", num, part ? "*" : "");
				*estimated |= est;
			} else {
				snprintf(buf[i + 1], sizeof buf[i + 1], "?");
			}
			partial |= logged && part;
		}
		cli_put_row(stdout, cells, widths, 6);
	}
	*fewer = false;
	for (size_t i = 0; i < 5; i++)
		*fewer |= days_logged && days_known[tracked[i].m] != days_logged;
	if (*fewer) {
		snprintf(buf[0], sizeof buf[0], "  days with value");
		for (size_t i = 0; i < 5; i++)
			snprintf(buf[i + 1], sizeof buf[i + 1], "%d", days_known[tracked[i].m]);
		cli_put_row(stdout, cells, widths, 6);
	}
	snprintf(buf[0], sizeof buf[0], "Target");
	for (size_t i = 0; i < 5; i++)
		cli_fmt_exact(buf[i + 1], sizeof buf[i + 1], t->t[tracked[i].m].value);
	cli_put_row(stdout, cells, widths, 6);
	{
		bool limits = false;

		for (size_t i = 0; i < 5; i++)
			limits |= nt_known(t->t[tracked[i].m].limit);
		if (limits) {
			snprintf(buf[0], sizeof buf[0], "Limit");
			for (size_t i = 0; i < 5; i++)
				cli_fmt_exact(buf[i + 1], sizeof buf[i + 1], t->t[tracked[i].m].limit);
			cli_put_row(stdout, cells, widths, 6);
		}
	}
	if (days_logged) {
		snprintf(buf[0], sizeof buf[0], "%% of target");
		for (size_t i = 0; i < 5; i++) {
			buf[i + 1][0] = '\0';
			if (avg[tracked[i].m].percent >= 0)
				snprintf(buf[i + 1], sizeof buf[i + 1], "%d%%", avg[tracked[i].m].percent);
		}
		cli_put_row(stdout, cells, widths, 6);
		snprintf(buf[0], sizeof buf[0], "Status");
		for (size_t i = 0; i < 5; i++)
			snprintf(buf[i + 1], sizeof buf[i + 1], "%s", level_text(avg[tracked[i].m].level));
		cli_put_row(stdout, cells, widths, 6);
	}
	return partial;
}

/* Said under a table with a "days with value" row. */
#define FEWER_NOTE \
	"An average covers the logged days with a value for it (\"days with value\"):\n" \
	"a day where a nutrient is unknown is left out of its average, not counted as zero."

/* Cells of a chart bar for 100 % of target; the bar runs to 150 %. */
#define CHART_CELLS 24
#define CHART_MAX (CHART_CELLS * 3 / 2)

/*
 * One block chart per nutrient with a target: a bar a day at its percent
 * of target, the target marked, eighth-cell precision in UTF-8 ('#' and
 * '|' in ASCII).
 */
static void
print_charts(const struct app *a, const struct nt_day_total *days, int n,
             const struct nt_targets *t, const struct nt_targets *daily)
{
	static const char *const eighths[] = {"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
	                                      "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
	                                      "\xe2\x96\x89"};
	const char *full = a->utf8 ? "\xe2\x96\x88" : "#";
	const char *mark = a->utf8 ? "\xe2\x94\x82" : "|";

	for (size_t i = 0; i < 4; i++) {
		enum nt_measure m = tracked[i].m;
		double target = t->t[m].value, lo = INFINITY, hi = -INFINITY;

		/* each day's bar against the target in force that day */
		for (int d = 0; d < n; d++) {
			double x = daily[d].t[m].value;

			if (nt_known(x)) {
				lo = fmin(lo, x);
				hi = fmax(hi, x);
			}
		}
		if (!nt_known(target) && lo > hi)
			continue;
		if (lo == hi && nt_same_value(lo, target))
			printf("\n%s, %% of %g %s a day (%s marks the target)\n", tracked[i].title,
			       target, app_unit(a, nt_measure_unit(m)), mark);
		else if (lo < hi)
			printf("\n%s, %% of the day's target, %g to %g %s (%s marks it)\n",
			       tracked[i].title, lo, hi, app_unit(a, nt_measure_unit(m)), mark);
		else
			printf("\n%s, %% of the day's target, %g %s (%s marks it)\n", tracked[i].title,
			       lo, app_unit(a, nt_measure_unit(m)), mark);
		for (int d = 0; d < n; d++) {
			double v = days[d].total.v[m], day_target = daily[d].t[m].value;
			int pct, e8, cells, yy, mm, dd;

			nt_date_to_ymd(days[d].day, &yy, &mm, &dd);
			printf("  %s %2d  ", nt_date_weekday_abbr(nt_date_weekday(days[d].day)), dd);
			if (!days[d].entries || !nt_known(v) || !nt_known(day_target)) {
				printf("%s\n", !days[d].entries ? "not logged"
				       : !nt_known(day_target) ? "no target" : "?");
				continue;
			}
			pct = (int)floor(100 * nt_round(v, nt_measure_decimals(m)) / day_target + 1e-9);
			e8 = (int)fmin((double)pct * CHART_CELLS * 8 / 100, CHART_MAX * 8);
			for (cells = 0; cells < CHART_MAX; cells++) {
				int left = e8 - cells * 8;

				if (cells == CHART_CELLS && left > 0)
					fputs(mark, stdout); /* the target stays visible */
				else if (left >= 8)
					fputs(full, stdout);
				else if (left > 0)
					fputs(a->utf8 ? eighths[left] : (left >= 4 ? "#" : " "), stdout);
				else if (cells == CHART_CELLS)
					fputs(mark, stdout);
				else
					putchar(' ');
			}
			printf(" %s%d%%%s%s\n", days[d].total.estimated & (1u << m) ? CLI_ESTIMATE_MARK : "",
			       pct, days[d].total.partial & (1u << m) ? "*" : "",
			       pct > 150 ? (a->utf8 ? " \xe2\x96\xb8" : " >") : "");
		}
	}
}

/* The week against the Vegan Society's three B12 routines. */
static int
print_b12_routine(struct app *a, const struct nt_week *w)
{
	struct nt_entry_list days[7];
	struct nt_b12_week r;
	struct nt_err err;
	enum nt_status st = NT_OK;
	int n = 0;
	const char *ug = app_unit(a, "ug");

	for (; n < 7; n++)
		if ((st = nt_journal_day(a->store, w->start + n, &days[n], &err)))
			break;
	if (!st)
		nt_b12_week_judge(days, &r);
	for (int i = 0; i < n; i++)
		nt_entry_list_fini(&days[i]);
	if (st)
		return cli_fail(a, st, &err);
	printf("B12 routine (the Vegan Society's options): ");
	if (r.fortified || r.daily || r.weekly) {
		printf("matches%s%s%s%s%s.\n",
		       r.fortified ? " fortified foods twice a day" : "",
		       r.daily ? (r.fortified ? "; a daily supplement" : " a daily supplement") : "",
		       r.weekly ? (r.fortified || r.daily ? "; a weekly 2000 " : " a weekly 2000 ")
		                : "",
		       r.weekly ? ug : "", r.weekly ? " dose" : "");
	} else {
		printf("matches none.\n");
	}
	printf("  fortified foods at 2+ meals, 3 %s or more: %d of %d logged days\n", ug,
	       r.fortified_days, r.days_logged);
	printf("  a supplement of 10 %s or more: %d of %d logged days\n", ug, r.supplement_days,
	       r.days_logged);
	printf("  a supplement of 2000 %s at once: %s\n", ug,
	       r.weekly ? "yes" : "no");
	return 0;
}

int
cli_cmd_week(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("week");
	bool csv = false, json = false;
	struct cli_opt opts[] = {{"csv", 0, NULL, &csv}, {"json", 0, NULL, &json},
	                         {NULL, 0, NULL, NULL}};
	struct nt_profile p;
	struct nt_targets t;
	struct nt_week w;
	struct nt_err err;
	enum nt_status st;
	char from[NT_DATE_LEN], to[NT_DATE_LEN];
	long day = a->today;
	int npos, rc;
	bool partial = false, fewer = false, estimated = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "week: give at most one date");
	if (csv && json)
		return cli_usage_error(a, cmd, "week: --csv and --json exclude each other");
	if (npos == 1 && (rc = cli_date(a, argv[1], &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_analysis_week(a->store, day, NULL, &w, &err)))
		return cli_fail(a, st, &err);
	t = w.targets;
	p = w.profiles[6];
	if (csv) {
		days_csv(stdout, w.days, 7, &w.average, w.days_logged, w.days_known);
		return CLI_OK;
	}
	if (json) {
		char iso[16];

		snprintf(iso, sizeof iso, "%04d-W%02d", w.iso_year, w.iso_week);
		days_json(stdout, iso, w.days, 7, &w.average, w.days_logged, w.days_known, &t, w.avg);
		return CLI_OK;
	}

	nt_date_format(w.start, from);
	nt_date_format(w.start + 6, to);
	printf("Week %04d-W%02d: Monday %s to Sunday %s\n", w.iso_year, w.iso_week, from, to);
	print_profile_line(&p);
	print_target_changes(w.daily, w.profiles, 7, w.start);
	partial = print_days_table(a, w.days, 7, &w.average, w.days_logged, w.days_known, &t, w.avg,
	                           false, &fewer, &estimated);
	if (w.days_logged)
		print_charts(a, w.days, 7, &t, w.daily);
	if (w.days_logged)
		print_more_average(a, w.avg, &partial, &estimated);
	printf("\n%d of 7 days logged; the average counts logged days only.\n", w.days_logged);
	if (fewer)
		puts(FEWER_NOTE);
	if (w.days_logged && (rc = print_b12_routine(a, &w)))
		return rc;
	if (w.days_logged)
		print_shortfalls(w.avg, "on average this week");
	if (partial)
		printf("* partial: some entries have no value for this nutrient "
		       "(unknown, not zero).\n");
	if (estimated)
		puts(CLI_ESTIMATE_LEGEND);
	return CLI_OK;
}

/* -o FILE, written whole (outfile.h); else standard output (of->fp NULL). */
static FILE *
output_open(const struct app *a, const char *path, struct nt_outfile *of)
{
	struct nt_err err;
	enum nt_status st;

	memset(of, 0, sizeof *of);
	if (!path || !strcmp(path, "-"))
		return stdout;
	if (nt_store_is_own_file(a->store, path)) {
		cli_error(a, "cannot write %s: it is the database or its -wal, -shm or -journal file", path);
		return NULL;
	}
	if ((st = nt_outfile_open(of, path, &err))) {
		cli_fail(a, st, &err);
		return NULL;
	}
	return of->fp;
}

/* Puts the output in place when ok, else abandons it. */
static int
output_close(const struct app *a, struct nt_outfile *of, bool ok)
{
	struct nt_err err;
	enum nt_status st;

	if (!of->fp) {
		if (!ok)
			return CLI_FAIL; /* already said why */
		if (fflush(stdout) != 0 || ferror(stdout))
			return cli_stdout_failed(a, NULL);
		return CLI_OK;
	}
	if (!ok) {
		nt_outfile_abort(of);
		return CLI_FAIL;
	}
	if ((st = nt_outfile_commit(of, &err)))
		return cli_fail(a, st, &err);
	return CLI_OK;
}

int
cli_cmd_report(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("report");
	const char *from_s = NULL, *to_s = NULL, *format = NULL, *out = NULL;
	bool csv = false, json = false;
	struct cli_opt opts[] = {
		{"from", 0, &from_s, NULL},
		{"to", 0, &to_s, NULL},
		{"csv", 0, NULL, &csv},
		{"json", 0, NULL, &json},
		{"format", 0, &format, NULL},
		{"output", 'o', &out, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_report r;
	struct nt_err err;
	enum nt_status st;
	char from[NT_DATE_LEN], to[NT_DATE_LEN];
	struct nt_outfile of;
	long first, last;
	int npos, rc;
	bool partial, fewer = false, estimated = false;
	FILE *fp;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "report: unexpected argument '%s'", argv[1]);
	if (csv && json)
		return cli_usage_error(a, cmd, "report: --csv and --json exclude each other");
	if (csv && format && strcmp(format, "csv"))
		return cli_usage_error(a, cmd, "report: --csv and --format %s disagree", format);
	if (json && format && strcmp(format, "json"))
		return cli_usage_error(a, cmd, "report: --json and --format %s disagree", format);
	if (!format)
		format = csv ? "csv" : json ? "json" : "text";
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "html") &&
	    strcmp(format, "json"))
		return cli_usage_error(a, cmd, "report: --format is text, csv, json or html");
	if (out && !strcmp(format, "text"))
		return cli_usage_error(a, cmd, "report: -o writes --csv, --json or --format html; "
		                       "the text report goes to standard output");
	last = a->today;
	if (to_s && (rc = cli_date(a, to_s, &last)))
		return rc;
	/* 28 days, or as many as there are from the first day nutrack keeps */
	first = last - 27 < nt_date_first() ? nt_date_first() : last - 27;
	if (from_s && (rc = cli_date(a, from_s, &first)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_report_range(a->store, first, last, &r, &err)))
		return cli_fail(a, st, &err);
	if (!strcmp(format, "html") && (st = nt_report_detail(a->store, &r, &err))) {
		nt_report_fini(&r);
		return cli_fail(a, st, &err);
	}
	if (!(fp = output_open(a, out, &of))) {
		nt_report_fini(&r);
		return CLI_FAIL;
	}
	nt_date_format(first, from);
	nt_date_format(last, to);
	if (!strcmp(format, "html")) {
		char title[96];

		snprintf(title, sizeof title, "Vitamin B12, omega-3 and potassium, %s to %s", from, to);
		st = nt_report_html(fp, &r, title, &err);
		if (st == NT_ERR_IO && !of.fp)
			cli_stdout_failed(a, NULL);
		else if (st == NT_ERR_IO)
			cli_error(a, "cannot write %s: %s", out, err.msg);
		else if (st)
			cli_fail(a, st, &err);
		rc = output_close(a, &of, st == NT_OK);
		if (rc == CLI_OK && out && strcmp(out, "-")) {
			char safe[1024];

			cli_fmt_name(safe, sizeof safe, out);
			printf("Wrote %s.\n", safe);
		}
		nt_report_fini(&r);
		return rc;
	}
	if (!strcmp(format, "csv") || !strcmp(format, "json")) {
		if (!strcmp(format, "csv"))
			days_csv(fp, r.days, r.ndays, &r.average, r.days_logged, r.days_known);
		else
			days_json(fp, NULL, r.days, r.ndays, &r.average, r.days_logged, r.days_known,
			          &r.targets, r.avg);
		rc = output_close(a, &of, true);
		nt_report_fini(&r);
		return rc;
	}
	printf("Report: %s to %s (%d days%s)\n", from, to, r.ndays,
	       r.ndays > 31 ? "; rows for the logged days only" : "");
	print_profile_line(&r.profile);
	print_target_changes(r.daily, r.profiles, r.ndays, r.from);
	partial = print_days_table(a, r.days, r.ndays, &r.average, r.days_logged, r.days_known,
	                           &r.targets, r.avg, r.ndays > 31, &fewer, &estimated);
	if (r.ndays <= 31 && r.days_logged)
		print_charts(a, r.days, r.ndays, &r.targets, r.daily);
	if (r.days_logged)
		print_more_average(a, r.avg, &partial, &estimated);
	printf("\n%d of %d days logged; the average counts logged days only.\n", r.days_logged,
	       r.ndays);
	if (fewer)
		puts(FEWER_NOTE);
	if (r.days_logged)
		print_shortfalls(r.avg, "on average over these days");
	if (partial)
		printf("* partial: some entries have no value for this nutrient "
		       "(unknown, not zero).\n");
	if (estimated)
		puts(CLI_ESTIMATE_LEGEND);
	nt_report_fini(&r);
	return CLI_OK;
}

/* One object: the nutrient and diet, and the foods as the CSV's rows. */
static void
top_json(const struct nt_top *top, enum nt_measure m, enum nt_diet diet)
{
	struct cli_json j;

	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_key_string(&j, "nutrient", nt_measure_name(m));
	cli_json_key_string(&j, "unit", nt_measure_unit(m));
	cli_json_key_string(&j, "diet", nt_diet_name(diet));
	cli_json_key(&j, "foods");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < top->n; i++) {
		const struct nt_top_food *x = &top->v[i];

		cli_json_begin_object(&j);
		cli_json_key_string(&j, "food_id", x->ref);
		cli_json_key_string(&j, "food", x->name);
		cli_json_key_string(&j, "portion", x->portion);
		cli_json_key_number(&j, "grams", x->grams, -1);
		cli_json_key_number(&j, "value", x->value, nt_measure_decimals(m));
		cli_json_key_number(&j, "per_100g", x->per100, -1);
		cli_json_key_bool(&j, "dated", x->dated);
		cli_json_key_bool(&j, "estimated", x->estimated);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
}

int
cli_cmd_top(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("top");
	const char *diet_s = NULL, *limit_s = NULL;
	bool csv = false, json = false, all = false;
	struct cli_opt opts[] = {
		{"diet", 0, &diet_s, NULL},
		{"limit", 'n', &limit_s, NULL},
		{"all", 'a', NULL, &all},
		{"csv", 0, NULL, &csv},
		{"json", 0, NULL, &json},
		{NULL, 0, NULL, NULL},
	};
	struct nt_top top;
	struct nt_err err;
	enum nt_status st;
	long limit = 10;
	unsigned flags;
	int npos, rc, m, diet = 0;
	bool estimated = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "top: give a nutrient: b12, omega3, epa_dha, potassium");
	if (csv && json)
		return cli_usage_error(a, cmd, "top: --csv and --json exclude each other");
	if ((m = nt_measure_by_name(argv[1])) < 0 || m == NT_B12_ADDED)
		return cli_error(a, "unknown nutrient '%.20s': use b12, omega3, epa_dha, potassium, "
		                 "ala, epa, dha, dpa, energy or protein", argv[1]);
	if (diet_s && (diet = nt_diet_parse(diet_s)) < 0)
		return cli_error(a, "unknown diet '%.20s': use vegan, vegetarian or omnivore", diet_s);
	if (limit_s) {
		char *end;

		limit = strtol(limit_s, &end, 10);
		if (*end || end == limit_s || limit < 1 || limit > 1000)
			return cli_usage_error(a, cmd, "--limit must be a number from 1 to 1000");
	}
	if ((rc = cli_open(a)))
		return rc;
	{
		struct nt_profile p;

		if ((st = nt_profile_get(a->store, &p, &err)))
			return cli_fail(a, st, &err);
		if (!diet_s) /* the profile's diet */
			diet = (int)p.diet;
		/* no energy drinks for someone under 18, even with --all */
		flags = (all ? NT_TOP_INGREDIENTS | NT_TOP_NOT_ADVICE : 0) |
		        (p.age_y < 18 ? NT_TOP_NO_ENERGY : 0);
	}
	if ((st = nt_report_top(a->store, (enum nt_measure)m, (enum nt_diet)diet, flags,
	                        (size_t)limit, &top, &err)))
		return cli_fail(a, st, &err);
	if (json) {
		top_json(&top, (enum nt_measure)m, (enum nt_diet)diet);
		nt_top_fini(&top);
		return CLI_OK;
	}
	if (csv) {
		static const char *const head[] = {"food_id", "food", "portion", "grams", "value",
		                                   "unit", "per_100g", "estimated"};

		for (size_t i = 0; i < 8; i++)
			cli_csv_field(stdout, head[i], i == 0);
		cli_csv_end(stdout);
	} else {
		printf("The richest foods in %s per everyday portion, %s diet:\n",
		       nt_measure_label(m), nt_diet_name((enum nt_diet)diet));
	}
	for (size_t i = 0; i < top.n; i++) {
		const struct nt_top_food *x = &top.v[i];
		char val[48], per[48], grams[32], name[512], portion[256];

		cli_fmt_fixed(val, sizeof val, x->value, nt_measure_decimals(m));
		cli_fmt_exact(per, sizeof per, x->per100);
		snprintf(grams, sizeof grams, "%g", x->grams);
		if (csv) {
			cli_csv_field(stdout, x->ref, true);
			cli_csv_field(stdout, x->name, false);
			cli_csv_field(stdout, x->portion, false);
			cli_csv_field(stdout, grams, false);
			cli_csv_field(stdout, val, false);
			cli_csv_field(stdout, nt_measure_unit(m), false);
			cli_csv_field(stdout, per, false);
			cli_csv_field(stdout, x->estimated ? "yes" : "no", false);
			cli_csv_end(stdout);
			continue;
		}
		cli_fmt_name(name, sizeof name, x->name);
		cli_fmt_name(portion, sizeof portion, x->portion);
		printf("%3zu. %s%s %s in %s (%s g) of %s (%s)\n", i + 1,
		       x->estimated ? CLI_ESTIMATE_MARK : "", val, app_unit(a, nt_measure_unit(m)),
		       portion, grams, name, x->ref);
		estimated |= x->estimated;
		if (x->dated)
			printf("     %s\n", NT_FOOD_DATED_NOTE);
	}
	if (estimated)
		puts(CLI_ESTIMATE_LEGEND);
	nt_top_fini(&top);
	return CLI_OK;
}
