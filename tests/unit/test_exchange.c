/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_exchange.c - journal and custom-food CSV export and import (exchange.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "category.h"
#include "date.h"
#include "diet.h"
#include "exchange.h"
#include "outfile.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "nutrient.h"
#include "recipe.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;
static char tmpdir[256];
static char files[96][320];
static int n_files;
static long all_from, all_to;

static void
cleanup(void)
{
	for (int i = 0; i < n_files; i++)
		unlink(files[i]);
	if (tmpdir[0])
		rmdir(tmpdir);
}

/* A path in the test's directory, removed at exit. */
static const char *
tmp_path(const char *name)
{
	char *path;

	if (n_files == (int)(sizeof files / sizeof *files))
		tap_bail("too many files");
	path = files[n_files++];
	snprintf(path, sizeof files[0], "%s/%s", tmpdir, name);
	return path;
}

/* Writes a fixture file; returns its path. */
static const char *
fixture(const char *name, const char *bytes, size_t len)
{
	const char *path = tmp_path(name);
	FILE *fp;

	if (!(fp = fopen(path, "wb")) || fwrite(bytes, 1, len, fp) != len || fclose(fp))
		tap_bail("cannot write %s", path);
	return path;
}

#define FIXTURE(name, lit) fixture(name, lit, sizeof lit - 1)

/* A whole file as a string (caller frees); NULL when it cannot be read. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0;
	long size;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)))
		len = fread(buf, 1, (size_t)size, fp);
	fclose(fp);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/* True when a temporary file of nt_exchange_out (".NAME.XXXXXX") is in tmpdir. */
static bool
temp_files_left(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	bool found = false;

	if (!d)
		tap_bail("opendir %s", tmpdir);
	while ((e = readdir(d)))
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			found = true;
	closedir(d);
	return found;
}

/* The journal export of everything (caller frees). */
static char *
export_all(long long *count)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct nt_err err;
	enum nt_status st;

	if (!fp)
		tap_bail("open_memstream");
	st = nt_exchange_journal_export(s, all_from, all_to, fp, count, &err);
	fclose(fp);
	if (st)
		tap_bail("export: %s", err.msg);
	return text;
}

static char *
export_foods(long long *count)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct nt_err err;
	enum nt_status st;

	if (!fp)
		tap_bail("open_memstream");
	st = nt_exchange_foods_export(s, fp, count, &err);
	fclose(fp);
	if (st)
		tap_bail("foods export: %s", err.msg);
	return text;
}

static long long
food(const char *ref)
{
	long long id;
	struct nt_err err;

	if (nt_food_resolve(s, ref, &id, &err))
		tap_bail("resolve %s: %s", ref, err.msg);
	return id;
}

static long
day(const char *iso)
{
	long d;

	if (nt_date_parse_iso(iso, &d))
		tap_bail("bad date %s", iso);
	return d;
}

static void
add(const char *date, enum nt_meal meal, const char *ref, const char *amount, long long mg,
    bool planned)
{
	long long id;
	struct nt_err err;
	enum nt_status st = planned
		? nt_journal_plan(s, day(date), meal, food(ref), amount, mg, &id, &err)
		: nt_journal_add(s, day(date), meal, food(ref), amount, mg, &id, &err);

	if (st)
		tap_bail("add %s: %s", ref, err.msg);
}

static void
wipe_journal(void)
{
	struct nt_err err;

	if (nt_store_exec(s, "DELETE FROM entries", &err))
		tap_bail("wipe: %s", err.msg);
}

static long long
entry_count(void)
{
	long long n = 0;

	free(export_all(&n));
	return n;
}

#define HEADER NT_EXCHANGE_JOURNAL_HEADER "\r\n"
/*
 * The header of the first format, before folate and B6 were appended: the
 * hand-written fixtures below use it, so they are also files of an older
 * nutrack that must still import.
 */
#define OLD_HEADER                                                              \
	"date,meal,food_id,food,amount,grams,status,b12_ug,ala_g,epa_g,dha_g,dpa_g," \
	"potassium_mg,energy_kcal,protein_g,estimated\r\n"

/*
 * The entries below, with values per 100 g from data/foods.csv:
 *   sr28:15076 salmon: energy 142, protein 19.84, B12 3.18, ALA 0.295, EPA 0.321,
 *     DHA 1.115, DPA 0.287, potassium 490.
 *   sr28:16139 soymilk: energy 43, protein 2.60, B12 0.85, ALA 0.075, EPA/DHA/DPA 0,
 *     potassium 122.
 *   sr28:12220 flaxseed: energy 534, protein 18.29, B12 0, ALA 22.813, EPA/DHA/DPA 0,
 *     potassium 813.
 *   sr28:01123 egg: energy 143, protein 12.56, B12 0.89, ALA 0.036, EPA 0, DHA 0.058,
 *     DPA 0.007, potassium 138.
 *   label:1 nutritional yeast: protein 50, B12 150, the rest unknown (empty).
 * and folate (DFE), folic acid, food folate (ug), B6 (mg): salmon 25, 0, 25,
 * 0.818; soymilk 9, 0, 9, 0.031; flaxseed 87, 0, 87, 0.473; egg 47, 0, 47,
 * 0.170; the yeast's unknown.  They are the columns after estimated.
 * An entry's value is per 100 g x grams / 100.  Salmon's, soymilk's and
 * flaxseed's ALA are estimated from 18:3 (ala_from_18_3 = 1 in foods.csv):
 * their rows end "ala_g"; the egg's ALA is measured and the yeast has none.
 */
