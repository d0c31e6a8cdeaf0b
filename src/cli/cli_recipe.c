/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_recipe.c - "recipe": recipes and saved meals. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_format.h"
#include "food.h"
#include "journal.h"
#include "pick.h"
#include "recipe.h"
#include "text.h"

/* Resolves RECIPE (recipe:N or N) to a recipe's food id. */
static int
recipe_id(struct app *a, const char *text, long long *id)
{
	char ref[48];
	struct nt_err err;
	enum nt_status st;

	if (strchr(text, ':'))
		snprintf(ref, sizeof ref, "%.40s", text);
	else
		snprintf(ref, sizeof ref, "recipe:%.40s", text);
	if ((st = nt_food_resolve(a->store, ref, id, &err)) ||
	    (st = nt_recipe_check(a->store, *id, &err)))
		return cli_fail(a, st, &err);
	return 0;
}

static int
show(struct app *a, long long id)
{
	struct nt_recipe r;
	struct nt_food *f;
	struct nt_amounts v;
	struct nt_err err;
	enum nt_status st;
	char name[512], grams[32];

	if ((st = nt_recipe_get(a->store, id, &r, &err)))
		return cli_fail(a, st, &err);
	if ((st = nt_food_get(a->store, id, &f, &err))) {
		nt_recipe_fini(&r);
		return cli_fail(a, st, &err);
	}
	cli_fmt_name(name, sizeof name, f->name);
	cli_fmt_grams(grams, sizeof grams, r.total_mg);
	printf("%s (%s): %s in all, %g %s\n", name, f->ref, grams, r.servings,
	       r.servings == 1 ? "serving" : "servings");
	if (!r.n)
		printf("  no ingredients yet: nutrack recipe add %s FOOD AMOUNT\n", f->ref);
	for (size_t i = 0; i < r.n; i++) {
		char iname[512], amount[256];

		cli_fmt_name(iname, sizeof iname, r.items[i].name);
		cli_fmt_name(amount, sizeof amount, r.items[i].amount);
		cli_fmt_grams(grams, sizeof grams, r.items[i].mg);
		printf("  %3lld  %s %s (%s) = %s\n", r.items[i].id, amount, iname, r.items[i].ref,
		       grams);
	}
	if (r.n) {
		nt_amounts_for(f->per100, (double)r.total_mg / 1000.0 / r.servings, &v);
		nt_amounts_mark_partial(&v, f->partial);
		nt_amounts_mark_estimated(&v, nt_estimated_bits(f->ala_estimated));
		printf("  one serving: ");
		cli_put_key_values(a, &v);
		printf("\n");
	}
	nt_food_free(f);
	nt_recipe_fini(&r);
	return CLI_OK;
}

static void
list_one(void *ctx, const char *ref, const char *name)
{
	char safe[512];

	(void)ctx;
	cli_fmt_name(safe, sizeof safe, name);
	printf("%-12s %s\n", ref, safe);
}

