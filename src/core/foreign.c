/* SPDX-License-Identifier: GPL-3.0-or-later */
/* foreign.c - Cronometer and MyFitnessPal exports read into journal rows and imported foods. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "csvio.h"
#include "date.h"
#include "diet.h"
#include "exchange.h"
#include "food.h"
#include "foreign.h"
#include "journal.h"
#include "nutrient.h"
#include "store.h"
#include "text.h"

/* ---- the foods the rows carry ---- */

/* An imported food: a row's values per 100 g (or per basis unit). */
struct ffood {
	char *name, *group;
	char *basis;        /* NULL when the weight is known */
	char *portion_unit; /* a portion the export gave a weight for, or NULL */
	double portion_grams;
	double per100[NT_STORED_COUNT];
	unsigned partial;
	bool ala_estimated;
	uint64_t hash;
};

static void
ffood_fini(struct ffood *f)
{
	free(f->name);
	free(f->group);
	free(f->basis);
	free(f->portion_unit);
}

static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

static uint64_t
hash_text(uint64_t h, const char *s)
{
	return s ? hash_bytes(h, s, strlen(s) + 1) : hash_bytes(h, "\1", 1);
}

static uint64_t
hash_value(uint64_t h, double v)
{
	if (isnan(v))
		return hash_bytes(h, "?", 1);
	if (v == 0)
		v = 0; /* -0 */
	return hash_bytes(h, &v, sizeof v);
}

static uint64_t
ffood_hash(const struct ffood *f)
{
	uint64_t h = 14695981039346656037ULL;

	h = hash_text(h, f->name);
	h = hash_text(h, f->group);
	h = hash_text(h, f->basis);
	h = hash_text(h, f->portion_unit);
	h = hash_value(h, f->portion_unit ? f->portion_grams : 0);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		h = hash_value(h, f->per100[m]);
	h = hash_bytes(h, &f->partial, sizeof f->partial);
	return hash_bytes(h, f->ala_estimated ? "e" : "m", 1);
}

static bool
same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool
ffood_same(const struct ffood *a, const struct ffood *b)
{
	if (a->hash != b->hash || !same_text(a->name, b->name) || !same_text(a->group, b->group) ||
	    !same_text(a->basis, b->basis) || !same_text(a->portion_unit, b->portion_unit) ||
	    a->partial != b->partial || a->ala_estimated != b->ala_estimated)
		return false;
	if (a->portion_unit && a->portion_grams != b->portion_grams)
		return false;
	for (int m = 0; m < NT_STORED_COUNT; m++)
		if (!nt_same_value(a->per100[m], b->per100[m]))
			return false;
	return true;
}

/* Foods kept once each, found by their hash (open addressing). */
struct food_set {
	struct ffood *v;
	size_t n, cap;
	size_t *slot; /* index + 1, 0 = empty */
	size_t n_slots;
};

static void
food_set_fini(struct food_set *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		ffood_fini(&fs->v[i]);
	free(fs->v);
	free(fs->slot);
	memset(fs, 0, sizeof *fs);
}

static bool
food_set_grow(struct food_set *fs)
{
	size_t n_slots = fs->n_slots ? 2 * fs->n_slots : 1024;
	size_t *slot = calloc(n_slots, sizeof *slot);

	if (!slot)
		return false;
	for (size_t i = 0; i < fs->n; i++) {
		size_t j = (size_t)fs->v[i].hash & (n_slots - 1);

		while (slot[j])
			j = (j + 1) & (n_slots - 1);
		slot[j] = i + 1;
	}
	free(fs->slot);
	fs->slot = slot;
	fs->n_slots = n_slots;
	return true;
}

/* The index of a food equal to *f, or (size_t)-1. */
static size_t
food_set_find(const struct food_set *fs, const struct ffood *f)
{
	if (!fs->n_slots)
		return (size_t)-1;
	for (size_t j = (size_t)f->hash & (fs->n_slots - 1); fs->slot[j];
	     j = (j + 1) & (fs->n_slots - 1))
		if (ffood_same(&fs->v[fs->slot[j] - 1], f))
			return fs->slot[j] - 1;
	return (size_t)-1;
}

