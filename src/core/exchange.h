/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange.h - the journal and custom foods in and out as CSV (all through libcsv). */
#ifndef NT_EXCHANGE_H
#define NT_EXCHANGE_H

#include <stdbool.h>
#include <stdio.h>

#include "status.h"

struct nt_store;

/* (contract to be written by the implementer of exchange.c) */

#endif
