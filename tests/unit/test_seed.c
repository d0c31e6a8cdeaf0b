/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_seed.c - unit tests for loading the bundled data (seed.h): counts, reloads, bad files. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "fixture.h"
#include "food.h"
#include "journal.h"
#include "recipe.h"
#include "seed.h"
#include "store.h"
#include "tap.h"

/*
 * Counts from data/README ("Files"): foods.csv 14,221 foods (8,789 SR28 +
 * 5,431 FNDDS + 1 label), portions.csv 37,482 rows, targets.csv 166 rows,
 * plan_foods.csv 117 rows.  `wc -l` agrees: 14222, 37483, 167 and 118 lines
 * with the header, and no record spans two lines.
 */
#define N_FOODS 14229
#define N_PORTIONS 37490
#define N_TARGETS 166 /* 66 DRI + 4 EPA+DHA guidance + 12 protein RDA + 84 folate and B6 rows */
#define N_PLAN_FOODS 117

static const char *data_dir;
static const char *tmpdir;

/* ---- scratch data directories ---- */

enum edit_kind { REPLACE, DELETE, INSERT };

/* One change to a file, by 1-based physical line of the original. */
struct edit {
	unsigned long line;
	enum edit_kind kind;
	const char *text; /* without newline; REPLACE and INSERT (before the line) */
};

/* Copies data_dir/name to dir/name applying edits (sorted by line). */
static void
copy_edited(const char *dir, const char *name, const struct edit *e, size_t n)
{
	char src[512], dst[512];
	FILE *in, *out;
	char *line = NULL;
	size_t cap = 0, k = 0;
	unsigned long no = 0;

	snprintf(src, sizeof src, "%s/%s", data_dir, name);
	snprintf(dst, sizeof dst, "%s/%s", dir, name);
	if (!(in = fopen(src, "r")) || !(out = fopen(dst, "w")))
		tap_bail("copy %s -> %s: %s", src, dst, strerror(errno));
	while (getline(&line, &cap, in) > 0) {
		bool skip = false;

		no++;
		for (; k < n && e[k].line == no; k++) {
			if (e[k].kind == INSERT)
				fprintf(out, "%s\n", e[k].text);
			else if (e[k].kind == REPLACE)
				fprintf(out, "%s\n", e[k].text), skip = true;
			else
				skip = true;
		}
		if (!skip)
			fputs(line, out);
	}
	if (k != n)
		tap_bail("edit at line %lu of %s not applied", e[k].line, name);
	free(line);
	fclose(in);
	if (fclose(out))
		tap_bail("writing %s failed", dst);
}

static void
make_dir(char *buf, size_t n, const char *sub, const char *version)
{
	char p[512];
	FILE *fp;

	snprintf(buf, n, "%s/%s", tmpdir, sub);
	if (mkdir(buf, 0700) && errno != EEXIST)
		tap_bail("mkdir %s: %s", buf, strerror(errno));
	if (version) {
		snprintf(p, sizeof p, "%s/VERSION", buf);
		if (!(fp = fopen(p, "w")))
			tap_bail("cannot write %s", p);
		fprintf(fp, "%s\n", version);
		fclose(fp);
	}
}

/* ---- looking at the database ---- */

static const char sql_n_foods[] = "SELECT count(*) FROM foods";
static const char sql_n_bundled[] =
	"SELECT count(*) FROM foods WHERE source IN ('sr28', 'fndds', 'label')";
static const char sql_n_sr28[] = "SELECT count(*) FROM foods WHERE source = 'sr28'";
static const char sql_n_fndds[] = "SELECT count(*) FROM foods WHERE source = 'fndds'";
static const char sql_n_label[] = "SELECT count(*) FROM foods WHERE source = 'label'";
static const char sql_n_portions[] = "SELECT count(*) FROM portions";
static const char sql_n_targets[] = "SELECT count(*) FROM targets";
static const char sql_n_entries[] = "SELECT count(*) FROM entries";
static const char sql_fts_check[] =
	"INSERT INTO food_fts(food_fts) VALUES ('integrity-check')";
static const char sql_fts_count[] = "SELECT count(*) FROM food_fts";
static const char sql_n_no_value[] =
	"SELECT count(*) FROM foods WHERE b12_ug IS NULL";

