/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diet.c - food tags, diets and exclusions. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diet.h"
#include "food.h"
#include "store.h"
#include "text.h"

static const char *const tag_names[] = {"meat", "fish", "shellfish", "dairy", "egg", "honey"};
#define N_TAGS (sizeof tag_names / sizeof *tag_names)

bool
nt_tags_parse(const char *text, unsigned *tags, char *bad, size_t n)
{
	char word[32];
	const char *p = text;
	unsigned t = 0;

	while (*p) {
		size_t len = strcspn(p, " ,");
		bool found = false;

		if (len == 0) {
			p++;
			continue;
		}
		snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), p);
		for (size_t i = 0; i < N_TAGS; i++)
			if (!strcmp(word, tag_names[i])) {
				t |= 1u << i;
				found = true;
			}
		if (!found && strcmp(word, "none")) {
			if (bad)
				snprintf(bad, n, "%s", word);
			return false;
		}
		p += len;
	}
	*tags = t;
	return true;
}

void
nt_tags_format(unsigned tags, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < N_TAGS && o < n; i++)
		if (tags & (1u << i))
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? " " : "", tag_names[i]);
	if (!tags)
		snprintf(buf, n, "none");
}

void
nt_tags_why(unsigned tags, unsigned breaks, char *buf, size_t n)
{
	char list[64];

	if (tags == NT_TAGS_UNKNOWN) {
		snprintf(buf, n, "its ingredients are not known");
		return;
	}
	nt_tags_format(breaks, list, sizeof list);
	snprintf(buf, n, "contains %s", list);
}

unsigned
nt_diet_forbids(enum nt_diet d)
{
	switch (d) {
	case NT_DIET_VEGAN:
		return NT_TAG_ALL;
	case NT_DIET_VEGETARIAN:
		return NT_TAG_MEAT | NT_TAG_FISH | NT_TAG_SHELLFISH;
	default:
		return 0;
	}
}

static const char sql_tags[] =
	"SELECT f.contains, t.contains FROM foods f LEFT JOIN food_tags t ON t.food = f.id"
	" WHERE f.id = ?1";
static const char sql_tag[] =
	"INSERT INTO food_tags(food, contains) VALUES (?1, ?2)"
	" ON CONFLICT(food) DO UPDATE SET contains = excluded.contains";
static const char sql_untag[] = "DELETE FROM food_tags WHERE food = ?1";

enum nt_status
nt_food_tags(struct nt_store *s, long long food_id, unsigned *tags, bool *corrected,
             struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_tags, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	if ((rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (rc == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no food with row id %lld", food_id);
	*corrected = !nt_stmt_is_null(st, 1);
	*tags = (unsigned)nt_stmt_int(st, *corrected ? 1 : 0) & NT_TAG_ALL;
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_food_tag(struct nt_store *s, long long food_id, unsigned tags, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;

	if (!err)
		err = &scratch;
	if (tags & ~(unsigned)NT_TAG_ALL)
		return nt_err_set(err, NT_ERR_INVALID, "unknown tag bits");
	if (!(st = nt_store_stmt(s, sql_tag, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	nt_stmt_bind_int(st, 2, tags);
	return nt_stmt_run(st, err);
}

enum nt_status
nt_food_untag(struct nt_store *s, long long food_id, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_untag, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, food_id);
	return nt_stmt_run(st, err);
}

enum nt_status
nt_food_add_custom_tagged(struct nt_store *s, const char *name,
                          const double per100[NT_STORED_COUNT], const char *portion_unit,
                          double portion_amount, double portion_grams, unsigned tags,
                          bool supplement, long long *id, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;
	long long row;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = nt_food_add_custom(s, name, per100, portion_unit, portion_amount, portion_grams,
	                             &row, err)) ||
	    (tags && (rc = nt_food_tag(s, row, tags, err))) ||
	    (supplement && (rc = nt_food_mark_supplement(s, row, err)))) {
		nt_store_rollback(s);
		return rc;
	}
	if ((rc = nt_store_commit(s, err)))
		return rc;
	*id = row;
	return NT_OK;
}

static const char sql_exclude[] =
	"INSERT INTO exclusions(food, grp, word) VALUES (?1, ?2, ?3)";
static const char sql_include[] = "DELETE FROM exclusions WHERE id = ?1";
static const char sql_exclusions[] =
	"SELECT x.id, x.food, f.source, f.code, f.name, x.grp, x.word"
	" FROM exclusions x LEFT JOIN foods f ON f.id = x.food ORDER BY x.id";

enum nt_status
nt_exclusion_add(struct nt_store *s, enum nt_exclusion_kind kind, long long food_id,
                 const char *text, long long *id, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (kind != NT_EXCLUDE_FOOD &&
	    (!text || !*text || strlen(text) > 100 || !nt_utf8_valid(text, strlen(text)) ||
	     nt_text_has_controls(text)))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "an excluded group or word must be 1-100 bytes of text");
	if (!(st = nt_store_stmt(s, sql_exclude, err)))
		return err->status;
	if (kind == NT_EXCLUDE_FOOD)
		nt_stmt_bind_int(st, 1, food_id);
	else
		nt_stmt_bind_null(st, 1);
	nt_stmt_bind_text(st, 2, kind == NT_EXCLUDE_GROUP ? text : NULL);
	nt_stmt_bind_text(st, 3, kind == NT_EXCLUDE_WORD ? text : NULL);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	*id = nt_store_last_rowid(s);
	return NT_OK;
}

enum nt_status
nt_exclusion_remove(struct nt_store *s, long long id, struct nt_err *err)
{
	return nt_store_run_id(s, sql_include, id, "exclusion", err);
}

enum nt_status
nt_exclusion_each(struct nt_store *s,
                  void (*fn)(void *ctx, long long id, enum nt_exclusion_kind kind,
                             const char *what),
                  void *ctx, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_exclusions, err)))
		return err->status;
	while ((rc = nt_stmt_step(st, err)) > 0) {
		char what[400], ref[40];

		if (!nt_stmt_is_null(st, 1)) {
			nt_food_ref(nt_stmt_text(st, 2), nt_stmt_text(st, 3), ref, sizeof ref);
			snprintf(what, sizeof what, "%s %s", ref, nt_stmt_text(st, 4));
			fn(ctx, nt_stmt_int(st, 0), NT_EXCLUDE_FOOD, what);
		} else if (!nt_stmt_is_null(st, 5)) {
			fn(ctx, nt_stmt_int(st, 0), NT_EXCLUDE_GROUP, nt_stmt_text(st, 5));
		} else {
			fn(ctx, nt_stmt_int(st, 0), NT_EXCLUDE_WORD, nt_stmt_text(st, 6));
		}
	}
	return rc < 0 ? err->status : NT_OK;
}
