/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_planmip.c - the day's integer program on small problems solved by hand (planmip.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "planmip.h"
#include "tap.h"

#define S (1u << NT_SNACK)
#define B (1u << NT_BREAKFAST)

/* A food of one role at `meals`: energy and one more value per step. */
static struct nt_planmip_food
food(enum nt_plan_role role, unsigned meals, double kcal, enum nt_measure m, double v,
     int lo, int hi, double cost)
{
	struct nt_planmip_food f;

	memset(&f, 0, sizeof f);
	for (int k = 0; k < NT_MEASURE_COUNT; k++)
		f.per_step[k] = NAN;
	f.role = role;
	f.meals = meals;
	f.per_step[NT_ENERGY] = kcal;
	if (m != NT_ENERGY)
		f.per_step[m] = v;
	f.lo = lo;
	f.hi = hi;
	f.cost = cost;
	return f;
}

/* A day with only the meals `open`, energy lo..hi, no needs yet. */
static struct nt_planmip_day
day_of(unsigned open, double lo, double hi)
{
	struct nt_planmip_day d;

	memset(&d, 0, sizeof d);
	d.open = open;
	d.energy_lo = lo;
	d.energy_hi = hi;
	for (int m = 0; m < NT_MEAL_COUNT; m++)
		d.meal_energy_hi[m] = 10000;
	for (int k = 0; k < NT_MEASURE_COUNT; k++)
		d.need[k] = NAN;
	d.time_limit_ms = 10000;
	return d;
}

#define AT(i, m) steps[(i) * NT_MEAL_COUNT + (m)]

