/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_profile.c - "profile": who the targets are for, and the targets. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "cli_format.h"
#include "profile.h"
#include "target.h"
#include "text.h"

static void
print_profile(struct app *a, const struct nt_profile *p, const struct nt_targets *t)
{
	static const struct {
		enum nt_measure m;
		const char *label;
	} rows[] = {
		{NT_B12, "Vitamin B12"},
		{NT_OMEGA3, "Omega-3 (ALA AI)"},
		{NT_EPA_DHA, "EPA+DHA"},
		{NT_POTASSIUM, "Potassium"},
	};

	if (p->is_set) {
		printf("Profile: %s, %g years, ", nt_sex_name(p->sex), p->age_y);
		if (p->stage != NT_STAGE_NONE)
			printf("%s, ", nt_stage_name(p->stage));
		printf("%s diet\n", nt_diet_name(p->diet));
	} else
		printf("No profile set: using adult female targets (19-50 years).\n"
		       "Set yours with: %s profile --sex female|male --age YEARS "
		       "[--stage ...] [--diet ...]\n", a->prog);
	printf("\nDaily targets:\n");
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		const struct nt_target *x = &t->t[rows[i].m];
		char val[48];

		printf("  ");
		cli_put_padded(stdout, rows[i].label, 18, false);
		if (!nt_known(x->value)) {
			printf("none for this age\n");
			continue;
		}
		snprintf(val, sizeof val, "%g %s", x->value, app_unit(a, nt_measure_unit(rows[i].m)));
		cli_put_padded(stdout, val, 10, false);
		printf("%-9s %s\n", x->type, x->source);
	}
}

int
cli_cmd_profile(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("profile");
	const char *sex = NULL, *age = NULL, *stage = NULL, *diet = NULL;
	struct cli_opt opts[] = {
		{"sex", 0, &sex, NULL},
		{"age", 0, &age, NULL},
		{"stage", 0, &stage, NULL},
		{"diet", 0, &diet, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_profile p;
	struct nt_targets t;
	struct nt_err err;
	enum nt_status st;
	int npos, rc, v;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "profile: unexpected argument '%s'", argv[1]);
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_profile_get(a->store, &p, &err)))
		return cli_fail(a, st, &err);
	if (sex || age || stage || diet) {
		if (sex) {
			if ((v = nt_sex_parse(sex)) < 0)
				return cli_error(a, "unknown sex '%.20s': use female or male", sex);
			p.sex = (enum nt_sex)v;
		}
		if (age && (!nt_text_to_double(age, &p.age_y) || p.age_y < 0 || p.age_y > NT_AGE_MAX))
			return cli_error(a, "invalid age '%.20s': give years from 0 to %d", age,
			                 NT_AGE_MAX);
		p.age_y += 0.0; /* "-0" is 0 years, not "-0 years" */
		if (stage) {
			if ((v = nt_stage_parse(stage)) < 0)
				return cli_error(a, "unknown stage '%.20s': use none, pregnant or lactating",
				                 stage);
			p.stage = (enum nt_stage)v;
		}
		if (diet) {
			if ((v = nt_diet_parse(diet)) < 0)
				return cli_error(a, "unknown diet '%.20s': use vegan, vegetarian or omnivore",
				                 diet);
			p.diet = (enum nt_diet)v;
		}
		/* Check the targets exist before storing, so a failure changes nothing. */
		if ((st = nt_profile_check(&p, &err)) || (st = nt_targets_for(a->store, &p, &t, &err)) ||
		    (st = nt_profile_set(a->store, &p, &err)))
			return cli_fail(a, st, &err);
		p.is_set = true;
	} else if ((st = nt_targets_for(a->store, &p, &t, &err))) {
		return cli_fail(a, st, &err);
	}
	print_profile(a, &p, &t);
	return CLI_OK;
}