/* The FTS index agrees with the foods table. */
static bool
fts_ok(struct nt_store *s)
{
	struct nt_stmt *st = nt_store_stmt(s, sql_fts_check, NULL);

	return st && nt_stmt_run(st, NULL) == NT_OK;
}

struct snapshot {
	long long foods, portions, targets, entries, fts;
	char version[128];
	double banana_k;
	long long butter_oil;
};

static long long
resolve(struct nt_store *s, const char *ref)
{
	long long id;

	return nt_food_resolve(s, ref, &id, NULL) == NT_OK ? id : -1;
}

static double
value_of(struct nt_store *s, const char *ref, enum nt_measure m)
{
	struct nt_food *f;
	double v;
	long long id = resolve(s, ref);

	if (id < 0 || nt_food_get(s, id, &f, NULL) != NT_OK)
		return -1;
	v = f->per100[m];
	nt_food_free(f);
	return v;
}

static void
snap(struct nt_store *s, struct snapshot *x)
{
	x->foods = fixture_count(s, sql_n_foods);
	x->portions = fixture_count(s, sql_n_portions);
	x->targets = fixture_count(s, sql_n_targets);
	x->entries = fixture_count(s, sql_n_entries);
	x->fts = fixture_count(s, sql_fts_count);
	if (nt_store_meta_get(s, "data_version", x->version, sizeof x->version, NULL))
		strcpy(x->version, "(none)");
	x->banana_k = value_of(s, "sr28:09040", NT_POTASSIUM);
	x->butter_oil = resolve(s, "sr28:01003");
}

/* The database is exactly as before a failed load. */
static void
same_as(struct nt_store *s, const struct snapshot *before, const char *what)
{
	struct snapshot now;

	snap(s, &now);
	is_int(now.foods, before->foods, "%s: food count unchanged", what);
	is_int(now.portions, before->portions, "%s: portion count unchanged", what);
	is_int(now.targets, before->targets, "%s: target count unchanged", what);
	is_int(now.entries, before->entries, "%s: entries unchanged", what);
	is_int(now.fts, before->fts, "%s: search index unchanged", what);
	is_str(now.version, before->version, "%s: data_version unchanged", what);
	is_num(now.banana_k, before->banana_k, 0, "%s: banana potassium edit rolled back", what);
	is_int(now.butter_oil, before->butter_oil, "%s: sr28:01003 still there, same id", what);
	ok(fts_ok(s), "%s: search index consistent", what);
}

/* ---- the tests ---- */

static char real_version[128];

static void
read_real_version(void)
{
	char p[512];
	FILE *fp;

	snprintf(p, sizeof p, "%s/VERSION", data_dir);
	if (!(fp = fopen(p, "r")) || !fgets(real_version, sizeof real_version, fp))
		tap_bail("cannot read %s", p);
	fclose(fp);
	real_version[strcspn(real_version, "\n")] = '\0';
}

static void
test_first_load(struct nt_store *s)
{
	struct nt_err err;
	bool loaded = false;
	char buf[128];

	is_int(fixture_count(s, sql_n_foods), 0, "a new database holds no foods");
	is_int(nt_store_meta_get(s, "data_version", buf, sizeof buf, NULL), NT_ERR_NOTFOUND,
	       "... and no data_version");
	is_int(nt_seed_ensure(s, data_dir, &loaded, &err), NT_OK, "first ensure loads");
	ok(loaded, "... and says it loaded");
	is_int(fixture_count(s, sql_n_foods), N_FOODS, "%d foods", N_FOODS);
	is_int(fixture_count(s, sql_n_sr28), 8789, "8,789 SR28 foods");
	is_int(fixture_count(s, sql_n_fndds), 5431, "5,431 FNDDS foods");
	is_int(fixture_count(s, sql_n_label), 9, "9 label foods (yeast and 8 supplements)");
	is_int(fixture_count(s, sql_n_portions), N_PORTIONS, "%d portions", N_PORTIONS);
	is_int(fixture_count(s, sql_n_targets), N_TARGETS, "%d targets", N_TARGETS);
	is_int(fixture_count(s, "SELECT count(*) FROM plan_foods"), N_PLAN_FOODS, "%d plan foods",
	       N_PLAN_FOODS);
	/* data/plan_foods.csv line 2: fndds:57123000,cereal,breakfast,1,0.5,1,2 */
	is_int(fixture_count(s, "SELECT meals FROM plan_foods p JOIN foods f ON f.id = p.food"
	                        " WHERE f.code = '57123000'"), 1 << NT_BREAKFAST,
	       "a plan food's meals are stored as bits (breakfast)");
	is_int(fixture_count(s, sql_fts_count), N_FOODS, "every food is in the search index");
	ok(fts_ok(s), "search index consistent");
	/* Unknown stays NULL: sr28:15076 salmon has an empty b12_added_ug. */
	ok(fixture_count(s, sql_n_no_value) > 0, "empty fields are stored as NULL (unknown)");
	is_int(nt_store_meta_get(s, "data_version", buf, sizeof buf, &err), NT_OK,
	       "data_version recorded");
	is_str(buf, real_version, "data_version = the first line of VERSION");

	loaded = true;
	is_int(nt_seed_ensure(s, data_dir, &loaded, &err), NT_OK, "second ensure");
	ok(!loaded, "... does not reload (loaded = false)");
	is_int(fixture_count(s, sql_n_foods), N_FOODS, "... and the counts stay");
	is_int(nt_seed_ensure(s, data_dir, NULL, &err), NT_OK, "loaded may be NULL");
}

