/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.c - ranking foods that close a gap. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "diet.h"
#include "food.h"
#include "store.h"
#include "suggest.h"

/* The bundled staples of a nutrient for a diet, with their everyday portion. */
static const char sql_staples[] =
	"SELECT f.id, f.source, f.code, f.name, p.amount, p.unit, p.grams, s.note"
	NT_FOOD_READ_VALUES_F
	" FROM staples s JOIN foods f ON f.id = s.food"
	" JOIN portions p ON p.food = s.food AND p.seq = s.portion_seq"
	" WHERE s.nutrient = ?1 AND (s.diets & ?2) != 0 AND " NT_DIET_ALLOWED_SQL;

/*
 * A food the user eats is offered back only when it is everyday advice
 * (NT_ADVICE_SQL: not an energy drink, candy, a sauce...), or a supplement
 * the user takes (the group Supplements, of no other class).
 */
#define EATEN_ADVICE_SQL \
	"(" NT_ADVICE_SQL " OR (f.grp = 'Supplements' AND (f.class & ~256) = 0))"
_Static_assert(NT_CLASS_SUPPLEMENT == 256, "EATEN_ADVICE_SQL names NT_CLASS_SUPPLEMENT");

/*
 * The foods the user eats: those of the last 1000 eaten entries (a few
 * months of logging; planned entries are not eaten), each in the amount
 * last logged.  Bounded, so that a journal of ten years costs what a
 * journal of months does.  A superseded SR28 food stands for its current
 * food (same weight; column 6 holds the food logged, column 7 is 1).
 */
static const char sql_eaten[] =
	"SELECT f.id, f.source, f.code, f.name, e.amount, e.mg, o.source || ':' || o.code,"
	" s.current IS NOT NULL" NT_FOOD_READ_VALUES_F
	" FROM (SELECT food, max(id) AS last FROM"
	"       (SELECT id, food FROM entries WHERE planned = 0 ORDER BY id DESC LIMIT 1000)"
	"       GROUP BY food) l"
	" JOIN entries e ON e.id = l.last JOIN foods o ON o.id = l.food"
	" LEFT JOIN superseded s ON s.food = l.food"
	" JOIN foods f ON f.id = coalesce(s.current, l.food)"
	" WHERE " NT_DIET_ALLOWED_SQL " AND " EATEN_ADVICE_SQL " ORDER BY e.id DESC";

#define VALUES_AT 8 /* first value column of both queries (kept aligned) */

/*
 * The amount to log of a portion: "1 cup"; a portion USDA names "Quantity
 * not specified" (FNDDS's usual amount) is given by its weight, "40 g".
 */
static void
portion_amount(char *buf, size_t n, double amount, const char *unit, double grams)
{
	if (!strncmp(unit, "Quantity not specified", 22))
		snprintf(buf, n, "%g g", grams);
	else
		snprintf(buf, n, "%g %s", amount, unit);
}

struct cand {
	long long id;
	char ref[40];
	char *name, *amount, *note;
	double grams, adds, score;
	bool eaten, fortified, dated;
};

void
nt_suggestions_fini(struct nt_suggestions *sg)
{
	if (!sg)
		return;
	for (size_t i = 0; i < sg->n; i++) {
		free(sg->v[i].name);
		free(sg->v[i].amount);
		free(sg->v[i].note);
	}
	free(sg->v);
	sg->v = NULL;
	sg->n = 0;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->grams != y->grams) /* the least food first */
		return x->grams < y->grams ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct pool {
	struct cand *v;
	size_t n, cap;
};

/* A food the user eats, read once for all the nutrients that are short. */
struct eaten {
	long long id;
	char ref[40];
	char *name, *amount, *note;
	double grams;
	double per100[NT_STORED_COUNT];
};

struct eaten_list {
	struct eaten *v;
	size_t n;
};

static void
eaten_fini(struct eaten_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].amount);
		free(l->v[i].note);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static enum nt_status