/* Adds *f (taking its strings) unless an equal food is there; its index in *at. */
static enum nt_status
food_set_add(struct food_set *fs, struct ffood *f, size_t *at, struct nt_err *err)
{
	size_t i;

	f->hash = ffood_hash(f);
	if ((i = food_set_find(fs, f)) != (size_t)-1) {
		ffood_fini(f);
		*at = i;
		return NT_OK;
	}
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? 2 * fs->cap : 64;
		struct ffood *v = realloc(fs->v, cap * sizeof *v);

		if (!v)
			goto nomem;
		fs->v = v;
		fs->cap = cap;
	}
	if (2 * (fs->n + 1) > fs->n_slots && !food_set_grow(fs))
		goto nomem;
	fs->v[fs->n] = *f;
	i = (size_t)f->hash & (fs->n_slots - 1);
	while (fs->slot[i])
		i = (i + 1) & (fs->n_slots - 1);
	fs->slot[i] = ++fs->n;
	*at = fs->n - 1;
	return NT_OK;
nomem:
	ffood_fini(f);
	return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
}

/* ---- bundled foods by name, for --match ---- */

struct bundled {
	char *lname;          /* ASCII-lowercased name */
	long long id;         /* 0 when several bundled foods share the name */
	struct nt_food *food; /* loaded on first use */
};

static int
bundled_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bundled *)a)->lname, ((const struct bundled *)b)->lname);
}

static void
lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static const char sql_bundled[] =
	"SELECT id, name FROM foods WHERE source IN ('sr28', 'fndds', 'label')";

/* ---- the reader ---- */

enum col {
	C_DAY, C_GROUP, C_NAME, C_AMOUNT, C_CATEGORY,
	C_ENERGY, C_PROTEIN, C_B12, C_POTASSIUM, C_OMEGA3, C_ALA, C_EPA, C_DHA, C_DPA, C_B6,
	C_COUNT
};

/* The value columns and the measure each fills (C_OMEGA3 is worked out). */
static const enum nt_measure col_measure[C_COUNT] = {
	[C_ENERGY] = NT_ENERGY, [C_PROTEIN] = NT_PROTEIN, [C_B12] = NT_B12,
	[C_POTASSIUM] = NT_POTASSIUM, [C_ALA] = NT_ALA, [C_EPA] = NT_EPA, [C_DHA] = NT_DHA,
	[C_DPA] = NT_DPA, [C_B6] = NT_B6,
};

struct col_name {
	enum col col;
	const char *name;
};

/*
 * Header names, as the exporters write them (µg also as ug, mcg or a Greek
 * mu).  Cronometer's "Folate (µg)" is not read: nothing in its export or
 * documentation says whether it is dietary folate equivalents or total
 * folate, and the two differ by up to 1.7 times in fortified foods.
 */
static const struct col_name cronometer_cols[] = {
	{C_DAY, "Day"}, {C_GROUP, "Group"}, {C_NAME, "Food Name"}, {C_AMOUNT, "Amount"},
	{C_CATEGORY, "Category"}, {C_ENERGY, "Energy (kcal)"}, {C_PROTEIN, "Protein (g)"},
	{C_B12, "B12 (Cobalamin) (\u00b5g)"}, {C_B12, "B12 (Cobalamin) (\u03bcg)"},
	{C_B12, "B12 (Cobalamin) (ug)"}, {C_B12, "B12 (Cobalamin) (mcg)"},
	{C_POTASSIUM, "Potassium (mg)"}, {C_OMEGA3, "Omega-3 (g)"}, {C_ALA, "ALA (g)"},
	{C_EPA, "EPA (g)"}, {C_DHA, "DHA (g)"}, {C_DPA, "DPA (g)"},
	{C_B6, "B6 (Pyridoxine) (mg)"},
};
static const struct col_name mfp_cols[] = {
	{C_DAY, "Date"}, {C_GROUP, "Meal"}, {C_ENERGY, "Calories"}, {C_PROTEIN, "Protein (g)"},
	{C_POTASSIUM, "Potassium"}, {C_POTASSIUM, "Potassium (mg)"},
};

#define MAX_OTHER 8 /* other group names remembered for the report */

struct reader {
	struct nt_store *s;
	enum nt_foreign_format format;
	bool match;
	const char *source; /* "cronometer", "myfitnesspal" */
	int pos[C_COUNT];
	size_t width;
	long long line;     /* the record being read */
	struct food_set foods;
	struct nt_exchange_entry *rows;
	char **amounts; /* owned amount texts of rows */
	size_t n_rows, cap_rows;
	struct bundled *bundled;
	size_t n_bundled;
	struct nt_foreign_report rep;
	struct {
		char name[48];
		long long n;
	} other[MAX_OTHER];
	size_t n_other;
	bool other_more;
};

