/* SPDX-License-Identifier: GPL-3.0-or-later */
/* category.h - food classes (alcoholic drink, candy, dry mix...) from a food's name, group and portions. */
#ifndef NT_CATEGORY_H
#define NT_CATEGORY_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct nt_store;
struct nt_portion;

/*
 * Kinds of food that are not what an everyday phrase means unless it names
 * them, and not what everyday advice should offer.  A food can be of
 * several (a honey-glazed doughnut is a sweet coating and a dessert) or of
 * none (an everyday food).  Stored in foods.class; the values never change
 * meaning (new classes take new bits).
 */
enum nt_class {
	NT_CLASS_ALCOHOL = 1 << 0,    /* alcoholic drink */
	NT_CLASS_ENERGY = 1 << 1,     /* energy drink (caffeinated) */
	NT_CLASS_CANDY = 1 << 2,      /* candy, confection */
	NT_CLASS_DRY = 1 << 3,        /* dry powder or mix, dehydrated, concentrate, uncooked grain */
	NT_CLASS_SAUCE = 1 << 4,      /* sauce, condiment, dressing, spread */
	NT_CLASS_FORMULA = 1 << 5,    /* infant formula */
	NT_CLASS_BABY = 1 << 6,       /* baby food */
	NT_CLASS_FAST_FOOD = 1 << 7,  /* fast food, restaurant or cafeteria item */
	NT_CLASS_SUPPLEMENT = 1 << 8, /* supplement, nutritional drink or powder */
	NT_CLASS_SWEET_COAT = 1 << 9, /* honey roasted, glazed, candied, with honey, frosted */
	NT_CLASS_DESSERT = 1 << 10,   /* dessert, sweet bakery */
	NT_CLASS_SWEETENER = 1 << 11, /* sugar, syrup, honey, sweetener */
	NT_CLASS_INGREDIENT = 1 << 12, /* a component of a dish ("as ingredient") */
	NT_CLASS_SWEET_DRINK = 1 << 13, /* soft drink, fruit drink, sports drink, enhanced water */
};
#define NT_CLASS_COUNT 14
#define NT_CLASS_ALL ((1u << NT_CLASS_COUNT) - 1)

/*
 * The classes that keep a food out of everyday advice: all of them.  The
 * SQL condition NT_ADVICE_SQL, on a foods row aliased f, holds for foods
 * of none of them (foods not yet classified, class -1, fail it too).
 * category.c checks that the number written here is NT_CLASS_NOT_ADVICE.
 */
#define NT_CLASS_NOT_ADVICE NT_CLASS_ALL
#define NT_ADVICE_SQL "((f.class & 16383) = 0)"

/*
 * The version of the rules below: when it differs from the one a database
 * was classified with (meta key "class_rules"), nt_category_refresh works
 * every food's classes out again.  Raise it with every change to the rules.
 */
#define NT_CATEGORY_RULES_VERSION 2

/* Where a rule looks. */
enum nt_category_scope {
	NT_SCOPE_NAME,    /* a phrase anywhere in the name */
	NT_SCOPE_HEAD,    /* a phrase in the name's head, before any "with", "in", "and"... */
	NT_SCOPE_START,   /* the name starts with the phrase */
	NT_SCOPE_GROUP,   /* the USDA group or FNDDS category is one of the list */
	NT_SCOPE_ALSO,    /* a phrase in the common names / additional description */
	NT_SCOPE_PORTION, /* a phrase in one of the portions' names */
};

/*
 * One rule: foods it matches get class `cls`.  `match` is a '|'-separated
 * list of phrases: words compared whole and case- and accent-insensitively,
 * in order, across commas ("mix dry" matches "mix, dry"); a word ending in
 * '*' is a prefix.  A phrase right after "no", "non", "not", "without",
 * "excluding", "except" or "other than", or right before "free", does not
 * count ("excluding honey roasted", "non-alcoholic", "sugar-free").  For
 * NT_SCOPE_GROUP, `match` lists group names ('*' at the end: a prefix).
 * `unless` (optional) lists phrases anywhere in the name that cancel the
 * rule; `groups` (optional) limits it to foods of those groups.  `why`
 * says in a few words why the rule is right.
 */
struct nt_category_rule {
	unsigned cls;
	enum nt_category_scope scope;
	const char *match;
	const char *unless;
	const char *groups;
	const char *why;
};

/* The rules, in one table (borrowed, static); *n receives their number. */
const struct nt_category_rule *nt_category_rules(size_t *n);

/* Whether one rule matches the food (portions: p[0..n_portions-1], may be NULL). */
bool nt_category_rule_matches(const struct nt_category_rule *r, const char *name,
                              const char *group, const char *also,
                              const struct nt_portion *p, size_t n_portions);

/* The classes of a food: the union of every rule that matches (0: everyday). */
unsigned nt_category_of(const char *name, const char *group, const char *also,
                        const struct nt_portion *p, size_t n_portions);

/* Name of one class bit ("alcoholic drink"); NULL for anything else. */
const char *nt_category_name(unsigned bit);

/* "alcoholic drink, candy" into buf (size n); "" for none. */
void nt_category_format(unsigned cls, char *buf, size_t n);

/*
 * Works out and stores the classes of food `id` from its stored name,
 * group, common names and portions (after a custom food, recipe or
 * import is written, or its group changed).
 */
enum nt_status nt_category_update(struct nt_store *s, long long id, struct nt_err *err);

/*
 * Classifies the foods that are not yet (foods.class < 0: written by an
 * older nutrack, or loaded in bulk), and every food when the database was
 * classified by other rules (NT_CATEGORY_RULES_VERSION), in one
 * transaction.  Does nothing, cheaply, when every food is classified.
 * *changed (optional) receives how many foods were classified.
 */
enum nt_status nt_category_refresh(struct nt_store *s, long long *changed, struct nt_err *err);

#endif
