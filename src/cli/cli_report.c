/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_report.c - "day" and "week": totals against targets. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "absorption.h"
#include "analysis.h"
#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "journal.h"
#include "profile.h"
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

/* Loads the profile and its targets, reporting errors. */
static int
load_targets(struct app *a, struct nt_profile *p, struct nt_targets *t)
{
	struct nt_err err;
	enum nt_status st;

	if ((st = nt_profile_get(a->store, p, &err)) || (st = nt_targets_for(a->store, p, t, &err)))
		return cli_fail(a, st, &err);
	return 0;
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
	default: return "";
	}
}

/* One row of a day's totals: a measure, or the estimated absorbed B12. */
struct total_row {
	const char *name, *unit, *title;
	int decimals;
	struct nt_judgement j;
};
#define N_DAY_ROWS (N_TRACKED + 1)

/*
 * The day's rows: the tracked measures, with the estimated absorbed B12
 * (each meal one sitting; target half the RDA) after B12.
 */
static void
day_rows(const struct nt_entry_list *l, const struct nt_targets *t,
         struct total_row rows[N_DAY_ROWS])
{
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_amounts total;
	size_t n = 0;
	bool partial;
	double absorbed;

	size_t eaten = nt_analysis_eaten(l);

	nt_analysis_sum(l, &total);
	nt_judge(&total, eaten > 0, t, j);
	for (size_t i = 0; i < N_TRACKED; i++) {
		enum nt_measure m = tracked[i].m;

		rows[n++] = (struct total_row){nt_measure_name(m), nt_measure_unit(m),
		                               tracked[i].title, nt_measure_decimals(m), j[m]};
		if (m != NT_B12)
			continue;
		absorbed = nt_b12_absorbed_day(l, &partial);
		rows[n].name = "b12_absorbed";
		rows[n].unit = "ug";
		rows[n].title = "  absorbed (est.)";
		rows[n].decimals = 2;
		nt_judge_value(absorbed, partial, eaten > 0,
		               nt_known(t->t[NT_B12].value) ? t->t[NT_B12].value / 2 : NT_UNKNOWN,
		               2, &rows[n].j);
		n++;
	}
}

/* Prints the totals table; returns whether any row was partial. */
static bool
print_judgement_table(const struct app *a, const struct total_row *rows, size_t n,
                      bool logged)
{
	static const int widths[] = {18, 14, 12, -5, 9};
	const char *head[] = {"Nutrient", "Intake", "Target", "%", "  Status"};
	bool partial = false;

	cli_put_row(stdout, head, widths, 5);
	for (size_t i = 0; i < n; i++) {
		const struct nt_judgement *x = &rows[i].j;
		char in[64], tg[64], pc[16], lv[32];
		const char *cells[5] = {rows[i].title, in, tg, pc, lv};
		const char *unit = app_unit(a, rows[i].unit);

		if (!logged)
			snprintf(in, sizeof in, "-");
		else if (!nt_known(x->intake))
			snprintf(in, sizeof in, "?");
		else
			snprintf(in, sizeof in, "%.*f %s%s", rows[i].decimals, x->intake, unit,
			         x->partial ? "*" : "");
		if (nt_known(x->target))
			snprintf(tg, sizeof tg, "%g %s", x->target, unit);
		else
			tg[0] = '\0';
		if (x->percent >= 0)
			snprintf(pc, sizeof pc, "%d%%", x->percent);
		else
			pc[0] = '\0';
		if (x->level == NT_LEVEL_NONE)
			lv[0] = '\0';
		else
			snprintf(lv, sizeof lv, "  %s", logged ? level_text(x->level) : "not logged");
		partial |= x->partial;
		cli_put_row(stdout, cells, widths, 5);
	}
	return partial;
}

/* "Below target today: Vitamin B12, Potassium." and the unknown ones. */
static void
print_shortfalls(const struct nt_judgement *j, const char *when)
{
	int low = 0, unknown = 0;

	for (size_t i = 0; i < N_TRACKED; i++) {
		if (j[tracked[i].m].level != NT_LEVEL_LOW)
			continue;
		if (low++)
			printf(", ");
		else
			printf("Below target %s: ", when);
		printf("%s", tracked[i].title);
	}
	if (low)
		printf(".\n");
	for (size_t i = 0; i < N_TRACKED; i++) {
		if (j[tracked[i].m].level != NT_LEVEL_UNKNOWN)
			continue;
		if (unknown++)
			printf(", ");
		else
			printf("Unknown %s (no logged food has a value): ", when);
		printf("%s", tracked[i].title);
	}
	if (unknown)
		printf(".\n");
	if (!low && !unknown)
		printf("All targets met %s.\n", when);
}

