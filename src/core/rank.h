/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rank.h - what a search phrase means (words, plurals, synonyms) and how well a food fits it. */
#ifndef NT_RANK_H
#define NT_RANK_H

#include <stdbool.h>
#include <stddef.h>

#define NT_QUERY_MAX_TERMS 8
#define NT_QUERY_WORD_LEN 48
#define NT_TERM_MAX_ALTS 6
#define NT_ALT_MAX_WORDS 3

/*
 * One way to satisfy a term: its words must all be found in the food
 * (in any order), each as a whole word (a plural or singular counts) or as
 * the start of a word.
 */
struct nt_term_alt {
	size_t n;
	char w[NT_ALT_MAX_WORDS][NT_QUERY_WORD_LEN];
	bool synonym; /* from the synonym table, not typed */
};

/*
 * What one typed word (or two, for a phrase such as "oat beverage")
 * asks for: the typed words themselves and their synonyms.
 */
struct nt_term {
	size_t n_alts;
	struct nt_term_alt alt[NT_TERM_MAX_ALTS];
};

/* A search phrase made into terms; the words are folded (lowercase, no accents). */
struct nt_query {
	size_t n;
	struct nt_term t[NT_QUERY_MAX_TERMS];
	unsigned names;  /* NT_CLASS_* the phrase names ("rum" names alcoholic drinks) */
	bool names_raw;  /* "raw", "uncooked", "dry": the uncooked form is meant */
	bool names_deli; /* "deli", "sliced", "ham"...: a luncheon meat is meant */
	bool typing;     /* one or two letters: the start of a name being typed */
};

/*
 * Splits text into folded words (lowercase, accents removed): letters and
 * digits of any script make words, as does an apostrophe inside a word;
 * punctuation, dashes, fractions and other symbols separate.  Returns the
 * number of words (at most max), each at most NT_QUERY_WORD_LEN - 1 bytes
 * (cut at a character boundary).
 */
size_t nt_rank_words(const char *text, char words[][NT_QUERY_WORD_LEN], size_t max);

/*
 * Makes a search phrase into terms: articles ("a", "the") before other
 * words are dropped; each word or two-word phrase of the synonym table
 * gains its synonyms ("soda": "soft drink"; "yoghurt": "yogurt").
 */
void nt_rank_query(const char *text, struct nt_query *q);

/* The singular of a folded word ("berries" -> "berry"); into out (size n). */
void nt_rank_singular(const char *w, char *out, size_t n);

/* Whole-word equality that ignores plurals: "eggs" = "egg", "berries" = "berry". */
bool nt_rank_same_word(const char *a, const char *b);

/* What the ranking knows about one food. */
struct nt_rank_food {
	const char *name, *also, *keywords, *group;
	unsigned cls;     /* NT_CLASS_* (category.h) */
	unsigned breaks;  /* NT_TAG_* that break the diet searched for (0: fits) */
	int uses;         /* times it is in the user's recent journal */
	bool own;         /* the user's own food or recipe */
	int dropped;      /* term left out to find it (relaxed search), or -1 */
};

/*
 * The ranking rules, in one table: what each one rewards or costs and
 * why.  A score is the sum of the rules that apply; lower is better.
 */
enum nt_rank_rule {
	NT_RANK_HEAD_WORD,     /* a typed word is a word of the food's head */
	NT_RANK_NAME_WORD,     /* ... a word later in the name */
	NT_RANK_HEAD_PREFIX,   /* ... the start of a word of the head */
	NT_RANK_NAME_PREFIX,   /* ... the start of a word later in the name */
	NT_RANK_ALSO_WORD,     /* ... only in the common names or keywords */
	NT_RANK_ALSO_PREFIX,
	NT_RANK_GROUP_ONLY,    /* ... only in the food group */
	NT_RANK_DROPPED,       /* ... nowhere: left out to find anything at all */
	NT_RANK_HEAD_COVERED,  /* the head is what was typed, nothing more */
	NT_RANK_EXTRA_WORD,    /* each word of the name not typed */
	NT_RANK_PLAIN_WORD,    /* each word of the plain, everyday form */
	NT_RANK_GENERIC,       /* FNDDS's NFS / "NS as to": the food when nothing more is said */
	NT_RANK_RAW,           /* meat, poultry or fish weighed raw */
	NT_RANK_ALCOHOL,       /* the class costs, unless the phrase names the class */
	NT_RANK_ENERGY,
	NT_RANK_CANDY,
	NT_RANK_DRY,
	NT_RANK_SAUCE,
	NT_RANK_FORMULA,
	NT_RANK_BABY,
	NT_RANK_FAST_FOOD,
	NT_RANK_SUPPLEMENT,
	NT_RANK_SWEET_COAT,
	NT_RANK_DESSERT,
	NT_RANK_SWEETENER,
	NT_RANK_INGREDIENT,
	NT_RANK_SWEET_DRINK,
	NT_RANK_ANALOG,        /* a meat or dairy analog ("Chicken, meatless") */
	NT_RANK_PART,          /* an organ, feet, skin or fat alone */
	NT_RANK_DISH,          /* a mixed dish, for a one-word search */
	NT_RANK_DELI,          /* luncheon meats and cold cuts */
	NT_RANK_BRAND,         /* a brand name: one product, not the food */
	NT_RANK_REGIONAL,      /* American Indian/Alaska Native foods */
	NT_RANK_DIET,          /* breaks the diet searched for */
	NT_RANK_HISTORY,       /* in the user's recent journal */
	NT_RANK_OWN,           /* the user's own food or recipe */
	NT_RANK_RULE_COUNT
};

struct nt_rank_rule_info {
	const char *name;   /* "head-word" */
	double weight;      /* per occurrence; negative rewards */
	const char *why;
};

/* The rules' table (borrowed, static), indexed by enum nt_rank_rule. */
const struct nt_rank_rule_info *nt_rank_rules(void);

/*
 * The food's score for the query (lower is better).  When `parts` is
 * non-NULL it receives each rule's share (NT_RANK_RULE_COUNT entries), so
 * that tests and curious users can see why a food ranks where it does.
 */
double nt_rank_score(const struct nt_query *q, const struct nt_rank_food *f, double *parts);

/* Whether the word sets the ranking bsearches are sorted (for the tests). */
bool nt_rank_sets_sorted(void);

#endif