static const char journal_csv[] =
	HEADER
	/* 396 g salmon ("1 fillet" = 198 g / 0.5): x 3.96 -> B12 3.18 x 3.96 = 12.5928,
	 * ALA 1.1682, EPA 1.27116, DHA 4.4154, DPA 1.13652, K 1940.4, 562.32 kcal,
	 * protein 78.5664 */
	"2026-03-10,dinner,sr28:15076,\"Fish, salmon, Atlantic, wild, raw\",1 fillet,396,eaten,"
	"12.5928,1.1682,1.27116,4.4154,1.13652,1940.4,562.32,78.5664,ala_g,"
	/* folate 25 x 3.96 = 99, B6 0.818 x 3.96 = 3.23928 */
	"99,0,99,3.23928\r\n"
	/* 256.775 g soymilk (250 ml x 243 g / 236.5882365 ml): x 2.56775 -> B12 0.85 x
	 * 2.56775 = 2.1825875, ALA 0.19258125, K 313.2655, 110.41325 kcal, protein 6.67615 */
	"2026-03-11,breakfast,sr28:16139,\"Soymilk, original and vanilla, with added calcium, "
	"vitamins A and D\",250ml,256.775,eaten,2.1825875,0.19258125,0,0,0,313.2655,110.41325,"
	"6.67615,ala_g,"
	/* folate 9 x 2.56775 = 23.10975, B6 0.031 x 2.56775 = 0.07960025 */
	"23.10975,0,23.10975,0.07960025\r\n"
	/* 10.3 g flaxseed, added after the soymilk, so after it in the meal: x 0.103 ->
	 * ALA 22.813 x 0.103 = 2.349739, K 83.739, 55.002 kcal, protein 1.88387 */
	"2026-03-11,breakfast,sr28:12220,\"Seeds, flaxseed\",1 tbsp,10.3,eaten,0,2.349739,0,0,0,"
	"83.739,55.002,1.88387,ala_g,"
	/* folate 87 x 0.103 = 8.961, B6 0.473 x 0.103 = 0.048719 */
	"8.961,0,8.961,0.048719\r\n"
	/* 100 g egg: the values per 100 g themselves */
	"2026-03-11,lunch,sr28:01123,\"Egg, whole, raw, fresh\",2 large,100,eaten,0.89,0.036,0,"
	"0.058,0.007,138,143,12.56,,47,0,47,0.17\r\n"
	/* 1.667 g yeast: B12 150 x 0.01667 = 2.5005, protein 50 x 0.01667 = 0.8335, the
	 * rest unknown */
	"2026-03-11,snack,label:1,\"Nutritional yeast flakes, fortified (Bragg Premium "
	"Nutritional Yeast Seasoning)\",1 tsp,1.667,eaten,2.5005,,,,,,,0.8335,,,,,\r\n"
	/* 50 g egg, halves: B12 0.445, ALA 0.018, DHA 0.029, DPA 0.0035, K 69, 71.5 kcal,
	 * protein 6.28, folate 23.5, B6 0.085; the amount text needs quoting (a comma and
	 * quotes) */
	"2026-03-12,breakfast,sr28:01123,\"Egg, whole, raw, fresh\",\"1 \"\"large\"\", raw\",50,"
	"eaten,0.445,0.018,0,0.029,0.0035,69,71.5,6.28,,23.5,0,23.5,0.085\r\n"
	"2026-03-12,lunch,sr28:01123,\"Egg, whole, raw, fresh\",1 large,50,planned,0.445,0.018,"
	"0,0.029,0.0035,69,71.5,6.28,,23.5,0,23.5,0.085\r\n";

static void
add_journal(void)
{
	add("2026-03-11", NT_BREAKFAST, "sr28:16139", "250ml", 256775, false);
	add("2026-03-12", NT_LUNCH, "sr28:01123", "1 large", 50000, true);
	add("2026-03-11", NT_SNACK, "label:1", "1 tsp", 1667, false);
	add("2026-03-11", NT_LUNCH, "sr28:01123", "2 large", 100000, false);
	add("2026-03-10", NT_DINNER, "sr28:15076", "1 fillet", 396000, false);
	add("2026-03-11", NT_BREAKFAST, "sr28:12220", "1 tbsp", 10300, false);
	add("2026-03-12", NT_BREAKFAST, "sr28:01123", "1 \"large\", raw", 50000, false);
}

static void
test_export(void)
{
	long long n = -1;
	char *text;

	text = export_all(&n);
	is_str(text, HEADER, "an empty journal exports the header alone");
	is_int(n, 0, "... and counts 0 entries");
	free(text);

	add_journal();
	text = export_all(&n);
	is_str(text, journal_csv, "export: by date, meal, entry; exact grams; values at 10 digits");
	is_int(n, 7, "export counts 7 entries");
	free(text);

	{
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		struct nt_err err;

		/* Only 2026-03-11: its four entries. */
		ok(nt_exchange_journal_export(s, day("2026-03-11"), day("2026-03-11"), fp, &n, &err) ==
		   NT_OK, "export of one day");
		fclose(fp);
		is_int(n, 4, "one day: 4 entries");
		ok(buf && !strncmp(buf, HEADER "2026-03-11,breakfast,sr28:16139,", strlen(HEADER) + 32),
		   "one day: starts with its first entry");
		ok(buf && !strstr(buf, "2026-03-10") && !strstr(buf, "2026-03-12"),
		   "one day: no other day");
		free(buf);
	}

	/* Grams: whole milligrams over 1000, exact, no trailing zeros. */
	wipe_journal();
	add("2026-03-11", NT_LUNCH, "sr28:01123", "1 mg", 1, false);
	add("2026-03-11", NT_LUNCH, "sr28:01123", "10 kg", 10000000, false);
	add("2026-03-11", NT_LUNCH, "sr28:01123", "12.34 g", 12340, false);
	text = export_all(&n);
	ok(strstr(text, ",1 mg,0.001,eaten,") != NULL, "1 mg is 0.001 g");
	ok(strstr(text, ",10 kg,10000,eaten,") != NULL, "10,000,000 mg is 10000 g");
	ok(strstr(text, ",12.34 g,12.34,eaten,") != NULL, "12,340 mg is 12.34 g");
	/* 1 mg egg: B12 0.89 x 0.001 / 100 = 0.0000089, written 8.9e-06 */
	ok(strstr(text, ",0.001,eaten,8.9e-06,") != NULL, "tiny values keep their digits");
	free(text);
	wipe_journal();
}

