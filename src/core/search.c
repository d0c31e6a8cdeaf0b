/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.c - FTS5 matching and the ranking of hits. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "category.h"
#include "diet.h"
#include "profile.h"
#include "rank.h"
#include "search.h"
#include "store.h"
#include "text.h"

size_t
nt_search_words(const char *query, char words[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN])
{
	_Static_assert(NT_SEARCH_WORD_LEN == NT_QUERY_WORD_LEN, "one word length");
	return nt_rank_words(query, words, NT_SEARCH_MAX_WORDS);
}

struct cand {
	long long id;
	double score;
	size_t name_len;
	unsigned cls, breaks, tags;
	int uses, dropped;
	bool whole, complete;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->complete && x->whole != y->whole)
		return x->whole ? -1 : 1;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->name_len != y->name_len)
		return x->name_len < y->name_len ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* By id, the best score of an id first. */
static int
cand_by_id(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return cand_cmp(a, b);
}

/*
 * What ranking reads of a food: its words, class and diet tags (a bundled
 * food's tags from food_tags, where the tag update puts them).
 */
#define CAND_COLUMNS(f) \
	f ".name, " f ".also, " f ".keywords, " f ".grp, max(" f ".class, 0)," \
	" coalesce((SELECT contains FROM food_tags WHERE food = " f ".id), " f ".contains)," \
	" " f ".source IN ('custom', 'recipe')"
/*
 * The matching foods in id order, read in one statement (one walk of the
 * index and the table, not a look-up per food: "sa" matches thousands).
 */
static const char sql_match[] =
	"SELECT f.id, " CAND_COLUMNS("f") " FROM food_fts JOIN foods f ON f.id = food_fts.rowid"
	" WHERE food_fts MATCH ?1 ORDER BY food_fts.rowid LIMIT ?2";
static const char sql_cand[] = "SELECT foods.id, " CAND_COLUMNS("foods") " FROM foods WHERE id = ?1";
/* The user's own foods: ranked however many foods match. */
static const char sql_own[] =
	"SELECT id FROM foods WHERE source IN ('custom', 'recipe') AND id > ?1";
static const char sql_own_match[] = "SELECT 1 FROM food_fts WHERE food_fts MATCH ?1 AND rowid = ?2";
/*
 * The foods of the last HISTORY_ENTRIES entries (counted in C: a GROUP BY
 * would sort in a temporary b-tree on every search).
 */
#define HISTORY_ENTRIES 1000
#define HISTORY_SLOTS 2048 /* a power of two; at most half full */
#define STR_(x) #x
#define STR(x) STR_(x)
_Static_assert(2 * HISTORY_ENTRIES <= HISTORY_SLOTS, "history table at most half full");
static const char sql_history[] =
	"SELECT food FROM entries ORDER BY id DESC LIMIT " STR(HISTORY_ENTRIES);
static const char sql_hit[] =
	"SELECT source, code, name, grp" NT_FOOD_READ_VALUES_FOODS
	", basis, ala_estimated FROM foods WHERE id = ?1";
/*
 * A food's portions in order: the first household measure is chosen in C
 * (FNDDS's "Guideline amount ..." and "Quantity not specified" are not
 * household measures, when there is another), as an ORDER BY on that test
 * would sort in a temporary b-tree for every hit.
 */
static const char sql_portions[] =
	"SELECT amount, unit, grams FROM portions WHERE food = ?1 ORDER BY seq";

void
nt_search_result_fini(struct nt_search_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->hits[i].name);
		free(r->hits[i].group);
		free(r->hits[i].portion.unit);
		free(r->hits[i].basis);
	}
	free(r->hits);
	r->hits = NULL;
	r->n = r->total = 0;
	r->more = r->relaxed = false;
}