int
main(void)
{
	struct nt_planmip_food f[6];
	struct nt_planmip_day d;
	int steps[6 * NT_MEAL_COUNT];
	double most;
	bool ok;

	/*
	 * A snack (1-2 foods, at most one of each role) of 200-300 kcal with at
	 * least 500 mg potassium, from A fruit (100 kcal, 400 mg, cost 1), B
	 * nuts (170 kcal, 200 mg K, 2.5 g ALA, cost 1) and C milk (60 kcal and
	 * 190 mg a half cup, 1-3 half cups, cost 2 + 0.1 a step).  A + B: 270
	 * kcal, 600 mg, cost 2.  A + C: k = 2 or 3 for the energy, cost 2.2+.
	 * B + C: k = 2 (290 kcal, 580 mg), cost 3.2.  Alone none reaches 200
	 * kcal.  The cheapest is A + B.
	 */
	f[0] = food(NT_ROLE_FRUIT, S, 100, NT_POTASSIUM, 400, 1, 1, 1);
	f[1] = food(NT_ROLE_NUTS, S, 170, NT_POTASSIUM, 200, 1, 1, 1);
	f[1].per_step[NT_OMEGA3] = 2.5;
	f[2] = food(NT_ROLE_MILK, S, 60, NT_POTASSIUM, 190, 1, 3, 2);
	f[2].step_cost = 0.1;
	d = day_of(S, 200, 300);
	d.need[NT_POTASSIUM] = 500;
	is_int(nt_planmip_solve(f, 3, &d, steps, &ok, NULL), NT_OK, "a snack solves");
	ok(ok, "a day exists");
	ok(AT(0, NT_SNACK) == 1 && AT(1, NT_SNACK) == 1 && AT(2, NT_SNACK) == 0,
	   "fruit and nuts (270 kcal, 600 mg K, cost 2): %d %d %d", AT(0, NT_SNACK),
	   AT(1, NT_SNACK), AT(2, NT_SNACK));

	/* 3 g ALA: only B has any (2.5 g): no day; at most 2.5 g. */
	d.need[NT_OMEGA3] = 3;
	is_int(nt_planmip_solve(f, 3, &d, steps, &ok, NULL), NT_OK, "an impossible need solves");
	ok(!ok, "no day has 3 g ALA");
	is_int(AT(1, NT_SNACK), 0, "and no steps come back");
	is_int(nt_planmip_most(f, 3, &d, NT_OMEGA3, &most, NULL), NT_OK, "the most ALA");
	is_num(most, 2.5, 1e-9, "at most 2.5 g ALA (one B)");

	/*
	 * Amounts: milk alone, 60 kcal and 0.5 ug B12 a half cup, 1-4 half cups
	 * at 0.5 a step; 1.2 ug B12 in 150-250 kcal needs 3 half cups (1.5 ug,
	 * 180 kcal, cost 1 + 1.5); 4 (240 kcal) would cost 1 + 2.
	 */
	f[0] = food(NT_ROLE_MILK, S, 60, NT_B12, 0.5, 1, 4, 1);
	f[0].step_cost = 0.5;
	d = day_of(S, 150, 250);
	d.need[NT_B12] = 1.2;
	nt_planmip_solve(f, 1, &d, steps, &ok, NULL);
	ok(ok && AT(0, NT_SNACK) == 3, "three half cups for 1.2 ug B12: %d", AT(0, NT_SNACK));

	/* Near the energy aim: no step cost, 240 kcal aimed at 0.01 a kcal off:
	 * 4 half cups (0 off) beat 3 (60 off, 0.6). */
	f[0].step_cost = 0;
	d = day_of(S, 100, 250);
	d.energy_aim = 240;
	d.energy_cost = 0.01;
	nt_planmip_solve(f, 1, &d, steps, &ok, NULL);
	ok(ok && AT(0, NT_SNACK) == 4, "four half cups hit 240 kcal: %d", AT(0, NT_SNACK));

	/*
	 * Breakfast rules (2-5 foods, a cereal or bread, a cereal only with
	 * milk or yogurt) at 150-250 kcal: X cereal 110 kcal cost 0.5, M milk
	 * 100 cost 1, T bread 80 cost 1, F fruit 100 cost 1.  X + M (210,
	 * 1.5) beats T + F or T + M (180, 2); X + F breaks the milk rule.
	 */
	f[0] = food(NT_ROLE_CEREAL, B, 110, NT_ENERGY, 0, 1, 1, 0.5);
	f[1] = food(NT_ROLE_MILK, B, 100, NT_ENERGY, 0, 1, 1, 1);
	f[2] = food(NT_ROLE_BREAD, B, 80, NT_ENERGY, 0, 1, 1, 1);
	f[3] = food(NT_ROLE_FRUIT, B, 100, NT_ENERGY, 0, 1, 1, 1);
	d = day_of(B, 150, 250);
	nt_planmip_solve(f, 4, &d, steps, &ok, NULL);
	ok(ok && AT(0, NT_BREAKFAST) && AT(1, NT_BREAKFAST) && !AT(2, NT_BREAKFAST) &&
	   !AT(3, NT_BREAKFAST), "cereal with milk");
	/* No milk: the cereal cannot come alone or with fruit; bread and fruit. */
	f[1].meals = 0;
	nt_planmip_solve(f, 4, &d, steps, &ok, NULL);
	ok(ok && !AT(0, NT_BREAKFAST) && AT(2, NT_BREAKFAST) && AT(3, NT_BREAKFAST),
	   "no milk: bread and fruit, not the cereal");
	/* A spread (90 kcal, cost 0.1) only with bread: T + spread (170 kcal,
	 * 1.1) is cheapest; without bread it cannot come at all. */
	f[4] = food(NT_ROLE_SPREAD, B, 90, NT_ENERGY, 0, 1, 1, 0.1);
	nt_planmip_solve(f, 5, &d, steps, &ok, NULL);
	ok(ok && AT(2, NT_BREAKFAST) && AT(4, NT_BREAKFAST) && !AT(3, NT_BREAKFAST),
	   "bread with the spread");
	f[2].meals = 0;
	nt_planmip_solve(f, 5, &d, steps, &ok, NULL);
	ok(!ok, "no bread, no milk: no breakfast (a spread needs bread, cereal needs milk)");

	/*
	 * Supplements: 250 mg EPA+DHA from nothing but P, a capsule (375 mg,
	 * energy unknown).  Not allowed for EPA+DHA: no day.  Allowed: the
	 * snack of fruit and nuts plus the capsule, outside the 2-food rule.
	 */
	f[0] = food(NT_ROLE_FRUIT, S, 100, NT_POTASSIUM, 400, 1, 1, 1);
	f[1] = food(NT_ROLE_NUTS, S, 170, NT_POTASSIUM, 200, 1, 1, 1);
	f[2] = food(NT_ROLE_SUPPLEMENT, S, NAN, NT_EPA_DHA, 375, 1, 1, 5);
	d = day_of(S, 200, 300);
	d.need[NT_EPA_DHA] = 250;
	nt_planmip_solve(f, 3, &d, steps, &ok, NULL);
	ok(!ok, "a supplement not allowed does not come in");
	f[2].supplement_for[NT_EPA_DHA] = true;
	nt_planmip_solve(f, 3, &d, steps, &ok, NULL);
	ok(ok && AT(0, NT_SNACK) && AT(1, NT_SNACK) && AT(2, NT_SNACK) == 1,
	   "allowed: one capsule beside the snack");
	is_int(nt_planmip_most(f, 3, &d, NT_EPA_DHA, &most, NULL), NT_OK, "the most from food");
	is_num(most, 0, 0, "foods alone: 0 mg EPA+DHA");

	/*
	 * One of a kind a day: R1 fruit and R2 nuts of the same kind (two
	 * rices), 120 kcal each at cost 0.5, Q milk 100 kcal cost 2.  At
	 * 200-260 kcal R1 + R2 (240) would be cheapest; the kind allows one,
	 * so one of them with Q.
	 */
	f[0] = food(NT_ROLE_FRUIT, S, 120, NT_ENERGY, 0, 1, 1, 0.5);
	f[1] = food(NT_ROLE_NUTS, S, 120, NT_ENERGY, 0, 1, 1, 0.5);
	f[0].kind = f[1].kind = 7;
	f[2] = food(NT_ROLE_MILK, S, 100, NT_ENERGY, 0, 1, 1, 2);
	d = day_of(S, 200, 260);
	nt_planmip_solve(f, 3, &d, steps, &ok, NULL);
	ok(ok && AT(0, NT_SNACK) + AT(1, NT_SNACK) == 1 && AT(2, NT_SNACK),
	   "one of the kind, and the milk");

	/* Each food once a day: F at breakfast or snack, not both. */
	f[0] = food(NT_ROLE_FRUIT, B | S, 100, NT_POTASSIUM, 400, 1, 1, 1);
	f[1] = food(NT_ROLE_BREAD, B, 100, NT_ENERGY, 0, 1, 1, 1);
	d = day_of(B | S, 0, 10000);
	d.need[NT_POTASSIUM] = 800; /* twice F would do it */
	nt_planmip_solve(f, 2, &d, steps, &ok, NULL);
	ok(!ok, "a food cannot come twice a day to reach a need");

	/* Bad input is refused, not solved. */
	f[0].lo = 0;
	is_int(nt_planmip_solve(f, 1, &d, steps, &ok, NULL), NT_ERR_INVALID, "0 steps refused");
	is_str(nt_plan_role_name(NT_ROLE_PORRIDGE), "porridge", "role names");
	is_int(nt_plan_role_parse("topping"), NT_ROLE_TOPPING, "parse a role");
	is_int(nt_plan_role_parse("dessert"), -1, "an unknown role");
	nt_planmip_release();
	return tap_done();
}