static enum nt_status
import(const char *path, bool dry_run, struct nt_import_counts *c, struct nt_err *err)
{
	return nt_exchange_journal_import(s, path, dry_run, c, err);
}

static void
test_round_trip(void)
{
	const char *path = FIXTURE("journal.csv", journal_csv);
	struct nt_import_counts c;
	struct nt_err err;
	char *text;

	wipe_journal();
	ok(import(path, true, &c, &err) == NT_OK, "dry run of the export");
	is_int(c.rows, 7, "dry run: 7 rows");
	is_int(c.added, 7, "dry run: 7 would be added");
	is_int(c.present, 0, "dry run: 0 present");
	is_int(entry_count(), 0, "dry run: nothing written");

	ok(import(path, false, &c, &err) == NT_OK, "import into an empty journal");
	is_int(c.added, 7, "7 added");
	is_int(c.present, 0, "0 present");
	text = export_all(NULL);
	is_str(text, journal_csv, "export -> import -> export gives the same bytes");
	free(text);

	ok(import(path, false, &c, &err) == NT_OK, "import again");
	is_int(c.added, 0, "again: 0 added");
	is_int(c.present, 7, "again: 7 present");
	is_int(entry_count(), 7, "again: still 7 entries");

	/* The same through a file written whole by nt_outfile. */
	{
		const char *out = tmp_path("out.csv");
		struct nt_outfile o;
		struct stat sb;
		char *got;

		ok(nt_outfile_open(&o, out, &err) == NT_OK, "out: open");
		ok(access(out, F_OK) != 0, "out: nothing at the target before commit");
		ok(nt_exchange_journal_export(s, all_from, all_to, o.fp, NULL, &err) == NT_OK,
		   "out: export into it");
		ok(nt_outfile_commit(&o, &err) == NT_OK, "out: commit");
		ok(o.fp == NULL && o.tmp == NULL && o.path == NULL, "out: finished after commit");
		got = slurp(out);
		is_str(got, journal_csv, "out: the file holds the export");
		free(got);
		ok(stat(out, &sb) == 0 && (sb.st_mode & 0777) == 0600, "out: mode 0600");

		/* An aborted write leaves the old file as it was and no temporary file. */
		ok(nt_outfile_open(&o, out, &err) == NT_OK, "out: open over it");
		fputs("half a fi", o.fp);
		nt_outfile_abort(&o);
		got = slurp(out);
		is_str(got, journal_csv, "out: abort keeps the old file");
		free(got);
		ok(!temp_files_left(), "out: no temporary file left");
		ok(nt_outfile_open(&o, tmpdir, &err) == NT_ERR_IO, "out: a directory fails");
		ok(strstr(err.msg, ": it is a directory") != NULL, "out: ... saying so");
		ok(!temp_files_left(), "out: ... leaving nothing behind");
		ok(nt_outfile_open(&o, "/nonexistent-dir/x.csv", &err) == NT_ERR_IO,
		   "out: a missing directory fails");
		is_str(err.msg, "cannot write /nonexistent-dir/x.csv: No such file or directory",
		       "out: ... naming the file");
		/* a device is written, not replaced by a file */
		ok(nt_outfile_open(&o, "/dev/null", &err) == NT_OK, "out: /dev/null opens");
		ok(o.tmp == NULL, "out: ... directly, without a temporary file");
		fputs("gone", o.fp);
		ok(nt_outfile_commit(&o, &err) == NT_OK, "out: ... and commits");
		ok(stat("/dev/null", &sb) == 0 && S_ISCHR(sb.st_mode), "out: /dev/null is a device still");
	}
}

static void
test_multiplicity(void)
{
	/* Three identical rows in the file against one in the journal: 2 added. */
	static const char three[] =
		OLD_HEADER
		"2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n"
		"2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n"
		"2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n"
		/* differs in status only: a different entry */
		"2026-03-11,lunch,sr28:01123,,2 large,100,planned,,,,,,,,,\r\n"
		/* differs in grams only */
		"2026-03-11,lunch,sr28:01123,,2 large,100.001,eaten,,,,,,,,,\r\n";
	const char *path = FIXTURE("three.csv", three);
	struct nt_import_counts c;
	struct nt_err err;

	wipe_journal();
	add("2026-03-11", NT_LUNCH, "sr28:01123", "2 large", 100000, false);
	ok(import(path, true, &c, &err) == NT_OK, "multiplicity: dry run");
	is_int(c.added, 4, "dry run: 3 - 1 = 2 copies, plus the planned and the 100.001 g one");
	is_int(c.present, 1, "dry run: 1 present");
	is_int(entry_count(), 1, "dry run: still 1 entry");
	ok(import(path, false, &c, &err) == NT_OK, "multiplicity: import");
	is_int(c.added, 4, "4 added");
	is_int(c.present, 1, "1 present");
	is_int(entry_count(), 5, "5 entries");
	ok(import(path, false, &c, &err) == NT_OK, "multiplicity: import again");
	is_int(c.added, 0, "again: 0 added");
	is_int(c.present, 5, "again: all 5 present");
	wipe_journal();
}

/*
 * A fixture with a BOM, CRLF, columns in another order, food, values and
 * estimated left out (as an older nutrack wrote it): the export says the
 * salmon's ALA is estimated, as its food does.
 */
