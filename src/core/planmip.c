/* SPDX-License-Identifier: GPL-3.0-or-later */
/* planmip.c - a planned day as a mixed-integer program (GLPK branch and bound). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "planmip.h"

static const char *const role_names[] = {
#define NT_X(id, name) name,
	NT_PLAN_ROLE_LIST(NT_X)
#undef NT_X
};

const char *
nt_plan_role_name(enum nt_plan_role r)
{
	return r < NT_ROLE_COUNT ? role_names[r] : "?";
}

int
nt_plan_role_parse(const char *s)
{
	for (int i = 0; i < NT_ROLE_COUNT; i++)
		if (!strcmp(s, role_names[i]))
			return i;
	return -1;
}

#define R(x) (1u << NT_ROLE_##x)
#define ALL_FOOD (((1u << NT_ROLE_COUNT) - 1) & ~R(SUPPLEMENT))
#define B (1u << NT_BREAKFAST)
#define L (1u << NT_LUNCH)
#define D (1u << NT_DINNER)
#define S (1u << NT_SNACK)
#define NO_MIN (-1000)

/*
 * At each open meal of `meals`: lo <= (foods chosen of the roles `plus`) -
 * (foods chosen of the roles `minus`) <= hi.  planmip.h says the same in words.
 */
static const struct rule {
	unsigned meals, plus, minus;
	int lo, hi;
} rules[] = {
	{B, R(CEREAL) | R(PORRIDGE) | R(BREAD), 0, 1, 1},
	{B, R(CEREAL), 0, 0, 1},
	{B, R(PORRIDGE), 0, 0, 1},
	{B, R(CEREAL), R(MILK) | R(YOGURT), NO_MIN, 0},
	{B | L | D | S, R(BREAD), 0, 0, 1},
	{B | L | D | S, R(MILK), 0, 0, 1},
	{B | L | D | S, R(YOGURT), 0, 0, 1},
	{B | L | D | S, R(JUICE), 0, 0, 1},
	{B | L | D | S, R(FRUIT), 0, 0, 1},
	{B | L | D | S, R(SPREAD), 0, 0, 1},
	{B | L | D | S, R(NUTS), 0, 0, 1},
	{B | L | D | S, R(TOPPING), 0, 0, 1},
	{B | L | D | S, R(SPREAD), R(BREAD), NO_MIN, 0},
	{B | L | D | S, R(TOPPING),
	 R(CEREAL) | R(PORRIDGE) | R(YOGURT) | R(STARCH) | R(PROTEIN) | R(VEGETABLE) | R(DISH),
	 NO_MIN, 0},
	{B, R(PROTEIN), 0, 0, 1},
	{L | D, R(PROTEIN) | R(DISH), 0, 1, 2},
	{L | D, R(PROTEIN), 0, 0, 1},
	{L | D, R(DISH), 0, 0, 1},
	{L | D, R(STARCH) | R(BREAD) | R(DISH), 0, 1, 1},
	{L | D, R(STARCH), 0, 0, 1},
	{L, R(VEGETABLE) | R(FRUIT), 0, 1, 3},
	{L, R(VEGETABLE), 0, 0, 2},
	{D, R(VEGETABLE), 0, 1, 2},
	{B, ALL_FOOD, 0, 2, 5},
	{L, ALL_FOOD, 0, 3, 5},
	{D, ALL_FOOD, 0, 3, 5},
	{S, ALL_FOOD, 0, 1, 2},
};

static const enum nt_measure goals[] = NT_PLANMIP_GOALS;

/* A food at a meal in an amount: one binary column. */
struct opt {
	size_t food;
	int meal, steps, col;
};

struct model {
	glp_prob *lp;
	struct opt *opts;
	size_t nopts;
	int *ind;      /* row buffers, 1-based as GLPK wants */
	double *val;
};

static void
model_fini(struct model *md)
{
	if (md->lp)
		glp_delete_prob(md->lp);
	free(md->opts);
	free(md->ind);
	free(md->val);
	memset(md, 0, sizeof *md);
}

