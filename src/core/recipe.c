/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recipe.c - recipes: ingredients, and the food values worked out from them. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "date.h"
#include "diet.h"
#include "food.h"
#include "recipe.h"
#include "store.h"
#include "text.h"

static const char sql_next[] =
	"SELECT coalesce(max(CAST(code AS INTEGER)), 0) + 1 FROM foods WHERE source = 'recipe'";
static const char sql_new_food[] =
	"INSERT INTO foods(source, code, name, grp) VALUES ('recipe', ?1, ?2, 'Recipes')";
static const char sql_new_recipe[] = "INSERT INTO recipes(food, servings) VALUES (?1, ?2)";
static const char sql_is_recipe[] = "SELECT servings FROM recipes WHERE food = ?1";
static const char sql_source[] = "SELECT source, basis IS NOT NULL FROM foods WHERE id = ?1";
static const char sql_add_item[] =
	"INSERT INTO recipe_items(recipe, food, amount, mg) VALUES (?1, ?2, ?3, ?4)";
static const char sql_rm_item[] = "DELETE FROM recipe_items WHERE recipe = ?1 AND id = ?2";
static const char sql_servings[] = "UPDATE recipes SET servings = ?2 WHERE food = ?1";
/* the ingredients with their values and effective tags */
static const char sql_items[] =
	"SELECT i.id, i.food, f.source, f.code, f.name, i.amount, i.mg, "
	"  coalesce((SELECT contains FROM food_tags WHERE food = f.id), f.contains), f.partial"
	NT_FOOD_READ_VALUES_F ", f.ala_estimated"
	" FROM recipe_items i JOIN foods f ON f.id = i.food WHERE i.recipe = ?1 ORDER BY i.id";
#define ITEM_VALUES 9
/* ?5 .. ?4 + NT_STORED_COUNT: the values per 100 g, in measure order */
#define SET_VALUE_(id, name, unit, dec, label, col, ...) ", " col " = ?"
static const char sql_store_values[] =
	"UPDATE foods SET contains = ?2, partial = ?3, ala_estimated = ?4"
	NT_STORED_LIST(SET_VALUE_) " WHERE id = ?1";
#undef SET_VALUE_
static const char sql_clear_portions[] = "DELETE FROM portions WHERE food = ?1";
static const char sql_portion[] =
	"INSERT INTO portions(food, seq, amount, unit, grams) VALUES (?1, ?2, 1, ?3, ?4)";
static const char sql_meal[] =
	"SELECT food, amount, mg FROM entries WHERE day = ?1 AND meal = ?2 ORDER BY id";

static enum nt_status
servings_ok(double servings, struct nt_err *err)
{
	if (!(servings >= 0.1 && servings <= 1000))
		return nt_err_set(err, NT_ERR_RANGE, "servings must be between 0.1 and 1000");
	return NT_OK;
}

