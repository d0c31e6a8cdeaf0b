/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_migrate.c - databases of every released schema open, upgraded in place, data intact. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "category.h"
#include "date.h"
#include "food.h"
#include "journal.h"
#include "profile.h"
#include "seed.h"
#include "store.h"
#include "tap.h"
#include "target.h"

static char path[256];

static void
cleanup(void)
{
	char p[300];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static char *
slurp(const char *file)
{
	FILE *fp = fopen(file, "rb");
	char *buf;
	long n;

	if (!fp)
		tap_bail("cannot open %s", file);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	if (!(buf = malloc((size_t)n + 1)) || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		tap_bail("cannot read %s", file);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Makes `path` a database from the fixture's SQL, plus `extra` after it. */
static void
make_db(const char *fixture, const char *extra)
{
	const char *dir = getenv("NUTRACK_FIXTURES");
	char file[512], *sql, *msg = NULL;
	sqlite3 *db;

	cleanup();
	snprintf(file, sizeof file, "%s/migrate/%s", dir ? dir : "tests/data", fixture);
	sql = slurp(file);
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &msg) ||
	    (extra && sqlite3_exec(db, extra, NULL, NULL, &msg)))
		tap_bail("loading %s: %s", fixture, msg ? msg : sqlite3_errmsg(db));
	sqlite3_close(db);
	free(sql);
}

/* One integer from a raw connection, beside nutrack's. */
static long long
raw_int(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		tap_bail("raw open");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static void
test_v1(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_entry_list day;
	struct nt_profile p;
	struct nt_food *f;
	long mar11 = nt_date_from_ymd(2026, 3, 11);
	int problems = -1;
	bool loaded = false;

	make_db("v1.sql", NULL);
	is_int(raw_int("PRAGMA user_version"), 1, "the fixture is schema 1");
	is_int(nt_store_open(path, &s, &err), NT_OK, "a schema 1 database opens");
	is_int(raw_int("PRAGMA user_version"), NT_SCHEMA_VERSION, "upgraded in place");
	is_int(raw_int("SELECT count(*) FROM entries WHERE planned = 0"), 4,
	       "its 4 entries are there, eaten (the new column's default)");

	is_int(nt_profile_get(s, &p, &err), NT_OK, "the profile reads");
	ok(p.is_set && p.sex == NT_SEX_FEMALE && p.age_y == 34 && p.diet == NT_DIET_VEGAN,
	   "female, 34, vegan as before");

	/* the new schema wants the bundled data loaded again; ids stay */
	is_int(nt_seed_ensure(s, NULL, &loaded, &err), NT_OK, "the bundled data loads");
	ok(loaded, "it was loaded again after the upgrade");
	ok(raw_int("SELECT count(*) FROM foods") > 14000, "every food is there now");
	is_int(nt_journal_day(s, mar11, &day, &err), NT_OK, "2026-03-11 reads");
	is_int((int)day.n, 3, "three entries");
	if (day.n == 3) {
		is_str(day.v[0].food_ref, "sr28:16139", "soy milk, the same food");
		is_int(day.v[0].food_id, 4875, "under the same id");
		is_str(day.v[0].amount, "250ml", "the amount as typed");
		is_int(day.v[0].mg, 256775, "256.775 g");
		/* 0.85 ug / 100 g x 256.775 g */
		is_num(day.v[0].values.v[NT_B12], 2.1825875, 1e-9, "its B12 from today's data");
		is_str(day.v[1].food_ref, "fndds:11111000", "whole milk");
		is_str(day.v[2].food_ref, "custom:1", "the custom food");
		/* 500000 ug / 100 g x 0.1 g */
		is_num(day.v[2].values.v[NT_B12], 500, 1e-9, "2 drops: 500 ug");
		ok(!nt_known(day.v[2].values.v[NT_POTASSIUM]), "its potassium still unknown");
	}
	nt_entry_list_fini(&day);
	is_int(nt_food_get(s, 14222, &f, &err), NT_OK, "the custom food reads");
	if (f) {
		is_str(f->name, "B12 drops (Brand X)", "by its name");
		is_int((int)f->n_portions, 1, "with its drop");
		nt_food_free(f);
	}
	is_int(nt_store_check(s, NULL, NULL, &problems, &err), NT_OK, "check runs");
	is_int(problems, 0, "the upgraded database is sound");
	nt_store_close(s);
}

/* A migration that fails half-way leaves the database as it was. */
static void
test_v1_failed(void)
{
	struct nt_store *s;
	struct nt_err err;

	/* a table in the way of schema 2's "labs" */
	make_db("v1.sql", "CREATE TABLE labs(x)");
	is_int(nt_store_open(path, &s, &err), NT_ERR_DB, "the upgrade fails");
	ok(strstr(err.msg, "labs") != NULL, "and says where: %s", err.msg);
	is_int(raw_int("PRAGMA user_version"), 1, "still schema 1");
	is_int(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'food_tags'"), 0,
	       "none of schema 2's tables");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'planned'"),
	       0, "nor its columns");
	is_int(raw_int("SELECT count(*) FROM entries"), 4, "the entries untouched");
}

/* Schema 2 -> 3 (issue 9): the foods gain classes, worked out on open; nothing else moves. */
static void
test_v2(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_entry_list day;
	struct nt_food *f;
	long mar11 = nt_date_from_ymd(2026, 3, 11);
	int problems = -1;

	make_db("v2.sql", NULL);
	is_int(raw_int("PRAGMA user_version"), 2, "the fixture is schema 2");
	is_int(nt_store_open(path, &s, &err), NT_OK, "a schema 2 database opens");
	is_int(raw_int("PRAGMA user_version"), NT_SCHEMA_VERSION, "upgraded in place");
	is_int(raw_int("SELECT count(*) FROM foods WHERE class < 0"), 6,
	       "its 6 foods wait for their classes");
	is_int(nt_seed_ensure(s, NULL, NULL, &err), NT_OK, "opening as nutrack does");
	is_int(raw_int("SELECT count(*) FROM foods WHERE class < 0"), 0, "every food is classified");
	/* the fixture's row ids: 10938 walnuts, 14066 rum and cola, 13781 coffee,
	 * 14230 and 14231 the custom foods */
	is_int(raw_int("SELECT class FROM foods WHERE id = 10938"), NT_CLASS_SWEET_COAT,
	       "Walnuts, honey roasted: a sweet coating");
	is_int(raw_int("SELECT class FROM foods WHERE id = 14066"), NT_CLASS_ALCOHOL | NT_CLASS_SWEET_DRINK,
	       "Rum and cola: an alcoholic drink, and sweet");
	is_int(raw_int("SELECT class FROM foods WHERE id = 13781"), 0, "Coffee, brewed: everyday");
	is_int(raw_int("SELECT class FROM foods WHERE id = 14231"), NT_CLASS_SUPPLEMENT,
	       "the custom Vitamin D3 drops (filed under Supplements): a supplement");
	is_int(raw_int("SELECT class FROM foods WHERE id = 14230"), 0,
	       "the custom cold brew concentrate: everyday");

	is_int(nt_journal_day(s, mar11, &day, &err), NT_OK, "2026-03-11 reads");
	is_int((int)day.n, 4, "its four entries");
	if (day.n == 4) {
		is_str(day.v[0].food_ref, "sr28:16139", "soy milk, the same food");
		is_str(day.v[0].amount, "250ml", "the amount as typed");
		is_int(day.v[0].mg, 256775, "256.775 g");
		is_str(day.v[3].food_ref, "custom:1", "the custom food");
		/* 300 mg / 100 g x 60 g */
		is_num(day.v[3].values.v[NT_POTASSIUM], 180, 1e-9, "2 shots: 180 mg potassium");
	}
	nt_entry_list_fini(&day);
	is_int(raw_int("SELECT contains FROM food_tags WHERE food = 13781"), 0,
	       "the coffee's tag correction is kept");
	is_int(raw_int("SELECT count(*) FROM exclusions WHERE word = 'peanut'"), 1,
	       "so is the exclusion");
	is_int(nt_food_get(s, 14231, &f, &err), NT_OK, "the custom supplement reads");
	if (f) {
		is_str(f->group, "Supplements", "in its group");
		is_int(f->cls, NT_CLASS_SUPPLEMENT, "with its class");
		nt_food_free(f);
	}
	is_int(nt_store_check(s, NULL, NULL, &problems, &err), NT_OK, "check runs");
	is_int(problems, 0, "the upgraded database is sound");
	nt_store_close(s);
}

/* A 2 -> 3 upgrade that fails leaves schema 2 as it was. */
static void
test_v2_failed(void)
{
	struct nt_store *s;
	struct nt_err err;

	/* an index in the way of schema 3's */
	make_db("v2.sql", "CREATE INDEX foods_unclassified ON foods(name)");
	is_int(nt_store_open(path, &s, &err), NT_ERR_DB, "the upgrade fails");
	ok(strstr(err.msg, "foods_unclassified") != NULL, "and says where: %s", err.msg);
	is_int(raw_int("PRAGMA user_version"), 2, "still schema 2");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('foods') WHERE name = 'class'"), 0,
	       "no class column");
	is_int(raw_int("SELECT count(*) FROM entries"), 5, "the entries untouched");
}

