/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_format.h - how numbers, units and names are printed by the CLI. */
#ifndef NT_CLI_FORMAT_H
#define NT_CLI_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "nutrient.h"

struct app;

/* Fixed decimals; "" when unknown (for CSV). */
void cli_fmt_fixed(char *buf, size_t n, double v, int decimals);

/*
 * A data value as USDA wrote it: up to 10 significant digits with trailing
 * zeros removed ("3.18", "1436", "0.206"); "" when unknown.
 */
void cli_fmt_exact(char *buf, size_t n, double v);

/*
 * A measure's value for people: its decimals and unit ("0.95 µg"), "?" when
 * unknown, a trailing "*" when partial.
 */
void cli_fmt_measure(const struct app *a, char *buf, size_t n, enum nt_measure m, double v,
                 bool partial);
/* The same with a leading CLI_ESTIMATE_MARK when estimated: "~0.16 g". */
void cli_fmt_measure_est(const struct app *a, char *buf, size_t n, enum nt_measure m, double v,
                         bool partial, bool estimated);

/* The mark of a value that is, or includes, an estimate, and its legend line. */
#define CLI_ESTIMATE_MARK "~"
#define CLI_ESTIMATE_LEGEND \
	"~ estimated: includes ALA estimated from a total the source did not split " \
	"(18:3, omega-3)."

/*
 * Prints the three tracked values of an amount of food:
 * "B12 0.37 µg · omega-3 0.16 g · potassium 152 mg" ("?" when unknown,
 * "*" when partial, a leading "~" when estimated).
 */
void cli_put_key_values(const struct app *a, const struct nt_amounts *v);

/* Grams of food from whole milligrams, to 0.1 g: "257.5 g", "85 g". */
void cli_fmt_grams(char *buf, size_t n, long long mg);

/* Display width of UTF-8 text in columns (each code point counts one). */
int cli_text_width(const char *s);

/* Prints s padded with spaces to `width` columns, left- or right-aligned. */
void cli_put_padded(FILE *fp, const char *s, int width, bool right);

/*
 * Prints one table row: each cell padded to its width (a negative width
 * right-aligns), without trailing blanks, then a newline.
 */
void cli_put_row(FILE *fp, const char *const *cells, const int *widths, size_t n);

/* Copies a name safe for the terminal (controls and bad UTF-8 become '?'). */
void cli_fmt_name(char *buf, size_t n, const char *name);

/* CSV output helpers: write a field / end the record (CRLF). */
void cli_csv_field(FILE *fp, const char *s, bool first);
void cli_csv_end(FILE *fp);

#endif
