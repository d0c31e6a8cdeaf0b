/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pick.h - which food and weight "add WORDS AMOUNT" means, and what to tell the user about it. */
#ifndef NT_PICK_H
#define NT_PICK_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct nt_store;

/* Scores within this of the food picked count as a near tie. */
#define NT_PICK_NEAR 0.5

/* Another food the words may have meant. */
struct nt_pick_alt {
	long long id;
	char ref[40];
	char *name; /* owned by the pick */
};

/*
 * The food an entry is for.  Caller storage: fill with nt_food_pick(),
 * release with nt_pick_fini().
 */
struct nt_pick {
	long long id;           /* the food */
	char ref[40];
	char *name;             /* owned */
	long long mg;           /* the amount's weight in mg */
	unsigned tags;          /* NT_TAG_* (diet.h): all it contains */
	unsigned breaks;        /* NT_TAG_* (diet.h) it contains that the profile's diet
	                           rules out: a warning to give, not a refusal */
	const char *diet;       /* the profile's diet, named ("vegan") */
	size_t n_alts;          /* foods nearly as good (search words only), best first */
	struct nt_pick_alt alt[2];
};

/*
 * Picks the food `text` names and weighs `amount` of it.  `text` is a food
 * id (nt_food_resolve) or search words: then the best-ranked food (as
 * nt_search ranks for the profile's diet and the user's journal) for which
 * the amount has a meaning ("egg" "2 large" passes over a first food
 * without a "large" portion), else the best food's amount error.  Words
 * that no food has all of (a relaxed search) pick nothing: NT_ERR_NOTFOUND
 * names the nearest foods, so nothing is logged that was not asked for.
 * Words are taken as complete: a food that has each word whole comes
 * before one that only has a word starting so ("egg" does not pick
 * eggplant).  Foods within NT_PICK_NEAR of the one picked that would count
 * differently (B12, omega-3 or potassium per 100 g apart by more than 10%)
 * are named in `alt`.  On failure *out is left empty (fini is still safe).
 */
enum nt_status nt_food_pick(struct nt_store *s, const char *text, const char *amount,
                            struct nt_pick *out, struct nt_err *err);

void nt_pick_fini(struct nt_pick *p);

#endif
