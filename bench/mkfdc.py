#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/mkfdc.py KIND DIR N - a synthetic FoodData Central CSV download of N
# foods for timing `nutrack import-fdc`: KIND "sr" is shaped like SR Legacy
# (about 83 nutrient rows a food, two portions each), "branded" like the
# Branded download (13 rows a food, a branded_food.csv row each).  The same
# headers, quoting and column order as USDA's files; the values are random.
import csv, os, random, sys

kind, out, nfoods = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
rnd = random.Random(42)


def writer(name, header):
    f = open(os.path.join(out, name), "w", newline="")
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(header)
    return f, w


tracked = [(1003, "Protein", "G", "203"), (1008, "Energy", "KCAL", "208"),
           (1092, "Potassium, K", "MG", "306"), (1178, "Vitamin B-12", "UG", "418"),
           (1246, "Vitamin B-12, added", "UG", "578"), (1270, "PUFA 18:3", "G", "619"),
           (1272, "PUFA 22:6 n-3 (DHA)", "G", "621"), (1278, "PUFA 20:5 n-3 (EPA)", "G", "629"),
           (1280, "PUFA 22:5 n-3 (DPA)", "G", "631"), (1404, "PUFA 18:3 n-3 c,c,c (ALA)", "G", "851"),
           (2047, "Energy (Atwater General Factors)", "KCAL", "957"),
           (2048, "Energy (Atwater Specific Factors)", "KCAL", "958"), (1062, "Energy", "kJ", "268")]
tids = {t[0] for t in tracked}
others = [i for i in range(1001, 1480) if i not in tids]

f, w = writer("nutrient.csv", ["id", "name", "unit_name", "nutrient_nbr", "rank"])
for t in tracked:
    w.writerow([t[0], t[1], t[2], t[3], "100.0"])
for i in others:
    w.writerow([i, "Nutrient %d" % i, "MG", str(i + 2000), "9999.0"])
f.close()
f, w = writer("measure_unit.csv", ["id", "name"])
w.writerows([["1000", "cup"], ["9999", "undetermined"]])
f.close()
f, w = writer("food_category.csv", ["id", "code", "description"])
for i in range(1, 26):
    w.writerow([i, "%02d00" % i, "Category %d" % i])
f.close()

base = 167512 if kind == "sr" else 1100000
dtype = "sr_legacy_food" if kind == "sr" else "branded_food"
words = ["apple", "beef", "cheese", "dried", "raw", "cooked", "salted", "frozen", "canned",
         "roasted", "whole", "sliced", "baked", "boiled", "organic", "sweet", "plain", "smoked",
         "fresh", "lean"]
f, w = writer("food.csv", ["fdc_id", "data_type", "description", "food_category_id",
                           "publication_date"])
# Branded names are built like real ones around a food word with about the
# share it has in the real Branded Foods table (cheese about 5%, salmon about
# 1%), so that searching "salmon" or "cheese" meets more matches as the table
# grows, as it does with the real download.
heads = [("cheese", 50), ("milk", 25), ("chicken", 30), ("beef", 20), ("yogurt", 20),
         ("bread", 30), ("cereal", 20), ("chips", 30), ("cookies", 30), ("juice", 20),
         ("soup", 15), ("pasta", 15), ("sauce", 40), ("salmon", 10), ("tuna", 10),
         ("beans", 15), ("tofu", 5), ("oat drink", 5), ("soy milk", 5), ("candy", 50),
         ("crackers", 20), ("ice cream", 25), ("sausage", 15), ("nuts", 15), ("rice", 15)]
head_pool = [h for h, weight in heads for _ in range(weight)]
for i in range(nfoods):
    if kind == "sr":
        name = ", ".join(rnd.choice(words) for _ in range(4)).capitalize() + " %d" % i
    else:
        desc = [d for d in words if d not in ("apple", "beef", "cheese")]
        name = "%s %s, %s %d" % (rnd.choice(desc).capitalize(), rnd.choice(head_pool),
                                 rnd.choice(desc), i)
    w.writerow([base + i, dtype, name, (i % 25) + 1 if kind == "sr" else "", "2019-04-01"])
f.close()

f, w = writer("food_nutrient.csv", ["id", "fdc_id", "nutrient_id", "amount", "data_points",
                                    "derivation_id", "min", "max", "median", "footnote",
                                    "min_year_acquired"])
row = 1
for i in range(nfoods):
    if kind == "sr":
        ids = [1003, 1008, 1092, 1178, 1246, 1270, 1272, 1278, 1280] + \
              ([1404] if i % 4 == 0 else []) + rnd.sample(others, 74)
    else:
        ids = [1003, 1008, 1092] + ([1178] if i % 3 == 0 else []) + rnd.sample(others, 10)
    for n in sorted(ids):
        top = 50 if n in (1003, 1270, 1404) else 400 if n in (1008, 1092) else 2
        w.writerow([row, base + i, n, "%.3f" % (rnd.random() * top), "3", "1", "", "", "", "", ""])
        row += 1
f.close()

if kind == "sr":
    f, w = writer("food_portion.csv", ["id", "fdc_id", "seq_num", "amount", "measure_unit_id",
                                       "portion_description", "modifier", "gram_weight",
                                       "data_points", "footnote", "min_year_acquired"])
    row = 1
    for i in range(nfoods):
        for s in (1, 2):
            w.writerow([row, base + i, s, "1", "9999", "",
                        rnd.choice(["cup", "tbsp", "oz", "slice, large"]),
                        "%.1f" % (rnd.random() * 200 + 1), "", "", ""])
            row += 1
    f.close()
else:
    f, w = writer("branded_food.csv", [
        "fdc_id", "brand_owner", "brand_name", "subbrand_name", "gtin_upc", "ingredients",
        "not_a_significant_source_of", "serving_size", "serving_size_unit",
        "household_serving_fulltext", "branded_food_category", "data_source", "package_weight",
        "modified_date", "available_date", "market_country", "discontinued_date",
        "preparation_state_code", "trade_channel", "short_description", "material_code"])
    for i in range(nfoods):
        w.writerow([base + i, "Owner %d Inc." % (i % 5000), "BRAND%d" % (i % 9000), "",
                    "%014d" % (i * 7 + 1), ", ".join(["WATER", "SUGAR", "SALT"] * 12), "",
                    "%.1f" % (rnd.random() * 100 + 5), "g", "1 cup", "Category %d" % (i % 100),
                    "LI", "", "2021-09-23", "2021-10-28", "United States", "", "", "", "", ""])
    f.close()
