#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# profile.sh - the profile and the DRI targets it selects (data/targets.csv).
. "$NUTRACK_TESTS/cli/lib.sh"

# No profile: adult female targets, and it says so.
expect profile-unset 0 nt profile
# Man, 40: B12 2.4, ALA 1.6 g, potassium 3400 mg.
expect profile-man 0 nt profile --sex male --age 40 --diet omnivore
# Options not given keep their values: now a 40-year-old vegan man.
expect profile-diet-only 0 nt profile --diet vegan
# Pregnant, 30: B12 2.6, ALA 1.4, potassium 2900.
expect profile-pregnant 0 nt profile --sex female --age 30 --stage pregnant
# Lactating, 17: B12 2.8, ALA 1.3, potassium 2500.
expect profile-lactating 0 nt profile --age 17 --stage lactating
# Girl, 6: B12 1.2, ALA 0.9, potassium 2300.
expect profile-child 0 nt profile --age 6 --stage none
expect profile-day-csv 0 nt day --csv

# Bad profiles are refused and change nothing.
before=$(snapshot)
expect profile-male-pregnant 1 nt profile --sex male --stage pregnant
expect profile-pregnant-60 1 nt profile --age 60 --stage pregnant
expect profile-age-131 1 nt profile --age 131
expect profile-age-word 1 nt profile --age old
expect profile-bad-sex 1 nt profile --sex other
expect profile-bad-diet 1 nt profile --diet carnivore
expect profile-stray-arg 2 nt profile vegan
is "failed profile changes leave the database as it was" "$(snapshot)" "$before"

done_testing
