/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.c - FTS5 matching and the ranking of hits. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "text.h"

#define MAX_TOKENS 48

struct tokens {
	size_t n;
	char t[MAX_TOKENS][NT_SEARCH_WORD_LEN];
	int seg[MAX_TOKENS]; /* comma-separated segment of each token */
};

/*
 * Whether a code point can be part of a word: letters and digits of any
 * script, not punctuation, dashes, fractions, arrows or other symbols
 * ("salmon \u2014 raw" is two words).
 */
static bool
word_cp(unsigned cp)
{
	if (cp < 0x80)
		return isalnum((int)cp);
	return !((cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	         (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	         (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff20));
}

/* Length of the word character at p (0 when p is not in a word). */
static size_t
word_char(const char *p, bool inside)
{
	unsigned cp;
	size_t k;

	if ((unsigned char)*p < 0x80) {
		/* an apostrophe inside a word keeps it whole: "shepherd's" */
		if (*p == '\'' && inside)
			return isalnum((unsigned char)p[1]) ? 1 : 0;
		return isalnum((unsigned char)*p) ? 1 : 0;
	}
	k = nt_utf8_decode(p, strlen(p), &cp);
	if (k == 0)
		return 1; /* a stray byte: keep it, FTS5 decides */
	return word_cp(cp) ? k : 0;
}

/* Folds and splits text into tokens, noting each token's segment. */
static void
tokenize(const char *text, struct tokens *tk)
{
	char folded[1024];
	int seg = 0;
	const char *p;

	tk->n = 0;
	nt_text_fold(text, folded, sizeof folded);
	for (p = folded; *p;) {
		size_t len = 0, k;

		if (*p == ',' || *p == ';')
			seg++;
		if (!word_char(p, false)) {
			unsigned cp;
			size_t skip = (unsigned char)*p < 0x80 ? 1 : nt_utf8_decode(p, strlen(p), &cp);

			p += skip ? skip : 1; /* the whole separator, not one byte of it */
			continue;
		}
		while ((k = word_char(p + len, len > 0)) > 0)
			len += k;
		if (tk->n < MAX_TOKENS) {
			size_t keep = len;

			if (keep >= NT_SEARCH_WORD_LEN) {
				/*
				 * Cut at a character boundary: back over at most the
				 * three continuation bytes of one character (a longer
				 * run is stray bytes, cut anywhere, never to nothing).
				 */
				keep = NT_SEARCH_WORD_LEN - 1;
				while (keep > NT_SEARCH_WORD_LEN - 4 && (p[keep] & 0xc0) == 0x80)
					keep--;
				if ((p[keep] & 0xc0) == 0x80)
					keep = NT_SEARCH_WORD_LEN - 1;
			}
			memcpy(tk->t[tk->n], p, keep);
			tk->t[tk->n][keep] = '\0';
			tk->seg[tk->n] = seg;
			tk->n++;
		}
		p += len;
	}
}

size_t
nt_search_words(const char *query, char words[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN])
{
	struct tokens tk;
	size_t n = 0;

	tokenize(query, &tk);
	for (size_t i = 0; i < tk.n && n < NT_SEARCH_MAX_WORDS; i++)
		memcpy(words[n++], tk.t[i], NT_SEARCH_WORD_LEN);
	return n;
}

/* Plural-insensitive equality: "eggs" = "egg", "berries" = "berry". */
static bool
same_word(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == lb)
		return !strcmp(a, b);
	if (la > lb) {
		const char *t = a;
		size_t tl = la;

		a = b, la = lb, b = t, lb = tl;
	}
	/* now a is the shorter one */
	if (la > 1 && lb == la + 2 && a[la - 1] == 'y' && !strcmp(b + la - 1, "ies"))
		return !strncmp(a, b, la - 1); /* berry = berries */
	if (strncmp(a, b, la))
		return false;
	return (lb == la + 1 && b[la] == 's') || (lb == la + 2 && !strcmp(b + la, "es"));
}

static bool
prefix_of(const char *q, const char *t)
{
	return !strncmp(q, t, strlen(q));
}

/* Leading name segments that only say what kind of food follows. */
static const char *const categories[] = {
	"fish", "mollusks", "crustaceans", "cereals", "cereals ready to eat",
	"beverages", "babyfood", "nuts", "seeds", "spices", "oil", "candies",
	"snacks", "leavening agents", "alcoholic beverage", "beverage",
};

/* Index of the head segment: 1 when segment 0 is a category word, else 0. */
static int
head_segment(const struct tokens *tk)
{
	char seg0[128];
	size_t o = 0;

	for (size_t i = 0; i < tk->n && tk->seg[i] == 0; i++) {
		size_t len = strlen(tk->t[i]);

		if (o + len + 2 > sizeof seg0)
			return 0; /* longer than any category */
		if (o)
			seg0[o++] = ' ';
		memcpy(seg0 + o, tk->t[i], len);
		o += len;
	}
	seg0[o] = '\0';
	for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
		if (seg0[0] == categories[i][0] && !strcmp(seg0, categories[i]))
			return 1;
	return 0;
}

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Membership in a sorted word list (called for every token of every hit). */
static bool
in_list(const char *t, const char *const *list, size_t n)
{
	return bsearch(t, list, n, sizeof *list, cmp_word) != NULL;
}

/* Words that describe the plain, everyday form of a food (sorted). */
static const char *const plain_words[] = {
	"baked", "boiled", "broiled", "cooked", "fresh", "grilled", "nfs", "original",
	"plain", "raw", "regular", "roasted", "steamed", "unsweetened", "whole",
};

/* Little words that neither help nor hurt (sorted). */
static const char *const stop_words[] = {
	"and", "as", "from", "in", "made", "ns", "of", "or", "to", "with", "without",
};

#define N_PLAIN (sizeof plain_words / sizeof *plain_words)
#define N_STOP (sizeof stop_words / sizeof *stop_words)

static bool
has_brand(const char *name)
{
	int run = 0;

	for (const char *p = name; *p; p++) {
		if (isupper((unsigned char)*p) || (run && (*p == '\'' || *p == '&')))
			run++;
		else if (isalpha((unsigned char)*p))
			run = -1000; /* mixed-case word */
		else {
			if (run >= 3)
				return true;
			run = 0;
		}
	}
	return run >= 3;
}

double
nt_search_score(char words[][NT_SEARCH_WORD_LEN], size_t n, const char *name,
                const char *also, const char *keywords, const char *group)
{
	struct tokens nm, ex;
	char extra[1024];
	bool used[MAX_TOKENS] = {false};
	double score = 0;
	int head, unmatched = 0, plain = 0;
	bool head_covered = true, head_seen = false, extra_done = false;

	tokenize(name, &nm);
	ex.n = 0;
	head = head_segment(&nm);
	if (head == 1 && (nm.n == 0 || nm.seg[nm.n - 1] == 0))
		head = 0;

	for (size_t w = 0; w < n; w++) {
		double best = 8; /* matched only through the food group */

		for (size_t i = 0; i < nm.n; i++) {
			bool in_head = nm.seg[i] == head;
			double c;

			if (same_word(words[w], nm.t[i]))
				c = in_head ? 0 : 2;
			else if (prefix_of(words[w], nm.t[i]))
				c = in_head ? 3 : 4;
			else
				continue;
			used[i] = true;
			if (c < best)
				best = c;
		}
		if (best > 5 && !extra_done) {
			/* Common names and keywords only matter for words the name lacks. */
			snprintf(extra, sizeof extra, "%s %s", also, keywords);
			tokenize(extra, &ex);
			extra_done = true;
		}
		for (size_t i = 0; i < ex.n && best > 5; i++) {
			if (same_word(words[w], ex.t[i]))
				best = 5;
			else if (prefix_of(words[w], ex.t[i]) && best > 6)
				best = 6;
		}
		score += best;
	}
	for (size_t i = 0; i < nm.n; i++) {
		if (nm.seg[i] < head)
			continue;
		if (nm.seg[i] == head) {
			bool exact = false;

			head_seen = true;
			for (size_t w = 0; w < n && !exact; w++)
				exact = same_word(words[w], nm.t[i]);
			if (!exact)
				head_covered = false;
		}
		if (used[i] || in_list(nm.t[i], stop_words, N_STOP))
			continue;
		if (in_list(nm.t[i], plain_words, N_PLAIN))
			plain++;
		else
			unmatched++;
	}
	if (head_seen && head_covered)
		score -= 3;
	score += unmatched > 12 ? 3.0 : 0.25 * unmatched;
	score -= plain > 2 ? 0.6 : 0.3 * plain;
	if (!strncmp(group, "Baby", 4))
		score += 4;
	else if (!strcmp(group, "Fast Foods") || !strcmp(group, "Restaurant Foods") ||
	         !strcmp(group, "American Indian/Alaska Native Foods"))
		score += 2;
	if (has_brand(name))
		score += 1.5;
	return score;
}

struct cand {
	long long id;
	double score;
	size_t name_len;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->name_len != y->name_len)
		return x->name_len < y->name_len ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * The matches, by id: cheap even when they are a hundred thousand (the
 * index alone); reading and ranking each food is what costs.
 */
static const char sql_match[] =
	"SELECT rowid FROM food_fts WHERE food_fts MATCH ?1 ORDER BY rowid LIMIT ?2";
static const char sql_cand[] = "SELECT name, also, keywords, grp FROM foods WHERE id = ?1";
/* The user's own foods: ranked however many foods match. */
static const char sql_own[] =
	"SELECT id FROM foods WHERE source IN ('custom', 'recipe') AND id > ?1";
static const char sql_own_match[] = "SELECT 1 FROM food_fts WHERE food_fts MATCH ?1 AND rowid = ?2";
static const char sql_hit[] =
	"SELECT source, code, name, grp, " NT_FOOD_VALUE_COLUMNS ","
	" (SELECT amount FROM portions WHERE food = foods.id ORDER BY seq LIMIT 1),"
	" (SELECT unit FROM portions WHERE food = foods.id ORDER BY seq LIMIT 1),"
	" (SELECT grams FROM portions WHERE food = foods.id ORDER BY seq LIMIT 1),"
	" basis FROM foods WHERE id = ?1";

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
	r->more = false;
}

