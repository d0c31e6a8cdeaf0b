/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_input.h - a one-line text field (query, amount, date, age). */
#ifndef NT_TUI_INPUT_H
#define NT_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

struct tui_input {
	char buf[256]; /* UTF-8, NUL-terminated; longer than any amount */
	size_t len;
	size_t cur;    /* the cursor, a byte offset at a character boundary */
	bool sel;      /* the whole text is selected: the next character replaces it */
};

/* Sets the text, the cursor at its end, nothing selected. */
void tui_input_set(struct tui_input *in, const char *text);

/*
 * Sets a suggested text ("1 cup" in the amount field), selected: the first
 * character typed replaces it, Backspace or Delete clears it, and a cursor
 * key keeps it for editing.
 */
void tui_input_suggest(struct tui_input *in, const char *text);

/* What a key did to a field. */
enum tui_input_result {
	TI_UNUSED,  /* not a key of the field */
	TI_MOVED,   /* the cursor moved or the selection ended; same text */
	TI_CHANGED, /* the text changed */
};

/*
 * Applies a key: printable characters are inserted at the cursor (or
 * replace the selection), Backspace and Delete remove the character before
 * and under the cursor (or the selection), Left, Right, Home, End and
 * Ctrl-A, Ctrl-E move the cursor, Ctrl-U clears and Ctrl-W removes the
 * word before the cursor.
 */
enum tui_input_result tui_input_key(struct tui_input *in, wint_t ch, bool is_keycode);

/*
 * Draws the field's text at (y, x) in at most `maxw` columns in the
 * current attributes; when `focus`, the selection in reverse video and the
 * cursor as a bar after the text or a reversed character within it.
 */
void tui_input_draw(WINDOW *w, int y, int x, int maxw, const struct tui_input *in,
                    bool focus);

#endif
