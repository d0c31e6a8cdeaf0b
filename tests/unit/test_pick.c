/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pick.c - unit tests for which food "add WORDS AMOUNT" logs (pick.h), on the bundled data. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "diet.h"
#include "fixture.h"
#include "pick.h"
#include "profile.h"
#include "store.h"
#include "tap.h"

static struct nt_store *s;

/* Picks text/amount, which must succeed with food `ref` weighing `mg`. */
static void
pick_ok(const char *text, const char *amount, const char *ref, long long mg,
        struct nt_pick *p)
{
	struct nt_err err;
	enum nt_status st = nt_food_pick(s, text, amount, p, &err);

	if (st != NT_OK) {
		ok(0, "'%s' '%s': %s", text, amount, err.msg);
		return;
	}
	is_str(p->ref, ref, "'%s' '%s' picks %s", text, amount, ref);
	is_int(p->mg, mg, "... weighing %lld mg", mg);
}

static void
test_picks(void)
{
	struct nt_pick p;
	struct nt_err err;

	/* an id: sr28:01123 (Egg, whole, raw, fresh), "2 large" = 2 x 50 g */
	pick_ok("sr28:01123", "2 large", "sr28:01123", 100000, &p);
	is_int((long long)p.n_alts, 0, "an id has no alternatives");
	is_int(p.breaks, 0, "no profile: omnivore, nothing ruled out");
	is_str(p.diet, "omnivore", "... and the diet is named");
	nt_pick_fini(&p);

	/* words: "coffee" is FNDDS's "Coffee, brewed" (fndds:92101000), "1 cup (8 fl
	 * oz)" = 240 g.  Instant coffee prepared with water (sr28:14215) ranks nearly
	 * as high and counts differently: potassium 30 against 49 mg per 100 g
	 * (19 mg apart: more than 10 mg and more than 10%), so it is named. */
	pick_ok("coffee", "1 cup", "fndds:92101000", 240000, &p);
	is_int((long long)p.n_alts, 1, "coffee: one near tie that counts differently");
	is_str(p.n_alts ? p.alt[0].ref : "", "sr28:14215", "... instant coffee, prepared");
	nt_pick_fini(&p);

	/* the first hit for "egg" is FNDDS's "Egg, whole, raw" (fndds:31101010),
	 * whose portions are egg, cup and "Quantity not specified": no jumbo.  The
	 * next, sr28:01123, has "jumbo" = 63 g. */
	pick_ok("egg", "1 jumbo", "sr28:01123", 63000, &p);
	ok(p.n_alts >= 1 && !strcmp(p.alt[0].ref, "fndds:31101010"),
	   "the egg without a jumbo portion (B12 1.02 against 0.89 ug: 13%% apart) is named");
	nt_pick_fini(&p);

	/* whole portion words: "1 can" of fndds:26139180 (Fish, sardines, canned)
	 * is its "standard can" (75 g) */
	pick_ok("sardines", "1 can", "fndds:26139180", 75000, &p);
	nt_pick_fini(&p);

	/* nothing has every word: refused, naming the nearest foods and what each lacks */
	is_int(nt_food_pick(s, "ground flaxseed", "1 tbsp", &p, &err), NT_ERR_NOTFOUND,
	       "'ground flaxseed': no food has both words");
	ok(strstr(err.msg, "no food has every word of 'ground flaxseed'; the nearest: "
	                   "Seeds, flaxseed (sr28:12220; lacks 'ground')") != NULL,
	   "... the flaxseed is named, lacking 'ground' (%s)", err.msg);
	ok(strstr(err.msg, "(sr28:05306; lacks 'flaxseed')") != NULL,
	   "... and ground turkey, lacking 'flaxseed'");
	ok(p.id == 0 && p.name == NULL && p.n_alts == 0, "... and the pick is left empty");
	nt_pick_fini(&p);

	is_int(nt_food_pick(s, "xyzzyplugh", "1 g", &p, &err), NT_ERR_NOTFOUND, "no match");
	is_str(err.msg, "no food matches 'xyzzyplugh'", "... says so");

	/* no hit has the unit: the best food's amount error, with its portions */
	is_int(nt_food_pick(s, "coffee", "3 bananas", &p, &err), NT_ERR_INVALID,
	       "no coffee has a banana portion");
	ok(strstr(err.msg, "for fndds:92101000: unknown unit 'bananas'") &&
	   strstr(err.msg, "1 cup (8 fl oz) (240 g)"),
	   "... the error is brewed coffee's, with its portions");
}

static void
test_diet(void)
{
	struct nt_profile prof;
	struct nt_pick p;
	struct nt_err err;

	nt_profile_default(&prof);
	prof.diet = NT_DIET_VEGAN;
	if (nt_profile_set(s, &prof, 0, &err) != NT_OK)
		tap_bail("profile: %s", err.msg);
	/* sr28:19296 Honey, "1 tbsp" = 21 g: logged (it is the user's record), and
	 * the pick says what it contains that the diet rules out */
	pick_ok("honey", "1 tbsp", "sr28:19296", 21000, &p);
	is_int(p.breaks, NT_TAG_HONEY, "vegan: honey breaks the diet");
	is_str(p.diet, "vegan", "... named");
	nt_pick_fini(&p);
	/* fndds:11320100 Soy milk, unsweetened fits: "1 cup" = 244 g */
	pick_ok("soy milk", "1 cup", "fndds:11320100", 244000, &p);
	is_int(p.breaks, 0, "soy milk fits a vegan diet");
	nt_pick_fini(&p);
}

int
main(void)
{
	s = fixture_open(true);
	test_picks();
	test_diet();
	nt_pick_fini(NULL); /* safe */
	nt_store_close(s);
	return tap_done();
}
