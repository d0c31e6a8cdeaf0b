/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c - days of meals that meet the targets: candidates, costs, explanations. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "category.h"
#include "date.h"
#include "diet.h"
#include "energy.h"
#include "food.h"
#include "plan.h"
#include "store.h"

static const enum nt_measure goals[] = NT_PLANMIP_GOALS;
#define N_GOALS NT_PLANMIP_N_GOALS

/* How many of the foods the user eats a plan may draw on. */
#define YOUR_FOODS_MAX 40
/* Each meal's share of the day's energy (IOM EER), lowest and highest. */
static const double meal_share_lo[NT_MEAL_COUNT] = {0.15, 0.20, 0.25, 0.05};
static const double meal_share_hi[NT_MEAL_COUNT] = {0.35, 0.40, 0.45, 0.20};

/* The bundled meal foods that fit the diet; values from column 14. */
static const char sql_plan_foods[] =
	"SELECT f.id, f.source, f.code, f.name, pf.role, pf.meals, p.amount, p.unit, p.grams,"
	" pf.step, pf.lo, pf.hi, f.partial, f.ala_estimated" NT_FOOD_READ_VALUES_F
	" FROM plan_foods pf JOIN foods f ON f.id = pf.food"
	" JOIN portions p ON p.food = pf.food AND p.seq = pf.portion_seq"
	" WHERE " NT_DIET_ALLOWED_SQL " AND (" NT_ADVICE_SQL " OR (pf.role = 'supplement' AND"
	" (f.class & ?8) = 0)) ORDER BY f.id";
#define PLAN_VALUES_AT 14

/*
 * The foods the user eats, most often eaten first, from the last 1000 eaten
 * entries (planned ones are not eaten): the amount last logged, the meals
 * they are logged at, and their plan role when the bundled list has one;
 * values from column 13.
 */
static const char sql_your_foods[] =
	"SELECT f.id, f.source, f.code, f.name, f.grp, e.amount, e.mg, l.meals, l.n, f.partial,"
	" (SELECT role FROM plan_foods WHERE food = f.id), f.class, f.ala_estimated"
	NT_FOOD_READ_VALUES_F
	" FROM (SELECT food, max(id) AS last, count(*) AS n, sum(DISTINCT 1 << meal) AS meals"
	"       FROM (SELECT id, food, meal FROM entries WHERE planned = 0"
	"             ORDER BY id DESC LIMIT 1000) GROUP BY food) l"
	/* a stale SR28 food you eat is planned as its current food (superseded.csv),
	 * at the weight you logged */
	" JOIN entries e ON e.id = l.last"
	" JOIN foods f ON f.id = coalesce((SELECT current FROM superseded WHERE food = l.food), l.food)"
	" WHERE " NT_DIET_ALLOWED_SQL " ORDER BY l.n DESC, l.last DESC LIMIT 200";
#define YOUR_VALUES_AT 13

struct cand {
	long long id;
	char ref[40];
	char *name;
	char *unit;          /* household unit, as the portion names it */
	double unit_amount;  /* of the unit in one step ("0.5" of "cup") */
	double step_grams;
	unsigned partial;    /* stored measures that are lower bounds */
	unsigned estimated;  /* stored measures that are estimates (nt_estimated_bits) */
	bool yours;
	struct nt_planmip_food mip;
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void
cands_fini(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].name);
		free(c->v[i].unit);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

static struct cand *
cands_push(struct cands *c)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 128;
		struct cand *v = realloc(c->v, cap * sizeof *v);

		if (!v)
			return NULL;
		c->v = v;
		c->cap = cap;
	}
	memset(&c->v[c->n], 0, sizeof c->v[c->n]);
	return &c->v[c->n++];
}

static void
per_step(struct cand *x, const double per100[NT_STORED_COUNT])
{
	struct nt_amounts a;

	nt_amounts_for(per100, x->step_grams, &a);
	memcpy(x->mip.per_step, a.v, sizeof a.v);
}

static void
read_values(struct nt_stmt *st, int at, double per100[NT_STORED_COUNT])
{
	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = nt_stmt_double(st, at + m);
}

static enum nt_status
load_plan_foods(struct nt_store *s, enum nt_diet diet, struct cands *c, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_plan_foods, err);
	int r;

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 9, nt_diet_forbids(diet));
	nt_stmt_bind_int(st, 8, NT_CLASS_NOT_ADVICE & ~NT_CLASS_SUPPLEMENT);
	while ((r = nt_stmt_step(st, err)) > 0) {
		double per100[NT_STORED_COUNT], step = nt_stmt_double(st, 9);
		int role = nt_plan_role_parse(nt_stmt_text(st, 4));
		struct cand *x;

		if (role < 0)
			continue; /* a role this build does not know: leave the food out */
		if (!(x = cands_push(c)))
			goto nomem;
		x->id = nt_stmt_int(st, 0);
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), x->ref, sizeof x->ref);
		x->name = strdup(nt_stmt_text(st, 3));
		x->unit = strdup(nt_stmt_text(st, 7));
		if (!x->name || !x->unit)
			goto nomem;
		x->mip.role = (enum nt_plan_role)role;
		x->mip.meals = (unsigned)nt_stmt_int(st, 5) & 0xfu;
		x->unit_amount = nt_stmt_double(st, 6) * step;
		x->step_grams = nt_stmt_double(st, 8) * step;
		x->mip.lo = (int)lround(nt_stmt_double(st, 10) / step);
		x->mip.hi = (int)lround(nt_stmt_double(st, 11) / step);
		if (x->mip.lo < 1)
			x->mip.lo = 1;
		if (x->mip.hi < x->mip.lo)
			x->mip.hi = x->mip.lo;
		x->partial = (unsigned)nt_stmt_int(st, 12);
		x->estimated = nt_estimated_bits(nt_stmt_int(st, 13) != 0);
		read_values(st, PLAN_VALUES_AT, per100);
		per_step(x, per100);
		/* a usual portion costs 0.25 whatever its steps */
		x->mip.step_cost = 0.25 * step;
	}
	return r < 0 ? err->status : NT_OK;
nomem:
	nt_stmt_reset(st);
	return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
}

static bool
starts(const char *s, const char *prefix)
{
	return !strncasecmp(s, prefix, strlen(prefix));
}

/*
 * A logged food's role from its food group (SR28 groups, FNDDS WWEIA
 * categories) and name; -1 for foods that are not part of an everyday meal
 * (sweets, drinks, sauces, fats and oils, fast food, baby foods...).
 */
