/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_input.c - line editing for text fields. */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "tui_input.h"

void
tui_input_set(struct tui_input *in, const char *text)
{
	snprintf(in->buf, sizeof in->buf, "%s", text);
	in->len = strlen(in->buf);
}

/* Drops the last UTF-8 character. */
static void
backspace(struct tui_input *in)
{
	while (in->len > 0) {
		unsigned char c = (unsigned char)in->buf[--in->len];

		if ((c & 0xc0) != 0x80)
			break;
	}
	in->buf[in->len] = '\0';
}

bool
tui_input_key(struct tui_input *in, wint_t ch, bool is_keycode)
{
	if (is_keycode) {
		if (ch == KEY_BACKSPACE) {
			backspace(in);
			return true;
		}
		return false;
	}
	if (ch == 127 || ch == 8) {
		backspace(in);
		return true;
	}
	if (ch == 21) { /* Ctrl-U */
		in->len = 0;
		in->buf[0] = '\0';
		return true;
	}
	if (ch == 23) { /* Ctrl-W */
		while (in->len > 0 && in->buf[in->len - 1] == ' ')
			backspace(in);
		while (in->len > 0 && in->buf[in->len - 1] != ' ')
			backspace(in);
		return true;
	}
	if (iswprint(ch)) {
		char mb[MB_LEN_MAX];
		mbstate_t ps;
		size_t k;

		memset(&ps, 0, sizeof ps);
		k = wcrtomb(mb, (wchar_t)ch, &ps);
		if (k == (size_t)-1 || in->len + k + 1 > sizeof in->buf)
			return true; /* not representable, or full: swallow it */
		memcpy(in->buf + in->len, mb, k);
		in->len += k;
		in->buf[in->len] = '\0';
		return true;
	}
	return false;
}
