/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.c - calendar arithmetic (days from civil, after H. Hinnant). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

long
nt_date_from_ymd(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
nt_date_to_ymd(long day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static int
days_in_month(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : mdays[m - 1];
}

void
nt_date_format(long day, char buf[NT_DATE_LEN])
{
	int y, m, d;

	nt_date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	snprintf(buf, NT_DATE_LEN, "%04d-%02d-%02d", y, m, d);
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum nt_status
nt_date_parse_iso(const char *s, long *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return NT_ERR_INVALID;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < NT_DATE_MIN_YEAR || y > NT_DATE_MAX_YEAR || m < 1 || m > 12 ||
	    d < 1 || d > days_in_month(y, m))
		return NT_ERR_INVALID;
	*out = nt_date_from_ymd(y, m, d);
	return NT_OK;
}

long
nt_date_first(void)
{
	return nt_date_from_ymd(NT_DATE_MIN_YEAR, 1, 1);
}

long
nt_date_last(void)
{
	return nt_date_from_ymd(NT_DATE_MAX_YEAR, 12, 31);
}

bool
nt_date_in_range(long day)
{
	return day >= nt_date_first() && day <= nt_date_last();
}

enum nt_status
nt_date_check_span(long first, long last, const char *what, struct nt_err *err)
{
	if (first < nt_date_first())
		return nt_err_set(err, NT_ERR_RANGE, "%s begins before %04d-01-01, the first day "
		                  "nutrack keeps", what, NT_DATE_MIN_YEAR);
	if (last > nt_date_last())
		return nt_err_set(err, NT_ERR_RANGE, "%s runs past %04d-12-31, the last day "
		                  "nutrack keeps", what, NT_DATE_MAX_YEAR);
	return NT_OK;
}

/* A date counted from today, when it is one nutrack keeps. */
static enum nt_status
relative(const char *s, long today, long n, long *out, struct nt_err *err)
{
	long day = today + n;

	if (!nt_date_in_range(day))
		return nt_err_set(err, NT_ERR_INVALID,
		                  "invalid date '%.40s': it falls %s %04d-%s, the %s day nutrack keeps",
		                  s, day < nt_date_first() ? "before" : "after",
		                  day < nt_date_first() ? NT_DATE_MIN_YEAR : NT_DATE_MAX_YEAR,
		                  day < nt_date_first() ? "01-01" : "12-31",
		                  day < nt_date_first() ? "first" : "last");
	*out = day;
	return NT_OK;
}

enum nt_status
nt_date_parse(const char *s, long today, long *out, struct nt_err *err)
{
	if (!strcmp(s, "today"))
		return relative(s, today, 0, out, err);
	if (!strcmp(s, "yesterday"))
		return relative(s, today, -1, out, err);
	if (!strcmp(s, "tomorrow"))
		return relative(s, today, 1, out, err);
	if ((s[0] == '-' || s[0] == '+') && isdigit((unsigned char)s[1])) {
		char *end;
		long n;

		errno = 0;
		n = strtol(s + 1, &end, 10);
		if (*end || errno || n > 36500)
			return nt_err_set(err, NT_ERR_INVALID,
			                  "invalid date '%s': offsets go up to 36500 days",
			                  s);
		return relative(s, today, s[0] == '-' ? -n : n, out, err);
	}
	if (nt_date_parse_iso(s, out) == NT_OK)
		return NT_OK;
	return nt_err_set(err, NT_ERR_INVALID,
	                  "invalid date '%.40s': use YYYY-MM-DD (a real day, years %d-%d), "
	                  "today, yesterday, tomorrow, -N or +N",
	                  s, NT_DATE_MIN_YEAR, NT_DATE_MAX_YEAR);
}

int
nt_date_weekday(long day)
{
	/* 1970-01-01 was a Thursday (ISO weekday index 3). */
	long wd = (day + 3) % 7;

	return (int)(wd < 0 ? wd + 7 : wd);
}

long
nt_date_week_start(long day)
{
	return day - nt_date_weekday(day);
}

void
nt_date_iso_week(long day, int *iso_year, int *week)
{
	/* The ISO week belongs to the year holding its Thursday. */
	long thursday = nt_date_week_start(day) + 3;
	int y, m, d;

	nt_date_to_ymd(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thursday - nt_date_from_ymd(y, 1, 1)) / 7 + 1);
}

static const char *const wd_names[] = {"Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const wd_abbr[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

const char *
nt_date_weekday_name(int weekday)
{
	return weekday >= 0 && weekday < 7 ? wd_names[weekday] : "?";
}

const char *
nt_date_weekday_abbr(int weekday)
{
	return weekday >= 0 && weekday < 7 ? wd_abbr[weekday] : "?";
}

enum nt_status
nt_date_today(long *out, struct nt_err *err)
{
	const char *env = getenv("NUTRACK_TODAY");
	time_t now;
	struct tm tm;

	if (env && *env) {
		if (nt_date_parse_iso(env, out) != NT_OK)
			return nt_err_set(err, NT_ERR_INVALID,
			                  "NUTRACK_TODAY: invalid date '%.40s' (want YYYY-MM-DD)",
			                  env);
		return NT_OK;
	}
	now = time(NULL);
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return nt_err_set(err, NT_ERR_IO, "cannot read the system clock");
	*out = nt_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return NT_OK;
}
