/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_search.c - logging a food: search as you type, then the amount with a preview. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "app.h"
#include "day.h"
#include "diet.h"
#include "tui_chrome.h"
#include "tui_search.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_width.h"

/* Results fetched per keystroke: enough for a tall terminal. */
#define RESULTS_MAX 200

static void
run_search(struct tui *t)
{
	struct nt_err err;
	enum nt_status st;
	int want = t->lay.popup_h > 0 ? t->lay.popup_h * 2 : 40;

	if (want > RESULTS_MAX)
		want = RESULTS_MAX;
	nt_search_result_fini(&t->res);
	t->rsel = t->rtop = 0;
	if ((st = nt_search(t->app->store, t->query.buf, (size_t)want, &t->res, &err)))
		tui_message(t, true, "%s", nt_err_text(&err, st));
}

static bool
search_open(struct tui *t, enum tui_view from)
{
	if (from == VIEW_AMOUNT) /* back from the amount: the query and results stay */
		return true;
	t->list_focus = false;
	tui_input_set(&t->query, "");
	nt_search_result_fini(&t->res);
	t->rsel = t->rtop = 0;
	return true;
}

/* The results stay while a food's amount is asked for: Esc comes back to them. */
static void
search_close(struct tui *t, enum tui_view next)
{
	if (next == VIEW_AMOUNT)
		return;
	nt_search_result_fini(&t->res);
	nt_food_free(t->food);
	t->food = NULL;
}

/* "B12 0.92 · ω-3 0.40 · K 378 per 1 cup" for a hit's first portion (or 100 g). */
static void
hit_values(const struct tui *t, const struct nt_search_hit *h, char *buf, size_t n)
{
	struct nt_amounts v;
	char b12[24], o3[24], k[24], per[64];
	double grams = h->basis ? NT_FOOD_BASIS_GRAMS : h->has_portion ? h->portion.grams : 100;

	nt_amounts_for(h->per100, grams, &v);
	nt_amounts_mark_estimated(&v, nt_estimated_bits(h->ala_estimated));
	tui_fmt_measure(t, b12, sizeof b12, NT_B12, v.v[NT_B12], v.partial & (1u << NT_B12), false);
	tui_fmt_measure_est(t, o3, sizeof o3, NT_OMEGA3, v.v[NT_OMEGA3],
	                    v.partial & (1u << NT_OMEGA3), v.estimated & (1u << NT_OMEGA3), false);
	tui_fmt_measure(t, k, sizeof k, NT_POTASSIUM, v.v[NT_POTASSIUM],
	                v.partial & (1u << NT_POTASSIUM), false);
	if (h->basis) /* imported without a weight: values per unit only */
		snprintf(per, sizeof per, "1 %s", h->basis);
	else if (h->has_portion)
		snprintf(per, sizeof per, "%g %s", h->portion.amount, h->portion.unit);
	else
		snprintf(per, sizeof per, "100 g");
	snprintf(buf, n, "B12 %s %s %s K %s / %s", b12, tui_utf8() ? "\xcf\x89-3" : "O-3", o3, k,
	         per);
}

