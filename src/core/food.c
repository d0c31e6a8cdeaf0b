/* SPDX-License-Identifier: GPL-3.0-or-later */
/* food.c - food lookup, portions and custom foods. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "category.h"
#include "food.h"
#include "store.h"
#include "text.h"

static const char *const sources[] = {"sr28",   "fndds", "label",      "custom",
                                      "recipe", "fdc",   "off",        "cronometer",
                                      "myfitnesspal"};

void
nt_food_ref(const char *source, const char *code, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%s", source, code);
}

static bool
all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool
nt_food_looks_like_id(const char *text)
{
	const char *colon = strchr(text, ':');

	if (all_digits(text))
		return true;
	if (!colon)
		return false;
	for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
		size_t len = strlen(sources[i]);

		if ((size_t)(colon - text) == len && !strncasecmp(text, sources[i], len))
			return true;
	}
	return false;
}

static const char sql_by_ref[] =
	"SELECT id FROM foods WHERE source = ?1 AND code = ?2";
static const char sql_by_code[] =
	"SELECT id, source, code FROM foods"
	" WHERE code = ?1 OR (source = 'sr28' AND code = printf('%05d', ?1))"
	" ORDER BY id LIMIT 6";

enum nt_status
nt_food_resolve(struct nt_store *s, const char *text, long long *id,
                struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	const char *colon = strchr(text, ':');
	char source[16], code[32], list[200] = "";
	long long found = 0;
	int rc, n = 0;

	if (!err)
		err = &scratch;
	if (!nt_food_looks_like_id(text))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "'%.60s' is not a food id (SOURCE:CODE with SOURCE one of "
		                  NT_FOOD_SOURCES ", or a bare code)", text);
	if (colon) {
		size_t sl = (size_t)(colon - text);

		if (strlen(colon + 1) >= sizeof code || !colon[1])
			return nt_err_set(err, NT_ERR_NOTFOUND, "no food with id '%.60s'", text);
		for (size_t i = 0; i < sl; i++) /* "SR28:15076" names sr28:15076 */
			source[i] = (char)tolower((unsigned char)text[i]);
		source[sl] = '\0';
		/* Accept sr28:1123 for sr28:01123, as USDA pads NDB numbers. */
		if (!strcmp(source, "sr28") && all_digits(colon + 1) && strlen(colon + 1) < 5)
			snprintf(code, sizeof code, "%05d", atoi(colon + 1));
		else
			snprintf(code, sizeof code, "%s", colon + 1);
		if (!(st = nt_store_stmt(s, sql_by_ref, err)))
			return err->status;
		nt_stmt_bind_text(st, 1, source);
		nt_stmt_bind_text(st, 2, code);
		rc = nt_stmt_step(st, err);
		if (rc < 0)
			return err->status;
		if (rc == 0)
			return nt_err_set(err, NT_ERR_NOTFOUND, "no food with id '%.60s'", text);
		*id = nt_stmt_int(st, 0);
		nt_stmt_reset(st);
		return NT_OK;
	}
	if (strlen(text) > 12)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no food with id '%.60s'", text);
	if (!(st = nt_store_stmt(s, sql_by_code, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, text);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		char ref[40];
		size_t used = strlen(list);

		found = nt_stmt_int(st, 0);
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), ref, sizeof ref);
		snprintf(list + used, sizeof list - used, "%s%s", n ? ", " : "", ref);
		n++;
	}
	if (rc < 0)
		return err->status;
	if (n == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no food with id '%.60s'", text);
	if (n > 1)
		return nt_err_set(err, NT_ERR_AMBIGUOUS,
		                  "'%s' names several foods (%s): give the full id", text,
		                  list);
	*id = found;
	return NT_OK;
}

static const char sql_food[] =
	"SELECT source, code, name, grp, also, ala_estimated" NT_FOOD_READ_VALUES_FOODS
	", partial,"
	" max(class, 0),"
	" (SELECT c.id FROM superseded s JOIN foods c ON c.id = s.current WHERE s.food = ?1),"
	" (SELECT c.source || ':' || c.code FROM superseded s JOIN foods c ON c.id = s.current"
	"  WHERE s.food = ?1),"
	" basis FROM foods WHERE id = ?1";
static const char sql_current[] = "SELECT current FROM superseded WHERE food = ?1";

bool
nt_food_dated(const char *ref, const double per100[NT_STORED_COUNT])
{
	return !strncmp(ref, "sr28:", 5) && nt_known(per100[NT_B12_ADDED]) &&
	       per100[NT_B12_ADDED] > 0;
}