static void
test_flexible(void)
{
	static const char bom[] =
		"\xef\xbb\xbf" "status,grams,amount,food_id,meal,date\r\n"
		"eaten,85,\"3 oz, baked \"\"wild\"\"\",sr28:15076,dinner,2026-03-09\r\n"
		"planned, 30 ,1 slice,SR28:1123,snack,2026-03-09\r\n";
	const char *path = FIXTURE("bom.csv", bom);
	struct nt_import_counts c;
	struct nt_err err;
	char *text;

	wipe_journal();
	ok(import(path, false, &c, &err) == NT_OK, "BOM, CRLF, any column order: imported");
	is_int(c.added, 2, "2 added");
	text = export_all(NULL);
	/* 85 g salmon: x 0.85 -> B12 3.18 x 0.85 = 2.703, ALA 0.25075, EPA 0.27285,
	 * DHA 0.94775, DPA 0.24395, K 416.5, 120.7 kcal, protein 16.864, folate 21.25,
	 * B6 0.6953.
	 * 30 g egg ("SR28:1123" names sr28:01123): x 0.3 -> B12 0.267, ALA 0.0108,
	 * DHA 0.0174, DPA 0.0021, K 41.4, 42.9 kcal, protein 3.768, folate 14.1, B6 0.051. */
	is_str(text,
	       HEADER
	       "2026-03-09,dinner,sr28:15076,\"Fish, salmon, Atlantic, wild, raw\","
	       "\"3 oz, baked \"\"wild\"\"\",85,eaten,2.703,0.25075,0.27285,0.94775,0.24395,416.5,"
	       "120.7,16.864,ala_g,21.25,0,21.25,0.6953\r\n"
	       "2026-03-09,snack,sr28:01123,\"Egg, whole, raw, fresh\",1 slice,30,planned,0.267,"
	       "0.0108,0,0.0174,0.0021,41.4,42.9,3.768,,14.1,0,14.1,0.051\r\n",
	       "the imported entries export as expected");
	free(text);
	wipe_journal();
}

struct bad_case {
	const char *name;
	const char *bytes;
	const char *why; /* after "path:" */
};

static void
test_bad_journals(void)
{
	/* A good row so that a fault on a later line proves all-or-nothing. */
#define GOOD "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n"
	static const struct bad_case cases[] = {
		{"empty", "", "1: empty file (no header row)"},
		{"no-header", GOOD, "1: no header row: the first line must name the columns "
		 NT_EXCHANGE_JOURNAL_HEADER},
		{"unknown-column", "date,meal,food_id,amount,grams,status,note\r\n",
		 "1:7: unknown column 'note' (the columns are " NT_EXCHANGE_JOURNAL_HEADER ")"},
		{"twice", "date,meal,food_id,amount,grams,status,meal\r\n",
		 "1:7: column 'meal' appears twice"},
		{"missing-column", "date,meal,food_id,amount,status\r\n",
		 "1: missing column 'grams'"},
		{"short-row", OLD_HEADER GOOD "2026-03-11,lunch,sr28:01123,,2 large\r\n",
		 "3:6: short row: 5 fields where the header has 16"},
		{"long-row", OLD_HEADER GOOD "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,x,\r\n",
		 "3:17: long row: 17 fields where the header has 16"},
		{"feb-30", OLD_HEADER GOOD "2026-02-30,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n",
		 "3:1: date: not a real day as YYYY-MM-DD (years 1900-9999): '2026-02-30'"},
		{"date-word", OLD_HEADER "today,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n",
		 "2:1: date: not a real day as YYYY-MM-DD (years 1900-9999): 'today'"},
		{"meal", OLD_HEADER GOOD "2026-03-11,brunch,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n",
		 "3:2: meal: not breakfast, lunch, dinner or snack: 'brunch'"},
		{"meal-prefix", OLD_HEADER "2026-03-11,b,sr28:01123,,2 large,100,eaten,,,,,,,,,\r\n",
		 "2:2: meal: not breakfast, lunch, dinner or snack: 'b'"},
		{"unknown-food", OLD_HEADER GOOD "2026-03-11,lunch,sr28:99999,,2 large,100,eaten,,,,,,,,,\r\n",
		 "3:3: food_id: no food with id 'sr28:99999'"},
		{"not-an-id", OLD_HEADER "2026-03-11,lunch,egg,,2 large,100,eaten,,,,,,,,,\r\n",
		 "2:3: food_id: 'egg' is not a food id (SOURCE:CODE with SOURCE one of "
		 NT_FOOD_SOURCES ", or a bare code)"},
		{"empty-food-id", OLD_HEADER "2026-03-11,lunch,,,2 large,100,eaten,,,,,,,,,\r\n",
		 "2:3: food_id: empty"},
		{"empty-amount", OLD_HEADER "2026-03-11,lunch,sr28:01123,,,100,eaten,,,,,,,,,\r\n",
		 "2:5: amount: empty"},
		{"amount-control", OLD_HEADER "2026-03-11,lunch,sr28:01123,,\"2\x1b[2J\",100,eaten,,,,,,,,,\r\n",
		 "2:5: amount: control characters in '2\x1b[2J'"},
		{"grams-word", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,lots,eaten,,,,,,,,,\r\n",
		 "2:6: grams: not a number: 'lots'"},
		{"grams-zero", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,0,eaten,,,,,,,,,\r\n",
		 "2:6: grams: must be more than 0: '0'"},
		{"grams-negative", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,-5,eaten,,,,,,,,,\r\n",
		 "2:6: grams: must be more than 0: '-5'"},
		{"grams-huge", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,10000.001,eaten,,,,,,,,,\r\n",
		 "2:6: grams: more than 10000 g, the most one entry may hold: '10000.001'"},
		{"grams-tiny", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,0.0004,eaten,,,,,,,,,\r\n",
		 "2:6: grams: less than 1 mg: '0.0004'"},
		{"grams-nan", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,nan,eaten,,,,,,,,,\r\n",
		 "2:6: grams: not a number: 'nan'"},
		{"status", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,100,done,,,,,,,,,\r\n",
		 "2:7: status: not eaten or planned: 'done'"},
		{"value-word", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,lots,,,,,,,,\r\n",
		 "2:8: b12_ug: not a number: 'lots'"},
		{"value-last", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,x,\r\n",
		 "2:15: protein_g: not a number: 'x'"},
		{"estimated-word", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,omega3\r\n",
		 "2:16: estimated: not nutrient columns separated by spaces (e.g. ala_g): 'omega3'"},
		{"estimated-spaces", OLD_HEADER "2026-03-11,lunch,sr28:01123,,2 large,100,eaten,,,,,,,,,"
		 "ala_g  epa_g\r\n",
		 "2:16: estimated: not nutrient columns separated by spaces (e.g. ala_g): "
		 "'ala_g  epa_g'"},
		{"bad-utf8", OLD_HEADER "2026-03-11,lunch,sr28:01123,\"Egg \xff\",2 large,100,eaten,,,,,,,,,\r\n",
		 "2:4: invalid UTF-8"},
		{"unterminated", OLD_HEADER GOOD "2026-03-11,lunch,sr28:01123,\"Egg,2 large,100,eaten\r\n",
		 "3:4: unterminated quoted field"},
		/* The first fault from the left is the one reported. */
		{"first-fault", OLD_HEADER "2026-13-01,brunch,sr28:99999,,,0,done,,,,,,,,,\r\n",
		 "2:1: date: not a real day as YYYY-MM-DD (years 1900-9999): '2026-13-01'"},
	};
	struct nt_import_counts c = {0};
	struct nt_err err;
	char *before, *after, want[700], name[64];

	wipe_journal();
	add("2026-03-10", NT_DINNER, "sr28:15076", "1 fillet", 396000, false);
	before = export_all(NULL);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *path;
		enum nt_status st;

		snprintf(name, sizeof name, "bad-%s.csv", cases[i].name);
		path = fixture(name, cases[i].bytes, strlen(cases[i].bytes));
		for (int dry = 0; dry < 2; dry++) {
			memset(&err, 0, sizeof err);
			st = import(path, dry, &c, &err);
			is_int(st, NT_ERR_PARSE, "%s%s: a malformed file", cases[i].name,
			       dry ? " (dry run)" : "");
			snprintf(want, sizeof want, "%s:%s", path, cases[i].why);
			is_str(err.msg, want, "%s%s: the message names file, line and column",
			       cases[i].name, dry ? " (dry run)" : "");
		}
		after = export_all(NULL);
		is_str(after, before, "%s: the journal is as it was", cases[i].name);
		free(after);
	}

	/* A file that does not exist, and a directory. */
	{
		const char *missing = tmp_path("missing.csv");

		is_int(import(missing, false, &c, &err), NT_ERR_IO, "missing file: NT_ERR_IO");
		snprintf(want, sizeof want, "%s: No such file or directory", missing);
		is_str(err.msg, want, "missing file: named");
		is_int(import(tmpdir, false, &c, &err), NT_ERR_IO, "a directory: NT_ERR_IO");
		snprintf(want, sizeof want, "%s: is a directory", tmpdir);
		is_str(err.msg, want, "a directory: named");
	}
	after = export_all(NULL);
	is_str(after, before, "after every bad file the journal is as it was");
	free(after);
	free(before);

	/* A header alone is a good, empty file. */
	ok(import(FIXTURE("header-only.csv", HEADER), false, &c, &err) == NT_OK,
	   "a header alone imports");
	is_int(c.rows, 0, "... 0 rows");
	is_int(c.added, 0, "... 0 added");
	wipe_journal();
