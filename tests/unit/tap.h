/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tap.h - a tiny Test Anything Protocol emitter for the unit tests. */
#ifndef NT_TAP_H
#define NT_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static void
tap_result(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", ok ? "ok" : "not ok", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	fflush(stdout);
}

/* ok(condition, "description %d", args) */
#define ok(cond, ...) tap_result(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Integer equality with both values shown on failure. */
#define is_int(got, want, ...) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	tap_result(g_ == w_, __FILE__, __LINE__, __VA_ARGS__); \
	if (g_ != w_) printf("#   got %lld, want %lld\n", g_, w_); \
} while (0)

/* Doubles equal within tol (NAN equals NAN: both unknown). */
#define is_num(got, want, tol, ...) do { \
	double g_ = (got), w_ = (want); \
	int same_ = (isnan(g_) && isnan(w_)) || fabs(g_ - w_) <= (tol); \
	tap_result(same_, __FILE__, __LINE__, __VA_ARGS__); \
	if (!same_) printf("#   got %.10g, want %.10g\n", g_, w_); \
} while (0)

#define is_str(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	int same_ = g_ && w_ && !strcmp(g_, w_); \
	tap_result(same_, __FILE__, __LINE__, __VA_ARGS__); \
	if (!same_) printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

/* Ends the test program: prints the plan and returns the exit status. */
static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/* Stops the program when a precondition fails. */
#define tap_bail(...) do { printf("Bail out! "); printf(__VA_ARGS__); putchar('\n'); exit(1); } while (0)

#endif
