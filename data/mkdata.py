#!/usr/bin/env python3
"""Generate nutrack's bundled data files (developer tool, not shipped logic).

Usage: python3 data/mkdata.py [--shared DIR] [--out DIR]

  --shared DIR  folder holding usda/ and dri.csv
                (default: <this script's dir>/../../shared/data)
  --out DIR     where foods.csv, portions.csv, targets.csv, VERSION and README
                are written (default: this script's dir)

The hand-written inputs label_foods.csv and label_portions.csv are always read
from this script's directory.  Python 3.11 standard library only.  Output is
deterministic: same inputs give the same bytes.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import sys
from decimal import Decimal
from fractions import Fraction

FOOD_COLS = [
    "id", "name", "group", "also", "keywords", "energy_kcal", "protein_g",
    "b12_ug", "b12_added_ug", "ala_g", "ala_from_18_3", "epa_g", "dha_g",
    "dpa_g", "potassium_mg",
]
LABEL_COLS = FOOD_COLS + ["source"]
PORTION_COLS = ["food_id", "seq", "amount", "unit", "grams"]
TARGET_COLS = ["nutrient", "unit", "sex", "stage", "age_min_y",
               "age_max_y_excl", "type", "value", "source"]

# output column -> SR/FNDDS nutrient number (ALA and B12 added handled apart)
NUTR = {
    "energy_kcal": "208",
    "protein_g": "203",
    "b12_ug": "418",
    "b12_added_ug": "578",
    "epa_g": "629",
    "dha_g": "621",
    "dpa_g": "631",
    "potassium_mg": "306",
}
ALA = "851"
ALA_UNDIFF = "619"

EXPECT_SR_FOODS = 8789
EXPECT_FNDDS_FOODS = 5431

DRI_NUTRIENTS = {  # dri.csv name -> (our name, unit)
    "vitamin_b12": ("b12", "ug"),
    "ala_omega3": ("ala", "g"),
    "potassium": ("potassium", "mg"),
}
STAGES = {"none": "none", "infant": "none", "child": "none",
          "pregnancy": "pregnant", "lactation": "lactating"}
SRC_IOM = "IOM/NASEM DRI (via USDA NAL recommended intakes table)"
SRC_K = "NASEM 2019 DRI for Sodium and Potassium"
EFSA_ADULT = "EFSA 2010 Scientific Opinion on DRVs for fats (EPA+DHA 250 mg/day)"
EFSA_INFANT = "EFSA 2010 (DHA 100 mg/day, 7-24 months)"
EFSA_PREG = ("EFSA 2010 Scientific Opinion on DRVs for fats (EPA+DHA 250 mg/day;"
             " the extra 100-200 mg/day DHA in pregnancy/lactation not included)")

SR_PLANT_MILK_BEV = re.compile(r"\b(almond|oat|rice|coconut|soy) ?milk\b")


def die(msg):
    sys.exit("mkdata: error: " + msg)


def check(cond, msg):
    if not cond:
        die(msg)


def read_csv(path, cols=None):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        if cols is not None:
            check(r.fieldnames == cols,
                  f"{path}: header {r.fieldnames} != expected {cols}")
        return r.fieldnames, list(r)


def write_csv(path, cols, rows):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    for row in rows:
        w.writerow([row[c] for c in cols])
    data = buf.getvalue().encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return data


def write_text(path, text):
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return data


def dec(s):
    return Decimal(s)


def join_also(*parts):
    return "; ".join(p for p in parts if p != "")


def add_kw(kws, phrase):
    if phrase not in kws:
        kws.append(phrase)


def derive_keywords(src, name, also, group, b12_added):
    """Search helper words; every rule is documented in README."""
    kws = []
    # Name only: FNDDS "also" texts such as "almond, coconut, rice, or soy
    # milk" describe variants of lattes and smoothies, not soy milk itself.
    text = name.lower()
    if b12_added != "" and dec(b12_added) > 0:
        add_kw(kws, "fortified")
    if "soy milk" in text:
        add_kw(kws, "soymilk")
    if "soymilk" in text:
        add_kw(kws, "soy milk")
    if (src == "sr28" and group == "Breakfast Cereals") or \
       (src == "fndds" and group.startswith("Ready-to-eat cereal")):
        add_kw(kws, "breakfast cereal")
    if src == "fndds" and group in ("Oatmeal", "Grits and other cooked cereals"):
        add_kw(kws, "hot cereal")
    lname = name.lower()
    if (src == "fndds" and group == "Plant-based milk") or \
       (src == "sr28" and group == "Legumes and Legume Products"
        and "soymilk" in lname) or \
       (src == "sr28" and group == "Beverages"
        and SR_PLANT_MILK_BEV.search(lname)):
        add_kw(kws, "plant milk non-dairy")
    return kws


class Stats:
    def __init__(self):
        self.clamped = []          # (food_id, added, total)
        self.ala_851 = 0
        self.ala_619 = 0
        self.ala_none = 0
        self.ala_851_gt_619 = 0
        self.kw_counts = {}
        self.sr_amount_norm = 0
        self.fn_port = {"number": 0, "fraction": 0, "whole": 0}
        self.dropped_weight = {"sr28": 0, "fndds": 0}
        self.dropped_nofood = []   # (food_code, portion_description)


def nutrient_fields(vals, food_id, st):
    """vals: nutr_no -> value string (missing nutrient = absent key)."""
    out = {}
    for col, nn in NUTR.items():
        out[col] = vals.get(nn, "")
    tot, add = out["b12_ug"], out["b12_added_ug"]
    if add != "" and tot != "" and dec(add) > dec(tot):
        st.clamped.append((food_id, add, tot))
        out["b12_added_ug"] = tot
    if ALA in vals:
        out["ala_g"], out["ala_from_18_3"] = vals[ALA], "0"
        st.ala_851 += 1
        if ALA_UNDIFF in vals and dec(vals[ALA]) > dec(vals[ALA_UNDIFF]):
            st.ala_851_gt_619 += 1
    elif ALA_UNDIFF in vals:
        out["ala_g"], out["ala_from_18_3"] = vals[ALA_UNDIFF], "1"
        st.ala_619 += 1
    else:
        out["ala_g"], out["ala_from_18_3"] = "", "0"
        st.ala_none += 1
    return out


def load_nutrients(path, key, idcol_ok):
    _, rows = read_csv(path)
    m = {}
    for r in rows:
        k = r[key]
        check(k in idcol_ok, f"{path}: nutrient row for unknown food {k}")
        nn = r["nutr_no"]
        check(nn in NUTR.values() or nn in (ALA, ALA_UNDIFF),
              f"{path}: unexpected nutr_no {nn}")
        v = r["value_per_100g"]
        check(re.fullmatch(r"\d+(\.\d+)?", v) is not None,
              f"{path}: odd value {v!r} for {k}/{nn}")
        d = m.setdefault(k, {})
        check(nn not in d, f"{path}: duplicate {k}/{nn}")
        d[nn] = v
    return m


def frac_to_str(num, den):
    """'1/2' -> '0.5'; None when the decimal does not terminate."""
    fr = Fraction(num, den)
    d = fr.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return None
    s = format(Decimal(fr.numerator) / Decimal(fr.denominator), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


PORTION_RE = re.compile(r"^(\d+(?:\.\d+)?|\.\d+|\d+/\d+)\s+(\S.*)$")


def parse_fndds_portion(desc, st):
    m = PORTION_RE.match(desc)
    if m:
        num, unit = m.group(1), m.group(2)
        if "/" in num:
            a, b = num.split("/")
            amt = frac_to_str(int(a), int(b)) if int(b) != 0 else None
            if amt is not None:
                st.fn_port["fraction"] += 1
                return amt, unit
        else:
            st.fn_port["number"] += 1
            return ("0" + num if num.startswith(".") else num), unit
    st.fn_port["whole"] += 1
    return "1", desc


def build(shared, here, st):
    usda = os.path.join(shared, "usda")
    P = lambda n: os.path.join(usda, n)  # noqa: E731

    # ---------------- SR28 foods ----------------
    _, sr_foods = read_csv(P("sr28_foods.csv"), [
        "ndb_no", "fdgrp_cd", "food_group", "long_desc", "comname",
        "manufacname"])
    sr_ids = [r["ndb_no"] for r in sr_foods]
    check(len(sr_ids) == EXPECT_SR_FOODS, f"SR28 foods: {len(sr_ids)}")
    check(len(set(sr_ids)) == len(sr_ids), "SR28 duplicate ndb_no")
    check(all(re.fullmatch(r"\d{5}", i) for i in sr_ids), "SR28 bad ndb_no")
    sr_nut = load_nutrients(P("sr28_nutrients.csv"), "ndb_no", set(sr_ids))

    foods = []
    for r in sorted(sr_foods, key=lambda r: r["ndb_no"]):
        fid = "sr28:" + r["ndb_no"]
        row = {"id": fid, "name": r["long_desc"], "group": r["food_group"],
               "also": join_also(r["comname"], r["manufacname"])}
        row.update(nutrient_fields(sr_nut.get(r["ndb_no"], {}), fid, st))
        row["keywords"] = " ".join(derive_keywords(
            "sr28", row["name"], row["also"], row["group"],
            row["b12_added_ug"]))
        foods.append(row)

    # ---------------- FNDDS 2021-2023 foods ----------------
    _, fn_foods = read_csv(P("fndds2123_foods.csv"), [
        "food_code", "main_food_description", "additional_food_description",
        "wweia_category_number", "wweia_category_description",
        "has_nutrients"])
    codes_all = [r["food_code"] for r in fn_foods]
    check(len(set(codes_all)) == len(codes_all), "FNDDS duplicate food_code")
    check(all(re.fullmatch(r"\d{8}", c) for c in codes_all),
          "FNDDS bad food_code")
    fn_nut = load_nutrients(P("fndds2123_nutrients.csv"), "food_code",
                            set(codes_all))
    fn_keep = [r for r in fn_foods if r["has_nutrients"] == "1"]
    skipped = [r for r in fn_foods if r["has_nutrients"] != "1"]
    check(all(r["has_nutrients"] == "0" for r in skipped), "has_nutrients")
    check(len(fn_keep) == EXPECT_FNDDS_FOODS, f"FNDDS foods: {len(fn_keep)}")
    check(set(fn_nut) == {r["food_code"] for r in fn_keep},
          "FNDDS has_nutrients disagrees with nutrient file")
    for r in sorted(fn_keep, key=lambda r: r["food_code"]):
        fid = "fndds:" + r["food_code"]
        vals = fn_nut[r["food_code"]]
        check(ALA not in vals, f"FNDDS {fid} unexpectedly has 851")
        row = {"id": fid, "name": r["main_food_description"],
               "group": r["wweia_category_description"],
               "also": r["additional_food_description"]}
        row.update(nutrient_fields(vals, fid, st))
        row["keywords"] = " ".join(derive_keywords(
            "fndds", row["name"], row["also"], row["group"],
            row["b12_added_ug"]))
        foods.append(row)

    # ---------------- label foods (hand-written) ----------------
    _, labels = read_csv(os.path.join(here, "label_foods.csv"), LABEL_COLS)
    check(len(labels) >= 1, "label_foods.csv is empty")
    for i, r in enumerate(labels, 1):
        check(r["id"] == f"label:{i}", f"label_foods.csv row {i}: id {r['id']}")
        check(r["source"].strip() != "", f"{r['id']}: source missing")
        for c in list(NUTR) + ["ala_g"]:
            check(r[c] == "" or re.fullmatch(r"\d+(\.\d+)?", r[c]),
                  f"{r['id']}: bad {c} {r[c]!r}")
        if r["b12_added_ug"] != "" and r["b12_ug"] != "":
            check(dec(r["b12_added_ug"]) <= dec(r["b12_ug"]),
                  f"{r['id']}: B12 added > total")
        flag = r["ala_from_18_3"] or "0"
        check(flag in ("0", "1"), f"{r['id']}: ala_from_18_3 {flag!r}")
        row = {c: r[c] for c in FOOD_COLS}
        row["ala_from_18_3"] = flag
        kws = r["keywords"].split()
        extra = [k for k in derive_keywords("label", r["name"], r["also"],
                                            r["group"], r["b12_added_ug"])
                 if f" {k} " not in f" {' '.join(kws)} "]
        row["keywords"] = " ".join(kws + extra)
        foods.append(row)

    ids = [f["id"] for f in foods]
    check(len(set(ids)) == len(ids), "duplicate food id in foods.csv")
    for f in foods:
        for k in f["keywords"].split():
            check(k == k.lower(), f"{f['id']}: keyword not lowercase")
        for k in ("fortified", "soymilk", "soy milk", "breakfast cereal",
                  "hot cereal", "plant milk non-dairy"):
            if f" {k} " in f" {f['keywords']} ":
                st.kw_counts[k] = st.kw_counts.get(k, 0) + 1

    # ---------------- portions ----------------
    portions = []
    sr_id_set = set(sr_ids)
    code_set = set(codes_all)
    _, sp = read_csv(P("sr28_portions.csv"),
                     ["ndb_no", "seq", "amount", "msre_desc", "gm_wgt"])
    for r in sp:
        check(r["ndb_no"] in sr_id_set,
              f"SR portion for unknown food {r['ndb_no']}")
        if dec(r["gm_wgt"]) <= 0:
            st.dropped_weight["sr28"] += 1
            continue
        amt = r["amount"]
        check(re.fullmatch(r"\d*\.?\d+", amt) is not None,
              f"SR portion amount {amt!r}")
        if amt.startswith("."):
            amt = "0" + amt
            st.sr_amount_norm += 1
        portions.append({"food_id": "sr28:" + r["ndb_no"], "seq": r["seq"],
                         "amount": amt, "unit": r["msre_desc"],
                         "grams": r["gm_wgt"]})
    _, fp = read_csv(P("fndds2123_portions.csv"), [
        "food_code", "seq_num", "portion_description", "portion_weight_g"])
    keep_codes = {r["food_code"] for r in fn_keep}
    for r in fp:
        check(r["food_code"] in code_set,
              f"FNDDS portion for unknown food {r['food_code']}")
        if r["food_code"] not in keep_codes:
            st.dropped_nofood.append((r["food_code"],
                                      r["portion_description"]))
            continue
        if dec(r["portion_weight_g"]) <= 0:
            st.dropped_weight["fndds"] += 1
            continue
        amt, unit = parse_fndds_portion(r["portion_description"], st)
        portions.append({"food_id": "fndds:" + r["food_code"],
                         "seq": r["seq_num"], "amount": amt, "unit": unit,
                         "grams": r["portion_weight_g"]})
    _, lp = read_csv(os.path.join(here, "label_portions.csv"), PORTION_COLS)
    portions.extend(lp)

    order = {fid: i for i, fid in enumerate(ids)}
    for p in portions:
        check(p["food_id"] in order, f"portion for unknown food {p['food_id']}")
        check(re.fullmatch(r"\d+", p["seq"]) is not None, f"seq {p['seq']!r}")
        check(re.fullmatch(r"\d+(\.\d+)?", p["amount"]) is not None
              and dec(p["amount"]) > 0, f"amount {p['amount']!r}")
        check(re.fullmatch(r"\d+(\.\d+)?", p["grams"]) is not None
              and dec(p["grams"]) > 0, f"grams {p['grams']!r}")
        check(p["unit"] != "", f"{p['food_id']}: empty unit")
    keys = [(p["food_id"], int(p["seq"])) for p in portions]
    check(len(set(keys)) == len(keys), "duplicate (food_id, seq) in portions")
    portions.sort(key=lambda p: (order[p["food_id"]], int(p["seq"])))

    # ---------------- targets ----------------
    _, dri = read_csv(os.path.join(shared, "dri.csv"), [
        "nutrient", "unit", "sex", "life_stage", "age_range", "age_min_y",
        "age_max_y_excl", "dri_type", "value", "source", "note"])
    targets = []
    for r in dri:
        check(r["nutrient"] in DRI_NUTRIENTS, f"dri: nutrient {r['nutrient']}")
        name, unit = DRI_NUTRIENTS[r["nutrient"]]
        check(r["unit"] == unit + "/d", f"dri: unit {r['unit']} for {name}")
        check(r["sex"] in ("male", "female", "both"), f"dri: sex {r['sex']}")
        check(r["life_stage"] in STAGES, f"dri: stage {r['life_stage']}")
        check(r["dri_type"] in ("RDA", "AI"), f"dri: type {r['dri_type']}")
        if r["source"] == "nutriR_dris_2020":
            src = SRC_IOM
        elif r["source"].startswith("NASEM_2019"):
            src = SRC_K
        else:
            die(f"dri: unknown source {r['source']!r}")
        for c in ("age_min_y", "age_max_y_excl", "value"):
            check(re.fullmatch(r"\d+(\.\d+)?", r[c]) is not None,
                  f"dri: {c} {r[c]!r}")
        targets.append({"nutrient": name, "unit": unit, "sex": r["sex"],
                        "stage": STAGES[r["life_stage"]],
                        "age_min_y": r["age_min_y"],
                        "age_max_y_excl": r["age_max_y_excl"],
                        "type": r["dri_type"], "value": r["value"],
                        "source": src})
    for sex, stage, lo, hi, val, src in [
            ("both", "none", "0.5", "2", "100", EFSA_INFANT),
            ("both", "none", "2", "999", "250", EFSA_ADULT),
            ("female", "pregnant", "14", "51", "250", EFSA_PREG),
            ("female", "lactating", "14", "51", "250", EFSA_PREG)]:
        targets.append({"nutrient": "epa_dha", "unit": "mg", "sex": sex,
                        "stage": stage, "age_min_y": lo, "age_max_y_excl": hi,
                        "type": "guidance", "value": val, "source": src})
    check_targets(targets)
    return foods, portions, targets, skipped


def check_targets(targets):
    """Every enterable (nutrient, sex, stage, age) must hit exactly one row.
    Ages are checked month by month (k/12 y), exactly, with Fractions."""
    def ages(lo_y, hi_y_incl):
        return [Fraction(k, 12) for k in range(lo_y * 12, hi_y_incl * 12 + 12)]
    combos = []
    for sex in ("female", "male"):
        combos += [(sex, "none", a) for a in ages(0, 130)]
    for stage in ("pregnant", "lactating"):
        combos += [("female", stage, a) for a in ages(14, 50)]
    for nut in ("b12", "ala", "potassium"):
        rows = [t for t in targets if t["nutrient"] == nut]
        for sex, stage, age in combos:
            hits = [t for t in rows
                    if t["stage"] == stage and t["sex"] in (sex, "both")
                    and Fraction(t["age_min_y"]) <= age
                    < Fraction(t["age_max_y_excl"])]
            check(len(hits) == 1,
                  f"targets: {nut} {sex} {stage} age {float(age):.3f}y "
                  f"matches {len(hits)} rows")
    # epa_dha: no overlaps either (gaps allowed: none below 0.5 y)
    rows = [t for t in targets if t["nutrient"] == "epa_dha"]
    for sex, stage, age in combos:
        hits = [t for t in rows
                if t["stage"] == stage and t["sex"] in (sex, "both")
                and Fraction(t["age_min_y"]) <= age
                < Fraction(t["age_max_y_excl"])]
        check(len(hits) <= 1, f"targets: epa_dha overlap at {sex} {stage} "
                              f"{float(age):.3f}")


def fmt(n):
    return f"{n:,}"


README = """\
nutrack bundled data
====================

