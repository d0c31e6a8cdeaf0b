/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_exchange.c - "export", "import", "foods import|export" (being written). */
#include "config.h"

#include "cli.h"

int
cli_cmd_export(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "export is not built yet");
}

int
cli_cmd_import(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "import is not built yet");
}

int
cli_foods_export(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "foods export is not built yet");
}

int
cli_foods_import(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "foods import is not built yet");
}
