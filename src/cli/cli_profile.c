/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_profile.c - "profile": who the targets are for, and the targets. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_format.h"
#include "cli_json.h"
#include "date.h"
#include "energy.h"
#include "profile.h"
#include "target.h"
#include "text.h"

/*
 * The second group of the nutrient table (folate, folic acid, B6): each
 * target, then its upper limit, the DRI's UL or the user's.
 */
static void
print_more_targets(const struct app *a, const struct nt_targets *t)
{
	enum nt_measure more[NT_MEASURE_COUNT];
	size_t n = nt_measures_shown(NT_SHOW_MORE, more);
	char val[48];

	for (size_t i = 0; i < n; i++) {
		const struct nt_target *x = &t->t[more[i]];
		const char *unit = app_unit(a, nt_measure_unit(more[i]));

		if (!nt_known(x->value) && !nt_known(x->limit))
			continue;
		printf("  ");
		cli_put_padded(stdout, nt_measure_label(more[i]), 18, false);
		if (nt_known(x->value)) {
			snprintf(val, sizeof val, "%g %s", x->value, unit);
			cli_put_padded(stdout, val, 10, false);
			printf("%-9s %s", x->type, x->source);
		} else {
			printf("no target");
		}
		if (nt_known(x->limit))
			printf("%slimit %g %s (%s)", nt_known(x->value) ? "; " : ", ", x->limit, unit,
			       x->dri_limit ? "UL" : "set by you");
		printf("\n");
	}
}

/* "Body: 163 cm and 57 kg (...), low active (...)": what the energy requirement is for. */
static void
print_body(const struct nt_profile *p, const struct nt_body *b)
{
	printf("Body: %g cm, %g kg", b->height_cm, b->weight_kg);
	if (b->height_default && b->weight_default)
		printf(" (IOM reference for %s; set --height and --weight)", b->reference);
	else if (b->height_default)
		printf(" (height: IOM reference for %s; set --height)", b->reference);
	else if (b->weight_default)
		printf(" (weight: IOM reference for %s; set --weight)", b->reference);
	printf(", %s%s", b->activity == NT_ACTIVITY_LOW ? "low active" :
	       b->activity == NT_ACTIVITY_VERY ? "very active" : nt_activity_name(b->activity),
	       b->activity_default ? " (the default; set --activity)" : "");
	printf("\n");
	if (nt_energy_stage_note(p))
		printf("Energy in %s.\n", nt_energy_stage_note(p));
}

static void
print_profile(struct app *a, const struct nt_profile *p, const struct nt_targets *t,
              const struct nt_target *protein)
{
	struct nt_body b;
	char val[48];
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
	nt_energy_body(p, &b);
	print_body(p, &b);
	printf("\nDaily targets:\n");
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		const struct nt_target *x = &t->t[rows[i].m];

		printf("  ");
		cli_put_padded(stdout, rows[i].label, 18, false);
		if (!nt_known(x->value) && x->user_limit) {
			printf("limit %g %s set by you (no target)\n", x->limit,
			       app_unit(a, nt_measure_unit(rows[i].m)));
			continue;
		}
		if (!nt_known(x->value)) {
			printf("none for this age\n");
			continue;
		}
		snprintf(val, sizeof val, "%g %s", x->value, app_unit(a, nt_measure_unit(rows[i].m)));
		cli_put_padded(stdout, val, 10, false);
		printf("%-9s %s", x->type, x->source);
		if (x->user_limit)
			printf("; limit %g %s set by you", x->limit,
			       app_unit(a, nt_measure_unit(rows[i].m)));
		printf("\n");
	}
	/* what plans are made for, beside the targets tracked every day */
	if (nt_known(protein->value)) {
		printf("  ");
		cli_put_padded(stdout, "Protein", 18, false);
		snprintf(val, sizeof val, "%g g", protein->value);
		cli_put_padded(stdout, val, 10, false);
		printf("%-9s %s\n", protein->type, protein->source);
	}
	printf("  ");
	cli_put_padded(stdout, "Energy", 18, false);
	snprintf(val, sizeof val, "%.0f kcal", nt_energy_eer(p, &b));
	cli_put_padded(stdout, val, 10, false);
	printf("%-9s %s\n", "EER", "IOM 2005 equation for age, sex, height, weight and activity");
	print_more_targets(a, t);
}