#undef GOOD
}

/* ---- custom foods ---- */

static long long
custom(const char *name, enum nt_measure m1, double v1, enum nt_measure m2, double v2,
       const char *unit, double grams)
{
	double per100[NT_STORED_COUNT];
	long long id;
	struct nt_err err;

	for (int m = 0; m < NT_STORED_COUNT; m++)
		per100[m] = NT_UNKNOWN;
	if ((int)m1 >= 0)
		per100[m1] = v1;
	if ((int)m2 >= 0)
		per100[m2] = v2;
	if (nt_food_add_custom(s, name, per100, unit, 1, grams, &id, &err))
		tap_bail("custom %s: %s", name, err.msg);
	return id;
}

#define FOODS_HEADER NT_EXCHANGE_FOODS_HEADER "\r\n"
/* The first format's, without folate and B6: the hand-written fixtures use it. */
#define OLD_FOODS_HEADER                                                          \
	"id,name,group,b12_ug,b12_added_ug,ala_g,epa_g,dha_g,dpa_g,potassium_mg,"     \
	"energy_kcal,protein_g,contains,portions\r\n"

/*
 * custom:1 "Oat bar": 120 mg potassium and 0.6 ug B12 per 40 g bar = 300 mg and
 *   1.5 ug per 100 g (x 100 / 40); contains dairy and egg; portion 1 bar = 40 g;
 *   per bar 12 ug folic acid and 4 ug food folate, so 30 and 10 ug per 100 g,
 *   DFE 10 + 1.7 x 30 = 61 ug, and 0.1 mg B6 = 0.25 mg per 100 g: the columns
 *   after portions.
 * custom:2 a supplement whose name and unit need quoting and escaping: 7 ug B12
 *   per 0.3 g drop = 700 / 0.3 = 2333.33... ug per 100 g, written with the 17
 *   digits that read back as the same double.
 * custom:3 "Plain": nothing known, no portion.
 */
static const char foods_csv[] =
	FOODS_HEADER
	"custom:1,Oat bar,Custom foods,1.5,,,,,,300,,,dairy egg,1 bar=40,61,30,10,0.25\r\n"
	"custom:2,\"B12 drops; \"\"x\"\", y\",Supplements,2333.3333333333335,,,,,,,,,none,"
	"1 drop\\;\\=\\\\=0.3,,,,\r\n"
	"custom:3,Plain,Custom foods,,,,,,,,,,none,,,,,\r\n";

