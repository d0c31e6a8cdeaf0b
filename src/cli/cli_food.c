/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_food.c - "search" and "food": finding foods and showing their values. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "diet.h"
#include "cli.h"
#include "cli_format.h"
#include "cli_json.h"
#include "food.h"
#include "profile.h"
#include "recipe.h"
#include "search.h"
#include "store.h"
#include "text.h"

/*
 * The key values of `grams` g of a food (its ALA an estimate when
 * ala_estimated); returns whether a shown value was marked estimated.
 */
static bool
print_key_values(const struct app *a, const double per100[NT_STORED_COUNT], double grams,
                 bool ala_estimated)
{
	struct nt_amounts v;

	nt_amounts_for(per100, grams, &v);
	nt_amounts_mark_estimated(&v, nt_estimated_bits(ala_estimated));
	cli_put_key_values(a, &v);
	return (v.estimated & (1u << NT_OMEGA3)) != 0;
}

/* The values search shows: the CSV's columns. */
static const enum nt_measure search_measures[] = {NT_B12, NT_OMEGA3, NT_POTASSIUM};
#define N_SEARCH_MEASURES (sizeof search_measures / sizeof *search_measures)

/*
 * One object: the query, the diet, counts and the foods with their values
 * per 100 g (null when unknown, or when imported without a weight) and per
 * portion.
 */
static void
search_json(const char *query, const char *diet_name, const struct nt_search_result *r)
{
	struct cli_json j;

	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_key_string(&j, "query", query);
	cli_json_key_string(&j, "diet", diet_name);
	cli_json_key_int(&j, "total", (long long)r->total);
	cli_json_key_bool(&j, "more", r->more);
	cli_json_key_bool(&j, "relaxed", r->relaxed);
	cli_json_key(&j, "foods");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < r->n; i++) {
		const struct nt_search_hit *h = &r->hits[i];
		struct nt_amounts v;
		char tags[64];

		cli_json_begin_object(&j);
		cli_json_key_string(&j, "id", h->ref);
		cli_json_key_string(&j, "name", h->name);
		cli_json_key_string(&j, "group", h->group);
		cli_json_key(&j, "breaks_diet");
		if (h->breaks && h->tags == NT_TAGS_UNKNOWN)
			cli_json_null(&j); /* its ingredients are not known */
		else
			cli_json_bool(&j, h->breaks != 0);
		nt_tags_format(h->breaks, tags, sizeof tags);
		cli_json_key_string(&j, "breaks_because",
		                    h->breaks && h->tags != NT_TAGS_UNKNOWN ? tags : NULL);
		nt_amounts_for(h->per100, 100, &v);
		nt_amounts_mark_estimated(&v, nt_estimated_bits(h->ala_estimated));
		if (h->basis) /* per 100 g: unknown for a food imported without a weight */
			nt_amounts_unknown(&v);
		cli_json_key(&j, "per_100g");
		cli_json_begin_object(&j);
		cli_json_amounts(&j, &v, search_measures, N_SEARCH_MEASURES, true);
		cli_json_end_object(&j);
		cli_json_key(&j, "portion");
		if (h->has_portion && !h->basis) {
			char portion[160];

			nt_portion_format(&h->portion, portion, sizeof portion);
			nt_amounts_for(h->per100, h->portion.grams, &v);
			nt_amounts_mark_estimated(&v, nt_estimated_bits(h->ala_estimated));
			cli_json_begin_object(&j);
			cli_json_key_string(&j, "portion", portion);
			cli_json_key_number(&j, "grams", h->portion.grams, -1);
			cli_json_amounts(&j, &v, search_measures, N_SEARCH_MEASURES, false);
			cli_json_end_object(&j);
		} else {
			cli_json_null(&j);
		}
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
}

