/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_import.c - "import-fdc" and "import-off": the public food datasets (being written). */
#include "config.h"

#include "cli.h"

int
cli_cmd_import_fdc(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "import-fdc is not built yet");
}

int
cli_cmd_import_off(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(a, "import-off is not built yet");
}
