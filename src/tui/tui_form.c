/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_form.c - the profile form, the go-to-date prompt, the meal picker and help. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "app.h"
#include "date.h"
#include "store.h"
#include "text.h"
#include "tui_priv.h"
#include "tui_theme.h"
#include "tui_width.h"

enum { F_SEX, F_AGE, F_STAGE, F_DIET, F_COUNT };

void
tui_form_open(struct tui *t, bool first_run)
{
	char age[32];

	t->form = t->profile;
	snprintf(age, sizeof age, "%g", t->form.age_y);
	tui_input_set(&t->age, t->profile.is_set ? age : "");
	t->field = t->profile.is_set ? F_SEX : F_AGE;
	t->first_run = first_run;
	t->view = VIEW_FORM;
}

static const char *
field_value(const struct tui *t, int f)
{
	switch (f) {
	case F_SEX:
		return nt_sex_name(t->form.sex);
	case F_AGE:
		return t->age.buf;
	case F_STAGE:
		return nt_stage_name(t->form.stage);
	default:
		return nt_diet_name(t->form.diet);
	}
}

void
tui_form_draw(struct tui *t)
{
	static const char *const labels[F_COUNT] = {"Sex", "Age (years)", "Life stage", "Diet"};
	static const char *const choices[F_COUNT] = {
		"female / male", "0 to 130", "none / pregnant / lactating",
		"omnivore / vegetarian / vegan"};
	const struct tui_layout *l = &t->lay;
	int x = l->popup_x + 1, w = l->popup_w - 2, y = l->popup_y;

	tui_draw_header(t, t->first_run ? "Welcome to nutrack" : "Profile");
	attrset(tui_theme(TH_TITLE));
	tui_put(stdscr, y, x, "Who are the targets for? They follow the Dietary Reference Intakes.",
	       w);
	attrset(A_NORMAL);
	for (int f = 0; f < F_COUNT; f++) {
		char line[320];
		int ry = y + 2 + f;

		snprintf(line, sizeof line, "%-12s %-12s", labels[f], field_value(t, f));
		if (f == t->field) {
			attrset(tui_theme(TH_SELECTED));
			mvhline(ry, l->popup_x, ' ', l->popup_w);
		}
		tui_put(stdscr, ry, x + 1, line, w - 1);
		attrset(f == t->field ? tui_theme(TH_SELECTED) : tui_theme(TH_DIM));
		tui_put(stdscr, ry, l->form_x, choices[f], l->popup_x + l->popup_w - l->form_x - 1);
		attrset(A_NORMAL);
	}
	attrset(tui_theme(TH_DIM));
	if (t->first_run)
		tui_put(stdscr, y + 7, x,
		       "s skips: targets stay those of an adult woman (19-50 y), omnivore, "
		       "until you set them with p.", w);
	attrset(A_NORMAL);
	tui_draw_status(t, TV_FORM);
}

static void
cycle(struct tui *t, int dir)
{
	switch (t->field) {
	case F_SEX:
		t->form.sex = (enum nt_sex)((t->form.sex + 1) % 2);
		break;
	case F_STAGE:
		t->form.stage = (enum nt_stage)((t->form.stage + 3 + dir) % 3);
		break;
	case F_DIET:
		t->form.diet = (enum nt_diet)((t->form.diet + 3 + dir) % 3);
		break;
	default:
		break;
	}
}

static void
mark_asked(struct tui *t)
{
	if (t->first_run)
		nt_store_meta_set(t->app->store, "tui_profile_asked", "1", NULL);
	t->first_run = false;
}