static const char *
col_title(const struct reader *r, enum col c)
{
	const struct col_name *t = r->format == NT_FOREIGN_CRONOMETER ? cronometer_cols : mfp_cols;
	size_t n = r->format == NT_FOREIGN_CRONOMETER
	                   ? sizeof cronometer_cols / sizeof *cronometer_cols
	                   : sizeof mfp_cols / sizeof *mfp_cols;

	for (size_t i = 0; i < n; i++)
		if (t[i].col == c)
			return t[i].name;
	return "?";
}

/* A header name without blanks around it (some exports pad them). */
static void
trimmed(const char *s, char *out, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

static enum nt_status
read_header(struct reader *r, const struct nt_csv_row *row, struct nt_err *err)
{
	bool cron = r->format == NT_FOREIGN_CRONOMETER;
	const struct col_name *t = cron ? cronometer_cols : mfp_cols;
	size_t n = cron ? sizeof cronometer_cols / sizeof *cronometer_cols
	                : sizeof mfp_cols / sizeof *mfp_cols;
	const char *what = cron ? "Cronometer's Food & Recipe Entries export (servings.csv)"
	                        : "MyFitnessPal's nutrition export (Nutrition-Summary)";

	for (int c = 0; c < C_COUNT; c++)
		r->pos[c] = -1;
	for (size_t c = 0; c < row->n; c++) {
		char name[96];

		trimmed(row->field[c], name, sizeof name);
		for (size_t i = 0; i < n; i++) {
			if (strcmp(name, t[i].name))
				continue;
			if (r->pos[t[i].col] >= 0)
				return nt_csv_fail(err, row, c + 1, "column '%s' appears twice", name);
			r->pos[t[i].col] = (int)c;
		}
	}
	for (int c = C_DAY; c <= C_AMOUNT; c++) {
		if (!cron && (c == C_NAME || c == C_AMOUNT))
			continue;
		if (r->pos[c] < 0)
			return nt_csv_fail(err, row, 0, "missing column '%s': is this %s?",
			                   col_title(r, (enum col)c), what);
	}
	if (cron && r->pos[C_B12] < 0 && r->pos[C_POTASSIUM] < 0 && r->pos[C_OMEGA3] < 0 &&
	    r->pos[C_ALA] < 0)
		return nt_csv_fail(err, row, 0, "no column for B12, potassium or omega-3 "
		                   "('B12 (Cobalamin) (\u00b5g)', 'Potassium (mg)', 'Omega-3 (g)'): "
		                   "is this %s?", what);
	if (!cron && r->pos[C_ENERGY] < 0 && r->pos[C_POTASSIUM] < 0 && r->pos[C_PROTEIN] < 0)
		return nt_csv_fail(err, row, 0, "no column for Calories, Potassium or Protein (g): "
		                   "is this %s?", what);
	r->width = row->n;
	return NT_OK;
}

/* Fails at column c of row, naming the column as the file does. */
static enum nt_status col_fail(const struct reader *r, const struct nt_csv_row *row, enum col c,
                               struct nt_err *err, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum nt_status
col_fail(const struct reader *r, const struct nt_csv_row *row, enum col c, struct nt_err *err,
         const char *fmt, ...)
{
	char why[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return nt_csv_fail(err, row, (size_t)r->pos[c] + 1, "%s: %s", col_title(r, c), why);
}

/* A field without the blanks around it, copied into out (size n); false when too long. */
static bool
field_text(const struct nt_csv_row *row, int c, char *out, size_t n)
{
	const char *s = row->field[c];
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return false;
	memcpy(out, s, len);
	out[len] = '\0';
	return true;
}

/*
 * A number as the exporters write it: plain ("1.25"), or with thousands
 * grouped by commas when allowed ("1,050.0", as MyFitnessPal quotes them).
 */
static bool
read_number(const char *s, bool grouped, double *v)
{
	char plain[64];
	size_t o = 0, digits = 0;
	bool commas = false;

	if (!grouped || !strchr(s, ','))
		return nt_text_to_double(s, v);
	/* 1-3 digits, then groups of ",ddd", then an optional fraction */
	for (const char *p = s; *p && *p != '.'; p++) {
		if (*p == ',') {
			if (!digits || (commas ? digits != 3 : digits > 3))
				return false;
			commas = true;
			digits = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p) || o + 1 >= sizeof plain)
			return false;
		plain[o++] = *p;
		digits++;
	}
	if (digits != 3)
		return false;
	snprintf(plain + o, sizeof plain - o, "%s", strchr(s, '.') ? strchr(s, '.') : "");
	return nt_text_to_double(plain, v);
}

/* The value of column c for this row: NT_UNKNOWN when absent or empty. */
static enum nt_status
read_value(struct reader *r, const struct nt_csv_row *row, enum col c, double *v,
           struct nt_err *err)
{
	char t[64];

	*v = NT_UNKNOWN;
	if (r->pos[c] < 0)
		return NT_OK;
	if (!field_text(row, r->pos[c], t, sizeof t))
		return col_fail(r, row, c, err, "not a number: '%.40s'", row->field[r->pos[c]]);
	if (!*t)
		return NT_OK;
	if (!read_number(t, r->format == NT_FOREIGN_MYFITNESSPAL, v))
		return col_fail(r, row, c, err, "not a number: '%.40s'", t);
	if (*v < 0)
		return col_fail(r, row, c, err, "must be 0 or more: '%.40s'", t);
	if (*v == 0)
		*v = 0; /* no -0 */
	return NT_OK;
}

/* The meal of a group or meal name; other names go to snack and are counted. */
static int
meal_of(struct reader *r, const char *name)
{
	static const struct {
		const char *name;
		int meal;
	} meals[] = {
		{"breakfast", NT_BREAKFAST}, {"lunch", NT_LUNCH}, {"dinner", NT_DINNER},
		{"snacks", NT_SNACK},        {"snack", NT_SNACK},
	};
	size_t i;

	for (i = 0; i < sizeof meals / sizeof *meals; i++)
		if (!strcasecmp(name, meals[i].name))
			return meals[i].meal;
	r->rep.other_meals++;
	for (i = 0; i < r->n_other; i++)
		if (!strcmp(r->other[i].name, name)) {
			r->other[i].n++;
			return NT_SNACK;
		}
	if (r->n_other < MAX_OTHER) {
		snprintf(r->other[r->n_other].name, sizeof r->other[r->n_other].name, "%s",
		         *name ? name : "(none)");
		r->other[r->n_other++].n = 1;
	} else {
		r->other_more = true;
	}
	return NT_SNACK;
}

/*
 * The weight in grams that a unit states for one of it: "serving - 28 g",
 * "bar (40 g)", "package - 3.5 oz"; 0 when it states none.
 */
static double
stated_grams(const char *unit)
{
	for (const char *p = unit; *p; p++) {
		char word[16];
		size_t n = 0;
		double v, factor;
		char *end;

		if (!isdigit((unsigned char)*p) || (p > unit && (isdigit((unsigned char)p[-1]) ||
		                                                 p[-1] == '.' || p[-1] == '/')))
			continue;
		v = strtod(p, &end);
		while (*end == ' ')
			end++;
		while (isalpha((unsigned char)end[n]) && n + 1 < sizeof word) {
			word[n] = (char)tolower((unsigned char)end[n]);
			n++;
		}
		word[n] = '\0';
		if (n && !isalpha((unsigned char)end[n]) && (factor = nt_amount_mass_unit(word)) > 0 &&
		    v > 0 && isfinite(v))
			return v * factor;
	}
	return 0;
}

/* A parsed Cronometer amount: "1.50 cup - 8 fl oz" is 1.5 of "cup - 8 fl oz". */
struct amount {
	double count;
	char unit[NT_AMOUNT_TEXT_MAX];
	double grams;      /* the whole amount's weight, 0 when unknown */
	double unit_grams; /* a weight the unit states for one of it, else 0 */
};

static enum nt_status
read_amount(struct reader *r, const struct nt_csv_row *row, const char *text, struct amount *a,
            struct nt_err *err)
{
	char num[48], lunit[NT_AMOUNT_TEXT_MAX];
	size_t len = strcspn(text, " \t");
	double factor;
	const char *u;

	memset(a, 0, sizeof *a);
	if (!*text)
		return col_fail(r, row, C_AMOUNT, err, "empty");
	if (strlen(text) >= NT_AMOUNT_TEXT_MAX || nt_text_has_controls(text))
		return col_fail(r, row, C_AMOUNT, err,
		                "must be 1-%d bytes of text without control characters",
		                NT_AMOUNT_TEXT_MAX - 1);
	if (len >= sizeof num)
		return col_fail(r, row, C_AMOUNT, err, "not a number and a unit: '%.40s'", text);
	memcpy(num, text, len);
	num[len] = '\0';
	for (u = text + len; *u == ' ' || *u == '\t'; u++)
		;
	if (!nt_text_to_double(num, &a->count) || !*u)
		return col_fail(r, row, C_AMOUNT, err,
		                "not a number and a unit ('2.00 large', '150.00 g'): '%.40s'", text);
	if (!(a->count > 0))
		return col_fail(r, row, C_AMOUNT, err, "must be more than 0: '%.40s'", text);
	snprintf(a->unit, sizeof a->unit, "%s", u);
	snprintf(lunit, sizeof lunit, "%s", u);
	lower_ascii(lunit);
	if ((factor = nt_amount_mass_unit(lunit)) > 0)
		a->grams = a->count * factor;
	else if ((a->unit_grams = stated_grams(u)) > 0)
		a->grams = a->count * a->unit_grams;
	if (a->grams > 0 && (a->grams > NT_AMOUNT_MAX_GRAMS || a->grams < 0.001))
		return col_fail(r, row, C_AMOUNT, err, "%.4g g: one entry weighs 1 mg to %.0f g",
		                a->grams, NT_AMOUNT_MAX_GRAMS);
	if (!a->grams && a->count * NT_FOOD_BASIS_GRAMS > NT_AMOUNT_MAX_GRAMS)
		return col_fail(r, row, C_AMOUNT, err, "more than %.0f units: '%.40s'",
		                NT_AMOUNT_MAX_GRAMS / NT_FOOD_BASIS_GRAMS, text);
	if (!a->grams && nt_grams_to_mg(a->count * NT_FOOD_BASIS_GRAMS) < 1)
		return col_fail(r, row, C_AMOUNT, err, "less than 0.001 of a unit: '%.40s'", text);
	return NT_OK;
}

/* ---- --match ---- */

static enum nt_status
load_bundled(struct reader *r, struct nt_err *err)
{
	struct nt_stmt *st;
	size_t cap = 0;
	int rc;

	if (!(st = nt_store_stmt(r->s, sql_bundled, err)))
		return err->status;
	while ((rc = nt_stmt_step(st, err)) > 0) {
		if (r->n_bundled == cap) {
			struct bundled *v;

			cap = cap ? 2 * cap : 16384;
			if (!(v = realloc(r->bundled, cap * sizeof *v))) {
				nt_stmt_reset(st);
				return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
			}
			r->bundled = v;
		}
		r->bundled[r->n_bundled] = (struct bundled){strdup(nt_stmt_text(st, 1)),
		                                            nt_stmt_int(st, 0), NULL};
		if (!r->bundled[r->n_bundled].lname) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		lower_ascii(r->bundled[r->n_bundled++].lname);
	}
	if (rc < 0)
		return err->status;
	qsort(r->bundled, r->n_bundled, sizeof *r->bundled, bundled_cmp);
	/* a name several bundled foods share is no confident match */
	for (size_t i = 0; i + 1 < r->n_bundled; i++)
		if (!strcmp(r->bundled[i].lname, r->bundled[i + 1].lname))
			r->bundled[i].id = r->bundled[i + 1].id = 0;
	return NT_OK;
}

/* Two values agree: both known and within 20% or `abs`, or either unknown. */
static bool
agree(double export_value, double bundled_value, double abs)
{
	double big;

	if (!nt_known(export_value) || !nt_known(bundled_value))
		return true;
	big = fmax(export_value, bundled_value);
	return fabs(export_value - bundled_value) <= fmax(abs, 0.2 * big);
}

/*
 * The bundled food a row is, when confident: its row id and the entry's
 * weight in *grams; 0 when not.
 */
static long long
match_row(struct reader *r, const char *name, const struct amount *a,
          const double value[NT_STORED_COUNT], double *grams)
{
	struct bundled key, *b;
	char lname[NT_NAME_MAX + 1], head[NT_AMOUNT_TEXT_MAX + 32];
	struct nt_amounts v;
	struct nt_err why;
	double g = a->grams;
	size_t n;

	snprintf(lname, sizeof lname, "%s", name);
	lower_ascii(lname);
	key.lname = lname;
	if (!(b = bsearch(&key, r->bundled, r->n_bundled, sizeof *r->bundled, bundled_cmp)) ||
	    !b->id)
		return 0;
	if (!b->food && nt_food_get(r->s, b->id, &b->food, &why))
		return 0;
	if (!(g > 0)) {
		/* "cup - 8 fl oz" is a cup, 'medium - 7" long' a medium one */
		n = strlen(a->unit);
		for (const char *cut[] = {" - ", " ("}, **c = cut; c < cut + 2; c++)
			if (strstr(a->unit, *c) && (size_t)(strstr(a->unit, *c) - a->unit) < n)
				n = (size_t)(strstr(a->unit, *c) - a->unit);
		snprintf(head, sizeof head, "%.17g %.*s", a->count, (int)n, a->unit);
		if (nt_amount_grams(head, b->food, &g, &why))
			return 0;
	}
	nt_amounts_for(b->food->per100, g, &v);
	if (!agree(value[NT_ENERGY], v.v[NT_ENERGY], 10) || !agree(value[NT_B12], v.v[NT_B12], 0.1) ||
	    !agree(value[NT_POTASSIUM], v.v[NT_POTASSIUM], 20))
		return 0;
	*grams = g;
	return b->id;
}

/* ---- rows ---- */

static enum nt_status
add_row(struct reader *r, long day, int meal, long long food, const char *amount, long long mg,
        struct nt_err *err)
{
	char *copy;

	if (r->n_rows == r->cap_rows) {
		size_t cap = r->cap_rows ? 2 * r->cap_rows : 256;
		struct nt_exchange_entry *v = realloc(r->rows, cap * sizeof *v);
		char **a;

		if (!v)
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		r->rows = v;
		if (!(a = realloc(r->amounts, cap * sizeof *a)))
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		r->amounts = a;
		r->cap_rows = cap;
	}
	if (!(copy = strdup(amount)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	r->amounts[r->n_rows] = copy;
	r->rows[r->n_rows++] = (struct nt_exchange_entry){day, meal, food, copy, mg, false, r->line};
	return NT_OK;
}

/*
 * Per-100 g (or per-basis-unit) values of a food from a row's values for
 * `grams` g.  Not rounded: the entry, grams x per100 / 100, gives back the
 * export's value to the last bit or so ("302.18", not "302.1800005").
 */
static void
per100_of(const double value[NT_STORED_COUNT], double grams, double per100[NT_STORED_COUNT])
{
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = nt_known(value[m]) ? value[m] * 100.0 / grams : NT_UNKNOWN;
}

/* Adds the imported food for a row and the row as an entry of it. */
static enum nt_status
add_food_row(struct reader *r, long day, int meal, struct ffood *f,
             const double value[NT_STORED_COUNT], double grams, const char *amount,
             struct nt_err *err)
{
	size_t at = 0;
	enum nt_status rc;

	per100_of(value, grams, f->per100);
	if ((rc = food_set_add(&r->foods, f, &at, err)))
		return rc;
	if (r->foods.v[at].basis)
		r->rep.no_weight++;
	return add_row(r, day, meal, -(long long)at - 1, amount, nt_grams_to_mg(grams), err);
}

static enum nt_status
common_fields(struct reader *r, const struct nt_csv_row *row, long *day, int *meal, char *group,
              size_t n_group, double value[NT_STORED_COUNT], struct nt_err *err)
{
	char t[NT_NAME_MAX + 1];
	enum nt_status rc;

	if (row->n != r->width)
		return nt_csv_fail(err, row, (row->n < r->width ? row->n : r->width) + 1,
		                   "%s row: %zu fields where the header has %zu",
		                   row->n < r->width ? "short" : "long", row->n, r->width);
	if (!field_text(row, r->pos[C_DAY], t, sizeof t) || nt_date_parse_iso(t, day))
		return col_fail(r, row, C_DAY, err,
		                "not a real day as YYYY-MM-DD (years %d-%d): '%.40s'",
		                NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR, row->field[r->pos[C_DAY]]);
	if (!field_text(row, r->pos[C_GROUP], group, n_group) ||
	    (*group && !nt_text_name_ok(group, n_group - 1)))
		return col_fail(r, row, C_GROUP, err, "must be 0-%zu bytes of text without control "
		                "characters", n_group - 1);
	*meal = meal_of(r, group);
	for (int m = 0; m < NT_STORED_COUNT; m++)
		value[m] = NT_UNKNOWN;
	for (int c = C_ENERGY; c < C_COUNT; c++) {
		double v;

		if ((rc = read_value(r, row, (enum col)c, &v, err)))
			return rc;
		if (c != C_OMEGA3)
			value[col_measure[c]] = v;
		else
			value[NT_B12_ADDED] = v; /* the total, parked: worked out below */
	}
	return NT_OK;
}

static enum nt_status
cronometer_row(struct reader *r, const struct nt_csv_row *row, struct nt_err *err)
{
	char name[NT_NAME_MAX + 1], meal_name[64], amount_text[NT_AMOUNT_TEXT_MAX];
	char category[NT_NAME_MAX + 1] = "";
	double value[NT_STORED_COUNT], total, grams;
	struct ffood f = {0};
	struct amount a;
	long day;
	int meal;
	long long bundled = 0;
	enum nt_status rc;

	if ((rc = common_fields(r, row, &day, &meal, meal_name, sizeof meal_name, value, err)))
		return rc;
	if (!field_text(row, r->pos[C_NAME], name, sizeof name) ||
	    !nt_text_name_ok(name, NT_NAME_MAX))
		return col_fail(r, row, C_NAME, err, "must be 1-%d bytes of text without control "
		                "characters, not blanks only", NT_NAME_MAX);
	if (!field_text(row, r->pos[C_AMOUNT], amount_text, sizeof amount_text))
		return col_fail(r, row, C_AMOUNT, err, "longer than %d bytes", NT_AMOUNT_TEXT_MAX - 1);
	if ((rc = read_amount(r, row, amount_text, &a, err)))
		return rc;
	if (r->pos[C_CATEGORY] >= 0 &&
	    (!field_text(row, r->pos[C_CATEGORY], category, sizeof category) ||
	     (*category && !nt_text_name_ok(category, NT_NAME_MAX))))
		return col_fail(r, row, C_CATEGORY, err, "must be 0-%d bytes of text without "
		                "control characters", NT_NAME_MAX);
	/* Omega-3: ALA as given, else what the total leaves after EPA, DHA and DPA. */
	total = value[NT_B12_ADDED];
	value[NT_B12_ADDED] = NT_UNKNOWN;
	if (!nt_known(value[NT_ALA]) && nt_known(total)) {
		double rest = total;

		for (enum nt_measure m = NT_EPA; m <= NT_DPA; m++)
			if (nt_known(value[m]))
				rest -= value[m];
		/* to the nanogram: 0.30 - 0.10 - 0.20 is 0, not -2.8e-17 */
		rest = round(rest * 1e9) / 1e9;
		value[NT_ALA] = rest > 0 ? rest : 0;
		f.ala_estimated = true;
	}
	if (r->match && (bundled = match_row(r, name, &a, value, &grams))) {
		r->rep.matched++;
		return add_row(r, day, meal, bundled, amount_text, nt_grams_to_mg(grams), err);
	}
	if (!(f.name = strdup(name)) || !(f.group = strdup(*category ? category : "Cronometer")))
		goto nomem;
	if (a.grams > 0) {
		grams = a.grams;
		/* a unit that states its weight becomes a portion (unless too long to be one) */
		if (a.unit_grams > 0 && nt_portion_grams_ok(a.unit_grams) &&
		    nt_text_name_ok(a.unit, NT_UNIT_MAX)) {
			f.portion_grams = a.unit_grams;
			if (!(f.portion_unit = strdup(a.unit)))
				goto nomem;
		}
	} else {
		grams = a.count * NT_FOOD_BASIS_GRAMS;
		if (!(f.basis = strdup(a.unit)))
			goto nomem;
	}
	return add_food_row(r, day, meal, &f, value, grams, amount_text, err);
nomem:
	ffood_fini(&f);
	return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
}

static enum nt_status
mfp_row(struct reader *r, const struct nt_csv_row *row, struct nt_err *err)
{
	char meal_name[64], name[NT_NAME_MAX + 1], date[NT_DATE_LEN];
	double value[NT_STORED_COUNT];
	struct ffood f = {0};
	long day;
	int meal;
	enum nt_status rc;

	if ((rc = common_fields(r, row, &day, &meal, meal_name, sizeof meal_name, value, err)))
		return rc;
	if (!*meal_name)
		return col_fail(r, row, C_GROUP, err, "empty");
	/* MyFitnessPal adds a food without potassium as 0 mg: the sum is a floor */
	if (nt_known(value[NT_POTASSIUM])) {
		if (value[NT_POTASSIUM] == 0 && nt_known(value[NT_ENERGY]) && value[NT_ENERGY] > 0)
			value[NT_POTASSIUM] = NT_UNKNOWN;
		else if (value[NT_POTASSIUM] > 0)
			f.partial = 1u << NT_POTASSIUM;
	}
	nt_date_format(day, date);
	snprintf(name, sizeof name, "MyFitnessPal %s, %s", meal_name, date);
	if (!(f.name = strdup(name)) || !(f.group = strdup("MyFitnessPal")) ||
	    !(f.basis = strdup("meal"))) {
		ffood_fini(&f);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	return add_food_row(r, day, meal, &f, value, NT_FOOD_BASIS_GRAMS, "1 meal", err);
}

static enum nt_status
on_row(void *ctx, const struct nt_csv_row *row, struct nt_err *err)
{
	struct reader *r = ctx;

	if (row->record == 1)
		return read_header(r, row, err);
	r->rep.entries.rows++;
	r->line = (long long)row->record;
	return r->format == NT_FOREIGN_CRONOMETER ? cronometer_row(r, row, err)
	                                          : mfp_row(r, row, err);
}

/* ---- handing over ---- */

/* The foods as nt_exchange_entries_import takes them (borrowing their strings). */
static enum nt_status
exchange_foods(const struct reader *r, struct nt_exchange_food **out, struct nt_err *err)
{
	struct nt_exchange_food *v;

	*out = NULL;
	if (!r->foods.n)
		return NT_OK;
	if (!(v = calloc(r->foods.n, sizeof *v)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < r->foods.n; i++) {
		const struct ffood *f = &r->foods.v[i];

		v[i].name = f->name;
		v[i].group = f->group;
		v[i].basis = f->basis;
		v[i].portion_unit = f->portion_unit;
		v[i].portion_grams = f->portion_grams;
		memcpy(v[i].per100, f->per100, sizeof v[i].per100);
		v[i].partial = f->partial;
		v[i].ala_estimated = f->ala_estimated;
		v[i].contains = NT_TAG_ALL; /* the export does not say: when unsure, tag */
	}
	*out = v;
	return NT_OK;
}

/* "Uncategorized (3), Pre-workout (1)" */
static void
format_other(struct reader *r)
{
	size_t o = 0, n = sizeof r->rep.other_names;

	r->rep.other_names[0] = '\0';
	for (size_t i = 0; i < r->n_other && o < n; i++)
		o += (size_t)snprintf(r->rep.other_names + o, n - o, "%s%s (%lld)", i ? ", " : "",
		                      r->other[i].name, r->other[i].n);
	if (r->other_more && o < n)
		o += (size_t)snprintf(r->rep.other_names + o, n - o, ", ...");
	if (o >= n)
		memcpy(r->rep.other_names + n - 4, "...", 4);
}

static void
reader_fini(struct reader *r)
{
	food_set_fini(&r->foods);
	for (size_t i = 0; i < r->n_rows; i++)
		free(r->amounts[i]);
	free(r->amounts);
	free(r->rows);
	for (size_t i = 0; i < r->n_bundled; i++) {
		free(r->bundled[i].lname);
		nt_food_free(r->bundled[i].food);
	}
	free(r->bundled);
}

enum nt_status
nt_foreign_import(struct nt_store *s, enum nt_foreign_format format, const char *path,
                  bool match, bool dry_run, struct nt_foreign_report *rep, struct nt_err *err)
{
	struct nt_err scratch;
	struct reader r = {.s = s, .format = format, .match = match};
	struct nt_exchange_food *foods = NULL;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if (format == NT_FOREIGN_MYFITNESSPAL && match)
		return nt_err_set(err, NT_ERR_INVALID, "MyFitnessPal's nutrition export has meal "
		                  "totals, no food names to match");
	r.source = format == NT_FOREIGN_CRONOMETER ? "cronometer" : "myfitnesspal";
	/* the export is read into memory first, without any lock; then staged and merged */
	if ((match && (rc = load_bundled(&r, err))) ||
	    (rc = nt_csv_read(path, ',', on_row, &r, NULL, err)) ||
	    (rc = exchange_foods(&r, &foods, err)) ||
	    (rc = nt_exchange_entries_import(s, r.source, r.rows, r.n_rows, foods, r.foods.n,
	                                     dry_run, &r.rep.entries, &r.rep.foods_added, err)))
		goto out;
	format_other(&r);
	if (rep)
		*rep = r.rep;
out:
	free(foods);
	reader_fini(&r);
	return rc;
}