/*
 * Schema 5 -> 6 (issue 10), from the same schema-2 database: the profile
 * gains height, weight and activity (not given: the named defaults), the
 * planner's foods load with the bundled data, protein targets are there.
 */
static void
test_v3_to_4(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_profile p;
	struct nt_target protein;

	make_db("v2.sql", NULL);
	is_int(nt_store_open(path, &s, &err), NT_OK, "the schema 2 database opens again");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('profile')"
	               " WHERE name IN ('height_cm', 'weight_kg', 'activity')"), 3,
	       "the profile has height, weight and activity");
	is_int(nt_profile_get(s, &p, &err), NT_OK, "the profile reads");
	ok(p.is_set && p.sex == NT_SEX_FEMALE && p.age_y == 34 && p.diet == NT_DIET_VEGAN,
	   "female, 34, vegan as before");
	ok(p.height_cm == 0 && p.weight_kg == 0 && p.activity == NT_ACTIVITY_DEFAULT,
	   "height, weight and activity not given: the defaults");
	is_int(nt_seed_ensure(s, NULL, NULL, &err), NT_OK, "the bundled data loads");
	is_int(raw_int("SELECT count(*) FROM plan_foods"), 117, "the 117 plan foods are there");
	is_int(nt_target_protein(s, &p, &protein, &err), NT_OK, "a protein target");
	is_num(protein.value, 46, 0, "46 g for a woman of 34");
	p.height_cm = 170;
	p.activity = NT_ACTIVITY_ACTIVE;
	is_int(nt_profile_set(s, &p, 0, &err), NT_OK, "a height and activity store");
	is_int(raw_int("SELECT height_cm FROM profile_versions ORDER BY from_day DESC"), 170,
	       "170 cm stored");
	ok(raw_int("SELECT weight_kg IS NULL AND activity = 'active' FROM profile_versions"
	           " ORDER BY from_day DESC") == 1,
	   "the weight still not given (NULL), activity 'active'");
	nt_store_close(s);

	/* a table in the way of schema 6's plan_foods: nothing moves, not even 2 -> 3 */
	make_db("v2.sql", "CREATE TABLE plan_foods(x)");
	is_int(nt_store_open(path, &s, &err), NT_ERR_DB, "the 5 -> 6 upgrade fails");
	ok(strstr(err.msg, "plan_foods") != NULL, "and says where: %s", err.msg);
	is_int(raw_int("PRAGMA user_version"), 2, "still schema 2");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('profile') WHERE name = 'height_cm'"),
	       0, "no height column");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('foods') WHERE name = 'class'"), 0,
	       "no class column either (one transaction)");
}

