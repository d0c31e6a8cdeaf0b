/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_text.c - text.h: UTF-8 validation and decoding, folding, sanitizing,
 * and the strict number reader used for every number in a file.
 *
 * Input: a byte giving the output buffer size for folding and sanitizing
 * (1-256), then the text.  The validator and decoder are compared with an
 * independent decoder written from the Unicode standard's table of
 * well-formed byte sequences; fold and sanitize are checked for the bounds
 * of their buffer (sized exactly, so AddressSanitizer sees any overrun) and
 * for what they promise about their output; the number reader is compared
 * with its grammar and strtod.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>

#include "fuzz.h"
#include "text.h"

/* Whether s (valid or not) holds a format character that sanitize escapes. */
static bool
has_format(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		unsigned cp;
		size_t k = nt_utf8_decode(s + i, len - i, &cp);

		if (k && nt_text_is_format(cp))
			return true;
		i += k ? k : 1;
	}
	return false;
}

/* Length of the well-formed sequence at s (Unicode table 3-7), or 0. */
static size_t
ref_seq(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned char b = s[0];
	unsigned lo = 0x80, hi = 0xbf;
	size_t n;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xc2 && b <= 0xdf)
		n = 2, *cp = b & 0x1f;
	else if (b >= 0xe0 && b <= 0xef)
		n = 3, *cp = b & 0x0f;
	else if (b >= 0xf0 && b <= 0xf4)
		n = 4, *cp = b & 0x07;
	else
		return 0;
	if (b == 0xe0)
		lo = 0xa0;
	else if (b == 0xed)
		hi = 0x9f;
	else if (b == 0xf0)
		lo = 0x90;
	else if (b == 0xf4)
		hi = 0x8f;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return n;
}

static bool
ref_valid(const unsigned char *s, size_t len)
{
	unsigned cp;

	for (size_t i = 0, k; i < len; i += k)
		if (!(k = ref_seq(s + i, len - i, &cp)))
			return false;
	return true;
}

/* The strict number grammar of text.h: [+-]digits[.digits][e[+-]digits]. */
static bool
ref_number_syntax(const char *s)
{
	const char *p = s;
	bool digits = false;

	if (*p == '+' || *p == '-')
		p++;
	for (; isdigit((unsigned char)*p); p++)
		digits = true;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits = true;
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return *p == '\0';
}

static bool
has_upper_ascii(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = fuzz_byte(&data, &size) + 1;
	const unsigned char *u = data;
	char *s = fuzz_strndup(data, size), *out, *out2, *big;
	size_t slen = strlen(s), r;
	bool valid = nt_utf8_valid((const char *)data, size);
	double v;

	/* validation and decoding, over the raw bytes (NULs included) */
	FUZZ_CHECK(valid == ref_valid(u, size), "nt_utf8_valid says %d", valid);
	for (size_t i = 0; i < size; i++) {
		unsigned cp = 0, rcp = 0;
		size_t k = nt_utf8_decode((const char *)data + i, size - i, &cp);
		size_t rk = ref_seq(u + i, size - i, &rcp);

		FUZZ_CHECK(k == rk && (!k || cp == rcp), "decode at %zu: %zu/%x, want %zu/%x",
		           i, k, cp, rk, rcp);
	}
	FUZZ_CHECK(nt_utf8_decode((const char *)data, 0, &(unsigned){0}) == 0, "empty decode");

	/* folding, into a buffer of n bytes exactly */
	out = malloc(n);
	r = nt_text_fold(s, out, n);
	FUZZ_CHECK(r < n && strlen(out) == r, "fold wrote %zu into %zu", r, n);
	FUZZ_CHECK(!has_upper_ascii(out), "fold left capitals: '%s'", out);
	if (nt_utf8_valid(s, slen))
		FUZZ_CHECK(nt_utf8_valid(out, r), "fold made invalid UTF-8 of valid text");
	/* with room for all of it: no longer than the text, and idempotent */
	big = malloc(slen + 1);
	out2 = malloc(slen + 1);
	r = nt_text_fold(s, big, slen + 1);
	FUZZ_CHECK(r <= slen, "fold grew %zu to %zu bytes", slen, r);
	FUZZ_CHECK(nt_text_fold(big, out2, slen + 1) == r && !strcmp(big, out2),
	           "fold is not idempotent");
	/* a prefix of the full fold, cut at a character boundary */
	r = nt_text_fold(s, out, n);
	FUZZ_CHECK(!strncmp(out, big, r), "fold into %zu bytes differs from the full fold", n);
	free(out2);
	free(out);

	/*
	 * sanitizing, into n bytes and into enough: a format character grows
	 * to its escape, at most 4 times (the 2-byte U+00AD to "<U+00AD>")
	 */
	out = malloc(n);
	nt_text_sanitize(s, out, n);
	r = strlen(out);
	FUZZ_CHECK(r < n, "sanitize wrote %zu into %zu", r, n);
	FUZZ_CHECK(nt_utf8_valid(out, r) && !nt_text_has_controls(out) && !has_format(out),
	           "sanitize left control, format or invalid bytes");
	free(big);
	big = malloc(4 * slen + 1);
	nt_text_sanitize(s, big, 4 * slen + 1);
	FUZZ_CHECK(strlen(big) <= 4 * slen, "sanitize grew the text past 4 times");
	FUZZ_CHECK(!strncmp(out, big, r), "sanitize into %zu bytes differs", n);
	if (nt_utf8_valid(s, slen) && !nt_text_has_controls(s) && !has_format(s))
		FUZZ_CHECK(!strcmp(big, s), "sanitize changed clean text");
	else
		FUZZ_CHECK(strcmp(big, s) != 0, "sanitize kept unclean text");
	nt_text_sanitize(s, out, 0); /* writes nothing */
	free(out);
	free(big);

	/* the strict number reader */
	v = NAN;
	if (nt_text_to_double(s, &v)) {
		char *end;
		double w;

		errno = 0;
		w = strtod(s, &end);
		FUZZ_CHECK(ref_number_syntax(s) && isfinite(v) && !*end && w == v,
		           "'%s' read as %g", s, v);
	} else {
		FUZZ_CHECK(isnan(v), "failure changed the output");
		if (ref_number_syntax(s))
			FUZZ_CHECK(!isfinite(strtod(s, NULL)), "'%s' refused", s);
	}
	free(s);
	return 0;
}
