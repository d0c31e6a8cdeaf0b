/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_date.c - calendar days: conversion, parsing, ISO weeks, weekday names, today. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "tap.h"

/*
 * Day numbers worked out by hand (days since 1970-01-01):
 *   2000-01-01: 30 years * 365 + 7 leap days (1972..1996) = 10957
 *   2024-01-01: 54 * 365 + 13 leap days (1972..2020) = 19723
 *   2024-02-29: 19723 + 31 + 28 = 19782
 *   2025-01-01: 55 * 365 + 14 leap days (1972..2024) = 20089
 *   2026-01-01: 56 * 365 + 14 = 20454
 *   2026-03-11: 20454 + 31 + 28 + 10 = 20523
 *   2027-01-01: 20454 + 365 = 20819
 *   1900-01-01: -(70 * 365 + 17 leap days 1904..1968) = -25567
 *   9999-12-31: 20 * 146097 (1970..9970) + 30 * 365 + 7 (9972..9996) - 1
 *             = 2921940 + 10957 - 1 = 2932896
 */
#define D_2000_01_01 10957L
#define D_2024_02_29 19782L
#define D_2024_12_30 20087L
#define D_2026_01_01 20454L
#define D_2026_03_11 20523L
#define D_2027_01_01 20819L
#define D_1900_01_01 (-25567L)
#define D_9999_12_31 2932896L

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int t[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 ? 28 + leap(y) : t[m - 1];
}