enum nt_status
nt_recipe_check(struct nt_store *s, long long food_id, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_is_recipe, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	if ((rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	nt_stmt_reset(st);
	return rc ? NT_OK : nt_err_set(err, NT_ERR_NOTFOUND, "that food is not a recipe");
}

/* Works the recipe's values, tags and portions out from its ingredients. */
static enum nt_status
recompute(struct nt_store *s, long long recipe, struct nt_err *err)
{
	double sum[NT_STORED_COUNT] = {0}, servings;
	bool known[NT_STORED_COUNT] = {false}, missing[NT_STORED_COUNT] = {false};
	unsigned tags = 0, partial = 0;
	bool ala_estimated = false;
	long long total = 0;
	struct nt_stmt *st;
	int rc;

	if (!(st = nt_store_stmt(s, sql_is_recipe, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	if ((rc = nt_stmt_step(st, err)) <= 0)
		return rc < 0 ? err->status : nt_err_set(err, NT_ERR_NOTFOUND, "not a recipe");
	servings = nt_stmt_double(st, 0);
	nt_stmt_reset(st);

	if (!(st = nt_store_stmt(s, sql_items, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		long long mg = nt_stmt_int(st, 6);

		total += mg;
		tags |= (unsigned)nt_stmt_int(st, 7);
		partial |= (unsigned)nt_stmt_int(st, 8);
		/* an estimated ALA in the mix makes the recipe's ALA an estimate */
		if (nt_stmt_int(st, ITEM_VALUES + NT_STORED_COUNT) &&
		    nt_known(nt_stmt_double(st, ITEM_VALUES + NT_ALA)))
			ala_estimated = true;
		for (int m = 0; m < NT_STORED_COUNT; m++) {
			double v = nt_stmt_double(st, ITEM_VALUES + m);

			if (nt_known(v)) {
				sum[m] += v * (double)mg / 100000.0; /* per 100 g x grams / 100 */
				known[m] = true;
			} else {
				missing[m] = true;
			}
		}
	}
	if (rc < 0)
		return err->status;

	if (!(st = nt_store_stmt(s, sql_store_values, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	for (int m = 0; m < NT_STORED_COUNT; m++) {
		/* grams of nutrient per 100 g of the whole recipe */
		nt_stmt_bind_double(st, 5 + m, total && known[m] ? sum[m] * 100000.0 / (double)total
		                                                   : NT_UNKNOWN);
		if (known[m] && missing[m])
			partial |= 1u << m;
	}
	nt_stmt_bind_int(st, 2, tags & NT_TAG_ALL);
	nt_stmt_bind_int(st, 3, partial & ((1u << NT_STORED_COUNT) - 1));
	nt_stmt_bind_int(st, 4, ala_estimated);
	if ((rc = nt_stmt_run(st, err)))
		return (enum nt_status)rc;

	if (!(st = nt_store_stmt(s, sql_clear_portions, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	if ((rc = nt_stmt_run(st, err)))
		return (enum nt_status)rc;
	if (!total)
		return NT_OK;
	for (int i = 0; i < 2; i++) {
		if (!(st = nt_store_stmt(s, sql_portion, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, recipe);
		nt_stmt_bind_int(st, 2, i + 1);
		nt_stmt_bind_text(st, 3, i ? "recipe" : "serving");
		nt_stmt_bind_double(st, 4, i ? total / 1000.0 : total / 1000.0 / servings);
		if ((rc = nt_stmt_run(st, err)))
			return (enum nt_status)rc;
	}
	return NT_OK;
}

/* Runs one change and the recomputation in one transaction. */
#define IN_TRANSACTION(s, err, body) do { \
	enum nt_status rc_; \
	if ((rc_ = nt_store_begin((s), (err)))) \
		return rc_; \
	if ((rc_ = (body))) { \
		nt_store_rollback(s); \
		return rc_; \
	} \
	return nt_store_commit((s), (err)); \
} while (0)

static enum nt_status
create(struct nt_store *s, const char *name, double servings, long long *food_id,
       struct nt_err *err)
{
	struct nt_stmt *st;
	char code[24];
	enum nt_status rc;
	long long id;

	if (!(st = nt_store_stmt(s, sql_next, err)) || nt_stmt_step(st, err) < 0)
		return err->status;
	snprintf(code, sizeof code, "%lld", nt_stmt_int(st, 0));
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_new_food, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, code);
	nt_stmt_bind_text(st, 2, name);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	id = nt_store_last_rowid(s);
	if (!(st = nt_store_stmt(s, sql_new_recipe, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	nt_stmt_bind_double(st, 2, servings);
	if ((rc = nt_stmt_run(st, err)) || (rc = nt_category_update(s, id, err)))
		return rc;
	*food_id = id;
	return NT_OK;
}

static enum nt_status
check_name(const char *name, struct nt_err *err)
{
	if (!nt_text_name_ok(name, NT_NAME_MAX))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "a recipe name must be 1-200 bytes of text without control "
		                  "characters, not blanks only");
	return NT_OK;
}

enum nt_status
nt_recipe_new(struct nt_store *s, const char *name, double servings, long long *food_id,
              struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = check_name(name, err)) || (rc = servings_ok(servings, err)))
		return rc;
	IN_TRANSACTION(s, err, create(s, name, servings, food_id, err));
}

static enum nt_status
add(struct nt_store *s, long long recipe, long long food, const char *amount, long long mg,
    long long *item, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	int r;

	if ((rc = nt_recipe_check(s, recipe, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_source, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food);
	if ((r = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (r == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no such food");
	r = !strcmp(nt_stmt_text(st, 0), "recipe") ? 1 : nt_stmt_int(st, 1) ? 2 : 0;
	nt_stmt_reset(st);
	if (r == 1)
		return nt_err_set(err, NT_ERR_INVALID,
		                  "a recipe's ingredients are foods, not other recipes");
	if (r == 2) /* its nominal weight would make the recipe's values per 100 g up */
		return nt_err_set(err, NT_ERR_INVALID,
		                  "that food was imported without a weight; a recipe needs the "
		                  "weight of every ingredient");
	if (mg <= 0 || mg > 100LL * 1000 * 1000 || !*amount || strlen(amount) > 199)
		return nt_err_set(err, NT_ERR_RANGE, "an ingredient weighs 1 mg to 100 kg");
	if (!(st = nt_store_stmt(s, sql_add_item, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	nt_stmt_bind_int(st, 2, food);
	nt_stmt_bind_text(st, 3, amount);
	nt_stmt_bind_int(st, 4, mg);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (item)
		*item = nt_store_last_rowid(s);
	return recompute(s, recipe, err);
}

enum nt_status
nt_recipe_add(struct nt_store *s, long long recipe, long long food, const char *amount,
              long long mg, long long *item, struct nt_err *err)
{
	struct nt_err scratch;

	if (!err)
		err = &scratch;
	IN_TRANSACTION(s, err, add(s, recipe, food, amount, mg, item, err));
}

static enum nt_status
remove_item(struct nt_store *s, long long recipe, long long item, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_rm_item, err);
	enum nt_status rc;

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	nt_stmt_bind_int(st, 2, item);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(s) == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "the recipe has no ingredient %lld", item);
	return recompute(s, recipe, err);
}

enum nt_status
nt_recipe_remove(struct nt_store *s, long long recipe, long long item, struct nt_err *err)
{
	struct nt_err scratch;

	if (!err)
		err = &scratch;
	IN_TRANSACTION(s, err, remove_item(s, recipe, item, err));
}

static enum nt_status
set_servings(struct nt_store *s, long long recipe, double servings, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;

	if ((rc = nt_recipe_check(s, recipe, err)))
		return rc;
	if (!(st = nt_store_stmt(s, sql_servings, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, recipe);
	nt_stmt_bind_double(st, 2, servings);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	return recompute(s, recipe, err);
}

enum nt_status
nt_recipe_set_servings(struct nt_store *s, long long recipe, double servings,
                       struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = servings_ok(servings, err)))
		return rc;
	IN_TRANSACTION(s, err, set_servings(s, recipe, servings, err));
}

static const char sql_using[] = "SELECT DISTINCT recipe FROM recipe_items WHERE food = ?1";

/*
 * The ids `sql` selects (its ?1 bound to `food` when food > 0), collected
 * first: recompute and the recursion reuse the prepared statements.
 * *ids is the caller's to free.
 */
static enum nt_status
recipe_ids(struct nt_store *s, const char *sql, long long food, long long **ids, size_t *n,
           struct nt_err *err)
{
	struct nt_stmt *st;
	long long *grown;
	size_t cap = 0;
	int r;

	*ids = NULL;
	*n = 0;
	if (!(st = nt_store_stmt(s, sql, err)))
		return err->status;
	if (food > 0)
		nt_stmt_bind_int(st, 1, food);
	while ((r = nt_stmt_step(st, err)) > 0) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(grown = realloc(*ids, cap * sizeof **ids))) {
				nt_stmt_reset(st);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = nt_stmt_int(st, 0);
	}
	return r < 0 ? err->status : NT_OK;
}

/* Recipes made with `food`, then recipes made with those, worked out again. */
static enum nt_status
refresh_using(struct nt_store *s, long long food, int depth, struct nt_err *err)
{
	long long *ids;
	size_t n;
	enum nt_status rc;

	if (depth > 32) /* recipes cannot contain themselves; this is a guard */
		return nt_err_set(err, NT_ERR_RANGE, "recipes nest too deep");
	rc = recipe_ids(s, sql_using, food, &ids, &n, err);
	for (size_t i = 0; i < n && rc == NT_OK; i++)
		if (!(rc = recompute(s, ids[i], err)))
			rc = refresh_using(s, ids[i], depth + 1, err);
	free(ids);
	return rc;
}

static const char sql_recipes[] = "SELECT food FROM recipes ORDER BY food";

enum nt_status
nt_recipe_refresh_all(struct nt_store *s, struct nt_err *err)
{
	long long *ids;
	size_t n;
	enum nt_status rc = recipe_ids(s, sql_recipes, 0, &ids, &n, err);

	/* a recipe, then those made with it: an inner recipe worked out later
	 * works its users out again, so every recipe ends on current values */
	for (size_t i = 0; i < n && rc == NT_OK; i++)
		if (!(rc = recompute(s, ids[i], err)))
			rc = refresh_using(s, ids[i], 0, err);
	free(ids);
	return rc;
}

enum nt_status
nt_recipe_refresh_using(struct nt_store *s, long long food_id, struct nt_err *err)
{
	struct nt_err scratch;

	if (!err)
		err = &scratch;
	IN_TRANSACTION(s, err, refresh_using(s, food_id, 0, err));
}

static enum nt_status
tag_food(struct nt_store *s, long long food_id, bool untag, unsigned tags, struct nt_err *err)
{
	enum nt_status rc;

	if ((rc = untag ? nt_food_untag(s, food_id, err) : nt_food_tag(s, food_id, tags, err)))
		return rc;
	return refresh_using(s, food_id, 0, err);
}

enum nt_status
nt_recipe_tag_food(struct nt_store *s, long long food_id, bool untag, unsigned tags,
                   struct nt_err *err)
{
	struct nt_err scratch;

	if (!err)
		err = &scratch;
	/* a recipe's tags come from its ingredients: the food and they change together */
	IN_TRANSACTION(s, err, tag_food(s, food_id, untag, tags, err));
}

static enum nt_status
from_meal(struct nt_store *s, const char *name, long day, enum nt_meal meal,
          long long *food_id, struct nt_err *err)
{
	struct nt_stmt *st;
	char date[NT_DATE_LEN];
	enum nt_status rc;
	long long id;
	int r, n = 0;

	if ((rc = create(s, name, 1, &id, err)))
		return rc;
	/* the rows are copied before the inserts reuse any statement */
	if (!(st = nt_store_stmt(s, sql_meal, err)))
		return err->status;
	nt_date_format(day, date);
	nt_stmt_bind_text(st, 1, date);
	nt_stmt_bind_int(st, 2, meal);
	{
		struct row {
			long long food, mg;
			char amount[200];
		} *rows = NULL, *p;
		size_t cap = 0;

		while ((r = nt_stmt_step(st, err)) > 0) {
			if ((size_t)n == cap) {
				cap = cap ? 2 * cap : 16;
				if (!(p = realloc(rows, cap * sizeof *p))) {
					nt_stmt_reset(st);
					free(rows);
					return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
				}
				rows = p;
			}
			rows[n].food = nt_stmt_int(st, 0);
			snprintf(rows[n].amount, sizeof rows[n].amount, "%s", nt_stmt_text(st, 1));
			rows[n].mg = nt_stmt_int(st, 2);
			n++;
		}
		if (r < 0) {
			free(rows);
			return err->status;
		}
		for (int i = 0; i < n; i++)
			if ((rc = add(s, id, rows[i].food, rows[i].amount, rows[i].mg, NULL, err))) {
				free(rows);
				return rc;
			}
		free(rows);
	}
	if (n == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "nothing logged at %s on %s",
		                  nt_meal_name(meal), date);
	*food_id = id;
	return NT_OK;
}

enum nt_status
nt_recipe_from_meal(struct nt_store *s, const char *name, long day, enum nt_meal meal,
                    long long *food_id, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = check_name(name, err)))
		return rc;
	IN_TRANSACTION(s, err, from_meal(s, name, day, meal, food_id, err));
}

void
nt_recipe_fini(struct nt_recipe *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->items[i].name);
		free(r->items[i].amount);
	}
	free(r->items);
	r->items = NULL;
	r->n = 0;
}

enum nt_status
nt_recipe_get(struct nt_store *s, long long food_id, struct nt_recipe *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	struct nt_recipe r = {food_id, 0, 0, 0, NULL};
	size_t cap = 0;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_is_recipe, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	if ((rc = nt_stmt_step(st, err)) <= 0)
		return rc < 0 ? err->status : nt_err_set(err, NT_ERR_NOTFOUND, "that food is not a recipe");
	r.servings = nt_stmt_double(st, 0);
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_items, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		struct nt_recipe_item *it;

		if (r.n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(it = realloc(r.items, cap * sizeof *it))) {
				nt_stmt_reset(st);
				nt_recipe_fini(&r);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			r.items = it;
		}
		it = &r.items[r.n++];
		it->id = nt_stmt_int(st, 0);
		it->food = nt_stmt_int(st, 1);
		nt_food_ref(nt_stmt_text(st, 2), nt_stmt_text(st, 3), it->ref, sizeof it->ref);
		it->name = strdup(nt_stmt_text(st, 4));
		it->amount = strdup(nt_stmt_text(st, 5));
		it->mg = nt_stmt_int(st, 6);
		r.total_mg += it->mg;
		if (!it->name || !it->amount) {
			nt_stmt_reset(st);
			nt_recipe_fini(&r);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
	}
	if (rc < 0) {
		nt_recipe_fini(&r);
		return err->status;
	}
	*out = r;
	return NT_OK;
}