int
cli_cmd_search(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("search");
	const char *limit_s = NULL, *diet_s = NULL;
	bool csv = false, json = false;
	struct cli_opt opts[] = {
		{"limit", 'n', &limit_s, NULL},
		{"csv", 0, NULL, &csv},
		{"json", 0, NULL, &json},
		{"diet", 0, &diet_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_search_opts sopts = {NT_SEARCH_DIET_PROFILE, false, true};
	struct nt_search_result r;
	const char *diet_name;
	struct nt_err err;
	enum nt_status st;
	char query[1024] = "";
	long limit = 10;
	int npos, rc;
	size_t o = 0;
	bool estimated = false;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (limit_s) {
		char *end;

		limit = strtol(limit_s, &end, 10);
		if (*end || end == limit_s || limit < 1 || limit > 1000)
			return cli_usage_error(a, cmd, "--limit must be a number from 1 to 1000");
	}
	if (diet_s && (sopts.diet = nt_diet_parse(diet_s)) < 0)
		return cli_usage_error(a, cmd, "--diet must be vegan, vegetarian or omnivore");
	if (csv && json)
		return cli_usage_error(a, cmd, "search: --csv and --json exclude each other");
	if (npos == 0)
		return cli_usage_error(a, cmd, "search: give some words, e.g. 'salmon'");
	for (int i = 1; i <= npos; i++)
		o += (size_t)snprintf(query + o, o < sizeof query ? sizeof query - o : 0, "%s%s",
		                      i > 1 ? " " : "", argv[i]);
	if (o >= sizeof query)
		return cli_error(a, "search words are too long");
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_search_with(a->store, query, &sopts, (size_t)limit, &r, &err)))
		return cli_fail(a, st, &err);
	if (sopts.diet == NT_SEARCH_DIET_PROFILE) {
		struct nt_profile p;

		if ((st = nt_profile_get(a->store, &p, &err))) {
			nt_search_result_fini(&r);
			return cli_fail(a, st, &err);
		}
		diet_name = nt_diet_name(p.diet);
	} else {
		diet_name = nt_diet_name((enum nt_diet)sopts.diet);
	}

	if (json) {
		search_json(query, diet_name, &r);
	} else if (csv) {
		static const char *const head[] = {"id", "name", "group", "b12_ug", "omega3_g",
		                                   "potassium_mg", "breaks_diet", "estimated"};

		for (size_t i = 0; i < 8; i++)
			cli_csv_field(stdout, head[i], i == 0);
		cli_csv_end(stdout);
		for (size_t i = 0; i < r.n; i++) {
			const struct nt_search_hit *h = &r.hits[i];
			struct nt_amounts v;
			char b12[32], o3[32], k[32], tags[64];

			nt_amounts_for(h->per100, 100, &v);
			if (h->basis) /* per 100 g: unknown for a food imported without a weight */
				nt_amounts_unknown(&v);
			cli_fmt_exact(b12, sizeof b12, v.v[NT_B12]);
			cli_fmt_exact(o3, sizeof o3, v.v[NT_OMEGA3]);
			cli_fmt_exact(k, sizeof k, v.v[NT_POTASSIUM]);
			cli_csv_field(stdout, h->ref, true);
			cli_csv_field(stdout, h->name, false);
			cli_csv_field(stdout, h->group, false);
			cli_csv_field(stdout, b12, false);
			cli_csv_field(stdout, o3, false);
			cli_csv_field(stdout, k, false);
			nt_tags_format(h->breaks, tags, sizeof tags);
			cli_csv_field(stdout, !h->breaks ? "" : h->tags == NT_TAGS_UNKNOWN ? "unknown" : tags,
			              false);
			/* the value columns that are estimates, as JSON's "estimated" */
			nt_amounts_mark_estimated(&v, nt_estimated_bits(h->ala_estimated));
			cli_csv_field(stdout, v.estimated & (1u << NT_OMEGA3) ? "omega3_g" : "", false);
			cli_csv_end(stdout);
		}
	} else {
		for (size_t i = 0; i < r.n; i++) {
			const struct nt_search_hit *h = &r.hits[i];
			char name[512], portion[160], tags[64];

			cli_fmt_name(name, sizeof name, h->name);
			if (h->breaks && h->tags == NT_TAGS_UNKNOWN) {
				printf("%-16s %s  [%s? ingredients not known]\n", h->ref, name, diet_name);
			} else if (h->breaks) {
				nt_tags_format(h->breaks, tags, sizeof tags);
				printf("%-16s %s  [not %s: %s]\n", h->ref, name, diet_name, tags);
			} else {
				printf("%-16s %s\n", h->ref, name);
			}
			if (h->basis) { /* imported without a weight: per 100 g is unknown */
				cli_fmt_name(name, sizeof name, h->basis);
				printf("%-16s ", "");
				estimated |= print_key_values(a, h->per100, NT_FOOD_BASIS_GRAMS,
				                              h->ala_estimated);
				printf(" per 1 %s (weight unknown)\n", name);
				continue;
			}
			printf("%-16s ", "");
			estimated |= print_key_values(a, h->per100, 100, h->ala_estimated);
			printf(" per 100 g\n");
			if (h->has_portion) {
				nt_portion_format(&h->portion, portion, sizeof portion);
				cli_fmt_name(name, sizeof name, portion);
				printf("%-16s ", "");
				estimated |= print_key_values(a, h->per100, h->portion.grams,
				                              h->ala_estimated);
				printf(" per %s\n", name);
			}
			if (nt_food_dated(h->ref, h->per100))
				printf("%-16s %s\n", "", NT_FOOD_DATED_NOTE);
		}
		if (estimated)
			puts(CLI_ESTIMATE_LEGEND);
		if (r.relaxed)
			printf("No food has all the words; these have all but one.\n");
		if (r.more)
			printf("%zu of more than %zu matching foods shown; more words narrow the "
			       "search.\n", r.n, r.total);
		else if (r.total > r.n)
			printf("%zu of %zu matching foods shown; --limit N shows more.\n", r.n,
			       r.total);
	}
	rc = r.total ? CLI_OK : cli_error(a, "no food matches '%s'", query);
	nt_search_result_fini(&r);
	return rc;
}