/* "With planned entries: Vitamin B12 3.40 µg (141%), ..." */
static void
print_planned_total(const struct app *a, const struct nt_entry_list *l,
                    const struct nt_targets *t)
{
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_amounts total;

	nt_analysis_sum_planned(l, &total);
	nt_judge(&total, true, t, j);
	printf("With the planned entries:");
	for (size_t i = 0; i < 4; i++) {
		char v[64];

		cli_fmt_measure(a, v, sizeof v, tracked[i].m, j[tracked[i].m].intake,
		                j[tracked[i].m].partial);
		printf("%s %s %s (%d%%)", i ? "," : "", tracked[i].title, v,
		       j[tracked[i].m].percent < 0 ? 0 : j[tracked[i].m].percent);
	}
	printf(".\n");
}

static void
day_csv(const struct total_row *rows, size_t n)
{
	static const char *const head[] = {"nutrient", "unit", "intake", "target", "percent",
	                                   "status", "partial"};

	for (size_t i = 0; i < 7; i++)
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
		cli_csv_end(stdout);
	}
}

static void
print_entry(const struct app *a, const struct nt_entry *e)
{
	char name[512], amount[256], grams[32], id[24];

	cli_fmt_name(name, sizeof name, e->food_name);
	cli_fmt_name(amount, sizeof amount, e->amount);
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
	bool csv = false;
	struct cli_opt opts[] = {{"csv", 0, NULL, &csv}, {NULL, 0, NULL, NULL}};
	struct total_row rows[N_DAY_ROWS];
	struct nt_judgement j[NT_MEASURE_COUNT];
	struct nt_entry_list l;
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;
	enum nt_status st;
	char date[NT_DATE_LEN];
	long day = a->today;
	int npos, rc;
	size_t eaten;
	bool partial;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "day: give at most one date");
	if (npos == 1 && (rc = cli_date(a, argv[1], &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((rc = load_targets(a, &p, &t)))
		return rc;
	if ((st = nt_journal_day(a->store, day, &l, &err)))
		return cli_fail(a, st, &err);
	day_rows(&l, &t, rows);
	for (size_t i = 0; i < N_DAY_ROWS; i++) /* the shortfalls use the measures */
		for (size_t k = 0; k < N_TRACKED; k++)
			if (!strcmp(rows[i].name, nt_measure_name(tracked[k].m)))
				j[tracked[k].m] = rows[i].j;

	if (csv) {
		day_csv(rows, N_DAY_ROWS);
		nt_entry_list_fini(&l);
		return CLI_OK;
	}
	nt_date_format(day, date);
	printf("%s %s\n", nt_date_weekday_name(nt_date_weekday(day)), date);
	print_profile_line(&p);
	for (int m = 0; m < NT_MEAL_COUNT; m++) {
		bool any = false;

		printf("\n%s\n", nt_meal_title((enum nt_meal)m));
		for (size_t i = 0; i < l.n; i++)
			if ((int)l.v[i].meal == m) {
				print_entry(a, &l.v[i]);
				any = true;
			}
		if (!any)
			printf("  (nothing logged)\n");
	}
	putchar('\n');
	eaten = nt_analysis_eaten(&l);
	partial = print_judgement_table(a, rows, N_DAY_ROWS, eaten > 0);
	putchar('\n');
	if (eaten < l.n)
		print_planned_total(a, &l, &t);
	if (!eaten)
		printf("Nothing eaten logged on %s: no totals (an empty day is not zero intake).\n",
		       date);
	else
		{
		char when[32];

		if (day == a->today)
			snprintf(when, sizeof when, "today");
		else
			snprintf(when, sizeof when, "on %s", date);
		print_shortfalls(j, when);
	}
	if (partial)
		printf("* partial: some entries have no value for this nutrient "
		       "(unknown, not zero).\n");
	if (eaten)
		printf("Absorbed B12 is estimated per meal: intrinsic factor takes up about half "
		       "of a dose,\nat most 1.5 %s a sitting, plus 1%% of the rest "
		       "(see nutrack(1)).\n", app_unit(a, "ug"));
	nt_entry_list_fini(&l);
	return CLI_OK;
}

static void
week_csv(const struct nt_week *w)
{
	for (size_t i = 0; i < 6; i++)
		cli_csv_field(stdout, i == 0 ? "date" : tracked[i - 1].week_col, i == 0);
	cli_csv_end(stdout);
	for (int d = 0; d <= 7; d++) {
		const struct nt_amounts *v = d < 7 ? &w->days[d].total : &w->average;
		bool logged = d < 7 ? w->days[d].entries > 0 : w->days_logged > 0;
		char date[NT_DATE_LEN];

		if (d < 7)
			nt_date_format(w->days[d].day, date);
		else
			snprintf(date, sizeof date, "average");
		cli_csv_field(stdout, date, true);
		for (size_t i = 0; i < 5; i++) {
			char num[48] = "";

			if (logged)
				cli_fmt_fixed(num, sizeof num, v->v[tracked[i].m],
				          nt_measure_decimals(tracked[i].m));
			cli_csv_field(stdout, num, false);
		}
		cli_csv_end(stdout);
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
	bool csv = false;
	struct cli_opt opts[] = {{"csv", 0, NULL, &csv}, {NULL, 0, NULL, NULL}};
	struct nt_profile p;
	struct nt_targets t;
	struct nt_week w;
	struct nt_err err;
	enum nt_status st;
	char from[NT_DATE_LEN], to[NT_DATE_LEN];
	long day = a->today;
	int npos, rc;
	bool partial = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos > 1)
		return cli_usage_error(a, cmd, "week: give at most one date");
	if (npos == 1 && (rc = cli_date(a, argv[1], &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((rc = load_targets(a, &p, &t)))
		return rc;
	if ((st = nt_analysis_week(a->store, day, &t, &w, &err)))
		return cli_fail(a, st, &err);
	if (csv) {
		week_csv(&w);
		return CLI_OK;
	}

	nt_date_format(w.start, from);
	nt_date_format(w.start + 6, to);
	printf("Week %04d-W%02d: Monday %s to Sunday %s\n", w.iso_year, w.iso_week, from, to);
	print_profile_line(&p);
	{
		static const int widths[] = {18, -12, -12, -12, -12, -12};
		const char *cells[6];
		char buf[6][48];

		for (size_t i = 0; i < 6; i++)
			cells[i] = buf[i];
		buf[0][0] = '\0';
		for (size_t i = 0; i < 5; i++)
			snprintf(buf[i + 1], sizeof buf[i + 1], "%s", tracked[i].title);
		putchar('\n');
		cli_put_row(stdout, cells, widths, 6);
		for (size_t i = 0; i < 5; i++)
			snprintf(buf[i + 1], sizeof buf[i + 1], "%s",
			         app_unit(a, nt_measure_unit(tracked[i].m)));
		cli_put_row(stdout, cells, widths, 6);

		for (int d = 0; d <= 7; d++) {
			const struct nt_amounts *v = d < 7 ? &w.days[d].total : &w.average;
			bool logged = d < 7 ? w.days[d].entries > 0 : w.days_logged > 0;
			char date[NT_DATE_LEN];

			if (d < 7) {
				nt_date_format(w.days[d].day, date);
				snprintf(buf[0], sizeof buf[0], "%s %s", nt_date_weekday_abbr(d), date);
			} else {
				putchar('\n');
				snprintf(buf[0], sizeof buf[0], "Average (%d %s)", w.days_logged,
				         w.days_logged == 1 ? "day" : "days");
			}
			for (size_t i = 0; i < 5; i++) {
				enum nt_measure m = tracked[i].m;
				bool part = v->partial & (1u << m);

				if (!logged) {
					snprintf(buf[i + 1], sizeof buf[i + 1], "%s", i ? "" : "not logged");
				} else if (nt_known(v->v[m])) {
					cli_fmt_fixed(buf[i + 1], sizeof buf[i + 1], v->v[m],
					          nt_measure_decimals(m));
					if (part)
						strcat(buf[i + 1], "*");
				} else {
					snprintf(buf[i + 1], sizeof buf[i + 1], "?");
				}
				partial |= logged && part;
			}
			cli_put_row(stdout, cells, widths, 6);
		}
		snprintf(buf[0], sizeof buf[0], "Target");
		for (size_t i = 0; i < 5; i++)
			cli_fmt_exact(buf[i + 1], sizeof buf[i + 1], t.t[tracked[i].m].value);
		cli_put_row(stdout, cells, widths, 6);
		if (w.days_logged) {
			snprintf(buf[0], sizeof buf[0], "%% of target");
			for (size_t i = 0; i < 5; i++) {
				buf[i + 1][0] = '\0';
				if (w.avg[tracked[i].m].percent >= 0)
					snprintf(buf[i + 1], sizeof buf[i + 1], "%d%%",
					         w.avg[tracked[i].m].percent);
			}
			cli_put_row(stdout, cells, widths, 6);
			snprintf(buf[0], sizeof buf[0], "Status");
			for (size_t i = 0; i < 5; i++)
				snprintf(buf[i + 1], sizeof buf[i + 1], "%s",
				         level_text(w.avg[tracked[i].m].level));
			cli_put_row(stdout, cells, widths, 6);
		}
	}
	printf("\n%d of 7 days logged; the average counts logged days only.\n", w.days_logged);
	if (w.days_logged && (rc = print_b12_routine(a, &w)))
		return rc;
	if (w.days_logged)
		print_shortfalls(w.avg, "on average this week");
	if (partial)
		printf("* partial: some entries have no value for this nutrient "
		       "(unknown, not zero).\n");
	return CLI_OK;
}