/* Appends id to ids (n of cap); false when out of memory. */
static bool
push_id(long long **ids, size_t *n, size_t *cap, long long id)
{
	if (*n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 256;
		long long *p = realloc(*ids, ncap * sizeof *p);

		if (!p)
			return false;
		*ids = p;
		*cap = ncap;
	}
	(*ids)[(*n)++] = id;
	return true;
}

/*
 * The user's own foods (custom, recipe) past the last id read that match
 * too: they are few, and each is one look-up in the index.
 */
static enum nt_status
add_own(struct nt_store *s, const char *match, long long after, long long **ids, size_t *n,
        size_t *cap, struct nt_err *err)
{
	struct nt_stmt *own, *hit;
	int rc, r;

	if (!(own = nt_store_stmt(s, sql_own, err)))
		return err->status;
	nt_stmt_bind_int(own, 1, after);
	while ((rc = nt_stmt_step(own, err)) > 0) {
		long long id = nt_stmt_int(own, 0);

		if (!(hit = nt_store_stmt(s, sql_own_match, err))) {
			nt_stmt_reset(own);
			return err->status;
		}
		nt_stmt_bind_text(hit, 1, match);
		nt_stmt_bind_int(hit, 2, id);
		r = nt_stmt_step(hit, err);
		nt_stmt_reset(hit);
		if (r < 0 || (r > 0 && !push_id(ids, n, cap, id))) {
			nt_stmt_reset(own);
			return r < 0 ? err->status : nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
	}
	return rc < 0 ? err->status : NT_OK;
}

static enum nt_status
load_hit(struct nt_store *s, const struct cand *c, struct nt_search_hit *h,
         struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_hit, err);
	const int pcol = 4 + NT_STORED_COUNT;
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
	nt_food_ref(nt_stmt_text(st, 0), nt_stmt_text(st, 1), h->ref, sizeof h->ref);
	h->name = strdup(nt_stmt_text(st, 2));
	h->group = strdup(nt_stmt_text(st, 3));
	for (int m = 0; m < NT_STORED_COUNT; m++)
		h->per100[m] = nt_stmt_double(st, 4 + m);
	if (!nt_stmt_is_null(st, pcol)) {
		h->has_portion = true;
		h->portion.amount = nt_stmt_double(st, pcol);
		h->portion.unit = strdup(nt_stmt_text(st, pcol + 1));
		h->portion.grams = nt_stmt_double(st, pcol + 2);
	}
	has_basis = !nt_stmt_is_null(st, pcol + 3);
	if (has_basis)
		h->basis = strdup(nt_stmt_text(st, pcol + 3));
	nt_stmt_reset(st);
	if (!h->name || !h->group || (h->has_portion && !h->portion.unit) ||
	    (has_basis && !h->basis))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return NT_OK;
}