static void
save_form(struct tui *t)
{
	struct nt_targets check;
	struct nt_err err;
	enum nt_status st;

	if (!nt_text_to_double(t->age.buf, &t->form.age_y)) {
		t->field = F_AGE;
		tui_message(t, true, "Give your age in years, e.g. 34.");
		return;
	}
	if ((st = nt_profile_check(&t->form, &err)) ||
	    (st = nt_targets_for(t->app->store, &t->form, &check, &err)) ||
	    (st = nt_profile_set(t->app->store, &t->form, t->app->today, &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return;
	}
	mark_asked(t);
	tui_message(t, false, "Profile saved; targets updated.");
	t->view = VIEW_DAY;
	tui_day_load(t);
}

void
tui_form_key(struct tui *t, int key, bool is_keycode, wint_t ch)
{
	enum tui_action a;

	/* The age field takes digits and editing keys before anything else. */
	if (t->field == F_AGE && !is_keycode && (iswdigit(ch) || ch == '.' || ch == 127 || ch == 8)) {
		tui_input_key(&t->age, ch, false);
		return;
	}
	if (t->field == F_AGE && is_keycode && ch == KEY_BACKSPACE) {
		tui_input_key(&t->age, ch, true);
		return;
	}
	a = tui_action_for(TV_FORM, key);
	switch (a) {
	case TA_UP:
		t->field = (t->field + F_COUNT - 1) % F_COUNT;
		break;
	case TA_DOWN:
		t->field = (t->field + 1) % F_COUNT;
		break;
	case TA_LEFT:
		cycle(t, -1);
		break;
	case TA_RIGHT:
		cycle(t, 1);
		break;
	case TA_ACCEPT:
		save_form(t);
		break;
	case TA_SKIP:
		if (!t->first_run)
			break;
		/* fall through */
	case TA_BACK:
		mark_asked(t);
		if (!t->profile.is_set)
			tui_message(t, false, "No profile: using adult female targets (p sets yours).");
		t->view = VIEW_DAY;
		break;
	default:
		break;
	}
}

/* ---- go to a date ---- */

void
tui_prompt_open(struct tui *t, enum prompt_kind kind)
{
	t->prompt = kind;
	tui_input_set(&t->prompt_in, "");
	t->view = VIEW_PROMPT;
}

void
tui_prompt_draw(struct tui *t)
{
	int y = t->lay.status_y, w;

	tui_day_draw(t);
	attrset(tui_theme(TH_STATUS));
	mvhline(y, 0, ' ', t->lay.cols);
	w = tui_put(stdscr, y, 1, "Go to date (YYYY-MM-DD, yesterday, -N): ", t->lay.cols - 2);
	tui_put(stdscr, y, 1 + w, t->prompt_in.buf, t->lay.cols - 2 - w);
	addch('_');
	attrset(A_NORMAL);
}

void
tui_prompt_key(struct tui *t, int key, bool is_keycode, wint_t ch)
{
	enum tui_action a = tui_action_for(TV_PROMPT, key);
	struct nt_err err;
	long day;

	if (a == TA_BACK) {
		t->view = VIEW_DAY;
		return;
	}
	if (a == TA_ACCEPT) {
		t->view = VIEW_DAY;
		if (!t->prompt_in.len)
			return;
		if (nt_date_parse(t->prompt_in.buf, t->app->today, &day, &err) != NT_OK) {
			tui_message(t, true, "%s", err.msg);
			return;
		}
		t->day = day;
		t->sel = t->top = 0;
		tui_day_load(t);
		return;
	}
	tui_input_key(&t->prompt_in, ch, is_keycode);
}

/* ---- moving an entry to another meal ---- */

void
tui_pick_draw(struct tui *t)
{
	int y = t->lay.status_y;

	tui_day_draw(t);
	attrset(tui_theme(TH_STATUS));
	mvhline(y, 0, ' ', t->lay.cols);
	tui_put(stdscr, y, 1, "Move to: b breakfast  l lunch  d dinner  s snacks  (Esc cancels)",
	       t->lay.cols - 2);
	attrset(A_NORMAL);
}

void
tui_pick_key(struct tui *t, int key)
{
	enum tui_action a = tui_action_for(TV_PICK, key);
	const struct nt_entry *e = tui_day_selected_entry(t);
	struct nt_err err;
	enum nt_status st;
	enum nt_meal meal;

	if (a == TA_BACK || !e) {
		t->view = VIEW_DAY;
		return;
	}
	if (a < TA_MEAL_BREAKFAST || a > TA_MEAL_SNACK)
		return;
	meal = (enum nt_meal)(a - TA_MEAL_BREAKFAST);
	t->view = VIEW_DAY;
	if (meal == e->meal)
		return;
	if ((st = nt_journal_update(t->app->store, e->id, e->day, t->app->today, meal, NULL, 0, NULL,
	                              &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return;
	}
	tui_undo_push(t, UNDO_UPDATE, e);
	tui_message(t, false, "Moved %s to %s.", e->food_name, nt_meal_name(meal));
	tui_day_load(t);
}

/* ---- help, generated from the action table ---- */

void
tui_help_draw(struct tui *t)
{
	static const struct {
		unsigned view;
		const char *title;
	} sections[] = {
		{TV_DAY, "Day view"},
		{TV_SEARCH, "Search (typing edits the query)"},
		{TV_AMOUNT, "Amount (typing edits the amount)"},
		{TV_FORM, "Profile form"},
		{TV_PICK, "Move to a meal"},
		{TV_WEEK, "Week view"},
		{TV_TREND, "Trend view"},
		{TV_HELP, "This help"},
	};
	struct tui_help_line lines[64];
	int y = 1, line = 0, height = t->lay.status_y - 1;

	tui_draw_header(t, "Keys");
	t->help_lines = 0;
	for (size_t s = 0; s < sizeof sections / sizeof *sections; s++)
		t->help_lines += tui_action_help(sections[s].view, lines, 64) + 2;
	if (t->help_top < 0) { /* opened from a view: start at its section */
		unsigned want = t->help_back == VIEW_WEEK ? TV_WEEK
		                : t->help_back == VIEW_TREND ? TV_TREND : TV_DAY;

		t->help_top = 0;
		for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
			if (sections[s].view == want)
				break;
			t->help_top += tui_action_help(sections[s].view, lines, 64) + 2;
		}
	}
	if (t->help_top > t->help_lines - height)
		t->help_top = t->help_lines - height;
	if (t->help_top < 0)
		t->help_top = 0;
	for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
		int n = tui_action_help(sections[s].view, lines, 64);

		for (int i = -1; i <= n; i++, line++) {
			if (line < t->help_top || y >= t->lay.status_y)
				continue;
			if (i < 0) {
				attrset(tui_theme(TH_TITLE));
				tui_put(stdscr, y, 1, sections[s].title, t->lay.cols - 2);
				attrset(A_NORMAL);
			} else if (i < n) {
				tui_put(stdscr, y, 2, lines[i].keys, 16);
				tui_put(stdscr, y, 19, lines[i].help, t->lay.cols - 20);
			}
			y++;
		}
	}
	tui_draw_status(t, TV_HELP);
}
