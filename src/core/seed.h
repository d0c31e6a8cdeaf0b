/* SPDX-License-Identifier: GPL-3.0-or-later */
/* seed.h - the bundled food database: finding it and loading it into a database. */
#ifndef NT_SEED_H
#define NT_SEED_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct nt_store;

/*
 * Finds the directory holding the bundled data (foods.csv, portions.csv,
 * targets.csv, staples.csv, superseded.csv, VERSION): $NUTRACK_DATA_DIR
 * when set; else "data" next to
 * the running executable (a build tree); else "../share/nutrack" from it
 * (an installed tree, wherever it was moved); else the configured
 * pkgdatadir; else, for a build outside the source tree, the sources' data.
 * Writes it into buf (size n).  NT_ERR_NODATA when none holds VERSION.
 */
enum nt_status nt_seed_find_dir(char *buf, size_t n, struct nt_err *err);

/*
 * Makes sure the database holds the bundled data of `dir` (NULL: found
 * with nt_seed_find_dir): when the database's data version differs from
 * dir/VERSION, loads all foods, portions, targets, staples and superseded
 * foods in one transaction
 * (foods keep their row ids, so journal entries stay attached; bundled
 * foods that vanished are removed unless an entry uses them).  When the
 * data is current nothing is read but VERSION.  When no data directory
 * exists, a database that was loaded before is used as it is.  Then foods
 * not yet classified get their classes (nt_category_refresh): the bundled
 * ones just loaded, and all of them the first time a nutrack with other
 * class rules opens the database.
 * *loaded (optional) tells whether a load happened.
 */
enum nt_status nt_seed_ensure(struct nt_store *s, const char *dir, bool *loaded,
                              struct nt_err *err);

#endif