static void
test_reload(struct nt_store *s)
{
	/* Line numbers from `grep -n`: foods.csv line 2160 is sr28:09040
	 * (banana, potassium 358), lines 3 and 4 are sr28:01002 and
	 * sr28:01003; portions.csv lines 6-9 are sr28:01002's four portions
	 * and 10-11 sr28:01003's two. */
	static const struct edit foods[] = {
		{3, DELETE, NULL},
		{4, DELETE, NULL},
		{2160, REPLACE, "sr28:09040,\"Bananas, raw\",Fruits and Fruit Juices,,,"
		                "89,1.09,0.00,0.00,0.027,1,0.000,0.000,0.000,400,,20,0,20,0.367"},
	};
	static const struct edit portions[] = {
		{6, DELETE, NULL}, {7, DELETE, NULL}, {8, DELETE, NULL},
		{9, DELETE, NULL}, {10, DELETE, NULL}, {11, DELETE, NULL},
	};
	static const double none[NT_STORED_COUNT] = {
		NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
	};
	char dir[512], buf[128];
	struct nt_err err;
	struct nt_entry e;
	long long salmon, banana, egg, butter, oil, custom, entry1, entry2, id, bowl, item;
	bool loaded = false;

	salmon = resolve(s, "sr28:15076");
	banana = resolve(s, "sr28:09040");
	egg = resolve(s, "sr28:01123");
	butter = resolve(s, "sr28:01002");
	oil = resolve(s, "sr28:01003");
	ok(salmon > 0 && banana > 0 && egg > 0 && butter > 0 && oil > 0, "ids before reload");
	if (nt_journal_add(s, nt_date_from_ymd(2026, 3, 9), NT_DINNER, salmon, "100 g", 100000,
	                   &entry1, &err) ||
	    nt_journal_add(s, nt_date_from_ymd(2026, 3, 9), NT_BREAKFAST, butter, "10 g", 10000,
	                   &entry2, &err) ||
	    nt_food_add_custom(s, "My bar", none, NULL, 0, 0, &custom, &err) ||
	    nt_recipe_new(s, "Banana bowl", 1, &bowl, &err) ||
	    nt_recipe_add(s, bowl, banana, "100 g", 100000, &item, &err))
		tap_bail("setup: %s", err.msg);
	/* a recipe saved before a nutrient was added has no value for it */
	if (nt_store_exec(s, "UPDATE foods SET b6_mg = NULL WHERE source = 'recipe'", &err))
		tap_bail("setup: %s", err.msg);

	make_dir(dir, sizeof dir, "reload", "nutrack-data unit-reload");
	copy_edited(dir, "foods.csv", foods, sizeof foods / sizeof *foods);
	copy_edited(dir, "portions.csv", portions, sizeof portions / sizeof *portions);
	copy_edited(dir, "targets.csv", NULL, 0);
	copy_edited(dir, "staples.csv", NULL, 0);
	copy_edited(dir, "superseded.csv", NULL, 0);

	is_int(nt_seed_ensure(s, dir, &loaded, &err), NT_OK, "a new data version reloads");
	ok(loaded, "... loaded = true");
	nt_store_meta_get(s, "data_version", buf, sizeof buf, NULL);
	is_str(buf, "nutrack-data unit-reload", "data_version follows the new VERSION");
	is_int(resolve(s, "sr28:15076"), salmon, "salmon keeps its row id");
	is_int(resolve(s, "sr28:09040"), banana, "banana keeps its row id");
	is_int(resolve(s, "sr28:01123"), egg, "egg keeps its row id");
	is_num(value_of(s, "sr28:09040", NT_POTASSIUM), 400, 0, "banana's new potassium (400)");
	/* the recipe is 100 g of banana: per 100 g, the banana's values */
	is_num(value_of(s, "recipe:1", NT_POTASSIUM), 400, 1e-9,
	       "a recipe of banana follows its new potassium (400 mg per 100 g)");
	is_num(value_of(s, "recipe:1", NT_B6), 0.367, 1e-9,
	       "... and gets B6 it lacked (0.367 mg, the banana's)");
	is_int(resolve(s, "sr28:01003"), -1, "a vanished food nobody used is removed");
	is_int(resolve(s, "sr28:01002"), butter, "a vanished food an entry uses is kept, same id");
	is_int(resolve(s, "custom:1"), custom, "custom foods are left alone");
	/* 14,229 - 2 vanished + 1 kept (used) + 1 custom = 14,229. */
	is_int(fixture_count(s, sql_n_foods), N_FOODS + 1,
	       "food count 14229 - 2 + 1 kept + 1 custom + 1 recipe");
	is_int(fixture_count(s, sql_n_bundled), N_FOODS - 1, "bundled foods 14229 - 1 removed");
	/* 37,490 - 4 (sr28:01002) - 2 (sr28:01003) = 37,484. */
	/* and the recipe's two: a serving and the whole recipe */
	is_int(fixture_count(s, sql_n_portions), N_PORTIONS - 6 + 2, "portions 37490 - 6 + 2");
	is_int(fixture_count(s, sql_n_targets), N_TARGETS, "targets replaced, not doubled");
	is_int(fixture_count(s, "SELECT count(*) FROM plan_foods"), 0,
	       "a data directory without plan_foods.csv loads, with no plan foods");
	is_int(fixture_count(s, sql_fts_count), N_FOODS + 1, "search index follows");
	ok(fts_ok(s), "search index consistent after reload");

	is_int(nt_journal_get(s, entry1, &e, &err), NT_OK, "salmon entry still there");
	is_int(e.food_id, salmon, "... attached to the same food");
	is_str(e.food_ref, "sr28:15076", "... sr28:15076");
	nt_entry_fini(&e);
	is_int(nt_journal_get(s, entry2, &e, &err), NT_OK, "entry of the vanished food still there");
	is_str(e.food_ref, "sr28:01002", "... still names sr28:01002");
	nt_entry_fini(&e);

	/* And back to the real data. */
	is_int(nt_seed_ensure(s, data_dir, &loaded, &err), NT_OK, "back to the real data");
	ok(loaded, "... reloads");
	is_num(value_of(s, "sr28:09040", NT_POTASSIUM), 358, 0, "banana potassium 358 again");
	is_num(value_of(s, "recipe:1", NT_POTASSIUM), 358, 1e-9, "... and the recipe's");
	ok((id = resolve(s, "sr28:01003")) > 0, "sr28:01003 is back");
	ok(id != oil, "... as a new row (its old id is not reused)");
	is_int(resolve(s, "sr28:01002"), butter, "sr28:01002 keeps its id");
	is_int(resolve(s, "sr28:15076"), salmon, "salmon keeps its id");
	is_int(resolve(s, "custom:1"), custom, "custom:1 still there");
	is_int(fixture_count(s, sql_n_bundled), N_FOODS, "all %d bundled foods", N_FOODS);
	is_int(fixture_count(s, sql_n_portions), N_PORTIONS + 2, "all %d portions + the recipe's 2",
	       N_PORTIONS);
	is_int(fixture_count(s, sql_n_targets), N_TARGETS, "all %d targets", N_TARGETS);
	is_int(fixture_count(s, sql_fts_count), N_FOODS + 2,
	       "search index: bundled + custom + recipe");
	ok(fts_ok(s), "search index consistent");
}

