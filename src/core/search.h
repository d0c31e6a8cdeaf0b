/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.h - full-text food search ranked so that the everyday food comes first. */
#ifndef NT_SEARCH_H
#define NT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "food.h"
#include "nutrient.h"
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
	bool has_portion;        /* first USDA portion, when the food has one */
	struct nt_portion portion; /* unit owned by the result */
	char *basis;             /* owned; NULL, or the unit per100 is for when the
	                            food was imported without a weight (food.h) */
	double score;            /* lower is better */
};

/* Caller storage; fill with nt_search(), release with nt_search_result_fini(). */
struct nt_search_result {
	size_t n;      /* hits returned (<= limit) */
	size_t total;  /* foods that matched */
	bool more;     /* total is a floor: more foods match than were read */
	struct nt_search_hit *hits;
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
 * Foods whose name, common names, keywords or group contain every word of
 * `query` as a word prefix ("salm" finds salmon), case- and
 * accent-insensitively, best first; at most `limit` hits.  A query of one
 * or two letters matches only the first word of names (someone is starting
 * to type a name).  A word ending in a consonant and "y" also finds its
 * "-ies" plural ("berry" finds "berries").  With more than
 * NT_SEARCH_RANK_MAX matches, the first NT_SEARCH_RANK_MAX by id (the bundled
 * foods, then imported ones in import order) and the user's own foods are
 * read and ranked, and `more` says that total is only a floor.  A query without words, or a
 * limit of 0, gives no hits and a total of 0, not an error.  *out is
 * always left valid to fini: empty on failure.
 */
#define NT_SEARCH_RANK_MAX 4000
enum nt_status nt_search(struct nt_store *s, const char *query, size_t limit,
                         struct nt_search_result *out, struct nt_err *err);

void nt_search_result_fini(struct nt_search_result *r);

/*
 * The ranking (lower is better), exposed for tests.  Whole-word matches
 * beat prefix matches, matches in the food's head (the name before its
 * first comma, after a category such as "Fish,") beat matches later in the
 * name, which beat matches in common names and keywords; a head made only
 * of query words earns a bonus, and so do words of the plain form ("raw",
 * "whole"); other extra name words, baby foods, restaurant and fast foods
 * and brand names cost a little.
 */
double nt_search_score(char words[][NT_SEARCH_WORD_LEN], size_t n, const char *name,
                       const char *also, const char *keywords, const char *group);

#endif
