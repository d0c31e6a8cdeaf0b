/* SPDX-License-Identifier: GPL-3.0-or-later */
/* amount.c - amount parsing and conversion to grams. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "food.h"

struct unit {
	const char *name;
	double factor;
};

/* ASCII only: the locale's tolower/isalpha would touch UTF-8 bytes. */
static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }
static bool ascii_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }

/* Names as normalize() leaves them: singular, USDA's abbreviations. */
static const struct unit mass_units[] = {
	{"g", 1}, {"gramme", 1}, {"gr", 1},
	{"kg", 1000}, {"kilo", 1000}, {"kilogram", 1000}, {"kilogramme", 1000},
	{"mg", 0.001}, {"milligram", 0.001},
	{"oz", 28.349523125},
	{"lb", 453.59237},
};

static const struct unit volume_units[] = {
	{"ml", 1}, {"cc", 1},
	{"cl", 10}, {"dl", 100},
	{"l", 1000}, {"liter", 1000}, {"litre", 1000},
	{"tsp", 4.92892159375},
	{"tbsp", 14.78676478125},
	{"cup", 236.5882365},
	{"fl oz", 29.5735295625}, {"floz", 29.5735295625}, {"fluid oz", 29.5735295625},
	{"pint", 473.176473}, {"pt", 473.176473},
	{"quart", 946.352946}, {"qt", 946.352946},
};

/* Singular form of one lowercase word, in place ("cups" -> "cup"). */
static void
singular(char *w)
{
	size_t n = strlen(w);

	if (n > 4 && !strcmp(w + n - 4, "sses")) {
		w[n - 2] = '\0';
	} else if (n > 4 && !strcmp(w + n - 3, "ies")) {
		strcpy(w + n - 3, "y");
	} else if (n > 4 && (!strcmp(w + n - 4, "ches") || !strcmp(w + n - 4, "shes") ||
	                     !strcmp(w + n - 3, "xes") || !strcmp(w + n - 3, "oes"))) {
		w[n - 2] = '\0';
	} else if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u') {
		w[n - 1] = '\0';
	}
}

/* Spelled-out units and their USDA abbreviations match the same portions. */
static const struct {
	const char *word, *abbr;
} synonyms[] = {
	{"tablespoon", "tbsp"}, {"tbs", "tbsp"}, {"teaspoon", "tsp"},
	{"ounce", "oz"}, {"pound", "lb"}, {"gram", "g"}, {"milliliter", "ml"},
	{"millilitre", "ml"},
};

static void
canonical(char *w)
{
	for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms; i++)
		if (!strcmp(w, synonyms[i].word)) {
			strcpy(w, synonyms[i].abbr);
			return;
		}
}

/*
 * Normalises a unit phrase into out: lowercase, words separated by one
 * space, each word singular and abbreviated as USDA writes it ("tablespoons"
 * -> "tbsp"); punctuation dropped (a '.' between digits is kept).
 */
static void
normalize(const char *in, char *out, size_t n)
{
	size_t o = 0;
	char word[64];
	size_t wl = 0;

	out[0] = '\0';
	for (const char *p = in;; p++) {
		unsigned char c = (unsigned char)*p;

		bool decimal_dot = c == '.' && wl && isdigit((unsigned char)p[1]);

		if (c && (ascii_alnum(c) || decimal_dot || c >= 0x80)) {
			if (wl + 1 < sizeof word)
				word[wl++] = ascii_lower((char)c);
			continue;
		}
		if (wl) {
			size_t len;

			word[wl] = '\0';
			singular(word);
			canonical(word);
			len = strlen(word);
			if (o + len + 2 < n) {
				if (o)
					out[o++] = ' ';
				memcpy(out + o, word, len);
				o += len;
				out[o] = '\0';
			}
			wl = 0;
		}
		if (!c)
			break;
	}
}

static double
lookup(const struct unit *t, size_t n, const char *unit)
{
	char norm[NT_AMOUNT_TEXT_MAX];

	normalize(unit, norm, sizeof norm);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, norm))
			return t[i].factor;
	return 0;
}

