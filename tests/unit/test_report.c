/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c - ranges, weekly trends, the richest foods and HTML (report.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "date.h"
#include "diet.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "lab.h"
#include "report.h"
#include "tap.h"

static struct nt_store *s;

static long long
food(const char *ref)
{
	return fixture_food_id(s, ref);
}

static void
add(long day, enum nt_meal meal, const char *ref, double grams)
{
	long long id;
	struct nt_err err;

	if (nt_journal_add(s, day, meal, food(ref), "x", nt_grams_to_mg(grams), &id, &err))
		tap_bail("add %s: %s", ref, err.msg);
}

/*
 * foods.csv (per 100 g: b12_ug, epa_g, dha_g, potassium_mg):
 *   sr28:15237 salmon, farmed, cooked  2.80, 0.690, 1.457, 384
 *   sr28:09040 bananas, raw            0.00, 0,     0,     358
 *   sr28:01211 milk, whole             0.45, 0,     0,     132
 * Tue 03-03: salmon 150 g: B12 4.2 ug, EPA+DHA 2.147 x 1500 = 3220.5 mg, K 576 mg
 * Wed 03-04: banana 118 g: B12 0, K 422.44 mg
 * Tue 03-10: milk 244 g: B12 1.098 ug, K 322.08 mg
 */
static void
test_range(long mar)
{
	struct nt_report r;
	struct nt_err err;

	is_int(nt_report_range(s, mar + 1, mar + 10, &r, &err), NT_OK, "range 03-02..03-11");
	is_int(r.ndays, 10, "ten days");
	is_int(r.days_logged, 3, "three logged");
	is_int(r.days_known[NT_B12], 3, "B12 known on all three");
	is_int((int)r.days[0].entries, 0, "03-02 not logged");
	ok(!nt_known(r.days[0].total.v[NT_B12]), "a day not logged is unknown, not zero");
	is_num(r.days[1].total.v[NT_B12], 4.2, 1e-9, "03-03 B12 4.2 ug");
	is_num(r.days[1].total.v[NT_EPA_DHA], 3220.5, 1e-6, "03-03 EPA+DHA 3220.5 mg");
	is_num(r.days[2].total.v[NT_POTASSIUM], 422.44, 1e-9, "03-04 K 422.44 mg");
	/* (4.2 + 0 + 1.098) / 3 = 1.766; (576 + 422.44 + 322.08) / 3 = 440.1733 */
	is_num(r.average.v[NT_B12], 1.766, 1e-9, "average B12 over logged days");
	is_num(r.average.v[NT_POTASSIUM], 1320.52 / 3, 1e-9, "average K over logged days");
	/* shown 1.77 / 2.4 = 73.75 %; 440 / 2600 = 16.9 % */
	is_int(r.avg[NT_B12].percent, 73, "B12 73 %");
	is_int(r.avg[NT_B12].level, NT_LEVEL_LOW, "B12 low");
	is_int(r.avg[NT_POTASSIUM].percent, 16, "K 16 %");
	ok(!r.profile.is_set, "the default profile");
	is_num(r.targets.t[NT_B12].value, 2.4, 0, "its B12 target");
	nt_report_fini(&r);

	is_int(nt_report_range(s, mar + 5, mar + 4, &r, &err), NT_ERR_RANGE, "reversed refused");
	is_str(err.msg, "the range ends before it starts", "and says why");
	is_int(nt_report_range(s, mar, mar + NT_REPORT_MAX_DAYS, &r, &err), NT_ERR_RANGE,
	       "one day too many refused");
	is_int(nt_report_range(s, mar, mar + NT_REPORT_MAX_DAYS - 1, &r, &err), NT_OK,
	       "the longest range works");
	is_int(r.days_logged, 3, "and finds the same days");
	nt_report_fini(&r);
}

static void
test_trend(long mar)
{
	struct nt_trend t;
	struct nt_err err;

	is_int(nt_report_trend(s, mar + 10, 3, &t, &err), NT_OK, "three weeks to 03-11");
	is_int(t.weeks, 3, "three weeks");
	is_int((int)(t.start[0] - (mar + 1)), -7, "oldest first: Monday 02-23");
	is_int((int)(t.start[2] - (mar + 8)), 0, "last: Monday 03-09");
	is_int(t.logged[0], 0, "02-23 week not logged");
	ok(!nt_known(t.avg[0].v[NT_B12]), "and unknown");
	is_int(t.logged[1], 2, "two days in 03-02's week");
	is_num(t.avg[1].v[NT_B12], 2.1, 1e-9, "(4.2 + 0) / 2 = 2.1 ug");
	is_int(t.known[1][NT_B12], 2, "... both days have a B12 value");
	is_num(t.avg[1].v[NT_POTASSIUM], 499.22, 1e-9, "(576 + 422.44) / 2 = 499.22 mg");
	is_int(t.logged[2], 1, "one day in 03-09's week");
	is_num(t.avg[2].v[NT_B12], 1.098, 1e-9, "1.098 ug");
	/* 12 weeks to 1900-01-10: only the two from 1900-01-01 (a Monday) exist */
	is_int(nt_report_trend(s, nt_date_from_ymd(1900, 1, 10), 12, &t, &err), NT_OK,
	       "a trend to 1900-01-10");
	is_int(t.weeks, 2, "... has the 2 weeks from 1900-01-01");
	is_int(t.start[0], nt_date_from_ymd(1900, 1, 1), "... the first on 1900-01-01");
	/* 9999-12-31's week runs into 10000: refused, not wrapped to 9999-01-01 */
	is_int(nt_report_trend(s, nt_date_from_ymd(9999, 12, 31), 2, &t, &err), NT_ERR_RANGE,
	       "a trend to 9999-12-31's week is refused");
	is_int(nt_report_range(s, nt_date_from_ymd(9999, 12, 30), nt_date_from_ymd(9999, 12, 31) + 1,
	                       NULL, &err), NT_ERR_RANGE, "a report past 9999-12-31 is refused");
	is_int(nt_report_trend(s, mar, 0, &t, &err), NT_ERR_RANGE, "zero weeks refused");
	is_int(nt_report_trend(s, mar, NT_TREND_MAX_WEEKS + 1, &t, &err), NT_ERR_RANGE,
	       "too many weeks refused");
}

static void
test_top(void)
{
	struct nt_top t;
	struct nt_err err;
	long long id;
	bool label_only = true, cheerios_sr28 = false, cheerios_fndds = false;
	bool product19_dated = false;

	/*
	 * FNDDS's "Quantity not specified" portion:
	 *   fndds:71508005 potato baked, with butter  507 mg x 3.15 = 1597.05 mg
	 *   fndds:71508001 potato baked, peel eaten   533 mg x 2.85 = 1519.05 mg
	 */
	is_int(nt_report_top(s, NT_POTASSIUM, NT_DIET_OMNIVORE, 0, 2, &t, &err), NT_OK,
	       "top potassium");
	is_int((int)t.n, 2, "two");
	is_str(t.v[0].ref, "fndds:71508005", "baked potato with butter first");
	is_num(t.v[0].value, 1597.05, 1e-9, "1597.05 mg");
	is_num(t.v[0].grams, 315, 0, "in 315 g");
	is_str(t.v[0].portion, "a usual portion", "USDA's unspecified quantity, said plainly");
	is_num(t.v[0].per100, 507, 1e-9, "507 mg per 100 g");
	is_num(t.v[1].value, 1519.05, 1e-9, "then the plain one, 1519.05 mg");
	nt_top_fini(&t);

	/* the butter is dairy: a vegan list starts with the plain potato */
	is_int(nt_report_top(s, NT_POTASSIUM, NT_DIET_VEGAN, 0, 1, &t, &err), NT_OK, "vegan");
	is_str(t.v[0].ref, "fndds:71508001", "no butter for a vegan");
	nt_top_fini(&t);

	/* SR28's ingredients only when asked: walnuts 9.08 g x 1.17 = 10.6236 g */
	is_int(nt_report_top(s, NT_OMEGA3, NT_DIET_VEGAN, NT_TOP_INGREDIENTS, 1, &t, &err),
	       NT_OK, "with ingredients");
	is_str(t.v[0].ref, "sr28:12155", "walnuts");
	is_num(t.v[0].value, 10.6236, 1e-9, "10.6236 g in 1 cup, chopped");
	is_str(t.v[0].portion, "1 cup, chopped", "the portion named");
	nt_top_fini(&t);

	/*
	 * Vegan B12, everyday advice: label:1 nutritional yeast 150 ug x 0.10 =
	 * 15 ug, then fndds:57308400 multigrain O's 5.89 ug x 0.30 = 1.767 ug (the
	 * acai juice blend, 3.4 ug x 2.48 = 8.432 ug, is a sugary "vitamin" drink:
	 * not advice).
	 * With foods that are not advice: fndds:95310700 energy drink 3.77 ug x
	 * 4.96 = 18.6992 ug first; never for someone under 18.  Supplements
	 * (label:2..9) never rank, even with ingredients and any diet.
	 */
	is_int(nt_report_top(s, NT_B12, NT_DIET_VEGAN, 0, 2, &t, &err), NT_OK, "vegan B12");
	is_str(t.v[0].ref, "label:1", "nutritional yeast first");
	is_num(t.v[0].value, 15, 1e-9, "15 ug in 2 tbsp");
	is_str(t.v[1].ref, "fndds:57308400", "then multigrain O's, not a sugary drink");
	is_num(t.v[1].value, 1.767, 1e-9, "1.767 ug in 30 g");
	nt_top_fini(&t);
	is_int(nt_report_top(s, NT_B12, NT_DIET_VEGAN, NT_TOP_NOT_ADVICE, 2, &t, &err), NT_OK,
	       "vegan B12, everything");
	is_str(t.v[0].ref, "fndds:95310700", "a fortified energy drink");
	is_num(t.v[0].value, 18.6992, 1e-9, "18.6992 ug");
	is_str(t.v[1].ref, "label:1", "then nutritional yeast");
	nt_top_fini(&t);
	is_int(nt_report_top(s, NT_B12, NT_DIET_VEGAN, NT_TOP_NOT_ADVICE | NT_TOP_NO_ENERGY, 2,
	                     &t, &err), NT_OK, "everything but energy drinks");
	is_str(t.v[0].ref, "label:1", "the yeast first again");
	nt_top_fini(&t);
	/* SR28 Cheerios (6.77 ug) have current values: FNDDS "Cereal, O's, plain" */
	is_int(nt_report_top(s, NT_B12, NT_DIET_VEGAN, NT_TOP_INGREDIENTS, NT_TOP_MAX, &t, &err),
	       NT_OK, "with SR28's foods");
	for (size_t i = 0; i < t.n; i++) {
		cheerios_sr28 |= !strcmp(t.v[i].ref, "sr28:08013");
		cheerios_fndds |= !strcmp(t.v[i].ref, "fndds:57123000");
		product19_dated |= !strcmp(t.v[i].ref, "sr28:08058") && t.v[i].dated;
	}
	ok(!cheerios_sr28 && cheerios_fndds, "the current Cheerios rank, not SR28's");
	ok(product19_dated, "Product 19 (no current food) ranks, flagged as dated");
	nt_top_fini(&t);
	is_int(nt_exclusion_add(s, NT_EXCLUDE_WORD, 0, "energy drink", &id, &err), NT_OK,
	       "exclude energy drinks");
	is_int(nt_report_top(s, NT_B12, NT_DIET_VEGAN, NT_TOP_NOT_ADVICE, 1, &t, &err), NT_OK,
	       "again");
	is_str(t.v[0].ref, "label:1", "exclusions apply: the yeast first");
	nt_top_fini(&t);
	is_int(nt_report_top(s, NT_B12, NT_DIET_OMNIVORE, NT_TOP_ANY_DIET | NT_TOP_INGREDIENTS,
	                     1000, &t, &err), NT_OK, "a thousand, everything");
	is_int((int)t.n, 1000, "a thousand");
	for (size_t i = 0; i < t.n; i++)
		if (!strncmp(t.v[i].ref, "label:", 6) && strcmp(t.v[i].ref, "label:1"))
			label_only = false;
	ok(label_only, "no supplement among them");
	for (size_t i = 1; i < t.n; i++)
		if (t.v[i].value > t.v[i - 1].value)
			tap_bail("not sorted at %zu", i);
	ok(t.v[999].value > 0, "all with some B12");
	nt_top_fini(&t);
	is_int(nt_exclusion_remove(s, id, &err), NT_OK, "exclusion removed");

	/*
	 * A custom food's everyday portion follows its portions (triggers on
	 * portions): 20000 mg potassium / 100 g, "1 bar" of 40 g = 8000 mg,
	 * then the portion replaced by "1 bar" of 10 g = 2000 mg.
	 */
	{
		double per100[NT_STORED_COUNT];
		struct nt_portion bar = {1, (char *)"bar", 10};
		long long food;

		for (int k = 0; k < NT_STORED_COUNT; k++)
			per100[k] = NT_UNKNOWN;
		per100[NT_POTASSIUM] = 20000;
		is_int(nt_food_add_custom(s, "Potassium test bar", per100, "bar", 1, 40, &food,
		                          &err), NT_OK, "a custom food with a 40 g bar");
		is_int(nt_report_top(s, NT_POTASSIUM, NT_DIET_OMNIVORE, 0, 1, &t, &err), NT_OK,
		       "top potassium");
		is_str(t.v[0].name, "Potassium test bar", "the bar leads");
		is_num(t.v[0].value, 8000, 1e-9, "8000 mg in 1 bar (40 g)");
		nt_top_fini(&t);
		is_int(nt_food_put_portions(s, food, true, &bar, 1, &err), NT_OK, "a 10 g bar now");
		is_int(nt_report_top(s, NT_POTASSIUM, NT_DIET_OMNIVORE, 0, 1, &t, &err), NT_OK,
		       "top potassium again");
		is_num(t.v[0].value, 2000, 1e-9, "2000 mg in the new bar (10 g)");
		nt_top_fini(&t);
	}
}

static char *
slurp(FILE *fp)
{
	long n;
	char *buf;

	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	if (!(buf = calloc((size_t)n + 1, 1)) || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		tap_bail("read back");
	return buf;
}

static void
test_html(long mar)
{
	struct nt_report r;
	struct nt_err err;
	FILE *fp, *full;
	char *html;

	if (nt_report_range(s, mar + 1, mar + 10, &r, &err))
		tap_bail("range: %s", err.msg);
	if (!(fp = tmpfile()))
		tap_bail("tmpfile");
	is_int(nt_report_html(fp, &r, "B12 <b>& \"omega\"</b>", &err), NT_OK, "HTML written");
	html = slurp(fp);
	ok(!strncmp(html, "<!DOCTYPE html>", 15), "a whole page");
	ok(strstr(html, "B12 &lt;b&gt;&amp; &quot;omega&quot;&lt;/b&gt;") != NULL,
	   "the title escaped");
	ok(!strstr(html, "<b>"), "nothing unescaped");
	ok(strstr(html, "4.20") && strstr(html, "1.77"), "03-03's B12 and the average");
	ok(strstr(html, "<svg") != NULL, "SVG charts");
	ok(!strstr(html, "<script") && !strstr(html, "http://") && !strstr(html, "https://"),
	   "no scripts, nothing fetched");
	free(html);
	fclose(fp);
	if ((full = fopen("/dev/full", "w"))) {
		is_int(nt_report_html(full, &r, "x", &err), NT_ERR_IO, "a full disk is an error");
		fclose(full);
	} else {
		ok(1, "# SKIP no /dev/full");
	}
	nt_report_fini(&r);
}

/*
 * The clinical detail over 03-02..03-11 (ISO weeks 10 and 11):
 *   absorbed B12, one sitting: 03-03 salmon 4.2 ug: a = min(2.1, 1.5) = 1.5,
 *   1.5 + 0.01 x (4.2 - 1.5) = 1.527 ug; 03-04 banana 0; 03-02 unknown (not
 *   logged).  Week 10: 2 days logged, no fortified food, no routine.  The lab
 *   results: 03-05's 300 pg/mL (x 0.7378 = 221.34 pmol/L) is kept, 02-20's
 *   is before the range.
 */
static void
test_detail(long mar)
{
	struct nt_report r;
	struct nt_err err;
	long long id;
	FILE *fp;
	char *html;

	if (nt_lab_add(s, mar + 4, mar + 10, NT_LAB_B12, 300, "pg/mL", &id, &err) ||
	    nt_lab_add(s, mar - 9, mar + 10, NT_LAB_MMA, 0.3, "umol/L", &id, &err))
		tap_bail("lab add: %s", err.msg);
	if (nt_report_range(s, mar + 1, mar + 10, &r, &err))
		tap_bail("range: %s", err.msg);
	ok(!r.b12_absorbed && !r.weeks && !r.labs, "no detail before nt_report_detail");
	is_int(nt_report_detail(s, &r, &err), NT_OK, "detail read");
	ok(!nt_known(r.b12_absorbed[0]), "03-02 not logged: absorbed unknown");
	is_num(r.b12_absorbed[1], 1.527, 1e-9, "03-03 absorbed 1.527 ug");
	is_num(r.b12_absorbed[2], 0, 1e-12, "03-04 absorbed 0");
	is_int(r.nweeks, 2, "two ISO weeks");
	is_int(r.weeks[0].iso_week, 10, "week 10 first");
	is_int(r.weeks[0].b12.days_logged, 2, "week 10: 2 days logged");
	ok(!r.weeks[0].b12.fortified && !r.weeks[0].b12.daily && !r.weeks[0].b12.weekly,
	   "week 10: no routine");
	is_int(r.nlabs, 1, "one lab result in the range");
	is_num(r.labs[0].entered, 300, 1e-9, "as entered: 300");
	ok(!strcmp(r.labs[0].unit, "pg/mL"), "in pg/mL");
	is_num(r.labs[0].value, 221.34, 1e-9, "221.34 pmol/L");
	if (!(fp = tmpfile()))
		tap_bail("tmpfile");
	is_int(nt_report_html(fp, &r, "x", &err), NT_OK, "HTML with the detail");
	html = slurp(fp);
	ok(strstr(html, ">300 pg/mL</text>") && strstr(html, ">300 pg/mL</td>"),
	   "the lab result on the time axis and in the table");
	ok(strstr(html, "2026-W10") && strstr(html, "none matched"), "the week's routine");
	ok(strstr(html, "<td>4.20</td><td>1.53</td>") != NULL, "03-03 eaten and absorbed");
	free(html);
	fclose(fp);
	nt_report_fini(&r);
	ok(!r.labs && !r.weeks && !r.b12_absorbed, "fini frees the detail");
}

int
main(void)
{
	long mar = nt_date_from_ymd(2026, 3, 1); /* a Sunday */

	s = fixture_open(true);
	add(mar + 2, NT_DINNER, "sr28:15237", 150);
	add(mar + 3, NT_BREAKFAST, "sr28:09040", 118);
	add(mar + 9, NT_BREAKFAST, "sr28:01211", 244);
	test_range(mar);
	test_trend(mar);
	test_top();
	test_html(mar);
	test_detail(mar);
	nt_store_close(s);
	return tap_done();
}