static double
value(const struct nt_planmip_food *f, enum nt_measure m)
{
	return nt_known(f->per_step[m]) ? f->per_step[m] : 0;
}

static bool
is_supplement_for_any(const struct nt_planmip_food *f)
{
	for (size_t k = 0; k < NT_PLANMIP_N_GOALS; k++)
		if (f->supplement_for[goals[k]])
			return true;
	return false;
}

/* Adds one row lo <= sum <= hi (NAN: no bound on that side) from the buffers. */
/*
 * The coefficients of a row over measure m: each option's amount of it (a
 * value unknown counts as none), into md->ind/val from 1; returns how many.
 */
static int
measure_coefs(struct model *md, const struct nt_planmip_food *foods, enum nt_measure m)
{
	int len = 0;

	for (size_t k = 0; k < md->nopts; k++) {
		double v = value(&foods[md->opts[k].food], m) * md->opts[k].steps;

		if (v > 0)
			md->ind[++len] = md->opts[k].col, md->val[len] = v;
	}
	return len;
}

static void
add_row(struct model *md, int len, double lo, double hi)
{
	int r = glp_add_rows(md->lp, 1);

	if (nt_known(lo) && nt_known(hi))
		glp_set_row_bnds(md->lp, r, lo == hi ? GLP_FX : GLP_DB, lo, hi);
	else if (nt_known(lo))
		glp_set_row_bnds(md->lp, r, GLP_LO, lo, 0);
	else
		glp_set_row_bnds(md->lp, r, GLP_UP, 0, hi);
	glp_set_mat_row(md->lp, r, len, md->ind, md->val);
}

/*
 * Builds the program: one binary column for each food, open meal and
 * amount, so that "each food once a day, in one amount" is a single row a
 * food (a tight formulation: few branch-and-bound nodes).  most < 0:
 * minimise cost with every need; else maximise measure `most` with no needs
 * and no supplements.
 */
