/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_target.c - "target": the user's own targets and upper limits, dated. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "profile.h"
#include "store.h"
#include "target.h"
#include "text.h"

/* "2.4 ug" or "-" */
static void
fmt_value(const struct app *a, char *buf, size_t n, double v, enum nt_measure m)
{
	if (nt_known(v))
		snprintf(buf, n, "%g %s", v, app_unit(a, nt_measure_unit(m)));
	else
		snprintf(buf, n, "-");
}

/* Every measure's target and limit in force on `day`, with where each comes from. */
static int
list_targets(struct app *a, long day)
{
	struct nt_targets t;
	struct nt_profile p;
	struct nt_err err;
	enum nt_status st;
	char date[NT_DATE_LEN];
	static const int widths[] = {11, 12, 12, 0};
	const char *head[] = {"Nutrient", "Target", "Limit", "Source"};

	if ((st = nt_targets_on(a->store, day, &t, &p, &err)))
		return cli_fail(a, st, &err);
	nt_date_format(day, date);
	printf("Targets and limits in force on %s", date);
	if (p.is_set) {
		printf(" (%s, %g years", nt_sex_name(p.sex), p.age_y);
		if (p.stage != NT_STAGE_NONE)
			printf(", %s", nt_stage_name(p.stage));
		printf(")\n\n");
	} else {
		printf(" (no profile set: adult female)\n\n");
	}
	cli_put_row(stdout, head, widths, 4);
	/* the judged measures in the order shown, then any other the user set */
	enum nt_measure list[NT_MEASURE_COUNT];
	size_t n = nt_measures_shown(NT_SHOW_TRACKED | NT_SHOW_MORE, list);

	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		bool listed = false;

		for (size_t i = 0; i < n; i++)
			listed |= list[i] == (enum nt_measure)m;
		if (!listed && m != NT_ALA && (t.t[m].user_value || t.t[m].user_limit))
			list[n++] = (enum nt_measure)m;
	}
	for (size_t i = 0; i < n; i++) {
		enum nt_measure m = list[i];
		const struct nt_target *x = &t.t[m];
		char tg[48], lim[48], src[320], from[NT_DATE_LEN], dri[48];
		const char *cells[4] = {nt_measure_name(m), tg, lim, src};

		fmt_value(a, tg, sizeof tg, x->value, m);
		fmt_value(a, lim, sizeof lim, x->limit, m);
		nt_date_format(x->user_from, from);
		fmt_value(a, dri, sizeof dri, x->dri, m);
		if (x->user_value && x->user_limit)
			snprintf(src, sizeof src, "set by you from %s", from);
		else if (x->user_value)
			snprintf(src, sizeof src, "set by you from %s; no limit", from);
		else if (x->dri_dropped)
			snprintf(src, sizeof src, "limit set by you from %s (the DRI target %s is "
			         "above it)", from, dri);
		else if (x->user_limit && nt_known(x->value))
			snprintf(src, sizeof src, "%s %s; limit set by you from %s", x->type, x->source,
			         from);
		else if (x->user_limit)
			snprintf(src, sizeof src, "limit set by you from %s", from);
		else if (x->dri_limit && nt_known(x->value) && !strcmp(x->source, x->limit_source))
			snprintf(src, sizeof src, "%s and UL %s", x->type, x->source);
		else if (x->dri_limit && nt_known(x->value))
			snprintf(src, sizeof src, "%s %s; UL %s", x->type, x->source, x->limit_source);
		else if (x->dri_limit)
			snprintf(src, sizeof src, "UL %s (no target)", x->limit_source);
		else if (nt_known(x->value))
			snprintf(src, sizeof src, "%s %s", x->type, x->source);
		else
			snprintf(src, sizeof src, "no target");
		cli_put_row(stdout, cells, widths, 4);
	}
	if (nt_known(t.t[NT_FOLIC_ACID].limit))
		printf("\nThe folic_acid limit counts folic acid from fortified food and supplements,\n"
		       "not the folate that food has of itself.\n");
	printf("\nSet your own with: %s target set NUTRIENT [--min X] [--max Y] [--from DATE]\n",
	       a->prog);
	return CLI_OK;
}

/* A value of --min or --max: a number, 0 or more, in the measure's unit. */
static int
parse_value(struct app *a, const char *opt, const char *text, enum nt_measure m, double *out)
{
	if (!nt_text_to_double(text, out) || !isfinite(*out) || *out < 0)
		return cli_error(a, "invalid %s '%.20s': give a number of %s, 0 or more", opt, text,
		                 nt_measure_unit(m));
	*out += 0.0; /* "-0" is 0 */
	return CLI_OK;
}

static int
find_measure(struct app *a, const char *name, int *m)
{
	if ((*m = nt_measure_by_name(name)) < 0)
		return cli_error(a, "unknown nutrient '%.20s': use b12, omega3, ala, epa_dha, epa, dha, "
		                 "dpa, potassium, energy, protein or b12_added", name);
	return CLI_OK;
}

int
cli_cmd_target(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("target");
	const char *min_s = NULL, *max_s = NULL, *from_s = NULL;
	struct cli_opt opts[] = {
		{"min", 0, &min_s, NULL},
		{"max", 0, &max_s, NULL},
		{"from", 0, &from_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_err err;
	enum nt_status st;
	/* "target" and "target --from DATE" list */
	bool bare = argc < 2 || argv[1][0] == '-';
	const char *sub = bare ? "list" : argv[1];
	long from = a->today;
	double min = NAN, max = NAN;
	int npos = 0, rc, m = -1;
	char date[NT_DATE_LEN];

	if (bare && (rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (!bare && (rc = cli_parse(a, cmd, argc - 1, argv + 1, opts, &npos)) >= 0)
		return rc;
	if (from_s && (rc = cli_date(a, from_s, &from)))
		return rc;
	if (!strcmp(sub, "list")) {
		if (npos || min_s || max_s)
			return cli_usage_error(a, cmd, "target list takes only --from DATE (the day to show)");
		if ((rc = cli_open(a)))
			return rc;
		return list_targets(a, from);
	}
	if (strcmp(sub, "set") && strcmp(sub, "reset"))
		return cli_usage_error(a, cmd, "target: give list, set or reset");
	if (npos != 1)
		return cli_usage_error(a, cmd, "target %s: give one nutrient%s", sub,
		                       strcmp(sub, "reset") ? "" : " or all");
	if (!strcmp(sub, "set")) {
		if (!min_s && !max_s)
			return cli_usage_error(a, cmd, "target set: give --min, --max or both");
		if ((rc = find_measure(a, argv[2], &m)) ||
		    (min_s && (rc = parse_value(a, "--min", min_s, (enum nt_measure)m, &min))) ||
		    (max_s && (rc = parse_value(a, "--max", max_s, (enum nt_measure)m, &max))))
			return rc;
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_target_set(a->store, (enum nt_measure)m, from, min, max, &err)))
			return cli_fail(a, st, &err);
	} else {
		if (min_s || max_s)
			return cli_usage_error(a, cmd, "target reset takes only --from DATE");
		if (strcmp(argv[2], "all") && (rc = find_measure(a, argv[2], &m)))
			return rc;
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_target_reset(a->store, m, from, &err)))
			return cli_fail(a, st, &err);
	}
	nt_date_format(from, date);
	if (!strcmp(sub, "set"))
		printf("Set %s from %s.\n", nt_measure_name(m), date);
	else
		printf("Reset %s to the DRI targets and no limit from %s.\n",
		       m < 0 ? "every nutrient" : nt_measure_name(m), date);
	return list_targets(a, from);
}
