/* SPDX-License-Identifier: GPL-3.0-or-later */
/* off.c - Open Food Facts import: one pass over the tab-separated export. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvio.h"
#include "diet.h"
#include "fdc.h"
#include "food.h"
#include "off.h"
#include "store.h"
#include "text.h"

/* ---- serving sizes ---- */

static const struct {
	const char *word;
	double grams; /* per unit; ml count as g */
	bool mass;
} serving_units[] = {
	{"g", 1, true}, {"gr", 1, true}, {"grs", 1, true}, {"gram", 1, true},
	{"grams", 1, true}, {"gramm", 1, true}, {"gramme", 1, true}, {"grammes", 1, true},
	{"kg", 1000, true}, {"mg", 0.001, true}, {"oz", 28.349523125, true},
	{"ml", 1, false}, {"millilitre", 1, false}, {"millilitres", 1, false},
	{"milliliter", 1, false}, {"milliliters", 1, false}, {"cl", 10, false},
	{"dl", 100, false}, {"l", 1000, false}, {"litre", 1000, false}, {"liter", 1000, false},
};
#define FL_OZ_ML 29.5735295625
#define SERVING_NAME_MAX 150

/* Reads a number at s ("30", "28.35", "28,35"); returns its length, 0 for none. */
static size_t
read_number(const char *s, double *v)
{
	char buf[48];
	size_t i = 0, o = 0;

	while (isdigit((unsigned char)s[i]) && o < sizeof buf - 2)
		buf[o++] = s[i++];
	if ((s[i] == '.' || s[i] == ',') && isdigit((unsigned char)s[i + 1])) {
		buf[o++] = '.';
		for (i++; isdigit((unsigned char)s[i]) && o < sizeof buf - 1; i++)
			buf[o++] = s[i];
	}
	buf[o] = '\0';
	if (!o || !nt_text_to_double(buf, v))
		return 0;
	return i;
}

/* Removes the quantity text[start, end) and the parentheses around it, if any. */
static void
without_quantity(const char *text, size_t start, size_t end, char *out, size_t n)
{
	size_t a = start, b = end, len = strlen(text), o;

	while (a > 0 && text[a - 1] == ' ')
		a--;
	while (b < len && text[b] == ' ')
		b++;
	if (a > 0 && text[a - 1] == '(' && text[b] == ')') {
		a--;
		b++;
	} else {
		a = start;
		b = end;
	}
	snprintf(out, n, "%.*s %s", (int)a, text, text + b);
	/* trim blanks and the separators left behind, then a lone pair of parentheses */
	o = strlen(out);
	while (o && strchr(" ,;-/", out[o - 1]))
		out[--o] = '\0';
	a = strspn(out, " ,;-/");
	memmove(out, out + a, strlen(out + a) + 1);
	o = strlen(out);
	if (o >= 2 && out[0] == '(' && out[o - 1] == ')' && strcspn(out + 1, "()") == o - 2) {
		out[o - 1] = '\0';
		memmove(out, out + 1, o - 1);
	}
}

bool
nt_off_serving(const char *text, double *grams, char *unit, size_t n)
{
	double best = 0;
	bool best_mass = false, found = false;
	size_t len = strlen(text), at = 0, at_end = 0;
	char rest[SERVING_NAME_MAX * 2], safe[SERVING_NAME_MAX + 1];

	for (size_t i = 0; i < len; i++) {
		double v, per = 0;
		bool mass = false;
		size_t k, w, end;
		char word[16];

		if (!isdigit((unsigned char)text[i]) ||
		    (i > 0 && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '.' ||
		               text[i - 1] == ',' || text[i - 1] == '/')))
			continue;
		if (!(k = read_number(text + i, &v)))
			continue;
		end = i + k;
		while (text[end] == ' ')
			end++;
		for (w = 0; isalpha((unsigned char)text[end + w]) && w < sizeof word - 1; w++)
			word[w] = (char)tolower((unsigned char)text[end + w]);
		word[w] = '\0';
		if (isalpha((unsigned char)text[end + w]))
			continue; /* a longer word: not a unit */
		end += w;
		if (!strcmp(word, "fl")) {
			size_t e = end;

			while (text[e] == ' ' || text[e] == '.')
				e++;
			if (strncasecmp(text + e, "oz", 2) || isalpha((unsigned char)text[e + 2]))
				continue;
			per = FL_OZ_ML;
			end = e + 2;
		} else {
			for (size_t u = 0; u < sizeof serving_units / sizeof *serving_units; u++)
				if (!strcmp(word, serving_units[u].word)) {
					per = serving_units[u].grams;
					mass = serving_units[u].mass;
				}
		}
		if (per <= 0 || v <= 0)
			continue;
		if (!found || (mass && !best_mass)) {
			best = v * per;
			best_mass = mass;
			at = i;
			at_end = end;
			found = true;
		}
		if (best_mass)
			break;
		i = end - 1;
	}
	if (!found || !nt_portion_grams_ok(best))
		return false;
	*grams = best;
	/*
	 * A weight is shown beside the portion anyway: "1 bar (40 g)" becomes
	 * "serving, 1 bar".  A volume stays in the name: "serving, 250 ml (1 cup)".
	 */
	if (best_mass)
		without_quantity(text, at, at_end, rest, sizeof rest);
	else
		snprintf(rest, sizeof rest, "%s", text + strspn(text, " "));
	nt_text_sanitize(rest, safe, sizeof safe);
	for (size_t e = strlen(safe); e && safe[e - 1] == ' '; e--)
		safe[e - 1] = '\0'; /* trailing blanks would not survive CSV */
	snprintf(unit, n, "serving%s%s", safe[0] ? ", " : "", safe);
	return true;
}