/* The measures food shows, in order: every one (new ones are appended). */
static const enum nt_measure food_order[] = {
	NT_ENERGY, NT_PROTEIN, NT_B12, NT_B12_ADDED, NT_ALA, NT_EPA, NT_DHA, NT_DPA,
	NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM, NT_FOLATE, NT_FOLIC_ACID, NT_FOOD_FOLATE, NT_B6,
};
#define N_FOOD_ORDER (sizeof food_order / sizeof *food_order)
_Static_assert(N_FOOD_ORDER == NT_MEASURE_COUNT, "food shows every measure of nutrient.h");

/*
 * One object: the food, its values per 100 g (all null when imported
 * without a weight; then per_unit has them for one unit) and its portions.
 */
static int
food_json(struct app *a, const struct nt_food *f)
{
	struct nt_amounts v;
	struct nt_err err;
	enum nt_status st;
	struct cli_json j;
	char current[64] = "";

	if (f->current_id) {
		struct nt_food *c;

		if ((st = nt_food_get(a->store, f->current_id, &c, &err)))
			return cli_fail(a, st, &err);
		snprintf(current, sizeof current, "%s", c->ref);
		nt_food_free(c);
	}
	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_key_string(&j, "id", f->ref);
	cli_json_key_string(&j, "name", f->name);
	cli_json_key_string(&j, "group", f->group);
	cli_json_key_string(&j, "current_values_id", f->current_id ? current : NULL);
	cli_json_key_bool(&j, "dated", nt_food_dated(f->ref, f->per100));
	cli_json_key_bool(&j, "ala_estimated", f->ala_estimated);
	nt_amounts_for(f->per100, 100, &v);
	nt_amounts_mark_estimated(&v, nt_estimated_bits(f->ala_estimated));
	if (f->basis)
		nt_amounts_unknown(&v);
	cli_json_key(&j, "per_100g");
	cli_json_begin_object(&j);
	cli_json_amounts(&j, &v, food_order, N_FOOD_ORDER, true);
	cli_json_end_object(&j);
	cli_json_key(&j, "per_unit");
	if (f->basis) {
		nt_amounts_for(f->per100, NT_FOOD_BASIS_GRAMS, &v);
		nt_amounts_mark_estimated(&v, nt_estimated_bits(f->ala_estimated));
		cli_json_begin_object(&j);
		cli_json_key_string(&j, "unit", f->basis);
		cli_json_amounts(&j, &v, food_order, N_FOOD_ORDER, true);
		cli_json_end_object(&j);
	} else {
		cli_json_null(&j);
	}
	cli_json_key(&j, "portions");
	cli_json_begin_array(&j);
	for (size_t i = 0; i < f->n_portions; i++) {
		char p[200];

		nt_portion_format(&f->portions[i], p, sizeof p);
		cli_json_begin_object(&j);
		cli_json_key_string(&j, "portion", p);
		cli_json_key_number(&j, "grams", f->portions[i].grams, -1);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
	return CLI_OK;
}

/* Prints one food: its values per 100 g and its portions, as text, CSV or JSON. */
static int
show_food(struct app *a, long long id, bool csv, bool json)
{
	const enum nt_measure *order = food_order;
	struct nt_food *f;
	struct nt_amounts v;
	struct nt_err err;
	enum nt_status st;

	if ((st = nt_food_get(a->store, id, &f, &err)))
		return cli_fail(a, st, &err);
	if (json) {
		int rc = food_json(a, f);

		nt_food_free(f);
		return rc;
	}
	nt_amounts_for(f->per100, 100, &v);
	if (f->basis && csv) /* imported without a weight: per 100 g is unknown */
		nt_amounts_unknown(&v);
	else if (f->basis)
		nt_amounts_for(f->per100, NT_FOOD_BASIS_GRAMS, &v);
	nt_amounts_mark_estimated(&v, nt_estimated_bits(f->ala_estimated));

	if (csv) {
		cli_csv_field(stdout, "nutrient", true);
		cli_csv_field(stdout, "unit", false);
		cli_csv_field(stdout, "per_100g", false);
		cli_csv_field(stdout, "estimated", false);
		cli_csv_end(stdout);
		for (size_t i = 0; i < N_FOOD_ORDER; i++) {
			char num[48];

			cli_fmt_exact(num, sizeof num, v.v[order[i]]);
			cli_csv_field(stdout, nt_measure_name(order[i]), true);
			cli_csv_field(stdout, nt_measure_unit(order[i]), false);
			cli_csv_field(stdout, num, false);
			cli_csv_field(stdout, v.estimated & (1u << order[i]) ? "yes" : "no", false);
			cli_csv_end(stdout);
		}
	} else {
		char name[512], group[256];
		bool any_partial = false, any_unknown = false, any_estimated = false;

		cli_fmt_name(name, sizeof name, f->name);
		cli_fmt_name(group, sizeof group, f->group);
		printf("%s\n%s  %s\n", name, f->ref, group);
		if (nt_food_dated(f->ref, f->per100))
			printf("%s.\n", NT_FOOD_DATED_NOTE);
		if (f->current_id) {
			struct nt_food *c;

			if ((st = nt_food_get(a->store, f->current_id, &c, &err))) {
				nt_food_free(f);
				return cli_fail(a, st, &err);
			}
			cli_fmt_name(name, sizeof name, c->name);
			printf("Current values: %s %s (FNDDS 2021-2023); suggestions, plans and top "
			       "use it.\n", c->ref, name);
			nt_food_free(c);
		}
		if (f->basis) {
			char basis[256];

			cli_fmt_name(basis, sizeof basis, f->basis);
			printf("\nPer 1 %s, as the export gave it (no weight: per 100 g unknown):\n",
			       basis);
		} else {
			printf("\nPer 100 g:\n");
		}
		for (size_t i = 0; i < N_FOOD_ORDER; i++) {
			enum nt_measure m = order[i];
			bool partial = v.partial & (1u << m);
			bool est = v.estimated & (1u << m);
			char num[48];

			cli_fmt_exact(num, sizeof num, v.v[m]);
			printf("  ");
			cli_put_padded(stdout, nt_measure_label(m), 27, false);
			if (nt_known(v.v[m])) {
				printf(" %s%s %s%s", est ? CLI_ESTIMATE_MARK : "", num,
				       app_unit(a, nt_measure_unit(m)), partial ? "*" : "");
				if (m == NT_ALA && f->ala_estimated)
					printf("  (estimated from %s)", nt_food_ala_basis(f));
			} else {
				printf(" ?");
				any_unknown = true;
			}
			any_partial |= partial;
			any_estimated |= est;
			putchar('\n');
		}
		if (any_unknown)
			printf("  ? not measured by the source (unknown, not zero)\n");
		if (any_partial)
			printf("  * partial: a component is unknown\n");
		if (any_estimated)
			printf("  %s\n", CLI_ESTIMATE_LEGEND);
		printf("\nPortions:\n");
		if (f->basis) {
			cli_fmt_name(name, sizeof name, f->basis);
			printf("  none; log it in its unit, e.g. '1 %s'\n", name);
		} else if (!f->n_portions) {
			printf("  none; log it by weight (g, oz)\n");
		}
		for (size_t i = 0; i < f->n_portions; i++) {
			char p[200];

			nt_portion_format(&f->portions[i], p, sizeof p);
			cli_fmt_name(name, sizeof name, p);
			printf("  %s\n", name);
		}
	}
	nt_food_free(f);
	return CLI_OK;
}

int
cli_cmd_food(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("food");
	bool csv = false, json = false;
	struct cli_opt opts[] = {{"csv", 0, NULL, &csv}, {"json", 0, NULL, &json},
	                         {NULL, 0, NULL, NULL}};
	struct nt_err err;
	enum nt_status st;
	long long id;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "food: give one food id, e.g. sr28:15076");
	if (csv && json)
		return cli_usage_error(a, cmd, "food: --csv and --json exclude each other");
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_food_resolve(a->store, argv[1], &id, &err)))
		return cli_fail(a, st, &err);
	return show_food(a, id, csv, json);
}