/* "Profile history:" a line per version, the one shown marked. */
static void
print_history(const struct nt_profile_history *h, long shown)
{
	printf("\nProfile history (each applies from its day until the next):\n");
	for (size_t i = 0; i < h->n; i++) {
		const struct nt_profile *q = &h->v[i].profile;
		char d[NT_DATE_LEN];

		if (h->v[i].from == NT_PROFILE_ALWAYS)
			snprintf(d, sizeof d, "first");
		else
			nt_date_format(h->v[i].from, d);
		printf("  %s %-10s  %s, %g years, ", h->v[i].from == shown ? "*" : " ", d,
		       nt_sex_name(q->sex), q->age_y);
		if (q->stage != NT_STAGE_NONE)
			printf("%s, ", nt_stage_name(q->stage));
		printf("%s diet\n", nt_diet_name(q->diet));
	}
}

/* One target of the JSON's list (value null when there is none for the profile). */
static void
target_json(struct cli_json *j, enum nt_measure m, double value, const char *type,
            const char *source, double limit, bool user)
{
	cli_json_begin_object(j);
	cli_json_key_string(j, "nutrient", nt_measure_name(m));
	cli_json_key_string(j, "unit", nt_measure_unit(m));
	cli_json_key_number(j, "value", value, m == NT_ENERGY ? 0 : -1);
	cli_json_key_string(j, "type", nt_known(value) ? type : NULL);
	cli_json_key_string(j, "source", nt_known(value) ? source : NULL);
	cli_json_key_number(j, "limit", limit, -1);
	cli_json_key_bool(j, "set_by_you", user);
	cli_json_end_object(j);
}

/*
 * One object: the profile (is_set false: the adult female defaults), the
 * body the energy requirement is for, the targets as the text lists them
 * (with the user's limits), the day the profile applies from (null: from
 * the beginning) and every version (history).
 */
static void
profile_json(const struct nt_profile *p, const struct nt_targets *t,
             const struct nt_target *protein, long from, const struct nt_profile_history *h)
{
	static const enum nt_measure tracked[] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM};
	struct nt_body b;
	struct cli_json j;

	nt_energy_body(p, &b);
	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_key_bool(&j, "is_set", p->is_set);
	cli_json_key_string(&j, "sex", nt_sex_name(p->sex));
	cli_json_key_number(&j, "age_years", p->age_y, -1);
	cli_json_key_string(&j, "stage", nt_stage_name(p->stage));
	cli_json_key_string(&j, "diet", nt_diet_name(p->diet));
	cli_json_key_number(&j, "height_cm", b.height_cm, -1);
	cli_json_key_bool(&j, "height_default", b.height_default);
	cli_json_key_number(&j, "weight_kg", b.weight_kg, -1);
	cli_json_key_bool(&j, "weight_default", b.weight_default);
	cli_json_key_string(&j, "activity", nt_activity_name(b.activity));
	cli_json_key_bool(&j, "activity_default", b.activity_default);
	cli_json_key(&j, "targets");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < sizeof tracked / sizeof *tracked; i++) {
		const struct nt_target *x = &t->t[tracked[i]];

		target_json(&j, tracked[i], x->value, x->type, x->source, x->limit,
		            x->user_value || x->user_limit);
	}
	target_json(&j, NT_PROTEIN, protein->value, protein->type, protein->source, NAN, false);
	target_json(&j, NT_ENERGY, nt_energy_eer(p, &b), "EER",
	            "IOM 2005 equation for age, sex, height, weight and activity", NAN, false);
	{
		enum nt_measure more[NT_MEASURE_COUNT];
		size_t n = nt_measures_shown(NT_SHOW_MORE, more);

		for (size_t i = 0; i < n; i++) { /* appended: folate, folic acid, B6 */
			const struct nt_target *x = &t->t[more[i]];

			target_json(&j, more[i], x->value, x->type, x->source, x->limit,
			            x->user_value || x->user_limit);
		}
	}
	cli_json_end_array(&j);
	cli_json_key(&j, "from");
	if (from == NT_PROFILE_ALWAYS) {
		cli_json_null(&j);
	} else {
		char d[NT_DATE_LEN];

		nt_date_format(from, d);
		cli_json_string(&j, d);
	}
	cli_json_key(&j, "history");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < h->n; i++) {
		const struct nt_profile *q = &h->v[i].profile;

		cli_json_begin_object(&j);
		cli_json_key(&j, "from");
		if (h->v[i].from == NT_PROFILE_ALWAYS) {
			cli_json_null(&j);
		} else {
			char d[NT_DATE_LEN];

			nt_date_format(h->v[i].from, d);
			cli_json_string(&j, d);
		}
		cli_json_key_string(&j, "sex", nt_sex_name(q->sex));
		cli_json_key_number(&j, "age_years", q->age_y, -1);
		cli_json_key_string(&j, "stage", nt_stage_name(q->stage));
		cli_json_key_string(&j, "diet", nt_diet_name(q->diet));
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
}