double
nt_amount_mass_unit(const char *unit)
{
	return lookup(mass_units, sizeof mass_units / sizeof *mass_units, unit);
}

double
nt_amount_volume_unit(const char *unit)
{
	return lookup(volume_units, sizeof volume_units / sizeof *volume_units, unit);
}

static const struct {
	const char *utf8;
	double value;
} vulgar[] = {
	{"\xc2\xbd", 0.5}, {"\xc2\xbc", 0.25}, {"\xc2\xbe", 0.75},
	{"\xe2\x85\x93", 1.0 / 3}, {"\xe2\x85\x94", 2.0 / 3}, {"\xe2\x85\x9b", 0.125},
};

/*
 * Reads digits with at most one '.', nothing else (strtod alone would also
 * accept "inf", "nan", hex and exponents).
 */
static bool
scan_decimal(const char **p, double *v)
{
	const char *s = *p;
	char buf[NT_AMOUNT_TEXT_MAX]; /* as long as any amount: a long number is read whole */
	size_t n = 0;
	bool dot = false, digit = false;

	for (; isdigit((unsigned char)*s) || (*s == '.' && !dot); s++) {
		if (*s == '.')
			dot = true;
		else
			digit = true;
		if (n + 1 >= sizeof buf)
			return false;
		buf[n++] = *s;
	}
	if (!digit)
		return false;
	buf[n] = '\0';
	*v = strtod(buf, NULL);
	*p = s;
	return true;
}

/*
 * Reads a plain decimal or a/b at *p; advances *p.  Returns 1, 0 when there
 * is no number, -1 for a fraction over zero ("1/0").
 */
static int
read_number(const char **p, double *v)
{
	const char *s = *p;
	for (size_t i = 0; i < sizeof vulgar / sizeof *vulgar; i++) {
		size_t len = strlen(vulgar[i].utf8);

		if (!strncmp(s, vulgar[i].utf8, len)) {
			*v = vulgar[i].value;
			*p = s + len;
			return 1;
		}
	}
	if (!scan_decimal(&s, v))
		return 0;
	if (*s == '/' && isdigit((unsigned char)s[1])) {
		double den;

		s++;
		if (!scan_decimal(&s, &den) || den <= 0)
			return -1;
		*v /= den;
	}
	*p = s;
	return 1;
}

/* "1e9", "1E-3" or "0x10": a number written in a way the amounts do not take. */
static bool
exponent_or_hex(const char *p)
{
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		return isdigit((unsigned char)*p);
	}
	return (*p == 'x' || *p == 'X') && isxdigit((unsigned char)p[1]);
}

/*
 * A decimal comma ("1,5 cups") becomes a point in `copy` (size n, holding
 * text).  Three digits after the comma ("1,500 g") could be a thousands
 * separator as well: false, so that the caller refuses to guess.
 */
static bool
decimal_comma(const char *text, char *copy, size_t n)
{
	char *p;
	size_t k = 0;

	snprintf(copy, n, "%s", text);
	for (p = copy; isspace((unsigned char)*p); p++)
		;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p != ',' || p == copy || !isdigit((unsigned char)p[-1]) ||
	    !isdigit((unsigned char)p[1]))
		return true;
	while (isdigit((unsigned char)p[1 + k]))
		k++;
	if (k == 3)
		return false;
	*p = '.';
	return true;
}