Generated by data/mkdata.py (developer tool; Python 3.11 standard library
only).  Do not edit foods.csv, portions.csv, targets.csv, VERSION or this
README by hand: edit the script or the hand-written label_*.csv inputs and
regenerate.  All CSV files are UTF-8 (no BOM), "\\n" line ends, RFC 4180
quoting (csv.QUOTE_MINIMAL), one header row.

Regenerate (from the repo root):

    python3 data/mkdata.py [--shared DIR] [--out DIR]

--shared defaults to <repo>/../shared/data (the folder holding usda/ and
dri.csv); --out defaults to data/.  label_foods.csv and label_portions.csv are
always read from data/.  The output is deterministic (same bytes every run).


Files
-----

foods.csv       {n_foods} foods: {n_sr} SR28 + {n_fn} FNDDS 2021-2023 + {n_label} label.
                Columns: id,name,group,also,keywords,energy_kcal,protein_g,
                b12_ug,b12_added_ug,ala_g,ala_from_18_3,epa_g,dha_g,dpa_g,
                potassium_mg.  All values per 100 g edible portion.
portions.csv    {n_port} rows: {n_port_sr} SR28 + {n_port_fn} FNDDS + {n_port_label} label.
                Columns: food_id,seq,amount,unit,grams meaning "<amount>
                <unit> weighs <grams> g".  Sorted like foods.csv, then seq.
