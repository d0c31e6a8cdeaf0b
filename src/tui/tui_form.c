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
#include "tui_chrome.h"
#include "tui_form.h"
#include "tui_state.h"
#include "tui_theme.h"
#include "tui_width.h"

enum { F_SEX, F_AGE, F_STAGE, F_DIET, F_COUNT };

/* t->first_run says whether this is the first run's form (cleared on leaving it). */
static bool
form_open(struct tui *t, enum tui_view from)
{
	char age[32];

	(void)from;
	/* it is saved from today: edit the profile in force today, not the one of
	 * the day shown (a past day may have had another) */
	if (nt_profile_on(t->app->store, t->app->today, &t->form, NULL, NULL))
		t->form = t->sum.profile;
	snprintf(age, sizeof age, "%g", t->form.age_y);
	tui_input_set(&t->age, t->form.is_set ? age : "");
	t->field = t->form.is_set ? F_SEX : F_AGE;
	return true;
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

static void
form_draw(struct tui *t)
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

static struct tui_next
save_form(struct tui *t)
{
	struct nt_targets check;
	struct nt_err err;
	enum nt_status st;

	if (!nt_text_to_double(t->age.buf, &t->form.age_y)) {
		t->field = F_AGE;
		tui_message(t, true, "Give your age in years, e.g. 34.");
		return tui_stay();
	}
	if ((st = nt_profile_check(&t->form, &err)) ||
	    (st = nt_targets_for(t->app->store, &t->form, &check, &err)) ||
	    (st = nt_profile_set(t->app->store, &t->form, t->app->today, &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return tui_stay();
	}
	mark_asked(t);
	if (t->day < t->app->today)
		tui_message(t, false, "Profile saved from today; earlier days keep theirs.");
	else
		tui_message(t, false, "Profile saved; targets updated.");
	return tui_go(VIEW_DAY, true);
}

static struct tui_next
form_key(struct tui *t, const struct tui_key *k)
{
	bool is_keycode = k->keycode;
	wint_t ch = k->ch;

	/* The age field takes digits and editing keys before anything else. */
	if (t->field == F_AGE && !is_keycode && (iswdigit(ch) || ch == '.' || ch == 127 || ch == 8)) {
		tui_input_key(&t->age, ch, false);
		return tui_stay();
	}
	if (t->field == F_AGE && is_keycode && ch == KEY_BACKSPACE) {
		tui_input_key(&t->age, ch, true);
		return tui_stay();
	}
	switch (k->action) {
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
		return save_form(t);
	case TA_SKIP:
		if (!t->first_run)
			break;
		/* fall through */
	case TA_BACK:
		mark_asked(t);
		if (!t->sum.profile.is_set)
			tui_message(t, false, "No profile: using adult female targets (p sets yours).");
		return tui_go(VIEW_DAY, false);
	default:
		break;
	}
	return tui_stay();
}

const struct tui_view_ops tui_form_view = {
	.name = "form",
	.keys = TV_FORM,
	.open = form_open,
	.draw = form_draw,
	.key = form_key,
};

/* ---- go to a date ---- */

static bool
prompt_open(struct tui *t, enum tui_view from)
{
	(void)from;
	t->prompt = PROMPT_GOTO;
	tui_input_set(&t->prompt_in, "");
	return true;
}

/* Drawn over the day: the question takes the status line. */
static void
prompt_draw(struct tui *t)
{
	int y = t->lay.status_y, w;

	attrset(tui_theme(TH_STATUS));
	mvhline(y, 0, ' ', t->lay.cols);
	w = tui_put(stdscr, y, 1, "Go to date (YYYY-MM-DD, yesterday, -N): ", t->lay.cols - 2);
	tui_put(stdscr, y, 1 + w, t->prompt_in.buf, t->lay.cols - 2 - w);
	addch('_');
	attrset(A_NORMAL);
}

static struct tui_next
prompt_key(struct tui *t, const struct tui_key *k)
{
	struct nt_err err;
	long day;

	if (k->action == TA_BACK)
		return tui_go(VIEW_DAY, false);
	if (k->action == TA_ACCEPT) {
		if (!t->prompt_in.len)
			return tui_go(VIEW_DAY, false);
		if (nt_date_parse(t->prompt_in.buf, t->app->today, &day, &err) != NT_OK) {
			tui_message(t, true, "%s", err.msg);
			return tui_go(VIEW_DAY, false);
		}
		t->day = day;
		t->sel = t->top = 0;
		return tui_go(VIEW_DAY, true);
	}
	tui_input_key(&t->prompt_in, k->ch, k->keycode);
	return tui_stay();
}

const struct tui_view_ops tui_prompt_view = {
	.name = "prompt",
	.keys = TV_PROMPT,
	.under = VIEW_DAY,
	.open = prompt_open,
	.draw = prompt_draw,
	.key = prompt_key,
};

/* ---- moving an entry to another meal ---- */

/* Drawn over the day: the choice takes the status line. */
static void
pick_draw(struct tui *t)
{
	int y = t->lay.status_y;

	attrset(tui_theme(TH_STATUS));
	mvhline(y, 0, ' ', t->lay.cols);
	tui_put(stdscr, y, 1, "Move to: b breakfast  l lunch  d dinner  s snacks  (Esc cancels)",
	       t->lay.cols - 2);
	attrset(A_NORMAL);
}

static struct tui_next
pick_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;
	const struct nt_entry *e = tui_selected_entry(t);
	struct nt_err err;
	enum nt_status st;
	enum nt_meal meal;

	if (a == TA_BACK || !e)
		return tui_go(VIEW_DAY, false);
	if (a < TA_MEAL_BREAKFAST || a > TA_MEAL_SNACK)
		return tui_stay();
	meal = (enum nt_meal)(a - TA_MEAL_BREAKFAST);
	if (meal == e->meal)
		return tui_go(VIEW_DAY, false);
	if ((st = nt_journal_update(t->app->store, e->id, e->day, t->app->today, meal, NULL, 0, NULL,
	                              &err))) {
		tui_message(t, true, "%s", nt_err_text(&err, st));
		return tui_go(VIEW_DAY, false);
	}
	tui_undo_push(t, UNDO_UPDATE, e);
	tui_message(t, false, "Moved %s to %s.", e->food_name, nt_meal_name(meal));
	return tui_go(VIEW_DAY, true);
}

const struct tui_view_ops tui_pick_view = {
	.name = "pick",
	.keys = TV_PICK,
	.under = VIEW_DAY,
	.draw = pick_draw,
	.key = pick_key,
};

/* ---- help, generated from the action table ---- */

/* Opens at the keys of the view it was opened from, and returns there. */
static bool
help_open(struct tui *t, enum tui_view from)
{
	t->help_back = from;
	t->help_top = -1;
	return true;
}

static void
help_draw(struct tui *t)
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

static struct tui_next
help_key(struct tui *t, const struct tui_key *k)
{
	enum tui_action a = k->action;

	if (a == TA_BACK || a == TA_QUIT)
		return tui_go(t->help_back, false);
	if (a == TA_UP || a == TA_DOWN)
		t->help_top += a == TA_UP ? -1 : 1;
	else if (a == TA_PAGE_UP || a == TA_PAGE_DOWN)
		t->help_top += (a == TA_PAGE_UP ? -1 : 1) * (t->lay.status_y - 2);
	else if (a == TA_FIRST)
		t->help_top = 0;
	else if (a == TA_LAST)
		t->help_top = t->help_lines;
	return tui_stay();
}

const struct tui_view_ops tui_help_view = {
	.name = "help",
	.keys = TV_HELP,
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
};