static int
role_of(const char *source, const char *grp, const char *name, unsigned meals)
{
	static const struct {
		const char *grp;
		int role;
	} exact[] = {
		{"Breakfast Cereals", NT_ROLE_CEREAL},
		{"Cereal Grains and Pasta", NT_ROLE_STARCH},
		{"Finfish and Shellfish Products", NT_ROLE_PROTEIN},
		{"Poultry Products", NT_ROLE_PROTEIN},
		{"Beef Products", NT_ROLE_PROTEIN},
		{"Pork Products", NT_ROLE_PROTEIN},
		{"Lamb, Veal, and Game Products", NT_ROLE_PROTEIN},
		{"Meals, Entrees, and Side Dishes", NT_ROLE_DISH},
		{"Supplements", NT_ROLE_SUPPLEMENT},
		{"Oatmeal", NT_ROLE_PORRIDGE},
		{"Grits and other cooked cereals", NT_ROLE_PORRIDGE},
		{"Yeast breads", NT_ROLE_BREAD},
		{"Bagels and English muffins", NT_ROLE_BREAD},
		{"Tortillas", NT_ROLE_BREAD},
		{"Rolls and buns", NT_ROLE_BREAD},
		{"Crackers, excludes saltines", NT_ROLE_BREAD},
		{"Saltine crackers", NT_ROLE_BREAD},
		{"Milk, whole", NT_ROLE_MILK},
		{"Milk, reduced fat", NT_ROLE_MILK},
		{"Milk, lowfat", NT_ROLE_MILK},
		{"Milk, nonfat", NT_ROLE_MILK},
		{"Plant-based milk", NT_ROLE_MILK},
		{"Yogurt, regular", NT_ROLE_YOGURT},
		{"Yogurt, Greek", NT_ROLE_YOGURT},
		{"Plant-based yogurt", NT_ROLE_YOGURT},
		{"Citrus juice", NT_ROLE_JUICE},
		{"Apple juice", NT_ROLE_JUICE},
		{"Other fruit juice", NT_ROLE_JUICE},
		{"Apples", NT_ROLE_FRUIT},
		{"Bananas", NT_ROLE_FRUIT},
		{"Blueberries and other berries", NT_ROLE_FRUIT},
		{"Citrus fruits", NT_ROLE_FRUIT},
		{"Dried fruits", NT_ROLE_FRUIT},
		{"Grapes", NT_ROLE_FRUIT},
		{"Mango and papaya", NT_ROLE_FRUIT},
		{"Melons", NT_ROLE_FRUIT},
		{"Other fruits and fruit salads", NT_ROLE_FRUIT},
		{"Peaches and nectarines", NT_ROLE_FRUIT},
		{"Pears", NT_ROLE_FRUIT},
		{"Pineapple", NT_ROLE_FRUIT},
		{"Strawberries", NT_ROLE_FRUIT},
		{"Broccoli", NT_ROLE_VEGETABLE},
		{"Cabbage", NT_ROLE_VEGETABLE},
		{"Carrots", NT_ROLE_VEGETABLE},
		{"Corn", NT_ROLE_VEGETABLE},
		{"Lettuce and lettuce salads", NT_ROLE_VEGETABLE},
		{"Onions", NT_ROLE_VEGETABLE},
		{"Other dark green vegetables", NT_ROLE_VEGETABLE},
		{"Other red and orange vegetables", NT_ROLE_VEGETABLE},
		{"Other vegetables and combinations", NT_ROLE_VEGETABLE},
		{"Spinach", NT_ROLE_VEGETABLE},
		{"String beans", NT_ROLE_VEGETABLE},
		{"Tomatoes", NT_ROLE_VEGETABLE},
		{"Vegetable dishes", NT_ROLE_VEGETABLE},
		{"White potatoes, baked or boiled", NT_ROLE_STARCH},
		{"Mashed potatoes and white potato mixtures", NT_ROLE_STARCH},
		{"Other starchy vegetables", NT_ROLE_STARCH},
		{"Rice", NT_ROLE_STARCH},
		{"Pasta, noodles, cooked grains", NT_ROLE_STARCH},
		{"Beans, peas, legumes", NT_ROLE_PROTEIN},
		{"Soy and meat-alternative products", NT_ROLE_PROTEIN},
		{"Eggs and omelets", NT_ROLE_PROTEIN},
		{"Fish", NT_ROLE_PROTEIN},
		{"Shellfish", NT_ROLE_PROTEIN},
		{"Chicken, whole pieces", NT_ROLE_PROTEIN},
		{"Beef, excludes ground", NT_ROLE_PROTEIN},
		{"Ground beef", NT_ROLE_PROTEIN},
		{"Pork", NT_ROLE_PROTEIN},
		{"Turkey, duck, other poultry", NT_ROLE_PROTEIN},
		{"Lamb, goat, game", NT_ROLE_PROTEIN},
		{"Cottage/ricotta cheese", NT_ROLE_PROTEIN},
		{"Cheese", NT_ROLE_SPREAD},
		{"Bean, pea, legume dishes", NT_ROLE_DISH},
		{"Rice mixed dishes", NT_ROLE_DISH},
		{"Pasta mixed dishes, excludes macaroni and cheese", NT_ROLE_DISH},
		{"Soups, broth-based", NT_ROLE_DISH},
		{"Stir-fry and soy-based sauce mixtures", NT_ROLE_DISH},
		{"Vegetable sandwiches/burgers", NT_ROLE_DISH},
		{"Meat mixed dishes", NT_ROLE_DISH},
		{"Poultry mixed dishes", NT_ROLE_DISH},
		{"Seafood mixed dishes", NT_ROLE_DISH},
	};

	for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
		if (!strcmp(grp, exact[i].grp))
			return exact[i].role;
	if (starts(grp, "Ready-to-eat cereal"))
		return NT_ROLE_CEREAL;
	if (!strcmp(grp, "Dairy and Egg Products")) {
		if (starts(name, "Milk,"))
			return NT_ROLE_MILK;
		if (starts(name, "Yogurt"))
			return NT_ROLE_YOGURT;
		if (starts(name, "Egg,"))
			return NT_ROLE_PROTEIN;
		if (starts(name, "Cheese, cottage"))
			return NT_ROLE_PROTEIN;
		if (starts(name, "Cheese"))
			return NT_ROLE_SPREAD;
		return -1;
	}
	if (!strcmp(grp, "Fruits and Fruit Juices"))
		return strcasestr(name, "juice") ? NT_ROLE_JUICE : NT_ROLE_FRUIT;
	if (!strcmp(grp, "Vegetables and Vegetable Products"))
		return starts(name, "Potato") || starts(name, "Sweet potato") ? NT_ROLE_STARCH
		                                                                : NT_ROLE_VEGETABLE;
	if (!strcmp(grp, "Legumes and Legume Products")) {
		if (strcasestr(name, "soymilk") || strcasestr(name, "soy milk"))
			return NT_ROLE_MILK;
		if (strcasestr(name, "butter") || starts(name, "Hummus"))
			return NT_ROLE_SPREAD;
		return NT_ROLE_PROTEIN;
	}
	if (!strcmp(grp, "Nut and Seed Products") || !strcmp(grp, "Nuts and seeds"))
		return strcasestr(name, "butter") ? NT_ROLE_SPREAD : NT_ROLE_NUTS;
	if (!strcmp(grp, "Baked Products"))
		return starts(name, "Bread") || starts(name, "Bagels") ||
		               starts(name, "English muffins") || starts(name, "Tortillas") ||
		               starts(name, "Crackers") || starts(name, "Rolls")
		           ? NT_ROLE_BREAD
		           : -1;
	/* the user's own foods and recipes: by the meals they are eaten at */
	if (!strcmp(source, "custom") || !strcmp(source, "recipe")) {
		if (meals & (1u << NT_BREAKFAST))
			return NT_ROLE_PORRIDGE;
		if (meals & ((1u << NT_LUNCH) | (1u << NT_DINNER)))
			return NT_ROLE_DISH;
		return NT_ROLE_NUTS; /* a snack */
	}
	return -1;
}

