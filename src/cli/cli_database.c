/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_database.c - "check" and "backup": the database file itself. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "cli_format.h"
#include "journal.h"
#include "store.h"
#include "text.h"

static void
print_problem(void *ctx, const char *problem)
{
	char safe[600];

	(void)ctx;
	nt_text_sanitize(problem, safe, sizeof safe);
	printf("  %s\n", safe);
}

int
cli_cmd_check(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("check");
	struct cli_opt opts[] = {{NULL, 0, NULL, NULL}};
	struct nt_err err;
	enum nt_status st;
	int npos, rc, problems;
	char safe[1024];

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "check: unexpected argument '%s'", argv[1]);
	if ((rc = cli_open(a)))
		return rc;
	cli_fmt_name(safe, sizeof safe, nt_store_path(a->store));
	printf("Checking %s\n", safe);
	if ((st = nt_store_check(a->store, print_problem, NULL, &problems, &err)))
		return cli_fail(a, st, &err);
	/* what SQLite cannot tell: entries dated outside the days nutrack keeps */
	if (!problems) {
		if ((st = nt_journal_check(a->store, print_problem, NULL, &problems, &err)))
			return cli_fail(a, st, &err);
		if (problems) {
			printf("%d entr%s dated outside the days nutrack keeps%s; 'nutrack rm' "
			       "removes each.\n", problems, problems == 1 ? "y" : "ies",
			       problems > 100 ? " (the first 100 shown)" : "");
			return CLI_FAIL;
		}
	}
	if (problems) {
		printf("%d problem%s found%s; restore a backup ('nutrack backup' makes one).\n",
		       problems, problems == 1 ? "" : "s", problems > 100 ? " (the first 100 shown)" : "");
		return CLI_FAIL;
	}
	printf("ok: every page, index and constraint, the references between tables, "
	       "the search index and the entries' dates are sound.\n");
	return CLI_OK;
}

int
cli_cmd_backup(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("backup");
	bool force = false;
	struct cli_opt opts[] = {
		{"force", 'f', NULL, &force},
		{NULL, 0, NULL, NULL},
	};
	struct nt_err err;
	enum nt_status st;
	int npos, rc;
	char from[1024], to[1024];

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "backup: give the file to write");
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_store_backup(a->store, argv[1], force, &err)))
		return cli_fail(a, st, &err);
	cli_fmt_name(from, sizeof from, nt_store_path(a->store));
	cli_fmt_name(to, sizeof to, argv[1]);
	printf("Backed up %s to %s.\n", from, to);
	return CLI_OK;
}
