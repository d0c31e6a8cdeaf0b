/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fdc.c - FoodData Central import (being written). */
#include "config.h"

#include "fdc.h"
