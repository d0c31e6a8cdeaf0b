/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_amount.c - amounts (amount.h): "250ml", "1 cup", "2 large",
 * "1 1/2 cups" read and converted to grams with a food's portions.
 *
 * Input: a mode byte, then
 *   mode < 224: two bytes picking one of the bundled foods (with its real
 *               USDA portions), then the amount text;
 *   else:       the amount text up to a newline, then the food's portions,
 *               one a line: an amount byte, a grams byte, the unit text (as
 *               a custom or imported food may have any portion names).
 * Checks that what is accepted is a positive finite count with a
 * normalised unit, and a weight within the limits the header promises
 * (equal to count x factor for mass units); failures say why.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>

#include "amount.h"
#include "food.h"
#include "fuzz.h"

static long long *ids;
static size_t n_ids;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct nt_store *s = fuzz_db();
	struct nt_err err;
	struct nt_stmt *st;
	size_t cap = 0;
	int rc;

	(void)argc, (void)argv;
	if (!(st = nt_store_stmt(s, "SELECT id FROM foods ORDER BY id", &err)))
		abort();
	while ((rc = nt_stmt_step(st, &err)) > 0) {
		if (n_ids == cap && !(ids = realloc(ids, (cap = cap ? 2 * cap : 1024) * sizeof *ids)))
			abort();
		ids[n_ids++] = nt_stmt_int(st, 0);
	}
	if (rc < 0 || n_ids == 0) {
		fprintf(stderr, "fuzz_amount: no foods: %s\n", err.msg);
		exit(1);
	}
	return 0;
}

static const double amounts[8] = {1, 0.5, 2, 0.25, 3, 100, 0.001, 100000};
static const double weights[8] = {1, 244, 50, 0.5, 100000, 28.35, 0.001, 454};

/* A food whose portions come from the input; NULL when the input is spent. */
static struct nt_food *
synthetic(const uint8_t *data, size_t size)
{
	struct nt_food *f = calloc(1, sizeof *f);

	if (!f)
		abort();
	snprintf(f->ref, sizeof f->ref, "custom:1");
	f->name = strdup("Fuzz food");
	f->group = strdup("Custom foods");
	f->also = strdup("");
	while (size >= 2 && f->n_portions < 16) {
		size_t len;
		struct nt_portion *p;

		f->portions = realloc(f->portions, (f->n_portions + 1) * sizeof *f->portions);
		if (!f->portions)
			abort();
		p = &f->portions[f->n_portions++];
		p->amount = amounts[data[0] % 8];
		p->grams = weights[data[1] % 8];
		data += 2, size -= 2;
		len = fuzz_split(data, size, '\n');
		p->unit = fuzz_strndup(data, len);
		data += len, size -= len;
		if (size)
			data++, size--;
	}
	return f;
}

static void
check_unit(const char *unit)
{
	size_t len = strlen(unit);

	FUZZ_CHECK(len < NT_AMOUNT_TEXT_MAX, "unit of %zu bytes", len);
	FUZZ_CHECK(!len || (unit[0] != ' ' && unit[len - 1] != ' '), "unit '%s' not trimmed",
	           unit);
	FUZZ_CHECK(!strstr(unit, "  "), "unit '%s' has a double blank", unit);
	for (const char *p = unit; *p; p++)
		FUZZ_CHECK(!(*p >= 'A' && *p <= 'Z') && (*p == ' ' || !isspace((unsigned char)*p)),
		           "unit '%s' not normalised", unit);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned mode = fuzz_byte(&data, &size);
	struct nt_food *food = NULL;
	struct nt_quantity q;
	struct nt_err err;
	enum nt_status st;
	char *text;
	double grams = -1, factor;

	if (mode < 224) {
		unsigned pick = fuzz_byte(&data, &size) << 8;

		pick |= fuzz_byte(&data, &size);
		memset(&err, 0, sizeof err);
		if (nt_food_get(fuzz_db(), ids[pick % n_ids], &food, &err) != NT_OK) {
			fprintf(stderr, "fuzz_amount: food %lld: %s\n", ids[pick % n_ids], err.msg);
			abort();
		}
		text = fuzz_strndup(data, size);
	} else {
		size_t len = fuzz_split(data, size, '\n');

		text = fuzz_strndup(data, len);
		food = synthetic(data + len + (len < size), size - len - (len < size));
	}

	memset(&err, 0, sizeof err);
	memset(&q, 0xa5, sizeof q);
	st = nt_amount_parse(text, &q, &err);
	if (st == NT_OK) {
		FUZZ_CHECK(strlen(text) < NT_AMOUNT_TEXT_MAX, "long text accepted");
		FUZZ_CHECK(isfinite(q.count) && q.count > 0 && q.count <= 100000,
		           "'%s' counts %g", text, q.count);
		check_unit(q.unit);
	} else {
		FUZZ_CHECK(st == NT_ERR_INVALID || st == NT_ERR_RANGE, "status %d", (int)st);
		FUZZ_CHECK_ERR(st, err);
	}

	FUZZ_CHECK(nt_amount_mass_unit(text) >= 0 && nt_amount_volume_unit(text) >= 0,
	           "negative unit factor");

	memset(&err, 0, sizeof err);
	st = nt_amount_grams(text, food, &grams, &err);
	if (st == NT_OK) {
		FUZZ_CHECK(isfinite(grams) && grams >= 0.001 && grams <= NT_AMOUNT_MAX_GRAMS,
		           "'%s' weighs %g g", text, grams);
		if (nt_amount_parse(text, &q, NULL) == NT_OK &&
		    (factor = nt_amount_mass_unit(q.unit)) > 0)
			FUZZ_CHECK(fabs(grams - q.count * factor) <= 1e-9 * grams,
			           "'%s' is %g g, not %g x %g", text, grams, q.count, factor);
	} else {
		FUZZ_CHECK(st == NT_ERR_INVALID || st == NT_ERR_RANGE, "status %d", (int)st);
		FUZZ_CHECK_ERR(st, err);
		FUZZ_CHECK(grams == -1, "failure wrote the result");
	}

	for (size_t i = 0; i < food->n_portions; i++) {
		size_t n = 1 + (i * 7 + size) % 64;
		char *buf = malloc(n);

		nt_portion_format(&food->portions[i], buf, n);
		FUZZ_CHECK(strlen(buf) < n, "portion format overran");
		free(buf);
	}
	nt_food_free(food);
	free(text);
	return 0;
}
