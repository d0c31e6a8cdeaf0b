#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# profile.sh - the profile and the DRI targets it selects (data/targets.csv).
. "$NUTRACK_TESTS/cli/lib.sh"

# Every profile shows the body its energy requirement (IOM 2005 EER) is
# worked out for, the defaults named: the IOM reference height and weight
# for age and sex, low active.  Protein: the IOM RDA in g/day.
# No profile: adult female targets, and it says so.  The default woman is
# 30: 354 - 6.91 x 30 + 1.12 x (9.36 x 57 + 726 x 1.63) = 147.3 + 1922.928
# = 2070.228 -> 2070 kcal; protein 46 g.
expect profile-unset 0 nt profile
# Man, 40: B12 2.4, ALA 1.6 g, potassium 3400 mg; protein 56 g; 177 cm,
# 70 kg: 662 - 381.2 + 1.11 x (15.91 x 70 + 539.6 x 1.77) = 280.8 +
# 2296.35912 = 2577.159 -> 2577 kcal.
expect profile-man 0 nt profile --sex male --age 40 --diet omnivore
# Options not given keep their values: now a 40-year-old vegan man.
expect profile-diet-only 0 nt profile --diet vegan
# Pregnant, 30: B12 2.6, ALA 1.4, potassium 2900; protein 71 g; 2070.228 +
# 340 (second trimester) = 2410.228 -> 2410 kcal.
expect profile-pregnant 0 nt profile --sex female --age 30 --stage pregnant
# Lactating, 17: B12 2.8, ALA 1.3, potassium 2500; protein 71 g; girls
# 14-18: 163 cm, 54 kg: 135.3 - 30.8 x 17 + 1.16 x (10 x 54 + 934 x 1.63)
# + 25 = -388.3 + 2392.4072 + 25 = 2029.1072, + 330 = 2359.1 -> 2359 kcal.
expect profile-lactating 0 nt profile --age 17 --stage lactating
# Girl, 6: B12 1.2, ALA 0.9, potassium 2300; protein 19 g; 115 cm, 20 kg:
# 135.3 - 184.8 + 1.16 x 1274.1 + 20 = 1448.456 -> 1448 kcal.
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
expect profile-height-300 1 nt profile --height 300
expect profile-weight-word 1 nt profile --weight heavy
expect profile-weight-0 1 nt profile --weight 0
expect profile-activity-bad 1 nt profile --activity lazy
is "failed profile changes leave the database as it was" "$(snapshot)" "$before"

# A man of 40, 180 cm, 80 kg, very active: 662 - 381.2 + 1.48 x (15.91 x 80
# + 539.6 x 1.80) = 280.8 + 1.48 x 2244.08 = 3602.0384 -> 3602 kcal.
expect profile-body 0 nt profile --sex male --age 40 --height 180 --weight 80 --activity very
# Only the height back to the default: 177 cm, 80 kg: 280.8 + 1.48 x (1272.8
# + 955.092) = 280.8 + 3297.28016 = 3578.08 -> 3578 kcal.
expect profile-height-default 0 nt profile --height default
expect profile-body-defaults 0 nt profile --weight default --activity default

done_testing
