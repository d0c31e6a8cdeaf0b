#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# plans.sh - `nutrack plan --days 28` for every age/sex/stage row of
# data/targets.csv and every diet: each plan meets every target on every
# day (exit 0) within 2 s; then the unit test's properties (test_plan:
# diet, everyday advice, portion bounds, weekly limit, explanations) over
# its profiles for 28 days.  Part of `make check-slow`.
. "$NUTRACK_TESTS/cli/lib.sh"

# One age inside each row's range (ages in years: the rows' lower bounds).
rows="female:1:none male:1:none female:4:none male:4:none female:9:none male:9:none
female:14:none male:14:none female:19:none male:19:none female:31:none male:31:none
female:51:none male:51:none female:71:none male:71:none female:14:pregnant
female:19:pregnant female:31:pregnant female:14:lactating female:19:lactating
female:31:lactating"
for row in $rows; do
	sex=${row%%:*} rest=${row#*:} age=${row#*:} age=${age%%:*} stage=${rest#*:}
	for diet in vegan vegetarian omnivore; do
		what="$sex $age $stage $diet"
		if ! nt profile --sex "$sex" --age "$age" --stage "$stage" --diet "$diet" >/dev/null; then
			tap_not_ok "$what: profile"
			continue
		fi
		start=$(date +%s%N)
		nt plan --days 28 --csv >"$WORK/plan.csv" 2>"$WORK/plan.err"
		rc=$?
		ms=$((($(date +%s%N) - start) / 1000000))
		if [ "$rc" -eq 0 ]; then
			tap_ok "$what: 28 days, every target met ($ms ms)"
		else
			tap_not_ok "$what: 28 days" "exit $rc" "$(cat "$WORK/plan.err")"
		fi
		# 28 days of 4 meals: every meal of every day holds foods
		meals=$(awk -F, 'NR > 1 { print $1 "," $2 }' "$WORK/plan.csv" | sort -u | wc -l)
		is "$what: 112 meals" "$meals" 112
	done
done

# make check runs in the build tree, where the unit tests are built
if NT_PLAN_SWEEP_DAYS=28 ./tests/unit/test_plan >"$WORK/unit.out" 2>&1; then
	tap_ok "test_plan's properties over 28 days"
else
	tap_not_ok "test_plan's properties over 28 days" "$(grep -A3 '^not ok' "$WORK/unit.out" | head -20)"
fi

done_testing
