/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h - UTF-8 validation, folding for search, and terminal-safe text. */
#ifndef NT_TEXT_H
#define NT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool nt_utf8_valid(const char *s, size_t len);

/*
 * Decodes one UTF-8 sequence at s (at most `len` bytes); stores the code
 * point and returns the byte length, or returns 0 for an invalid sequence.
 */
size_t nt_utf8_decode(const char *s, size_t len, unsigned *cp);

/*
 * Folds text for matching: ASCII lowercased, common Latin accented letters
 * mapped to their base letters (é -> e, ß -> ss, æ -> ae), other bytes kept.
 * Writes at most n-1 bytes and a NUL into out; returns the length written.
 */
size_t nt_text_fold(const char *in, char *out, size_t n);

/* True when s holds a C0/C1 control character or DEL (escape sequences). */
bool nt_text_has_controls(const char *s);

/*
 * A name a person gives a food, recipe or portion: 1 to `max` bytes of
 * valid UTF-8 without control characters, and not blanks only (it would
 * show as an empty line).
 */
#define NT_NAME_MAX 200 /* foods and recipes */
#define NT_UNIT_MAX 60  /* portions: "bar", "scoop (30 g)" */
bool nt_text_name_ok(const char *s, size_t max);

/*
 * Whether cp is a format character: invisible, yet it changes how text
 * around it shows (U+202E RIGHT-TO-LEFT OVERRIDE reverses it, U+200B and
 * U+2060 hide a difference between two names, U+2028 breaks a line).
 */
bool nt_text_is_format(unsigned cp);

/*
 * Copies s into out (size n), replacing control characters and invalid
 * UTF-8 with '?' and showing format characters escaped ("<U+202E>"), so
 * that file content never reaches a terminal raw or reorders what is
 * shown.  Stops before a character that does not fit.
 */
void nt_text_sanitize(const char *s, char *out, size_t n);

/*
 * Strict number reading for files and options: optional sign, digits with
 * at most one '.', optional exponent; nothing before or after; finite.
 * Hex, "inf", "nan" and blanks are refused.
 */
bool nt_text_to_double(const char *s, double *out);

#endif

