/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange.c - journal and custom-food CSV export and import (being written). */
#include "config.h"

#include "exchange.h"