/* The meals a role suits when nothing else says (a food the user logs at one meal). */
static unsigned
role_meals(enum nt_plan_role r)
{
	enum { B = 1u << NT_BREAKFAST, L = 1u << NT_LUNCH, D = 1u << NT_DINNER, S = 1u << NT_SNACK };

	switch (r) {
	case NT_ROLE_CEREAL:
	case NT_ROLE_PORRIDGE:
	case NT_ROLE_JUICE:
	case NT_ROLE_SUPPLEMENT:
		return B;
	case NT_ROLE_BREAD:
	case NT_ROLE_SPREAD:
		return B | L | S;
	case NT_ROLE_MILK:
	case NT_ROLE_YOGURT:
	case NT_ROLE_FRUIT:
		return B | L | S;
	case NT_ROLE_NUTS:
		return S;
	case NT_ROLE_TOPPING:
		return B | L | D;
	default:
		return L | D;
	}
}

static enum nt_status
load_your_foods(struct nt_store *s, enum nt_diet diet, struct cands *c, struct nt_err *err)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_your_foods, err);
	int r, taken = 0;

	if (!st)
		return err->status;
	nt_stmt_bind_int(st, 9, nt_diet_forbids(diet));
	while (taken < YOUR_FOODS_MAX && (r = nt_stmt_step(st, err)) > 0) {
		long long id = nt_stmt_int(st, 0);
		unsigned logged = (unsigned)nt_stmt_int(st, 7) & 0xfu;
		const char *amount = nt_stmt_text(st, 5);
		double per100[NT_STORED_COUNT], grams = (double)nt_stmt_int(st, 6) / 1000.0, num;
		struct cand *x = NULL;
		unsigned cls;
		char *end;
		int role;

		for (size_t i = 0; i < c->n; i++)
			if (c->v[i].id == id)
				x = &c->v[i];
		if (x) { /* a bundled meal food: its portions, and the meals it is eaten at */
			x->yours = true;
			if (x->mip.role != NT_ROLE_SUPPLEMENT)
				x->mip.meals |= logged;
			taken++;
			continue;
		}
		if (!nt_stmt_is_null(st, 10))
			continue; /* in the bundled list but not for this diet */
		role = role_of(nt_stmt_text(st, 1), nt_stmt_text(st, 4), nt_stmt_text(st, 3), logged);
		cls = (unsigned)nt_stmt_int(st, 11); /* -1, not yet classified: all bits */
		read_values(st, YOUR_VALUES_AT, per100);
		if (role < 0 || (role != NT_ROLE_SUPPLEMENT && !nt_known(per100[NT_ENERGY])) ||
		    !(grams > 0))
			continue; /* not a meal food, or its energy is unknown */
		/* not everyday advice (category.h): no candy, sauce, fast food... */
		if (cls & NT_CLASS_NOT_ADVICE &
		    ~(role == NT_ROLE_SUPPLEMENT ? (unsigned)NT_CLASS_SUPPLEMENT : 0u))
			continue;
		if (!(x = cands_push(c))) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		x->id = id;
		x->yours = true;
		nt_food_ref(nt_stmt_text(st, 1), nt_stmt_text(st, 2), x->ref, sizeof x->ref);
		x->name = strdup(nt_stmt_text(st, 3));
		/* "2 slices", "250ml": a number and a unit may be doubled; other text not */
		num = strtod(amount, &end);
		if (end != amount && num > 0 && num < 1e6 && *end && !isdigit((unsigned char)*end)) {
			while (*end == ' ')
				end++;
			x->unit = strdup(end);
			x->unit_amount = num;
			x->mip.hi = 2;
		} else {
			x->unit = strdup(amount);
			x->unit_amount = 1;
			x->mip.hi = 1;
		}
		if (!x->name || !x->unit) {
			nt_stmt_reset(st);
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		}
		x->mip.role = (enum nt_plan_role)role;
		x->mip.meals = logged ? logged : role_meals(x->mip.role);
		if (role == NT_ROLE_SUPPLEMENT)
			x->mip.meals = 1u << NT_BREAKFAST, x->mip.hi = 1;
		x->mip.lo = 1;
		x->step_grams = grams;
		x->partial = (unsigned)nt_stmt_int(st, 9);
		x->estimated = nt_estimated_bits(nt_stmt_int(st, 12) != 0);
		per_step(x, per100);
		x->mip.step_cost = 0.25;
		taken++;
	}
	if (taken == YOUR_FOODS_MAX)
		nt_stmt_reset(st);
	return r < 0 ? err->status : NT_OK;
}

/*
 * Kinds of food a day holds one of: the first word of the name, singular
 * ("Rice, white" and "Rice, brown"; "Potato" and "Potatoes"; "Fish, ...").
 * Breads are exempt (toast at breakfast, a pita at lunch).
 */
static void
kind_key(const char *name, char *buf, size_t n)
{
	size_t len = strcspn(name, ", ");

	if (len >= n)
		len = n - 1;
	for (size_t k = 0; k < len; k++)
		buf[k] = (char)tolower((unsigned char)name[k]);
	buf[len] = '\0';
	if (len > 3 && !strcmp(buf + len - 3, "oes"))
		buf[len - 2] = '\0'; /* potatoes, tomatoes */
	else if (len > 1 && buf[len - 1] == 's')
		buf[len - 1] = '\0';
}

static void
set_kinds(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct cand *x = &c->v[i];
		char a[64], b[64];

		x->mip.kind = 0;
		if (x->mip.role == NT_ROLE_BREAD || x->mip.role == NT_ROLE_SUPPLEMENT)
			continue;
		kind_key(x->name, a, sizeof a);
		x->mip.kind = (int)i + 1;
		for (size_t j = 0; j < i; j++) {
			if (!c->v[j].mip.kind)
				continue;
			kind_key(c->v[j].name, b, sizeof b);
			if (!strcmp(a, b)) {
				x->mip.kind = c->v[j].mip.kind;
				break;
			}
		}
	}
}