static void
search_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;
	char title[96], line[256];
	int x = l->popup_x, w = l->popup_w, y = l->popup_y, list_h;

	snprintf(title, sizeof title, "Add to %s", nt_meal_title(t->meal));
	tui_draw_header(t, title);
	attrset(tui_theme(TH_TITLE));
	tui_put(stdscr, y, x + 1, "Search:", 8);
	attrset(t->list_focus ? A_NORMAL : A_UNDERLINE | A_BOLD);
	mvhline(y, x + 10, ' ', w - 11);
	tui_input_draw(stdscr, y, x + 10, w - 12, &t->query, !t->list_focus);
	attrset(A_NORMAL);
	if (!t->query.len)
		snprintf(line, sizeof line, "Type a food's name: salmon, soy milk, fortified cereal...");
	else if (t->res.relaxed)
		snprintf(line, sizeof line, "No food has all the words: %zu have all but one.",
		         t->res.total);
	else if (t->res.total)
		snprintf(line, sizeof line, "%s%zu matching foods; values per portion",
		         t->res.more ? "over " : "", t->res.total);
	else
		snprintf(line, sizeof line, "No food matches; try fewer or other words.");
	attrset(tui_theme(TH_DIM));
	tui_put(stdscr, y + 1, x + 1, line, w - 2);
	attrset(A_NORMAL);

	list_h = l->results_h;
	t->rtop = tui_scroll(t->rsel, t->rtop, list_h, (int)t->res.n);
	for (int i = 0; i < list_h && t->rtop + i < (int)t->res.n; i++) {
		const struct nt_search_hit *h = &t->res.hits[t->rtop + i];
		bool selected = t->rtop + i == t->rsel;
		int vw, nw, ry = l->results_y + i;

		hit_values(t, h, line, sizeof line);
		vw = tui_width(line);
		if (vw > w / 2)
			vw = w / 2;
		if (selected) {
			attrset(tui_theme(TH_SELECTED));
			mvhline(ry, x, ' ', w);
		}
		nw = tui_put(stdscr, ry, x + 1, h->name, w - vw - 4);
		if (h->breaks && nw + 2 < w - vw - 4) {
			char tags[64], mark[96];

			/* a food the diet rules out says so, beside its name */
			nt_tags_format(h->breaks, tags, sizeof tags);
			if (h->tags == NT_TAGS_UNKNOWN)
				snprintf(mark, sizeof mark, " [%s? ingredients not known]",
				         nt_diet_name(t->sum.profile.diet));
			else
				snprintf(mark, sizeof mark, " [not %s: %s]",
				         nt_diet_name(t->sum.profile.diet), tags);
			if (!selected)
				attrset(tui_theme(TH_LOW));
			tui_put(stdscr, ry, x + 1 + nw, mark, w - vw - 4 - nw);
			attrset(selected ? tui_theme(TH_SELECTED) : A_NORMAL);
		}
		tui_put_right(stdscr, ry, x + w - 1 - vw, line, vw);
		attrset(A_NORMAL);
	}
	tui_draw_status(t, TV_SEARCH);
}

static struct tui_next
search_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;
	bool is_keycode = k->keycode;
	wint_t ch = k->ch;
	int page = t->lay.popup_h > 3 ? t->lay.popup_h - 3 : 1;

	/* In the results, j and k move like the arrows. */
	if (t->list_focus && !is_keycode && (ch == 'j' || ch == 'k'))
		a = ch == 'j' ? TA_DOWN : TA_UP;
	switch (a) {
	case TA_UP:
		if (t->rsel > 0)
			t->rsel--;
		return tui_stay();
	case TA_DOWN:
		if (t->rsel + 1 < (int)t->res.n)
			t->rsel++;
		if (is_keycode || ch != 'j')
			t->list_focus = t->list_focus || t->res.n > 0;
		return tui_stay();
	case TA_PAGE_UP:
		t->rsel = t->rsel > page ? t->rsel - page : 0;
		return tui_stay();
	case TA_PAGE_DOWN:
		t->rsel = t->rsel + page < (int)t->res.n ? t->rsel + page : (int)t->res.n - 1;
		if (t->rsel < 0)
			t->rsel = 0;
		return tui_stay();
	case TA_FOCUS:
		t->list_focus = !t->list_focus && t->res.n > 0;
		return tui_stay();
	case TA_ACCEPT:
		if (!t->res.n)
			return tui_stay();
		t->open_food_id = t->res.hits[t->rsel].id;
		t->open_edit_id = 0;
		t->open_amount = NULL;
		return tui_go(VIEW_AMOUNT, false);
	case TA_BACK:
		return tui_go(VIEW_DAY, false);
	default:
		break;
	}
	switch (tui_input_key(&t->query, ch, is_keycode)) {
	case TI_CHANGED:
		t->list_focus = false;
		run_search(t);
		break;
	case TI_MOVED:
		t->list_focus = false;
		break;
	default:
		break;
	}
	return tui_stay();
}

/* A click selects the result under it; twice, or on the one selected, picks it. */
static struct tui_next
search_click(struct tui *t, int y, int x, bool twice)
{
	int row = t->rtop + y - t->lay.results_y;
	struct tui_key enter = {'\n', false, '\n', tui_action_for(TV_SEARCH, '\n')};

	(void)x;
	if (y < t->lay.results_y || row >= (int)t->res.n)
		return tui_stay();
	twice |= row == t->rsel;
	t->rsel = row;
	return twice ? search_key(t, &enter) : tui_stay();
}

const struct tui_view_ops tui_search_view = {
	.name = "search",
	.keys = TV_SEARCH,
	.open = search_open,
	.draw = search_draw,
	.key = search_key,
	.click = search_click,
	.close = search_close,
};

/* ---- amount ---- */

