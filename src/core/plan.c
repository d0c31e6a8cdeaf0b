/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c - a greedy planner: the fewest everyday portions that meet the targets. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "date.h"
#include "diet.h"
#include "food.h"
#include "plan.h"
#include "store.h"

/* The measures a plan must meet. */
static const enum nt_measure goals[] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM};
#define N_GOALS (sizeof goals / sizeof *goals)

/* Staples for the diet with their everyday portion; values from column 8. */
static const char sql_staples[] =
	"SELECT DISTINCT f.id, f.source, f.code, f.name, f.grp, p.amount, p.unit, p.grams, "
	NT_FOOD_VALUE_COLUMNS
	" FROM staples s JOIN foods f ON f.id = s.food"
	" JOIN portions p ON p.food = s.food AND p.seq = s.portion_seq"
	" WHERE (s.diets & ?2) != 0 AND " NT_DIET_ALLOWED_SQL " ORDER BY f.id";
/* The foods the user eats, in the amount last logged (aligned with the above). */
static const char sql_eaten[] =
	"SELECT f.id, f.source, f.code, f.name, f.grp, e.amount, NULL, e.mg / 1000.0, "
	NT_FOOD_VALUE_COLUMNS
	" FROM (SELECT food, max(id) AS last FROM entries GROUP BY food) l"
	" JOIN entries e ON e.id = l.last JOIN foods f ON f.id = l.food"
	" WHERE " NT_DIET_ALLOWED_SQL " ORDER BY e.id DESC LIMIT 200";

struct cand {
	long long id;
	char ref[40];
	char *name, *group, *amount;
	double grams;
	struct nt_amounts v;  /* of one portion */
	bool eaten;
	int uses;             /* on earlier planned days, for variety */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void
cands_fini(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].name);
		free(c->v[i].group);
		free(c->v[i].amount);
	}
	free(c->v);
}

static enum nt_status
load(struct nt_store *s, const char *sql, const struct nt_profile *p, bool eaten,
     struct cands *c, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql, err);
	int r;

	if (!st)
		return err->status;
	if (!eaten)
		nt_stmt_bind_int(st, 2, 1u << p->diet);
	nt_stmt_bind_int(st, 9, nt_diet_forbids(p->diet));
	while ((r = nt_stmt_step(st, err)) > 0) {
		double per100[NT_STORED_COUNT];
		char amount[256];
		struct cand *x;
		long long id = nt_stmt_int(st, 0);
		bool dup = false;

		for (size_t i = 0; i < c->n; i++)
			dup |= c->v[i].id == id;
		if (dup)
			continue; /* an eaten food keeps the user's amount */
		if (c->n == c->cap) {
			size_t cap = c->cap ? 2 * c->cap : 64;
			struct cand *v = realloc(c->v, cap * sizeof *v);

			if (!v) {
				nt_stmt_reset(st);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			c->v = v;
			c->cap = cap;
		}
		x = &c->v[c->n];
		memset(x, 0, sizeof *x);
		x->id = id;
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), x->ref, sizeof x->ref);
		if (nt_stmt_is_null(st, 6))
			snprintf(amount, sizeof amount, "%s", nt_stmt_text(st, 5));
		else
			snprintf(amount, sizeof amount, "%g %s", nt_stmt_double(st, 5),
			         nt_stmt_text(st, 6));
		x->grams = nt_stmt_double(st, 7);
		for (int m = 0; m < NT_STORED_COUNT; m++)
			per100[m] = nt_stmt_double(st, 8 + m);
		nt_amounts_for(per100, x->grams, &x->v);
		x->eaten = eaten;
		x->name = strdup(nt_stmt_text(st, 3));
		x->group = strdup(nt_stmt_text(st, 4));
		x->amount = strdup(amount);
		c->n++;
		if (!x->name || !x->group || !x->amount) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
	}
	return r < 0 ? err->status : NT_OK;
}

/* What a portion covers of the remaining gaps, each as a share of its target. */
static double
gain(const struct cand *c, const double *left, const struct nt_targets *t)
{
	double g = 0;

	for (size_t k = 0; k < N_GOALS; k++) {
		enum nt_measure m = goals[k];

		if (left[k] > 0 && nt_known(c->v.v[m]) && c->v.v[m] > 0)
			g += fmin(c->v.v[m], left[k]) / t->t[m].value;
	}
	return g;
}

static bool
matches(const char *text, const char *const *words)
{
	for (; *words; words++)
		if (strcasestr(text, *words))
			return true;
	return false;
}