int
cli_cmd_recipe(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("recipe");
	const char *servings_s = NULL, *meal_s = NULL, *date_s = NULL;
	struct cli_opt opts[] = {
		{"servings", 0, &servings_s, NULL},
		{"meal", 'm', &meal_s, NULL},
		{"date", 'd', &date_s, NULL},
		{NULL, 0, NULL, NULL},
	};
	const char *sub;
	struct nt_err err;
	enum nt_status st;
	double servings = 1;
	long long id, item;
	long day = a->today;
	int npos, rc, meal;

	if (argc < 2)
		return cli_usage_error(a, cmd, "recipe: give a subcommand");
	sub = argv[1];
	if ((rc = cli_parse(a, cmd, argc - 1, argv + 1, opts, &npos)) >= 0)
		return rc;
	if (strcmp(sub, "list") && strcmp(sub, "new") && strcmp(sub, "save-meal") &&
	    strcmp(sub, "show") && strcmp(sub, "add") && strcmp(sub, "rm") &&
	    strcmp(sub, "servings"))
		return cli_usage_error(a, cmd, "recipe: unknown subcommand '%s'", sub);
	if (servings_s && (!nt_text_to_double(servings_s, &servings) || servings < 0.1 ||
	                   servings > 1000))
		return cli_error(a, "--servings must be a number from 0.1 to 1000");
	if (date_s && (rc = cli_date(a, date_s, &day)))
		return rc;
	if (!strcmp(sub, "list")) {
		if (npos)
			return cli_usage_error(a, cmd, "recipe list takes no arguments");
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_food_each(a->store, "recipe", list_one, NULL, &err)))
			return cli_fail(a, st, &err);
		return CLI_OK;
	}
	if (!strcmp(sub, "new")) {
		if (npos != 1)
			return cli_usage_error(a, cmd, "recipe new: give the recipe's name (quote it)");
		if ((rc = cli_open(a)))
			return rc;
		if ((st = nt_recipe_new(a->store, argv[2], servings, &id, &err)))
			return cli_fail(a, st, &err);
		return show(a, id);
	}
	if (!strcmp(sub, "save-meal")) {
		if (npos != 1 || !meal_s)
			return cli_usage_error(a, cmd, "recipe save-meal: give a name and --meal MEAL");
		if ((rc = cli_meal(a, cmd, meal_s, &meal)) || (rc = cli_open(a)))
			return rc;
		if ((st = nt_recipe_from_meal(a->store, argv[2], day, (enum nt_meal)meal, &id, &err)))
			return cli_fail(a, st, &err);
		return show(a, id);
	}
	if (npos < 1)
		return cli_usage_error(a, cmd, "recipe %s: give a recipe (recipe:N)", sub);
	if ((rc = cli_open(a)) || (rc = recipe_id(a, argv[2], &id)))
		return rc;
	if (!strcmp(sub, "show")) {
		if (npos != 1)
			return cli_usage_error(a, cmd, "recipe show: give one recipe");
		return show(a, id);
	}
	if (!strcmp(sub, "add")) {
		char food_text[1024] = "", undo[80];
		struct nt_pick pick;
		size_t o = 0;

		if (npos < 3)
			return cli_usage_error(a, cmd, "recipe add: give RECIPE FOOD AMOUNT");
		for (int i = 3; i < npos + 1; i++)
			o += (size_t)snprintf(food_text + o, o < sizeof food_text ? sizeof food_text - o : 0,
			                      "%s%s", i > 3 ? " " : "", argv[i]);
		if ((rc = cli_resolve_food(a, food_text, argv[npos + 1], &pick)))
			return rc;
		if ((st = nt_recipe_add(a->store, id, pick.id, argv[npos + 1], pick.mg, &item, &err))) {
			nt_pick_fini(&pick);
			return cli_fail(a, st, &err);
		}
		rc = show(a, id);
		snprintf(undo, sizeof undo, "'%s recipe rm %s %lld'", a->prog, argv[2], item);
		cli_pick_notes(a, &pick, undo);
		nt_pick_fini(&pick);
		return rc;
	}
	if (!strcmp(sub, "rm")) {
		if (npos != 2)
			return cli_usage_error(a, cmd, "recipe rm: give RECIPE ITEM");
		if ((rc = cli_row_id(a, argv[3], "an ingredient number (see 'nutrack recipe show')",
		                      &item)))
			return rc;
		if ((st = nt_recipe_remove(a->store, id, item, &err)))
			return cli_fail(a, st, &err);
		return show(a, id);
	}
	if (!strcmp(sub, "servings")) {
		if (npos != 2)
			return cli_usage_error(a, cmd, "recipe servings: give RECIPE N");
		if (!nt_text_to_double(argv[3], &servings))
			return cli_error(a, "servings must be a number from 0.1 to 1000, not '%.20s'",
			                 argv[3]);
		if ((st = nt_recipe_set_servings(a->store, id, servings, &err)))
			return cli_fail(a, st, &err);
		return show(a, id);
	}
	return cli_usage_error(a, cmd, "recipe: unknown subcommand '%s'", sub);
}
