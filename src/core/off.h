/* SPDX-License-Identifier: GPL-3.0-or-later */
/* off.h - importing the Open Food Facts CSV export. */
#ifndef NT_OFF_H
#define NT_OFF_H

#include "status.h"

struct nt_store;

/* (contract to be written by the implementer of off.c) */

#endif
