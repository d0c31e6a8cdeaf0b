# SPDX-License-Identifier: GPL-3.0-or-later
# test_nutrient_table.py - the one nutrient table (src/core/nutrient.h)
# against what is written from it by hand or by data/mkdata.py (TAP): the
# man page's Nutrients table, foods.csv's columns, targets.csv's names, and
# folate and B6 values worked out by hand from ../shared/data/usda.
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(TOP, "data"))
import mkdata  # noqa: E402  (the generator; importing it runs nothing)

n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print(f"{'ok' if cond else 'not ok'} {n} - {what}")


def table_rows(path):
    """The fields of every row, stored then derived, as in the enum."""
    text = open(path, encoding="utf-8").read()
    rows = []
    for lst in ("NT_STORED_LIST", "NT_DERIVED_LIST"):
        m = re.search(r"#define " + lst + r"\(X\)(.*?)\n\n", text, re.S)
        body = re.sub(r"\\\n\s*", " ", m.group(1) if m else "")
        got = [next(csv.reader([r], skipinitialspace=True))
               for r in re.findall(r'X\(((?:"[^"]*"|[^()"])*)\)', body)]
        ok(m is not None and len(got) > 0 and all(len(r) == 13 for r in got),
           f"{lst} read: {len(got)} rows of 13 fields")
        rows += got
    return rows


def man_rows(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"\.SS Nutrients\n.*?\.ft CR\nname +column +SR +judged by\n(.*?)\n\.ft\n",
                  text, re.S)
    ok(m is not None, "the man page has a Nutrients table")
    rows = []
    for line in (m.group(1).splitlines() if m else []):
        f = line.split()
        rows.append((f[0], f[1], f[2].replace("\\-", "-")))
    return rows


def main():
    h = os.path.join(TOP, "src", "core", "nutrient.h")
    fields = table_rows(h)
    table = [(r[1], r[5], r[6] if r[6] != "0" else "-") for r in fields]
    ok(len(table) == 15, f"15 measures, 13 stored and 2 derived ({len(table)})")
    man = man_rows(os.path.join(TOP, "man", "nutrack.1"))
    ok(man == table, "man/nutrack.1's Nutrients table is the table's rows, in order"
       + ("" if man == table else f": man {man} != table {table}"))

    stored = mkdata.read_nutrient_table(h)
    ok([c for c, _ in stored] == [c for _, c, _ in table[:13]],
       "mkdata.py reads the stored rows' columns")
    ok(dict(stored)["folate_dfe_ug"] == "435" and dict(stored)["b6_mg"] == "415",
       "... with their SR numbers (folate DFE 435, B6 415)")

    data = os.path.join(TOP, "data")
    with open(os.path.join(data, "foods.csv"), newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        header = rd.fieldnames
        foods = {r["id"]: r for r in rd}
    old = ["id", "name", "group", "also", "keywords", "energy_kcal", "protein_g",
           "b12_ug", "b12_added_ug", "ala_g", "ala_from_18_3", "epa_g", "dha_g",
           "dpa_g", "potassium_mg", "contains"]
    ok(header[:len(old)] == old, "foods.csv keeps its old columns in place")
    ok(header[len(old):] == ["folate_dfe_ug", "folic_acid_ug", "food_folate_ug", "b6_mg"],
       f"... and appends the new stored columns ({header[len(old):]})")

    # (food, column, value): USDA's numbers in sr28_nutrients.csv
    hand = [
        ("sr28:11457", "folate_dfe_ug", "194"),   # spinach, raw: 435 = 194
        ("sr28:11457", "b6_mg", "0.195"),         # 415
        ("sr28:09040", "folate_dfe_ug", "20"),    # banana, raw
        ("sr28:09040", "b6_mg", "0.367"),
        ("sr28:08029", "folic_acid_ug", "648"),   # POST Bran Flakes: 431
        ("sr28:08029", "folate_dfe_ug", "1120"),  # 435 (19 + 1.7 x 648 = 1120.6)
        ("sr28:08029", "food_folate_ug", "19"),   # 432
        # no 431 or 435: folic acid = 417 - 432 = 63 - 8 = 55; DFE = 8 +
        # 1.7 x 55 = 101.5
        ("sr28:18205", "folic_acid_ug", "55"),
        ("sr28:18205", "folate_dfe_ug", "101.5"),
        ("fndds:11320000", "folate_dfe_ug", "19"),  # soy milk: FNDDS 435
    ]
    for fid, col, want in hand:
        got = foods.get(fid, {}).get(col)
        ok(got == want, f"{fid} {col} = {want} (got {got})")

    with open(os.path.join(data, "targets.csv"), newline="", encoding="utf-8") as f:
        names = {r["nutrient"] for r in csv.DictReader(f)}
    dri = {r[10] for r in fields if r[10] != "NULL"}
    ok(names - {"protein"} <= dri, f"every targets.csv nutrient is a row's DRI name "
       f"({sorted(names - {'protein'} - dri)} missing)")
    ok({"folate", "folic_acid", "b6"} <= names, "targets.csv has folate, folic acid and B6")

    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
