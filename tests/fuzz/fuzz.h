/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h - helpers shared by the libFuzzer targets (see build.sh). */
#ifndef NT_FUZZ_H
#define NT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seed.h"
#include "status.h"
#include "store.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * A property the code promises does not hold: say which and abort, so that
 * libFuzzer keeps the input as a crash.
 */
#define FUZZ_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

/*
 * A NUL-terminated copy of data[0..size) in a block of exactly size + 1
 * bytes, so that AddressSanitizer sees a read past the terminator.  The
 * text ends at the first NUL byte, as a C string from argv or a file would.
 */
static inline char *
fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Takes one byte from the front of the input (0 when it is used up). */
static inline unsigned
fuzz_byte(const uint8_t **data, size_t *size)
{
	unsigned b;

	if (!*size)
		return 0;
	b = **data;
	(*data)++;
	(*size)--;
	return b;
}

/* The part of the input before the first `sep` byte (all when none). */
static inline size_t
fuzz_split(const uint8_t *data, size_t size, uint8_t sep)
{
	const uint8_t *p = memchr(data, sep, size);

	return p ? (size_t)(p - data) : size;
}

/* A scratch directory for this process, removed at exit (files inside too). */
static char fuzz_dir_path[256];

static void
fuzz_dir_cleanup(void)
{
	char cmd[300];

	if (!fuzz_dir_path[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_path);
}

static inline const char *
fuzz_dir(void)
{
	const char *tmp;

	if (fuzz_dir_path[0])
		return fuzz_dir_path;
	tmp = getenv("TMPDIR");
	/* a RAM disk when there is one: every run writes a file */
	if (!tmp || !*tmp)
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/nt-fuzz-XXXXXX", tmp);
	if (!mkdtemp(fuzz_dir_path)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(fuzz_dir_cleanup);
	return fuzz_dir_path;
}

/* Writes data to dir/name (created or truncated); stores the path in buf. */
static inline void
fuzz_write_file(const char *name, const void *data, size_t size, char *buf, size_t n)
{
	FILE *fp;

	snprintf(buf, n, "%s/%s", fuzz_dir(), name);
	if (!(fp = fopen(buf, "wb")) || (size && fwrite(data, 1, size, fp) != size) ||
	    fclose(fp) != 0) {
		perror(buf);
		abort();
	}
}

/*
 * The database of the targets that need foods: a private in-memory
 * database loaded once per process with the bundled data
 * ($NUTRACK_DATA_DIR, else the source tree's data/ compiled in).
 */
static inline struct nt_store *
fuzz_db(void)
{
	static struct nt_store *s;
	struct nt_err err;

	if (s)
		return s;
	if (nt_store_open(":memory:", &s, &err) != NT_OK ||
	    nt_seed_ensure(s, NULL, NULL, &err) != NT_OK) {
		fprintf(stderr, "fuzz: cannot load the bundled data: %s\n"
		        "(set NUTRACK_DATA_DIR to the source tree's data/)\n", err.msg);
		exit(1);
	}
	return s;
}

/*
 * A summary of what the imports write (rows and sums over the values of
 * journal entries and of the custom, recipe and dataset foods, which the
 * source index finds without reading the bundled ones), to tell whether a
 * failed import changed anything.
 */
struct fuzz_print {
	long long entries, foods, portions;
	double mg, grams, values;
};

#define FUZZ_IMPORTED \
	"(SELECT id FROM foods WHERE source IN ('custom', 'recipe', 'fdc', 'off', 'cronometer'," \
	" 'myfitnesspal'))"
static const char fuzz_print_sql[] =
	"SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM foods),"
	" (SELECT count(*) FROM portions WHERE food IN " FUZZ_IMPORTED "),"
	" (SELECT total(mg) + total(julianday(day)) + total(meal) FROM entries),"
	" (SELECT total(grams) + total(amount) + total(length(unit)) FROM portions"
	"  WHERE food IN " FUZZ_IMPORTED "),"
	" (SELECT total(energy_kcal) + total(protein_g) + total(b12_ug) + total(ala_g)"
	"  + total(potassium_mg) + total(length(name)) + total(length(grp)) FROM foods"
	"  WHERE id IN " FUZZ_IMPORTED ")";

static inline struct fuzz_print
fuzz_print(struct nt_store *s)
{
	struct fuzz_print p;
	struct nt_err err;
	struct nt_stmt *st = nt_store_stmt(s, fuzz_print_sql, &err);

	if (!st || nt_stmt_step(st, &err) != 1) {
		fprintf(stderr, "fuzz: %s\n", err.msg);
		abort();
	}
	p.entries = nt_stmt_int(st, 0);
	p.foods = nt_stmt_int(st, 1);
	p.portions = nt_stmt_int(st, 2);
	p.mg = nt_stmt_double(st, 3);
	p.grams = nt_stmt_double(st, 4);
	p.values = nt_stmt_double(st, 5);
	nt_stmt_reset(st);
	return p;
}

static inline bool
fuzz_print_same(struct fuzz_print a, struct fuzz_print b)
{
	return a.entries == b.entries && a.foods == b.foods && a.portions == b.portions &&
	       a.mg == b.mg && a.grams == b.grams && a.values == b.values;
}

/*
 * Runs an import inside a transaction of our own that is rolled back after
 * (the import's own transaction nests as a savepoint), so that every input
 * starts from the same database.
 */
static inline void
fuzz_begin(struct nt_store *s)
{
	struct nt_err err;

	if (nt_store_begin(s, &err) != NT_OK) {
		fprintf(stderr, "fuzz: begin: %s\n", err.msg);
		abort();
	}
}

/* An error detail must be set with the returned status and a message. */
#define FUZZ_CHECK_ERR(st, err) \
	FUZZ_CHECK((err).status == (st) && (err).msg[0] && \
	           strlen((err).msg) < sizeof (err).msg, \
	           "status %d, err.status %d, msg '%s'", (int)(st), (int)(err).status, \
	           (err).msg)

#endif
