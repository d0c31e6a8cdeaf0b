/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - global options; the TUI on a terminal without a command, else the CLI. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "tui.h"

static void
version(void)
{
	printf("nutrack %s\n"
	       "Copyright (C) 2026 the nutrack authors.\n"
	       "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n"
	       "Food data: USDA SR28 and FNDDS 2021-2023 (public domain).\n",
	       PACKAGE_VERSION);
}

/* True when a command's arguments ask for --help (before any "--"). */
static bool
wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return false;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

/* Output that could not be written is a failure (a full disk, a closed pipe). */
static int
flushed(const struct app *a, int rc)
{
	errno = 0;
	if (rc == CLI_OK && (fflush(stdout) != 0 || ferror(stdout)))
		return cli_stdout_failed(a, NULL);
	return rc;
}

int
main(int argc, char **argv)
{
	struct app a = {.prog = "nutrack"};
	const struct cli_command *cmd;
	const char *db = NULL;
	struct nt_err err;
	enum nt_status st;
	char why[96];
	int i, rc;

	setlocale(LC_ALL, "");
	/* CSV and CLI numbers never get decimal commas. */
	setlocale(LC_NUMERIC, "C");
	a.utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");

	/*
	 * A closed pipe (nutrack export | head -1) is a write error the command
	 * sees (EPIPE) and ends on quietly with status 1, not a signal that
	 * kills it mid-way.  The TUI sets its own handlers.
	 */
	signal(SIGPIPE, SIG_IGN);
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--")) {
			i++;
			break;
		} else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			cli_usage(stdout, a.prog);
			return flushed(&a, CLI_OK);
		} else if (!strcmp(arg, "--version") || !strcmp(arg, "-V")) {
			version();
			return flushed(&a, CLI_OK);
		} else if (!strcmp(arg, "--db")) {
			if (i + 1 >= argc)
				return cli_usage_error(&a, NULL, "option '--db' needs a file");
			db = argv[++i];
		} else if (!strncmp(arg, "--db=", 5)) {
			db = arg + 5;
		} else {
			return cli_usage_error(&a, NULL, "unknown option '%s'", arg);
		}
	}
	if (db && !*db)
		return cli_usage_error(&a, NULL, "option '--db' needs a file");

	if (i >= argc) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_usage(stderr, a.prog);
			return CLI_USAGE;
		}
		if ((st = app_resolve(&a, db, &err)) || (st = app_open(&a, &err)))
			return cli_fail(&a, st, &err);
		if (!tui_terminal_ok(why, sizeof why)) {
			/* no blank screen: say why, and show the day as text */
			char day[] = "day", *args[] = {day, NULL};

			cli_error(&a, "%s: no full-screen view; here is '%s day' (see '%s --help' "
			          "for the commands)", why, a.prog, a.prog);
			rc = flushed(&a, cli_run(&a, cli_find("day"), 1, args));
		} else {
			rc = tui_run(&a);
		}
		app_close(&a);
		return rc;
	}
	if (!(cmd = cli_find(argv[i])))
		return cli_usage_error(&a, NULL, "unknown command '%s'", argv[i]);
	if (wants_help(argc - i, argv + i))
		return flushed(&a, cli_command_help(&a, cmd, stdout));
	if ((st = app_resolve(&a, db, &err)))
		return cli_fail(&a, st, &err);
	/*
	 * Commands open the database once their arguments are known to be good.
	 * A database a failing command created stays: another nutrack may have
	 * written to it since (it is whole and valid: made before it was seen).
	 */
	rc = flushed(&a, cli_run(&a, cmd, argc - i, argv + i));
	app_close(&a);
	return rc;
}
