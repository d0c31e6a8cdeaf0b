/* SPDX-License-Identifier: GPL-3.0-or-later */
/* target.c - DRI lookup by age, sex and life stage. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "profile.h"
#include "store.h"
#include "target.h"

static const char sql_target[] =
	"SELECT value, type, source FROM targets"
	" WHERE nutrient = ?1 AND stage = ?2 AND (sex = ?3 OR sex = 'both')"
	"   AND ?4 >= age_min AND ?4 < age_max"
	" ORDER BY sex = 'both' LIMIT 1";

static enum nt_status
lookup(struct nt_store *s, const char *nutrient, const struct nt_profile *p,
       struct nt_target *out, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_target, err);
	int rc;

	if (!st)
		return err->status;
	nt_stmt_bind_text(st, 1, nutrient);
	nt_stmt_bind_text(st, 2, nt_stage_name(p->stage));
	nt_stmt_bind_text(st, 3, nt_sex_name(p->sex));
	nt_stmt_bind_double(st, 4, p->age_y);
	if ((rc = nt_stmt_step(st, err)) < 0)
		return err->status;
	if (rc == 0)
		return nt_err_set(err, NT_ERR_NOTFOUND,
		                  "no %s target for a %g-year-old %s (%s)", nutrient, p->age_y,
		                  nt_sex_name(p->sex), nt_stage_name(p->stage));
	out->value = nt_stmt_double(st, 0);
	snprintf(out->type, sizeof out->type, "%s", nt_stmt_text(st, 1));
	snprintf(out->source, sizeof out->source, "%s", nt_stmt_text(st, 2));
	nt_stmt_reset(st);
	return NT_OK;
}

enum nt_status
nt_targets_for(struct nt_store *s, const struct nt_profile *p, struct nt_targets *out,
               struct nt_err *err)
{
	static const struct {
		const char *name;
		enum nt_measure m;
		bool required;
	} rows[] = {
		{"b12", NT_B12, true},
		{"ala", NT_OMEGA3, true},
		{"potassium", NT_POTASSIUM, true},
		{"epa_dha", NT_EPA_DHA, false}, /* none for infants under 6 months */
	};
	struct nt_err scratch;
	enum nt_status st;

	if (!err)
		err = &scratch;
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		out->t[m].value = NAN;
		out->t[m].type[0] = out->t[m].source[0] = '\0';
	}
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		st = lookup(s, rows[i].name, p, &out->t[rows[i].m], err);
		if (st == NT_ERR_NOTFOUND && !rows[i].required)
			continue;
		if (st)
			return st;
	}
	out->t[NT_ALA] = out->t[NT_OMEGA3];
	return NT_OK;
}

enum nt_status
nt_target_protein(struct nt_store *s, const struct nt_profile *p, struct nt_target *out,
                  struct nt_err *err)
{
	struct nt_err scratch;

	return lookup(s, "protein", p, out, err ? err : &scratch);
}