/*
 * Schema 2 -> 4 (issue 10): gains superseded (SR28 foods FNDDS 2021-2023
 * gives anew) and everyday_portion (top's portion of each food, filled for
 * the foods already there).  A journal of superseded and dated foods.
 */
static void
test_v2_current(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_entry_list day;
	struct nt_food *f = NULL;
	long mar11 = nt_date_from_ymd(2026, 3, 11);
	long long current = 0;
	int problems = -1;
	bool loaded = false;

	make_db("v2-current.sql", NULL);
	is_int(raw_int("PRAGMA user_version"), 2, "the fixture is schema 2");
	is_int(nt_store_open(path, &s, &err), NT_OK, "a schema 2 database opens");
	is_int(raw_int("PRAGMA user_version"), NT_SCHEMA_VERSION, "upgraded in place");
	is_int(raw_int("SELECT count(*) FROM entries"), 5, "its 5 entries are there");
	is_int(raw_int("SELECT count(*) FROM entries WHERE planned = 1"), 1, "one of them planned");
	is_int(raw_int("SELECT count(*) FROM superseded"), 0, "superseded: empty until the data loads");
	/* Cheerios' "1 cup (1 NLEA serving)" is a serving of 28 g */
	is_int(raw_int("SELECT grams FROM everyday_portion WHERE food = 1782"), 28,
	       "everyday portions filled for the foods there: Cheerios 28 g");
	/* the drops have one portion, 1 drop = 0.05 g, not a serving: the first <= 250 g */
	is_int(raw_int("SELECT seq FROM everyday_portion WHERE food = 14230"), 1,
	       "... and the custom drops' only portion");
	is_int(raw_int("SELECT count(*) FROM food_tags WHERE food = 8811 AND contains = 0"), 1,
	       "the correction of fndds:11320100 kept");
	is_int(raw_int("SELECT count(*) FROM exclusions WHERE word = 'peanut'"), 1,
	       "the exclusion kept");
	is_int(raw_int("SELECT count(*) FROM labs"), 1, "the lab result kept");

	is_int(nt_seed_ensure(s, NULL, &loaded, &err), NT_OK, "the bundled data loads");
	ok(loaded, "it was loaded again after the upgrade");
	ok(raw_int("SELECT count(*) FROM superseded") > 100, "superseded.csv is loaded");
	is_int(raw_int("SELECT count(*) FROM everyday_portion") ,
	       raw_int("SELECT count(DISTINCT food) FROM portions WHERE grams <= 250 OR (grams <= 500"
	               " AND (unit LIKE 'Quantity not specified%' OR unit LIKE '%serving%'))"),
	       "every food with a portion fit for top has its everyday portion");
	is_int(nt_food_current(s, 1782, &current, &err), NT_OK, "Cheerios' current food");
	is_int(current, raw_int("SELECT id FROM foods WHERE source = 'fndds' AND code = '57123000'"),
	       "... is FNDDS 2021-2023 \"Cereal, O's, plain\"");
	is_int(nt_food_current(s, 8811, &current, &err), NT_OK, "an FNDDS food");
	is_int(current, 8811, "... is its own current food");
	is_int(nt_food_get(s, 1782, &f, &err), NT_OK, "Cheerios read");
	if (f) {
		is_str(f->current_ref, "fndds:57123000", "and name their current food");
		ok(nt_food_dated(f->ref, f->per100), "SR28 with added B12: dated");
		nt_food_free(f);
	}
	is_int(nt_journal_day(s, mar11, &day, &err), NT_OK, "2026-03-11 reads");
	is_int((int)day.n, 4, "four entries eaten");
	if (day.n == 4) {
		is_str(day.v[0].food_ref, "sr28:08013", "Cheerios, the same food");
		is_int(day.v[0].food_id, 1782, "under the same id");
		/* 6.77 ug / 100 g x 28 g: the journal keeps what was logged */
		is_num(day.v[0].values.v[NT_B12], 1.8956, 1e-9, "its B12 from the SR28 values");
		is_str(day.v[1].food_ref, "sr28:16139", "the SR28 soy milk");
		is_str(day.v[3].food_ref, "custom:1", "the custom drops");
	}
	nt_entry_list_fini(&day);
	is_int(nt_store_check(s, NULL, NULL, &problems, &err), NT_OK, "check runs");
	is_int(problems, 0, "the upgraded database is sound");
	nt_store_close(s);
}