/* Breakfast for cereals, milks, yogurt and supplements; fruit, nuts and seeds as snacks. */
static enum nt_meal
meal_for(const struct cand *c, int *main_meals)
{
	static const char *const breakfast[] = {"cereal", "milk", "yogurt", "supplement", "egg",
	                                        NULL};
	static const char *const snack_groups[] = {"fruit", "nut", "banana", "berries", NULL};

	if (matches(c->group, breakfast) || matches(c->name, breakfast))
		return NT_BREAKFAST;
	if (matches(c->group, snack_groups) || !strncasecmp(c->name, "Seeds,", 6) ||
	    !strncasecmp(c->name, "Nuts,", 5))
		return NT_SNACK;
	return (*main_meals)++ % 2 ? NT_DINNER : NT_LUNCH;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct nt_plan_item *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->meal != y->meal)
		return x->meal < y->meal ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
nt_plan_fini(struct nt_plan *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; i < pl->n; i++) {
		free(pl->items[i].name);
		free(pl->items[i].amount);
		free(pl->items[i].why);
	}
	free(pl->items);
	free(pl->days);
	memset(pl, 0, sizeof *pl);
}

static enum nt_status
add_item(struct nt_plan *pl, size_t *cap, long day, enum nt_meal meal, const struct cand *c,
         const char *why, struct nt_err *err)
{
	struct nt_plan_item *it;

	if (pl->n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		struct nt_plan_item *v = realloc(pl->items, ncap * sizeof *v);

		if (!v)
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		pl->items = v;
		*cap = ncap;
	}
	it = &pl->items[pl->n];
	memset(it, 0, sizeof *it);
	it->day = day;
	it->meal = meal;
	it->food_id = c->id;
	memcpy(it->ref, c->ref, sizeof it->ref);
	it->grams = c->grams;
	it->adds = c->v;
	it->name = strdup(c->name);
	it->amount = strdup(c->amount);
	it->why = strdup(why);
	it->order = (int)pl->n;
	pl->n++;
	if (!it->name || !it->amount || !it->why)
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return NT_OK;
}

/* "B12 +1.90 ug, omega-3 +1.60 g" for what a portion covers of the gaps. */
static void
explain(const struct cand *c, const double *left, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < N_GOALS && o < n; k++) {
		enum nt_measure m = goals[k];

		if (left[k] <= 0 || !nt_known(c->v.v[m]) || c->v.v[m] <= 0)
			continue;
		o += (size_t)snprintf(buf + o, n - o, "%s%s +%.*f %s (%d%% of the %.*f missing)",
		                      o ? "; " : "", nt_measure_name(m), nt_measure_decimals(m),
		                      c->v.v[m], nt_measure_unit(m),
		                      (int)floor(100 * fmin(c->v.v[m], left[k]) / left[k] + 1e-9),
		                      nt_measure_decimals(m), left[k]);
	}
}