/*
 * Portions for the appetite: a child's are smaller, a big eater's larger
 * (the energy requirement over 2000 kcal, from 1/2 to 3/2), in whole steps.
 */
static void
scale_portions(struct cands *c, double eer)
{
	double f = fmin(1.5, fmax(0.5, eer / 2000));

	for (size_t i = 0; i < c->n; i++) {
		struct nt_planmip_food *m = &c->v[i].mip;

		if (m->role == NT_ROLE_SUPPLEMENT || c->v[i].yours)
			continue;
		if (f < 1) {
			m->lo = (int)fmax(1, floor(m->lo * f + 1e-9));
			m->hi = (int)fmax(m->lo, floor(m->hi * f + 1e-9));
		} else {
			m->hi = (int)floor(m->hi * f + 1e-9);
		}
	}
}

/* A small number from a food and a day, the same every run: for variety. */
static double
jitter(long long id, long day)
{
	uint32_t h = (uint32_t)id * 2654435761u ^ (uint32_t)day * 40503u;

	h ^= h >> 15;
	h *= 2246822519u;
	h ^= h >> 13;
	return (h % 1000) / 1000.0;
}

/* Short names for the explanations. */
static const char *
short_name(enum nt_measure m)
{
	switch (m) {
	case NT_ENERGY:
		return "energy";
	case NT_PROTEIN:
		return "protein";
	case NT_B12:
		return "B12";
	case NT_OMEGA3:
		return "omega-3";
	case NT_EPA_DHA:
		return "EPA+DHA";
	case NT_POTASSIUM:
		return "potassium";
	default:
		return nt_measure_name(m);
	}
}

void
nt_plan_amount_text(double count, const char *unit, char *buf, size_t n)
{
	static const char *const plural[] = {"cup", "slice", "tablespoon", "tablet", "capsule",
	                                     "muffin", "fillet", "banana", "piece", "egg",
	                                     "serving", "medium pita", NULL};
	static const char *const quarter[] = {"", "1/4", "1/2", "3/4"};
	double c = nt_round(count, 2), whole = floor(c + 1e-9);
	int q = (int)lround((c - whole) * 4);
	char num[48];

	/* household amounts in quarters, as a cook says them: "1 1/2", "1/4" */
	if (fabs((c - whole) * 4 - q) < 1e-6 && q > 0 && q < 4)
	{
		if (whole > 0)
			snprintf(num, sizeof num, "%g %s", whole, quarter[q]);
		else
			snprintf(num, sizeof num, "%s", quarter[q]);
	}
	else
		snprintf(num, sizeof num, "%g", c);
	/* "2 cups", "1 1/2 cups, cooked": the unit's first words take the plural */
	for (size_t i = 0; c > 1 && plural[i]; i++) {
		size_t k = strlen(plural[i]);

		if (!strncmp(unit, plural[i], k) && strchr(", ", unit[k])) {
			snprintf(buf, n, "%s %.*ss%s", num, (int)k, unit, unit + k);
			return;
		}
	}
	snprintf(buf, n, "%s %s", num, unit);
}

/* What one chosen food adds (its steps at the portion). */
static void
item_values(const struct cand *x, int steps, struct nt_amounts *out)
{
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		out->v[m] = nt_known(x->mip.per_step[m]) ? x->mip.per_step[m] * steps : NT_UNKNOWN;
	out->partial = 0;
	out->estimated = 0;
	nt_amounts_mark_partial(out, x->partial);
	nt_amounts_mark_estimated(out, x->estimated);
}

static enum nt_status
add_item(struct nt_plan *pl, size_t *cap, long day, enum nt_meal meal, const struct cand *x,
         int steps, struct nt_err *err)
{
	struct nt_plan_item *it;
	char amount[300];

	if (pl->n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 64;
		struct nt_plan_item *v = realloc(pl->items, ncap * sizeof *v);

		if (!v)
			return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		pl->items = v;
		*cap = ncap;
	}
	it = &pl->items[pl->n++];
	memset(it, 0, sizeof *it);
	it->day = day;
	it->meal = meal;
	it->food_id = x->id;
	memcpy(it->ref, x->ref, sizeof it->ref);
	it->count = x->unit_amount * steps;
	it->grams = x->step_grams * steps;
	it->role = x->mip.role;
	it->yours = x->yours;
	item_values(x, steps, &it->adds);
	nt_plan_amount_text(it->count, x->unit, amount, sizeof amount);
	it->name = strdup(x->name);
	it->unit = strdup(x->unit);
	it->amount = strdup(amount);
	if (!it->name || !it->unit || !it->amount)
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	return NT_OK;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct nt_plan_item *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->meal != y->meal)
		return x->meal < y->meal ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return x->food_id < y->food_id ? -1 : x->food_id > y->food_id;
}

void
nt_plan_fini(struct nt_plan *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; i < pl->n; i++) {
		free(pl->items[i].name);
		free(pl->items[i].amount);
		free(pl->items[i].unit);
		free(pl->items[i].why);
	}
	free(pl->items);
	free(pl->days);
	memset(pl, 0, sizeof *pl);
}

/* "gives 62% of the day's B12 and 31% of its potassium": about the finished day. */
static void
explain(const struct nt_plan_item *it, const struct nt_amounts *day, char *buf, size_t n)
{
	static const enum nt_measure shown[] = {NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM,
	                                        NT_PROTEIN};
	int best[2] = {-1, -1}, pc[2] = {0, 0};

	for (size_t k = 0; k < sizeof shown / sizeof *shown; k++) {
		enum nt_measure m = shown[k];
		double v = it->adds.v[m], all = day->v[m];
		int p;

		if (!nt_known(v) || !nt_known(all) || all <= 0 || v <= 0)
			continue;
		p = (int)floor(100 * v / all + 1e-9);
		if (p < 10)
			continue;
		if (p > pc[0]) {
			best[1] = best[0], pc[1] = pc[0];
			best[0] = (int)k, pc[0] = p;
		} else if (p > pc[1]) {
			best[1] = (int)k, pc[1] = p;
		}
	}
	if (best[0] < 0) {
		/* nothing big: its largest share, of a target or else of the energy */
		enum nt_measure top = NT_ENERGY;
		double share = 0;

		for (size_t k = 0; k <= sizeof shown / sizeof *shown; k++) {
			enum nt_measure m = k < sizeof shown / sizeof *shown ? shown[k] : NT_ENERGY;
			double v = it->adds.v[m], all = day->v[m];

			if (nt_known(v) && nt_known(all) && all > 0 && v / all >= 0.01 &&
			    (v / all > share || (m == NT_ENERGY && share == 0))) {
				if (m == NT_ENERGY && share > 0)
					continue;
				share = v / all;
				top = m;
			}
		}
		if (share > 0)
			snprintf(buf, n, "gives %d%% of the day's %s", (int)floor(100 * share + 1e-9),
			         short_name(top));
		else
			snprintf(buf, n, "a little of the day's energy (under 1%%)");
	} else if (best[1] < 0) {
		snprintf(buf, n, "gives %d%% of the day's %s", pc[0], short_name(shown[best[0]]));
	} else {
		snprintf(buf, n, "gives %d%% of the day's %s and %d%% of its %s", pc[0],
		         short_name(shown[best[0]]), pc[1], short_name(shown[best[1]]));
	}
}