enum nt_status
nt_amount_parse(const char *text, struct nt_quantity *q, struct nt_err *err)
{
	char copy[NT_AMOUNT_TEXT_MAX];
	const char *p = copy;
	double count, frac;
	size_t len = strlen(text);

	if (len >= NT_AMOUNT_TEXT_MAX)
		return nt_err_set(err, NT_ERR_INVALID, "amount is too long (at most %d bytes)",
		                  NT_AMOUNT_TEXT_MAX - 1);
	if (!decimal_comma(text, copy, sizeof copy))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot read amount '%s': a comma before three digits could be a "
		                  "decimal comma or a thousands separator; write the number without "
		                  "it (1500 g) or with a point (1.5 kg)", text);
	while (isspace((unsigned char)*p))
		p++;
	if (!*p)
		return nt_err_set(err, NT_ERR_INVALID, "amount is empty");
	if (*p == '-' && (isdigit((unsigned char)p[1]) || p[1] == '.'))
		return nt_err_set(err, NT_ERR_INVALID, "amount '%s' must be more than zero", text);
	switch (read_number(&p, &count)) {
	case 0:
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot read amount '%s': it must start with a number "
		                  "(150g, 1.5 cups, 1/2 cup, 2 large)", text);
	case -1:
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot read amount '%s': a fraction cannot be over zero", text);
	}
	if (exponent_or_hex(p))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot read amount '%s': write the number in plain digits "
		                  "(1500 g, 1.5 kg), without an exponent or hex", text);
	/* "1 1/2 cups" and "1½ cups" */
	{
		const char *r = p;

		while (*r == ' ')
			r++;
		if (((r != p && isdigit((unsigned char)*r) && strchr(r, '/')) ||
		     (unsigned char)*r >= 0x80) && read_number(&r, &frac) > 0 && frac < 1) {
			count += frac;
			p = r;
		}
	}
	if (!isfinite(count) || count <= 0)
		return nt_err_set(err, NT_ERR_RANGE, "amount '%s' must be more than zero", text);
	if (count > 100000)
		return nt_err_set(err, NT_ERR_RANGE, "amount '%s' is too large", text);
	if (*p && !isspace((unsigned char)*p) && !ascii_alpha((unsigned char)*p) &&
	    (unsigned char)*p < 0x80)
		return nt_err_set(err, NT_ERR_INVALID, "cannot read amount '%s'", text);
	q->count = count;
	/* Keep "fl oz" as two words; normalise spacing and case. */
	{
		size_t o = 0;
		bool space = false;

		while (isspace((unsigned char)*p))
			p++;
		for (; *p && o + 1 < sizeof q->unit; p++) {
			if (isspace((unsigned char)*p)) {
				space = true;
				continue;
			}
			if (space && o)
				q->unit[o++] = ' ';
			space = false;
			if (o + 1 < sizeof q->unit)
				q->unit[o++] = ascii_lower(*p);
		}
		q->unit[o] = '\0';
	}
	return NT_OK;
}

void
nt_portion_format(const struct nt_portion *p, char *buf, size_t n)
{
	snprintf(buf, n, "%g %s (%g g)", p->amount, p->unit, p->grams);
}

/* "a, b, c" list of the food's portions, for error messages. */
static void
portion_list(const struct nt_food *f, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	if (!f->n_portions) {
		snprintf(buf, n, "it has no USDA portions; use a weight such as 100 g");
		return;
	}
	o = (size_t)snprintf(buf, n, "its portions: ");
	for (size_t i = 0; i < f->n_portions && o < n; i++) {
		char one[128];

		nt_portion_format(&f->portions[i], one, sizeof one);
		o += (size_t)snprintf(buf + o, n - o, "%s%s", i ? "; " : "", one);
	}
}

/* The portion's head: its normalised text up to the first ',' or '('. */
static void
portion_head(const char *unit, char *out, size_t n)
{
	char tmp[NT_AMOUNT_TEXT_MAX];
	size_t len = strcspn(unit, ",(");

	if (len >= sizeof tmp)
		len = sizeof tmp - 1;
	memcpy(tmp, unit, len);
	tmp[len] = '\0';
	normalize(tmp, out, n);
}

/* True when every word of `want` is a word of `have` (words split on ' ' and '/'). */
static bool
has_words(const char *have, const char *want)
{
	char h[NT_AMOUNT_TEXT_MAX], w[NT_AMOUNT_TEXT_MAX];
	char *save_w = NULL;

	snprintf(w, sizeof w, "%s", want);
	for (char *tok = strtok_r(w, " ", &save_w); tok; tok = strtok_r(NULL, " ", &save_w)) {
		char *save_h = NULL;
		bool found = false;

		snprintf(h, sizeof h, "%s", have);
		for (char *t = strtok_r(h, " /", &save_h); t; t = strtok_r(NULL, " /", &save_h))
			if (!strcmp(t, tok)) {
				found = true;
				break;
			}
		if (!found)
			return false;
	}
	return true;
}

