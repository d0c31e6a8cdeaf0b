/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c - UTF-8 decoding and validation, folding, control checks, sanitizing, numbers. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "text.h"
#include "tap.h"

/* Decodes s (len bytes); checks the length and, when valid, the code point. */
static void
decode(const char *s, size_t len, size_t want_n, unsigned want_cp, const char *what)
{
	unsigned cp = 0xdeadbeef;
	size_t n = nt_utf8_decode(s, len, &cp);

	is_int(n, want_n, "decode %s: length %zu", what, want_n);
	if (want_n)
		is_int(cp, want_cp, "decode %s: U+%04X", what, want_cp);
}

static void
test_decode(void)
{
	decode("A", 1, 1, 0x41, "'A'");
	decode("", 1, 1, 0, "NUL byte");
	decode("\x7f", 1, 1, 0x7f, "DEL");
	decode("\xc2\x80", 2, 2, 0x80, "U+0080 (smallest 2-byte)");
	decode("\xc3\xa9", 2, 2, 0xe9, "e acute");
	decode("\xdf\xbf", 2, 2, 0x7ff, "U+07FF (largest 2-byte)");
	decode("\xe0\xa0\x80", 3, 3, 0x800, "U+0800 (smallest 3-byte)");
	decode("\xe2\x82\xac", 3, 3, 0x20ac, "euro sign");
	decode("\xed\x9f\xbf", 3, 3, 0xd7ff, "U+D7FF (below surrogates)");
	decode("\xee\x80\x80", 3, 3, 0xe000, "U+E000 (above surrogates)");
	decode("\xef\xbf\xbf", 3, 3, 0xffff, "U+FFFF");
	decode("\xf0\x90\x80\x80", 4, 4, 0x10000, "U+10000 (smallest 4-byte)");
	decode("\xf0\x9f\x98\x80", 4, 4, 0x1f600, "emoji");
	decode("\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff, "U+10FFFF (largest)");
	decode("\xc3\xa9xyz", 5, 2, 0xe9, "reads only one sequence");

	decode("", 0, 0, 0, "zero length");
	decode("\x80", 1, 0, 0, "lone continuation byte");
	decode("\xbf", 1, 0, 0, "lone continuation byte 0xbf");
	decode("\xc0\x80", 2, 0, 0, "overlong NUL (c0 80)");
	decode("\xc1\xbf", 2, 0, 0, "overlong c1 bf");
	decode("\xe0\x80\x80", 3, 0, 0, "overlong 3-byte NUL");
	decode("\xe0\x9f\xbf", 3, 0, 0, "overlong U+07FF in 3 bytes");
	decode("\xf0\x80\x80\x80", 4, 0, 0, "overlong 4-byte NUL");
	decode("\xf0\x8f\xbf\xbf", 4, 0, 0, "overlong U+FFFF in 4 bytes");
	decode("\xed\xa0\x80", 3, 0, 0, "surrogate U+D800");
	decode("\xed\xbf\xbf", 3, 0, 0, "surrogate U+DFFF");
	decode("\xf4\x90\x80\x80", 4, 0, 0, "U+110000 (too large)");
	decode("\xf5\x80\x80\x80", 4, 0, 0, "lead byte f5");
	decode("\xff", 1, 0, 0, "byte ff");
	decode("\xfe", 1, 0, 0, "byte fe");
	decode("\xc3", 1, 0, 0, "truncated 2-byte");
	decode("\xc3\xa9", 1, 0, 0, "2-byte cut by len");
	decode("\xe2\x82", 2, 0, 0, "truncated 3-byte");
	decode("\xf0\x9f\x98", 3, 0, 0, "truncated 4-byte");
	decode("\xc3\x41", 2, 0, 0, "bad continuation");
	decode("\xe2\x82\x41", 3, 0, 0, "bad third byte");
	decode("\xc3\xc3", 2, 0, 0, "lead byte as continuation");
}

static void
test_valid(void)
{
	ok(nt_utf8_valid("", 0), "empty is valid");
	ok(nt_utf8_valid("plain ascii", 11), "ASCII is valid");
	{
		const char *mixed = "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e \xe2\x82\xac \xf0\x9f\x98\x80";

		ok(nt_utf8_valid(mixed, strlen(mixed)), "mixed 1-4 byte text is valid");
		ok(!nt_utf8_valid(mixed, strlen(mixed) - 1), "same text cut inside the emoji is not");
	}
	ok(nt_utf8_valid("a\0b", 3), "an embedded NUL is valid UTF-8 (length given)");
	ok(!nt_utf8_valid("abc\xff", 4), "trailing ff is invalid");
	ok(!nt_utf8_valid("\xff" "abc", 4), "leading ff is invalid");
	ok(!nt_utf8_valid("ab\xc3", 3), "truncated sequence at the end is invalid");
	ok(!nt_utf8_valid("\xc3\xa9", 1), "len cuts a sequence: invalid");
	ok(nt_utf8_valid("\xc3\xa9\xff", 2), "only len bytes are checked");
	ok(!nt_utf8_valid("x\xed\xa0\x80y", 5), "surrogate inside is invalid");
	ok(!nt_utf8_valid("x\xc0\xafy", 4), "overlong '/' inside is invalid");
}

static void
fold(const char *in, size_t n, const char *want, const char *what)
{
	char out[128];
	size_t r;

	memset(out, 'Z', sizeof out);
	r = nt_text_fold(in, out, n);
	is_str(out, want, "fold %s", what);
	is_int(r, strlen(want), "fold %s: returns the length", what);
}

static void
test_fold(void)
{
	char one[4] = "ZZZ";

	fold("Salmon, ATLANTIC", 128, "salmon, atlantic", "ASCII lowercases");
	fold("Cr\xc3\xa8me Br\xc3\xbbl\xc3\xa9" "e", 128, "creme brulee", "creme brulee");
	fold("Stra\xc3\x9f" "e", 128, "strasse", "sharp s -> ss");
	fold("\xc3\x86" "ble", 128, "aeble", "AE ligature -> ae");
	fold("\xc3\x86\xc3\x98\xc3\x85", 128, "aeoa", "AE O-slash A-ring");
	fold("\xc3\x9e" "orn", 128, "thorn", "thorn -> th");
	fold("\xc3\xbf", 128, "y", "y diaeresis");
	fold("\xc5\x92" "uf", 128, "oeuf", "OE ligature");
	fold("Dvo\xc5\x99\xc3\xa1k", 128, "dvorak", "r caron, a acute");
	fold("\xc4\x8c" "evap\xc4\x8d" "i\xc4\x87" "i", 128, "cevapcici", "c caron, c acute");
	fold("\xc5\x81\xc3\xb3" "dka", 128, "lodka", "L stroke");
	fold("\xc5\xa0koda", 128, "skoda", "S caron");
	fold("\xc5\x9e" "i\xc5\x9f", 128, "sis", "S cedilla");
	fold("\xc4\x9e\xc4\xb1", 128, "gi", "G breve, dotless i");
	fold("5 \xc3\x97 2 \xc3\xb7 1", 128, "5 \xc3\x97 2 \xc3\xb7 1", "times/divide kept");
	fold("\xe2\x82\xac 5", 128, "\xe2\x82\xac 5", "euro kept");
	fold("A\xff" "B", 128, "a\xff" "b", "stray byte kept");
	fold("", 128, "", "empty");
	/* truncation: at most n-1 bytes, never half a character */
	fold("ABCDEF", 4, "abc", "cut to n-1 bytes");
	fold("ABC", 1, "", "n = 1 gives empty");
	fold("\xc3\x9f", 2, "", "ss does not fit in n = 2");
	fold("\xc3\x9f", 3, "ss", "ss fits in n = 3");
	fold("a\xc3\xa9", 2, "a", "e acute after a, n = 2");
	fold("\xe2\x82\xac", 3, "", "3-byte kept char does not fit in n = 3");
	fold("\xe2\x82\xac", 4, "\xe2\x82\xac", "3-byte kept char fits in n = 4");
	is_int(nt_text_fold("abc", one, 0), 0, "n = 0 returns 0");
	is_str(one, "ZZZ", "n = 0 writes nothing");
}

static void
test_controls(void)
{
	ok(!nt_text_has_controls(""), "empty: no controls");
	ok(!nt_text_has_controls("1 cup, chopped"), "ASCII: no controls");
	ok(!nt_text_has_controls("cr\xc3\xa8me \xe2\x82\xac"), "accents and euro: no controls");
	ok(!nt_text_has_controls("a\xc2\xa0" "b"), "no-break space U+00A0 is not a control");
	ok(!nt_text_has_controls("~"), "~ (0x7e) is not a control");
	ok(nt_text_has_controls("a\tb"), "tab is a control");
	ok(nt_text_has_controls("a\nb"), "newline is a control");
	ok(nt_text_has_controls("\x01"), "U+0001 is a control");
	ok(nt_text_has_controls("x\x1b[2J"), "escape sequence");
	ok(nt_text_has_controls("x\x1f"), "U+001F is a control");
	ok(nt_text_has_controls("x\x7f"), "DEL is a control");
	ok(nt_text_has_controls("x\xc2\x80"), "U+0080 (C1) is a control");
	ok(nt_text_has_controls("x\xc2\x9b" "2J"), "CSI U+009B (C1) is a control");
	ok(nt_text_has_controls("x\xc2\x9f"), "U+009F (C1) is a control");
	ok(nt_text_has_controls("\xff\x1b[2J"), "escape after an invalid byte is still found");
	ok(nt_text_has_controls("\xc3\x1b"), "escape after a cut sequence is still found");
}

static void
sanitize(const char *in, size_t n, const char *want, const char *what)
{
	char out[128];

	memset(out, 'Z', sizeof out);
	nt_text_sanitize(in, out, n);
	is_str(out, want, "sanitize %s", what);
}

static void
test_sanitize(void)
{
	char one[4] = "ZZZ";

	sanitize("Salmon, raw", 128, "Salmon, raw", "plain text unchanged");
	sanitize("cr\xc3\xa8me \xe2\x82\xac \xf0\x9f\x98\x80", 128,
	         "cr\xc3\xa8me \xe2\x82\xac \xf0\x9f\x98\x80", "valid UTF-8 unchanged");
	sanitize("a\x1b[31mb", 128, "a?[31mb", "ESC replaced");
	sanitize("a\tb\nc\rd", 128, "a?b?c?d", "tab, LF, CR replaced");
	sanitize("x\x7f", 128, "x?", "DEL replaced");
	sanitize("x\xc2\x9b" "2J", 128, "x?2J", "a C1 control (2 bytes) becomes one '?'");
	sanitize("\xff", 128, "?", "invalid byte replaced");
	sanitize("a\xe2\x82" "b", 128, "a??b", "cut sequence: one '?' per byte");
	sanitize("\xc0\xaf", 128, "??", "overlong: one '?' per byte");
	sanitize("\xed\xa0\x80", 128, "???", "surrogate: one '?' per byte");
	sanitize("", 128, "", "empty");
	sanitize("abcdef", 3, "ab", "cut to n-1 bytes");
	sanitize("a\xe2\x82\xac", 4, "a", "never half a character (n = 4)");
	sanitize("a\xe2\x82\xac", 5, "a\xe2\x82\xac", "whole character fits (n = 5)");
	sanitize("\x1b\x1b\x1b", 3, "??", "replacements respect n");
	/* format characters: shown escaped, never raw */
	sanitize("Evil\xe2\x80\xaeRAB", 128, "Evil<U+202E>RAB", "U+202E escaped");
	sanitize("a\xe2\x80\x8b" "b\xe2\x81\xa0" "c", 128, "a<U+200B>b<U+2060>c",
	         "zero-width space and word joiner escaped");
	sanitize("\xef\xbb\xbfx\xe2\x80\xa8y", 128, "<U+FEFF>x<U+2028>y",
	         "byte order mark and line separator escaped");
	sanitize("\xf3\xa0\x80\x81t", 128, "<U+E0001>t", "a tag character: 5 hex digits");
	sanitize("so\xc2\xad" "ft", 128, "so<U+00AD>ft", "soft hyphen escaped");
	sanitize("a\xe2\x80\xae", 9, "a", "an escape that does not fit is left out");
	sanitize("a\xe2\x80\xae", 10, "a<U+202E>", "... and one that fits is whole");
	ok(nt_text_is_format(0x202e) && nt_text_is_format(0x2066) && !nt_text_is_format(0x2065) &&
	   !nt_text_is_format('a') && !nt_text_is_format(0xe9), "nt_text_is_format");
	nt_text_sanitize("abc", one, 0);
	is_str(one, "ZZZ", "n = 0 writes nothing");
}

static void
num_ok(const char *s, double want)
{
	double v = -999;

	ok(nt_text_to_double(s, &v), "number '%s' accepted", s);
	is_num(v, want, fabs(want) * 1e-15, "number '%s' = %g", s, want);
}

static void
num_bad(const char *s)
{
	double v = -999;

	ok(!nt_text_to_double(s, &v) && v == -999, "number '%s' refused, output untouched", s);
}

static void
test_number(void)
{
	static const char *const bad[] = {
		"", " ", " 1", "1 ", "0x10", "0X1p3", "inf", "-inf", "INF", "infinity",
		"nan", "NAN", "-nan", "1e", "1e+", "1e-", "e5", ".", "-", "+", "-.", ".e1",
		"1..2", "1.2.3", "1,5", "--1", "+-1", "1e400", "-1e400", "1e5.5", "1f", "12abc",
		"\xef\xbc\x91", /* fullwidth digit one */
	};

	num_ok("0", 0);
	num_ok("1", 1);
	num_ok("-1.5", -1.5);
	num_ok("+2", 2);
	num_ok(".5", 0.5);
	num_ok("5.", 5);
	num_ok("-.25", -0.25);
	num_ok("007", 7);
	num_ok("1e3", 1000);
	num_ok("1E-2", 0.01);
	num_ok("2.5e+2", 250);
	num_ok("19.84", 19.84);
	num_ok("1.7e308", 1.7e308);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		num_bad(bad[i]);
	{
		double v = -999;

		ok(!nt_text_to_double("1\n", &v) && v == -999, "number '1\\n' refused");
	}
}

int
main(void)
{
	test_decode();
	test_valid();
	test_fold();
	test_controls();
	test_sanitize();
	test_number();
	return tap_done();
}