/* "250 mg" for a measure's value as the explanations write it. */
static void
fmt_value(enum nt_measure m, double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.*f %s", m == NT_OMEGA3 || m == NT_B12 ? nt_measure_decimals(m) : 0, v,
	         nt_measure_unit(m));
}

struct keyed;

/* What a plan needs to know beside the candidates. */
struct planner {
	struct nt_store *s;
	const struct nt_profile *p;
	struct cands c;
	double most[NT_MEASURE_COUNT];   /* from the foods alone, on an empty day */
	bool *used;                      /* [cand * span + day offset] */
	int span;                        /* 6 days before + ndays */
	struct nt_planmip_food *mip;     /* this day's copy */
	int *steps;
	/* the day's short list: the foods the first solve sees */
	size_t *sel, nsel;
	struct nt_planmip_food *mip_sel;
	int *steps_sel;
	bool *keep;
	struct keyed *order;
};

static void
planner_fini(struct planner *pn)
{
	cands_fini(&pn->c);
	free(pn->used);
	free(pn->mip);
	free(pn->steps);
	free(pn->sel);
	free(pn->mip_sel);
	free(pn->steps_sel);
	free(pn->keep);
	free(pn->order);
}

/* How many foods of each role, and of the richest in each target, the short list keeps. */
#define SHORT_PER_ROLE 3
#define SHORT_PER_GOAL 3

/* A candidate by a key, for sorting without a context argument (qsort_r is not C11). */
struct keyed {
	double key;
	size_t i;
};