bool
nt_portion_is_household(const char *unit)
{
	char norm[NT_AMOUNT_TEXT_MAX];

	normalize(unit, norm, sizeof norm);
	return strncmp(norm, "guideline amount", 16) && strcmp(norm, "quantity not specified");
}

/* Words that say a portion is of the food in another state than it is. */
static const char *const state_words[] = {
	"dehydrated", "dry", "hull", "purchased", "raw", "shell", "uncooked", "unpopped",
	"unprepared", "whipped", "yield",
};

/* Whether word w (normalized: singular) is a word of the food's name. */
static bool
name_has(const struct nt_food *f, const char *w)
{
	char name[512];

	if (!f->name)
		return false;
	normalize(f->name, name, sizeof name);
	return has_words(name, w);
}

/*
 * Whether portion p is of the food in another state: "cup, whipped" of
 * heavy cream, "cup, with hulls" of sunflower kernels, "medium, raw,
 * yields" of a cooked food.  A note in parentheses ("(yields 2 cups
 * whipped)") says nothing about the portion itself.
 */
static bool
other_state(const struct nt_food *f, const struct nt_portion *p)
{
	char text[NT_AMOUNT_TEXT_MAX], norm[NT_AMOUNT_TEXT_MAX];
	size_t o = 0;
	int depth = 0;

	for (const char *c = p->unit; *c && o + 1 < sizeof text; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')' && depth > 0)
			depth--;
		else if (!depth)
			text[o++] = *c;
	}
	text[o] = '\0';
	normalize(text, norm, sizeof norm);
	for (size_t i = 0; i < sizeof state_words / sizeof *state_words; i++)
		if (has_words(norm, state_words[i]) && !name_has(f, state_words[i]))
			return true;
	return false;
}

size_t
nt_amount_default_portion(const struct nt_food *f)
{
	size_t any = (size_t)-1;

	for (size_t i = 0; i < f->n_portions; i++) {
		if (!nt_portion_is_household(f->portions[i].unit))
			continue;
		if (!other_state(f, &f->portions[i]))
			return i;
		if (any == (size_t)-1)
			any = i;
	}
	if (any != (size_t)-1)
		return any;
	return f->n_portions ? 0 : (size_t)-1;
}

/*
 * The best portion for which match(i) holds: one of the food's own state
 * ("cup, cooked" before "cup, dry, yields"), then one whose amount is the
 * count typed ("1 cup" is USDA's "1 cup = 246 g", not its "0.5 cup =
 * 124 g"), then the first.  `household` leaves out FNDDS's "Guideline
 * amount ..." and "Quantity not specified", which are no household
 * measures.
 */
#define BEST_MATCH(f, count, household, match) do { \
	const struct nt_portion *best_ = NULL; \
	int best_key_ = 4; \
	for (size_t i = 0; i < (f)->n_portions; i++) { \
		int key_; \
		if ((household) && !nt_portion_is_household((f)->portions[i].unit)) \
			continue; \
		if (!(match)) \
			continue; \
		key_ = 2 * other_state((f), &(f)->portions[i]) + ((f)->portions[i].amount != (count)); \
		if (key_ < best_key_) { \
			best_key_ = key_; \
			best_ = &(f)->portions[i]; \
		} \
	} \
	if (best_) \
		return best_; \
} while (0)

