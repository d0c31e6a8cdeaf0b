/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.h - full-text food search ranked so that the everyday food comes first. */
#ifndef NT_SEARCH_H
#define NT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "food.h"
#include "nutrient.h"
#include "rank.h"
#include "status.h"

struct nt_store;

#define NT_SEARCH_MAX_WORDS 8
#define NT_SEARCH_WORD_LEN 48

struct nt_search_hit {
	long long id;
	char ref[40];
	char *name;              /* owned by the result */
	char *group;             /* owned by the result */
	double per100[NT_STORED_COUNT];
	bool ala_estimated;      /* as struct nt_food's: its ALA is an estimate */
	bool has_portion;        /* its first household portion (not FNDDS's "Guideline
	                            amount" or "Quantity not specified" unless it has
	                            only those), when the food has one */
	struct nt_portion portion; /* unit owned by the result */
	char *basis;             /* owned; NULL, or the unit per100 is for when the
	                            food was imported without a weight (food.h) */
	double score;            /* lower is better (nt_rank_score) */
	unsigned cls;            /* NT_CLASS_* (category.h) */
	unsigned tags;           /* NT_TAG_* (diet.h): all it contains (NT_TAGS_UNKNOWN:
	                            its ingredients are not known) */
	unsigned breaks;         /* NT_TAG_* (diet.h) it contains that the diet searched
	                            for rules out; 0 when it fits */
	int uses;                /* times in the user's last 1000 entries */
	int dropped;             /* relaxed: the query term it lacks (nt_rank_query's
	                            order); -1 when it has every term */
	bool whole;              /* every term is a whole word of it (or of its common
	                            names), not only the start of one */
};

/* Caller storage; fill with nt_search(), release with nt_search_result_fini(). */
struct nt_search_result {
	size_t n;      /* hits returned (<= limit) */
	size_t total;  /* foods that matched */
	bool more;     /* total is a floor: more foods match than were read */
	bool relaxed;  /* no food has every word: each hit lacks one of them */
	struct nt_search_hit *hits;
};

/* How to search; a NULL `struct nt_search_opts *` means the defaults. */
#define NT_SEARCH_DIET_PROFILE (-1)
struct nt_search_opts {
	int diet;          /* enum nt_diet, or NT_SEARCH_DIET_PROFILE: the stored profile's */
	bool no_history;   /* rank without the user's journal */
	bool complete;     /* the words are complete (not being typed): foods that have
	                      each word whole come before foods that only have a word
	                      starting so ("egg" is not the start of "eggplant") */
};

/*
 * Splits a query into folded words (lowercase, accents removed): letters
 * and digits of any script make words, as does an apostrophe inside a word
 * ("shepherd's"); punctuation, dashes, fractions and other symbols
 * separate.  Returns the number of words (at most NT_SEARCH_MAX_WORDS).
 */
size_t nt_search_words(const char *query,
                       char words[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN]);

/*
 * Foods whose name, common names, keywords or group contain every term of
 * `query` (nt_rank_query: a word, its plural or singular, or a synonym) as
 * a word prefix ("salm" finds salmon), case- and accent-insensitively,
 * ranked by nt_rank_score (best first; ties by shorter name, then id); at
 * most `limit` hits.  A query of one or two letters matches only the first
 * word of names (someone is starting to type a name).  When no food has
 * every term and there are several, the foods that have all but one are
 * ranked instead and `relaxed` says so.  The ranking knows the diet (the
 * profile's, or opts->diet: foods that break it come after those that fit
 * as well, and hits say what breaks it) and the foods of the user's last
 * 1000 entries (unless opts->no_history).  With more than
 * NT_SEARCH_RANK_MAX matches, the first NT_SEARCH_RANK_MAX by id (the
 * bundled foods, then imported ones in import order) and the user's own
 * foods are read and ranked, and `more` says that total is only a floor.
 * A query without words, or a limit of 0, gives no hits and a total of 0,
 * not an error.  *out is always left valid to fini: empty on failure.
 */
#define NT_SEARCH_RANK_MAX 4000
enum nt_status nt_search_with(struct nt_store *s, const char *query,
                              const struct nt_search_opts *opts, size_t limit,
                              struct nt_search_result *out, struct nt_err *err);

/* nt_search_with() with the default options. */
enum nt_status nt_search(struct nt_store *s, const char *query, size_t limit,
                         struct nt_search_result *out, struct nt_err *err);

void nt_search_result_fini(struct nt_search_result *r);

#endif