static void
test_foods_export(void)
{
	struct nt_err err;
	long long n = -1, bar, drops;
	char *text;

	text = export_foods(&n);
	is_str(text, FOODS_HEADER, "no custom foods: the header alone");
	is_int(n, 0, "... 0 foods");
	free(text);

	{
		double per100[NT_STORED_COUNT];

		for (int m = 0; m < NT_STORED_COUNT; m++)
			per100[m] = NT_UNKNOWN;
		per100[NT_POTASSIUM] = 120 * 100.0 / 40;
		per100[NT_B12] = 0.6 * 100.0 / 40;
		per100[NT_FOLATE] = 61;
		per100[NT_FOLIC_ACID] = 30;
		per100[NT_FOOD_FOLATE] = 10;
		per100[NT_B6] = 0.25;
		if (nt_food_add_custom(s, "Oat bar", per100, "bar", 1, 40, &bar, &err))
			tap_bail("custom Oat bar: %s", err.msg);
	}
	if (nt_food_tag(s, bar, NT_TAG_DAIRY | NT_TAG_EGG, &err))
		tap_bail("tag: %s", err.msg);
	drops = custom("B12 drops; \"x\", y", NT_B12, 700 / 0.3, -1, 0, "drop;=\\", 0.3);
	if (nt_food_mark_supplement(s, drops, &err))
		tap_bail("supplement: %s", err.msg);
	custom("Plain", -1, 0, -1, 0, NULL, 0);
	text = export_foods(&n);
	is_str(text, foods_csv, "foods export: values, tags, escaped portions");
	is_int(n, 3, "3 custom foods");
	free(text);
	ok(strtod("2333.3333333333335", NULL) == 700 / 0.3,
	   "the 17 digits read back as the stored value");
}

static enum nt_status
foods_import(const char *path, bool dry_run, struct nt_import_counts *c, struct nt_err *err)
{
	return nt_exchange_foods_import(s, path, dry_run, c, err);
}

static void
test_foods_import(void)
{
	const char *same = FIXTURE("foods.csv", foods_csv);
	/* Oat bar's potassium 300 -> 320 and a second portion; "Plain" gains a tag; a new
	 * food whose custom:2 is taken gets custom:4; one whose custom:9 is free keeps it.
	 * A file of an older nutrack, without the folate and B6 columns: the bar's folate
	 * and B6 become unknown, as the file has them. */
	static const char changed[] =
		"\xef\xbb\xbf" OLD_FOODS_HEADER
		"custom:1,Oat bar,Custom foods,1.5,,,,,,320,,,dairy egg,1 bar=40;2 bites=15\r\n"
		"custom:3,Plain,Custom foods,,,,,,,,,,honey,\r\n"
		"custom:2,Seitan,Custom foods,,,,,,,,370,75,none,1 slice=28\r\n"
		"custom:9,\"Tempeh, \"\"home\"\"\",Custom foods,0.1,,,,,,412,192,19,none,\r\n";
	const char *path = FIXTURE("foods-changed.csv", changed);
	struct nt_import_counts c;
	struct nt_err err;
	struct nt_amounts v_before;
	long long bar = food("custom:1"), recipe, item, n;
	struct nt_food *f;
	char *text;

	/* An entry of the bar, and a recipe made of it, before the import. */
	add("2026-03-11", NT_SNACK, "custom:1", "1 bar", 40000, false);
	if (nt_recipe_new(s, "Bar crumble", 1, &recipe, &err) ||
	    nt_recipe_add(s, recipe, bar, "1 bar", 40000, &item, &err))
		tap_bail("recipe: %s", err.msg);
	{
		struct nt_entry_list l;

		if (nt_journal_day(s, day("2026-03-11"), &l, &err) || l.n != 1)
			tap_bail("day");
		v_before = l.v[0].values;
		nt_entry_list_fini(&l);
	}
	is_num(v_before.v[NT_POTASSIUM], 120, 1e-9, "before: the bar entry has 300 x 0.4 = 120 mg");

	ok(foods_import(same, false, &c, &err) == NT_OK, "importing the export itself");
	is_int(c.added, 0, "same: 0 added");
	is_int(c.updated, 0, "same: 0 updated");
	is_int(c.present, 3, "same: 3 unchanged");
	text = export_foods(NULL);
	is_str(text, foods_csv, "same: the foods are as they were");
	free(text);

	ok(foods_import(path, true, &c, &err) == NT_OK, "changes: dry run");
	is_int(c.added, 2, "dry run: 2 to add");
	is_int(c.updated, 2, "dry run: 2 to update");
	is_int(c.present, 0, "dry run: 0 unchanged");
	text = export_foods(NULL);
	is_str(text, foods_csv, "dry run: nothing changed");
	free(text);

	ok(foods_import(path, false, &c, &err) == NT_OK, "changes: import");
	is_int(c.added, 2, "2 added");
	is_int(c.updated, 2, "2 updated");
	is_int(c.present, 0, "0 unchanged");
	text = export_foods(&n);
	is_str(text,
	       FOODS_HEADER
	       "custom:1,Oat bar,Custom foods,1.5,,,,,,320,,,dairy egg,1 bar=40;2 bites=15,,,,\r\n"
	       "custom:2,\"B12 drops; \"\"x\"\", y\",Supplements,2333.3333333333335,,,,,,,,,none,"
	       "1 drop\\;\\=\\\\=0.3,,,,\r\n"
	       "custom:3,Plain,Custom foods,,,,,,,,,,honey,,,,,\r\n"
	       "custom:4,Seitan,Custom foods,,,,,,,,370,75,none,1 slice=28,,,,\r\n"
	       "custom:9,\"Tempeh, \"\"home\"\"\",Custom foods,0.1,,,,,,412,192,19,none,,,,,\r\n",
	       "changes: updated in place, new foods custom:4 (custom:2 taken) and custom:9");
	is_int(n, 5, "5 custom foods");
	free(text);
	is_int(food("custom:1"), bar, "the bar kept its row id");
	is_int(fixture_misclassified(s, "custom"), 0, "the foods written have their classes");
	{
		struct nt_entry_list l;

		if (nt_journal_day(s, day("2026-03-11"), &l, &err) || l.n != 1)
			tap_bail("day");
		/* 320 mg per 100 g x 40 g / 100 = 128 mg */
		is_num(l.v[0].values.v[NT_POTASSIUM], 128, 1e-9,
		       "the bar's entry follows the new value: 320 x 0.4 = 128 mg");
		nt_entry_list_fini(&l);
	}
	if (nt_food_get(s, recipe, &f, &err))
		tap_bail("recipe food: %s", err.msg);
	/* The recipe is 40 g of bar alone: its values per 100 g are the bar's. */
	is_num(f->per100[NT_POTASSIUM], 320, 1e-9, "the recipe was worked out again: 320 mg");
	nt_food_free(f);
	{
		unsigned tags;
		bool corrected;

		ok(nt_food_tags(s, food("custom:3"), &tags, &corrected, &err) == NT_OK &&
		   tags == NT_TAG_HONEY, "Plain now contains honey");
	}
	ok(foods_import(path, false, &c, &err) == NT_OK, "changes again");
	is_int(c.added, 0, "again: 0 added");
	is_int(c.updated, 0, "again: 0 updated");
	is_int(c.present, 4, "again: 4 unchanged");
}