enum nt_status
nt_food_current(struct nt_store *s, long long id, long long *current, struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_current, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	if ((rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	*current = rc ? nt_stmt_int(st, 0) : id;
	nt_stmt_reset(st);
	return NT_OK;
}

static const char sql_portions[] =
	"SELECT amount, unit, grams FROM portions WHERE food = ?1 ORDER BY seq";

void
nt_food_free(struct nt_food *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_portions; i++)
		free(f->portions[i].unit);
	free(f->portions);
	free(f->name);
	free(f->group);
	free(f->also);
	free(f->basis);
	free(f);
}

enum nt_status
nt_food_get(struct nt_store *s, long long id, struct nt_food **out,
            struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_food *f;
	struct nt_stmt *st;
	size_t cap = 0;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_food, err)))
		return err->status;
	nt_stmt_bind_int(st, 1, id);
	rc = nt_stmt_step(st, err);
	if (rc < 0)
		return err->status;
	if (rc == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND, "no food with row id %lld", id);
	if (!(f = calloc(1, sizeof *f)))
		goto nomem;
	f->id = id;
	nt_food_ref(nt_stmt_text(st, 0), nt_stmt_text(st, 1), f->ref, sizeof f->ref);
	f->name = strdup(nt_stmt_text(st, 2));
	f->group = strdup(nt_stmt_text(st, 3));
	f->also = strdup(nt_stmt_text(st, 4));
	f->ala_estimated = nt_stmt_int(st, 5) != 0;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		f->per100[m] = nt_stmt_double(st, 6 + m);
	f->partial = (unsigned)nt_stmt_int(st, 6 + NT_STORED_COUNT);
	f->cls = (unsigned)nt_stmt_int(st, 7 + NT_STORED_COUNT);
	f->current_id = nt_stmt_int(st, 8 + NT_STORED_COUNT);
	if (f->current_id)
		snprintf(f->current_ref, sizeof f->current_ref, "%s",
		         nt_stmt_text(st, 9 + NT_STORED_COUNT));
	if (!nt_stmt_is_null(st, 10 + NT_STORED_COUNT) &&
	    !(f->basis = strdup(nt_stmt_text(st, 10 + NT_STORED_COUNT)))) {
		nt_stmt_reset(st);
		goto nomem;
	}
	nt_stmt_reset(st);
	if (!f->name || !f->group || !f->also)
		goto nomem;

	if (!(st = nt_store_stmt(s, sql_portions, err)))
		goto fail;
	nt_stmt_bind_int(st, 1, id);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		struct nt_portion *p;

		if (f->n_portions == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(p = realloc(f->portions, cap * sizeof *p))) {
				nt_stmt_reset(st);
				goto nomem;
			}
			f->portions = p;
		}
		p = &f->portions[f->n_portions];
		p->amount = nt_stmt_double(st, 0);
		p->grams = nt_stmt_double(st, 2);
		if (!(p->unit = strdup(nt_stmt_text(st, 1)))) {
			nt_stmt_reset(st);
			goto nomem;
		}
		f->n_portions++;
	}
	if (rc < 0)
		goto fail;
	*out = f;
	return NT_OK;
nomem:
	nt_err_set(err, NT_ERR_NOMEM, "out of memory");
fail:
	nt_food_free(f);
	return err->status;
}

static const char sql_next_custom[] =
	"SELECT coalesce(max(CAST(code AS INTEGER)), 0) + 1 FROM foods"
	" WHERE source = 'custom'";
static const char sql_insert_custom[] =
	"INSERT INTO foods(source, code, name, grp" NT_FOOD_VALUE_COLUMNS ")"
	" VALUES ('custom', ?1, ?2, 'Custom foods'" NT_FOOD_VALUE_PARAMS ")";
const char *
nt_food_ala_basis(const struct nt_food *f)
{
	if (!f->ala_estimated)
		return NULL;
	/* Open Food Facts gives a total: ALA is what EPA and DHA leave of it */
	if (strncmp(f->ref, "off:", 4) == 0)
		return "total omega-3 less EPA and DHA";
	if (strncmp(f->ref, "cronometer:", 11) == 0)
		return "Cronometer's total omega-3 less the EPA, DHA and DPA it gives";
	return "18:3 undifferentiated";
}

static const char sql_delete_portions[] = "DELETE FROM portions WHERE food = ?1";
static const char sql_insert_portion[] =
	"INSERT INTO portions(food, seq, amount, unit, grams) VALUES (?1, ?2, ?3, ?4, ?5)";

