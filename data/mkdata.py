#!/usr/bin/env python3
"""Generate nutrack's bundled data files (developer tool, not shipped logic).

Usage: python3 data/mkdata.py [--shared DIR] [--out DIR]

  --shared DIR  folder holding usda/ and dri.csv
                (default: <this script's dir>/../../shared/data)
  --out DIR     where foods.csv, portions.csv, targets.csv, VERSION and README
                are written (default: this script's dir)

The hand-written inputs (label_foods.csv, label_portions.csv, diet_rules.csv,
diet_overrides.csv, staples.csv, superseded.csv, plan_foods.csv) and the
README templates (README.in, contains.in) are always read
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
import textwrap
from decimal import Decimal
from fractions import Fraction

FOOD_COLS = [
    "id", "name", "group", "also", "keywords", "energy_kcal", "protein_g",
    "b12_ug", "b12_added_ug", "ala_g", "ala_from_18_3", "epa_g", "dha_g",
    "dpa_g", "potassium_mg", "contains",
]
# label_foods.csv (hand-written) gives the columns above; the rest are empty
LABEL_COLS = FOOD_COLS + ["source"]
PORTION_COLS = ["food_id", "seq", "amount", "unit", "grams"]
TARGET_COLS = ["nutrient", "unit", "sex", "stage", "age_min_y",
               "age_max_y_excl", "type", "value", "source"]

# The stored measures come from the one nutrient table, src/core/nutrient.h
# (NT_STORED_LIST): each row's CSV column and SR/FNDDS nutrient number.
NUTRIENT_H = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "src", "core", "nutrient.h")
ROW_RE = re.compile(r'X\(\s*(\w+),\s*"(\w+)",\s*"(\w+)",\s*\d+,\s*"[^"]*",'
                    r'\s*"(\w+)",\s*(\d+),')


def use_table(rows):
    """Sets NUTR, VALUE_COLS and FOOD_COLS from the table's stored rows."""
    apart = {"ala_g", "folate_dfe_ug", "folic_acid_ug"}  # folate_fields, ALA
    NUTR.clear()
    VALUE_COLS[:] = [c for c, _ in rows]
    for col, nn in rows:
        check(nn != "0" or col in apart, f"nutrient table: {col} has no SR number")
        if col not in apart:
            NUTR[col] = nn
    # new stored columns go after the old ones, so old readers keep theirs
    FOOD_COLS.extend(c for c in VALUE_COLS if c not in FOOD_COLS)
    missing = [c for c in FOOD_COLS[5:] if c not in VALUE_COLS
               and c not in ("ala_from_18_3", "contains")]
    check(not missing, f"nutrient table: no row for {missing}")


