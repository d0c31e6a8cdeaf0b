/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_import.c - "import-fdc" and "import-off": the public food datasets. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fdc.h"
#include "off.h"
#include "text.h"

/*
 * Progress on standard error: a one-line bar redrawn in place on a
 * terminal; otherwise (a log file) a plain line at every tenth of a large
 * step, so small imports stay quiet.
 */
#define PLAIN_MIN_BYTES (1LL << 20)
#define PLAIN_MIN_FOODS 20000
#define PIPE_EVERY_MIB 256
#define BAR_WIDTH 30

struct progress {
	const char *cmd;
	bool tty;
	bool drawn;        /* a bar is on the terminal's line */
	char step[64];
	long long shown;   /* last percent (or MiB) shown for this step, -1 none */
};

static void
progress_clear(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn = false;
	}
}

static void
on_progress(void *ctx, const char *step, long long done, long long total, bool bytes)
{
	static const char hashes[BAR_WIDTH + 1] = "##############################";
	struct progress *p = ctx;
	char safe[64];
	long long now;

	nt_text_sanitize(step, safe, sizeof safe);
	if (strcmp(safe, p->step)) {
		snprintf(p->step, sizeof p->step, "%s", safe);
		p->shown = -1;
	}
	if (total <= 0) {
		/* a pipe: the size is unknown, count what was read */
		now = done >> 20;
		if (p->tty ? now == p->shown
		           : now < (p->shown < 0 ? PIPE_EVERY_MIB : p->shown + PIPE_EVERY_MIB))
			return;
		if (p->tty) {
			fprintf(stderr, "\r%s: %s: %lld MiB read", p->cmd, p->step, now);
			p->drawn = true;
		} else {
			fprintf(stderr, "%s: %s: %lld MiB read\n", p->cmd, p->step, now);
		}
	} else {
		now = done >= total ? 100 : done * 100 / total;
		if (p->tty) {
			int fill = (int)(now * BAR_WIDTH / 100);

			if (now == p->shown)
				return;
			fprintf(stderr, "\r%s: %-20.20s [%.*s%*s] %3lld%%", p->cmd, p->step, fill,
			        hashes, BAR_WIDTH - fill, "", now);
			p->drawn = true;
		} else {
			now = now / 10 * 10;
			if (total < (bytes ? PLAIN_MIN_BYTES : PLAIN_MIN_FOODS) || now == 0 ||
			    now <= p->shown)
				return;
			fprintf(stderr, "%s: %s %lld%%\n", p->cmd, p->step, now);
		}
	}
	p->shown = now;
	fflush(stderr);
}

static void
print_report(const struct app *a, const struct nt_dataset_report *r, bool dry_run,
             bool fdc)
{
	for (size_t i = 0; i < r->n_shown; i++)
		(void)cli_error(a, "skipped %s", r->shown[i]);
	if (r->skipped > r->n_shown)
		(void)cli_error(a, "skipped %lu more row%s", r->skipped - r->n_shown,
		                r->skipped - r->n_shown == 1 ? "" : "s");
	printf("New foods:        %lu\n", r->added);
	printf("Updated foods:    %lu\n", r->updated);
	printf("Unchanged foods:  %lu\n", r->unchanged);
	printf("Left out:         %lu (%s)\n", r->no_nutrient,
	       fdc ? "none of the nutrients nutrack keeps"
	           : "no B12, omega-3 or potassium value");
	if (fdc) {
		printf("Not foods:        %lu (samples and acquisitions, not imported)\n", r->other);
		printf("Bundled already:  %lu (SR Legacy foods nutrack ships as sr28:NDB)\n",
		       r->bundled);
	}
	printf("Skipped rows:     %lu (impossible or unreadable values)\n", r->skipped);
	if (dry_run)
		printf("Dry run: nothing was changed.\n");
}

typedef enum nt_status (*import_fn)(struct nt_store *s, const char *path, bool dry_run,
                                    nt_dataset_progress_fn progress, void *ctx,
                                    struct nt_dataset_report *rep, struct nt_err *err);

static int
run_import(struct app *a, const char *name, import_fn fn, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find(name);
	bool dry_run = false;
	struct cli_opt opts[] = {{"dry-run", 0, NULL, &dry_run}, {NULL, 0, NULL, NULL}};
	struct progress prog = {.cmd = name, .tty = isatty(2) == 1, .shown = -1};
	struct nt_dataset_report rep;
	struct nt_err err;
	enum nt_status st;
	int npos, rc;

	if ((rc = cli_parse(a, cmd, argc, argv, opts, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(a, cmd, "%s: give one %s", name,
		                       fn == nt_fdc_import ? "directory (the unpacked FoodData "
		                                             "Central CSV download)"
		                                           : "file (the Open Food Facts CSV "
		                                             "export, or - for standard input)");
	if ((rc = cli_open(a)))
		return rc;
	st = fn(a->store, argv[1], dry_run, on_progress, &prog, &rep, &err);
	progress_clear(&prog);
	if (st)
		return cli_error(a, "%s; nothing was changed", nt_err_text(&err, st));
	print_report(a, &rep, dry_run, fn == nt_fdc_import);
	return CLI_OK;
}

int
cli_cmd_import_fdc(struct app *a, int argc, char **argv)
{
	return run_import(a, "import-fdc", nt_fdc_import, argc, argv);
}

int
cli_cmd_import_off(struct app *a, int argc, char **argv)
{
	return run_import(a, "import-off", nt_off_import, argc, argv);
}