static void
list_one(void *ctx, const char *ref, const char *name)
{
	char safe[512];

	(void)ctx;
	cli_fmt_name(safe, sizeof safe, name);
	printf("%-12s %s\n", ref, safe);
}

/* Reads tag names ("dairy egg", "none"), reporting a bad one. */
static int
parse_tags(const struct app *a, const char *text, unsigned *tags)
{
	char bad[32];

	if (!nt_tags_parse(text, tags, bad, sizeof bad))
		return cli_error(a, "unknown tag '%s': use meat, fish, shellfish, dairy, egg, honey "
		                 "or none", bad);
	return 0;
}

/* nutrack foods tag FOOD [TAGS...] and nutrack foods untag FOOD */
static int
foods_tag(struct app *a, const struct cli_command *cmd, int argc, char **argv, bool untag)
{
	char tagtext[256] = "", shown[96];
	struct nt_err err;
	enum nt_status st;
	long long id;
	unsigned tags = 0;
	bool corrected;
	size_t o = 0;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, NULL, &npos)) >= 0)
		return rc;
	if (npos < 1 || (untag && npos != 1))
		return cli_usage_error(a, cmd, "foods %s: give a food id", untag ? "untag" : "tag");
	for (int i = 2; i <= npos; i++)
		o += (size_t)snprintf(tagtext + o, o < sizeof tagtext ? sizeof tagtext - o : 0,
		                      "%s ", argv[i]);
	if (npos > 1 && (rc = parse_tags(a, tagtext, &tags)))
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_food_resolve(a->store, argv[1], &id, &err)))
		return cli_fail(a, st, &err);
	/* the food and the recipes made with it, in one core call */
	if ((untag || npos > 1) && (st = nt_recipe_tag_food(a->store, id, untag, tags, &err)))
		return cli_fail(a, st, &err);
	if ((st = nt_food_tags(a->store, id, &tags, &corrected, &err)))
		return cli_fail(a, st, &err);
	nt_tags_format(tags, shown, sizeof shown);
	printf("%s contains: %s (%s)\n", argv[1], shown,
	       corrected                                   ? "your correction"
	       : !strncasecmp(argv[1], "recipe:", 7)       ? "from its ingredients"
	       : !strncasecmp(argv[1], "custom:", 7)       ? "as the food was added"
	                                                   : "from the bundled data");
	return CLI_OK;
}

