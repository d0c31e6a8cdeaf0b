/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui_input.h - a one-line text field (query, amount, date, age). */
#ifndef NT_TUI_INPUT_H
#define NT_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct tui_input {
	char buf[256]; /* UTF-8, NUL-terminated; longer than any amount */
	size_t len;
};

void tui_input_set(struct tui_input *in, const char *text);

/*
 * Applies a typed character: printable characters are appended (UTF-8),
 * Backspace removes the last character, Ctrl-U clears, Ctrl-W removes the
 * last word.  Returns true when the text changed or the key was an editing
 * key, false for keys the field does not use.
 */
bool tui_input_key(struct tui_input *in, wint_t ch, bool is_keycode);

#endif