enum nt_status
nt_plan_days(struct nt_store *s, const struct nt_profile *p, const struct nt_targets *t,
             long first, int ndays, struct nt_plan *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct cands c = {NULL, 0, 0};
	struct nt_plan pl = {0, NULL, 0, NULL};
	enum nt_status rc;
	bool *used = NULL; /* candidates already in the day being planned */
	size_t cap = 0;

	if (!err)
		err = &scratch;
	if (ndays < 1 || ndays > 28)
		return nt_err_set(err, NT_ERR_RANGE, "plan 1 to 28 days at a time");
	if (nt_date_in_range(first)) {
		char what[48], d[NT_DATE_LEN];

		nt_date_format(first, d);
		snprintf(what, sizeof what, "a plan of %d day%s from %s", ndays, ndays == 1 ? "" : "s",
		         d);
		if ((rc = nt_date_check_span(first, first + ndays - 1, what, err)))
			return rc;
	} else if ((rc = nt_date_check_span(first, first, "the plan", err))) {
		return rc;
	}
	if ((rc = load(s, sql_eaten, p, true, &c, err)) ||
	    (rc = load(s, sql_staples, p, false, &c, err)))
		goto fail;
	if (!(pl.days = calloc((size_t)ndays, sizeof *pl.days)) ||
	    !(used = calloc(c.n ? c.n : 1, sizeof *used))) {
		rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		goto fail;
	}
	pl.ndays = ndays;
	for (int d = 0; d < ndays; d++) {
		struct nt_plan_day *pd = &pl.days[d];
		struct nt_entry_list existing;
		double left[N_GOALS];
		int main_meals = 0;

		memset(used, 0, c.n * sizeof *used);
		pd->day = first + d;
		/* what is already logged or planned on the day counts */
		if ((rc = nt_journal_day(s, pd->day, &existing, err)))
			goto fail;
		nt_analysis_sum_planned(&existing, &pd->total);
		if (!existing.n)
			nt_amounts_zero(&pd->total);
		nt_entry_list_fini(&existing);
		for (size_t k = 0; k < N_GOALS; k++) {
			double have = pd->total.v[goals[k]];

			left[k] = t->t[goals[k]].value - (nt_known(have) ? have : 0);
			if (!nt_known(t->t[goals[k]].value))
				left[k] = 0;
		}
		int step;
		bool full;

		for (step = 0; step < NT_PLAN_MAX_ITEMS; step++) {
			double best = 0;
			long bi = -1;
			char why[400];
			unsigned counted = 0;

			for (size_t i = 0; i < c.n; i++) {
				double g = used[i] ? 0 : gain(&c.v[i], left, t);

				if (g <= 1e-9)
					continue;
				/*
				 * Foods the user eats first; food before supplements (a
				 * capsule still wins where no food will do, as algae oil
				 * for a vegan's EPA+DHA); a little variety across days.
				 */
				g += (c.v[i].eaten ? 0.1 : 0) - 0.25 * c.v[i].uses -
				     (!strcmp(c.v[i].group, "Supplements") ? 0.5 : 0);
				if (bi < 0 || g > best + 1e-12 ||
				    (fabs(g - best) <= 1e-12 && c.v[i].grams < c.v[bi].grams)) {
					best = g;
					bi = (long)i;
				}
			}
			if (bi < 0)
				break;
			explain(&c.v[bi], left, why, sizeof why);
			if ((rc = add_item(&pl, &cap, pd->day, meal_for(&c.v[bi], &main_meals), &c.v[bi],
			                   why, err)))
				goto fail;
			used[bi] = true;
			c.v[bi].uses++;
			nt_amounts_add(&pd->total, &counted, &c.v[bi].v);
			for (size_t k = 0; k < N_GOALS; k++)
				if (nt_known(c.v[bi].v.v[goals[k]]))
					left[k] -= c.v[bi].v.v[goals[k]];
			if (left[0] <= 0 && left[1] <= 0 && left[2] <= 0 && left[3] <= 0)
				break;
		}
		full = step == NT_PLAN_MAX_ITEMS;
		for (size_t k = 0; k < N_GOALS; k++) {
			enum nt_measure m = goals[k];
			size_t o = strlen(pd->reason);
			double most = 0;

			if (left[k] <= 1e-9)
				continue;
			pd->unmet |= 1u << m;
			for (size_t i = 0; i < c.n; i++)
				if (nt_known(c.v[i].v.v[m]) && c.v[i].v.v[m] > most)
					most = c.v[i].v.v[m];
			if (most <= 0)
				snprintf(pd->reason + o, sizeof pd->reason - o,
				         "%s%s: no food that fits the diet and the exclusions has any",
				         o ? "; " : "", nt_measure_label(m));
			else if (full)
				snprintf(pd->reason + o, sizeof pd->reason - o,
				         "%s%s: more than %d foods a day would be needed", o ? "; " : "",
				         nt_measure_label(m), NT_PLAN_MAX_ITEMS);
			else
				snprintf(pd->reason + o, sizeof pd->reason - o,
				         "%s%s: the foods that fit the diet and the exclusions have too "
				         "little (at most %.*f %s a portion)", o ? "; " : "",
				         nt_measure_label(m), nt_measure_decimals(m), most,
				         nt_measure_unit(m));
		}
	}
	free(used);
	cands_fini(&c);
	/* by day and meal; within a meal, in the order chosen */
	qsort(pl.items, pl.n, sizeof *pl.items, item_cmp);
	*out = pl;
	return NT_OK;
fail:
	free(used);
	cands_fini(&c);
	nt_plan_fini(&pl);
	return rc;
}

enum nt_status
nt_plan_accept(struct nt_store *s, const struct nt_plan *pl, int *count, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	for (size_t i = 0; i < pl->n; i++) {
		const struct nt_plan_item *it = &pl->items[i];
		long long id;

		if ((rc = nt_journal_plan(s, it->day, it->meal, it->food_id, it->amount,
		                          nt_grams_to_mg(it->grams), &id, err))) {
			nt_store_rollback(s);
			return rc;
		}
	}
	if ((rc = nt_store_commit(s, err)))
		return rc;
	*count = (int)pl->n;
	return NT_OK;
}
