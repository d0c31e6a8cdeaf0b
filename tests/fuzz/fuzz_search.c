/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_search.c - food search (search.h): query strings against the
 * bundled foods, and the ranking on arbitrary food names.
 *
 * Input: a limit byte, a mode byte, then
 *   mode bit 7 clear: the query, run against the bundled foods (FTS5)
 *   mode bit 7 set:   query TAB name TAB also TAB keywords TAB group,
 *                     scored with nt_rank_score (names of imported
 *                     foods can be anything)
 * Checks that no query is an error (words are quoted, so FTS5 syntax in
 * a query is inert), that hits are within the limit and in rank order,
 * and that the query's words are folded, bounded and well-formed.
 */
#include "config.h"

#include <math.h>

#include "fuzz.h"
#include "rank.h"
#include "search.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_db();
	return 0;
}

static void
check_words(const char *query)
{
	char words[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN];
	size_t n;
	bool valid = nt_utf8_valid(query, strlen(query));

	memset(words, 0xa5, sizeof words);
	n = nt_search_words(query, words);
	FUZZ_CHECK(n <= NT_SEARCH_MAX_WORDS, "%zu words", n);
	for (size_t i = 0; i < n; i++) {
		size_t len = strnlen(words[i], NT_SEARCH_WORD_LEN);

		FUZZ_CHECK(len > 0 && len < NT_SEARCH_WORD_LEN, "word %zu of %zu bytes", i, len);
		FUZZ_CHECK(!valid || nt_utf8_valid(words[i], len), "word %zu not UTF-8", i);
		for (size_t k = 0; k < len; k++) {
			char c = words[i][k];

			FUZZ_CHECK(!(c >= 'A' && c <= 'Z') && c != '"' && c != ' ' && c != '*',
			           "word '%s' not folded", words[i]);
		}
	}
}

static char *
field(const uint8_t **data, size_t *size)
{
	size_t len = fuzz_split(*data, *size, '\t');
	char *s = fuzz_strndup(*data, len);

	*data += len + (len < *size);
	*size -= len + (len < *size);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t limit = fuzz_byte(&data, &size) % 32;
	unsigned mode = fuzz_byte(&data, &size);

	if (mode & 0x80) {
		struct nt_query q;
		struct nt_rank_food f;
		char *query = field(&data, &size), *name = field(&data, &size);
		char *also = field(&data, &size), *keywords = field(&data, &size);
		char *group = field(&data, &size);
		double score;

		check_words(query);
		nt_rank_query(query, &q);
		memset(&f, 0, sizeof f);
		f.name = name, f.also = also, f.keywords = keywords, f.group = group;
		f.cls = (unsigned)size, f.breaks = mode & 1, f.uses = mode & 2, f.dropped = -1;
		score = nt_rank_score(&q, &f, NULL);
		FUZZ_CHECK(isfinite(score), "score %g", score);
		free(query), free(name), free(also), free(keywords), free(group);
	} else {
		char *query = fuzz_strndup(data, size);
		struct nt_search_result r;
		struct nt_err err;
		enum nt_status st;

		check_words(query);
		memset(&err, 0, sizeof err);
		memset(&r, 0xa5, sizeof r);
		st = nt_search(fuzz_db(), query, limit, &r, &err);
		FUZZ_CHECK(st == NT_OK, "query '%s' failed: %s", query, err.msg);
		FUZZ_CHECK(r.n <= limit && r.n <= r.total && (r.n == r.total || r.n == limit),
		           "%zu hits of %zu with limit %zu", r.n, r.total, limit);
		for (size_t i = 0; i < r.n; i++) {
			const struct nt_search_hit *h = &r.hits[i];

			FUZZ_CHECK(h->id > 0 && h->ref[0] && h->name && h->group, "hit %zu", i);
			FUZZ_CHECK(isfinite(h->score), "hit %zu scores %g", i, h->score);
			FUZZ_CHECK(i == 0 || r.hits[i - 1].score <= h->score,
			           "hit %zu out of order", i);
			FUZZ_CHECK(!h->has_portion || (h->portion.unit && h->portion.grams > 0),
			           "hit %zu portion", i);
		}
		nt_search_result_fini(&r);
		free(query);
	}
	return 0;
}