def read_nutrient_table(path):
    """[(column, sr number)] of NT_STORED_LIST, in its order."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        die(f"{path}: {e.strerror} (the nutrient table; give --table)")
    m = re.search(r"#define NT_STORED_LIST\(X\)(.*?)\n\n", text, re.S)
    check(m is not None, f"{path}: no NT_STORED_LIST")
    rows = [(r[3], r[4]) for r in ROW_RE.findall(m.group(1))]
    check(len(rows) == m.group(1).count("X("),
          f"{path}: an NT_STORED_LIST row this script cannot read")
    return rows


# ALA (851, else the undifferentiated 18:3, 619) is handled apart; folate
# total (417) is read only to work out folic acid where 431 is missing.
ALA = "851"
ALA_UNDIFF = "619"
FOLATE_TOTAL = "417"
FOLATE_DFE, FOLIC_ACID, FOOD_FOLATE = "435", "431", "432"
NUTR = {}             # output column -> SR/FNDDS number (set by main)
VALUE_COLS = []       # the stored columns in table order (set by main)
NOT_SHIPPED = set()   # numbers the extracts carry that nutrack leaves out

EXPECT_SR_FOODS = 8789
EXPECT_FNDDS_FOODS = 5431

DRI_NUTRIENTS = {  # dri.csv name -> (our name, unit)
    "vitamin_b12": ("b12", "ug"),
    "ala_omega3": ("ala", "g"),
    "potassium": ("potassium", "mg"),
}
# issue 12: appended after every row above, so that those stay as they were
DRI_APPENDED = {
    "folate_dfe": ("folate", "ug"),
    "folic_acid": ("folic_acid", "ug"),
    "vitamin_b6": ("b6", "mg"),
}
DRI_NOT_SHIPPED = set()  # dri.csv names known and left out
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


# ---------------------------------------------------------------------------
# "contains" tags (diet filtering).  Every rule is documented in README.
# vegan = none of the six tags; vegetarian = no meat, fish, shellfish.
# When unsure the rules prefer tagging: a vegan must never be offered an
# animal food (per-food overrides in the program fix false alarms).
# ---------------------------------------------------------------------------

CONTAINS_TAGS = ("meat", "fish", "shellfish", "dairy", "egg", "honey")

# Every rule of derive_contains by the name it reports to its trace.  The
# table-driven test (tests/unit/test_diet_rules.py) holds at least one food
# each rule applies to and one it must not apply to.
RULES = {
    "vegan-name": "a name that says vegan gets no tag at all",
    "negations": "words after no/without/not/excluding/other than, "
                 "'<x>-free' and 'non-dairy <milk...>' are dropped first",
    "sr28-meat-groups": "SR28 beef, pork, lamb/veal/game, poultry and "
                        "sausage groups -> meat",
    "sr28-seafood-group": "SR28 finfish and shellfish group -> fish, "
                          "shellfish, or meat for frog legs and turtle",
    "sr28-dairy-egg-group": "SR28 dairy and egg group -> egg or dairy",
    "fndds-categories": "FNDDS categories that imply a tag (FNDDS_GROUP_TAGS)",
    "fndds-code-1": "FNDDS food codes 1xxxxxxx (milk products) -> dairy",
    "fndds-code-2": "FNDDS food codes 2xxxxxxx (meat, poultry, fish) -> "
                    "meat when no other animal tag",
    "fndds-code-3": "FNDDS food codes 3xxxxxxx (eggs) -> egg",
    "fndds-seafood-dishes": "FNDDS seafood dishes naming no species -> "
                            "fish and shellfish",
    "meat-words": "meat words in the name (MEAT, less MEAT_NOT)",
    "fish-words": "fish words in the name (FISH, less FISH_NOT)",
    "shellfish-words": "shellfish words in the name",
    "dairy-words": "dairy words in the name (DAIRY, less DAIRY_NOT)",
    "egg-words": "egg words in the name (EGG, less EGG_NOT)",
    "honey-words": "honey words in the name",
    "baked-words-ignored": "baked-goods words mean nothing in cereal names "
                           "and baking fats and flours",
    "oil-not-dairy": "SR28 'Oil, ...' rows get no dairy",
    "fish-own-parts": "names starting 'Fish' keep liver and eggs as fish",
    "meat-cuts-not-seafood": "SR28 meat groups ignore fish and shellfish "
                             "words ('oyster blade')",
    "fndds-also-phrases": "explicit phrases in FNDDS additional "
                          "descriptions (ALSO_RULES)",
    "cereal-brands-honey": "FNDDS cereal categories whose brands are "
                           "honey-sweetened -> honey",
    "meat-analogues": "vegetarian brands and meatless burgers, sausages... "
                      "lose meat and get dairy egg unless vegan",
    "meatless-words": "meatless/vegetarian/veggie/plant-based/no meat "
                      "names lose meat",
}


def _rx(*parts):
    """Whole-word alternation over regex fragments (text is lowercased)."""
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


SR_SEAFOOD_GROUP = "Finfish and Shellfish Products"
SR_DAIRY_EGG_GROUP = "Dairy and Egg Products"

# The word lists and patterns of the rules are data: diet_rules.csv, one
# row per word, pattern or name, columns list,key,tag,pattern.  Every list
# the rules use, its shape, and what it holds:
#   words    whole-word alternation of the rows' regex fragments (text is
#            lowercased), as one compiled regex
#   regex    one compiled regex (one row)
#   regexes  compiled regexes applied in row order; "=NAME" reuses regex NAME
#   names    a set of USDA group/category names (key)
#   tags     category (key) -> the tag it implies (tag)
#   exempt   category (key) -> words (pattern) that cancel its tag
#   also     (words, tag) pairs in order of each tag's first row
DIET_RULES_COLS = ["list", "key", "tag", "pattern"]
DIET_LISTS = {
    "SR_MEAT_GROUPS": ("names", "SR28 food groups of meat and poultry"),
    "FNDDS_GROUP_TAGS": ("tags", "FNDDS 2021-2023 WWEIA categories that by "
                                 "themselves imply a tag"),
    "FNDDS_1_EXEMPT": ("words", "FNDDS food codes starting 1 (milk "
                                "products) that are not dairy"),
    "GROUP_EXEMPT": ("exempt", "categories whose tag does not hold when the "
                               "name says otherwise"),
    # Meat analogues: vegetarian brands and "meatless"/"veggie" burgers,
    # sausages, etc.  Classic US analogues (Worthington, Loma Linda,
    # MorningStar, Gardenburger) are commonly bound with egg white and milk,
    # so they are tagged "dairy egg" unless the name says vegan/tofu/tempeh/
    # seitan.
    "ANALOG_BRAND": ("regex", "meat-analogue brands at the start of a name"),
    "ANALOG_WORD": ("words", "words that make a meat noun an analogue"),
    "ANALOG_NOUN": ("words", "the meat nouns analogues imitate"),
    "ANALOG_START": ("regex", "names starting 'meat substitute'"),
    "ANALOG_VEGAN": ("words", "analogues made without dairy and egg"),
    "NO_MEAT": ("words", "words that cancel meat found in the same name"),
    "NO_SEAFOOD": ("words", "words that also cancel fish and shellfish"),
    "NEGATION": ("regex", "'without x', 'no x or y', ... (dropped first)"),
    "FREE_SUFFIX": ("regex", "'<x>-free' (dropped first)"),
    "NONDAIRY": ("regex", "'non-dairy <milk...>' (dropped first)"),
    "MEAT": ("words", "meat words"),
    "MEAT_NOT": ("regexes", "phrases whose meat word is not meat (bird "
                            "eggs, animal milks, plant 'meat', buns...)"),
    "FISH": ("words", "fish words"),
    "FISH_NOT": ("regexes", "phrases whose fish word is not fish"),
    "SHELLFISH": ("words", "shellfish words"),
    "SHELLFISH_NOT": ("regexes", "phrases whose shellfish word is not "
                                 "shellfish"),
    "IMITATION_SEAFOOD": ("regex", "imitation crab and surimi: fish"),
    "PLANT_MILK": ("regex", "plant milks"),
    "DAIRY": ("words", "dairy words"),
    "FROZEN_NOVELTY_DAIRY": ("regex", "SR28 'Frozen novelties, ...' are ice "
                                      "cream unless ice, juice or fruit bars"),
    "DAIRY_NOT": ("regexes", "phrases whose dairy word is not dairy"),
    "DAIRY_IMPLIED_MILK": ("words", "implied dairy that does not hold when "
                                    "made with non-dairy milk"),
    "DAIRY_IMPLIED_CHEESE": ("words", "implied dairy that does not hold "
                                      "when the name says no cheese"),
    "MADE_WITH_PLANT_MILK": ("regex", "made with non-dairy milk"),
    "SAYS_NO_CHEESE": ("regex", "no/without cheese"),
    "MASHED_POTATO": ("regex", "mashed potatoes, assumed made with milk or "
                               "butter unless 'without milk'"),
    "COCOA_MIX": ("regex", "cocoa and hot chocolate dry mixes"),
    "SR_CHOC_CANDY": ("regex", "SR28 chocolate candies"),
    "FORMULA_NONDAIRY": ("words", "infant formulas made without milk"),
    "EGG": ("words", "egg words"),
    "EGG_NOT": ("regexes", "phrases whose egg word is not egg"),
    "EGG_SALAD": ("words", "mayonnaise-dressed salads"),
    "EGG_SALAD_NOT": ("words", "... unless the name gives a vinegar-type "
                               "dressing"),
    "HONEY": ("words", "honey words"),
    "BAKED_WORDS": ("words", "baked-goods words, which mean nothing in "
                             "cereal names or baking fats"),
    "BAKED_CONTEXT": ("regex", "names where baked-goods words mean nothing "
                               "('shortening for cakes and frostings')"),
    "CEREAL_GROUPS": ("names", "breakfast cereal groups and categories"),
    "SR_CHOC_BRANDS": ("words", "branded chocolate candy (SR28 'Candies, "
                                "...'): milk chocolate assumed"),
    # FNDDS additional descriptions list the variants a food code covers,
    # plus brand names ("Turkey Hill", "Dairy Queen"), so only explicit
    # phrases are taken from them:
    "ALSO_RULES": ("also", "explicit phrases in FNDDS additional "
                           "descriptions and the tag each gives"),
    # Golden Grahams, Honey Bunches of Oats, Honeycomb, Honey Smacks...
    "CEREAL_ALSO_HONEY": ("words", "ready-to-eat cereal brands (named in "
                                   "the additional description) sweetened "
                                   "with honey"),
}


def load_diet_rules(path):
    """The lists of DIET_LISTS, built from diet_rules.csv.  Stops, naming
    the file and line, on an unknown list, a malformed row, a pattern that
    does not compile, an unknown tag, or a list with no rows."""
    _, rows = read_csv(path, DIET_RULES_COLS)
    parts = {}
    for line, r in enumerate(rows, start=2):
        where = f"{path}:{line}"
        name = r["list"]
        check(name in DIET_LISTS, f"{where}: unknown list {name!r}")
        shape = DIET_LISTS[name][0]
        need_key = shape in ("names", "tags", "exempt")
        check(bool(r["key"]) == need_key,
              f"{where}: list {name} ({shape}) "
              + ("needs" if need_key else "takes no") + " key")
        need_tag = shape in ("tags", "also")
        check(bool(r["tag"]) == need_tag,
              f"{where}: list {name} ({shape}) "
              + ("needs" if need_tag else "takes no") + " tag")
        check(not r["tag"] or r["tag"] in CONTAINS_TAGS,
              f"{where}: unknown tag {r['tag']!r}")
        check(bool(r["pattern"]) == (shape not in ("names", "tags")),
              f"{where}: list {name} ({shape}): pattern")
        if r["pattern"] and not r["pattern"].startswith("="):
            try:
                re.compile(r["pattern"])
            except re.error as e:
                die(f"{where}: pattern of {name} does not compile: {e}")
        parts.setdefault(name, []).append((where, r))
    out = {}
    for name, (shape, _) in DIET_LISTS.items():
        rs = parts.get(name)
        check(rs, f"{path}: list {name} has no rows")
        pats = [r["pattern"] for _, r in rs]
        if shape == "words":
            out[name] = _rx(*pats)
        elif shape == "regex":
            if len(rs) != 1:
                die(f"{rs[1][0]}: list {name} takes one row")
            out[name] = re.compile(pats[0])
        elif shape == "regexes":
            lst = []
            for where, r in rs:
                p = r["pattern"]
                if p.startswith("="):
                    ref = p[1:]
                    check(DIET_LISTS.get(ref, ("",))[0] == "regex",
                          f"{where}: {p} names no regex list")
                    lst.append(("ref", ref))
                else:
                    lst.append(("rx", re.compile(p)))
            out[name] = lst
        elif shape == "names":
            out[name] = {r["key"] for _, r in rs}
        elif shape == "tags":
            out[name] = {r["key"]: (r["tag"],) for _, r in rs}
        elif shape == "exempt":
            keys = dict.fromkeys(r["key"] for _, r in rs)
            out[name] = {k: _rx(*(r["pattern"] for _, r in rs
                                  if r["key"] == k)) for k in keys}
        else:  # also
            tags = dict.fromkeys(r["tag"] for _, r in rs)
            out[name] = [(_rx(*(r["pattern"] for _, r in rs
                                if r["tag"] == t)), t) for t in tags]
    for name, (shape, _) in DIET_LISTS.items():   # resolve "=NAME"
        if shape == "regexes":
            out[name] = [out[v] if k == "ref" else v for k, v in out[name]]
    return out


globals().update(load_diet_rules(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "diet_rules.csv")))


def _hit(rx, text, nots=()):
    for n in nots:
        text = n.sub(" ", text)
    return rx.search(text) is not None


def _fire(trace, rule):
    if trace is not None:
        trace.add(rule)


def _norm(text, trace=None):
    t = text.lower().replace("\u2019", "'")
    t = re.sub(r"\bwith or without\b", "with", t)
    t = re.sub(r"\branch[- ]style\b", " ", t)
    t = re.sub(r"\bns as to\b[^;]*", " ", t)   # "NS as to meat": unspecified
    t = re.sub(r"\bas ingredient in [a-z ]+", " ", t)
    before = t
    t = re.sub(r"\((?:except|excluding|other than)\b[^)]*\)", " ", t)
    t = NONDAIRY.sub(" ", t)
    t = NEGATION.sub(" ", t)
    t = FREE_SUFFIX.sub(" ", t)
    if t != before:
        _fire(trace, "negations")
    return t


def _word_tags(text, raw_lower, no_baked=False, trace=None):
    """Tags found by the word rules in one (normalised) text."""
    tags = set()
    if no_baked or BAKED_CONTEXT.search(raw_lower):
        if BAKED_WORDS.search(text):
            _fire(trace, "baked-words-ignored")
        text = BAKED_WORDS.sub(" ", text)
    if _hit(MEAT, text, MEAT_NOT) and not (
            "refried" in raw_lower and re.search(r"fat[- ]free", raw_lower)):
        tags.add("meat")
        _fire(trace, "meat-words")
    imit = IMITATION_SEAFOOD.search(text) is not None
    if _hit(FISH, text, FISH_NOT) or imit:
        tags.add("fish")
        _fire(trace, "fish-words")
    if not imit and _hit(SHELLFISH, text, SHELLFISH_NOT):
        tags.add("shellfish")
        _fire(trace, "shellfish-words")
    d = text
    for n in DAIRY_NOT:
        d = n.sub(" ", d)
    if MADE_WITH_PLANT_MILK.search(raw_lower):
        d = DAIRY_IMPLIED_MILK.sub(" ", d)
    if SAYS_NO_CHEESE.search(raw_lower):
        d = DAIRY_IMPLIED_CHEESE.sub(" ", d)
    if re.search(r"\bformula\b", d) and FORMULA_NONDAIRY.search(d):
        d = re.sub(r"\bformula\b", " ", d)
    if re.search(r"\bnon-?dairy\b", raw_lower):
        d = re.sub(r"\bmargarine\b", " ", d)
    if raw_lower.startswith("oil,"):
        if DAIRY.search(d):
            _fire(trace, "oil-not-dairy")
        d = ""   # SR28 "Oil, ..." are pure plant fats
    if DAIRY.search(d) or COCOA_MIX.search(text) or \
            FROZEN_NOVELTY_DAIRY.search(raw_lower) or \
            SR_CHOC_CANDY.search(raw_lower) or (
                raw_lower.startswith("candies,")
                and SR_CHOC_BRANDS.search(raw_lower)) or (
                MASHED_POTATO.search(text)
                and "without milk" not in raw_lower):
        tags.add("dairy")
        _fire(trace, "dairy-words")
    if _hit(EGG, text, EGG_NOT) or (
            EGG_SALAD.search(text) and not EGG_SALAD_NOT.search(text)):
        tags.add("egg")
        _fire(trace, "egg-words")
    if HONEY.search(text):
        tags.add("honey")
        _fire(trace, "honey-words")
    return tags


def derive_contains(src, name, also, group, fid_code="", trace=None):
    """Space-separated subset of CONTAINS_TAGS, in CONTAINS_TAGS order.
    trace (a set) receives the name of every rule of RULES that applied."""
    low = name.lower().replace("\u2019", "'")
    text = _norm(name, trace)
    code1 = fid_code[:1] if src == "fndds" else ""
    if re.search(r"\bvegan\b", low):
        _fire(trace, "vegan-name")
        return ""
    tags = set()
    # --- group rules ---
    if src == "sr28" and group in SR_MEAT_GROUPS:
        tags.add("meat")
        _fire(trace, "sr28-meat-groups")
    elif src == "sr28" and group == SR_SEAFOOD_GROUP:
        _fire(trace, "sr28-seafood-group")
        if re.search(r"\b(?:frog|turtle)\b", low):
            tags.add("meat")
        elif IMITATION_SEAFOOD.search(low):
            tags.add("fish")
        elif low.startswith(("crustaceans", "mollusks")) or \
                _hit(SHELLFISH, low, SHELLFISH_NOT):
            tags.add("shellfish")
        else:
            tags.add("fish")
    elif src == "sr28" and group == SR_DAIRY_EGG_GROUP:
        _fire(trace, "sr28-dairy-egg-group")
        if re.search(r"\b(?:eggs?|omelet)\b", low):
            tags.add("egg")
            if re.search(r"^egg (?:substitute, powder|mix)\b|eggnog", low):
                tags.add("dairy")
        elif not ("soy protein" in low and "casein" not in low):
            tags.add("dairy")
    elif src == "fndds":
        ex = GROUP_EXEMPT.get(group)
        if FNDDS_GROUP_TAGS.get(group) and not (ex and ex.search(low)):
            tags.update(FNDDS_GROUP_TAGS[group])
            _fire(trace, "fndds-categories")
        # USDA FNDDS food-code major groups: 1 = milk and milk products,
        # 2 = meat, poultry, fish and mixtures, 3 = eggs.
        if code1 == "1" and not (group == "Plant-based milk"
                                 or FNDDS_1_EXEMPT.search(low)):
            tags.add("dairy")
            _fire(trace, "fndds-code-1")
        if code1 == "3":
            tags.add("egg")
            _fire(trace, "fndds-code-3")
        if group in ("Seafood mixed dishes", "Seafood sandwiches"):
            w = _word_tags(text, low)
            if not w & {"fish", "shellfish"}:
                tags.update(("fish", "shellfish"))
                _fire(trace, "fndds-seafood-dishes")
    # --- word rules on the name (and, for FNDDS, the additional
    # description, which lists the variants a food code covers) ---
    name_tags = _word_tags(text, low, group in CEREAL_GROUPS, trace)
    # SR "Fish, ... liver/eggs": the liver or eggs are the fish's own.
    if low.startswith("fish") and name_tags & {"meat", "egg"}:
        name_tags -= {"meat", "egg"}
        _fire(trace, "fish-own-parts")
    # SR meat groups: "oyster blade" and "emu, oyster" are cuts of meat.
    if src == "sr28" and group in SR_MEAT_GROUPS and \
            name_tags & {"fish", "shellfish"}:
        name_tags -= {"fish", "shellfish"}
        _fire(trace, "meat-cuts-not-seafood")
    tags |= name_tags
    if src == "fndds" and also:
        a = _norm(also)
        for n in MEAT_NOT + FISH_NOT + SHELLFISH_NOT + DAIRY_NOT:
            a = n.sub(" ", a)
        extra = {t for rx, t in ALSO_RULES if rx.search(a)}
        if tags & {"meat", "fish", "shellfish"}:
            extra -= {"meat", "fish", "shellfish"}
        if group in CEREAL_GROUPS and CEREAL_ALSO_HONEY.search(a):
            extra.add("honey")
            _fire(trace, "cereal-brands-honey")
        if extra - tags:
            _fire(trace, "fndds-also-phrases")
        tags |= extra
    if code1 == "2" and not tags & {"meat", "fish", "shellfish"}:
        tags.add("meat")
        _fire(trace, "fndds-code-2")
    # --- meat analogues and vegetarian dishes ---
    analog = ANALOG_BRAND.search(low) or ANALOG_START.search(low) or (
        ANALOG_WORD.search(low) and ANALOG_NOUN.search(low))
    if analog and not (src == "sr28" and group in SR_MEAT_GROUPS):
        _fire(trace, "meat-analogues")
        tags -= {"meat", "fish", "shellfish"}
        vegan_text = low + " " + (also.lower() if src == "fndds" else "")
        if not ANALOG_VEGAN.search(vegan_text):
            tags |= {"dairy", "egg"}
    if NO_MEAT.search(low) and not (
            src == "sr28" and group in SR_MEAT_GROUPS):
        if "meat" in tags or (NO_SEAFOOD.search(low)
                              and tags & {"fish", "shellfish"}):
            _fire(trace, "meatless-words")
        tags.discard("meat")
        if NO_SEAFOOD.search(low):
            tags -= {"fish", "shellfish"}
    if re.search(r"\b(?:no|without)\s+meat\b", low) and "meat" in tags:
        tags.discard("meat")
        _fire(trace, "meatless-words")
    return " ".join(t for t in CONTAINS_TAGS if t in tags)


OVERRIDE_COLS = ["food_id", "contains", "reason"]


def valid_contains(text):
    """True for "" or CONTAINS_TAGS names, space-separated, in order."""
    tags = text.split(" ") if text else []
    return tags == [t for t in CONTAINS_TAGS if t in tags]


def load_diet_overrides(here):
    """data/diet_overrides.csv: reviewed per-food decisions that replace
    whatever derive_contains gives.  Returns {food_id: (contains, reason,
    line)}; every row is checked here, its food and its effect in build()."""
    path = os.path.join(here, "diet_overrides.csv")
    with open(path, "rb") as f:
        raw = f.read()
    check(b"\r" not in raw and raw.endswith(b"\n") and
          not raw.startswith(b"\xef\xbb\xbf"),
          "diet_overrides.csv: want UTF-8 without BOM and LF line ends")
    _, rows = read_csv(path, OVERRIDE_COLS)
    out = {}
    for n, r in enumerate(rows, 2):
        where = f"diet_overrides.csv line {n}"
        fid = r["food_id"]
        check(re.fullmatch(r"sr28:\d{5}|fndds:\d{8}", fid) is not None,
              f"{where}: food_id {fid!r}: want sr28:NNNNN or fndds:NNNNNNNN")
        check(fid not in out, f"{where}: {fid} is listed twice")
        check(valid_contains(r["contains"]),
              f"{where}: contains {r['contains']!r} is not a subset of "
              f"'{' '.join(CONTAINS_TAGS)}' in that order")
        check(r["reason"].strip() != "" and r["reason"] == r["reason"].strip(),
              f"{where}: {fid}: give a reason (no surrounding spaces)")
        out[fid] = (r["contains"], r["reason"], n)
    return out


def diet_override(overrides, fid, derived, st):
    """The contains of a food: its override, else what the rules give.  An
    override that agrees with the rules is stale and stops the script."""
    o = overrides.get(fid)
    if o is None:
        return derived
    check(o[0] != derived,
          f"diet_overrides.csv line {o[2]}: {fid}: the rules already give "
          f"{derived!r}; delete the row")
    st.overrides.append((fid, derived, o[0]))
    return o[0]


class Stats:
    def __init__(self):
        self.overrides = []        # (food_id, rules gave, override)
        self.clamped = []          # (food_id, added, total)
        self.ala_851 = 0
        self.ala_619 = 0
        self.ala_none = 0
        self.ala_851_gt_619 = 0
        self.folic_from_total = 0   # folic acid = 417 - 432
        self.dfe_worked_out = 0     # DFE = 432 + 1.7 x folic acid
        self.kw_counts = {}
        self.contains_counts = {}   # tag -> foods
        self.contains_none = {}     # source -> foods with no tag
        self.sr_amount_norm = 0
        self.fn_port = {"number": 0, "fraction": 0, "whole": 0}
        self.dropped_weight = {"sr28": 0, "fndds": 0}
        self.dropped_nofood = []   # (food_code, portion_description)


def dec_text(d):
    """A Decimal as plain text with no trailing zeros ("12.7", "340")."""
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def folate_fields(vals, out, st):
    """Folic acid (431) and folate as DFE (435), as USDA gives them.

    Where 431 is missing and the total (417) and the food folate (432) are
    given, folic acid is their difference (USDA's 417 is food folate plus
    folic acid); where 435 is missing and food folate and folic acid are
    known, DFE is food folate + 1.7 x folic acid (IOM 1998's definition).
    The total alone (417) gives neither: its split is unknown.
    """
    fa = vals.get(FOLIC_ACID, "")
    if fa == "" and FOLATE_TOTAL in vals and FOOD_FOLATE in vals:
        d = dec(vals[FOLATE_TOTAL]) - dec(vals[FOOD_FOLATE])
        if d >= 0:
            fa = dec_text(d)
            st.folic_from_total += 1
    dfe = vals.get(FOLATE_DFE, "")
    if dfe == "" and fa != "" and FOOD_FOLATE in vals:
        d = dec(vals[FOOD_FOLATE]) + Decimal("1.7") * dec(fa)
        dfe = dec_text(d.quantize(Decimal("0.1")))
        st.dfe_worked_out += 1
    out["folic_acid_ug"], out["folate_dfe_ug"] = fa, dfe


def nutrient_fields(vals, food_id, st):
    """vals: nutr_no -> value string (missing nutrient = absent key)."""
    out = {}
    for col, nn in NUTR.items():
        out[col] = vals.get(nn, "")
    folate_fields(vals, out, st)
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
        if nn in NOT_SHIPPED:
            continue
        check(nn in NUTR.values() or nn in (ALA, ALA_UNDIFF, FOLATE_TOTAL, FOLATE_DFE, FOLIC_ACID),
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

    overrides = load_diet_overrides(here)
    foods = []
    for r in sorted(sr_foods, key=lambda r: r["ndb_no"]):
        fid = "sr28:" + r["ndb_no"]
        row = {"id": fid, "name": r["long_desc"], "group": r["food_group"],
               "also": join_also(r["comname"], r["manufacname"])}
        row.update(nutrient_fields(sr_nut.get(r["ndb_no"], {}), fid, st))
        row["keywords"] = " ".join(derive_keywords(
            "sr28", row["name"], row["also"], row["group"],
            row["b12_added_ug"]))
        row["contains"] = diet_override(overrides, fid, derive_contains(
            "sr28", row["name"], row["also"], row["group"]), st)
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
        row["contains"] = diet_override(overrides, fid, derive_contains(
            "fndds", row["name"], row["also"], row["group"], r["food_code"]),
            st)
        foods.append(row)

    # ---------------- label foods (hand-written) ----------------
    _, labels = read_csv(os.path.join(here, "label_foods.csv"), LABEL_COLS)
    check(len(labels) >= 1, "label_foods.csv is empty")
    for i, r in enumerate(labels, 1):
        check(r["id"] == f"label:{i}", f"label_foods.csv row {i}: id {r['id']}")
        check(r["source"].strip() != "", f"{r['id']}: source missing")
        for c in list(NUTR) + ["ala_g"]:
            check(r.get(c, "") == "" or re.fullmatch(r"\d+(\.\d+)?", r[c]),
                  f"{r['id']}: bad {c} {r.get(c)!r}")
        if r["b12_added_ug"] != "" and r["b12_ug"] != "":
            check(dec(r["b12_added_ug"]) <= dec(r["b12_ug"]),
                  f"{r['id']}: B12 added > total")
        flag = r["ala_from_18_3"] or "0"
        check(flag in ("0", "1"), f"{r['id']}: ala_from_18_3 {flag!r}")
        row = {c: r.get(c, "") for c in FOOD_COLS}
        row["ala_from_18_3"] = flag
        kws = r["keywords"].split()
        extra = [k for k in derive_keywords("label", r["name"], r["also"],
                                            r["group"], r["b12_added_ug"])
                 if f" {k} " not in f" {' '.join(kws)} "]
        row["keywords"] = " ".join(kws + extra)
        # contains: hand-written; must be well-formed and cover whatever the
        # word rules find in the name (e.g. "fish oil" -> fish).
        tags = r["contains"].split(" ") if r["contains"] else []
        check(all(t in CONTAINS_TAGS for t in tags)
              and tags == [t for t in CONTAINS_TAGS if t in tags],
              f"{r['id']}: contains {r['contains']!r} not a subset of "
              f"{' '.join(CONTAINS_TAGS)} in that order")
        derived = derive_contains("label", r["name"], r["also"], r["group"])
        check(set(derived.split()) <= set(tags),
              f"{r['id']}: contains {r['contains']!r} misses {derived!r}")
        foods.append(row)

    ids = [f["id"] for f in foods]
    check(len(set(ids)) == len(ids), "duplicate food id in foods.csv")
    used = {fid for fid, _, _ in st.overrides}
    for fid, (_, _, n) in overrides.items():
        check(fid in used, f"diet_overrides.csv line {n}: unknown food {fid}")
    pos = {fid: i for i, fid in enumerate(ids)}
    lines = sorted(overrides.items(), key=lambda kv: kv[1][2])
    for (a, _), (b, (_, _, n)) in zip(lines, lines[1:]):
        check(pos[a] < pos[b], f"diet_overrides.csv line {n}: {b} is out of "
                               "order (rows follow foods.csv)")
    for f in foods:
        tags = f["contains"].split()
        check(tags == [t for t in CONTAINS_TAGS if t in tags]
              and len(tags) == len(set(tags))
              and " ".join(tags) == f["contains"],
              f"{f['id']}: bad contains {f['contains']!r}")
        for t in tags:
            st.contains_counts[t] = st.contains_counts.get(t, 0) + 1
        src = f["id"].split(":")[0]
        if not tags:
            st.contains_none[src] = st.contains_none.get(src, 0) + 1
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
    targets, appended = [], []
    for r in dri:
        if r["nutrient"] in DRI_NOT_SHIPPED:
            continue
        check(r["nutrient"] in DRI_NUTRIENTS or r["nutrient"] in DRI_APPENDED,
              f"dri: nutrient {r['nutrient']}")
        name, unit = (DRI_NUTRIENTS.get(r["nutrient"])
                      or DRI_APPENDED[r["nutrient"]])
        check(r["unit"] == unit + "/d", f"dri: unit {r['unit']} for {name}")
        check(r["sex"] in ("male", "female", "both"), f"dri: sex {r['sex']}")
        check(r["life_stage"] in STAGES, f"dri: stage {r['life_stage']}")
        # an upper limit (UL) only for the nutrients appended
        check(r["dri_type"] in ("RDA", "AI") or (
            r["dri_type"] == "UL" and r["nutrient"] in DRI_APPENDED),
            f"dri: type {r['dri_type']} for {r['nutrient']}")
        if r["source"] == "nutriR_dris_2020":
            src = SRC_IOM
        elif r["source"].startswith("NASEM_2019"):
            src = SRC_K
        else:
            die(f"dri: unknown source {r['source']!r}")
        for c in ("age_min_y", "age_max_y_excl", "value"):
            check(re.fullmatch(r"\d+(\.\d+)?", r[c]) is not None,
                  f"dri: {c} {r[c]!r}")
        (appended if r["nutrient"] in DRI_APPENDED else targets).append({
                        "nutrient": name, "unit": unit, "sex": r["sex"],
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
    # Protein (issue 10, for plans): IOM RDA in g/day at the reference body
    # weight (AI under 6 months), appended so that the rows above stay as
    # they were.
    for sex, stage, lo, hi, typ, val in PROTEIN_ROWS:
        targets.append({"nutrient": "protein", "unit": "g", "sex": sex,
                        "stage": stage, "age_min_y": lo, "age_max_y_excl": hi,
                        "type": typ, "value": val, "source": SRC_PROTEIN})
    targets.extend(appended)
    check_targets(targets)
    staples = check_staples(here, foods, portions)
    plan_foods = check_plan_foods(here, foods, portions)
    superseded = check_superseded(here, foods)
    return foods, portions, targets, skipped, (staples, plan_foods), superseded


STAPLE_COLS = ["nutrient", "food_id", "diets", "portion_seq", "note"]
STAPLE_NUTRIENTS = {  # nutrient -> (value columns summed, unit per portion)
    "b12": (("b12_ug",), "ug"),
    "omega3": (("ala_g",), "g ALA"),
    "epa_dha": (("epa_g", "dha_g"), "mg EPA+DHA"),
    "potassium": (("potassium_mg",), "mg"),
}
DIETS = ("vegan", "vegetarian", "omnivore")
DIET_FORBIDS = {"vegan": set(CONTAINS_TAGS),
                "vegetarian": {"meat", "fish", "shellfish"},
                "omnivore": set()}


def check_staples(here, foods, portions):
    """Validate the hand-curated staples.csv (shipped as is) and return one
    report row per staple with the amount of its nutrient in its portion.
    Returns (the file's bytes, report rows)."""
    path = os.path.join(here, "staples.csv")
    with open(path, "rb") as f:
        raw = f.read()
    check(b"\r" not in raw and raw.endswith(b"\n") and
          not raw.startswith(b"\xef\xbb\xbf"),
          "staples.csv: want UTF-8 without BOM and LF line ends")
    _, rows = read_csv(path, STAPLE_COLS)
    by_id = {f["id"]: f for f in foods}
    grams = {(p["food_id"], p["seq"]): p for p in portions}
    seen = set()
    out = []
    for n, r in enumerate(rows, 2):
        where = f"staples.csv line {n}"
        nut, fid = r["nutrient"], r["food_id"]
        check(nut in STAPLE_NUTRIENTS, f"{where}: nutrient {nut!r}")
        check(fid in by_id, f"{where}: unknown food {fid!r}")
        check((nut, fid) not in seen, f"{where}: duplicate {nut} {fid}")
        seen.add((nut, fid))
        diets = r["diets"].split(" ")
        check(r["diets"] != "" and len(set(diets)) == len(diets)
              and diets == [d for d in DIETS if d in diets],
              f"{where}: diets {r['diets']!r} must be a subset of "
              f"'{' '.join(DIETS)}' in that order")
        food = by_id[fid]
        tags = set(food["contains"].split())
        for d in diets:
            check(not tags & DIET_FORBIDS[d],
                  f"{where}: {fid} contains {food['contains']!r}, not {d}")
        check(re.fullmatch(r"[1-9]\d*", r["portion_seq"]) is not None
              and (fid, r["portion_seq"]) in grams,
              f"{where}: {fid} has no portion seq {r['portion_seq']!r}")
        check(r["note"].strip() != "", f"{where}: empty note")
        cols, unit = STAPLE_NUTRIENTS[nut]
        vals = [food[c] for c in cols if food[c] != ""]
        check(vals, f"{where}: {fid} has {nut} unknown")
        per100 = sum(dec(v) for v in vals)
        check(per100 > 0, f"{where}: {fid} has no {nut}")
        p = grams[(fid, r["portion_seq"])]
        amount = per100 * dec(p["grams"]) / 100
        if nut == "epa_dha":
            amount *= 1000   # g -> mg
        out.append({"nutrient": nut, "food_id": fid, "diets": diets,
                    "portion": f"{p['amount']} {p['unit']} ({p['grams']} g)",
                    "amount": amount, "unit": unit, "note": r["note"]})
    check(out, "staples.csv is empty")
    return raw, out


SUPERSEDED_COLS = ["food_id", "current_id", "reason"]


def check_superseded(here, foods):
    """Validate the hand-written superseded.csv (shipped as is): SR28 foods
    whose values FNDDS 2021-2023 gives anew for the same kind of food.
    Returns (the file's bytes, rows)."""
    path = os.path.join(here, "superseded.csv")
    with open(path, "rb") as f:
        raw = f.read()
    check(b"\r" not in raw and raw.endswith(b"\n") and
          not raw.startswith(b"\xef\xbb\xbf"),
          "superseded.csv: want UTF-8 without BOM and LF line ends")
    _, rows = read_csv(path, SUPERSEDED_COLS)
    by_id = {f["id"]: f for f in foods}
    pos = {f["id"]: i for i, f in enumerate(foods)}
    seen = set()
    last = -1
    for n, r in enumerate(rows, 2):
        where = f"superseded.csv line {n}"
        old, new = r["food_id"], r["current_id"]
        check(re.fullmatch(r"sr28:\d{5}", old) is not None and old in by_id,
              f"{where}: food_id {old!r} is not an SR28 food")
        check(re.fullmatch(r"fndds:\d{8}", new) is not None and new in by_id,
              f"{where}: current_id {new!r} is not an FNDDS food")
        check(old not in seen, f"{where}: {old} is listed twice")
        seen.add(old)
        check(pos[old] > last, f"{where}: {old} is out of order (rows "
                               "follow foods.csv)")
        last = pos[old]
        a = set(by_id[old]["contains"].split())
        b = set(by_id[new]["contains"].split())
        check(b <= a, f"{where}: {new} contains {by_id[new]['contains']!r}, "
                      f"more than {old} ({by_id[old]['contains']!r}): a diet "
                      "that allows one must allow the other")
        check(r["reason"].strip() != "", f"{where}: empty reason")
    check(rows, "superseded.csv is empty")
    return raw, rows


SRC_PROTEIN = ("IOM 2005 DRI for Energy and Macronutrients "
               "(RDA 0.8 g/kg/day adults at the reference weight)")
# (sex, stage, age_min_y, age_max_y_excl, type, g/day): IOM (2002/2005)
# Dietary Reference Intakes for Energy, Carbohydrate, Fiber, Fat, Fatty
# Acids, Cholesterol, Protein, and Amino Acids, Table "Recommended Dietary
# Allowances and Adequate Intakes, Total Water and Macronutrients".
PROTEIN_ROWS = [
    ("both", "none", "0", "0.5", "AI", "9.1"),
    ("both", "none", "0.5", "1", "RDA", "11"),
    ("both", "none", "1", "4", "RDA", "13"),
    ("both", "none", "4", "9", "RDA", "19"),
    ("male", "none", "9", "14", "RDA", "34"),
    ("male", "none", "14", "19", "RDA", "52"),
    ("male", "none", "19", "999", "RDA", "56"),
    ("female", "none", "9", "14", "RDA", "34"),
    ("female", "none", "14", "19", "RDA", "46"),
    ("female", "none", "19", "999", "RDA", "46"),
    ("female", "pregnant", "14", "51", "RDA", "71"),
    ("female", "lactating", "14", "51", "RDA", "71"),
]


PLAN_FOOD_COLS = ["food_id", "role", "meals", "portion_seq", "step", "min",
                  "max"]
PLAN_ROLES = ("cereal", "porridge", "bread", "milk", "yogurt", "juice", "spread",
              "fruit", "vegetable", "starch", "protein", "nuts", "topping",
              "supplement")
MEALS = ("breakfast", "lunch", "dinner", "snack")


def check_plan_foods(here, foods, portions):
    """Validate the hand-curated plan_foods.csv (issue 10: the planner's
    everyday meal foods, shipped as is).  Returns (the file's bytes, rows)."""
    path = os.path.join(here, "plan_foods.csv")
    with open(path, "rb") as f:
        raw = f.read()
    check(b"\r" not in raw and raw.endswith(b"\n") and
          not raw.startswith(b"\xef\xbb\xbf"),
          "plan_foods.csv: want UTF-8 without BOM and LF line ends")
    _, rows = read_csv(path, PLAN_FOOD_COLS)
    by_id = {f["id"]: f for f in foods}
    seqs = {(p["food_id"], p["seq"]) for p in portions}
    seen = set()
    for n, r in enumerate(rows, 2):
        where = f"plan_foods.csv line {n}"
        fid = r["food_id"]
        check(fid in by_id, f"{where}: unknown food {fid!r}")
        check(fid not in seen, f"{where}: {fid} listed twice")
        seen.add(fid)
        check(r["role"] in PLAN_ROLES, f"{where}: role {r['role']!r}")
        meals = r["meals"].split(" ")
        check(r["meals"] != "" and meals == [m for m in MEALS if m in meals],
              f"{where}: meals {r['meals']!r} must be a subset of "
              f"'{' '.join(MEALS)}' in that order")
        check((fid, r["portion_seq"]) in seqs,
              f"{where}: {fid} has no portion seq {r['portion_seq']!r}")
        for c in ("step", "min", "max"):
            check(re.fullmatch(r"\d+(\.\d+)?", r[c]) is not None
                  and dec(r[c]) > 0, f"{where}: {c} {r[c]!r}")
        step, lo, hi = dec(r["step"]), dec(r["min"]), dec(r["max"])
        check(lo <= hi and lo % step == 0 and hi % step == 0,
              f"{where}: min and max must be whole steps, min <= max")
        food = by_id[fid]
        check(r["role"] in ("supplement", "topping")
              or food["energy_kcal"] != "",
              f"{where}: {fid} has energy unknown")
    check(rows, "plan_foods.csv is empty")
    return raw, rows


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
    for nut in ("b12", "ala", "potassium", "protein", "folate", "b6"):
        rows = [t for t in targets if t["nutrient"] == nut
                and t["type"] != "UL"]
        for sex, stage, age in combos:
            hits = [t for t in rows
                    if t["stage"] == stage and t["sex"] in (sex, "both")
                    and Fraction(t["age_min_y"]) <= age
                    < Fraction(t["age_max_y_excl"])]
            check(len(hits) == 1,
                  f"targets: {nut} {sex} {stage} age {float(age):.3f}y "
                  f"matches {len(hits)} rows")
    # epa_dha and the upper limits: no overlaps either (gaps allowed: none
    # below 0.5 y; no UL for infants)
    for nut, typ in (("epa_dha", "guidance"), ("folic_acid", "UL"), ("b6", "UL")):
        rows = [t for t in targets if t["nutrient"] == nut and t["type"] == typ]
        check(rows != [], f"targets: no {typ} row for {nut}")
        for sex, stage, age in combos:
            hits = [t for t in rows
                    if t["stage"] == stage and t["sex"] in (sex, "both")
                    and Fraction(t["age_min_y"]) <= age
                    < Fraction(t["age_max_y_excl"])]
            check(len(hits) <= 1, f"targets: {nut} {typ} overlap at {sex} "
                                  f"{stage} {float(age):.3f}")


def fmt(n):
    return f"{n:,}"


# The README's text is a template beside this script: README.in, with
# contains.in (the diet-tag rules) for its {contains_doc} part; the
# {names} in them are filled in by main().  Literal braces are doubled.


def read_template(here, name):
    with open(os.path.join(here, name), encoding="utf-8", newline="") as f:
        return f.read()


def staples_report(staples):
    """README text: counts per nutrient and diet, then every row with the
    amount of its nutrient in its portion."""
    lines = []
    for nut in STAPLE_NUTRIENTS:
        rows = [r for r in staples if r["nutrient"] == nut]
        per = ", ".join(f"{d} {sum(1 for r in rows if d in r['diets'])}"
                        for d in DIETS)
        lines.append(f"  {nut}: {len(rows)} rows ({per})")
    lines.append("")
    lines.append("  Amount in the portion (V/v/o = vegan/vegetarian/"
                 "omnivore):")
    for r in staples:
        q = Decimal("0.01") if r["unit"] in ("ug", "g ALA") else Decimal("1")
        amt = r["amount"].quantize(q)
        d = "".join(c if full in r["diets"] else "-"
                    for c, full in zip("Vvo", DIETS))
        lines.append(wrap_words(
            f"{r['nutrient']:9s} {d} {amt} {r['unit']} in {r['portion']} of "
            f"{r['food_id']} ({r['note']})", "    ").replace("    ", "  ", 1))
    return "\n".join(lines)


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
    ap.add_argument("--table", default=NUTRIENT_H,
                    help="the nutrient table (src/core/nutrient.h)")
    a = ap.parse_args()
    use_table(read_nutrient_table(a.table))
    shared = os.path.normpath(a.shared)
    out = os.path.normpath(a.out)
    os.makedirs(out, exist_ok=True)

    st = Stats()
    foods, portions, targets, skipped, staples, superseded = build(
        shared, here, st)

    blobs = []
    blobs.append(write_csv(os.path.join(out, "foods.csv"), FOOD_COLS, foods))
    blobs.append(write_csv(os.path.join(out, "portions.csv"), PORTION_COLS,
                           portions))
    blobs.append(write_csv(os.path.join(out, "targets.csv"), TARGET_COLS,
                           targets))
    (staples_raw, staples), (plan_raw, plan_foods) = staples
    blobs.append(staples_raw)   # staples.csv is shipped as is
    superseded_raw, superseded = superseded
    blobs.append(superseded_raw)   # and so is superseded.csv
    blobs.append(plan_raw)         # and so is plan_foods.csv
    version = hashlib.sha256(b"".join(blobs)).hexdigest()[:16]
    write_text(os.path.join(out, "VERSION"), f"nutrack-data {version}\n")

    n_sr = sum(1 for f in foods if f["id"].startswith("sr28:"))
    n_fn = sum(1 for f in foods if f["id"].startswith("fndds:"))
    n_label = sum(1 for f in foods if f["id"].startswith("label:"))
    _, labels = read_csv(os.path.join(here, "label_foods.csv"), LABEL_COLS)
    label_docs = []
    lport = {p["food_id"]: p for p in portions
             if p["food_id"].startswith("label:") and p["seq"] == "1"}
    units = {"energy_kcal": "kcal", "protein_g": "g", "b12_ug": "ug",
             "b12_added_ug": "ug", "ala_g": "g", "epa_g": "g", "dha_g": "g",
             "dpa_g": "g", "potassium_mg": "mg"}
    for r in labels:
        label_docs.append(wrap_words(f"{r['id']} {r['name']}", "  "))
        vals = ", ".join(f"{c} {r[c]} {u}" for c, u in units.items()
                         if r[c] != "")
        p = lport.get(r["id"])
        unit = f"; portion 1: {p['amount']} {p['unit']} = {p['grams']} g" \
            if p else ""
        label_docs.append(wrap_words(
            f"per 100 g: {vals}{unit}; contains: "
            f"{r['contains'] or '(none)'}", "    "))
        label_docs.append(wrap_words("source: " + r["source"], "    "))
        label_docs.append("")
    src_name = {"sr28": "SR28", "fndds": "FNDDS", "label": "label"}
    per_src = {}
    for f in foods:
        sp = f["id"].split(":")[0]
        for t in f["contains"].split():
            per_src.setdefault(t, {}).setdefault(sp, 0)
            per_src[t][sp] += 1
    counts = wrap_words("; ".join(
        f"{t} {fmt(st.contains_counts.get(t, 0))} ("
        + ", ".join(f"{src_name[sp]} {per_src.get(t, {}).get(sp, 0)}"
                    for sp in ("sr28", "fndds", "label")) + ")"
        for t in CONTAINS_TAGS), "    ").lstrip()
    untagged = ", ".join(f"{src_name[sp]} {fmt(st.contains_none.get(sp, 0))}"
                         for sp in ("sr28", "fndds", "label"))
    n_add = sum(1 for _, d, o in st.overrides if set(o.split()) - set(d.split()))
    n_rm = sum(1 for _, d, o in st.overrides if set(d.split()) - set(o.split()))
    overrides_doc = "\n".join(textwrap.wrap(
        "Per-food decisions (diet_overrides.csv, hand-written and reviewed): "
        "one row per food whose tags the rules get wrong, with the tags it "
        "gets instead (the whole set, \"\" for none) and the reason, in "
        "foods.csv order.  The generator stops on an unknown food, a "
        "malformed row, a row out of order, or a row that agrees with the "
        f"rules (stale: delete it).  {len(st.overrides)} rows: {n_add} foods "
        "get a tag the rules miss (an animal ingredient the name does not "
        "show: gelatine in Starburst and frosted Pop-Tarts, milk in Boost "
        f"and vanilla wafers, dashi in miso soup...), {n_rm} lose a tag the "
        "rules give wrongly (poultry seasoning, coconut \"grated meat\", "
        "Silk creamers, tofu mayonnaise...).", 76, initial_indent="  ",
        subsequent_indent="  ", fix_sentence_endings=True))
    contains_doc = read_template(here, "contains.in").format(
        counts=counts, untagged=untagged, overrides_doc=overrides_doc)
    staples_doc = staples_report(staples)
    by_id = {f["id"]: f for f in foods}
    sup_ids = {r["food_id"] for r in superseded}
    sr_b12 = {f["id"] for f in foods if f["id"].startswith("sr28:")
              and f["b12_added_ug"] != "" and dec(f["b12_added_ug"]) > 0}
    groups = {}
    for r in superseded:
        g = by_id[r["food_id"]]["group"]
        groups[g] = groups.get(g, 0) + 1
    superseded_counts = ", ".join(f"{g} {n}" for g, n in
                                  sorted(groups.items(), key=lambda x: -x[1]))
    superseded_doc = "\n".join(textwrap.wrap(
        f"{len(superseded)} rows: {superseded_counts}.  Of the {len(sr_b12)} "
        f"SR28 foods with added B12, {len(sr_b12 & sup_ids)} have a current "
        "food; the others (infant formulas, discontinued or unmatched "
        "cereals, ...) keep their SR28 values with the note.", 76,
        initial_indent="  ", subsequent_indent="  ",
        fix_sentence_endings=True))
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
    n_protein = sum(1 for t in targets if t["nutrient"] == "protein")
    n_new = sum(1 for t in targets if t["nutrient"] in
                {v[0] for v in DRI_APPENDED.values()})
    text = read_template(here, "README.in").format(
        n_foods=fmt(len(foods)), n_sr=fmt(n_sr), n_fn=fmt(n_fn),
        n_label=n_label, n_port=fmt(len(portions)), n_port_sr=fmt(n_port_sr),
        n_port_fn=fmt(n_port_fn), n_port_label=n_port_label,
        n_targets=len(targets),
        n_targets_dri=len(targets) - n_epa - n_protein - n_new,
        n_targets_new=n_new, folic_from_total=st.folic_from_total,
        dfe_worked=st.dfe_worked_out,
        n_targets_epa=n_epa, n_targets_protein=n_protein,
        src_protein=SRC_PROTEIN, n_drop_nofood=len(st.dropped_nofood),
        ala_851=fmt(st.ala_851), ala_619=fmt(st.ala_619),
        ala_none=fmt(st.ala_none), ala_gt=st.ala_851_gt_619,
        n_clamp=len(st.clamped), clamp_list=clamp_list, kw_counts=kw_counts,
        sr_norm=fmt(st.sr_amount_norm), fn_number=fmt(st.fn_port["number"]),
        fn_fraction=st.fn_port["fraction"], fn_whole=fmt(st.fn_port["whole"]),
        drop_w_sr=st.dropped_weight["sr28"],
        drop_w_fn=st.dropped_weight["fndds"], src_iom=SRC_IOM, src_k=SRC_K,
        label_docs="\n".join(label_docs).rstrip(), n_staples=len(staples),
        n_plan_foods=len(plan_foods),
        contains_doc=contains_doc, staples_doc=staples_doc,
        n_superseded=len(superseded), superseded_doc=superseded_doc)
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
    print(f"targets.csv   {len(targets)} rows ({n_epa} epa_dha guidance, "
          f"{n_protein} protein)")
    print(f"ALA: 851 {st.ala_851}, 619 fallback {st.ala_619}, empty "
          f"{st.ala_none}, 851>619 {st.ala_851_gt_619}")
    print(f"B12 added clamped: {len(st.clamped)} "
          f"({', '.join(f for f, _, _ in st.clamped)})")
    print(f"keywords: {st.kw_counts}")
    tag_counts = " ".join(f"{t} {st.contains_counts.get(t, 0)}"
                          for t in CONTAINS_TAGS)
    print(f"contains: {tag_counts}; untagged {untagged}; "
          f"{len(st.overrides)} from diet_overrides.csv")
    print(f"staples.csv   {len(staples)} rows, valid (shipped as is)")
    print(f"plan_foods.csv {len(plan_foods)} rows, valid (shipped as is)")
    print(f"VERSION       nutrack-data {version}")


if __name__ == "__main__":
    main()