static void
test_bad_dirs(struct nt_store *s)
{
	/* foods.csv line 2160 = banana (edited to 999 mg so a rollback shows);
	 * the next line, 2161, gets a word where energy_kcal (column 6)
	 * belongs. */
	static const struct edit badnum[] = {
		{2160, REPLACE, "sr28:09040,\"Bananas, raw\",Fruits and Fruit Juices,,,"
		                "89,1.09,0.00,0.00,0.027,1,0.000,0.000,0.000,999,,20,0,20,0.367"},
		{2161, REPLACE, "sr28:09041,\"Bananas, dehydrated, or banana powder\","
		                "Fruits and Fruit Juices,,,lots,3.89,0.00,0.00,0.126,1,"
		                "0.000,0.000,0.000,1491,,,,,"},
	};
	static const struct edit nocol[] = {
		{1, REPLACE, "id,name,group,also,keywords,energy_kcal,protein_g,b12_ug,"
		             "b12_added_ug,ala_g,ala_from_18_3,epa_g,dha_g,dpa_g,potassium"},
	};
	/* All of foods.csv loads (banana edited, sr28:01003 dropped), then
	 * portions.csv fails on its first data line. */
	static const struct edit unk_foods[] = {
		{4, DELETE, NULL},
		{2160, REPLACE, "sr28:09040,\"Bananas, raw\",Fruits and Fruit Juices,,,"
		                "89,1.09,0.00,0.00,0.027,1,0.000,0.000,0.000,999,,20,0,20,0.367"},
	};
	static const struct edit unk_portions[] = {
		{2, INSERT, "sr28:99999,1,1,cup,100"},
		{10, DELETE, NULL},
		{11, DELETE, NULL},
	};
	struct snapshot before;
	char dir[512];
	struct nt_err err;
	bool loaded;
	enum nt_status st;

	snap(s, &before);
	ok(before.foods > 0 && before.butter_oil > 0 && before.banana_k == 358, "snapshot taken");

	make_dir(dir, sizeof dir, "badnum", "nutrack-data unit-badnum");
	copy_edited(dir, "foods.csv", badnum, 2);
	copy_edited(dir, "portions.csv", NULL, 0);
	copy_edited(dir, "targets.csv", NULL, 0);
	copy_edited(dir, "staples.csv", NULL, 0);
	copy_edited(dir, "superseded.csv", NULL, 0);
	loaded = true;
	st = nt_seed_ensure(s, dir, &loaded, &err);
	is_int(st, NT_ERR_PARSE, "a non-number value fails with NT_ERR_PARSE");
	ok(!loaded, "... loaded = false");
	ok(strstr(err.msg, "/badnum/foods.csv:2161:6: ") != NULL,
	   "... message names file:line:col: %s", err.msg);
	ok(strstr(err.msg, "'lots'") != NULL, "... and quotes the value");
	same_as(s, &before, "non-number");

	make_dir(dir, sizeof dir, "nocol", "nutrack-data unit-nocol");
	copy_edited(dir, "foods.csv", nocol, 1);
	copy_edited(dir, "portions.csv", NULL, 0);
	copy_edited(dir, "targets.csv", NULL, 0);
	copy_edited(dir, "staples.csv", NULL, 0);
	copy_edited(dir, "superseded.csv", NULL, 0);
	st = nt_seed_ensure(s, dir, &loaded, &err);
	is_int(st, NT_ERR_PARSE, "a missing column fails with NT_ERR_PARSE");
	ok(strstr(err.msg, "/nocol/foods.csv:1:") != NULL &&
	   strstr(err.msg, "potassium_mg") != NULL,
	   "... message names the file, the header line and the column: %s", err.msg);
	same_as(s, &before, "missing column");

	make_dir(dir, sizeof dir, "unkfood", "nutrack-data unit-unkfood");
	copy_edited(dir, "foods.csv", unk_foods, 2);
	copy_edited(dir, "portions.csv", unk_portions, 3);
	copy_edited(dir, "targets.csv", NULL, 0);
	copy_edited(dir, "staples.csv", NULL, 0);
	copy_edited(dir, "superseded.csv", NULL, 0);
	st = nt_seed_ensure(s, dir, &loaded, &err);
	is_int(st, NT_ERR_PARSE, "an unknown food in portions.csv fails with NT_ERR_PARSE");
	ok(strstr(err.msg, "/unkfood/portions.csv:2:1: ") != NULL &&
	   strstr(err.msg, "sr28:99999") != NULL,
	   "... message names file:line:col and the food: %s", err.msg);
	same_as(s, &before, "unknown food");

	/* A directory without VERSION. */
	make_dir(dir, sizeof dir, "empty", NULL);
	st = nt_seed_ensure(s, dir, &loaded, &err);
	is_int(st, NT_ERR_NODATA, "a directory without VERSION: NT_ERR_NODATA (%s)", err.msg);
	same_as(s, &before, "no VERSION");

	/* After the failed loads the search index still follows new foods. */
	{
		static const double none[NT_STORED_COUNT] = {
			NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
		};
		long long id;

		is_int(nt_food_add_custom(s, "Zzyzx test loaf", none, NULL, 0, 0, &id, &err), NT_OK,
		       "a custom food after the failed loads");
		is_int(fixture_count(s, sql_fts_count), before.fts + 1, "... enters the search index");
		ok(fts_ok(s), "... consistently");
	}
}

