/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_phrases.c - search accuracy on everyday diary phrases (tests/data/phrases.csv). */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "fixture.h"
#include "search.h"
#include "store.h"
#include "tap.h"

/*
 * Each row of phrases.csv is a phrase someone types into a food diary and
 * a POSIX extended regular expression (case-insensitive, searched in the
 * food's name) that the food they meant matches, written from what the
 * phrase means, not from what the search returns.  The test reports how
 * often the first hit, and any of the first three, is such a food, and
 * fails below the thresholds: raise them as the ranking improves.
 */
#define TOP1_MIN_PERCENT 95
#define TOP3_MIN_PERCENT 97

struct row {
	char *phrase, *pattern, *comment;
};

struct rows {
	struct row *r;
	size_t n, cap;
	int col[3];
};

static enum nt_status
read_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char *const names[] = {"phrase", "pattern", "comment"};
	struct rows *rs = ctx;
	struct row *r;

	if (row->record == 1) {
		for (int i = 0; i < 3; i++)
			if ((rs->col[i] = nt_csv_column(row, names[i])) < 0)
				return nt_csv_fail(err, row, 0, "missing column '%s'", names[i]);
		return NT_OK;
	}
	if (row->n != 3)
		return nt_csv_fail(err, row, row->n, "expected 3 fields, found %zu", row->n);
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 256;
		if (!(rs->r = realloc(rs->r, rs->cap * sizeof *rs->r)))
			tap_bail("out of memory");
	}
	r = &rs->r[rs->n++];
	r->phrase = strdup(row->field[rs->col[0]]);
	r->pattern = strdup(row->field[rs->col[1]]);
	r->comment = strdup(row->field[rs->col[2]]);
	if (!r->phrase || !r->pattern || !r->comment)
		tap_bail("out of memory");
	return NT_OK;
}

/* Whether any food in the database has a name the pattern matches. */
static bool
any_food_matches(struct nt_store *s, const regex_t *re)
{
	static const char sql[] = "SELECT name FROM foods";
	struct nt_stmt *st = nt_store_stmt(s, sql, NULL);
	bool found = false;

	if (!st)
		tap_bail("cannot list foods");
	while (!found && nt_stmt_step(st, NULL) > 0)
		found = regexec(re, nt_stmt_text(st, 0), 0, NULL, 0) == 0;
	nt_stmt_reset(st);
	return found;
}

int
main(void)
{
	const char *dir = getenv("NUTRACK_FIXTURES");
	struct rows rs = {0};
	struct nt_store *s;
	struct nt_err err;
	char path[512];
	size_t top1 = 0, top3 = 0, bad = 0;

	if (!dir)
		tap_bail("NUTRACK_FIXTURES is not set");
	snprintf(path, sizeof path, "%s/phrases.csv", dir);
	if (nt_csv_read(path, ',', read_row, &rs, NULL, &err))
		tap_bail("%s", err.msg);
	ok(rs.n >= 150, "at least 150 phrases (%zu)", rs.n);
	s = fixture_open(true);

	for (size_t i = 0; i < rs.n; i++) {
		const struct row *r = &rs.r[i];
		struct nt_search_result res;
		regex_t re;
		int rank = -1;

		if (regcomp(&re, r->pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)) {
			printf("# phrase '%s': bad pattern '%s'\n", r->phrase, r->pattern);
			bad++;
			continue;
		}
		if (nt_search(s, r->phrase, 3, &res, &err))
			tap_bail("search '%s': %s", r->phrase, err.msg);
		for (size_t k = 0; k < res.n && rank < 0; k++)
			if (regexec(&re, res.hits[k].name, 0, NULL, 0) == 0)
				rank = (int)k;
		top1 += rank == 0;
		top3 += rank >= 0;
		if (rank != 0) {
			printf("# %-22s %s: %s %s (want %s)\n", r->phrase,
			       rank > 0 ? "2nd/3rd" : "miss", res.n ? res.hits[0].ref : "-",
			       res.n ? res.hits[0].name : "no hit", r->comment);
			if (rank < 0 && !any_food_matches(s, &re)) {
				printf("#   pattern '%s' matches no food: fix the list\n", r->pattern);
				bad++;
			}
		}
		nt_search_result_fini(&res);
		regfree(&re);
	}
	printf("# top-1 %zu/%zu (%.1f%%), top-3 %zu/%zu (%.1f%%)\n", top1, rs.n,
	       100.0 * (double)top1 / (double)rs.n, top3, rs.n, 100.0 * (double)top3 / (double)rs.n);
	is_int(bad, 0, "every pattern compiles and names a food that exists");
	ok(100 * top1 >= TOP1_MIN_PERCENT * rs.n, "top-1 accuracy %zu/%zu is at least %d%%", top1,
	   rs.n, TOP1_MIN_PERCENT);
	ok(100 * top3 >= TOP3_MIN_PERCENT * rs.n, "top-3 accuracy %zu/%zu is at least %d%%", top3,
	   rs.n, TOP3_MIN_PERCENT);

	for (size_t i = 0; i < rs.n; i++) {
		free(rs.r[i].phrase);
		free(rs.r[i].pattern);
		free(rs.r[i].comment);
	}
	free(rs.r);
	nt_store_close(s);
	return tap_done();
}