/* The first household portion of hit h (else its first portion), if any. */
static enum nt_status
load_portion(struct nt_store *s, struct nt_search_hit *h, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_portions, err);
	int rc;

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, h->id);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		const char *unit = nt_stmt_text(st, 1);
		bool household = nt_portion_is_household(unit);

		if (h->has_portion && !household)
			continue;
		free(h->portion.unit);
		h->has_portion = true;
		h->portion.amount = nt_stmt_double(st, 0);
		h->portion.unit = strdup(unit);
		h->portion.grams = nt_stmt_double(st, 2);
		if (!h->portion.unit) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		if (household)
			break;
	}
	nt_stmt_reset(st);
	return rc < 0 ? err->status : NT_OK;
}

static enum nt_status
load_hit(struct nt_store *s, const struct cand *c, struct nt_search_hit *h,
         struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_hit, err);
	const int bcol = 4 + NT_STORED_COUNT;
	bool has_basis;
	int rc;

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 1, c->id);
	if ((rc = nt_stmt_step(st, err)) <= 0)
		return rc < 0 ? err->status
		              : nt_err_set(err, NT_ERR_NOTFOUND, "food vanished during search");
	memset(h, 0, sizeof *h);
	h->id = c->id;
	h->score = c->score;
	h->cls = c->cls;
	h->breaks = c->breaks;
	h->tags = c->tags;
	h->uses = c->uses;
	h->dropped = c->dropped;
	h->whole = c->whole;
	nt_food_ref(nt_stmt_text(st, 0), nt_stmt_text(st, 1), h->ref, sizeof h->ref);
	h->name = strdup(nt_stmt_text(st, 2));
	h->group = strdup(nt_stmt_text(st, 3));
	for (int m = 0; m < NT_STORED_COUNT; m++)
		h->per100[m] = nt_stmt_double(st, 4 + m);
	has_basis = !nt_stmt_is_null(st, bcol);
	if (has_basis)
		h->basis = strdup(nt_stmt_text(st, bcol));
	h->ala_estimated = nt_stmt_int(st, bcol + 1) != 0;
	nt_stmt_reset(st);
	if (!h->name || !h->group || (has_basis && !h->basis))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return load_portion(s, h, err);
}

/* Appends `"word"*` (with its -ies form for a word ending in consonant-y) to buf. */
static size_t
fts_word(char *buf, size_t n, size_t o, const char *w)
{
	char sing[NT_QUERY_WORD_LEN], stem[NT_QUERY_WORD_LEN];
	size_t len, sl, k = 0;

	nt_rank_singular(w, sing, sizeof sing);
	sl = strlen(sing);
	/* the longest start the typed word and its singular share */
	while (w[k] && w[k] == sing[k])
		k++;
	len = strlen(w);
	if (sl >= 3 && sing[sl - 1] == 'y' && !strchr("aeiou", sing[sl - 2]))
		/* "berry" must also find "berries", which it is no prefix of */
		return o + (size_t)snprintf(buf + o, o < n ? n - o : 0, "(\"%s\"* OR \"%.*si\"*)",
		                            sing, (int)sl - 1, sing);
	if (k == sl || k == len) {
		memcpy(stem, w, k);
		stem[k] = '\0';
		return o + (size_t)snprintf(buf + o, o < n ? n - o : 0, "\"%s\"*", stem);
	}
	/* an irregular plural ("leaves"): either form */
	return o + (size_t)snprintf(buf + o, o < n ? n - o : 0, "(\"%s\"* OR \"%s\"*)", sing, w);
}

/*
 * The FTS5 expression for the query's terms, leaving out term `skip` (-1:
 * none).  Every word is quoted, so FTS5 syntax in the query is inert.  One
 * or two letters are the start of a name being typed: they match the first
 * word of names only, which keeps each keystroke cheap (thousands of foods
 * have some word starting with "s").
 */