static enum nt_status
build(struct model *md, const struct nt_planmip_food *foods, size_t n,
      const struct nt_planmip_day *day, int most, struct nt_err *err)
{
	size_t cap = 0;
	int len;

	memset(md, 0, sizeof *md);
	for (size_t i = 0; i < n; i++) {
		if (foods[i].lo < 1 || foods[i].hi < foods[i].lo || foods[i].hi > 100 ||
		    foods[i].role >= NT_ROLE_COUNT)
			return nt_err_set(err, NT_ERR_INVALID, "plan food %zu: bad steps or role", i);
		for (int m = 0; m < NT_MEAL_COUNT; m++)
			if (foods[i].meals & day->open & (1u << m))
				cap += (size_t)(foods[i].hi - foods[i].lo + 1);
	}
	md->opts = calloc(cap ? cap : 1, sizeof *md->opts);
	md->ind = calloc(cap + 3, sizeof *md->ind);
	md->val = calloc(cap + 3, sizeof *md->val);
	if (!md->opts || !md->ind || !md->val)
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	md->lp = glp_create_prob();
	glp_set_obj_dir(md->lp, most < 0 ? GLP_MIN : GLP_MAX);
	for (size_t i = 0; i < n; i++) {
		const struct nt_planmip_food *f = &foods[i];

		if (f->role == NT_ROLE_SUPPLEMENT && (most >= 0 || !is_supplement_for_any(f)))
			continue;
		len = 0;
		for (int m = 0; m < NT_MEAL_COUNT; m++) {
			if (!(f->meals & day->open & (1u << m)))
				continue;
			for (int k = f->lo; k <= f->hi; k++) {
				struct opt *o = &md->opts[md->nopts++];

				o->food = i;
				o->meal = m;
				o->steps = k;
				o->col = glp_add_cols(md->lp, 1);
				glp_set_col_kind(md->lp, o->col, GLP_BV);
				glp_set_obj_coef(md->lp, o->col,
				                 most < 0 ? f->cost + f->step_cost * k
				                          : value(f, (enum nt_measure)most) * k);
				md->ind[++len] = o->col;
				md->val[len] = 1;
			}
		}
		if (len > 1) /* once a day, in one amount */
			add_row(md, len, NAN, 1);
	}
	if (!md->nopts) {
		glp_add_cols(md->lp, 1); /* GLPK wants a column; an empty day has none */
		return NT_OK;
	}
	/* one food of a kind a day: white or brown rice, not both */
	for (size_t i = 0; i < n; i++) {
		int kind = foods[i].kind;
		bool first = true;

		if (kind <= 0)
			continue;
		for (size_t j = 0; j < i && first; j++)
			first = foods[j].kind != kind;
		if (!first)
			continue; /* the row is there */
		len = 0;
		for (size_t k = 0; k < md->nopts; k++)
			if (foods[md->opts[k].food].kind == kind)
				md->ind[++len] = md->opts[k].col, md->val[len] = 1;
		if (len > 1)
			add_row(md, len, NAN, 1);
	}
	/* the needs */
	for (size_t g = 0; most < 0 && g < NT_PLANMIP_N_GOALS; g++) {
		enum nt_measure m = goals[g];

		if (!nt_known(day->need[m]) || day->need[m] <= 0)
			continue;
		len = measure_coefs(md, foods, m);
		if (!len) { /* nothing has any: a row no column can satisfy */
			md->ind[++len] = md->opts[0].col, md->val[len] = 0;
		}
		add_row(md, len, day->need[m], NAN);
	}
	/* the user's limits: a food whose value is unknown counts as none */
	for (size_t g = 0; g < NT_PLANMIP_N_GOALS; g++) {
		enum nt_measure m = goals[g];

		if (!(day->capped & (1u << m)))
			continue;
		if ((len = measure_coefs(md, foods, m)))
			add_row(md, len, NAN, fmax(day->cap[m], 0));
	}
	/* energy, the day's and each meal's */
	for (int m = -1; m < NT_MEAL_COUNT; m++) {
		if (m >= 0 && !(day->open & (1u << m)))
			continue;
		len = 0;
		for (size_t k = 0; k < md->nopts; k++)
			if (m < 0 || md->opts[k].meal == m)
				md->ind[++len] = md->opts[k].col,
				md->val[len] = value(&foods[md->opts[k].food], NT_ENERGY) * md->opts[k].steps;
		if (len)
			add_row(md, len, m < 0 ? day->energy_lo : day->meal_energy_lo[m],
			        m < 0 ? day->energy_hi : day->meal_energy_hi[m]);
		/* off = |energy - aim|: off - energy >= -aim, off + energy >= aim */
		if (m < 0 && len && most < 0 && day->energy_cost > 0) {
			int off = glp_add_cols(md->lp, 1);

			glp_set_col_bnds(md->lp, off, GLP_LO, 0, 0);
			glp_set_obj_coef(md->lp, off, day->energy_cost);
			md->ind[len + 1] = off;
			md->val[len + 1] = 1;
			for (int k = 1; k <= len; k++)
				md->val[k] = -md->val[k];
			add_row(md, len + 1, -day->energy_aim, NAN);
			for (int k = 1; k <= len; k++)
				md->val[k] = -md->val[k];
			add_row(md, len + 1, day->energy_aim, NAN);
		}
	}
	/* the meal rules */
	for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
		for (int m = 0; m < NT_MEAL_COUNT; m++) {
			if (!(rules[r].meals & day->open & (1u << m)))
				continue;
			len = 0;
			for (size_t k = 0; k < md->nopts; k++) {
				unsigned role = 1u << foods[md->opts[k].food].role;

				if (md->opts[k].meal != m)
					continue;
				if (rules[r].plus & role)
					md->ind[++len] = md->opts[k].col, md->val[len] = 1;
				else if (rules[r].minus & role)
					md->ind[++len] = md->opts[k].col, md->val[len] = -1;
			}
			if (!len) {
				if (rules[r].lo > 0) { /* a meal that cannot be made */
					md->ind[++len] = md->opts[0].col, md->val[len] = 0;
					add_row(md, len, rules[r].lo, NAN);
				}
				continue;
			}
			add_row(md, len, rules[r].lo == NO_MIN ? NAN : rules[r].lo, rules[r].hi);
		}
	}
	return NT_OK;
}

