/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal.h - what was eaten: entries by day and meal. */
#ifndef NT_JOURNAL_H
#define NT_JOURNAL_H

#include <stddef.h>

#include "nutrient.h"
#include "status.h"

struct nt_store;

enum nt_meal { NT_BREAKFAST, NT_LUNCH, NT_DINNER, NT_SNACK, NT_MEAL_COUNT };

const char *nt_meal_name(enum nt_meal m);   /* "breakfast" */
const char *nt_meal_title(enum nt_meal m);  /* "Breakfast" */
/* Accepts the names, "snacks", and unique prefixes ("b", "din"); -1 if none. */
int nt_meal_parse(const char *s);

/* Grams are stored as whole milligrams of food so totals add up exactly. */
static inline long long nt_grams_to_mg(double g) { return (long long)(g * 1000.0 + 0.5); }

struct nt_entry {
	long long id;
	long day;
	enum nt_meal meal;
	long long food_id;
	char food_ref[40];
	char *food_name;   /* owned */
	char *amount;      /* as typed, owned */
	long long mg;      /* grams of food x 1000 */
	bool planned;      /* logged ahead: counts in the planned total only */
	bool supplement;   /* the food is a supplement (group "Supplements") */
	bool weight_unknown; /* the food was imported without a weight: mg is
	                        nominal (NT_FOOD_BASIS_GRAMS per unit), show "?" */
	struct nt_amounts values; /* this entry's nutrients */
};

/* A day's entries ordered by meal, then by when they were added. */
struct nt_entry_list {
	size_t n;
	struct nt_entry *v;
};

void nt_entry_list_fini(struct nt_entry_list *l);

/*
 * Adds an entry; amount is the user's text (1 to NT_AMOUNT_TEXT_MAX - 1
 * bytes of UTF-8 without control characters), mg > 0, day one nutrack keeps
 * (NT_ERR_RANGE otherwise; so for every function below that takes a day).
 * Returns the new entry id in *id.
 */
enum nt_status nt_journal_add(struct nt_store *s, long day, enum nt_meal meal,
                              long long food_id, const char *amount, long long mg,
                              long long *id, struct nt_err *err);

/*
 * The one rule for new entries: an entry on a day after today is planned
 * (logged ahead, not yet eaten) unless the user says otherwise; on today or
 * an earlier day it is eaten.  Front ends ask this, never compare days.
 */
bool nt_journal_day_planned(long day, long today);

/*
 * Logs an entry by that rule: planned when day is after today, eaten
 * otherwise; *planned (optional) receives which.  As nt_journal_add.
 */
enum nt_status nt_journal_log(struct nt_store *s, long today, long day, enum nt_meal meal,
                              long long food_id, const char *amount, long long mg,
                              bool *planned, long long *id, struct nt_err *err);

/* Adds a planned entry (logged ahead, not yet eaten); as nt_journal_add. */
enum nt_status nt_journal_plan(struct nt_store *s, long day, enum nt_meal meal,
                               long long food_id, const char *amount, long long mg,
                               long long *id, struct nt_err *err);

/*
 * Marks an entry eaten (planned = false) or planned again, whatever its
 * day (for undo and imports); users go through nt_journal_eat/_uneat.
 */
enum nt_status nt_journal_set_planned(struct nt_store *s, long long id, bool planned,
                                      struct nt_err *err);

/*
 * Marks a planned entry eaten.  NT_ERR_RANGE, nothing changed, when the
 * entry is on a day after today (it can be eaten on the day);
 * NT_ERR_INVALID when it is eaten already; NT_ERR_NOTFOUND names the id.
 */
enum nt_status nt_journal_eat(struct nt_store *s, long long id, long today,
                              struct nt_err *err);

/*
 * Turns eaten entries back into planned ones, all or none in one
 * transaction.  NT_ERR_INVALID (nothing changed) names the first entry
 * that is planned already; NT_ERR_NOTFOUND the first missing id.
 */
enum nt_status nt_journal_uneat(struct nt_store *s, const long long *ids, size_t n,
                                struct nt_err *err);

/*
 * Marks every planned entry of a day eaten; *count receives how many.
 * NT_ERR_RANGE, nothing changed, when the day is after today.
 */
enum nt_status nt_journal_eat_day(struct nt_store *s, long day, long today, int *count,
                                  struct nt_err *err);

/*
 * Copies the entries of day `from` (only `meal` when meal >= 0) to day
 * `to`, keeping meal, food and amount; the copies are planned when
 * `planned`.  In one transaction; *count receives how many.
 */
enum nt_status nt_journal_copy(struct nt_store *s, long from, long to, int meal,
                               bool planned, int *count, struct nt_err *err);

/* Loads one entry (NT_ERR_NOTFOUND names the id).  Fini with nt_entry_fini(). */
enum nt_status nt_journal_get(struct nt_store *s, long long id, struct nt_entry *out,
                              struct nt_err *err);
void nt_entry_fini(struct nt_entry *e);

/*
 * Rewrites an entry's day, meal, amount and grams; amount NULL keeps the
 * amount and grams as they are (mg is then ignored).  An entry on a day
 * after `today` is planned (nt_journal_day_planned): an eaten one moved
 * there becomes planned, and *future (may be NULL) says the day is such.
 */
enum nt_status nt_journal_update(struct nt_store *s, long long id, long day, long today,
                                 enum nt_meal meal, const char *amount, long long mg,
                                 bool *future, struct nt_err *err);

/*
 * Puts an entry back as `was` holds it (for undo of a change): its day,
 * meal, planned flag (whatever the day), and its amount and grams unless
 * they are as stored already (then the amount text stays as it is,
 * unchecked: an imported one may not be text nutrack would take).  All or
 * nothing in one transaction: NT_ERR_NOTFOUND names a missing was->id,
 * NT_ERR_INVALID a meal that is none, NT_ERR_RANGE a day nutrack does not
 * keep, and a bad amount is refused as by nt_journal_add; the row is then
 * as it was.
 */
enum nt_status nt_journal_revert(struct nt_store *s, const struct nt_entry *was,
                                 struct nt_err *err);

enum nt_status nt_journal_remove(struct nt_store *s, long long id, struct nt_err *err);

/*
 * Puts a removed entry back with its old id, day, meal, food and amount
 * (for undo); the amount text goes back as it was, unchecked.
 * NT_ERR_INVALID when the id is taken again.
 */
enum nt_status nt_journal_restore(struct nt_store *s, const struct nt_entry *e,
                                  struct nt_err *err);

/* Entries of one day (out is caller storage; fini it). */
enum nt_status nt_journal_day(struct nt_store *s, long day, struct nt_entry_list *out,
                              struct nt_err *err);

/*
 * Calls fn for every eaten entry (planned ones are skipped) of days
 * from..to (inclusive) in date order with that entry's day and nutrient
 * values; for totals without building lists.
 */
enum nt_status nt_journal_each(struct nt_store *s, long from, long to,
                               void (*fn)(void *ctx, long day, enum nt_meal meal,
                                          const struct nt_amounts *values),
                               void *ctx, struct nt_err *err);

/*
 * Finds entries whose date is not a day nutrack keeps (another program, or
 * an older nutrack, put it there): calls fn with each, at most 100;
 * *problems receives how many.  nt_journal_remove removes them.
 */
enum nt_status nt_journal_check(struct nt_store *s,
                                void (*fn)(void *ctx, const char *problem), void *ctx,
                                int *problems, struct nt_err *err);

#endif