static void
fts_query(const struct nt_query *q, int skip, char *buf, size_t n)
{
	size_t o = 0;
	bool first = true;

	buf[0] = '\0';
	if (q->typing) {
		snprintf(buf, n, "name : ^\"%s\"*", q->t[0].alt[0].w[0]);
		return;
	}
	for (size_t i = 0; i < q->n; i++) {
		const struct nt_term *t = &q->t[i];

		if ((int)i == skip)
			continue;
		o += (size_t)snprintf(buf + o, o < n ? n - o : 0, "%s(", first ? "" : " AND ");
		first = false;
		for (size_t a = 0; a < t->n_alts; a++) {
			if (a)
				o += (size_t)snprintf(buf + o, o < n ? n - o : 0, " OR ");
			o += (size_t)snprintf(buf + o, o < n ? n - o : 0, "(");
			for (size_t k = 0; k < t->alt[a].n; k++) {
				if (k)
					o += (size_t)snprintf(buf + o, o < n ? n - o : 0, " AND ");
				o = fts_word(buf, n, o, t->alt[a].w[k]);
			}
			o += (size_t)snprintf(buf + o, o < n ? n - o : 0, ")");
		}
		o += (size_t)snprintf(buf + o, o < n ? n - o : 0, ")");
	}
	if (o >= n)
		buf[n - 1] = '\0'; /* cannot happen with the limits on words; stay a string */
}

/*
 * The foods of the user's recent entries with their counts, in an
 * open-addressing hash table by id (looked up for every food ranked).
 */
struct history {
	size_t mask; /* slots - 1; 0 when there is no table */
	long long *id; /* 0: an empty slot (ids start at 1) */
	int *uses;
};

static void
history_fini(struct history *h)
{
	free(h->id);
	free(h->uses);
	memset(h, 0, sizeof *h);
}

static size_t
history_slot(const struct history *h, long long id)
{
	size_t i = (size_t)(((unsigned long long)id * 0x9E3779B97F4A7C15ull) >> 32) & h->mask;

	while (h->id[i] && h->id[i] != id)
		i = (i + 1) & h->mask;
	return i;
}

static enum nt_status
history_load(struct nt_store *s, struct history *h, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_history, err);
	int rc;

	memset(h, 0, sizeof *h);
	if (!st)
		return err->status;
	h->id = calloc(HISTORY_SLOTS, sizeof *h->id);
	h->uses = calloc(HISTORY_SLOTS, sizeof *h->uses);
	if (!h->id || !h->uses) {
		history_fini(h);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	h->mask = HISTORY_SLOTS - 1;
	while ((rc = nt_stmt_step(st, err)) > 0) {
		long long id = nt_stmt_int(st, 0);
		size_t i;

		if (id <= 0)
			continue; /* not a food id: cannot match one */
		i = history_slot(h, id);
		h->id[i] = id;
		h->uses[i]++;
	}
	return rc < 0 ? err->status : NT_OK;
}

static int
history_uses(const struct history *h, long long id)
{
	size_t i;

	if (!h->mask || id <= 0)
		return 0;
	i = history_slot(h, id);
	return h->id[i] == id ? h->uses[i] : 0;
}

/* The diet to rank for: opts', or the stored profile's. */
static enum nt_status
search_diet(struct nt_store *s, const struct nt_search_opts *opts, unsigned *forbids,
            struct nt_err *err)
{
	struct nt_profile p;
	enum nt_status rc;

	if (opts && opts->diet != NT_SEARCH_DIET_PROFILE) {
		*forbids = nt_diet_forbids((enum nt_diet)opts->diet);
		return NT_OK;
	}
	if ((rc = nt_profile_get(s, &p, err)))
		return rc;
	*forbids = nt_diet_forbids(p.diet);
	return NT_OK;
}

/*
 * Puts the best k of the n candidates first, in order: a full sort of
 * thousands of candidates costs more than ranking them, for the ten shown.
 */
static void
best_first(struct cand *c, size_t n, size_t k)
{
	if (k == 0 || n < 2)
		return;
	if (k > n / 8) {
		qsort(c, n, sizeof *c, cand_cmp);
		return;
	}
	qsort(c, k, sizeof *c, cand_cmp);
	for (size_t i = k; i < n; i++) {
		struct cand x;
		size_t j = k - 1;

		if (cand_cmp(&c[i], &c[k - 1]) >= 0)
			continue;
		/* it displaces the worst kept: insert it in order */
		x = c[i];
		c[i] = c[k - 1];
		while (j > 0 && cand_cmp(&x, &c[j - 1]) < 0) {
			c[j] = c[j - 1];
			j--;
		}
		c[j] = x;
	}
}