/* Runs branch and bound; *found tells whether an integer solution came back. */
static enum nt_status
run(struct model *md, const struct nt_planmip_day *day, bool *found, struct nt_err *err)
{
	glp_iocp parm;
	int rc, st;

	glp_term_out(GLP_OFF);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	/*
	 * The costs only rank near-equal days (variety, preference): a day
	 * within 15% of the best bound is as good, and stopping there keeps a
	 * 28-day plan well under 2 s (measured: an omnivore boy of 14, the
	 * slowest profile, 1.0 -> 0.3 s of branch and bound with the short
	 * lists of plan.c).  Breadth-first search found days in the fewest nodes.
	 */
	parm.mip_gap = 0.15;
	parm.bt_tech = GLP_BT_BFS;
	parm.tm_lim = day->time_limit_ms > 0 ? (int)day->time_limit_ms : 2000;
	rc = glp_intopt(md->lp, &parm);
	*found = false;
	if (rc == GLP_ENOPFS || rc == GLP_ENODFS)
		return NT_OK; /* no day: presolve or the LP relaxation says so */
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EMIPGAP && rc != GLP_ESTOP)
		return nt_err_set(err, NT_ERR_INVALID, "the plan's integer program failed (GLPK %d)",
		                  rc);
	st = glp_mip_status(md->lp);
	*found = st == GLP_OPT || st == GLP_FEAS;
	return NT_OK;
}

enum nt_status
nt_planmip_solve(const struct nt_planmip_food *foods, size_t n, const struct nt_planmip_day *day,
                 int *steps, bool *feasible, struct nt_err *err)
{
	struct nt_err scratch;
	struct model md;
	enum nt_status rc;
	bool found = false;

	if (!err)
		err = &scratch;
	memset(steps, 0, n * NT_MEAL_COUNT * sizeof *steps);
	*feasible = false;
	if ((rc = build(&md, foods, n, day, -1, err)) || !md.nopts ||
	    (rc = run(&md, day, &found, err)))
		goto done;
	if (found)
		for (size_t k = 0; k < md.nopts; k++)
			if (glp_mip_col_val(md.lp, md.opts[k].col) > 0.5)
				steps[md.opts[k].food * NT_MEAL_COUNT + (size_t)md.opts[k].meal] =
					md.opts[k].steps;
	*feasible = found;
done:
	model_fini(&md);
	return rc;
}

enum nt_status
nt_planmip_most(const struct nt_planmip_food *foods, size_t n, const struct nt_planmip_day *day,
                enum nt_measure m, double *most, struct nt_err *err)
{
	struct nt_err scratch;
	struct model md;
	enum nt_status rc;
	glp_smcp parm;
	int r;

	if (!err)
		err = &scratch;
	*most = -1;
	if ((rc = build(&md, foods, n, day, (int)m, err)) || !md.nopts)
		goto done;
	/* the linear relaxation: its optimum bounds every day of whole portions */
	glp_term_out(GLP_OFF);
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	r = glp_simplex(md.lp, &parm);
	if (r == 0 && glp_get_status(md.lp) == GLP_OPT)
		*most = glp_get_obj_val(md.lp);
	else if (r != 0 && r != GLP_ENOPFS && r != GLP_ENODFS)
		rc = nt_err_set(err, NT_ERR_INVALID, "the plan's linear program failed (GLPK %d)", r);
done:
	model_fini(&md);
	return rc;
}

void
nt_planmip_release(void)
{
	glp_free_env();
}