static void
update_preview(struct tui *t)
{
	struct nt_err err;
	enum nt_status st;

	t->amount_ok = false;
	t->amount_err[0] = '\0';
	if (t->psel >= 0 && t->psel < (int)t->food->n_portions) {
		/* a picked portion weighs exactly what USDA says */
		t->grams = t->food->portions[t->psel].grams;
		t->amount_ok = t->grams > 0 && t->grams <= NT_AMOUNT_MAX_GRAMS;
		if (!t->amount_ok)
			snprintf(t->amount_err, sizeof t->amount_err,
			         "one entry can be at most %.0f g", NT_AMOUNT_MAX_GRAMS);
		return;
	}
	if (!t->amount.len)
		return;
	st = nt_amount_grams(t->amount.buf, t->food, &t->grams, &err);
	if (st)
		snprintf(t->amount_err, sizeof t->amount_err, "%s", nt_err_text(&err, st));
	else
		t->amount_ok = true;
}

static bool
amount_open(struct tui *t, enum tui_view from)
{
	long long food_id = t->open_food_id, edit_id = t->open_edit_id;
	const char *amount = t->open_amount;
	struct nt_err err;
	enum nt_status st;
	char first[NT_AMOUNT_TEXT_MAX + 32];
	size_t dp;

	(void)from;
	t->open_amount = NULL; /* borrowed: not to be used again */
	nt_food_free(t->food);
	t->food = NULL;
	if ((st = nt_food_get(t->app->store, food_id, &t->food, &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return false;
	}
	t->edit_id = edit_id;
	/* the amount is suggested, selected: the first key typed replaces it */
	if (amount) {
		t->psel = -1;
		tui_input_suggest(&t->amount, amount);
	} else if ((dp = nt_amount_default_portion(t->food)) != (size_t)-1) {
		/* a household measure, of the food as it is (not "cup, dry, yields") */
		t->psel = (int)dp;
		snprintf(first, sizeof first, "%g %s", t->food->portions[dp].amount,
		         t->food->portions[dp].unit);
		tui_input_suggest(&t->amount, first);
	} else if (t->food->basis) { /* imported without a weight: one of its unit */
		t->psel = -1;
		snprintf(first, sizeof first, "1 %s", t->food->basis);
		tui_input_suggest(&t->amount, first);
	} else {
		t->psel = -1;
		tui_input_suggest(&t->amount, "100 g");
	}
	update_preview(t);
	return true;
}

/* Esc to the search keeps its results; anywhere else they go too. */
static void
amount_close(struct tui *t, enum tui_view next)
{
	nt_food_free(t->food);
	t->food = NULL;
	if (next != VIEW_SEARCH)
		nt_search_result_fini(&t->res);
}

/* One line of the preview: the entry's value and the day's percent before -> after. */
static void
preview_line(struct tui *t, int y, int x, int w, enum nt_measure m, const char *label,
             const struct nt_amounts *adds, const struct nt_judgement *after)
{
	const struct nt_judgement *before = &t->sum.judged[m];
	char val[48], line[160];

	tui_fmt_measure_est(t, val, sizeof val, m, adds->v[m], adds->partial & (1u << m),
	                    adds->estimated & (1u << m), true);
	if (after[m].percent >= 0)
		snprintf(line, sizeof line, "%-12s +%-12s %3d%% -> %3d%% of %g %s", label, val,
		         before->percent < 0 ? 0 : before->percent, after[m].percent,
		         after[m].target, app_unit(t->app, nt_measure_unit(m)));
	else
		snprintf(line, sizeof line, "%-12s +%s", label, val);
	attrset(tui_theme(after[m].level == NT_LEVEL_OK ? TH_OK
	                  : after[m].level == NT_LEVEL_LOW ? TH_LOW : TH_NORMAL));
	tui_put(stdscr, y, x, line, w);
	attrset(A_NORMAL);
}

static void
amount_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;
	char title[128], line[512];
	int x = l->popup_x, w = l->popup_w, y = l->popup_y, py = l->preview_y;

	snprintf(title, sizeof title, "%s %s", t->edit_id ? "Change amount in" : "Add to",
	         nt_meal_title(t->meal));
	tui_draw_header(t, title);
	attrset(tui_theme(TH_TITLE));
	tui_put(stdscr, y, x + 1, t->food->name, w - 2);
	attrset(tui_theme(TH_DIM));
	if (nt_food_dated(t->food->ref, t->food->per100))
		snprintf(line, sizeof line, "%s  %s", t->food->ref, NT_FOOD_DATED_NOTE);
	else if (t->food->ala_estimated)
		snprintf(line, sizeof line, "%s  %s  (ALA estimated from %s)", t->food->ref,
		         t->food->group, nt_food_ala_basis(t->food));
	else
		snprintf(line, sizeof line, "%s  %s", t->food->ref, t->food->group);
	tui_put(stdscr, y + 1, x + 1, line, w - 2);
	attrset(tui_theme(TH_TITLE));
	tui_put(stdscr, y + 2, x + 1, "Amount:", 8);
	attrset(A_UNDERLINE | A_BOLD);
	mvhline(y + 2, x + 10, ' ', w - 11);
	tui_input_draw(stdscr, y + 2, x + 10, w - 12, &t->amount, true);
	attrset(A_NORMAL);

	if (t->amount_ok) {
		struct nt_amounts adds;
		struct nt_judgement after[NT_MEASURE_COUNT];

		nt_amounts_for(t->food->per100, t->grams, &adds);
		nt_amounts_mark_estimated(&adds, nt_estimated_bits(t->food->ala_estimated));
		/* the day as it would be: the other entries plus this one */
		nt_day_summary_preview(&t->sum, t->edit_id, &adds, after);
		if (t->food->basis) /* imported without a weight: grams are nominal */
			snprintf(line, sizeof line, "= ? g; adds to the day:");
		else
			snprintf(line, sizeof line, "= %.1f g; adds to the day:", t->grams);
		tui_put(stdscr, py, x + 10, line, w - 11);
		preview_line(t, py + 1, x + 3, w - 4, NT_B12, "Vitamin B12", &adds, after);
		preview_line(t, py + 2, x + 3, w - 4, NT_OMEGA3, "Omega-3", &adds, after);
		preview_line(t, py + 3, x + 3, w - 4, NT_EPA_DHA, "EPA+DHA", &adds, after);
		preview_line(t, py + 4, x + 3, w - 4, NT_POTASSIUM, "Potassium", &adds, after);
	} else if (t->amount_err[0]) {
		attrset(tui_theme(TH_LOW));
		tui_put(stdscr, py, x + 10, t->amount_err, w - 11);
		attrset(A_NORMAL);
	}

	if (l->portions_h > 0) {
		int n = (int)t->food->n_portions;
		int top = tui_scroll(t->psel < 0 ? 0 : t->psel, 0, l->portions_h, n);

		attrset(tui_theme(TH_TITLE));
		if (t->food->basis) { /* imported without a weight */
			snprintf(line, sizeof line, "No weight known: give an amount in its unit (1 %s).",
			         t->food->basis);
			tui_put(stdscr, l->portions_y - 1, x + 1, line, w - 2);
		} else {
			tui_put(stdscr, l->portions_y - 1, x + 1,
			        n ? "USDA portions:" : "No USDA portions: give a weight.", w - 2);
		}
		attrset(A_NORMAL);
		for (int i = 0; i < l->portions_h && top + i < n; i++) {
			int idx = top + i, ry = l->portions_y + i;

			nt_portion_format(&t->food->portions[idx], line, sizeof line);
			if (idx == t->psel) {
				attrset(tui_theme(TH_SELECTED));
				mvhline(ry, x, ' ', w);
			}
			tui_put(stdscr, ry, x + 3, line, w - 4);
			attrset(A_NORMAL);
		}
	}
	tui_draw_status(t, TV_AMOUNT);
}

/* Logs or changes the entry; on success back to the day, which reloads. */
static struct tui_next
save_amount(struct tui *t)
{
	struct nt_err err;
	enum nt_status st;
	long long mg = nt_grams_to_mg(t->grams), id;

	if (!t->amount_ok) {
		tui_message(t, true, "%s", t->amount_err[0] ? t->amount_err : "Type an amount.");
		return tui_stay();
	}
	if (t->edit_id) {
		struct nt_entry before;

		if ((st = nt_journal_get(t->app->store, t->edit_id, &before, &err))) {
			tui_message(t, true, "%s", nt_err_text(&err, st));
			return tui_stay();
		}
		if ((st = nt_journal_update(t->app->store, t->edit_id, before.day, t->app->today,
		                            before.meal, t->amount.buf, mg, NULL, &err))) {
			tui_message(t, true, "%s", nt_err_text(&err, st));
			nt_entry_fini(&before);
			return tui_stay();
		}
		tui_undo_push(t, UNDO_UPDATE, &before);
		tui_message(t, false, "Changed %s to %s.", before.food_name, t->amount.buf);
		nt_entry_fini(&before);
	} else {
		struct nt_entry added = {0};
		bool plan = false; /* the core's rule: a future day is planned */
		unsigned tags = 0, breaks;
		bool corrected;

		st = nt_journal_log(t->app->store, t->app->today, t->day, t->meal, t->food->id,
		                    t->amount.buf, mg, &plan, &id, &err);
		if (st) {
			tui_message(t, true, "%s", nt_err_text(&err, st));
			return tui_stay();
		}
		added.id = id;
		added.food_name = t->food->name;
		tui_undo_push(t, UNDO_ADD, &added);
		breaks = 0;
		if (nt_food_tags(t->app->store, t->food->id, &tags, &corrected, NULL) == NT_OK)
			breaks = tags & nt_diet_forbids(t->sum.profile.diet);
		if (breaks) {
			char why[96];

			/* the user's record: logged, with a word about the diet */
			nt_tags_why(tags, breaks, why, sizeof why);
			tui_message(t, false, "%s %s %s at %s; it %s: %s %s.",
			            plan ? "Planned" : "Logged", t->amount.buf, t->food->name,
			            nt_meal_name(t->meal),
			            tags == NT_TAGS_UNKNOWN ? "may not fit (ingredients not known)" : why,
			            tags == NT_TAGS_UNKNOWN ? "check it is" : "not",
			            nt_diet_name(t->sum.profile.diet));
		} else {
			tui_message(t, false, "%s %s %s at %s.", plan ? "Planned" : "Logged",
			            t->amount.buf, t->food->name, nt_meal_name(t->meal));
		}
	}
	return tui_go(VIEW_DAY, true);
}

static struct tui_next
amount_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;
	bool is_keycode = k->keycode;
	wint_t ch = k->ch;
	int n = t->food ? (int)t->food->n_portions : 0;

	switch (a) {
	case TA_UP:
	case TA_DOWN:
		if (!n)
			return tui_stay();
		if (a == TA_UP)
			t->psel = t->psel <= 0 ? 0 : t->psel - 1;
		else
			t->psel = t->psel + 1 < n ? t->psel + 1 : n - 1;
		{
			char text[NT_AMOUNT_TEXT_MAX + 32];

			snprintf(text, sizeof text, "%g %s", t->food->portions[t->psel].amount,
			         t->food->portions[t->psel].unit);
			tui_input_suggest(&t->amount, text);
		}
		update_preview(t);
		return tui_stay();
	case TA_ACCEPT:
		return save_amount(t);
	case TA_BACK:
		return tui_go(t->edit_id ? VIEW_DAY : VIEW_SEARCH, false);
	default:
		break;
	}
	if (tui_input_key(&t->amount, ch, is_keycode) == TI_CHANGED) {
		t->psel = -1;
		update_preview(t);
	}
	return tui_stay();
}

