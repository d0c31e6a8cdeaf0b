/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diet.h - what a food contains (meat, fish, dairy...), what a diet allows, exclusions. */
#ifndef NT_DIET_H
#define NT_DIET_H

#include <stdbool.h>
#include <stddef.h>

#include "nutrient.h"
#include "profile.h"
#include "status.h"

struct nt_store;

/*
 * Tags of animal origin, decided for the bundled foods from their USDA
 * group and name (data/README), correctable per food by the user.
 */
enum {
	NT_TAG_MEAT = 1 << 0,
	NT_TAG_FISH = 1 << 1,
	NT_TAG_SHELLFISH = 1 << 2,
	NT_TAG_DAIRY = 1 << 3,
	NT_TAG_EGG = 1 << 4,
	NT_TAG_HONEY = 1 << 5,
	NT_TAG_ALL = (1 << 6) - 1,
};

/*
 * Parses space-separated tag names ("meat fish"; "" or "none" = no tag).
 * Returns false for an unknown name (its text goes to bad, size n).
 */
bool nt_tags_parse(const char *text, unsigned *tags, char *bad, size_t n);

/* "meat fish", or "none"; into buf (size n). */
void nt_tags_format(unsigned tags, char *buf, size_t n);

/*
 * Every tag at once is how an import that cannot see a food's ingredients
 * (Open Food Facts without an analysis, FoodData Central Branded foods,
 * another tracker's export) marks it: it may contain anything.  Shown as
 * "ingredients not known", not as a list of six animal products.
 */
#define NT_TAGS_UNKNOWN NT_TAG_ALL

/*
 * Why a food breaks a diet, for a person: "contains dairy egg", or "its
 * ingredients are not known" when `tags` (the food's, not only the broken
 * ones) are NT_TAGS_UNKNOWN.  `breaks` are the tags the diet rules out.
 */
void nt_tags_why(unsigned tags, unsigned breaks, char *buf, size_t n);

/* The tags a diet rules out: vegan all six, vegetarian meat/fish/shellfish. */
unsigned nt_diet_forbids(enum nt_diet d);

/* A food's tags, the user's correction when there is one (*corrected). */
enum nt_status nt_food_tags(struct nt_store *s, long long food_id, unsigned *tags,
                            bool *corrected, struct nt_err *err);

/* Corrects a food's tags; nt_food_untag goes back to the bundled ones. */
enum nt_status nt_food_tag(struct nt_store *s, long long food_id, unsigned tags,
                           struct nt_err *err);
enum nt_status nt_food_untag(struct nt_store *s, long long food_id, struct nt_err *err);

/*
 * A custom food (nt_food_add_custom, which says what the arguments take)
 * with the tags it contains (0: none known) and, when `supplement`, filed
 * under Supplements (nt_food_mark_supplement): all or nothing, in one
 * transaction.  *id receives its row id.
 */
enum nt_status nt_food_add_custom_tagged(struct nt_store *s, const char *name,
                                         const double per100[NT_STORED_COUNT],
                                         const char *portion_unit, double portion_amount,
                                         double portion_grams, unsigned tags, bool supplement,
                                         long long *id, struct nt_err *err);

/* An exclusion: a food, a food group, or a word in food names ("peanut"). */
enum nt_exclusion_kind { NT_EXCLUDE_FOOD, NT_EXCLUDE_GROUP, NT_EXCLUDE_WORD };

/*
 * Adds an exclusion: `food_id` for NT_EXCLUDE_FOOD, else `text` (1-100
 * bytes, no control characters).  *id receives its number.
 */
enum nt_status nt_exclusion_add(struct nt_store *s, enum nt_exclusion_kind kind,
                                long long food_id, const char *text, long long *id,
                                struct nt_err *err);
enum nt_status nt_exclusion_remove(struct nt_store *s, long long id, struct nt_err *err);

/* Calls fn for each exclusion; `what` is a food's "ref name", a group or a word. */
enum nt_status nt_exclusion_each(struct nt_store *s,
                                 void (*fn)(void *ctx, long long id,
                                            enum nt_exclusion_kind kind, const char *what),
                                 void *ctx, struct nt_err *err);

/*
 * The SQL condition, on a foods row aliased f, that a food fits a diet and
 * no exclusion: bind the forbidden tags (nt_diet_forbids) as ?9.
 */
#define NT_DIET_ALLOWED_SQL \
	"((coalesce((SELECT contains FROM food_tags WHERE food = f.id), f.contains) & ?9) = 0" \
	" AND f.id NOT IN (SELECT food FROM exclusions WHERE food IS NOT NULL)" \
	" AND f.grp NOT IN (SELECT grp FROM exclusions WHERE grp IS NOT NULL)" \
	" AND NOT EXISTS (SELECT 1 FROM exclusions x WHERE x.word IS NOT NULL" \
	"                 AND instr(lower(f.name), lower(x.word)) > 0))"

#endif