static void
test_find_dir(struct nt_store *loaded_db)
{
	char buf[512], empty[512], p[600];
	struct nt_store *fresh;
	struct nt_err err;
	enum nt_status st;
	bool loaded;

	setenv("NUTRACK_DATA_DIR", data_dir, 1);
	is_int(nt_seed_find_dir(buf, sizeof buf, &err), NT_OK, "NUTRACK_DATA_DIR is used");
	is_str(buf, data_dir, "... as given");
	loaded = true;
	is_int(nt_seed_ensure(loaded_db, NULL, &loaded, &err), NT_OK,
	       "ensure with dir NULL finds it");
	ok(!loaded, "... and the data is current");

	make_dir(empty, sizeof empty, "empty", NULL);
	setenv("NUTRACK_DATA_DIR", empty, 1);
	st = nt_seed_find_dir(buf, sizeof buf, &err);
	is_int(st, NT_ERR_NODATA, "NUTRACK_DATA_DIR without VERSION: NT_ERR_NODATA");
	ok(strstr(err.msg, "NUTRACK_DATA_DIR") != NULL, "... naming the variable: %s", err.msg);
	is_int(nt_seed_ensure(loaded_db, NULL, &loaded, &err), NT_OK,
	       "no data directory: a loaded database is used as it is");
	ok(!loaded, "... without loading");
	is_int(fixture_count(loaded_db, sql_n_foods), N_FOODS + 3,
	       "... its foods intact (bundled + 2 custom + 1 recipe)");

	snprintf(p, sizeof p, "%s/fresh.db", empty);
	if (nt_store_open(p, &fresh, &err))
		tap_bail("open: %s", err.msg);
	is_int(nt_seed_ensure(fresh, NULL, &loaded, &err), NT_ERR_NODATA,
	       "no data directory and a never-loaded database: NT_ERR_NODATA");
	nt_store_close(fresh);
	unlink(p);
	snprintf(p, sizeof p, "%s/fresh.db-wal", empty);
	unlink(p);
	snprintf(p, sizeof p, "%s/fresh.db-shm", empty);
	unlink(p);

	/* Empty means unset: the build tree's or the installed data is
	 * looked for instead (either may exist), never "" itself. */
	setenv("NUTRACK_DATA_DIR", "", 1);
	st = nt_seed_find_dir(buf, sizeof buf, &err);
	if (st == NT_OK) {
		snprintf(p, sizeof p, "%s/VERSION", buf);
		ok(buf[0] && access(p, R_OK) == 0, "empty NUTRACK_DATA_DIR: found %s", buf);
	} else {
		ok(st == NT_ERR_NODATA && !strstr(err.msg, "NUTRACK_DATA_DIR="),
		   "empty NUTRACK_DATA_DIR is treated as unset: %s", err.msg);
	}
	setenv("NUTRACK_DATA_DIR", data_dir, 1);
}

int
main(void)
{
	struct nt_store *s;
	data_dir = getenv("NUTRACK_DATA_DIR");
	if (!data_dir || !*data_dir)
		tap_bail("NUTRACK_DATA_DIR is not set");
	read_real_version();
	tmpdir = fixture_mkdtemp("nt-seed");

	s = fixture_open(false);
	test_first_load(s);
	test_reload(s);
	test_bad_dirs(s);
	test_find_dir(s);
	nt_store_close(s);
	return tap_done();
}