/* ---- the export ---- */

enum col {
	C_CODE, C_NAME, C_BRANDS, C_SERVING, C_PROTEIN, C_B12, C_OMEGA3, C_POTASSIUM,
	C_KCAL, C_KJ, C_ABBREV, C_GENERIC, C_OWNER, C_CATEGORY, C_ANALYSIS, C_ALA, C_EPA, C_DHA,
	C_B6, N_COLS
};

static const char *const col_names[N_COLS] = {
	[C_CODE] = "code", [C_NAME] = "product_name", [C_BRANDS] = "brands",
	[C_SERVING] = "serving_size", [C_PROTEIN] = "proteins_100g",
	[C_B12] = "vitamin-b12_100g", [C_OMEGA3] = "omega-3-fat_100g",
	[C_POTASSIUM] = "potassium_100g", [C_KCAL] = "energy-kcal_100g",
	[C_KJ] = "energy_100g", [C_ABBREV] = "abbreviated_product_name",
	[C_GENERIC] = "generic_name", [C_OWNER] = "brand_owner",
	[C_CATEGORY] = "main_category_en", [C_ANALYSIS] = "ingredients_analysis_tags",
	[C_ALA] = "alpha-linolenic-acid_100g", [C_EPA] = "eicosapentaenoic-acid_100g",
	[C_DHA] = "docosahexaenoic-acid_100g", [C_B6] = "vitamin-b6_100g",
};
#define N_REQUIRED (C_POTASSIUM + 1) /* and one of the energy columns */

/*
 * The value columns read, the measure each feeds and OFF's grams to its
 * unit.  Folate is left unknown: OFF's folates_100g and vitamin-b9_100g
 * are what labels print, and neither the export nor its documentation
 * says whether a value is dietary folate equivalents (US labels since
 * 2016), micrograms of folate (EU labels) or folic acid alone; stored as
 * DFE it would be off by up to 1.7 times.
 */
static const struct {
	enum col col;
	enum nt_measure m;
	double scale;
} value_cols[] = {
	{C_KCAL, NT_ENERGY, 1}, {C_KJ, NT_ENERGY, 1 / 4.184}, {C_PROTEIN, NT_PROTEIN, 1},
	{C_B12, NT_B12, 1e6}, {C_POTASSIUM, NT_POTASSIUM, 1000}, {C_OMEGA3, NT_ALA, 1},
	{C_ALA, NT_ALA, 1}, {C_EPA, NT_EPA, 1}, {C_DHA, NT_DHA, 1}, {C_B6, NT_B6, 1000},
};
#define N_VALUE_COLS (sizeof value_cols / sizeof *value_cols)

struct off {
	struct nt_store *s;
	struct nt_dataset_report *rep;
	struct nt_dataset_writer *w;
	nt_dataset_progress_fn progress;
	void *pctx;
	const char *step;
	int col[N_COLS];
	size_t ncols;
};

static const char *
field(const struct off *o, const struct nt_csv_row *row, enum col c)
{
	return o->col[c] < 0 ? "" : row->field[o->col[c]];
}

