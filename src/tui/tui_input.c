/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_input.c - line editing for text fields: a cursor, and a suggested text selected. */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "tui_input.h"
#include "tui_width.h"

#define CTRL(c) ((c) & 0x1f)

void
tui_input_set(struct tui_input *in, const char *text)
{
	snprintf(in->buf, sizeof in->buf, "%s", text);
	in->len = strlen(in->buf);
	in->cur = in->len;
	in->sel = false;
}

void
tui_input_suggest(struct tui_input *in, const char *text)
{
	tui_input_set(in, text);
	in->sel = in->len > 0;
}

static void
clear_text(struct tui_input *in)
{
	in->len = in->cur = 0;
	in->buf[0] = '\0';
	in->sel = false;
}

/* The start of the character before byte offset i (0 at the start). */
static size_t
prev_char(const struct tui_input *in, size_t i)
{
	while (i > 0 && ((unsigned char)in->buf[--i] & 0xc0) == 0x80)
		;
	return i;
}

/* The start of the character after the one at byte offset i. */
static size_t
next_char(const struct tui_input *in, size_t i)
{
	if (i < in->len)
		i++;
	while (i < in->len && ((unsigned char)in->buf[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Removes bytes [from, to). */
static void
cut(struct tui_input *in, size_t from, size_t to)
{
	memmove(in->buf + from, in->buf + to, in->len - to + 1);
	in->len -= to - from;
	in->cur = from;
}

enum tui_input_result
tui_input_key(struct tui_input *in, wint_t ch, bool is_keycode)
{
	bool was_sel = in->sel;

	if (is_keycode) {
		switch (ch) {
		case KEY_BACKSPACE:
			goto backspace;
		case KEY_DC:
			if (in->sel)
				goto wipe;
			if (in->cur == in->len)
				return TI_MOVED;
			cut(in, in->cur, next_char(in, in->cur));
			return TI_CHANGED;
		case KEY_LEFT:
			in->sel = false;
			in->cur = prev_char(in, in->cur);
			return TI_MOVED;
		case KEY_RIGHT:
			in->sel = false;
			in->cur = next_char(in, in->cur);
			return TI_MOVED;
		case KEY_HOME:
			in->sel = false;
			in->cur = 0;
			return TI_MOVED;
		case KEY_END:
			in->sel = false;
			in->cur = in->len;
			return TI_MOVED;
		default:
			return TI_UNUSED;
		}
	}
	switch (ch) {
	case 127:
	case 8:
		goto backspace;
	case CTRL('a'):
		in->sel = false;
		in->cur = 0;
		return TI_MOVED;
	case CTRL('e'):
		in->sel = false;
		in->cur = in->len;
		return TI_MOVED;
	case CTRL('u'):
		goto wipe;
	case CTRL('w'): {
		size_t end = in->cur, i = in->cur;

		if (in->sel)
			goto wipe;
		while (i > 0 && in->buf[i - 1] == ' ')
			i--;
		while (i > 0 && in->buf[i - 1] != ' ')
			i--;
		cut(in, i, end);
		return TI_CHANGED;
	}
	default:
		break;
	}
	if (iswprint(ch)) {
		char mb[MB_LEN_MAX];
		mbstate_t ps;
		size_t k;

		memset(&ps, 0, sizeof ps);
		k = wcrtomb(mb, (wchar_t)ch, &ps);
		if (k == (size_t)-1)
			return TI_MOVED; /* not representable: swallow it */
		if (in->sel)
			clear_text(in);
		if (in->len + k + 1 > sizeof in->buf)
			return was_sel ? TI_CHANGED : TI_MOVED; /* full: swallow it */
		memmove(in->buf + in->cur + k, in->buf + in->cur, in->len - in->cur + 1);
		memcpy(in->buf + in->cur, mb, k);
		in->len += k;
		in->cur += k;
		return TI_CHANGED;
	}
	return TI_UNUSED;
backspace:
	if (in->sel)
		goto wipe;
	if (in->cur == 0)
		return TI_MOVED;
	cut(in, prev_char(in, in->cur), in->cur);
	return TI_CHANGED;
wipe:
	clear_text(in);
	return TI_CHANGED;
}

void
tui_input_draw(WINDOW *w, int y, int x, int maxw, const struct tui_input *in, bool focus)
{
	attr_t attrs;
	short pair;
	int used;

	wattr_get(w, &attrs, &pair, NULL);
	if (focus && in->sel)
		wattron(w, A_REVERSE);
	used = tui_put(w, y, x, in->buf, maxw);
	wattr_set(w, attrs, pair, NULL);
	if (!focus || used >= maxw)
		return;
	if (in->sel || in->cur >= in->len) {
		waddstr(w, tui_utf8() ? "\xe2\x96\x8f" : "_");
		return;
	}
	/* the character under the cursor, reversed, where it is drawn */
	{
		char before[sizeof in->buf], one[8];
		size_t k = next_char(in, in->cur) - in->cur;
		int col;

		memcpy(before, in->buf, in->cur);
		before[in->cur] = '\0';
		col = tui_width(before);
		if (col >= maxw || k >= sizeof one)
			return;
		memcpy(one, in->buf + in->cur, k);
		one[k] = '\0';
		wattron(w, A_REVERSE);
		tui_put(w, y, x + col, one, maxw - col);
		wattr_set(w, attrs, pair, NULL);
	}
}