/* nutrack foods add NAME [--NUTRIENT VALUE...] [--serving GRAMS [--unit NAME]] */
static int
foods_add(struct app *a, const struct cli_command *cmd, int argc, char **argv)
{
	static const struct {
		const char *opt;
		enum nt_measure m;
	} vals[] = {
		{"energy", NT_ENERGY}, {"protein", NT_PROTEIN}, {"b12", NT_B12},
		{"b12-added", NT_B12_ADDED}, {"ala", NT_ALA}, {"epa", NT_EPA},
		{"dha", NT_DHA}, {"dpa", NT_DPA}, {"potassium", NT_POTASSIUM},
	};
	enum { NV = sizeof vals / sizeof *vals };
	const char *text[NV] = {NULL}, *serving_s = NULL, *unit = NULL, *contains = NULL;
	struct cli_opt opts[NV + 5];
	bool supplement = false;
	unsigned tags = 0;
	double per100[NT_STORED_COUNT], serving = 100;
	struct nt_err err;
	enum nt_status st;
	long long id;
	int npos, rc;

	for (size_t i = 0; i < NV; i++)
		opts[i] = (struct cli_opt){vals[i].opt, 0, &text[i], NULL};
	opts[NV] = (struct cli_opt){"serving", 0, &serving_s, NULL};
	opts[NV + 1] = (struct cli_opt){"unit", 0, &unit, NULL};
	opts[NV + 2] = (struct cli_opt){"contains", 0, &contains, NULL};
	opts[NV + 3] = (struct cli_opt){"supplement", 0, NULL, &supplement};
	opts[NV + 4] = (struct cli_opt){NULL, 0, NULL, NULL};
	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "foods add: give the food's name (quote it)");
	/* at least 1 mg: a lighter serving could not be logged, and its values per
	 * 100 g would overflow */
	if (serving_s && (!nt_text_to_double(serving_s, &serving) || serving < 0.001 ||
	                  serving > NT_AMOUNT_MAX_GRAMS))
		return cli_error(a, "invalid --serving '%.20s': give its weight in grams, "
		                 "from 0.001 to %.0f", serving_s, NT_AMOUNT_MAX_GRAMS);
	if (unit && !serving_s)
		return cli_usage_error(a, cmd, "foods add: --unit needs --serving GRAMS");
	if (unit && !nt_text_name_ok(unit, NT_UNIT_MAX))
		return cli_error(a, "invalid --unit: give a name of 1-60 bytes of UTF-8 text "
		                 "without control characters, not blanks only");
	if (contains && (rc = parse_tags(a, contains, &tags)))
		return rc;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = NT_UNKNOWN;
	for (size_t i = 0; i < NV; i++) {
		double v;

		if (!text[i])
			continue;
		if (!nt_text_to_double(text[i], &v) || v < 0 || v > 1e6)
			return cli_error(a, "invalid --%s '%.20s': give a number from 0 to 1000000",
			                 vals[i].opt, text[i]);
		v += 0.0; /* -0 is 0 */
		/* Values are per serving when --serving is given; store per 100 g. */
		per100[vals[i].m] = v * 100.0 / serving;
	}
	if ((rc = cli_open(a)))
		return rc;
	/* the food, its tags and its group: one core call, all or nothing */
	if ((st = nt_food_add_custom_tagged(a->store, argv[1], per100,
	                                    serving_s ? (unit ? unit : "serving") : NULL, 1,
	                                    serving, tags, supplement, &id, &err)))
		return cli_fail(a, st, &err);
	printf("Added ");
	return show_food(a, id, false, false);
}

