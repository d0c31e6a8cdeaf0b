/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recipe.h - recipes and saved meals: foods made of foods, logged by the serving. */
#ifndef NT_RECIPE_H
#define NT_RECIPE_H

#include <stddef.h>

#include "journal.h"
#include "status.h"

struct nt_store;

/*
 * A recipe is a food ("recipe:N", group "Recipes") whose values per 100 g
 * are worked out from its ingredients: for each nutrient, the sum over the
 * ingredients that have it, over the recipe's whole weight; a value some
 * ingredient lacks is a lower bound and shows as partial; one no
 * ingredient has is unknown; its ALA is an estimate (ala_estimated) when
 * some ingredient's known ALA is.  Its portions are "1 serving" (the weight over
 * the servings) and "1 recipe" (the whole); it contains what its
 * ingredients contain (for diets).  Every change recomputes it.  Logged
 * entries follow a recipe's current values.  Ingredients are foods, not
 * other recipes.
 */

/* Creates an empty recipe (name as for custom foods, servings 0.1-1000). */
enum nt_status nt_recipe_new(struct nt_store *s, const char *name, double servings,
                             long long *food_id, struct nt_err *err);

/* NT_ERR_NOTFOUND unless food_id is a recipe. */
enum nt_status nt_recipe_check(struct nt_store *s, long long food_id, struct nt_err *err);

/* Adds an ingredient (amount as typed, mg its weight); *item receives its number. */
enum nt_status nt_recipe_add(struct nt_store *s, long long recipe, long long food,
                             const char *amount, long long mg, long long *item,
                             struct nt_err *err);
enum nt_status nt_recipe_remove(struct nt_store *s, long long recipe, long long item,
                                struct nt_err *err);
/*
 * Works out again every recipe made with `food_id` (and recipes made with
 * those): call it after changing a food's values, tags or portions.
 */
enum nt_status nt_recipe_refresh_using(struct nt_store *s, long long food_id,
                                       struct nt_err *err);
/*
 * Works out again every recipe from its ingredients (and the recipes made
 * with it), inside the caller's transaction: after the bundled data is
 * loaded again, whose foods' values (or columns: a new nutrient) changed.
 */
enum nt_status nt_recipe_refresh_all(struct nt_store *s, struct nt_err *err);
/*
 * Corrects a food's tags (nt_food_tag; with `untag`, back to the bundled
 * ones and `tags` is ignored) and works out again the recipes made with it,
 * whose tags come from their ingredients: all or nothing, in one
 * transaction.
 */
enum nt_status nt_recipe_tag_food(struct nt_store *s, long long food_id, bool untag,
                                  unsigned tags, struct nt_err *err);
enum nt_status nt_recipe_set_servings(struct nt_store *s, long long recipe, double servings,
                                      struct nt_err *err);

/*
 * A saved meal: a new recipe of one serving made of the entries of a day's
 * meal (amounts as logged).  NT_ERR_NOTFOUND when the meal is empty.
 */
enum nt_status nt_recipe_from_meal(struct nt_store *s, const char *name, long day,
                                   enum nt_meal meal, long long *food_id, struct nt_err *err);

/* One ingredient as listed. */
struct nt_recipe_item {
	long long id;
	long long food;
	char ref[40];
	char *name;    /* owned */
	char *amount;  /* owned */
	long long mg;
};

struct nt_recipe {
	long long food_id;
	double servings;
	long long total_mg;
	size_t n;
	struct nt_recipe_item *items;
};

enum nt_status nt_recipe_get(struct nt_store *s, long long food_id, struct nt_recipe *out,
                             struct nt_err *err);
void nt_recipe_fini(struct nt_recipe *r);

#endif