targets.csv     {n_targets} rows ({n_targets_dri} DRI rows from dri.csv + {n_targets_epa} EPA+DHA guidance rows).
                Columns: nutrient,unit,sex,stage,age_min_y,age_max_y_excl,
                type,value,source.  Values are per day.
VERSION         "nutrack-data " + first 16 hex digits of SHA-256 over the
                bytes of foods.csv, portions.csv and targets.csv, in that
                order.
label_foods.csv     hand-written input: foods from product labels (same
                    columns as foods.csv plus "source").
label_portions.csv  hand-written input: portions of label foods.
mkdata.py       the generator.


Upstream inputs (see shared/data/usda/SOURCES.md for their provenance)
-----------------------------------------------------------------------

usda/sr28_foods.csv, sr28_nutrients.csv, sr28_portions.csv
    USDA National Nutrient Database for Standard Reference, Release 28.
usda/fndds2123_foods.csv, fndds2123_nutrients.csv, fndds2123_portions.csv
    USDA Food and Nutrient Database for Dietary Studies 2021-2023
    ("At A Glance" tables).
dri.csv
    Dietary Reference Intakes for vitamin B12, ALA and potassium.

Nutrient numbers (SR nutr_no; FNDDS uses the same numbers):

    energy_kcal   208  Energy, kcal
    protein_g     203  Protein, g
    b12_ug        418  Vitamin B-12 (total), ug
    b12_added_ug  578  Vitamin B-12, added (fortification; part of 418), ug
    ala_g         851  18:3 n-3 c,c,c (ALA), g; else 619 (see below)
    epa_g         629  20:5 n-3 (EPA), g
    dha_g         621  22:6 n-3 (DHA), g
    dpa_g         631  22:5 n-3 (DPA), g
    potassium_mg  306  Potassium, K, mg

