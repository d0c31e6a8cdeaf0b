/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_width.c - UTF-8 widths with mbrtowc/wcwidth, and clipped drawing. */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "text.h"
#include "tui_width.h"

static bool utf8_locale;

void tui_set_utf8(bool utf8) { utf8_locale = utf8; }
bool tui_utf8(void) { return utf8_locale; }

/* Decodes the next character; *cw gets its width (at least 1). */
static size_t
next_char(const char *s, size_t len, mbstate_t *ps, wchar_t *wc, int *cw)
{
	size_t k = mbrtowc(wc, s, len, ps);

	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		memset(ps, 0, sizeof *ps);
		*wc = L'?';
		*cw = 1;
		return 1;
	}
	*cw = wcwidth(*wc);
	if (*cw < 0) { /* control or unprintable */
		*wc = L'?';
		*cw = 1;
	}
	return k;
}

/*
 * Text as it is shown: controls as '?', format characters escaped
 * ("<U+202E>", nt_text_sanitize), into buf.  Names come from files and
 * other programs; the terminal must never get them raw.
 */
static const char *
shown(const char *s, char *buf, size_t n)
{
	nt_text_sanitize(s, buf, n);
	return buf;
}

int
tui_width(const char *raw)
{
	char buf[1024];
	const char *s = shown(raw, buf, sizeof buf);
	mbstate_t ps;
	size_t len = strlen(s), i = 0;
	int w = 0;

	memset(&ps, 0, sizeof ps);
	while (i < len) {
		wchar_t wc;
		int cw;

		i += next_char(s + i, len - i, &ps, &wc, &cw);
		w += cw;
	}
	return w;
}

int
tui_put(WINDOW *win, int y, int x, const char *raw, int maxw)
{
	char text[1024];
	const char *s = shown(raw, text, sizeof text);
	mbstate_t ps;
	size_t len = strlen(s), i = 0;
	int used = 0, total = tui_width(s);
	int limit = total > maxw ? maxw - 1 : maxw; /* room for the ellipsis */

	if (maxw <= 0)
		return 0;
	memset(&ps, 0, sizeof ps);
	wmove(win, y, x);
	while (i < len) {
		wchar_t wc, buf[2] = {0, 0};
		int cw;
		size_t k = next_char(s + i, len - i, &ps, &wc, &cw);

		if (used + cw > limit)
			break;
		buf[0] = wc;
		waddnwstr(win, buf, 1);
		used += cw;
		i += k;
	}
	if (total > maxw) {
		if (utf8_locale)
			waddnwstr(win, L"\u2026", 1);
		else
			waddch(win, '~');
		used++;
	}
	return used;
}

int
tui_put_right(WINDOW *win, int y, int x, const char *s, int maxw)
{
	int w = tui_width(s);

	if (w > maxw)
		w = maxw;
	return tui_put(win, y, x + maxw - w, s, maxw);
}
