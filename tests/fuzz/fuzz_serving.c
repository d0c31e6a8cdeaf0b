/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_serving.c - Open Food Facts serving sizes (nt_off_serving in off.h):
 * "30 g", "2 biscuits (25 g)", "250 ml (1 cup)".
 *
 * Input: a byte giving the size of the portion-name buffer (1-256), then
 * the serving_size text.  Checks that a serving read is a positive finite
 * weight whose name starts with "serving", fits its buffer (sized exactly,
 * so AddressSanitizer sees an overrun), is clean UTF-8 without control
 * characters or trailing blanks, and that "1 serving" of a food with that
 * portion weighs what was read.
 */
#include "config.h"

#include <math.h>

#include "amount.h"
#include "food.h"
#include "fuzz.h"
#include "off.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = fuzz_byte(&data, &size) + 1;
	char *text = fuzz_strndup(data, size);
	char *unit = malloc(n), full[512];
	double grams = -1, full_grams = -1;
	bool got = nt_off_serving(text, &grams, unit, n);

	if (got) {
		size_t len = strlen(unit);

		FUZZ_CHECK(isfinite(grams) && grams > 0, "'%s' weighs %g", text, grams);
		FUZZ_CHECK(len < n && !strncmp(unit, "serving", len < 7 ? len : 7),
		           "name '%s' of '%s'", unit, text);
	} else {
		FUZZ_CHECK(grams == -1, "failure wrote the weight");
	}

	/* With room for any name: the name is clean, and works as a portion. */
	if (nt_off_serving(text, &full_grams, full, sizeof full)) {
		size_t len = strlen(full);
		struct nt_portion p = {1, full, full_grams};
		struct nt_food f = {.ref = "off:1", .n_portions = 1, .portions = &p};
		double g = -1;

		FUZZ_CHECK(got && full_grams == grams, "buffer size changed the weight");
		FUZZ_CHECK(!strncmp(full, "serving", 7) && (len == 7 || !strncmp(full + 7, ", ", 2)),
		           "name '%s'", full);
		FUZZ_CHECK(nt_utf8_valid(full, len) && !nt_text_has_controls(full) &&
		           full[len - 1] != ' ', "name '%s' not clean", full);
		FUZZ_CHECK(!strncmp(full, unit, strlen(unit)), "cut name '%s' of '%s'", unit, full);
		if (full_grams >= 0.001 && full_grams <= NT_AMOUNT_MAX_GRAMS)
			FUZZ_CHECK(nt_amount_grams("1 serving", &f, &g, NULL) == NT_OK &&
			           g == full_grams, "1 serving of '%s' is %g g, not %g", full, g,
			           full_grams);
	} else {
		FUZZ_CHECK(!got, "buffer size changed the answer");
	}
	free(unit);
	free(text);
	return 0;
}