static enum nt_status
map_header(struct off *o, const struct nt_csv_row *row, struct nt_err *err)
{
	for (int c = 0; c < N_COLS; c++) {
		o->col[c] = nt_csv_column(row, col_names[c]);
		if (o->col[c] < 0 && c < N_REQUIRED)
			return nt_csv_fail(err, row, 0, "missing column '%s' (is this the Open Food "
			                   "Facts CSV export?)", col_names[c]);
	}
	if (o->col[C_KCAL] < 0 && o->col[C_KJ] < 0)
		return nt_csv_fail(err, row, 0,
		                   "missing column 'energy-kcal_100g' (or 'energy_100g')");
	o->ncols = row->n;
	return NT_OK;
}

/* Diet tags from OFF's ingredients analysis ("en:vegan,en:palm-oil-free,..."). */
static unsigned
tags_from_analysis(const char *tags)
{
	bool vegan = false, vegetarian = false;

	while (*tags) {
		size_t len = strcspn(tags, ",");

		vegan |= len == 8 && !strncmp(tags, "en:vegan", 8);
		vegetarian |= len == 13 && !strncmp(tags, "en:vegetarian", 13);
		tags += len;
		tags += strspn(tags, ", ");
	}
	if (vegan)
		return 0;
	if (vegetarian)
		return NT_TAG_DAIRY | NT_TAG_EGG | NT_TAG_HONEY;
	return NT_TAG_ALL;
}

static enum nt_status
product_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	static const char sql_seen[] = "INSERT OR IGNORE INTO temp.off_seen(code) VALUES (?1)";
	struct off *o = ctx;
	struct nt_dataset_food food;
	struct nt_portion portion;
	struct nt_stmt *st;
	double v[N_COLS], total, serving;
	char name[256], group[256], also[600], brands[600], keywords[200], unit[200];
	const char *code, *text;
	enum nt_status rc;
	size_t len;

	if (row->record == 1)
		return map_header(o, row, err);
	if (row->n != o->ncols) {
		nt_dataset_skip(o->rep, row, 0, "expected %zu fields, found %zu", o->ncols, row->n);
		return NT_OK;
	}
	code = field(o, row, C_CODE);
	len = strlen(code);
	if (len == 0 || len > 30 || strspn(code, "0123456789") != len) {
		nt_dataset_skip(o->rep, row, (size_t)o->col[C_CODE] + 1, "not a barcode: '%.40s'",
		                code);
		return NT_OK;
	}
	for (int c = 0; c < N_COLS; c++)
		v[c] = NT_UNKNOWN;
	for (size_t i = 0; i < N_VALUE_COLS; i++) {
		enum col c = value_cols[i].col;
		double max = nt_measure_max_per100(value_cols[i].m);

		text = field(o, row, c);
		if (!text[0])
			continue;
		if (!nt_text_to_double(text, &v[c])) {
			nt_dataset_skip(o->rep, row, (size_t)o->col[c] + 1,
			                "%s: not a number: '%.40s'", col_names[c], text);
			return NT_OK;
		}
		if (v[c] < 0) {
			nt_dataset_skip(o->rep, row, (size_t)o->col[c] + 1,
			                "%s: negative value '%.40s'", col_names[c], text);
			return NT_OK;
		}
		v[c] = nt_tidy(v[c] * value_cols[i].scale);
		if (v[c] > max) {
			nt_dataset_skip(o->rep, row, (size_t)o->col[c] + 1,
			                "%s: impossible value '%.40s' per 100 g", col_names[c],
			                text);
			return NT_OK;
		}
	}
	/* a barcode listed twice: the first row counts */
	if (!(st = nt_store_stmt(o->s, sql_seen, err)))
		return err->status;
	nt_stmt_bind_text(st, 1, code);
	if ((rc = nt_stmt_run(st, err)))
		return rc;
	if (nt_store_changes(o->s) == 0) {
		nt_dataset_skip(o->rep, row, (size_t)o->col[C_CODE] + 1,
		                "product %s is listed twice", code);
		return NT_OK;
	}
	if (!nt_known(v[C_B12]) && !nt_known(v[C_POTASSIUM]) && !nt_known(v[C_OMEGA3]) &&
	    !nt_known(v[C_ALA]) && !nt_known(v[C_EPA]) && !nt_known(v[C_DHA])) {
		o->rep->no_nutrient++;
		return NT_OK;
	}

	memset(&food, 0, sizeof food);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		food.per100[m] = NT_UNKNOWN;
	food.per100[NT_ENERGY] = nt_known(v[C_KCAL]) ? v[C_KCAL] : v[C_KJ];
	food.per100[NT_PROTEIN] = v[C_PROTEIN];
	food.per100[NT_B12] = v[C_B12];
	food.per100[NT_POTASSIUM] = v[C_POTASSIUM];
	food.per100[NT_ALA] = v[C_ALA];
	food.per100[NT_EPA] = v[C_EPA];
	food.per100[NT_DHA] = v[C_DHA];
	food.per100[NT_B6] = v[C_B6];
	if (!nt_known(v[C_ALA]) && nt_known(total = v[C_OMEGA3])) {
		/* only the total: what EPA and DHA leave is taken as ALA, flagged estimated */
		if (nt_known(v[C_EPA]))
			total -= v[C_EPA];
		if (nt_known(v[C_DHA]))
			total -= v[C_DHA];
		food.per100[NT_ALA] = total > 0 ? nt_tidy(total) : 0;
		food.ala_estimated = true;
	}

	if ((text = field(o, row, C_NAME))[0] || (text = field(o, row, C_ABBREV))[0] ||
	    (text = field(o, row, C_GENERIC))[0]) {
		nt_text_sanitize(text, name, sizeof name);
	} else {
		snprintf(name, sizeof name, "Unnamed product %s", code);
	}
	brands[0] = '\0';
	nt_dataset_add_name(brands, sizeof brands, field(o, row, C_BRANDS));
	nt_dataset_add_name(brands, sizeof brands, field(o, row, C_OWNER));
	nt_text_sanitize(brands, also, sizeof also);
	text = field(o, row, C_CATEGORY);
	nt_text_sanitize(text[0] ? text : "Open Food Facts", group, sizeof group);
	nt_dataset_barcode_keywords(code, keywords, sizeof keywords);
	food.source = "off";
	food.code = code;
	food.name = name;
	food.group = group;
	food.also = also;
	food.keywords = keywords;
	food.contains = tags_from_analysis(field(o, row, C_ANALYSIS));
	if (nt_off_serving(field(o, row, C_SERVING), &serving, unit, sizeof unit)) {
		portion.amount = 1;
		portion.unit = unit;
		portion.grams = nt_tidy(serving);
		food.portions = &portion;
		food.n_portions = 1;
	}
	return nt_dataset_write(o->w, &food, err);
}