static void
test_ymd(void)
{
	int y, m, d;
	long day;
	int bad = 0;
	char buf[NT_DATE_LEN];

	is_int(nt_date_from_ymd(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(nt_date_from_ymd(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(nt_date_from_ymd(2000, 1, 1), D_2000_01_01, "2000-01-01 is day 10957");
	is_int(nt_date_from_ymd(2024, 2, 29), D_2024_02_29, "2024-02-29 is day 19782");
	is_int(nt_date_from_ymd(2024, 3, 1), D_2024_02_29 + 1, "2024-03-01 follows 2024-02-29");
	is_int(nt_date_from_ymd(2026, 3, 11), D_2026_03_11, "2026-03-11 is day 20523");
	is_int(nt_date_from_ymd(1900, 1, 1), D_1900_01_01, "1900-01-01 is day -25567");
	is_int(nt_date_from_ymd(9999, 12, 31), D_9999_12_31, "9999-12-31 is day 2932896");

	nt_date_to_ymd(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "day -1 -> 1969-12-31");
	nt_date_to_ymd(D_2024_02_29, &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "day 19782 -> 2024-02-29");
	nt_date_to_ymd(D_1900_01_01, &y, &m, &d);
	ok(y == 1900 && m == 1 && d == 1, "day -25567 -> 1900-01-01");
	nt_date_to_ymd(D_9999_12_31, &y, &m, &d);
	ok(y == 9999 && m == 12 && d == 31, "day 2932896 -> 9999-12-31");

	/* Walk every day 1900-01-01 .. 9999-12-31 with an independent calendar. */
	y = 1900, m = 1, d = 1;
	for (day = D_1900_01_01; day <= D_9999_12_31; day++) {
		int yy, mm, dd;

		nt_date_to_ymd(day, &yy, &mm, &dd);
		if (yy != y || mm != m || dd != d || nt_date_from_ymd(y, m, d) != day) {
			if (!bad++)
				printf("# mismatch at day %ld: %d-%d-%d vs %d-%d-%d\n", day,
				       yy, mm, dd, y, m, d);
		}
		if (++d > mdays(y, m)) {
			d = 1;
			if (++m > 12)
				m = 1, y++;
		}
	}
	is_int(bad, 0, "every day 1900..9999 converts both ways");
	ok(y == 10000 && m == 1 && d == 1, "walk ended at 10000-01-01");

	nt_date_format(0, buf);
	is_str(buf, "1970-01-01", "format day 0");
	nt_date_format(D_2024_02_29, buf);
	is_str(buf, "2024-02-29", "format leap day");
	nt_date_format(D_1900_01_01, buf);
	is_str(buf, "1900-01-01", "format 1900-01-01");
	nt_date_format(D_9999_12_31, buf);
	is_str(buf, "9999-12-31", "format 9999-12-31");
	nt_date_format(nt_date_from_ymd(2026, 1, 5), buf);
	is_str(buf, "2026-01-05", "format pads month and day with zeros");
	nt_date_format(nt_date_from_ymd(1999, 12, 31), buf);
	is_str(buf, "1999-12-31", "format 1999-12-31");
}

static void
test_parse_iso(void)
{
	static const char *const bad[] = {
		"2023-02-29", /* 2023 is not a leap year */
		"2024-02-30",
		"2100-02-29", /* centuries are not leap years ... */
		"0000-00-00",
		"10000-01-01",
		"2026-1-5",
		"2026-01-5",
		"2026-13-01",
		"2026-00-10",
		"2026-04-31",
		"2026-01-00",
		"2026-01-32",
		"1899-12-31", /* before NT_DATE_MIN_YEAR */
		"2026/03/11",
		"2026-03-11 ",
		" 2026-03-11",
		"2026-03-1a",
		"20260311",
		"+026-03-11",
		"2026-03-11x",
		"",
		"today",
	};
	long out = 12345;

	is_int(nt_date_parse_iso("2024-02-29", &out), NT_OK, "iso: 2024-02-29 ok");
	is_int(out, D_2024_02_29, "iso: 2024-02-29 value");
	is_int(nt_date_parse_iso("2000-02-29", &out), NT_OK, "iso: 2000-02-29 ok (400-year leap)");
	is_int(out, nt_date_from_ymd(2000, 2, 29), "iso: 2000-02-29 value");
	is_int(nt_date_parse_iso("1900-01-01", &out), NT_OK, "iso: 1900-01-01 ok (lower bound)");
	is_int(out, D_1900_01_01, "iso: 1900-01-01 value");
	is_int(nt_date_parse_iso("9999-12-31", &out), NT_OK, "iso: 9999-12-31 ok (upper bound)");
	is_int(out, D_9999_12_31, "iso: 9999-12-31 value");
	is_int(nt_date_parse_iso("2026-12-31", &out), NT_OK, "iso: 2026-12-31 ok");
	is_int(out, D_2027_01_01 - 1, "iso: 2026-12-31 value");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(nt_date_parse_iso(bad[i], &out), NT_ERR_INVALID, "iso: '%s' rejected", bad[i]);
}

static void
test_parse(void)
{
	static const char *const bad[] = {
		"2023-02-29", "2024-02-30", "0000-00-00", "10000-01-01", "2026-1-5",
		"Today", "now", "", "-", "+", "--5", "+-5", "-5x", "+5 ", "- 5", "-0x10",
		"-1e3", "-36501", "+36501", "-99999999999999999999999", "1899-12-31",
	};
	const long today = D_2026_03_11;
	struct nt_err err;
	long out;

	is_int(nt_date_parse("today", today, &out, &err), NT_OK, "today ok");
	is_int(out, today, "today = given day");
	is_int(nt_date_parse("yesterday", today, &out, &err), NT_OK, "yesterday ok");
	is_int(out, today - 1, "yesterday = day - 1");
	is_int(nt_date_parse("tomorrow", today, &out, &err), NT_OK, "tomorrow ok");
	is_int(out, today + 1, "tomorrow = day + 1");
	is_int(nt_date_parse("-7", today, &out, &err), NT_OK, "-7 ok");
	is_int(out, today - 7, "-7 = a week before");
	is_int(nt_date_parse("+3", today, &out, &err), NT_OK, "+3 ok");
	is_int(out, today + 3, "+3 = three days after");
	is_int(nt_date_parse("-0", today, &out, &err), NT_OK, "-0 ok");
	is_int(out, today, "-0 = today");
	is_int(nt_date_parse("-36500", today, &out, &err), NT_OK, "-36500 ok (the limit)");
	is_int(out, today - 36500, "-36500 value");
	is_int(nt_date_parse("+36500", today, &out, &err), NT_OK, "+36500 ok (the limit)");
	is_int(out, today + 36500, "+36500 value");
	/* 2026-03-11 - 70 days = 2025-12-31 (10 + 28 + 31 = 69 days back to 01-01, +1) */
	is_int(nt_date_parse("-70", today, &out, &err), NT_OK, "-70 ok");
	is_int(out, nt_date_from_ymd(2025, 12, 31), "-70 from 2026-03-11 is 2025-12-31");
	/* relative to a leap day */
	is_int(nt_date_parse("tomorrow", D_2024_02_29, &out, &err), NT_OK, "tomorrow of leap day");
	is_int(out, nt_date_from_ymd(2024, 3, 1), "tomorrow of 2024-02-29 is 2024-03-01");
	is_int(nt_date_parse("yesterday", nt_date_from_ymd(2024, 3, 1), &out, &err), NT_OK,
	       "yesterday of 2024-03-01");
	is_int(out, D_2024_02_29, "yesterday of 2024-03-01 is 2024-02-29");
	is_int(nt_date_parse("2024-02-29", today, &out, &err), NT_OK, "absolute date ok");
	is_int(out, D_2024_02_29, "absolute date ignores today");

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&err, 0, sizeof err);
		is_int(nt_date_parse(bad[i], today, &out, &err), NT_ERR_INVALID,
		       "'%s' rejected", bad[i]);
		ok(err.status == NT_ERR_INVALID && err.msg[0], "'%s' explained: %s", bad[i], err.msg);
	}
	nt_date_parse("2023-02-29", today, &out, &err);
	is_str(err.msg, "invalid date '2023-02-29': use YYYY-MM-DD (a real day, years "
	       "1900-9999), today, yesterday, tomorrow, -N or +N", "message for a non-day");
	nt_date_parse("-36501", today, &out, &err);
	is_str(err.msg, "invalid date '-36501': offsets go up to 36500 days",
	       "message for a too-large offset");
	is_int(nt_date_parse("bogus", today, &out, NULL), NT_ERR_INVALID, "NULL err accepted");
	is_int(nt_date_parse("-1", today, &out, NULL), NT_OK, "NULL err accepted on success");
	is_int(out, today - 1, "-1 with NULL err");
}

static void
test_weeks(void)
{
	int iy, w;

	/* 1970-01-01 was a Thursday; (0 + 3) % 7 = 3 */
	is_int(nt_date_weekday(0), 3, "1970-01-01 is a Thursday");
	is_int(nt_date_weekday(-1), 2, "1969-12-31 is a Wednesday");
	is_int(nt_date_weekday(-3), 0, "1969-12-29 is a Monday");
	is_int(nt_date_weekday(-4), 6, "1969-12-28 is a Sunday");
	is_int(nt_date_weekday(D_1900_01_01), 0, "1900-01-01 is a Monday");
	is_int(nt_date_weekday(D_2026_01_01), 3, "2026-01-01 is a Thursday");
	is_int(nt_date_weekday(D_2027_01_01), 4, "2027-01-01 is a Friday");
	is_int(nt_date_weekday(D_2024_12_30), 0, "2024-12-30 is a Monday");
	is_int(nt_date_weekday(D_2026_03_11), 2, "2026-03-11 is a Wednesday");
	is_int(nt_date_weekday(D_2024_02_29), 3, "2024-02-29 is a Thursday");
	is_int(nt_date_weekday(D_9999_12_31), 4, "9999-12-31 is a Friday");

	is_int(nt_date_week_start(D_2026_03_11), D_2026_03_11 - 2, "week of 2026-03-11 starts 03-09");
	is_int(nt_date_week_start(D_2026_03_11 - 2), D_2026_03_11 - 2, "a Monday starts its own week");
	is_int(nt_date_week_start(D_2026_03_11 + 4), D_2026_03_11 - 2, "Sunday 03-15 is in that week");
	is_int(nt_date_week_start(D_2026_03_11 + 5), D_2026_03_11 + 5, "Monday 03-16 starts the next");
	is_int(nt_date_week_start(0), -3, "week of 1970-01-01 starts 1969-12-29");
	is_int(nt_date_week_start(-4), -10, "week of Sunday 1969-12-28 starts 1969-12-22");

	nt_date_iso_week(D_2026_01_01, &iy, &w);
	ok(iy == 2026 && w == 1, "2026-01-01 is 2026-W01 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2025, 12, 29), &iy, &w);
	ok(iy == 2026 && w == 1, "2025-12-29 (Mon) is 2026-W01 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2025, 12, 28), &iy, &w);
	ok(iy == 2025 && w == 52, "2025-12-28 (Sun) is 2025-W52 (got %d-W%02d)", iy, w);
	nt_date_iso_week(D_2027_01_01, &iy, &w);
	ok(iy == 2026 && w == 53, "2027-01-01 is 2026-W53 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2027, 1, 3), &iy, &w);
	ok(iy == 2026 && w == 53, "2027-01-03 (Sun) is 2026-W53 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2027, 1, 4), &iy, &w);
	ok(iy == 2027 && w == 1, "2027-01-04 (Mon) is 2027-W01 (got %d-W%02d)", iy, w);
	nt_date_iso_week(D_2024_12_30, &iy, &w);
	ok(iy == 2025 && w == 1, "2024-12-30 is 2025-W01 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2024, 12, 29), &iy, &w);
	ok(iy == 2024 && w == 52, "2024-12-29 is 2024-W52 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2021, 1, 3), &iy, &w);
	ok(iy == 2020 && w == 53, "2021-01-03 is 2020-W53 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2010, 1, 3), &iy, &w);
	ok(iy == 2009 && w == 53, "2010-01-03 is 2009-W53 (got %d-W%02d)", iy, w);
	nt_date_iso_week(nt_date_from_ymd(2008, 12, 29), &iy, &w);
	ok(iy == 2009 && w == 1, "2008-12-29 is 2009-W01 (got %d-W%02d)", iy, w);
	/* 2026-03-11: its Thursday 03-12 is 31 + 28 + 11 = 70 days after 01-01; 70 / 7 + 1 = 11 */
	nt_date_iso_week(D_2026_03_11, &iy, &w);
	ok(iy == 2026 && w == 11, "2026-03-11 is 2026-W11 (got %d-W%02d)", iy, w);
	nt_date_iso_week(-1, &iy, &w);
	ok(iy == 1970 && w == 1, "1969-12-31 is 1970-W01 (got %d-W%02d)", iy, w);
	nt_date_iso_week(D_1900_01_01, &iy, &w);
	ok(iy == 1900 && w == 1, "1900-01-01 is 1900-W01 (got %d-W%02d)", iy, w);

	is_str(nt_date_weekday_name(0), "Monday", "weekday 0 name");
	is_str(nt_date_weekday_name(3), "Thursday", "weekday 3 name");
	is_str(nt_date_weekday_name(6), "Sunday", "weekday 6 name");
	is_str(nt_date_weekday_name(7), "?", "weekday 7 name is '?'");
	is_str(nt_date_weekday_name(-1), "?", "weekday -1 name is '?'");
	is_str(nt_date_weekday_abbr(0), "Mon", "weekday 0 abbr");
	is_str(nt_date_weekday_abbr(2), "Wed", "weekday 2 abbr");
	is_str(nt_date_weekday_abbr(6), "Sun", "weekday 6 abbr");
	is_str(nt_date_weekday_abbr(7), "?", "weekday 7 abbr is '?'");
	is_str(nt_date_weekday_abbr(-1), "?", "weekday -1 abbr is '?'");
	is_str(nt_date_weekday_name(nt_date_weekday(D_2027_01_01)), "Friday", "2027-01-01 name");
}

static long
clock_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return nt_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
test_today(void)
{
	struct nt_err err;
	long out = 0, before, after;

	setenv("NUTRACK_TODAY", "2024-02-29", 1);
	is_int(nt_date_today(&out, &err), NT_OK, "NUTRACK_TODAY=2024-02-29 ok");
	is_int(out, D_2024_02_29, "NUTRACK_TODAY value used");

	setenv("NUTRACK_TODAY", "2026-03-11", 1);
	is_int(nt_date_today(&out, NULL), NT_OK, "NUTRACK_TODAY with NULL err");
	is_int(out, D_2026_03_11, "NUTRACK_TODAY=2026-03-11 value");

	setenv("NUTRACK_TODAY", "2023-02-29", 1);
	memset(&err, 0, sizeof err);
	is_int(nt_date_today(&out, &err), NT_ERR_INVALID, "NUTRACK_TODAY=2023-02-29 rejected");
	is_str(err.msg, "NUTRACK_TODAY: invalid date '2023-02-29' (want YYYY-MM-DD)",
	       "NUTRACK_TODAY message");
	setenv("NUTRACK_TODAY", "yesterday", 1);
	is_int(nt_date_today(&out, &err), NT_ERR_INVALID, "NUTRACK_TODAY=yesterday rejected");
	setenv("NUTRACK_TODAY", "-1", 1);
	is_int(nt_date_today(&out, &err), NT_ERR_INVALID, "NUTRACK_TODAY=-1 rejected");
	setenv("NUTRACK_TODAY", "2026-03-11\n", 1);
	is_int(nt_date_today(&out, &err), NT_ERR_INVALID, "NUTRACK_TODAY with newline rejected");

	/* Empty or unset: the local calendar day. */
	setenv("NUTRACK_TODAY", "", 1);
	before = clock_today();
	is_int(nt_date_today(&out, &err), NT_OK, "empty NUTRACK_TODAY uses the clock");
	after = clock_today();
	ok(out == before || out == after, "empty NUTRACK_TODAY gives the local day");
	unsetenv("NUTRACK_TODAY");
	before = clock_today();
	is_int(nt_date_today(&out, &err), NT_OK, "unset NUTRACK_TODAY uses the clock");
	after = clock_today();
	ok(out == before || out == after, "unset NUTRACK_TODAY gives the local day");
}

/* The days nutrack keeps, 1900-01-01 to 9999-12-31: refused up front outside. */
static void
test_range(void)
{
	long first = nt_date_from_ymd(1900, 1, 1), last = nt_date_from_ymd(9999, 12, 31), out = -1;
	struct nt_err err;

	is_int(nt_date_first(), first, "the first day is 1900-01-01");
	is_int(nt_date_last(), last, "the last day is 9999-12-31");
	is_int(nt_date_weekday(first), 0, "1900-01-01 is a Monday: its week is whole");
	/* 9999-12-31 is a Friday: its ISO week runs to 10000-01-02 */
	is_int(nt_date_weekday(last), 4, "9999-12-31 is a Friday");
	ok(nt_date_in_range(first) && nt_date_in_range(last), "both ends are in");
	ok(!nt_date_in_range(first - 1) && !nt_date_in_range(last + 1), "the days beyond are not");

	is_int(nt_date_parse("yesterday", first, &out, &err), NT_ERR_INVALID,
	       "yesterday on 1900-01-01: refused");
	is_str(err.msg, "invalid date 'yesterday': it falls before 1900-01-01, the first day "
	       "nutrack keeps", "... saying why");
	is_int(out, -1, "... and *out untouched");
	is_int(nt_date_parse("tomorrow", last, &out, &err), NT_ERR_INVALID,
	       "tomorrow on 9999-12-31: refused");
	is_str(err.msg, "invalid date 'tomorrow': it falls after 9999-12-31, the last day "
	       "nutrack keeps", "... saying why");
	is_int(nt_date_parse("-1", first, &out, &err), NT_ERR_INVALID, "-1 on 1900-01-01: refused");
	is_int(nt_date_parse("+36500", nt_date_from_ymd(9950, 1, 1), &out, &err), NT_ERR_INVALID,
	       "+36500 from 9950: refused");
	is_int(nt_date_parse("today", first, &out, &err), NT_OK, "today on 1900-01-01 is fine");
	is_int(out, first, "... 1900-01-01");
	is_int(nt_date_parse("+1", last - 1, &out, &err), NT_OK, "+1 on 9999-12-30 is fine");
	is_int(out, last, "... 9999-12-31");

	is_int(nt_date_check_span(first, last, "everything", &err), NT_OK, "the whole range is in");
	is_int(nt_date_check_span(nt_date_week_start(last), nt_date_week_start(last) + 6,
	                          "the week of 9999-12-31", &err), NT_ERR_RANGE,
	       "the week of 9999-12-31 is not");
	is_str(err.msg, "the week of 9999-12-31 runs past 9999-12-31, the last day nutrack keeps",
	       "... saying why");
	is_int(nt_date_check_span(first - 3, first + 3, "a span", &err), NT_ERR_RANGE,
	       "a span from 1899-12-29 is not");
	is_str(err.msg, "a span begins before 1900-01-01, the first day nutrack keeps",
	       "... saying why");
}

int
main(void)
{
	test_range();
	test_ymd();
	test_parse_iso();
	test_parse();
	test_weeks();
	test_today();
	return tap_done();
}