static enum nt_status
search_in(struct nt_store *s, const char *query, size_t limit,
          struct nt_search_result *out, struct nt_err *err)
{
	char words[NT_SEARCH_MAX_WORDS][NT_SEARCH_WORD_LEN];
	char match[NT_SEARCH_MAX_WORDS * (2 * NT_SEARCH_WORD_LEN + 24)];
	struct nt_stmt *st;
	struct cand *cands = NULL;
	long long *ids = NULL;
	size_t n_words, n = 0, n_ids = 0, cap_ids = 0, o = 0;
	int rc;

	n_words = nt_search_words(query, words);
	if (n_words == 0 || limit == 0)
		return NT_OK;
	/*
	 * Every word quoted (so FTS5 syntax in the query is inert), as a prefix.
	 * One or two letters are the start of a name being typed: match them
	 * against the first word of names only, which keeps each keystroke
	 * cheap (thousands of foods have some word starting with "s").
	 */
	if (n_words == 1 && strlen(words[0]) < 3)
		snprintf(match, sizeof match, "name : ^\"%s\"*", words[0]);
	else
		for (size_t i = 0; i < n_words; i++) {
			size_t len = strlen(words[i]);
			char last2 = len > 1 ? words[i][len - 2] : 'a';

			/* "berry" must also find "berries", which it is no prefix of */
			if (len >= 4 && words[i][len - 1] == 'y' && !strchr("aeiou", last2))
				o += (size_t)snprintf(match + o, sizeof match - o,
				                      "%s(\"%s\"* OR \"%.*si\"*)", i ? " AND " : "",
				                      words[i], (int)len - 1, words[i]);
			else
				o += (size_t)snprintf(match + o, sizeof match - o, "%s\"%s\"*",
				                      i ? " AND " : "", words[i]);
		}

