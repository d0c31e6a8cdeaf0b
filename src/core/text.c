/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - UTF-8 helpers. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

size_t
nt_utf8_decode(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t n;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool
nt_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	unsigned cp;

	while (i < len) {
		size_t n = nt_utf8_decode(s + i, len - i, &cp);

		if (!n)
			return false;
		i += n;
	}
	return true;
}

/* Base letters for U+00C0..U+00FF; "" keeps the character as it is. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

static const char *
fold_cp(unsigned cp)
{
	if (cp >= 0xc0 && cp <= 0xff)
		return latin1[cp - 0xc0];
	switch (cp) {
	case 0x152: case 0x153: return "oe";
	case 0x160: case 0x161: return "s";
	case 0x17d: case 0x17e: return "z";
	case 0x178: return "y";
	case 0x10c: case 0x10d: case 0x106: case 0x107: return "c";
	case 0x11a: case 0x11b: case 0x118: case 0x119: return "e";
	case 0x141: case 0x142: return "l";
	case 0x143: case 0x144: case 0x147: case 0x148: return "n";
	case 0x158: case 0x159: return "r";
	case 0x15a: case 0x15b: case 0x15e: case 0x15f: return "s";
	case 0x16e: case 0x16f: return "u";
	case 0x11f: case 0x11e: return "g";
	case 0x131: return "i";
	default: return "";
	}
}

size_t
nt_text_fold(const char *in, char *out, size_t n)
{
	size_t len = strlen(in), i = 0, o = 0;

	if (n == 0)
		return 0;
	while (i < len && o + 1 < n) {
		unsigned cp;
		size_t k;
		const char *rep;

		if ((unsigned char)in[i] < 0x80) { /* the common case, kept cheap */
			char c = in[i++];

			out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
			continue;
		}
		k = nt_utf8_decode(in + i, len - i, &cp);
		if (k == 0) { /* keep a stray byte as it is */
			out[o++] = in[i++];
			continue;
		}
		if (cp < 0x80) {
			out[o++] = (cp >= 'A' && cp <= 'Z') ? (char)(cp + 32) : (char)cp;
		} else if (*(rep = fold_cp(cp))) {
			size_t r = strlen(rep);

			if (o + r >= n)
				break;
			memcpy(out + o, rep, r);
			o += r;
		} else {
			if (o + k >= n)
				break;
			memcpy(out + o, in + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return o;
}

static bool
is_control(unsigned cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

bool
nt_text_has_controls(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		unsigned cp;
		size_t k = nt_utf8_decode(s + i, len - i, &cp);

		if (k == 0) { /* invalid UTF-8 is reported separately; look on */
			i++;
			continue;
		}
		if (is_control(cp))
			return true;
		i += k;
	}
	return false;
}

bool
nt_text_is_format(unsigned cp)
{
	/* Unicode's format characters (general category Cf) and the line and
	 * paragraph separators (Zl, Zp) */
	return cp == 0xad || (cp >= 0x600 && cp <= 0x605) || cp == 0x61c || cp == 0x6dd ||
	       cp == 0x70f || cp == 0x890 || cp == 0x891 || cp == 0x8e2 || cp == 0x180e ||
	       (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206f) ||
	       cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0x110bd ||
	       cp == 0x110cd || (cp >= 0x13430 && cp <= 0x1343f) ||
	       (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a) ||
	       cp == 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f);
}

void
nt_text_sanitize(const char *s, char *out, size_t n)
{
	size_t len = strlen(s), i = 0, o = 0;

	if (n == 0)
		return;
	while (i < len && o + 1 < n) {
		unsigned cp;
		size_t k = nt_utf8_decode(s + i, len - i, &cp);

		if (k == 0 || is_control(cp)) {
			out[o++] = '?';
			i += k ? k : 1;
			continue;
		}
		if (nt_text_is_format(cp)) {
			char esc[16];
			int m = snprintf(esc, sizeof esc, "<U+%04X>", cp);

			if (o + (size_t)m >= n)
				break;
			memcpy(out + o, esc, (size_t)m);
			o += (size_t)m;
			i += k;
			continue;
		}
		if (o + k >= n)
			break;
		memcpy(out + o, s + i, k);
		o += k;
		i += k;
	}
	out[o] = '\0';
}

bool
nt_text_to_double(const char *s, double *out)
{
	const char *p = s;
	bool digits = false;
	char *end;
	double v;

	if (*p == '-' || *p == '+')
		p++;
	while (isdigit((unsigned char)*p))
		p++, digits = true;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits = true;
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p)
		return false;
	v = strtod(s, &end);
	if (*end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

bool
nt_text_name_ok(const char *s, size_t max)
{
	size_t len = strlen(s);

	return len > 0 && len <= max && strspn(s, " ") < len && nt_utf8_valid(s, len) &&
	       !nt_text_has_controls(s);
}
