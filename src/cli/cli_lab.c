/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_lab.c - "lab": blood tests of B12 status beside the intake history. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "lab.h"
#include "text.h"

/* Days of intake history shown beside a result. */
#define HISTORY_DAYS 28

struct listing {
	struct app *a;
	bool csv;
	int n;
	enum nt_status st;
	struct nt_err err;
};

static void
print_lab(void *ctx, const struct nt_lab_result *r)
{
	struct listing *ls = ctx;
	struct nt_day_total days[HISTORY_DAYS];
	struct nt_amounts avg;
	char date[NT_DATE_LEN], val[32], entered[32], b12[32] = "";
	int logged = 0, known[NT_MEASURE_COUNT];
	long day = r->day;
	enum nt_lab_kind k = r->kind;
	double value = r->value;
	bool converted = strcmp(r->unit, nt_lab_unit(k)) != 0;

	if (ls->st)
		return;
	/* the B12 eaten, daily, in the four weeks up to the test (from 1900-01-01 at most) */
	int ndays = day - HISTORY_DAYS + 1 < nt_date_first() ? (int)(day - nt_date_first() + 1)
	                                                     : HISTORY_DAYS;

	if ((ls->st = nt_analysis_days(ls->a->store, day - ndays + 1, ndays, days, &ls->err)))
		return;
	nt_analysis_average(days, ndays, &avg, &logged, known);
	if (known[NT_B12])
		cli_fmt_fixed(b12, sizeof b12, avg.v[NT_B12], 2);
	nt_date_format(day, date);
	snprintf(val, sizeof val, "%.*f", k == NT_LAB_MMA ? 2 : k == NT_LAB_B12 ? 0 : 1, value);
	snprintf(entered, sizeof entered, "%.*f", r->decimals, r->entered);
	ls->n++;
	if (ls->csv) {
		char num[24], days_s[8], known_s[8];

		snprintf(num, sizeof num, "%lld", r->id);
		snprintf(days_s, sizeof days_s, "%d", logged);
		snprintf(known_s, sizeof known_s, "%d", known[NT_B12]);
		cli_csv_field(stdout, num, true);
		cli_csv_field(stdout, date, false);
		cli_csv_field(stdout, nt_lab_kind_name(k), false);
		cli_csv_field(stdout, val, false);
		cli_csv_field(stdout, nt_lab_unit(k), false);
		cli_csv_field(stdout, nt_lab_reading(k, value), false);
		cli_csv_field(stdout, b12, false);
		cli_csv_field(stdout, days_s, false);
		cli_csv_field(stdout, known_s, false);
		cli_csv_field(stdout, entered, false);
		cli_csv_field(stdout, r->unit, false);
		cli_csv_end(stdout);
		return;
	}
	/* as entered; converted to the unit the reading uses beside it */
	printf("%3lld  %s  %-20s %8s %-7s %-10s", r->id, date, nt_lab_kind_title(k), entered,
	       r->unit, nt_lab_reading(k, value));
	if (converted)
		printf("  (= %s %s)", val, nt_lab_unit(k));
	if (known[NT_B12] && known[NT_B12] < logged)
		printf("  B12 eaten %s %s/day (%d of %d days logged before, %d with a B12 value)",
		       b12, app_unit(ls->a, "ug"), logged, HISTORY_DAYS, known[NT_B12]);
	else if (logged && known[NT_B12])
		printf("  B12 eaten %s %s/day (%d of %d days logged before)", b12,
		       app_unit(ls->a, "ug"), logged, HISTORY_DAYS);
	else if (logged)
		printf("  B12 unknown (%d of %d days logged before, none with a B12 value)", logged,
		       HISTORY_DAYS);
	else
		printf("  no intake logged in the %d days before", HISTORY_DAYS);
	putchar('\n');
}

int
cli_cmd_lab(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("lab");
	const char *date_s = NULL;
	bool csv = false;
	struct cli_opt opts[] = {
		{"date", 'd', &date_s, NULL},
		{"csv", 0, NULL, &csv},
		{NULL, 0, NULL, NULL},
	};
	struct nt_err err;
	enum nt_status st;
	long day = a->today;
	long long id;
	double value;
	int npos, rc, kind;

	if (argc < 2)
		return cli_usage_error(a, cmd, "lab: give a subcommand: add, list or rm");
	if ((rc = cli_parse(a, cmd, argc - 1, argv + 1, opts, &npos)) >= 0)
		return rc;
	if (!strcmp(argv[1], "list")) {
		struct listing ls = {a, csv, 0, NT_OK, {NT_OK, ""}};

		if (npos || date_s)
			return cli_usage_error(a, cmd, "lab list takes only --csv");
		if ((rc = cli_open(a)))
			return rc;
		if (csv) {
			static const char *const head[] = {"id", "date", "kind", "value", "unit", "reading",
			                                   "b12_ug_per_day_28d", "days_logged_28d",
			                                   "b12_days_28d", "entered_value",
			                                   "entered_unit"};

			for (size_t i = 0; i < sizeof head / sizeof *head; i++)
				cli_csv_field(stdout, head[i], i == 0);
			cli_csv_end(stdout);
		}
		if ((st = nt_lab_each(a->store, print_lab, &ls, &err)))
			return cli_fail(a, st, &err);
		if (ls.st)
			return cli_fail(a, ls.st, &ls.err);
		if (!csv && !ls.n)
			printf("No lab results yet: nutrack lab add b12 VALUE pg/mL\n");
		if (!csv && ls.n)
			printf("\nUsual ranges (your laboratory's apply): serum B12 low below 148 pmol/L "
			       "(200 pg/mL),\nborderline to 258 pmol/L (350 pg/mL), high above 738 pmol/L "
			       "(1000 pg/mL: usual\nwith supplements or injections; without them, ask your "
			       "clinician); homocysteine\nhigh above 15 umol/L; MMA borderline above 0.27, "
			       "high above 0.40 umol/L.\nnutrack is a tracker, not a diagnosis: discuss your "
			       "results with your clinician.\n");
		return CLI_OK;
	}
	if (!strcmp(argv[1], "rm")) {
		if (npos != 1 || date_s)
			return cli_usage_error(a, cmd, "lab rm: give a result's number");
		if ((rc = cli_row_id(a, argv[2], "a lab result number (see 'nutrack lab list')",
		                      &id)) || (rc = cli_open(a)))
			return rc;
		if ((st = nt_lab_remove(a->store, id, &err)))
			return cli_fail(a, st, &err);
		printf("Lab result %lld removed.\n", id);
		return CLI_OK;
	}
	if (strcmp(argv[1], "add"))
		return cli_usage_error(a, cmd, "lab: unknown subcommand '%s'", argv[1]);
	if (npos != 3)
		return cli_usage_error(a, cmd, "lab add: give KIND VALUE UNIT, e.g. b12 320 pg/mL");
	if ((kind = nt_lab_kind_parse(argv[2])) < 0)
		return cli_error(a, "unknown test '%.20s': use b12, homocysteine or mma", argv[2]);
	if (!nt_text_to_double(argv[3], &value))
		return cli_error(a, "invalid lab value '%.20s': give a number such as 300", argv[3]);
	if (date_s && (rc = cli_date(a, date_s, &day)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_lab_add(a->store, day, a->today, (enum nt_lab_kind)kind, value, argv[4], &id, &err)))
		return cli_fail(a, st, &err);
	printf("Recorded lab result %lld.\n", id);
	return CLI_OK;
}