	/*
	 * At most NT_SEARCH_RANK_MAX matches are read, lowest ids first (the
	 * bundled foods, loaded first): "s" can match 80,000 foods of a
	 * Branded import, and reading each one is what costs.
	 */
	if (!(st = nt_store_stmt(s, sql_match, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, match);
	nt_stmt_bind_int(st, 2, NT_SEARCH_RANK_MAX + 1);
	while ((rc = nt_stmt_step(st, err)) > 0)
		if (!push_id(&ids, &n_ids, &cap_ids, nt_stmt_int(st, 0))) {
			nt_stmt_reset(st);
			free(ids);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
	if (rc >= 0 && n_ids > NT_SEARCH_RANK_MAX) {
		n_ids = NT_SEARCH_RANK_MAX;
		out->more = true;
		if (add_own(s, match, ids[n_ids - 1], &ids, &n_ids, &cap_ids, err))
			rc = -1;
	}
	if (rc < 0) {
		free(ids);
		return err->status;
	}
	out->total = n_ids;
	if (n_ids && !(cands = malloc(n_ids * sizeof *cands))) {
		free(ids);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n_ids; i++) {
		if (!(st = nt_store_stmt(s, sql_cand, err)))
			break;
		nt_stmt_bind_int(st, 1, ids[i]);
		if ((rc = nt_stmt_step(st, err)) < 0)
			break;
		if (rc == 0)
			continue; /* gone since the index was read: another process */
		cands[n].id = ids[i];
		cands[n].name_len = strlen(nt_stmt_text(st, 0));
		cands[n].score = nt_search_score(words, n_words, nt_stmt_text(st, 0),
		                                 nt_stmt_text(st, 1), nt_stmt_text(st, 2),
		                                 nt_stmt_text(st, 3));
		nt_stmt_reset(st);
		n++;
	}
	free(ids);
	if (!st || rc < 0) {
		free(cands);
		out->total = 0;
		return err->status;
	}
	if (n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(cands, n, sizeof *cands, cand_cmp);
	if (limit > n)
		limit = n;
	if (limit && !(out->hits = calloc(limit, sizeof *out->hits))) {
		free(cands);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < limit; i++) {
		enum nt_status st2 = load_hit(s, &cands[i], &out->hits[i], err);

		out->n = i + 1;
		if (st2) {
			free(cands);
			nt_search_result_fini(out);
			return st2;
		}
	}
	free(cands);
	return NT_OK;
}

enum nt_status
nt_search(struct nt_store *s, const char *query, size_t limit,
          struct nt_search_result *out, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	memset(out, 0, sizeof *out);
	/* thousands of lookups: one snapshot, one lock */
	if ((rc = nt_store_begin_read(s, err)))
		return rc;
	if ((rc = search_in(s, query, limit, out, err))) {
		nt_search_result_fini(out); /* empty on failure, as promised */
		nt_store_rollback(s);
		return rc;
	}
	if ((rc = nt_store_commit(s, err)))
		nt_search_result_fini(out);
	return rc;
}