/* The candidates being ranked. */
struct ranking {
	const struct nt_query *q;
	unsigned forbids;
	const struct history *hist;
	bool complete;
	size_t n, cap;
	struct cand *c;
};

/* Ranks the food on st's current row (sql_match or sql_cand columns). */
static enum nt_status
rank_row(struct ranking *r, struct nt_stmt *st, int dropped, struct nt_err *err)
{
	struct nt_rank_food f;
	double parts[NT_RANK_RULE_COUNT];
	struct cand *c;
	long long id = nt_stmt_int(st, 0);
	unsigned c_tags;

	if (r->n == r->cap) {
		size_t ncap = r->cap ? 2 * r->cap : 256;

		if (!(c = realloc(r->c, ncap * sizeof *c)))
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		r->c = c;
		r->cap = ncap;
	}
	f.name = nt_stmt_text(st, 1);
	f.also = nt_stmt_text(st, 2);
	f.keywords = nt_stmt_text(st, 3);
	f.group = nt_stmt_text(st, 4);
	f.cls = (unsigned)nt_stmt_int(st, 5);
	c_tags = (unsigned)nt_stmt_int(st, 6);
	f.breaks = c_tags & r->forbids;
	f.own = nt_stmt_int(st, 7) != 0;
	f.uses = history_uses(r->hist, id);
	f.dropped = dropped;
	c = &r->c[r->n++];
	c->id = id;
	c->name_len = strlen(f.name);
	c->cls = f.cls;
	c->breaks = f.breaks;
	c->tags = c_tags;
	c->uses = f.uses;
	c->dropped = f.dropped;
	c->score = nt_rank_score(r->q, &f, parts);
	c->whole = parts[NT_RANK_HEAD_PREFIX] == 0 && parts[NT_RANK_NAME_PREFIX] == 0 &&
	           parts[NT_RANK_ALSO_PREFIX] == 0 && parts[NT_RANK_GROUP_ONLY] == 0;
	c->complete = r->complete;
	return NT_OK;
}

/*
 * The user's own foods (custom, recipe) past id `after` that match too:
 * they are few, and each is one look-up in the index.
 */
static enum nt_status
rank_own(struct nt_store *s, const char *match, long long after, int dropped,
         struct ranking *r, struct nt_err *err)
{
	struct nt_stmt *own, *hit, *cand;
	int rc, found;

	if (!(own = nt_store_stmt(s, sql_own, err)))
		return err->status;
	nt_stmt_bind_int(own, 1, after);
	while ((rc = nt_stmt_step(own, err)) > 0) {
		long long id = nt_stmt_int(own, 0);
		enum nt_status st = NT_OK;

		if (!(hit = nt_store_stmt(s, sql_own_match, err))) {
			nt_stmt_reset(own);
			return err->status;
		}
		nt_stmt_bind_text(hit, 1, match);
		nt_stmt_bind_int(hit, 2, id);
		found = nt_stmt_step(hit, err);
		nt_stmt_reset(hit);
		if (found > 0) {
			if (!(cand = nt_store_stmt(s, sql_cand, err))) {
				found = -1;
			} else {
				nt_stmt_bind_int(cand, 1, id);
				if ((found = nt_stmt_step(cand, err)) > 0)
					st = rank_row(r, cand, dropped, err);
				nt_stmt_reset(cand);
			}
		}
		if (found < 0 || st) {
			nt_stmt_reset(own);
			return err->status;
		}
	}
	return rc < 0 ? err->status : NT_OK;
}

/*
 * Ranks the foods that match, at most NT_SEARCH_RANK_MAX (+ the user's
 * own); *more when there were more.  The lowest ids are read first (the
 * bundled foods, loaded first): "s" can match 80,000 foods of a Branded
 * import, and reading each one is what costs.
 */
