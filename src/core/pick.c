/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pick.c - turning "add WORDS AMOUNT" into one food and a weight. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "diet.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "pick.h"
#include "profile.h"
#include "rank.h"
#include "search.h"

/* How many of the best search hits are tried for an amount that fits. */
#define CANDIDATES 10

void
nt_pick_fini(struct nt_pick *p)
{
	if (!p)
		return;
	free(p->name);
	for (size_t i = 0; i < p->n_alts; i++)
		free(p->alt[i].name);
	memset(p, 0, sizeof *p);
}

/* Grams of `amount` of food `id`, as mg. */
static enum nt_status
weigh(struct nt_store *s, long long id, const char *amount, long long *mg, struct nt_food **food,
      struct nt_err *err)
{
	struct nt_food *f;
	enum nt_status st;
	double g;

	if ((st = nt_food_get(s, id, &f, err)))
		return st;
	if ((st = nt_amount_grams(amount, f, &g, err))) {
		nt_food_free(f);
		return st;
	}
	*mg = nt_grams_to_mg(g);
	*food = f;
	return NT_OK;
}

/* The profile's diet and what it rules out in food `id`. */
static enum nt_status
diet_check(struct nt_store *s, long long id, struct nt_pick *p, struct nt_err *err)
{
	struct nt_profile prof;
	unsigned tags;
	bool corrected;
	enum nt_status st;

	if ((st = nt_profile_get(s, &prof, err)) ||
	    (st = nt_food_tags(s, id, &tags, &corrected, err)))
		return st;
	p->diet = nt_diet_name(prof.diet);
	p->tags = tags;
	p->breaks = tags & nt_diet_forbids(prof.diet);
	return NT_OK;
}

static enum nt_status
take(struct nt_store *s, struct nt_food *f, long long mg, struct nt_pick *out, struct nt_err *err)
{
	out->id = f->id;
	snprintf(out->ref, sizeof out->ref, "%s", f->ref);
	out->mg = mg;
	if (!(out->name = strdup(f->name)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return diet_check(s, f->id, out, err);
}

/*
 * Whether two foods count differently (per 100 g): one of B12, omega-3
 * and potassium known in one and not the other, or apart by more than 10%
 * and more than a trace (0.05 ug B12, 0.02 g omega-3, 10 mg potassium).
 */
static bool
differs(const struct nt_amounts *a, const struct nt_amounts *b)
{
	static const struct {
		enum nt_measure m;
		double trace;
	} key[] = {{NT_B12, 0.05}, {NT_OMEGA3, 0.02}, {NT_POTASSIUM, 10}};

	for (size_t i = 0; i < sizeof key / sizeof *key; i++) {
		double x = a->v[key[i].m], y = b->v[key[i].m], d = x > y ? x - y : y - x;

		if (nt_known(x) != nt_known(y))
			return true;
		if (nt_known(x) && d > key[i].trace && d > 0.1 * (x > y ? x : y))
			return true;
	}
	return false;
}

/*
 * "A (ref), B (ref)": the first n hits, for a message; with q, the hits of
 * a relaxed search, each with the word it lacks: "A (ref; lacks 'x')".
 */
static void
hit_list(const struct nt_search_result *r, size_t n, const struct nt_query *q, char *buf,
         size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->n && i < n && o < size; i++) {
		const struct nt_search_hit *h = &r->hits[i];

		if (q && h->dropped >= 0 && (size_t)h->dropped < q->n)
			o += (size_t)snprintf(buf + o, size - o, "%s%s (%s; lacks '%s')", i ? "; " : "",
			                      h->name, h->ref, q->t[h->dropped].alt[0].w[0]);
		else
			o += (size_t)snprintf(buf + o, size - o, "%s%s (%s)", i ? "; " : "", h->name,
			                      h->ref);
	}
}

enum nt_status
nt_food_pick(struct nt_store *s, const char *text, const char *amount, struct nt_pick *out,
             struct nt_err *err)
{
	struct nt_err scratch, first_err = {NT_OK, ""};
	struct nt_search_result r;
	struct nt_food *f = NULL;
	struct nt_search_opts opts = {NT_SEARCH_DIET_PROFILE, false, true};
	struct nt_amounts mine;
	enum nt_status st, first_st = NT_OK;
	long long mg;
	size_t chosen = 0;

	if (!err)
		err = &scratch;
	memset(out, 0, sizeof *out);
	if (nt_food_looks_like_id(text)) {
		long long id;

		if ((st = nt_food_resolve(s, text, &id, err)) ||
		    (st = weigh(s, id, amount, &mg, &f, err)))
			return st;
		st = take(s, f, mg, out, err);
		nt_food_free(f);
		if (st)
			nt_pick_fini(out);
		return st;
	}
	if ((st = nt_search_with(s, text, &opts, CANDIDATES, &r, err)))
		return st;
	if (r.n == 0) {
		nt_search_result_fini(&r);
		return nt_err_set(err, NT_ERR_NOTFOUND, "no food matches '%.80s'", text);
	}
	if (r.relaxed) {
		char list[600];
		struct nt_query q;

		/* logging a food that lacks a word the user typed is a guess: say, don't */
		nt_rank_query(text, &q);
		hit_list(&r, 3, &q, list, sizeof list);
		nt_search_result_fini(&r);
		return nt_err_set(err, NT_ERR_NOTFOUND,
		                  "no food has every word of '%.80s'; the nearest: %s; give an id or "
		                  "other words", text, list);
	}
	for (chosen = 0; chosen < r.n; chosen++) {
		st = weigh(s, r.hits[chosen].id, amount, &mg, &f, err);
		if (st == NT_OK)
			break;
		if (chosen == 0) {
			first_st = st;
			first_err = *err;
		}
		if (st != NT_ERR_INVALID)
			break; /* only a unit the food lacks is worth another try */
	}
	if (chosen == r.n || st) {
		nt_search_result_fini(&r);
		*err = first_err;
		return first_st;
	}
	st = take(s, f, mg, out, err);
	nt_amounts_for(f->per100, 100, &mine);
	nt_food_free(f);
	/* near ties that would count differently: what else the words may have meant */
	for (size_t i = 0; !st && i < r.n && out->n_alts < 2; i++) {
		struct nt_pick_alt *a = &out->alt[out->n_alts];
		struct nt_amounts theirs;

		if (i == chosen || r.hits[i].score > r.hits[chosen].score + NT_PICK_NEAR ||
		    r.hits[i].whole != r.hits[chosen].whole)
			continue;
		nt_amounts_for(r.hits[i].per100, 100, &theirs);
		if (!differs(&mine, &theirs))
			continue;
		a->id = r.hits[i].id;
		snprintf(a->ref, sizeof a->ref, "%s", r.hits[i].ref);
		if (!(a->name = strdup(r.hits[i].name)))
			st = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		else
			out->n_alts++;
	}
	nt_search_result_fini(&r);
	if (st)
		nt_pick_fini(out);
	return st;
}
