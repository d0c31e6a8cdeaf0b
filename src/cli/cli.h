/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - the scriptable command line: command table, argument parsing, errors. */
#ifndef NT_CLI_H
#define NT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "status.h"

/* Exit statuses. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli_command {
	const char *name;
	int (*run)(struct app *a, int argc, char **argv);
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line */
	const char *help;    /* option lines for --help */
};

/* One option of a command; exactly one of value/flag/count is non-NULL. */
struct cli_opt {
	const char *name;        /* long name without "--" */
	char short_name;         /* 0 for none */
	const char **value;      /* option takes an argument */
	bool *flag;              /* option is a switch */
};

/*
 * Parses argv[1..argc) (argv[0] is the command name): options from `opts`
 * in any position ("--opt V", "--opt=V", "-o V"), "--" ends options, and
 * "-N" (digits) is a positional (a relative date).  Positionals are moved
 * to the front of argv+1 in order; *npos receives their count.  Handles
 * --help.  Returns -1 to go on, else the exit status to return.
 */
int cli_parse(struct app *a, const struct cli_command *cmd, int argc, char **argv,
              const struct cli_opt *opts, int *npos);

/*
 * Standard output could not be written: "write error on standard output"
 * (or "standard output: DETAIL"), or nothing when it is a pipe whose reader
 * has gone (EPIPE: SIGPIPE is ignored so that the command ends here, with
 * status CLI_FAIL, as the man page says).  Returns CLI_FAIL.
 */
int cli_stdout_failed(const struct app *a, const char *detail);

/* Prints "PROG: message" for a failed core call; returns CLI_FAIL. */
int cli_fail(const struct app *a, enum nt_status st, const struct nt_err *err);
/* Prints "PROG: message" (printf-style); returns CLI_FAIL. */
int cli_error(const struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints a usage error and the --help hint; returns CLI_USAGE. */
int cli_usage_error(const struct app *a, const struct cli_command *cmd,
                    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Opens the database (creating and loading it on first use); commands call
 * it once their arguments are known to be good.  0 or an exit status.
 */
int cli_open(struct app *a);

/* Parsing helpers that report their own errors: 0 on success, else an exit status. */
int cli_date(const struct app *a, const char *text, long *out);
int cli_meal(const struct app *a, const struct cli_command *cmd, const char *text,
             int *out);
int cli_entry_id(const struct app *a, const char *text, long long *out);
/* A row's number (an ingredient, an exclusion, a lab result): `what` names it in errors. */
int cli_row_id(const struct app *a, const char *text, const char *what, long long *out);

/* Grams of `amount` of a food, as whole mg; a status, err filled on failure. */
enum nt_status cli_amount_of(struct app *a, long long food_id, const char *amount,
                             long long *mg, struct nt_err *err);

/*
 * Finds the food named by an id, or by search words, and the amount's
 * weight (nt_food_pick).  Fills *pick (release with nt_pick_fini); reports
 * errors itself (0 or an exit status).
 */
struct nt_pick;
int cli_resolve_food(struct app *a, const char *text, const char *amount,
                     struct nt_pick *pick);

/*
 * After the food was logged: a one-line warning on standard error when it
 * breaks the profile's diet, and the foods nearly as good with their ids
 * (`undo` says how to take the entry back, e.g. "nutrack rm 12").
 */
void cli_pick_notes(const struct app *a, const struct nt_pick *pick, const char *undo);

/* The command table. */
const struct cli_command *cli_find(const char *name);
void cli_usage(FILE *fp, const char *prog);
int cli_command_help(const struct app *a, const struct cli_command *cmd, FILE *fp);

/* Runs a command (argv[0] = its name) against an opened app. */
int cli_run(struct app *a, const struct cli_command *cmd, int argc, char **argv);

/* Commands, one per file group. */
int cli_cmd_search(struct app *a, int argc, char **argv);
int cli_cmd_food(struct app *a, int argc, char **argv);
int cli_cmd_foods(struct app *a, int argc, char **argv);
int cli_cmd_add(struct app *a, int argc, char **argv);
int cli_cmd_edit(struct app *a, int argc, char **argv);
int cli_cmd_rm(struct app *a, int argc, char **argv);
int cli_cmd_day(struct app *a, int argc, char **argv);
int cli_cmd_week(struct app *a, int argc, char **argv);
int cli_cmd_profile(struct app *a, int argc, char **argv);
int cli_cmd_suggest(struct app *a, int argc, char **argv);
int cli_cmd_eat(struct app *a, int argc, char **argv);
int cli_cmd_uneat(struct app *a, int argc, char **argv);
int cli_cmd_copy(struct app *a, int argc, char **argv);
int cli_cmd_exclude(struct app *a, int argc, char **argv);
int cli_cmd_plan(struct app *a, int argc, char **argv);
int cli_cmd_lab(struct app *a, int argc, char **argv);
int cli_cmd_target(struct app *a, int argc, char **argv);
int cli_cmd_recipe(struct app *a, int argc, char **argv);
int cli_cmd_report(struct app *a, int argc, char **argv);
int cli_cmd_top(struct app *a, int argc, char **argv);
int cli_cmd_export(struct app *a, int argc, char **argv);
int cli_cmd_import(struct app *a, int argc, char **argv);
int cli_cmd_import_fdc(struct app *a, int argc, char **argv);
int cli_cmd_import_off(struct app *a, int argc, char **argv);
int cli_cmd_check(struct app *a, int argc, char **argv);
int cli_cmd_backup(struct app *a, int argc, char **argv);
/* "foods export" and "foods import": argv[0] is "export" / "import". */
int cli_foods_export(struct app *a, int argc, char **argv);
int cli_foods_import(struct app *a, int argc, char **argv);

#endif