int
cli_cmd_foods(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("foods");
	struct nt_err err;
	enum nt_status st;
	int rc;

	if (argc < 2)
		return cli_usage_error(a, cmd, "foods: give a subcommand: add, list, tag, untag, "
		                       "export or import");
	if (!strcmp(argv[1], "add"))
		return foods_add(a, cmd, argc - 1, argv + 1);
	if (!strcmp(argv[1], "export"))
		return cli_foods_export(a, argc - 1, argv + 1);
	if (!strcmp(argv[1], "import"))
		return cli_foods_import(a, argc - 1, argv + 1);
	if (!strcmp(argv[1], "tag") || !strcmp(argv[1], "untag"))
		return foods_tag(a, cmd, argc - 1, argv + 1, argv[1][0] == 'u');
	if (!strcmp(argv[1], "list")) {
		if (argc > 2)
			return cli_usage_error(a, cmd, "foods list takes no arguments");
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_food_each(a->store, "custom", list_one, NULL, &err)))
			return cli_fail(a, st, &err);
		return CLI_OK;
	}
	return cli_usage_error(a, cmd, "foods: unknown subcommand '%s'", argv[1]);
}

static void
print_exclusion(void *ctx, long long id, enum nt_exclusion_kind kind, const char *what)
{
	static const char *const kinds[] = {"food", "group", "word"};
	char safe[512];

	(void)ctx;
	cli_fmt_name(safe, sizeof safe, what);
	printf("%3lld  %-5s  %s\n", id, kinds[kind], safe);
}

