/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_exchange.c - "export", "import", "foods export" and "foods import": CSV in and out. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_format.h"
#include "date.h"
#include "exchange.h"
#include "foreign.h"
#include "outfile.h"
#include "store.h"

/* "1 entry", "3 entries" */
static const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* What an export writes: the journal of a range, or the custom foods. */
struct export_job {
	bool foods;
	long from, to;
};

static enum nt_status
run_export(struct app *a, const struct export_job *job, FILE *fp, long long *n,
           struct nt_err *err)
{
	if (job->foods)
		return nt_exchange_foods_export(a->store, fp, n, err);
	return nt_exchange_journal_export(a->store, job->from, job->to, fp, n, err);
}

/* To standard output, or whole to FILE (never a half-written file). */
static int
export_to(struct app *a, const struct export_job *job, const char *output)
{
	struct nt_outfile out;
	struct nt_err err;
	enum nt_status st;
	long long n = 0;
	char safe[1024];

	if (!output || !strcmp(output, "-")) {
		if ((st = run_export(a, job, stdout, &n, &err)))
			return st == NT_ERR_IO ? cli_stdout_failed(a, err.msg) : cli_fail(a, st, &err);
		return CLI_OK;
	}
	if (nt_store_is_own_file(a->store, output))
		return cli_error(a, "cannot write %s: it is the database or its -wal, -shm or -journal file", output);
	if ((st = nt_outfile_open(&out, output, &err)))
		return cli_fail(a, st, &err);
	if ((st = run_export(a, job, out.fp, &n, &err))) {
		nt_outfile_abort(&out);
		return st == NT_ERR_IO ? cli_error(a, "cannot write %s: %s", output, err.msg)
		                       : cli_fail(a, st, &err);
	}
	if ((st = nt_outfile_commit(&out, &err)))
		return cli_fail(a, st, &err);
	cli_fmt_name(safe, sizeof safe, output);
	if (job->foods)
		printf("%lld custom %s written to %s\n", n, plural(n, "food", "foods"), safe);
	else
		printf("%lld %s written to %s\n", n, plural(n, "entry", "entries"), safe);
	return CLI_OK;
}

/* nutrack export [--from DATE] [--to DATE] [-o FILE] */
int
cli_cmd_export(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("export");
	const char *from_s = NULL, *to_s = NULL, *output = NULL;
	struct cli_opt opts[] = {
		{"from", 0, &from_s, NULL},
		{"to", 0, &to_s, NULL},
		{"output", 'o', &output, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct export_job job = {
		.foods = false,
		.from = nt_date_from_ymd(NT_DATE_MIN_YEAR, 1, 1),
		.to = nt_date_from_ymd(NT_DATE_MAX_YEAR, 12, 31),
	};
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "export takes no arguments; -o FILE names the file");
	if ((from_s && (rc = cli_date(a, from_s, &job.from))) ||
	    (to_s && (rc = cli_date(a, to_s, &job.to))))
		return rc;
	if (job.from > job.to) {
		char f[NT_DATE_LEN], t[NT_DATE_LEN];

		nt_date_format(job.from, f);
		nt_date_format(job.to, t);
		return cli_error(a, "--from %s is after --to %s", f, t);
	}
	if (output && !*output)
		return cli_usage_error(a, cmd, "export: -o needs a file name");
	if ((rc = cli_open(a)))
		return rc;
	return export_to(a, &job, output);
}

/* Shared by both imports: [--dry-run] FILE */
static int
import_args(struct app *a, const struct cli_command *cmd, const char *what, int argc,
            char **argv, bool *dry_run, const char **path)
{
	struct cli_opt opts[] = {
		{"dry-run", 0, NULL, dry_run},
		{NULL, 0, NULL, NULL},
	};
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "%s: give one file (- for standard input)", what);
	*path = argv[1];
	return -1;
}

