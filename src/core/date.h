/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.h - calendar days: parsing, formatting, ISO weeks, "today". */
#ifndef NT_DATE_H
#define NT_DATE_H

#include <stdbool.h>

#include "status.h"

/*
 * A day is a `long` counting days since 1970-01-01 in the proleptic
 * Gregorian calendar.  Journal dates are days; there is no time of day.
 */

/*
 * The days nutrack keeps: 1900-01-01 (a Monday) to 9999-12-31.  A date
 * outside is refused wherever it comes from (typed, relative to today, a
 * file, a span of days a command would cover), before anything is written.
 */
#define NT_DATE_MIN_YEAR 1900
#define NT_DATE_MAX_YEAR 9999
#define NT_DATE_LEN 11 /* "YYYY-MM-DD" plus NUL */

long nt_date_first(void); /* 1900-01-01 */
long nt_date_last(void);  /* 9999-12-31 */
bool nt_date_in_range(long day);

/*
 * NT_OK when every day from first to last (first <= last) is one nutrack
 * keeps; else NT_ERR_RANGE saying that `what` ("the week of 9999-12-31",
 * "3 days from 9999-12-30") runs before the first or past the last day.
 */
enum nt_status nt_date_check_span(long first, long last, const char *what,
                                  struct nt_err *err);

long nt_date_from_ymd(int y, int m, int d);
void nt_date_to_ymd(long day, int *y, int *m, int *d);

/* Writes "YYYY-MM-DD" into buf (NT_DATE_LEN bytes); for days nutrack keeps. */
void nt_date_format(long day, char buf[NT_DATE_LEN]);

/*
 * Parses a user date: "YYYY-MM-DD" (a real calendar day between years
 * NT_DATE_MIN_YEAR and NT_DATE_MAX_YEAR), "today", "yesterday",
 * "tomorrow", "-N" (N days before today) or "+N" (N days after), N <= 36500;
 * a relative date must also fall in those years.  On failure returns
 * NT_ERR_INVALID and explains in err.
 */
enum nt_status nt_date_parse(const char *s, long today, long *out,
                             struct nt_err *err);

/* Strict "YYYY-MM-DD" only (for files and the database). */
enum nt_status nt_date_parse_iso(const char *s, long *out);

/* ISO weekday: 0 = Monday ... 6 = Sunday. */
int nt_date_weekday(long day);

/* The Monday of the ISO week holding `day`. */
long nt_date_week_start(long day);

/* ISO 8601 week-numbering year and week (1..53) of `day`. */
void nt_date_iso_week(long day, int *iso_year, int *week);

/* English weekday name ("Monday") and 3-letter abbreviation ("Mon"). */
const char *nt_date_weekday_name(int weekday);
const char *nt_date_weekday_abbr(int weekday);

/*
 * Today's date: the NUTRACK_TODAY environment variable (YYYY-MM-DD) when
 * set, so tests never depend on the clock; else the local calendar day.
 */
enum nt_status nt_date_today(long *out, struct nt_err *err);

#endif