/* nutrack exclude add (FOOD | --group GROUP | --word WORD) | list | rm N */
int
cli_cmd_exclude(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("exclude");
	const char *group = NULL, *word = NULL;
	struct cli_opt opts[] = {
		{"group", 0, &group, NULL},
		{"word", 0, &word, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct nt_err err;
	enum nt_status st;
	long long id;
	int npos, rc;

	if (argc < 2)
		return cli_usage_error(a, cmd, "exclude: give a subcommand: add, list or rm");
	if ((rc = cli_parse(a, cmd, argc - 1, argv + 1, opts, &npos)) >= 0)
		return rc;
	if (!strcmp(argv[1], "list")) {
		if (npos || group || word)
			return cli_usage_error(a, cmd, "exclude list takes no arguments");
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_exclusion_each(a->store, print_exclusion, NULL, &err)))
			return cli_fail(a, st, &err);
		return CLI_OK;
	}
	if (!strcmp(argv[1], "rm")) {
		if (npos != 1 || group || word)
			return cli_usage_error(a, cmd, "exclude rm: give an exclusion's number");
		if ((rc = cli_row_id(a, argv[2], "an exclusion number (see 'nutrack exclude list')",
		                      &id)) || (rc = cli_open(a)))
			return rc;
		if ((st = nt_exclusion_remove(a->store, id, &err)))
			return cli_fail(a, st, &err);
		printf("Exclusion %lld removed.\n", id);
		return CLI_OK;
	}
	if (strcmp(argv[1], "add"))
		return cli_usage_error(a, cmd, "exclude: unknown subcommand '%s'", argv[1]);
	if ((npos == 1) + !!group + !!word != 1)
		return cli_usage_error(a, cmd, "exclude add: give one food id, --group or --word");
	if ((rc = cli_open(a)))
		return rc;
	if (npos == 1) {
		if ((st = nt_food_resolve(a->store, argv[2], &id, &err)) ||
		    (st = nt_exclusion_add(a->store, NT_EXCLUDE_FOOD, id, NULL, &id, &err)))
			return cli_fail(a, st, &err);
	} else if ((st = nt_exclusion_add(a->store, group ? NT_EXCLUDE_GROUP : NT_EXCLUDE_WORD, 0,
	                                  group ? group : word, &id, &err))) {
		return cli_fail(a, st, &err);
	}
	printf("Excluded (%lld): suggestions will leave it out.\n", id);
	return CLI_OK;
}