/* What import --from cronometer|myfitnesspal did. */
static void
print_foreign(const struct nt_foreign_report *r, const char *source, bool dry_run)
{
	const char *would = dry_run ? "would be " : "";

	printf("%s%lld %s %simported, %lld already present; %lld %s food%s %sadded "
	       "(ids %s:N)%s\n", dry_run ? "Dry run: " : "", r->entries.added,
	       plural(r->entries.added, "entry", "entries"), would, r->entries.present,
	       r->foods_added, source, r->foods_added == 1 ? "" : "s", would, source,
	       dry_run ? "; nothing changed" : "");
	if (r->matched)
		printf("%lld %s logged as the bundled food of the same name (--match)\n",
		       r->matched, plural(r->matched, "row", "rows"));
	if (r->no_weight)
		printf("%lld %s without a weight in the export: %s the export's values, %s "
		       "weight shows as ? g\n", r->no_weight, plural(r->no_weight, "row", "rows"),
		       plural(r->no_weight, "it keeps", "they keep"),
		       plural(r->no_weight, "its", "their"));
	if (r->other_meals) {
		char safe[256];

		cli_fmt_name(safe, sizeof safe, r->other_names);
		printf("%lld %s of other groups logged as snacks: %s\n", r->other_meals,
		       plural(r->other_meals, "row", "rows"), safe);
	}
}

/* nutrack import [--dry-run] [--from FORMAT] [--match] FILE */
int
cli_cmd_import(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("import");
	struct nt_import_counts n;
	struct nt_foreign_report fr;
	struct nt_err err;
	enum nt_status st;
	const char *path, *from = "nutrack";
	bool dry_run = false, match = false;
	struct cli_opt opts[] = {
		{"dry-run", 0, NULL, &dry_run},
		{"from", 0, &from, NULL},
		{"match", 0, NULL, &match},
		{NULL, 0, NULL, NULL},
	};
	enum nt_foreign_format format = NT_FOREIGN_CRONOMETER;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "import: give one file (- for standard input)");
	path = argv[1];
	if (!strcmp(from, "cronometer"))
		format = NT_FOREIGN_CRONOMETER;
	else if (!strcmp(from, "myfitnesspal"))
		format = NT_FOREIGN_MYFITNESSPAL;
	else if (strcmp(from, "nutrack"))
		return cli_usage_error(a, cmd, "import: --from is nutrack, cronometer or "
		                       "myfitnesspal, not '%.40s'", from);
	if (match && strcmp(from, "cronometer"))
		return cli_usage_error(a, cmd, "import: --match is for --from cronometer (%s "
		                       "names no foods)", !strcmp(from, "nutrack")
		                       ? "nutrack's export has food ids" : "MyFitnessPal's export");
	if ((rc = cli_open(a)))
		return rc;
	if (strcmp(from, "nutrack")) {
		if ((st = nt_foreign_import(a->store, format, path, match, dry_run, &fr, &err)))
			return cli_fail(a, st, &err);
		print_foreign(&fr, from, dry_run);
		return CLI_OK;
	}
	if ((st = nt_exchange_journal_import(a->store, path, dry_run, &n, &err)))
		return cli_fail(a, st, &err);
	printf("%s%lld %s %simported, %lld already present%s\n", dry_run ? "Dry run: " : "",
	       n.added, plural(n.added, "entry", "entries"), dry_run ? "would be " : "",
	       n.present, dry_run ? "; nothing changed" : "");
	return CLI_OK;
}

/* nutrack foods export [-o FILE] */
int
cli_foods_export(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("foods");
	const char *output = NULL;
	struct cli_opt opts[] = {
		{"output", 'o', &output, NULL},
		{NULL, 0, NULL, NULL},
	};
	struct export_job job = {.foods = true};
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos)
		return cli_usage_error(a, cmd, "foods export takes no arguments; -o FILE names "
		                       "the file");
	if (output && !*output)
		return cli_usage_error(a, cmd, "foods export: -o needs a file name");
	if ((rc = cli_open(a)))
		return rc;
	return export_to(a, &job, output);
}

/* nutrack foods import [--dry-run] FILE */
int
cli_foods_import(struct app *a, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("foods");
	struct nt_import_counts n;
	struct nt_err err;
	enum nt_status st;
	const char *path = NULL;
	bool dry_run = false;
	int rc;

	if ((rc = import_args(a, cmd, "foods import", argc, argv, &dry_run, &path)) >= 0)
		return rc;
	if ((rc = cli_open(a)))
		return rc;
	if ((st = nt_exchange_foods_import(a->store, path, dry_run, &n, &err)))
		return cli_fail(a, st, &err);
	printf("%s%lld %s %sadded, %lld updated, %lld unchanged%s\n",
	       dry_run ? "Dry run: " : "", n.added, plural(n.added, "food", "foods"),
	       dry_run ? "would be " : "", n.updated, n.present,
	       dry_run ? "; nothing changed" : "");
	return CLI_OK;
}