FNDDS 2017-2018 (also in shared/data/usda) is NOT shipped.  It was kept
upstream only for comparison: FNDDS 2021-2023 is its newer replacement with
the same kind of food codes, and shipping both would duplicate most foods
with slightly different, older values.


Rules
-----

Ids: "sr28:<ndb_no>" (5 digits, leading zeros kept), "fndds:<food_code>"
(8 digits), "label:<n>".  Rows: SR28 by ndb_no, FNDDS by food_code, then
label foods in file order.

Names: SR28 name = long_desc, group = food_group, also = comname and
manufacname joined with "; " (empty parts left out).  FNDDS name =
main_food_description, group = wweia_category_description, also =
additional_food_description.  Text is kept exactly as USDA gives it
(including a few double spaces inside descriptions).

Values: USDA's value strings are copied exactly (no reformatting; "0.00"
stays "0.00").  Unknown = EMPTY field, never 0.  In SR28 a nutrient that was
not measured has no row and becomes empty; a 0 in USDA's data is a real 0.
FNDDS 2021-2023 gives all 9 of its nutrients for every food.

FNDDS food 11000000 "Milk, human" is skipped (has_nutrients=0 upstream),
and so are its {n_drop_nofood} portion rows.

ALA: ala_g = 851 (ALA proper) if present, else 619 (18:3 undifferentiated)
if present, else empty.  ala_from_18_3 = 1 when the 619 fallback was used,
else 0 (also 0 when both are missing).  619 is mostly ALA in ordinary foods
but may include GLA (18:3 n-6) and trans isomers, so treat flagged values as
approximate.  FNDDS has no 851, so every FNDDS value is the 619 fallback.
    from 851: {ala_851}   from 619 (flag 1): {ala_619}   empty: {ala_none}
    ({ala_gt} SR foods have 851 > 619; 851 is used as given.)