/* An upgrade from 2 that fails in its last step leaves the database as it was. */
static void
test_v2_current_failed(void)
{
	struct nt_store *s;
	struct nt_err err;

	make_db("v2-current.sql", "CREATE TABLE everyday_portion(x)");
	is_int(nt_store_open(path, &s, &err), NT_ERR_DB, "the upgrade from 2 fails");
	ok(strstr(err.msg, "everyday_portion") != NULL, "and says where: %s", err.msg);
	is_int(raw_int("PRAGMA user_version"), 2, "still schema 2");
	is_int(raw_int("SELECT count(*) FROM sqlite_schema WHERE name = 'superseded'"), 0,
	       "none of schema 4's tables");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('foods') WHERE name = 'class'"), 0,
	       "nor schema 3's column: one transaction");
	is_int(raw_int("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
	               " AND name LIKE 'portions_everyday%'"), 0, "nor its triggers");
	is_int(raw_int("SELECT count(*) FROM entries"), 5, "the entries untouched");
}

/* Schema 2 (before issue 14) gains foods.basis: NULL for every food it had. */
static void
test_v2_basis(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_entry_list day;
	struct nt_food *f = NULL;
	long mar11 = nt_date_from_ymd(2026, 3, 11);
	int problems = -1;

	make_db("v2-basis.sql", NULL);
	is_int(raw_int("PRAGMA user_version"), 2, "the fixture is schema 2");
	is_int(nt_store_open(path, &s, &err), NT_OK, "a schema 2 database opens");
	is_int(raw_int("PRAGMA user_version"), NT_SCHEMA_VERSION, "upgraded in place");
	is_int(raw_int("SELECT count(*) FROM pragma_table_info('foods') WHERE name = 'basis'"), 1,
	       "foods has the basis column");
	is_int(raw_int("SELECT count(*) FROM foods WHERE basis IS NOT NULL"), 0,
	       "no food had one: all values per 100 g as before");
	is_int(raw_int("SELECT count(*) FROM entries"), 4, "the 4 entries are there");
	is_int(raw_int("SELECT count(*) FROM entries WHERE planned = 1"), 1, "one of them planned");
	is_int(raw_int("SELECT count(*) FROM labs"), 1, "the lab result is there");
	is_int(nt_journal_day(s, mar11, &day, &err), NT_OK, "2026-03-11 reads");
	is_int((int)day.n, 2, "two entries");
	if (day.n == 2) {
		is_str(day.v[0].food_ref, "sr28:16139", "soy milk");
		/* 0.85 ug / 100 g x 256.775 g */
		is_num(day.v[0].values.v[NT_B12], 2.1825875, 1e-9, "2.1825875 ug of B12");
		ok(!day.v[0].weight_unknown, "its weight known");
		is_str(day.v[1].food_ref, "custom:1", "the drops");
		/* 500000 ug / 100 g x 0.1 g */
		is_num(day.v[1].values.v[NT_B12], 500, 1e-9, "2 drops: 500 ug");
		ok(day.v[1].supplement, "a supplement still");
	}
	nt_entry_list_fini(&day);
	is_int(nt_food_get(s, 14230, &f, &err), NT_OK, "the custom food reads");
	if (f) {
		ok(f->basis == NULL, "with no basis");
		is_int((int)f->n_portions, 1, "and its drop");
		nt_food_free(f);
	}
	is_int(nt_store_check(s, NULL, NULL, &problems, &err), NT_OK, "check runs");
	is_int(problems, 0, "the upgraded database is sound");
	nt_store_close(s);
}