static void
on_progress(void *ctx, long long done, long long total)
{
	struct off *o = ctx;

	if (o->progress)
		o->progress(o->pctx, o->step, done, total, true);
}

static const char sql_setup[] =
	"CREATE TEMP TABLE IF NOT EXISTS off_seen(code TEXT PRIMARY KEY) WITHOUT ROWID;"
	"DELETE FROM temp.off_seen;";
static const char sql_teardown[] = "DROP TABLE IF EXISTS temp.off_seen;";

enum nt_status
nt_off_import(struct nt_store *s, const char *path, bool dry_run,
              nt_dataset_progress_fn progress, void *ctx,
              struct nt_dataset_report *rep, struct nt_err *err)
{
	struct nt_dataset_report scratch_rep;
	struct nt_dataset_writer w;
	struct nt_err scratch;
	struct off o;
	const char *slash = strrchr(path, '/');
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (!rep)
		rep = &scratch_rep;
	memset(rep, 0, sizeof *rep);
	memset(&o, 0, sizeof o);
	o.s = s;
	o.rep = rep;
	o.w = &w;
	o.progress = progress;
	o.pctx = ctx;
	o.step = !strcmp(path, "-") ? "<stdin>" : slash ? slash + 1 : path;
	nt_dataset_writer_init(&w, s, dry_run, rep);
	/* the file is read in phase 1, without the write lock; then one merge */
	if ((rc = nt_dataset_writer_begin(&w, err)) == NT_OK &&
	    (rc = nt_store_exec(s, sql_setup, err)) == NT_OK &&
	    (rc = nt_csv_read(path, '\t', product_row, &o, on_progress, err)) == NT_OK)
		rc = nt_dataset_writer_finish(&w, err);
	nt_dataset_writer_fini(&w);
	nt_store_exec(s, sql_teardown, NULL);
	if (rc)
		memset(rep, 0, sizeof *rep);
	return rc;
}