static const struct nt_portion *
find_portion(const struct nt_food *f, const char *unit, double count)
{
	char head[NT_AMOUNT_TEXT_MAX], full[NT_AMOUNT_TEXT_MAX];

	/* 1. the whole portion text: "1 leaf" is USDA's "leaf", not "leaf, outer" */
	BEST_MATCH(f, count, false, (normalize(f->portions[i].unit, full, sizeof full),
	                             !strcmp(full, unit)));
	/* 2. its head, the text before the first ',' or '(' */
	BEST_MATCH(f, count, true, (portion_head(f->portions[i].unit, head, sizeof head),
	                            !strcmp(head, unit)));
	/* 3. "serving": USDA's serving, or FNDDS's "quantity not specified" */
	if (!strcmp(unit, "serving") || !strcmp(unit, "portion"))
		BEST_MATCH(f, count, false, (normalize(f->portions[i].unit, full, sizeof full),
		                             !strncmp(full, "serving", 7) ||
		                             !strcmp(full, "quantity not specified")));
	/* 4. every word of the unit is a word of the portion's head */
	BEST_MATCH(f, count, true, (portion_head(f->portions[i].unit, head, sizeof head),
	                            has_words(head, unit)));
	return NULL;
}

/*
 * Grams per millilitre from a volume portion of the food in its own state,
 * preferring one in `unit`; 0 when there is none.
 */
static double
density(const struct nt_food *f, const char *unit)
{
	double best = 0;
	char head[NT_AMOUNT_TEXT_MAX];

	for (size_t i = 0; i < f->n_portions; i++) {
		const struct nt_portion *p = &f->portions[i];
		double ml;

		portion_head(p->unit, head, sizeof head);
		ml = nt_amount_volume_unit(head);
		if (ml <= 0 || p->amount <= 0 || other_state(f, p))
			continue;
		if (!strcmp(head, unit))
			return p->grams / (p->amount * ml);
		if (best == 0)
			best = p->grams / (p->amount * ml);
	}
	return best;
}

enum nt_status
nt_amount_grams(const char *text, const struct nt_food *food, double *grams,
                struct nt_err *err)
{
	struct nt_quantity q;
	const struct nt_portion *p;
	char unit[NT_AMOUNT_TEXT_MAX], list[400];
	double g, factor;
	enum nt_status st;

	if ((st = nt_amount_parse(text, &q, err)))
		return st;
	portion_list(food, list, sizeof list);
	normalize(q.unit, unit, sizeof unit);
	if (food->basis) {
		char basis[NT_AMOUNT_TEXT_MAX];

		/* no weight is known: a count of its unit is all that can be logged */
		normalize(food->basis, basis, sizeof basis);
		if (strcmp(unit, basis))
			return nt_err_set(err, NT_ERR_INVALID,
			                  "%s was imported without a weight: give an amount in "
			                  "its unit, e.g. '1 %.60s'", food->ref, food->basis);
		g = q.count * NT_FOOD_BASIS_GRAMS;
		goto check;
	}
	if (!unit[0])
		return nt_err_set(err, NT_ERR_INVALID,
		                  "amount '%s' needs a unit: g, oz, ml, cup, tbsp, or a "
		                  "portion of %s; %s", text, food->ref, list);
	if ((factor = nt_amount_mass_unit(unit)) > 0) {
		g = q.count * factor;
	} else if ((p = find_portion(food, unit, q.count)) != NULL) {
		g = q.count * p->grams / p->amount;
	} else if ((factor = nt_amount_volume_unit(unit)) > 0) {
		double d = density(food, unit);

		if (d <= 0)
			return nt_err_set(err, NT_ERR_INVALID,
			                  "%s has no volume measure to convert '%s'; give a "
			                  "weight (g, oz) or a portion; %s", food->ref, text, list);
		g = q.count * factor * d;
	} else {
		return nt_err_set(err, NT_ERR_INVALID,
		                  "cannot read amount '%s' for %s: unknown unit '%s'; use g, "
		                  "kg, oz, lb, ml, l, cup, tbsp, tsp, fl oz, or a portion; %s",
		                  text, food->ref, q.unit, list);
	}
check:
	if (g > NT_AMOUNT_MAX_GRAMS)
		return nt_err_set(err, NT_ERR_RANGE,
		                  "amount '%s' is %.0f g; one entry can be at most %.0f g",
		                  text, g, NT_AMOUNT_MAX_GRAMS);
	if (g < 0.001)
		return nt_err_set(err, NT_ERR_RANGE, "amount '%s' is less than 1 mg", text);
	*grams = g;
	return NT_OK;
}
