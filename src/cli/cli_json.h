/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_json.h - a small streaming JSON writer for the CLI's --json output. */
#ifndef NT_CLI_JSON_H
#define NT_CLI_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "nutrient.h"

/* How deep objects and arrays may nest; deeper output is a programming error. */
#define CLI_JSON_MAX_DEPTH 16

/*
 * A writer on a stream (borrowed; the caller closes it).  Output is indented
 * by two spaces, one member or element a line, and ends with a newline once
 * the outermost value is closed.  Inside an object, each value is preceded by
 * cli_json_key; the writer adds commas and indentation itself.
 */
struct cli_json {
	FILE *fp;
	int depth;
	bool any[CLI_JSON_MAX_DEPTH]; /* the open container already has a member */
	bool after_key;
};

void cli_json_init(struct cli_json *j, FILE *fp);
void cli_json_begin_object(struct cli_json *j);
void cli_json_end_object(struct cli_json *j);
void cli_json_begin_array(struct cli_json *j);
void cli_json_end_array(struct cli_json *j);
/* A member's name (escaped like a string). */
void cli_json_key(struct cli_json *j, const char *key);
/*
 * A string: '"' and '\' escaped, control characters as \u00XX, valid UTF-8
 * passed through, a byte that is not UTF-8 as \ufffd; NULL writes null.
 */
void cli_json_string(struct cli_json *j, const char *s);
/*
 * A number rounded to `decimals` places (as the CSV shows it), or with up to
 * 10 significant digits when decimals < 0; null when not finite (unknown).
 */
void cli_json_number(struct cli_json *j, double v, int decimals);
void cli_json_int(struct cli_json *j, long long v);
void cli_json_bool(struct cli_json *j, bool b);
void cli_json_null(struct cli_json *j);

/* Shorthands: a key and its value. */
void cli_json_key_string(struct cli_json *j, const char *key, const char *s);
void cli_json_key_number(struct cli_json *j, const char *key, double v, int decimals);
void cli_json_key_int(struct cli_json *j, const char *key, long long v);
void cli_json_key_bool(struct cli_json *j, const char *key, bool b);

/*
 * Members for measures of an amount: "b12_ug": 0.95, ... (the name and unit,
 * as the CSV columns are named; null when unknown), then "partial": the
 * names of those that are partial (some part unknown), [] when none, then
 * "estimated": the names of those that are, or include, an estimate (ALA
 * from undifferentiated 18:3, and omega-3 with it), [] when none.  Values
 * have the measure's decimals, or when `exact` up to 10 significant digits
 * (data as the source gave it, as the CSV of search and food shows it).
 */
void cli_json_amounts(struct cli_json *j, const struct nt_amounts *v, const enum nt_measure *ms,
                      size_t n, bool exact);
/* The key of a measure: "b12_ug", "epa_dha_mg". */
void cli_json_measure_key(char *buf, size_t n, enum nt_measure m);

#endif