/* A height or weight option: a number in range, or "default" (0). */
static int
body_value(struct app *a, const char *opt, const char *text, double lo, double hi,
           const char *unit, double *out)
{
	if (!strcmp(text, "default")) {
		*out = 0;
		return CLI_OK;
	}
	if (!nt_text_to_double(text, out) || !(*out >= lo && *out <= hi))
		return cli_error(a, "invalid %s '%.20s': give %g to %g %s, or default", opt, text, lo,
		                 hi, unit);
	return CLI_OK;
}

int
cli_cmd_profile(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("profile");
	const char *sex = NULL, *age = NULL, *stage = NULL, *diet = NULL, *height = NULL,
		   *weight = NULL, *activity = NULL, *from_s = NULL;
	bool json = false;
	struct cli_opt opts[] = {
		{"sex", 0, &sex, NULL},
		{"age", 0, &age, NULL},
		{"stage", 0, &stage, NULL},
		{"diet", 0, &diet, NULL},
		{"height", 0, &height, NULL},
		{"weight", 0, &weight, NULL},
		{"activity", 0, &activity, NULL},
		{"from", 0, &from_s, NULL},
		{"json", 0, NULL, &json},
		{NULL, 0, NULL, NULL},
	};
	struct nt_profile p;
	struct nt_targets t;
	struct nt_target protein = {.value = NAN, .limit = NAN, .dri = NAN};
	struct nt_profile_history h = {NULL, 0};
	struct nt_err err;
	enum nt_status st;
	long from = a->today, vfrom;
	int npos, rc, v;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "profile: unexpected argument '%s'", argv[1]);
	if (from_s && (rc = cli_date(a, from_s, &from)))
		return rc;
	if (from_s && !(sex || age || stage || diet || height || weight || activity))
		return cli_usage_error(a, cmd, "profile: --from goes with a change (--sex, --age, "
		                       "--stage, ...)");
	if ((rc = cli_open(a)))
		return rc;
	/* a change starts from the profile in force on its day */
	if ((st = nt_profile_on(a->store, from, &p, &vfrom, &err)))
		return cli_fail(a, st, &err);
	if (sex || age || stage || diet || height || weight || activity) {
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
		if (height && (rc = body_value(a, "height", height, NT_HEIGHT_MIN_CM, NT_HEIGHT_MAX_CM,
		                               "cm", &p.height_cm)))
			return rc;
		if (weight && (rc = body_value(a, "weight", weight, NT_WEIGHT_MIN_KG, NT_WEIGHT_MAX_KG,
		                               "kg", &p.weight_kg)))
			return rc;
		if (activity) {
			if (!strcmp(activity, "default"))
				v = NT_ACTIVITY_DEFAULT;
			else if ((v = nt_activity_parse(activity)) < 0)
				return cli_error(a, "unknown activity level '%.20s': use sedentary, low, "
				                 "active, very or default", activity);
			p.activity = (enum nt_activity)v;
		}
		/* Check the targets exist before storing, so a failure changes nothing. */
		if ((st = nt_profile_check(&p, &err)) || (st = nt_targets_for(a->store, &p, &t, &err)) ||
		    (st = nt_profile_set(a->store, &p, from, &err)))
			return cli_fail(a, st, &err);
	}
	if ((st = nt_profile_on(a->store, from, &p, &vfrom, &err)) ||
	    (st = nt_targets_on(a->store, from, &t, NULL, &err)) ||
	    (st = nt_profile_history(a->store, &h, &err)))
		return cli_fail(a, st, &err);
	if ((st = nt_target_protein(a->store, &p, &protein, &err)) && st != NT_ERR_NOTFOUND) {
		nt_profile_history_fini(&h);
		return cli_fail(a, st, &err);
	}
	if (json) {
		profile_json(&p, &t, &protein, vfrom, &h);
	} else {
		if (from_s) {
			char d[NT_DATE_LEN];

			nt_date_format(vfrom, d);
			if (vfrom == NT_PROFILE_ALWAYS)
				printf("This profile applies to every day (it is the first one set).\n");
			else
				printf("This profile applies from %s; the days before keep theirs.\n", d);
		}
		print_profile(a, &p, &t, &protein);
		if (h.n > 1)
			print_history(&h, vfrom);
	}
	nt_profile_history_fini(&h);
	return CLI_OK;
}