B12 added: where USDA's added B12 exceeds total B12 (a 0.01 ug rounding
artefact), added is clamped to total by writing the total's string.
{n_clamp} foods were clamped:
{clamp_list}

Keywords (space-separated lowercase words added to help search; derived,
deterministic; phrases in this order, each at most once):
  "fortified"        b12_added_ug > 0 (USDA's added B12 = fortification).
  "soymilk"          name contains "soy milk" (case-insensitive).
  "soy milk"         name contains "soymilk" (case-insensitive).
  "breakfast cereal" SR28 group "Breakfast Cereals"; FNDDS categories
                     starting with "Ready-to-eat cereal".
  "hot cereal"       FNDDS categories "Oatmeal" and "Grits and other cooked
                     cereals".
  "plant milk non-dairy"
                     FNDDS category "Plant-based milk"; SR28 foods in group
                     "Legumes and Legume Products" whose name contains
                     "soymilk"; SR28 foods in group "Beverages" whose name
                     contains almond/oat/rice/coconut/soy + "milk" (with or
                     without a space).  Culinary coconut milk (SR group "Nut
                     and Seed Products") and dairy-based imitation milks are
                     deliberately not tagged.
  Label foods keep their hand-written keywords; derived phrases not already
  present are appended.
  Counts: {kw_counts}

Portions:
  SR28: seq, amount, msre_desc -> unit, gm_wgt -> grams, copied as given,
    except that amounts written like ".5" become "0.5" ({sr_norm} rows).
  FNDDS 2021-2023: seq_num -> seq, portion_weight_g -> grams (as given).
    portion_description is split into amount and unit when it starts with a
    plain number or fraction followed by a space: "1 cup" -> 1, "cup";
    "1/2 cup" -> 0.5, "cup"; "10 ..." -> 10.  Everything else (a leading
    range like "1-3 ring thin pretzel", '1" wedge', "Quantity not
    specified", "Guideline amount ...", "Skin from ...", "Topping ...",
    "Juice of ...") becomes amount 1 with the whole description as unit.
    Parsed: {fn_number} plain number, {fn_fraction} fraction, {fn_whole} whole description.
  Rows with weight <= 0 are dropped: {drop_w_sr} SR28, {drop_w_fn} FNDDS (none occur in these
  inputs; upstream already removed the 0 g "Milk, human" row).

Targets (targets.csv):
  From dri.csv: vitamin_b12 -> b12 (ug), ala_omega3 -> ala (g), potassium
  -> potassium (mg).  stage: none/infant/child -> none, pregnancy ->
  pregnant, lactation -> lactating.  Sex, ages (age_min_y <= age <
  age_max_y_excl; 999 = no upper bound), type (RDA/AI) and value as given.
  Sources:
    B12, ALA: "{src_iom}"
      = Food and Nutrition Board, National Academies, Dietary Reference
      Intakes (B12 1998, ALA 2002/2005), as compiled by USDA NAL; taken
      from the nutriR R package (cfree14/nutriR).
    Potassium: "{src_k}"
      = NASEM (2019) Dietary Reference Intakes for Sodium and Potassium
      (AIs; they replace the superseded 2004 AI of 4.7 g/day).
  EPA+DHA (nutrient epa_dha, mg, type "guidance"; NOT a DRI - there is no
  DRI for EPA, DHA or DPA):
    ages 0.5-2 y: 100 mg DHA (EFSA 2010, 7-24 months); nothing below 0.5 y;
    ages 2+ y: 250 mg EPA+DHA (EFSA 2010 adult AI);
    pregnant/lactating 14-51 y: 250 mg.  EFSA advises 250 mg EPA+DHA plus
    an extra 100-200 mg DHA in pregnancy and lactation; only the 250 mg
    baseline is recorded.
  The generator asserts that every enterable (b12/ala/potassium, sex,
  stage, age) - female/male ages 0-130 y with stage none, female 14-50 y
  pregnant or lactating, checked month by month - matches exactly one row.


Label foods
-----------

USDA has no fortified nutritional yeast (FNDDS 75236000 "Yeast" is baker's
yeast with 0.07 ug B12/100 g), so one label entry is added:

{label_docs}

Values are per 100 g, scaled from the label serving (x 10).  Only B12 and
protein are available from the cited source, so every other value is left
empty (unknown).  All of its B12 is counted as added (fortification).
Portions (label_portions.csv) come only from the label: 2 tbsp = 10 g.


Licence and citations
---------------------

USDA ARS data (SR28, FNDDS) are works of the U.S. Government and are in the
public domain in the United States (17 U.S.C. 105).  USDA asks users to cite:

  U.S. Department of Agriculture, Agricultural Research Service.  USDA
  National Nutrient Database for Standard Reference, Release 28.  Nutrient
  Data Laboratory.

  U.S. Department of Agriculture, Agricultural Research Service, Food
  Surveys Research Group.  Food and Nutrient Database for Dietary Studies
  2021-2023.

DRI sources:
  Institute of Medicine / Food and Nutrition Board, National Academies:
    Dietary Reference Intakes (as compiled in USDA NAL "Dietary Reference
    Intakes: Estimated Average Requirements and Recommended Intakes"),
    for vitamin B12 and ALA.
  National Academies of Sciences, Engineering, and Medicine (2019).
    Dietary Reference Intakes for Sodium and Potassium.
  EFSA Panel on Dietetic Products, Nutrition, and Allergies (2010).
    Scientific Opinion on Dietary Reference Values for fats.  EFSA Journal
    8(3):1461.  (EPA+DHA guidance only.)
"""


def wrap_words(text, indent, width=78):
    out, line = [], indent
    for w in text.split():
        if len(line) + len(w) + 1 > width and line.strip():
            out.append(line.rstrip())
            line = indent
        line += w + " "
    if line.strip():
        out.append(line.rstrip())
    return "\n".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared",
                    default=os.path.join(here, "..", "..", "shared", "data"))
    ap.add_argument("--out", default=here)
    a = ap.parse_args()
    shared = os.path.normpath(a.shared)
    out = os.path.normpath(a.out)
    os.makedirs(out, exist_ok=True)

    st = Stats()
    foods, portions, targets, skipped = build(shared, here, st)

    blobs = []
    blobs.append(write_csv(os.path.join(out, "foods.csv"), FOOD_COLS, foods))
    blobs.append(write_csv(os.path.join(out, "portions.csv"), PORTION_COLS,
                           portions))
    blobs.append(write_csv(os.path.join(out, "targets.csv"), TARGET_COLS,
                           targets))
    version = hashlib.sha256(b"".join(blobs)).hexdigest()[:16]
    write_text(os.path.join(out, "VERSION"), f"nutrack-data {version}\n")

    n_sr = sum(1 for f in foods if f["id"].startswith("sr28:"))
    n_fn = sum(1 for f in foods if f["id"].startswith("fndds:"))
    n_label = sum(1 for f in foods if f["id"].startswith("label:"))
    _, labels = read_csv(os.path.join(here, "label_foods.csv"), LABEL_COLS)
    label_docs = []
    for r in labels:
        label_docs.append(wrap_words(f"{r['id']} {r['name']}", "  "))
        label_docs.append(wrap_words(
            f"per 100 g: protein {r['protein_g'] or '-'} g, B12 "
            f"{r['b12_ug'] or '-'} ug (added {r['b12_added_ug'] or '-'} ug)",
            "    "))
        label_docs.append(wrap_words("source: " + r["source"], "    "))
    clamp_list = "\n".join(f"    {fid}: added {a} > total {t}"
                           for fid, a, t in st.clamped) or "    (none)"
    kw_order = ["fortified", "soymilk", "soy milk", "breakfast cereal",
                "hot cereal", "plant milk non-dairy"]
    kw_counts = wrap_words("; ".join(f'"{k}" {st.kw_counts.get(k, 0)}'
                                     for k in kw_order), "    ").lstrip()
    n_port_sr = sum(1 for p in portions if p["food_id"].startswith("sr28:"))
    n_port_fn = sum(1 for p in portions if p["food_id"].startswith("fndds:"))
    n_port_label = sum(1 for p in portions
                       if p["food_id"].startswith("label:"))
    n_epa = sum(1 for t in targets if t["nutrient"] == "epa_dha")
    text = README.format(
        n_foods=fmt(len(foods)), n_sr=fmt(n_sr), n_fn=fmt(n_fn),
        n_label=n_label, n_port=fmt(len(portions)), n_port_sr=fmt(n_port_sr),
        n_port_fn=fmt(n_port_fn), n_port_label=n_port_label,
        n_targets=len(targets), n_targets_dri=len(targets) - n_epa,
        n_targets_epa=n_epa, n_drop_nofood=len(st.dropped_nofood),
        ala_851=fmt(st.ala_851), ala_619=fmt(st.ala_619),
        ala_none=fmt(st.ala_none), ala_gt=st.ala_851_gt_619,
        n_clamp=len(st.clamped), clamp_list=clamp_list, kw_counts=kw_counts,
        sr_norm=fmt(st.sr_amount_norm), fn_number=fmt(st.fn_port["number"]),
        fn_fraction=st.fn_port["fraction"], fn_whole=fmt(st.fn_port["whole"]),
        drop_w_sr=st.dropped_weight["sr28"],
        drop_w_fn=st.dropped_weight["fndds"], src_iom=SRC_IOM, src_k=SRC_K,
        label_docs="\n".join(label_docs))
    write_text(os.path.join(out, "README"), text)

    print(f"foods.csv     {len(foods)} rows (SR28 {n_sr}, FNDDS {n_fn}, "
          f"label {n_label}); FNDDS skipped without nutrients: "
          f"{', '.join(r['food_code'] for r in skipped) or 'none'}")
    print(f"portions.csv  {len(portions)} rows (SR28 {n_port_sr}, FNDDS "
          f"{n_port_fn}, label {n_port_label}); dropped weight<=0: SR28 "
          f"{st.dropped_weight['sr28']}, FNDDS {st.dropped_weight['fndds']}; "
          f"dropped for skipped food: {len(st.dropped_nofood)}")
    print(f"              FNDDS portions parsed: {st.fn_port}; SR amounts "
          f"'.x'->'0.x': {st.sr_amount_norm}")
    print(f"targets.csv   {len(targets)} rows ({n_epa} epa_dha guidance)")
    print(f"ALA: 851 {st.ala_851}, 619 fallback {st.ala_619}, empty "
          f"{st.ala_none}, 851>619 {st.ala_851_gt_619}")
    print(f"B12 added clamped: {len(st.clamped)} "
          f"({', '.join(f for f, _, _ in st.clamped)})")
    print(f"keywords: {st.kw_counts}")
    print(f"VERSION       nutrack-data {version}")


if __name__ == "__main__":
    main()