static enum nt_status
rank_matches(struct nt_store *s, const char *match, int dropped, struct ranking *r,
             bool *more, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_match, err);
	size_t read = 0;
	long long last = 0;
	bool cut = false;
	int rc;

	if (!st)
		return err->status;
	nt_stmt_bind_text(st, 1, match);
	nt_stmt_bind_int(st, 2, NT_SEARCH_RANK_MAX + 1);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		if (read == NT_SEARCH_RANK_MAX) {
			cut = true;
			break;
		}
		last = nt_stmt_int(st, 0);
		if (rank_row(r, st, dropped, err)) {
			nt_stmt_reset(st);
			return err->status;
		}
		read++;
	}
	nt_stmt_reset(st);
	if (rc < 0)
		return err->status;
	if (!cut)
		return NT_OK;
	*more = true;
	return rank_own(s, match, last, dropped, r, err);
}

static enum nt_status
search_in(struct nt_store *s, const char *query, const struct nt_search_opts *opts,
          size_t limit, struct nt_search_result *out, struct nt_err *err)
{
	struct nt_query q;
	char match[NT_QUERY_MAX_TERMS * NT_TERM_MAX_ALTS * NT_ALT_MAX_WORDS *
	           (2 * NT_QUERY_WORD_LEN + 24)];
	struct history hist = {0};
	struct ranking r = {.q = &q, .hist = &hist, .complete = opts && opts->complete};
	size_t n;
	enum nt_status rc;

	nt_rank_query(query, &q);
	if (q.n == 0 || limit == 0)
		return NT_OK;
	if ((rc = search_diet(s, opts, &r.forbids, err)) ||
	    (!(opts && opts->no_history) && (rc = history_load(s, &hist, err))))
		goto done;

	fts_query(&q, -1, match, sizeof match);
	if ((rc = rank_matches(s, match, -1, &r, &out->more, err)))
		goto done;
	/*
	 * Nothing has every word: rank what has all but one ("ground flaxseed"
	 * finds the flaxseed), each term left out in turn.
	 */
	if (r.n == 0 && q.n > 1 && !q.typing) {
		for (size_t k = 0; k < q.n && r.n < NT_SEARCH_RANK_MAX; k++) {
			fts_query(&q, (int)k, match, sizeof match);
			if ((rc = rank_matches(s, match, (int)k, &r, &out->more, err)))
				goto done;
		}
		out->relaxed = r.n > 0;
	}
	n = r.n;
	/* a food found by leaving out different terms is one food: keep its best */
	if (out->relaxed && n > 1) {
		size_t m = 0;

		qsort(r.c, n, sizeof *r.c, cand_by_id);
		for (size_t i = 0; i < n; i++)
			if (!m || r.c[m - 1].id != r.c[i].id)
				r.c[m++] = r.c[i];
		n = m;
	}
	out->total = n;
	if (limit > n)
		limit = n;
	best_first(r.c, n, limit);
	if (limit && !(out->hits = calloc(limit, sizeof *out->hits))) {
		rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < limit; i++) {
		out->n = i + 1;
		if ((rc = load_hit(s, &r.c[i], &out->hits[i], err)))
			goto done;
	}
	rc = NT_OK;
done:
	free(r.c);
	history_fini(&hist);
	return rc;
}

enum nt_status
nt_search_with(struct nt_store *s, const char *query, const struct nt_search_opts *opts,
               size_t limit, struct nt_search_result *out, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	memset(out, 0, sizeof *out);
	/* thousands of lookups: one snapshot, one lock */
	if ((rc = nt_store_begin_read(s, err)))
		return rc;
	if ((rc = search_in(s, query, opts, limit, out, err))) {
		nt_search_result_fini(out); /* empty on failure, as promised */
		nt_store_rollback(s);
		return rc;
	}
	if ((rc = nt_store_commit(s, err)))
		nt_search_result_fini(out);
	return rc;
}

enum nt_status
nt_search(struct nt_store *s, const char *query, size_t limit, struct nt_search_result *out,
          struct nt_err *err)
{
	return nt_search_with(s, query, NULL, limit, out, err);
}