/* Rows of one name pair with the foods of that name in id order; extras are added. */
static void
test_foods_same_names(void)
{
	static const char twins[] =
		OLD_FOODS_HEADER
		"custom:20,Twin,Custom foods,1,,,,,,,,,none,\r\n"
		"custom:21,Twin,Custom foods,2,,,,,,,,,none,\r\n"
		"custom:22,Twin,Custom foods,3,,,,,,,,,none,\r\n";
	const char *path = FIXTURE("twins.csv", twins);
	struct nt_import_counts c;
	struct nt_err err;
	long long n0, n1;

	free(export_foods(&n0));
	custom("Twin", NT_B12, 1, -1, 0, NULL, 0);
	custom("Twin", NT_B12, 5, -1, 0, NULL, 0);
	/* The first Twin row matches the first Twin (B12 1: unchanged), the second the
	 * second (5 -> 2: updated), the third is new. */
	ok(foods_import(path, false, &c, &err) == NT_OK, "twins: import");
	is_int(c.present, 1, "twins: 1 unchanged");
	is_int(c.updated, 1, "twins: 1 updated");
	is_int(c.added, 1, "twins: 1 added");
	free(export_foods(&n1));
	is_int(n1, n0 + 3, "twins: three Twins in all");
	ok(foods_import(path, false, &c, &err) == NT_OK, "twins: again");
	is_int(c.present, 3, "twins again: 3 unchanged");
	is_int(c.added + c.updated, 0, "twins again: nothing else");
}

/*
 * New foods are numbered as the rows come: the row's custom:N when free
 * (also of foods this import just made), else one past the largest.
 */
static void
test_foods_numbering(void)
{
	static const char rows[] =
		OLD_FOODS_HEADER
		"custom:500,Num A,Custom foods,1,,,,,,,,,none,\r\n"   /* free: 500 */
		"custom:500,Num B,Custom foods,1,,,,,,,,,none,\r\n"   /* A has it: 501 */
		"custom:501,Num C,Custom foods,1,,,,,,,,,none,\r\n"   /* B has it: 502 */
		",Num D,Custom foods,1,,,,,,,,,none,\r\n"             /* none: 503 */
		"custom:1,Num E,Custom foods,1,,,,,,,,,none,\r\n";    /* Oat bar's: 504 */
	static const char *const want[][2] = {
		{"custom:500", "Num A"}, {"custom:501", "Num B"}, {"custom:502", "Num C"},
		{"custom:503", "Num D"}, {"custom:504", "Num E"},
	};
	const char *path = FIXTURE("numbering.csv", rows);
	struct nt_import_counts c;
	struct nt_err err;

	ok(foods_import(path, false, &c, &err) == NT_OK, "numbering: import");
	is_int(c.added, 5, "numbering: 5 added");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		struct nt_food *f = NULL;

		if (nt_food_get(s, food(want[i][0]), &f, &err) == NT_OK)
			is_str(f->name, want[i][1], "%s is %s", want[i][0], want[i][1]);
		else
			ok(0, "%s exists", want[i][0]);
		nt_food_free(f);
	}
}

/* The classes of what foods import writes: worked out from the row, in the merge. */
static void
test_foods_classes(void)
{
	static const char custom[] =
		OLD_FOODS_HEADER ",Class probe,Custom foods,1,,,,,,,,,none,1 shot=30\r\n";
	static const char supplement[] =
		OLD_FOODS_HEADER ",Class probe,Supplements,1,,,,,,,,,none,1 shot=30\r\n";
	static const char sql_class[] =
		"SELECT class FROM foods WHERE source = 'custom' AND name = 'Class probe'";
	struct nt_import_counts c;
	struct nt_err err;

	ok(foods_import(FIXTURE("class-custom.csv", custom), false, &c, &err) == NT_OK &&
	   c.added == 1, "classes: a new food");
	is_int(fixture_count(s, sql_class), 0, "... of no class");
	ok(foods_import(FIXTURE("class-supplement.csv", supplement), false, &c, &err) == NT_OK &&
	   c.updated == 1, "classes: the food moves to Supplements");
	is_int(fixture_count(s, sql_class), NT_CLASS_SUPPLEMENT, "... and is a supplement now");
	is_int(fixture_misclassified(s, "custom"), 0, "classes: every custom food as the rules say");
}

