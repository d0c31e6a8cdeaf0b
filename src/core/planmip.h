/* SPDX-License-Identifier: GPL-3.0-or-later */
/* planmip.h - one planned day as an integer program, solved with GLPK. */
#ifndef NT_PLANMIP_H
#define NT_PLANMIP_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "nutrient.h"
#include "status.h"

/*
 * What a food is in a meal; the meal rules below are written in roles.
 * DISH (a mixed dish) only comes from the foods a user logs.
 */
#define NT_PLAN_ROLE_LIST(X)             \
	X(CEREAL, "cereal")              \
	X(PORRIDGE, "porridge")          \
	X(BREAD, "bread")                \
	X(MILK, "milk")                  \
	X(YOGURT, "yogurt")              \
	X(JUICE, "juice")                \
	X(SPREAD, "spread")              \
	X(FRUIT, "fruit")                \
	X(VEGETABLE, "vegetable")        \
	X(STARCH, "starch")              \
	X(PROTEIN, "protein")            \
	X(DISH, "dish")                  \
	X(NUTS, "nuts")                  \
	X(TOPPING, "topping")            \
	X(SUPPLEMENT, "supplement")

enum nt_plan_role {
#define NT_X(id, name) NT_ROLE_##id,
	NT_PLAN_ROLE_LIST(NT_X)
#undef NT_X
	NT_ROLE_COUNT
};

const char *nt_plan_role_name(enum nt_plan_role r);
int nt_plan_role_parse(const char *s); /* -1 when unknown */

/*
 * The measures a day is planned for: energy within a band, the rest at
 * least their need.
 */
#define NT_PLANMIP_GOALS {NT_PROTEIN, NT_B12, NT_OMEGA3, NT_EPA_DHA, NT_POTASSIUM}
#define NT_PLANMIP_N_GOALS 5

/* A candidate food: its amounts are whole steps from lo to hi. */
struct nt_planmip_food {
	enum nt_plan_role role;
	unsigned meals;                /* bits 1 << NT_BREAKFAST... it may be planned at */
	double per_step[NT_MEASURE_COUNT]; /* what one step adds; NAN counts as 0 */
	int lo, hi;                    /* steps, 1 <= lo <= hi */
	double cost;                   /* of choosing the food at all (lower is preferred) */
	double step_cost;              /* of each step */
	bool supplement_for[NT_MEASURE_COUNT]; /* a supplement allowed for these goals */
	int kind;                      /* > 0: at most one food of a kind a day (rice, fish) */
};

/* The day to fill. */
struct nt_planmip_day {
	unsigned open;                       /* meals to plan (others are left alone) */
	double energy_lo, energy_hi;         /* kcal the planned foods add */
	double energy_aim;                   /* kcal to come near (within the band) */
	double energy_cost;                  /* of each kcal away from the aim */
	double meal_energy_lo[NT_MEAL_COUNT], meal_energy_hi[NT_MEAL_COUNT];
	double need[NT_MEASURE_COUNT];       /* for the goals: at least; <= 0 or NAN: none */
	unsigned capped;                     /* bits (1 << measure) of the goals with a cap */
	double cap[NT_MEASURE_COUNT];        /* for those: at most (below 0 counts as 0) */
	double time_limit_ms;                /* per solve */
};

/*
 * The meal rules, for open meals (supplements are outside them): breakfast
 * 2-5 foods with one cereal, porridge or bread, a cereal only with milk or
 * yogurt; lunch 3-5 foods, dinner 3-5, each with a
 * protein or a dish (at most one of each), one starch, bread or dish,
 * lunch a vegetable or fruit, dinner 1-2
 * vegetables; a snack of 1-2 foods; in any meal at most one milk, yogurt,
 * juice, fruit, spread, nuts and topping, a spread only with bread and a
 * topping only on a cereal, porridge, yogurt, starch, protein, vegetable or
 * dish.
 */

/*
 * Each food at most once a day and at most one food of each kind.
 * Solves for the cheapest day (sum of cost for each food chosen, plus
 * step_cost per step, plus energy_cost per kcal from energy_aim) meeting the energy band, each meal's energy band,
 * every need and the meal rules; each food at most once a day.  On success
 * *feasible is true and steps[i * NT_MEAL_COUNT + m] holds food i's steps at
 * meal m (0 when not chosen).  When no such day exists, *feasible is false
 * and steps is all 0.  NT_ERR_NOMEM, or NT_ERR_INVALID on bad input, are
 * the only errors.
 */
enum nt_status nt_planmip_solve(const struct nt_planmip_food *foods, size_t n,
                                const struct nt_planmip_day *day, int *steps, bool *feasible,
                                struct nt_err *err);

/*
 * At most how much of measure `m` a day can hold under the energy band and
 * the meal rules alone (no needs), from the foods that are not
 * supplements: the optimum of the linear relaxation, an upper bound that
 * whole portions cannot exceed; -1 when not even that relaxed day exists.
 * For deciding on supplements and naming the constraint that binds.
 */
enum nt_status nt_planmip_most(const struct nt_planmip_food *foods, size_t n,
                               const struct nt_planmip_day *day, enum nt_measure m,
                               double *most, struct nt_err *err);

/* Frees GLPK's working memory (call when done planning). */
void nt_planmip_release(void);

#endif
