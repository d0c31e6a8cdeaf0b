/* SPDX-License-Identifier: GPL-3.0-or-later */
/* off.c - Open Food Facts import (being written). */
#include "config.h"

#include "off.h"