static void
test_bad_foods(void)
{
#define ROW(id, rest) id ",Bar,Custom foods," rest "\r\n"
#define VALS ",,,,,,,,,"
	static const struct bad_case cases[] = {
		{"empty", "", "1: empty file (no header row)"},
		/* a journal file shares the value columns: its first column is unknown */
		{"journal-file", HEADER, "1:1: unknown column 'date' (the columns are "
		 NT_EXCHANGE_FOODS_HEADER ")"},
		{"no-header", "custom:1,Bar\r\n", "1: no header row: the first line must name the "
		 "columns " NT_EXCHANGE_FOODS_HEADER},
		{"missing", "id,name,group\r\n", "1: missing column 'b12_ug'"},
		{"unknown", "id,name,group,colour\r\n", "1:4: unknown column 'colour' (the columns are "
		 NT_EXCHANGE_FOODS_HEADER ")"},
		{"short", OLD_FOODS_HEADER "custom:1,Bar\r\n",
		 "2:3: short row: 2 fields where the header has 14"},
		{"id", OLD_FOODS_HEADER ROW("sr28:01123", VALS "none,"),
		 "2:1: id: not empty or custom:N: 'sr28:01123'"},
		{"id-zero", OLD_FOODS_HEADER ROW("custom:0", VALS "none,"),
		 "2:1: id: not empty or custom:N: 'custom:0'"},
		{"name", OLD_FOODS_HEADER ",,Custom foods," VALS "none,\r\n",
		 "2:2: name: must be 1-200 bytes of text without control characters, not blanks only"},
		{"blank-name", OLD_FOODS_HEADER ",   ,Custom foods," VALS "none,\r\n",
		 "2:2: name: must be 1-200 bytes of text without control characters, not blanks only"},
		{"group", OLD_FOODS_HEADER ",Bar,Fish," VALS "none,\r\n",
		 "2:3: group: not 'Custom foods' or 'Supplements': 'Fish'"},
		{"value", OLD_FOODS_HEADER ROW("", "1,,,,,,,lots,," "none,"),
		 "2:11: energy_kcal: not a number: 'lots'"},
		{"negative", OLD_FOODS_HEADER ROW("", "-1,,,,,,,,," "none,"),
		 "2:4: b12_ug: must be 0 or more: '-1'"},
		{"tag", OLD_FOODS_HEADER ROW("", VALS "vegan,"),
		 "2:13: contains: unknown tag 'vegan' (meat, fish, shellfish, dairy, egg, honey or "
		 "none)"},
		{"portion-shape", OLD_FOODS_HEADER ROW("", VALS "none,1 bar"),
		 "2:14: portions: portion 1 is not AMOUNT UNIT=GRAMS: '1 bar'"},
		{"portion-amount", OLD_FOODS_HEADER ROW("", VALS "none,one bar=40"),
		 "2:14: portions: portion 1: the amount is not a number above 0 and at most "
		 "100000: 'one'"},
		{"portion-zero", OLD_FOODS_HEADER ROW("", VALS "none,0 bar=40"),
		 "2:14: portions: portion 1: the amount is not a number above 0 and at most "
		 "100000: '0'"},
		{"portion-grams", OLD_FOODS_HEADER ROW("", VALS "none,1 bar=40;1 box=-3"),
		 "2:14: portions: portion 2: the grams are not a number from 0.001 to "
		 "100000: '-3'"},
		{"portion-unit", OLD_FOODS_HEADER ROW("", VALS "none,1 =40"),
		 "2:14: portions: portion 1: the unit must be 1-60 bytes of text, not blanks only: '1 =40'"},
		{"portion-escape", OLD_FOODS_HEADER ROW("", VALS "none,1 b\\ar=40"),
		 "2:14: portions: portion 1: '\\' may only come before \\, ; or =: '1 b\\ar=40'"},
		{"portion-trailing", OLD_FOODS_HEADER ROW("", VALS "none,1 bar=40;"),
		 "2:14: portions: a ';' ends the list"},
		{"portion-two-eq", OLD_FOODS_HEADER ROW("", VALS "none,1 bar=40=50"),
		 "2:14: portions: portion 1: the grams are not a number from 0.001 to "
		 "100000: '40=50'"},
		{"bad-utf8", OLD_FOODS_HEADER ",B\xc3,Custom foods," VALS "none,\r\n",
		 "2:2: invalid UTF-8"},
		{"unterminated", OLD_FOODS_HEADER ",\"Bar,Custom foods," VALS "none,\r\n",
		 "2:2: unterminated quoted field"},
		/* a good row first: all or nothing */
		{"portion-blank-unit", OLD_FOODS_HEADER ROW("", VALS "none,1   =40"),
		 "2:14: portions: portion 1: the unit must be 1-60 bytes of text, not blanks only: "
		 "'1   =40'"},
		{"portion-tiny", OLD_FOODS_HEADER ROW("", VALS "none,1 bar=1e-300"),
		 "2:14: portions: portion 1: the grams are not a number from 0.001 to "
		 "100000: '1e-300'"},
		{"second-row", OLD_FOODS_HEADER ROW("", VALS "none,") ROW("", VALS "none,1 bar=0"),
		 "3:14: portions: portion 1: the grams are not a number from 0.001 to "
		 "100000: '0'"},
	};
	struct nt_import_counts c;
	struct nt_err err;
	char *before, *after, want[700], name[64];

	before = export_foods(NULL);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *path;

		snprintf(name, sizeof name, "badfood-%s.csv", cases[i].name);
		path = fixture(name, cases[i].bytes, strlen(cases[i].bytes));
		memset(&err, 0, sizeof err);
		is_int(foods_import(path, false, &c, &err), NT_ERR_PARSE, "foods %s: malformed",
		       cases[i].name);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].why);
		is_str(err.msg, want, "foods %s: the message", cases[i].name);
		after = export_foods(NULL);
		is_str(after, before, "foods %s: the foods are as they were", cases[i].name);
		free(after);
	}
	{
		const char *missing = tmp_path("missing-foods.csv");

		is_int(foods_import(missing, false, &c, &err), NT_ERR_IO, "foods: missing file");
		snprintf(want, sizeof want, "%s: No such file or directory", missing);
		is_str(err.msg, want, "foods: missing file named");
	}
	free(before);
#undef ROW
#undef VALS
}

int
main(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/nt-exchange-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir))
		tap_bail("mkdtemp: %s", strerror(errno));
	atexit(cleanup);
	all_from = nt_date_from_ymd(NT_DATE_MIN_YEAR, 1, 1);
	all_to = nt_date_from_ymd(NT_DATE_MAX_YEAR, 12, 31);
	s = fixture_open(true);

	test_export();
	test_round_trip();
	test_multiplicity();
	test_flexible();
	test_bad_journals();
	test_foods_export();
	test_foods_import();
	test_foods_same_names();
	test_foods_numbering();
	test_foods_classes();
	test_bad_foods();

	nt_store_close(s);
	return tap_done();
}