/*
 * Schema 6 -> 7 (issue 13): a database made by the build before dated
 * targets (v6.sql: a profile, female 30 vegan, and 6 entries of which one
 * planned).  Every entry is kept; the one profile becomes a version in force
 * from the beginning, so the old days keep their judgement; no target of the
 * user's own.  Then the profile changes from 2026-03-09 and the days before
 * keep theirs.
 */
static void
test_v6_dated(void)
{
	struct nt_store *s;
	struct nt_err err;
	struct nt_profile p;
	struct nt_targets t;
	struct nt_entry_list day;
	long mar8 = nt_date_from_ymd(2026, 3, 8), mar10 = nt_date_from_ymd(2026, 3, 10);
	long from = 0;

	make_db("v6.sql", NULL);
	is_int(raw_int("PRAGMA user_version"), 6, "the fixture is schema 6");
	is_int(nt_store_open(path, &s, &err), NT_OK, "a schema 6 database opens");
	is_int(raw_int("PRAGMA user_version"), NT_SCHEMA_VERSION, "upgraded in place");
	is_int(raw_int("SELECT count(*) FROM entries"), 6, "its 6 entries are there");
	is_int(raw_int("SELECT count(*) FROM entries WHERE planned = 1"), 1, "... one planned");
	is_int(raw_int("SELECT count(*) FROM profile_versions"), 1, "one profile version");
	is_int(raw_int("SELECT from_day FROM profile_versions"), NT_PROFILE_ALWAYS,
	       "... from 1900-01-01");
	is_int(raw_int("SELECT count(*) FROM target_settings"), 0, "no target of the user's own");
	is_int(nt_seed_ensure(s, NULL, NULL, &err), NT_OK, "the bundled data loads");
	is_int(nt_profile_on(s, nt_date_from_ymd(2026, 3, 5), &p, &from, &err), NT_OK,
	       "the profile of 2026-03-05 reads");
	ok(p.is_set && p.sex == NT_SEX_FEMALE && p.age_y == 30 && p.diet == NT_DIET_VEGAN &&
	   p.stage == NT_STAGE_NONE, "... female, 30, vegan as before");
	is_int((int)from, (int)NT_PROFILE_ALWAYS, "... in force from the beginning");
	is_int(nt_journal_day(s, mar8, &day, &err), NT_OK, "2026-03-08 reads");
	is_int((int)day.n, 2, "... its two entries");
	if (day.n == 2) {
		is_str(day.v[0].food_ref, "fndds:11320100", "... soy milk");
		is_int(day.v[0].mg, 488000, "... 2 cups = 488 g");
		is_str(day.v[1].food_ref, "sr28:09040", "... and the banana");
	}
	nt_entry_list_fini(&day);
	is_int(nt_targets_on(s, mar8, &t, &p, &err), NT_OK, "2026-03-08's targets");
	is_num(t.t[NT_B12].value, 2.4, 1e-9, "... B12 RDA 2.4 ug (data/targets.csv)");
	p.stage = NT_STAGE_PREGNANT;
	is_int(nt_profile_set(s, &p, nt_date_from_ymd(2026, 3, 9), &err), NT_OK,
	       "pregnant from 2026-03-09");
	nt_targets_on(s, mar8, &t, &p, &err);
	ok(p.stage == NT_STAGE_NONE, "2026-03-08 keeps the old profile");
	is_num(t.t[NT_B12].value, 2.4, 1e-9, "... B12 2.4 ug");
	nt_targets_on(s, mar10, &t, &p, &err);
	ok(p.stage == NT_STAGE_PREGNANT, "2026-03-10 is judged as pregnant");
	is_num(t.t[NT_B12].value, 2.6, 1e-9, "... B12 2.6 ug");
	nt_store_close(s);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(path, sizeof path, "%s/nt-migrate-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		tap_bail("mkstemp");
	close(fd);
	atexit(cleanup);
	test_v1();
	test_v1_failed();
	test_v2();
	test_v2_failed();
	test_v2_current();
	test_v2_current_failed();
	test_v2_basis();
	test_v3_to_4();
	test_v6_dated();
	return tap_done();
}