enum nt_status
nt_food_put_portions(struct nt_store *s, long long id, bool replace,
                     const struct nt_portion *p, size_t n, struct nt_err *err)
{
	struct nt_stmt *st;
	enum nt_status rc;

	if (replace) {
		if (!(st = nt_store_stmt(s, sql_delete_portions, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, id);
		if ((rc = nt_stmt_run(st, err)))
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		if (!(st = nt_store_stmt(s, sql_insert_portion, err)))
			return err->status;
		nt_stmt_bind_int(st, 1, id);
		nt_stmt_bind_int(st, 2, (long long)i + 1);
		nt_stmt_bind_double(st, 3, p[i].amount);
		nt_stmt_bind_text(st, 4, p[i].unit);
		nt_stmt_bind_double(st, 5, p[i].grams);
		if ((rc = nt_stmt_run(st, err)))
			return rc;
	}
	return NT_OK;
}

enum nt_status
nt_food_add_custom(struct nt_store *s, const char *name,
                   const double per100[NT_STORED_COUNT], const char *portion_unit,
                   double portion_amount, double portion_grams, long long *id,
                   struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	enum nt_status rcs;
	char code[24];
	long long row;
	int rc, bad;

	if (!err)
		err = &scratch;
	/* all blanks is no name: it would show as an empty line */
	if (!nt_text_name_ok(name, NT_NAME_MAX))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "a food name must be 1-200 bytes of UTF-8 text without "
		                  "control characters, not blanks only");
	for (int m = 0; m < NT_STORED_COUNT; m++)
		if (isinf(per100[m]) || per100[m] < 0) /* NaN is unknown */
			return nt_err_set(err, NT_ERR_RANGE, "'%s': a value per 100 g is out of range",
			                  name);
	if ((bad = nt_per100_impossible(per100)) == NT_MEASURE_COUNT)
		return nt_err_set(err, NT_ERR_RANGE,
		                  "'%s': protein, omega-3 fatty acids, potassium, B12, folate and B6 "
		                  "would weigh more than the food itself (over 100 g per 100 g): check "
		                  "the values and the serving", name);
	if (bad >= 0)
		return nt_err_set(err, NT_ERR_RANGE,
		                  "'%s': %s %g %s per 100 g is impossible (at most %g): check the "
		                  "value, its unit and the serving", name,
		                  nt_measure_label((enum nt_measure)bad), nt_tidy(per100[bad]),
		                  nt_measure_unit((enum nt_measure)bad),
		                  nt_measure_max_per100((enum nt_measure)bad));
	if (portion_unit && !nt_text_name_ok(portion_unit, NT_UNIT_MAX))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "a portion's name must be 1-60 bytes of UTF-8 text without "
		                  "control characters, not blanks only");
	if (portion_unit && !(nt_portion_grams_ok(portion_grams) && portion_amount > 0 &&
	                      isfinite(portion_amount)))
		return nt_err_set(err, NT_ERR_INVALID, "'%s': a portion must weigh 0.001 to 100000 g",
		                  name);
	if ((rcs = nt_store_begin(s, err)))
		return rcs;
	if (!(st = nt_store_stmt(s, sql_next_custom, err)) || (rc = nt_stmt_step(st, err)) < 0)
		goto fail;
	snprintf(code, sizeof code, "%lld", nt_stmt_int(st, 0));
	nt_stmt_reset(st);
	if (!(st = nt_store_stmt(s, sql_insert_custom, err)))
		goto fail;
	nt_stmt_bind_text(st, 1, code);
	nt_stmt_bind_text(st, 2, name);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		nt_stmt_bind_double(st, 3 + m, per100[m]);
	if (nt_stmt_run(st, err))
		goto fail;
	row = nt_store_last_rowid(s);
	if (portion_unit) {
		/* borrowed for the call: the portion's unit is only read */
		struct nt_portion p = {portion_amount, (char *)portion_unit, portion_grams};

		if (nt_food_put_portions(s, row, false, &p, 1, err))
			goto fail;
	}
	if (nt_category_update(s, row, err))
		goto fail;
	if ((rcs = nt_store_commit(s, err)))
		return rcs;
	*id = row;
	return NT_OK;
fail:
	nt_store_rollback(s);
	return err->status;
}

static const char sql_each[] =
	"SELECT source, code, name FROM foods WHERE source = ?1"
	" ORDER BY CAST(code AS INTEGER), code";

enum nt_status
nt_food_each(struct nt_store *s, const char *source,
             void (*fn)(void *ctx, const char *ref, const char *name), void *ctx,
             struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_stmt *st;
	int rc;

	if (!err)
		err = &scratch;
	if (!(st = nt_store_stmt(s, sql_each, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, source);
	while ((rc = nt_stmt_step(st, err)) > 0) {
		char ref[40];

		nt_food_ref(nt_stmt_text(st, 0), nt_stmt_text(st, 1), ref, sizeof ref);
		fn(ctx, ref, nt_stmt_text(st, 2));
	}
	return rc < 0 ? err->status : NT_OK;
}

static const char sql_mark_supplement[] =
	"UPDATE foods SET grp = '" NT_FOOD_SUPPLEMENTS "' WHERE id = ?1 AND source = 'custom'";

enum nt_status
nt_food_mark_supplement(struct nt_store *s, long long id, struct nt_err *err)
{
	enum nt_status rc;

	if ((rc = nt_store_begin(s, err)))
		return rc;
	if ((rc = nt_store_run_id(s, sql_mark_supplement, id, "custom food with row id", err)) ||
	    (rc = nt_category_update(s, id, err))) {
		nt_store_rollback(s);
		return rc;
	}
	return nt_store_commit(s, err);
}
