/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fdc.h - importing a USDA FoodData Central CSV download. */
#ifndef NT_FDC_H
#define NT_FDC_H

#include "status.h"

struct nt_store;

/* (contract to be written by the implementer of fdc.c) */

#endif
