/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_exchange.c - placeholder until the exchange module's tests are written. */
#include "config.h"

#include "tap.h"

int
main(void)
{
	ok(0, "exchange tests are not written yet");
	return tap_done();
}
