/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_fdc.c - placeholder until the fdc module's tests are written. */
#include "config.h"

#include "tap.h"

int
main(void)
{
	ok(0, "fdc tests are not written yet");
	return tap_done();
}