eaten_load(struct nt_store *s, enum nt_diet diet, struct eaten_list *l, struct nt_err *err)
{
	struct nt_stmt *st;
	size_t cap = 0;
	int r;

	if (!(st = nt_store_stmt(s, sql_eaten, err)))
		return err->status;
	nt_stmt_bind_int(st, 9, nt_diet_forbids(diet));
	while ((r = nt_stmt_step(st, err)) > 0) {
		struct eaten *e;

		if (l->n == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			struct eaten *v = realloc(l->v, ncap * sizeof *v);

			if (!v)
				goto nomem;
			l->v = v;
			cap = ncap;
		}
		e = &l->v[l->n];
		e->id = nt_stmt_int(st, 0);
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), e->ref, sizeof e->ref);
		e->grams = (double)nt_stmt_int(st, 5) / 1000.0;
		for (int k = 0; k < NT_STORED_COUNT; k++)
			e->per100[k] = nt_stmt_double(st, VALUES_AT + k);
		e->name = strdup(nt_stmt_text(st, 3));
		e->note = NULL;
		if (nt_stmt_int(st, 7)) { /* logged as a superseded food: its weight, current values */
			char buf[160];

			snprintf(buf, sizeof buf, "%g g", e->grams);
			e->amount = strdup(buf);
			snprintf(buf, sizeof buf, "you eat it as %s, whose values are out of date",
			         nt_stmt_text(st, 6));
			e->note = strdup(buf);
		} else {
			e->amount = strdup(nt_stmt_text(st, 4));
			e->note = strdup("you eat it");
		}
		l->n++;
		if (!e->name || !e->amount || !e->note)
			goto nomem;
	}
	return r < 0 ? err->status : NT_OK;
nomem:
	nt_stmt_reset(st);
	return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
}

static void
pool_fini(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].amount);
		free(p->v[i].note);
	}
	free(p->v);
}

/* Adds a candidate unless the food is there already (the eaten one wins). */
static enum nt_status
pool_add(struct pool *p, const struct cand *c, struct nt_err *err)
{
	struct cand *slot;

	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].id == c->id)
			return NT_OK;
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 32;
		struct cand *v = realloc(p->v, cap * sizeof *v);

		if (!v)
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		p->v = v;
		p->cap = cap;
	}
	slot = &p->v[p->n];
	*slot = *c;
	slot->name = strdup(c->name);
	slot->amount = strdup(c->amount);
	slot->note = strdup(c->note);
	if (!slot->name || !slot->amount || !slot->note) {
		free(slot->name);
		free(slot->amount);
		free(slot->note);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	p->n++;
	return NT_OK;
}

/*
 * Fills a candidate's value for m; false when unknown or 0, or when the
 * portion would take some measure past the user's limit on top of the
 * intake so far (an unknown intake counts as none: a portion alone past
 * the limit is past it; a portion whose value is unknown cannot be said to
 * be; one without any of it adds nothing).  A food that has some of m but
 * is held back by a limit sets *held to the limited measure.
 */
static bool
value_of(const double per100[NT_STORED_COUNT], enum nt_measure m, double grams,
         const struct nt_judgement *judged, struct cand *c, int *held)
{
	struct nt_amounts v;

	nt_amounts_for(per100, grams, &v);
	c->adds = v.v[m];
	c->fortified = nt_known(per100[NT_B12_ADDED]) && per100[NT_B12_ADDED] > 0;
	c->dated = nt_food_dated(c->ref, per100);
	if (!nt_known(c->adds) || c->adds <= 0)
		return false;
	for (int k = 0; k < NT_MEASURE_COUNT; k++) {
		double had = nt_known(judged[k].intake) ? judged[k].intake : 0;

		if (nt_known(judged[k].limit) && nt_known(v.v[k]) && v.v[k] > 0 &&
		    nt_round(had + v.v[k], nt_measure_decimals(k)) > judged[k].limit) {
			*held = k;
			return false;
		}
	}
	return true;
}

static void
score(struct cand *c, enum nt_measure m, double gap, enum nt_diet diet)
{
	c->score = fmin(c->adds / gap, 1.0);
	if (c->eaten)
		c->score += 0.2;
	/* fortified foods are the vegan's and vegetarian's B12 */
	if (m == NT_B12 && diet != NT_DIET_OMNIVORE && c->fortified)
		c->score += 1.0;
}

