/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_date.c - date parsing (date.h) and the calendar arithmetic behind it.
 *
 * Input: two bytes that pick "today" anywhere in the years the journal
 * allows, then the date text as a user types it.  Checks that whatever is
 * accepted is a real day that formats back to the text (ISO dates) or lies
 * within 36500 days of today (offsets), that the strict and the user parser
 * agree, and that days, weekdays and ISO weeks are consistent around the
 * result.
 */
#include "config.h"

#include <ctype.h>

#include "date.h"
#include "fuzz.h"

/* Days convert to a date and back; weeks hang together. */
static void
check_day(long day)
{
	int y, m, d, iy, wk, iy2, wk2;
	char buf[NT_DATE_LEN];
	long back;

	nt_date_to_ymd(day, &y, &m, &d);
	FUZZ_CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31, "day %ld is %d-%d-%d", day, y, m, d);
	FUZZ_CHECK(nt_date_from_ymd(y, m, d) == day, "day %ld does not come back", day);
	FUZZ_CHECK(nt_date_weekday(day) >= 0 && nt_date_weekday(day) <= 6, "weekday");
	FUZZ_CHECK(nt_date_weekday(day + 1) == (nt_date_weekday(day) + 1) % 7, "weekdays");
	FUZZ_CHECK(nt_date_weekday(nt_date_week_start(day)) == 0 &&
	           day - nt_date_week_start(day) <= 6 && nt_date_week_start(day) <= day,
	           "week start of %ld", day);
	nt_date_iso_week(day, &iy, &wk);
	FUZZ_CHECK(wk >= 1 && wk <= 53 && iy >= y - 1 && iy <= y + 1, "ISO week %d-W%d of %ld",
	           iy, wk, day);
	nt_date_iso_week(nt_date_week_start(day) + 7, &iy2, &wk2);
	FUZZ_CHECK((iy2 == iy && wk2 == wk + 1) || (iy2 == iy + 1 && wk2 == 1),
	           "week after %d-W%d is %d-W%d", iy, wk, iy2, wk2);
	nt_date_format(day, buf);
	FUZZ_CHECK(strlen(buf) == 10, "format '%s'", buf);
	if (y >= NT_DATE_MIN_YEAR && y <= NT_DATE_MAX_YEAR) {
		FUZZ_CHECK(nt_date_parse_iso(buf, &back) == NT_OK && back == day,
		           "'%s' does not parse back to %ld", buf, day);
	}
}

/* True for "-N"/"+N" with digits only (the offsets the parser accepts). */
static bool
is_offset(const char *s)
{
	if (s[0] != '-' && s[0] != '+')
		return false;
	if (!s[1])
		return false;
	for (const char *p = s + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

static char env_today[8192];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long lo = nt_date_from_ymd(NT_DATE_MIN_YEAR, 1, 1);
	long hi = nt_date_from_ymd(NT_DATE_MAX_YEAR, 12, 31);
	unsigned pick = fuzz_byte(&data, &size) << 8;
	long today, out = 0, iso = 0;
	char *s;
	struct nt_err err;
	enum nt_status st, st_iso;

	pick |= fuzz_byte(&data, &size);
	today = lo + (long)((double)pick / 65535.0 * (double)(hi - lo));
	s = fuzz_strndup(data, size);

	memset(&err, 0, sizeof err);
	st = nt_date_parse(s, today, &out, &err);
	st_iso = nt_date_parse_iso(s, &iso);
	if (st_iso == NT_OK) {
		char buf[NT_DATE_LEN];

		FUZZ_CHECK(st == NT_OK && out == iso, "ISO '%s' refused by nt_date_parse", s);
		nt_date_format(iso, buf);
		FUZZ_CHECK(!strcmp(buf, s), "'%s' formats as '%s'", s, buf);
		FUZZ_CHECK(iso >= lo && iso <= hi, "'%s' out of the years allowed", s);
	}
	if (st == NT_OK) {
		if (st_iso != NT_OK) {
			bool word = !strcmp(s, "today") || !strcmp(s, "yesterday") ||
			            !strcmp(s, "tomorrow");

			FUZZ_CHECK(word || is_offset(s), "'%s' accepted", s);
			FUZZ_CHECK(out - today <= 36500 && today - out <= 36500,
			           "'%s' is %ld days from today", s, out - today);
		}
		check_day(out);
	} else {
		FUZZ_CHECK(st == NT_ERR_INVALID, "status %d", (int)st);
		FUZZ_CHECK_ERR(st, err);
	}
	check_day(today);

	/* The arithmetic on any day the input names (years 0 to 10000). */
	if (size >= 4) {
		uint32_t v;
		long first = nt_date_from_ymd(0, 1, 1), last = nt_date_from_ymd(10000, 12, 31);

		memcpy(&v, data, sizeof v);
		check_day(first + (long)(v % (uint32_t)(last - first + 1)));
	}

	/*
	 * NUTRACK_TODAY goes through the strict parser.  putenv with one
	 * buffer: setenv would keep every value ever set (glibc cannot free
	 * them), which millions of runs turn into gigabytes.
	 */
	if (strlen(s) + 15 <= sizeof env_today) {
		long t = 0;

		snprintf(env_today, sizeof env_today, "NUTRACK_TODAY=%s", s);
		if (putenv(env_today) != 0)
			abort();
		memset(&err, 0, sizeof err);
		st = nt_date_today(&t, &err);
		if (s[0]) {
			FUZZ_CHECK(st == st_iso && (st != NT_OK || t == iso),
			           "NUTRACK_TODAY='%s' gives status %d", s, (int)st);
			if (st != NT_OK)
				FUZZ_CHECK_ERR(st, err);
		}
		unsetenv("NUTRACK_TODAY");
	}
	free(s);
	return 0;
}
