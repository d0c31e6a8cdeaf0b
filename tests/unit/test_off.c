/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_off.c - placeholder until the off module's tests are written. */
#include "config.h"

#include "tap.h"

int
main(void)
{
	ok(0, "off tests are not written yet");
	return tap_done();
}