static enum nt_status
gather(struct nt_store *s, const struct eaten_list *eaten, enum nt_measure m,
       enum nt_diet diet, double gap, const struct nt_judgement *judged, struct pool *pool,
       int *held, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;
	int r;

	/* foods the user eats, first, so that their amount is kept */
	for (size_t i = 0; i < eaten->n; i++) {
		const struct eaten *e = &eaten->v[i];
		struct cand c = {0};

		c.id = e->id;
		c.grams = e->grams;
		memcpy(c.ref, e->ref, sizeof c.ref);
		if (!value_of(e->per100, m, c.grams, judged, &c, held))
			continue;
		c.name = e->name;
		c.amount = e->amount;
		c.note = e->note;
		c.eaten = true;
		score(&c, m, gap, diet);
		if ((rc = pool_add(pool, &c, err)))
			return rc;
	}

	if (!(st = nt_store_stmt(s, sql_staples, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, nt_measure_name(m));
	nt_stmt_bind_int(st, 2, 1u << diet);
	nt_stmt_bind_int(st, 9, nt_diet_forbids(diet));
	while ((r = nt_stmt_step(st, err)) > 0) {
		struct cand c = {0};
		char amount[256];
		double per100[NT_STORED_COUNT];

		c.id = nt_stmt_int(st, 0);
		c.grams = nt_stmt_double(st, 6);
		for (int k = 0; k < NT_STORED_COUNT; k++)
			per100[k] = nt_stmt_double(st, VALUES_AT + k);
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), c.ref, sizeof c.ref);
		if (!value_of(per100, m, c.grams, judged, &c, held))
			continue;
		portion_amount(amount, sizeof amount, nt_stmt_double(st, 4), nt_stmt_text(st, 5),
		               c.grams);
		c.name = (char *)nt_stmt_text(st, 3);
		c.amount = amount;
		c.note = (char *)nt_stmt_text(st, 7);
		score(&c, m, gap, diet);
		if ((rc = pool_add(pool, &c, err))) {
			nt_stmt_reset(st);
			return rc;
		}
	}
	return r < 0 ? err->status : NT_OK;
}

enum nt_status
nt_suggest(struct nt_store *s, const struct nt_profile *p,
           const struct nt_judgement judged[NT_MEASURE_COUNT], size_t per_measure,
           struct nt_suggestions *out, struct nt_err *err)
{
	static const enum nt_measure measures[] = NT_SUGGEST_MEASURES;
	struct nt_err scratch;
	struct nt_suggestions res = {0, NULL, {0}};
	struct eaten_list eaten = {NULL, 0};
	bool loaded = false;
	size_t cap = 0;

	if (!err)
		err = &scratch;
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		res.held_by[m] = -1;
	for (size_t k = 0; k < sizeof measures / sizeof *measures; k++) {
		enum nt_measure m = measures[k];
		const struct nt_judgement *j = &judged[m];
		struct pool pool = {NULL, 0, 0};
		enum nt_status rc;
		double gap;
		int held = -1;

		if (j->level != NT_LEVEL_LOW)
			continue;
		/* someone with a potassium limit (kidney disease) is never urged to eat more */
		if (m == NT_POTASSIUM && nt_known(j->limit))
			continue;
		gap = j->target - j->intake;
		if (!loaded && (rc = eaten_load(s, p->diet, &eaten, err))) {
			eaten_fini(&eaten);
			nt_suggestions_fini(&res);
			return rc;
		}
		loaded = true;
		if ((rc = gather(s, &eaten, m, p->diet, gap, judged, &pool, &held, err))) {
			pool_fini(&pool);
			eaten_fini(&eaten);
			nt_suggestions_fini(&res);
			return rc;
		}
		if (!pool.n) { /* (qsort may not be given a null array) */
			res.held_by[m] = held;
			pool_fini(&pool);
			continue;
		}
		qsort(pool.v, pool.n, sizeof *pool.v, cand_cmp);
		for (size_t i = 0; i < pool.n && i < per_measure; i++) {
			struct nt_suggestion *sg;
			struct cand *c = &pool.v[i];

			if (res.n == cap) {
				size_t ncap = cap ? 2 * cap : 16;
				struct nt_suggestion *v = realloc(res.v, ncap * sizeof *v);

				if (!v) {
					pool_fini(&pool);
					eaten_fini(&eaten);
					nt_suggestions_fini(&res);
					return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
				}
				res.v = v;
				cap = ncap;
			}
			sg = &res.v[res.n++];
			sg->m = m;
			sg->food_id = c->id;
			memcpy(sg->ref, c->ref, sizeof sg->ref);
			/* hand the strings over */
			sg->name = c->name;
			sg->amount = c->amount;
			sg->note = c->note;
			c->name = c->amount = c->note = NULL;
			sg->grams = c->grams;
			sg->adds = c->adds;
			sg->gap = gap;
			/* from the amount as shown, like every percent the user reads */
			sg->closed_percent =
				(int)floor(100.0 * fmin(nt_round(c->adds, nt_measure_decimals(m)), gap) /
				           gap + 1e-9);
			sg->eaten_before = c->eaten;
			sg->fortified = c->fortified;
			sg->dated = c->dated;
		}
		pool_fini(&pool);
	}
	eaten_fini(&eaten);
	*out = res;
	return NT_OK;
}