static struct tui_next
amount_keycode(struct tui *t, int code)
{
	struct tui_key k = {TUI_KEYCODE(code), true, (wint_t)code,
	                    tui_action_for(TV_AMOUNT, TUI_KEYCODE(code))};

	return amount_key(t, &k);
}

/* A click selects the portion under it; twice, or on the one selected, logs it. */
static struct tui_next
amount_click(struct tui *t, int y, int x, bool twice)
{
	int row = y - t->lay.portions_y;
	struct tui_key enter = {'\n', false, '\n', tui_action_for(TV_AMOUNT, '\n')};

	(void)x;
	if (row < 0 || row >= t->lay.portions_h || !t->food)
		return tui_stay();
	row += tui_scroll(t->psel < 0 ? 0 : t->psel, 0, t->lay.portions_h,
	                  (int)t->food->n_portions);
	if (row >= (int)t->food->n_portions)
		return tui_stay();
	twice |= row == t->psel;
	/* select through the keys so the amount text follows */
	while (t->psel < row)
		amount_keycode(t, KEY_DOWN);
	while (t->psel > row)
		amount_keycode(t, KEY_UP);
	return twice ? amount_key(t, &enter) : tui_stay();
}

const struct tui_view_ops tui_amount_view = {
	.name = "amount",
	.keys = TV_AMOUNT,
	.open = amount_open,
	.draw = amount_draw,
	.key = amount_key,
	.click = amount_click,
	.close = amount_close,
};