static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The day's short list: the cheapest foods of each role today and the
 * richest in each target, every allowed supplement.  The full list is the
 * fallback when no day can be made of it; most days one can, and a program
 * of a third of the size solves several times faster (bench: 7 days 0.31 ->
 * 0.07 s of CPU on a 40,000-entry journal; 3 of each rather than 5 and 4
 * halved an omnivore boy's 28 days again).
 */
static void
short_list(struct planner *pn)
{
	size_t n = pn->c.n, k = 0;
	struct keyed *order = pn->order;

	memset(pn->keep, 0, n * sizeof *pn->keep);
	for (size_t i = 0; i < n; i++)
		order[i] = (struct keyed){pn->mip[i].cost, i};
	qsort(order, n, sizeof *order, keyed_cmp);
	for (int r = 0; r < NT_ROLE_COUNT; r++) {
		int taken = 0;

		for (size_t j = 0; j < n && taken < SHORT_PER_ROLE; j++) {
			const struct nt_planmip_food *f = &pn->mip[order[j].i];

			if ((int)f->role == r && f->meals) {
				pn->keep[order[j].i] = true;
				taken++;
			}
		}
	}
	for (size_t g = 0; g < N_GOALS; g++) {
		enum nt_measure m = goals[g];
		int taken = 0;

		for (size_t i = 0; i < n; i++) {
			const struct nt_planmip_food *f = &pn->mip[i];

			order[i].i = i;
			order[i].key = nt_known(f->per_step[m]) ? -f->per_step[m] * f->hi : 0;
		}
		qsort(order, n, sizeof *order, keyed_cmp);
		for (size_t j = 0; j < n && taken < SHORT_PER_GOAL; j++) {
			const struct nt_planmip_food *f = &pn->mip[order[j].i];

			if (f->meals && f->role != NT_ROLE_SUPPLEMENT && order[j].key < 0) {
				pn->keep[order[j].i] = true;
				taken++;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		if (pn->keep[i] || pn->mip[i].role == NT_ROLE_SUPPLEMENT) {
			pn->sel[k] = i;
			pn->mip_sel[k++] = pn->mip[i];
		}
	pn->nsel = k;
}

/* Solves the day on the short list, then, if no day comes of it, on every food. */
static enum nt_status
solve_day(struct planner *pn, const struct nt_planmip_day *dd, bool *ok, struct nt_err *err)
{
	enum nt_status rc;

	short_list(pn);
	if ((rc = nt_planmip_solve(pn->mip_sel, pn->nsel, dd, pn->steps_sel, ok, err)))
		return rc;
	if (*ok) {
		memset(pn->steps, 0, pn->c.n * NT_MEAL_COUNT * sizeof *pn->steps);
		for (size_t j = 0; j < pn->nsel; j++)
			memcpy(&pn->steps[pn->sel[j] * NT_MEAL_COUNT],
			       &pn->steps_sel[j * NT_MEAL_COUNT], NT_MEAL_COUNT * sizeof *pn->steps);
		return NT_OK;
	}
	return nt_planmip_solve(pn->mip, pn->c.n, dd, pn->steps, ok, err);
}

/* The foods of the 6 days before the plan, for the weekly limit. */
static enum nt_status
mark_days_before(struct planner *pn, long first, struct nt_err *err)
{
	for (int d = 0; d < 6; d++) {
		struct nt_entry_list l;
		enum nt_status rc;

		if ((rc = nt_journal_day(pn->s, first - 6 + d, &l, err)))
			return rc;
		for (size_t e = 0; e < l.n; e++)
			for (size_t i = 0; i < pn->c.n; i++)
				if (pn->c.v[i].id == l.v[e].food_id)
					pn->used[i * (size_t)pn->span + (size_t)d] = true;
		nt_entry_list_fini(&l);
	}
	return NT_OK;
}

/* The day's program: costs, the weekly limit, what is open and needed. */
static void
set_day(struct planner *pn, int off, long day)
{
	for (size_t i = 0; i < pn->c.n; i++) {
		const struct cand *x = &pn->c.v[i];
		struct nt_planmip_food *f = &pn->mip[i];
		int uses = 0;

		*f = x->mip;
		for (int k = off; k < off + 6; k++) {
			bool on = pn->used[i * (size_t)pn->span + (size_t)k];

			/*
			 * Porridges and starches count by kind: oatmeal made with
			 * water or with milk is oatmeal, on 3 days of 7 at most.
			 */
			if ((x->mip.role == NT_ROLE_PORRIDGE || x->mip.role == NT_ROLE_STARCH) &&
			    x->mip.kind)
				for (size_t j = 0; j < pn->c.n && !on; j++)
					on = pn->c.v[j].mip.kind == x->mip.kind &&
					     pn->used[j * (size_t)pn->span + (size_t)k];
			uses += on;
		}
		if (x->mip.role == NT_ROLE_SUPPLEMENT) {
			/* the same capsule every day; the user's own first */
			f->cost = 5 - (x->yours ? 0.5 : 0) + 0.001 * (double)i;
			continue;
		}
		if (uses >= NT_PLAN_WEEKLY_MAX)
			f->meals = 0;
		f->cost = 1 + jitter(x->id, day) + 1.0 * uses - (x->yours ? 0.5 : 0);
	}
}

/* Energy band and needs left after what the day already holds. */
static void
day_frame(const struct nt_plan *pl, const struct nt_amounts *have, unsigned open,
          struct nt_planmip_day *dd)
{
	double e = nt_known(have->v[NT_ENERGY]) ? have->v[NT_ENERGY] : 0;

	memset(dd, 0, sizeof *dd);
	dd->open = open;
	/*
	 * GLPK accepts a row within its tolerance (about 1e-7 relative): ask for
	 * half a kcal inside the band and a hair over each need, so that the day
	 * it returns meets them exactly.
	 */
	dd->energy_lo = pl->energy_lo - e + 0.5;
	dd->energy_hi = pl->energy_hi - e - 0.5;
	/* near the requirement: 100 kcal off weighs like a fifth of a food */
	dd->energy_aim = pl->eer_kcal - e;
	dd->energy_cost = 0.002;
	for (int m = 0; m < NT_MEAL_COUNT; m++) {
		dd->meal_energy_lo[m] = meal_share_lo[m] * pl->eer_kcal;
		dd->meal_energy_hi[m] = meal_share_hi[m] * pl->eer_kcal;
	}
	for (int m = 0; m < NT_MEASURE_COUNT; m++)
		dd->need[m] = NAN;
	for (size_t k = 0; k < N_GOALS; k++) {
		enum nt_measure m = goals[k];
		double h = nt_known(have->v[m]) ? have->v[m] : 0;

		if (nt_known(pl->need[m]))
			dd->need[m] = pl->need[m] * (1 + 1e-6) - h;
		if (nt_known(pl->limit[m])) {
			dd->capped |= 1u << m;
			dd->cap[m] = pl->limit[m] - h;
		}
	}
	dd->time_limit_ms = 2000;
}

/*
 * No day meets everything: find what binds, say it in `reason`, and return
 * the needs to drop (bits) so that the best day without them can be shown.
 */
static enum nt_status
diagnose(struct planner *pn, const struct nt_plan *pl, const struct nt_planmip_day *dd,
         const struct nt_amounts *have, char *reason, size_t rn, unsigned *drop,
         double most_of[NT_MEASURE_COUNT], struct nt_err *err)
{
	struct nt_planmip_day t = *dd;
	enum nt_status rc;
	bool ok;
	size_t o = 0;
	const char *diet = nt_diet_name(pn->p->diet);

	*drop = 0;
	for (size_t k = 0; k < N_GOALS; k++)
		t.need[goals[k]] = NAN;
	if ((rc = nt_planmip_solve(pn->mip, pn->c.n, &t, pn->steps, &ok, err)))
		return rc;
	if (!ok) {
		double e = nt_known(have->v[NT_ENERGY]) ? have->v[NT_ENERGY] : 0;

		if (!dd->open)
			snprintf(reason, rn, "every meal of the day already holds foods");
		else if (e > pl->energy_hi)
			snprintf(reason, rn, "energy: the day already holds %.0f kcal, above %.0f", e,
			         pl->energy_hi);
		else
			snprintf(reason, rn,
			         "energy: no day of meals of %.0f-%.0f kcal can be made from the foods "
			         "that fit the %s diet and the exclusions", pl->energy_lo, pl->energy_hi,
			         diet);
		for (size_t k = 0; k < N_GOALS; k++)
			*drop |= 1u << goals[k];
		*drop |= 1u << NT_ENERGY;
		return NT_OK;
	}
	for (size_t k = 0; k < N_GOALS; k++) {
		enum nt_measure m = goals[k];
		double most;
		char a[48], b[48];

		if (!nt_known(dd->need[m]) || dd->need[m] <= 0)
			continue;
		t.need[m] = dd->need[m];
		if ((rc = nt_planmip_solve(pn->mip, pn->c.n, &t, pn->steps, &ok, err)))
			return rc;
		t.need[m] = NAN;
		if (ok)
			continue;
		*drop |= 1u << m;
		if ((rc = nt_planmip_most(pn->mip, pn->c.n, &t, m, &most, err)))
			return rc;
		most_of[m] = most < 0 ? 0 : most;
		fmt_value(m, most < 0 ? 0 : most, a, sizeof a);
		fmt_value(m, dd->need[m], b, sizeof b);
		o += (size_t)snprintf(reason + o, o < rn ? rn - o : 0,
		                      "%s%s: the foods that fit the %s diet and the exclusions give at "
		                      "most %s in a day of meals (%s needed)", o ? "; " : "",
		                      short_name(m), diet, a, b);
		if (o >= rn)
			o = rn - 1;
	}
	if (!*drop) {
		o += (size_t)snprintf(reason + o, rn - o, "the needs together:");
		for (size_t k = 0; k < N_GOALS; k++) {
			enum nt_measure m = goals[k];

			if (!nt_known(dd->need[m]) || dd->need[m] <= 0)
				continue;
			*drop |= 1u << m;
			o += (size_t)snprintf(reason + o, o < rn ? rn - o : 0, " %s", short_name(m));
			if (o >= rn)
				o = rn - 1;
		}
		snprintf(reason + o, rn - o, " cannot all be met within %.0f-%.0f kcal",
		         pl->energy_lo, pl->energy_hi);
	}
	return NT_OK;
}

/* Lets the supplements for measure m in; false when none is there or they were in. */
static bool
allow_supplement(struct planner *pn, enum nt_measure m, double most)
{
	bool more = false;

	for (size_t i = 0; i < pn->c.n; i++) {
		struct cand *x = &pn->c.v[i];

		if (x->mip.role == NT_ROLE_SUPPLEMENT && !x->mip.supplement_for[m] &&
		    nt_known(x->mip.per_step[m]) && x->mip.per_step[m] > 0) {
			x->mip.supplement_for[m] = true;
			more = true;
		}
	}
	if (more)
		pn->most[m] = most;
	return more;
}

/* Which supplements may come in: for a target no day of foods alone reaches. */
static enum nt_status
allow_supplements(struct planner *pn, const struct nt_plan *pl, struct nt_err *err)
{
	struct nt_planmip_day dd;
	struct nt_amounts none;
	enum nt_status rc;

	nt_amounts_zero(&none);
	day_frame(pl, &none, 0xfu, &dd);
	for (size_t i = 0; i < pn->c.n; i++)
		pn->mip[i] = pn->c.v[i].mip;
	for (size_t k = 0; k < N_GOALS; k++) {
		enum nt_measure m = goals[k];
		double best = 0;

		pn->most[m] = NAN;
		if (!nt_known(pl->need[m]) || m == NT_PROTEIN)
			continue;
		/* one portion alone may settle it without a solve */
		for (size_t i = 0; i < pn->c.n; i++) {
			const struct cand *x = &pn->c.v[i];

			if (x->mip.role != NT_ROLE_SUPPLEMENT && nt_known(x->mip.per_step[m]))
				best = fmax(best, x->mip.per_step[m] * x->mip.hi);
		}
		if (best >= pl->need[m]) {
			pn->most[m] = best;
			continue;
		}
		if (best > 0 && (rc = nt_planmip_most(pn->mip, pn->c.n, &dd, m, &best, err)))
			return rc;
		pn->most[m] = best < 0 ? 0 : best;
		if (pn->most[m] < pl->need[m])
			allow_supplement(pn, m, pn->most[m]);
	}
	return NT_OK;
}

/* Why a supplement is on the day. */
static void
explain_supplement(const struct planner *pn, const struct nt_plan *pl,
                   const struct nt_plan_item *it, char *buf, size_t n)
{
	const char *what = strcasestr(it->unit, "capsule") ? "capsule" : "tablet";
	size_t o = (size_t)snprintf(buf, n, "one %s a day, because", what);

	for (size_t k = 0; k < N_GOALS && o < n; k++) {
		enum nt_measure m = goals[k];
		char a[48], b[48];

		if (!nt_known(pn->most[m]) || !nt_known(it->adds.v[m]) || it->adds.v[m] <= 0 ||
		    pn->most[m] >= pl->need[m])
			continue;
		fmt_value(m, pn->most[m], a, sizeof a);
		fmt_value(m, pl->need[m], b, sizeof b);
		o += (size_t)snprintf(buf + o, n - o,
		                      " the foods that fit the %s diet and your exclusions give at most "
		                      "%s %s a day (target %s)", nt_diet_name(pn->p->diet), a,
		                      short_name(m), b);
	}
}

enum nt_status
nt_plan_days(struct nt_store *s, const struct nt_profile *p, const struct nt_targets *t,
             long first, int ndays, struct nt_plan *out, struct nt_err *err)
{
	struct nt_err scratch;
	struct planner pn;
	struct nt_plan pl;
	struct nt_target protein;
	struct nt_body body;
	enum nt_status rc;
	size_t cap = 0;

	if (!err)
		err = &scratch;
	memset(&pn, 0, sizeof pn);
	memset(&pl, 0, sizeof pl);
	if (ndays < 1 || ndays > NT_PLAN_DAYS_MAX)
		return nt_err_set(err, NT_ERR_RANGE, "plan 1 to %d days at a time", NT_PLAN_DAYS_MAX);
	if (nt_date_in_range(first)) {
		char what[48], d[NT_DATE_LEN];

		nt_date_format(first, d);
		snprintf(what, sizeof what, "a plan of %d day%s from %s", ndays, ndays == 1 ? "" : "s",
		         d);
		if ((rc = nt_date_check_span(first, first + ndays - 1, what, err)))
			return rc;
	} else if ((rc = nt_date_check_span(first, first, "the plan", err))) {
		return rc;
	}
	if (p->age_y < NT_PLAN_AGE_MIN)
		return nt_err_set(err, NT_ERR_RANGE,
		                  "plans are for ages %d and up: a baby's food is breast milk or "
		                  "formula, and first foods as a paediatrician advises",
		                  NT_PLAN_AGE_MIN);
	if ((rc = nt_target_protein(s, p, &protein, err)))
		return rc;
	nt_energy_body(p, &body);
	pl.eer_kcal = nt_energy_eer(p, &body);
	pl.energy_lo = 0.9 * pl.eer_kcal;
	pl.energy_hi = 1.1 * pl.eer_kcal;
	for (int m = 0; m < NT_MEASURE_COUNT; m++) {
		pl.need[m] = NAN;
		pl.limit[m] = t->t[m].limit;
	}
	pl.need[NT_PROTEIN] = protein.value;
	for (size_t k = 0; k < N_GOALS; k++)
		if (goals[k] != NT_PROTEIN)
			pl.need[goals[k]] = t->t[goals[k]].value;

	pn.s = s;
	pn.p = p;
	pn.span = ndays + 6;
	if ((rc = nt_store_begin_read(s, err)))
		return rc;
	if ((rc = load_plan_foods(s, p->diet, &pn.c, err)))
		goto fail;
	if (!pn.c.n) {
		/* none fits: the data may lack the list, or the exclusions take it all */
		struct nt_stmt *st = nt_store_stmt(s, "SELECT count(*) FROM plan_foods", err);
		int r = st ? nt_stmt_step(st, err) : -1;
		long long rows = r > 0 ? nt_stmt_int(st, 0) : -1;

		if (st && r > 0)
			nt_stmt_reset(st);
		if (r < 0) {
			rc = err->status;
			goto fail;
		}
		if (rows == 0) {
			rc = nt_err_set(err, NT_ERR_NODATA, "no plan foods: the bundled data lacks "
			                "plan_foods.csv (reinstall nutrack)");
			goto fail;
		}
	}
	if ((rc = load_your_foods(s, p->diet, &pn.c, err)))
		goto fail;
	scale_portions(&pn.c, pl.eer_kcal);
	set_kinds(&pn.c);
	if (!(pn.used = calloc(pn.c.n * (size_t)pn.span, sizeof *pn.used)) ||
	    !(pn.mip = calloc(pn.c.n, sizeof *pn.mip)) ||
	    !(pn.steps = calloc(pn.c.n * NT_MEAL_COUNT, sizeof *pn.steps)) ||
	    !(pn.sel = calloc(pn.c.n, sizeof *pn.sel)) ||
	    !(pn.mip_sel = calloc(pn.c.n, sizeof *pn.mip_sel)) ||
	    !(pn.steps_sel = calloc(pn.c.n * NT_MEAL_COUNT, sizeof *pn.steps_sel)) ||
	    !(pn.keep = calloc(pn.c.n, sizeof *pn.keep)) ||
	    !(pn.order = calloc(pn.c.n, sizeof *pn.order)) ||
	    !(pl.days = calloc((size_t)ndays, sizeof *pl.days))) {
		rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
		goto fail;
	}
	pl.ndays = ndays;
	if ((rc = mark_days_before(&pn, first, err)) || (rc = allow_supplements(&pn, &pl, err)))
		goto fail;

	for (int d = 0; d < ndays; d++) {
		struct nt_plan_day *pd = &pl.days[d];
		struct nt_entry_list existing;
		struct nt_planmip_day dd;
		struct nt_amounts have;
		unsigned open = 0xfu, drop = 0, counted = 0;
		size_t day_first = pl.n;
		bool ok;

		pd->day = first + d;
		if ((rc = nt_journal_day(s, pd->day, &existing, err)))
			goto fail;
		nt_analysis_sum_planned(&existing, &have);
		for (size_t e = 0; e < existing.n; e++)
			open &= ~(1u << existing.v[e].meal);
		if (!existing.n)
			nt_amounts_zero(&have);
		nt_entry_list_fini(&existing);
		set_day(&pn, d, pd->day);
		day_frame(&pl, &have, open, &dd);
		if ((rc = solve_day(&pn, &dd, &ok, err)))
			goto fail;
		if (!ok) {
			double most[NT_MEASURE_COUNT];
			bool more = false;

			if ((rc = diagnose(&pn, &pl, &dd, &have, pd->reason, sizeof pd->reason, &drop,
			                   most, err)))
				goto fail;
			/*
			 * A target the foods cannot reach today (the weekly limit
			 * leaves too few) may take a supplement from now on.
			 */
			for (size_t k = 0; k < N_GOALS && !(drop & (1u << NT_ENERGY)); k++)
				if (drop & (1u << goals[k]))
					more |= allow_supplement(&pn, goals[k], most[goals[k]]);
			if (more) {
				set_day(&pn, d, pd->day);
				if ((rc = solve_day(&pn, &dd, &ok, err)))
					goto fail;
				if (ok) {
					pd->reason[0] = '\0';
					drop = 0;
				}
			}
		}
		if (!ok) {
			for (size_t k = 0; k < N_GOALS; k++)
				if (drop & (1u << goals[k]))
					dd.need[goals[k]] = NAN;
			if (drop & (1u << NT_ENERGY))
				ok = false;
			else if ((rc = nt_planmip_solve(pn.mip, pn.c.n, &dd, pn.steps, &ok, err)))
				goto fail;
		}
		/* the day: what it held, then what the plan adds */
		pd->total = have;
		if (!ok)
			memset(pn.steps, 0, pn.c.n * NT_MEAL_COUNT * sizeof *pn.steps);
		for (int m = 0; m < NT_MEASURE_COUNT; m++) {
			if (nt_known(have.v[m])) {
				counted |= 1u << m;
			} else {
				pd->total.v[m] = 0;
				pd->total.partial |= 1u << m; /* something logged lacks it */
			}
		}
		for (size_t i = 0; i < pn.c.n; i++)
			for (int m = 0; m < NT_MEAL_COUNT; m++) {
				int k = pn.steps[i * NT_MEAL_COUNT + (size_t)m];

				if (!k)
					continue;
				if ((rc = add_item(&pl, &cap, pd->day, (enum nt_meal)m, &pn.c.v[i], k, err)))
					goto fail;
				nt_amounts_add(&pd->total, &counted, &pl.items[pl.n - 1].adds);
				if (pn.c.v[i].mip.role != NT_ROLE_SUPPLEMENT)
					pn.used[i * (size_t)pn.span + (size_t)d + 6] = true;
			}
		nt_amounts_finish(&pd->total, counted);
		/* judged by what is known; unknown never counts as enough */
		for (size_t k = 0; k < N_GOALS; k++) {
			enum nt_measure m = goals[k];

			if (nt_known(pl.need[m]) &&
			    !(nt_known(pd->total.v[m]) && pd->total.v[m] >= pl.need[m] - 1e-9))
				pd->unmet |= 1u << m;
		}
		{
			double e = pd->total.v[NT_ENERGY];

			if (!nt_known(e) || e < pl.energy_lo - 1e-6 || e > pl.energy_hi + 1e-6)
				pd->unmet |= 1u << NT_ENERGY;
		}
		if (pd->unmet && !pd->reason[0])
			snprintf(pd->reason, sizeof pd->reason, "the day's meals cannot hold more");
		for (size_t i = day_first; i < pl.n; i++) {
			char why[512];
			struct nt_plan_item *it = &pl.items[i];

			if (it->role == NT_ROLE_SUPPLEMENT)
				explain_supplement(&pn, &pl, it, why, sizeof why);
			else
				explain(it, &pd->total, why, sizeof why);
			if (!(it->why = strdup(why))) {
				rc = nt_err_set(err, NT_ERR_NOMEM, "out of memory");
				goto fail;
			}
		}
	}
	nt_store_rollback(s); /* a read: nothing to keep */
	planner_fini(&pn);
	nt_planmip_release();
	qsort(pl.items, pl.n, sizeof *pl.items, item_cmp);
	*out = pl;
	return NT_OK;
fail:
	nt_store_rollback(s);
	planner_fini(&pn);
	nt_planmip_release();
	nt_plan_fini(&pl);
	return rc;
}

enum nt_status
nt_plan_accept(struct nt_store *s, const struct nt_plan *pl, int *count, struct nt_err *err)
{
	struct nt_err scratch;
	enum nt_status rc;

	if (!err)
		err = &scratch;
	if ((rc = nt_store_begin(s, err)))
		return rc;
	for (size_t i = 0; i < pl->n; i++) {
		const struct nt_plan_item *it = &pl->items[i];
		long long id;

		if ((rc = nt_journal_plan(s, it->day, it->meal, it->food_id, it->amount,
		                          nt_grams_to_mg(it->grams), &id, err))) {
			nt_store_rollback(s);
			return rc;
		}
	}
	if ((rc = nt_store_commit(s, err)))
		return rc;
	*count = (int)pl->n;
	return NT_OK;
}

static int
buy_cmp(const void *a, const void *b)
{
	const struct nt_plan_buy *x = a, *y = b;
	int c;

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if ((c = strcmp(x->name, y->name)))
		return c;
	return x->food_id < y->food_id ? -1 : x->food_id > y->food_id;
}

enum nt_status
nt_plan_shopping(const struct nt_plan *pl, struct nt_plan_buy **out, size_t *n,
                 struct nt_err *err)
{
	struct nt_err scratch;
	struct nt_plan_buy *v = calloc(pl->n ? pl->n : 1, sizeof *v);
	size_t k = 0;

	if (!err)
		err = &scratch;
	if (!v)
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < pl->n; i++) {
		const struct nt_plan_item *it = &pl->items[i];
		size_t j;

		for (j = 0; j < k; j++)
			if (v[j].food_id == it->food_id && !strcmp(v[j].unit, it->unit))
				break;
		if (j == k) {
			v[k].food_id = it->food_id;
			v[k].ref = it->ref;
			v[k].name = it->name;
			v[k].unit = it->unit;
			v[k].role = it->role;
			k++;
		}
		v[j].count += it->count;
		v[j].grams += it->grams;
		v[j].days++; /* a food is planned at most once a day */
	}
	qsort(v, k, sizeof *v, buy_cmp);
	*out = v;
	*n = k;
	return NT_OK;
}
