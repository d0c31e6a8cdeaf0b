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
import textwrap
from decimal import Decimal
from fractions import Fraction

FOOD_COLS = [
    "id", "name", "group", "also", "keywords", "energy_kcal", "protein_g",
    "b12_ug", "b12_added_ug", "ala_g", "ala_from_18_3", "epa_g", "dha_g",
    "dpa_g", "potassium_mg", "contains",
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
# Nutrients the upstream extracts carry that nutrack does not ship (yet):
# folate (DFE, total, food, folic acid) and vitamin B6.  Known, so skipped;
# any other number still stops the script.
NOT_SHIPPED = {"435", "417", "432", "431", "415"}

EXPECT_SR_FOODS = 8789
EXPECT_FNDDS_FOODS = 5431

DRI_NUTRIENTS = {  # dri.csv name -> (our name, unit)
    "vitamin_b12": ("b12", "ug"),
    "ala_omega3": ("ala", "g"),
    "potassium": ("potassium", "mg"),
}
DRI_NOT_SHIPPED = {"folate_dfe", "folic_acid", "vitamin_b6"}  # as NOT_SHIPPED
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


SR_MEAT_GROUPS = {"Beef Products", "Pork Products",
                  "Lamb, Veal, and Game Products", "Poultry Products",
                  "Sausages and Luncheon Meats"}
SR_SEAFOOD_GROUP = "Finfish and Shellfish Products"
SR_DAIRY_EGG_GROUP = "Dairy and Egg Products"

# FNDDS 2021-2023 WWEIA categories that by themselves imply a tag.
FNDDS_GROUP_TAGS = {
    "Bacon": ("meat",),
    "Beef, excludes ground": ("meat",),
    "Burgers": ("meat",),
    "Chicken fillet sandwiches": ("meat",),
    "Chicken patties, nuggets and tenders": ("meat",),
    "Chicken, whole pieces": ("meat",),
    "Cold cuts and cured meats": ("meat",),
    "Deli and cured meat sandwiches": ("meat",),
    "Frankfurter sandwiches": ("meat",),
    "Frankfurters": ("meat",),
    "Ground beef": ("meat",),
    "Lamb, goat, game": ("meat",),
    "Liver and organ meats": ("meat",),
    "Meat and BBQ sandwiches": ("meat",),
    "Meat mixed dishes": ("meat",),
    "Pork": ("meat",),
    "Poultry mixed dishes": ("meat",),
    "Sausages": ("meat",),
    "Turkey, duck, other poultry": ("meat",),
    "Fish": ("fish",),
    "Shellfish": ("shellfish",),
    "Eggs and omelets": ("egg",),
    "Egg/breakfast sandwiches": ("egg",),
    "Mayonnaise": ("egg",),
    "Cheese": ("dairy",),
    "Cheese sandwiches": ("dairy",),
    "Cottage/ricotta cheese": ("dairy",),
    "Cream and cream substitutes": ("dairy",),
    "Cream cheese, sour cream, whipped cream": ("dairy",),
    "Flavored milk, lowfat": ("dairy",),
    "Flavored milk, nonfat": ("dairy",),
    "Flavored milk, reduced fat": ("dairy",),
    "Flavored milk, whole": ("dairy",),
    "Milk, lowfat": ("dairy",),
    "Milk, nonfat": ("dairy",),
    "Milk, reduced fat": ("dairy",),
    "Milk, whole": ("dairy",),
    "Milk shakes and other dairy drinks": ("dairy",),
    "Ice cream and frozen dairy desserts": ("dairy",),
    "Macaroni and cheese": ("dairy",),
    "Yogurt, Greek": ("dairy",),
    "Yogurt, regular": ("dairy",),
    "Baby food: yogurt": ("dairy",),
    "Pudding": ("dairy",),
    "Nachos": ("dairy",),
    "Candy containing chocolate": ("dairy",),
    "Nutritional beverages": ("dairy",),
    "Protein and nutritional powders": ("dairy",),
    "Formula, prepared from powder": ("dairy",),
    "Formula, ready-to-feed": ("dairy",),
    "Soups, cream-based": ("dairy",),
    "Nutrition bars": ("dairy",),
}
# FNDDS food codes starting 1 (milk products) that are not dairy:
FNDDS_1_EXEMPT = _rx(r"non-?dairy", r"soy", r"almond", r"rice milk",
                     r"oat milk", r"coconut", r"prosobee", r"isomil",
                     r"amino acids", r"beverage powder", r"cocoa powder")
# ... and categories whose tag does not hold when the name says otherwise:
GROUP_EXEMPT = {
    "Soups, cream-based": _rx(r"peanut"),
    "Nutrition bars": _rx(r"clif"),
    "Formula, prepared from powder": _rx(r"soy", r"prosobee", r"isomil",
                                         r"amino acids?"),
    "Formula, ready-to-feed": _rx(r"soy", r"prosobee", r"isomil",
                                  r"amino acids?"),
    "Protein and nutritional powders": _rx(r"soy"),
    "Cream and cream substitutes": _rx(r"soy"),
    "Pudding": _rx(r"haupia", r"meringues?"),
}

# Meat analogues: vegetarian brands and "meatless"/"veggie" burgers,
# sausages, etc.  Classic US analogues (Worthington, Loma Linda,
# MorningStar, Gardenburger) are commonly bound with egg white and milk, so
# they are tagged "dairy egg" unless the name says vegan/tofu/tempeh/seitan.
ANALOG_BRAND = re.compile(
    r"^(?:morningstar farms|worthington|loma linda|gardenburger)\b")
ANALOG_WORD = _rx(r"meatless", r"vegetarian", r"veggie", r"soyburgers?")
ANALOG_NOUN = _rx(
    r"bacon", r"sausages?", r"links?", r"patt(?:y|ies)", r"pattie",
    r"chicken", r"frankfurters?", r"hot ?dogs?", r"franks?", r"luncheon",
    r"meatballs?", r"meatloaf", r"fillets?", r"burgers?", r"soyburgers?",
    r"steaks?", r"corned beef", r"crumbles", r"nuggets?",
    r"sandwich spread", r"turkey", r"wings", r"riblets", r"cutlets", r"ham")
ANALOG_START = re.compile(r"^meat substitute")
ANALOG_VEGAN = _rx(r"vegan", r"tofu", r"tempeh", r"seitan",
                   r"soybean curd", r"textured vegetable protein")

# Words that cancel meat (and, for the vegetarian ones, fish/shellfish)
# found in the same name.
NO_MEAT = _rx(r"meatless", r"vegetarian", r"veggie", r"vegan",
              r"meat substitutes?", r"meat substitiute", r"meat alternatives?",
              r"meat analogs?", r"plant-based")
NO_SEAFOOD = _rx(r"vegetarian", r"veggie", r"vegan", r"plant-based")

NEGATION = re.compile(
    r"\b(?:without|no|not|free of|excluding|except|other than)\s+"
    r"(?:added\s+)?"
    r"(?:[a-z'&]+(?:\s+sauce)?)(?:\s+(?:or|and)\s+[a-z'&]+(?:\s+sauce)?)?")
FREE_SUFFIX = re.compile(r"\b[a-z]+-free\b")
NONDAIRY = re.compile(
    r"\b(?:non[- ]?dairy|no dairy|dairy[- ]free)"
    r"(?:\s+(?:milk|frozen dessert|ice cream|yogurt|butter))?")

MEAT = _rx(
    r"beef", r"pork", r"hams?", r"bacon", r"sausages?", r"chickens?",
    r"turkeys?", r"ducks?", r"duckling", r"geese", r"goose", r"veal",
    r"lambs?", r"mutton", r"goats?", r"venison", r"bison", r"buffalo",
    r"rabbits?", r"meats?", r"meaty", r"meatballs?", r"meat ?loaf",
    r"mincemeat", r"pepperoni", r"salami", r"bologna", r"frankfurters?",
    r"franks", r"hot ?dogs?", r"wieners?", r"weiners?", r"corn dogs?",
    r"livers?", r"liverwurst", r"braunschweiger", r"jerky", r"chorizo",
    r"prosciutto", r"pancetta", r"capicola", r"mortadella", r"pastrami",
    r"kielbasa", r"bratwurst", r"knockwurst", r"knackwurst", r"wurst",
    r"scrapple", r"pate", r"pâté", r"foie gras", r"chitterlings?", r"tripe",
    r"menudo", r"pozole", r"posole", r"oxtails?", r"sweetbreads?",
    r"giblets?", r"gizzards?", r"hocks?", r"pig's", r"pigs?", r"hogs?",
    r"spam", r"carne", r"carnitas", r"pollo", r"cerdo", r"puerco",
    r"chicharr[oó]n(?:es)?", r"barbacoa", r"birria", r"albondigas?",
    r"picadillo", r"longaniza", r"morcilla", r"salchichas?", r"lechon",
    r"pernil", r"tocino", r"jam[oó]n", r"cabrito", r"chivo", r"pavo",
    r"pato", r"lau lau", r"kalua", r"haggis", r"pemmican", r"gyros?",
    r"shawarma", r"kabobs?", r"kebabs?", r"souvlaki", r"steaks?",
    r"cheesesteaks?", r"burgers?", r"hamburgers?", r"cheeseburgers?",
    r"chiliburgers?", r"sliders?", r"sloppy joes?", r"goulash", r"bolognese",
    r"lard", r"lardo", r"tallow", r"suet", r"drippings", r"bacon grease",
    r"animal fat", r"vegetable or animal", r"schmaltz", r"fat ?back",
    r"salt pork", r"cracklings?", r"gelatine?s?", r"jell-?o", r"aspic",
    r"marshmallows?", r"gumm(?:y|ies|i)", r"fruit snacks?", r"lucky charms",
    r"frosted mini-wheats", r"collagen", r"beefy", r"pot roast",
    r"wedding soup", r"italian wedding", r"onion soup", r"soup, onion",
    r"soup, french onion", r"de res", r"wontons?", r"pot ?stickers?",
    r"paella", r"hot and sour soup", r"soup, hot and sour", r"matzo ball",
    r"cold cuts?", r"club sub", r"club sandwich", r"subway club",
    r"mcchicken", r"whopper", r"quarter pounder", r"big mac", r"mcmuffin",
    r"big breakfast", r"mcrib", r"chick-n", r"hot 'n juicy",
    r"double stack", r"classic double", r"chili con carne",
    r"chili with beans", r"chili, no beans", r"taco salad", r"empanadas?",
    r"cobb", r"burrito, nfs", r"taco, nfs", r"fajita, nfs",
    r"burrito bowl, nfs", r"potato salad, german", r"german potato salad",
    r"gravy", r"gravies", r"au jus",
    r"broth", r"bouillon", r"consomm[eé]", r"stocks?", r"ramen", r"pho",
    r"poultry", r"fowl", r"capon", r"squab", r"pheasant", r"quail",
    r"emu", r"ostrich", r"grouse", r"partridge", r"game hens?",
    r"guinea hens?", r"elk", r"moose", r"caribou", r"deer", r"boar",
    r"antelope", r"beaver", r"muskrat", r"opossum", r"raccoon",
    r"squirrel", r"horse", r"frogs?", r"alligator", r"whales?", r"seals?",
    r"walrus", r"sea lions?", r"owl", r"tamales?", r"refried beans",
    r"frijoles", r"chili", r"baked beans?")
MEAT_NOT = [
    re.compile(r"^.*\bvegetable broth\b.*$"),
    re.compile(r"\bchil(?:i|e)s?\s+(?:peppers?|powder|sauce|seasoning|paste|flakes"
               r"|oil|pods?|con queso)\b"),
    re.compile(r"\bpeppers?,\s+(?:hot,?\s+)?chili\b|\bhot chili\b"),
    re.compile(r"\b(?:sauce|seasoning mix, dry),\s+chili\b|\btomato chili sauce\b"),
    re.compile(r"\bbeans, chili\b"),
    # bird eggs, animal milks/cheeses, plant "meat", buns for meat
    re.compile(r"\b(?:duck|goose|quail|turkey|chicken|ostrich|emu)'?s?\s+"
               r"eggs?\b"),
    re.compile(r"\beggs?,\s+(?:whole,\s+)?(?:duck|goose|quail|turkey)\b"),
    re.compile(r"\b(?:goat|goat's|goats|sheep|sheep's|buffalo|water buffalo"
               r"|camel)\s+(?:milk|cheeses?|yogurt|butter)\b"),
    re.compile(r"\b(?:milk|cheeses?|yogurt|butter),\s+(?:[a-z]+\s+)?"
               r"(?:goats?|sheep|buffalo|camel)\b"),
    re.compile(r"\b(?:coconut|nuts?|walnut|pecan|crab|lobster|clam)\s+"
               r"meats?\b"),
    re.compile(r"\brolls?,\s+(?:hamburger|hot ?dog|frankfurter)"
               r"(?:\s+or\s+(?:hamburger|hot ?dog|frankfurter))?"),
    re.compile(r"\b(?:hamburger|hot ?dog|frankfurter)\s+(?:or\s+"
               r"(?:hamburger|hot ?dog|frankfurter)\s+)?(?:buns?|rolls?)\b"),
    re.compile(r"\bburger king\b"),
    re.compile(r"\bbuffalo\s+(?:sauce|flavou?r(?:ed)?|style)\b"),
    re.compile(r"\bduck sauce\b"),
    re.compile(r"\b(?:vegetable|veggie|mushroom|miso)\s+"
               r"(?:broth|stock|bouillon)s?\b"),
    re.compile(r"\bsteak[- ](?:fries|cut)\b"),
    re.compile(r"\bsauce, (?:duck|steak)\b|\bsteak sauce\b"),
    re.compile(r"\b(?:hot dog|hamburger)\s+relish\b|\brelish,\s+"
               r"(?:hot dog|hamburger)\b"),
    re.compile(r"\bwon ?ton (?:crackers?|chips|wrappers?|skins?)\b|"
               r"\bcrackers?, wonton\b"),
]
FISH = _rx(
    r"fish", r"fishes", r"seafood", r"sea food", r"salmon", r"tuna",
    r"cod", r"codfish", r"bacalao", r"bacalaitos", r"trout", r"sardines?",
    r"anchov(?:y|ies)", r"herring", r"mackerel", r"tilapia", r"halibut",
    r"catfish", r"pollock", r"pollack", r"haddock", r"flounder", r"sole",
    r"bass", r"snapper", r"perch", r"whiting", r"roe", r"caviar", r"carp",
    r"eels?", r"unagi", r"grouper", r"mahi ?mahi", r"mahimahi", r"monkfish",
    r"mullet", r"pike", r"pompano", r"rockfish", r"roughy", r"sablefish",
    r"shad", r"sharks?", r"smelts?", r"sturgeon", r"swordfish", r"tilefish",
    r"turbot", r"whitefish", r"wolffish", r"yellowtail", r"croaker",
    r"porgy", r"scup", r"bluefish", r"butterfish", r"milkfish", r"burbot",
    r"cisco", r"cusk", r"walleye", r"sheefish", r"blackfish", r"devilfish",
    r"hake", r"scrod", r"branzino", r"barramundi", r"marlin", r"lox",
    r"gefilte", r"gefiltefish", r"surimi", r"kamaboko", r"bonito",
    r"katsuobushi", r"dashi", r"worcestershire", r"caesar", r"sashimi",
    r"sushi", r"ceviche", r"kippered", r"kippers?", r"pilchards?",
    r"sprats?", r"lutefisk", r"pescado", r"fishsticks?", r"pad thai",
    r"kimchi")
FISH_NOT = [
    re.compile(r"\bsushi (?:roll,?\s+)?(?:avocado|vegetable|cucumber)\b"),
]
SHELLFISH = _rx(
    r"shellfish", r"seafood", r"sea food", r"shrimps?", r"prawns?",
    r"crabs?", r"crabmeat", r"crayfish", r"crawfish", r"lobsters?",
    r"langostas?", r"langostinos?", r"krill", r"clams?", r"oysters?",
    r"mussels?", r"scallops?", r"squid", r"calamari", r"octopus", r"pulpo",
    r"abalone", r"whelks?", r"conchs?", r"snails?", r"escargots?",
    r"cuttlefish", r"cockles?", r"chitons?", r"geoduck", r"periwinkles?",
    r"sea urchins?", r"sea cucumbers?", r"jellyfish", r"ascidians?",
    r"tunicates?", r"oopah", r"scampi", r"camarones", r"jueyes",
    r"mollusks?", r"crustaceans?", r"kimchi")
SHELLFISH_NOT = [
    re.compile(r"\bvegetable oyster\b"),
    re.compile(r"\bsquash\b[^;]*\bscallop\b|\bscallop squash\b"),
    re.compile(r"\boyster\s+(?:or chowder\s+)?(?:mushrooms?|crackers?|plant)"
               r"\b"),
    re.compile(r"\bmushrooms?,\s+oyster\b"),
    re.compile(r"\bcrackers?,\s+oyster\b"),
]
IMITATION_SEAFOOD = re.compile(
    r"\bimitation\s+(?:crab|shrimp|scallop|lobster|sea ?food)|"
    r"\b(?:crab|shrimp|scallop|lobster)\b[^;]*\bimitation\b|\bsurimi\b")

PLANT_MILK = re.compile(
    r"\b(?:soy|soya|almond|oat|rice|coconut|cashew|hemp|pea|plant|"
    r"plant-based|nut|peanut|hazelnut|macadamia|flax|flaxseed|quinoa|"
    r"walnut|pistachio|grain|non-dairy|nondairy)"
    r"(?:,?\s+(?:or|and)\s+[a-z]+)*\s+milks?\b")
DAIRY = _rx(
    r"milks?", r"milkshakes?", r"dairy", r"cheeses?", r"cheesy", r"cheez",
    r"cheddar", r"mozzarella", r"parmesan", r"parmigiana", r"parmigiano",
    r"romano", r"ricotta", r"feta", r"brie", r"camembert", r"gouda",
    r"edam", r"provolone", r"colby", r"muenster", r"monterey", r"gruyere",
    r"fontina", r"havarti", r"limburger", r"neufchatel", r"mascarpone",
    r"queso", r"quesadillas?", r"paneer", r"cotija", r"asadero",
    r"burrata", r"halloumi", r"gorgonzola", r"roquefort", r"asiago",
    r"manchego", r"tilsit", r"port du salut", r"butters?", r"buttered",
    r"buttery", r"butterscotch", r"buttermilk", r"butterfat", r"butteroil",
    r"ghee", r"creams?", r"creamed", r"creamers?", r"whipped topping",
    r"dessert topping", r"yog(?:h)?urts?", r"whey", r"casein",
    r"caseinates?", r"kefir", r"custards?", r"lattes?", r"cappuccinos?",
    r"macchiatos?", r"mochas?", r"leche", r"au lait", r"hot chocolate",
    r"hot cocoa", r"cocoa mix", r"malted", r"eggnog", r"puddings?",
    r"flan", r"mousse", r"tiramisu", r"sherbet", r"gelato",
    r"frozen custard", r"sundaes?", r"banana split", r"parfaits?",
    r"alfredo", r"au gratin", r"gratin", r"scalloped", r"fondue",
    r"rarebit", r"raita", r"tzatziki", r"labneh", r"lassi", r"barfi",
    r"burfi", r"gulab jamun", r"kheer", r"firni", r"rasgulla",
    r"ras ?malai", r"kulfi", r"ladoo", r"laddu", r"halwa", r"korma",
    r"tikka masala", r"naan", r"brioche", r"croissants?", r"croissan'wich",
    r"danish pastr(?:y|ies)", r"danishes", r"pastry, danish", r"biscuits?",
    r"scones?", r"shortbread",
    r"shortcakes?", r"pound cakes?", r"popovers?", r"pancakes?",
    r"waffles?", r"crepes?", r"french toast", r"blintz(?:es)?",
    r"cream puffs?", r"eclairs?", r"profiteroles?", r"cheesecakes?",
    r"cakes?", r"cupcakes?", r"coffeecakes?", r"cookies?", r"brownies?",
    r"muffins?", r"doughnuts?", r"donuts?", r"pastry", r"pastries",
    r"sweet rolls?", r"rolls?, dinner, sweet", r"pan dulce", r"eggo",
    r"french toaster", r"garlic bread", r"soda bread", r"irish soda",
    r"apple crisp", r"fruit crisp", r"white sauce",
    r"sauce, (?:homemade, )?white", r"goldfish", r"confectioner'?s coating",
    r"candies, truffles", r"creamy\b[^;]*\bsoup", r"nutella",
    r"chocolate[- ]flavou?red hazelnut spread", r"lasagne", r"shakes?",
    r"mcflurry", r"frosty", r"hotcakes", r"big mac", r"taco salad",
    r"burrito, nfs", r"taco, nfs", r"fajita, nfs", r"burrito bowl, nfs",
    r"chilaquiles", r"cobb", r"greek salad", r"green bean casserole",
    r"pea salad", r"tarts?", r"crisp, (?:apple|berry|cherry|peach)",
    r"beignets?", r"basbousa", r"pierogi", r"ravioli", r"tortellini",
    r"mallorca", r"pann?ett?one", r"bread, (?:pumpkin|zucchini|banana"
    r"|fruit|nut|date|cranberry)", r"(?:pumpkin|zucchini|banana|nut) bread",
    r"(?:onion|chipotle|spinach|vegetable|artichoke|ranch|seafood|clam"
    r"|crab|layer|taco|dill) dips?", r"dip, nfs", r"soup, french onion",
    r"french onion soup", r"mcmuffin", r"quiches?",
    r"cheese(?:burgers?|steaks?|furters?)", r"table fat",
    r"cinnamon rolls?", r"cinnamon buns?", r"honey buns?", r"turnovers?",
    r"strudel", r"baklava", r"cobblers?", r"pies?", r"cornbread",
    r"corn muffins?", r"spoonbread", r"caramels?",
    r"toffee", r"fudge", r"pralines?", r"white chocolate",
    r"chocolate[- ](?:coated|covered|coating|chips?|candy|candies|bars?"
    r"|dipped)", r"margarine", r"pizzas?", r"lasagna", r"calzones?",
    r"stromboli", r"manicotti", r"enchiladas?", r"nachos",
    r"chiles? rellenos?",
    r"chowders?", r"bisque", r"stroganoff", r"ranch",
    r"(?:infant|toddler|child|baby|follow-on) formula", r"ensure",
    r"slim-?fast", r"glucerna", r"pediasure",
    r"instant breakfast", r"isopure", r"myoplex", r"herbalife",
    r"caesar", r"pesto", r"rolls?, sweet", r"hush ?pupp(?:y|ies)",
    r"nacho(?:[- ]flavou?r(?:ed)?| cheese)", r"chocolate[- ]?hazelnut spreads?",
    r"chocolate spreads?", r"chocolate beverage powder", r"whiteners?",
    r"pre-lightened", r"brandy alexander", r"grasshoppers?", r"white russians?",
    r"mudslides?", r"irish coffee", r"cream liqueurs?", r"^formulated bar",
    r"protein bars?")
# SR28 "Frozen novelties, ..." are ice cream products unless ice, juice or
# fruit bars.
FROZEN_NOVELTY_DAIRY = re.compile(
    r"^frozen novelties,\s+(?!ice type|juice type|fruit)")
DAIRY_NOT = [
    re.compile(r"\b(?:soy|soya|almond|almond milk|coconut|coconut milk|oat"
               r"|cashew|tofu|plant-based)\s+yog(?:h)?urts?\b"),
    re.compile(r"\byog(?:h)?urts?,\s+(?:soy|coconut milk|almond milk|coconut"
               r"|almond|oat|cashew)\b"),
    re.compile(r"\b(?:bean|rice|corn|popcorn|crab|fish|salmon|tuna|shrimp"
               r"|clam|codfish)\s+cakes?\b"),
    re.compile(r"\bcakes?,\s+(?:rice|corn)\b|\bpopcorn, cakes\b"),
    re.compile(r"\b(?:crab|fish|salmon|tuna|shrimp|clam|codfish)[,]?\s+"
               r"cakes?\b"),
    re.compile(r"\bcrackers?, cream\b|\bcream crackers?\b"),
    re.compile(r"\bbreakfast tarts?\b"),
    re.compile(r"\bfruit butters?\b|\bbutters?,\s+(?:apple|fruit)\b"),
    re.compile(r"\bbread and butter pickles?\b"),
    re.compile(r"\bcreamers?,\s+(?:soy|almond|coconut|oat)\b"),
    PLANT_MILK,
    re.compile(r"\b(?:peanut|almond|cashew|nut|seed|sunflower seed|sunflower"
               r"|sesame|soy|soynut|soy nut|apple|cocoa|shea|pumpkin seed"
               r"|pumpkin|hazelnut|macadamia|pistachio|walnut|pecan|cookie"
               r"|mango|kokum|nutmeg|ucuhuba|illipe)\s+butters?\b"),
    re.compile(r"\bcream of (?:tartar|wheat|rice)\b"),
    re.compile(r"\bcream[- ]style\b"),
    re.compile(r"\bcream soda\b"),
    re.compile(r"\bcoconut cream\b"),
    re.compile(r"\bcreamed,?\s+corn\b|\bcorn,\s+creamed\b"),
    re.compile(r"\bhead ?cheese\b|\bliver cheese\b"),
    re.compile(r"\balaskan ice cream\b"),
    re.compile(r"\benglish muffins?\b|\bmuffins?,\s+english\b"),
    re.compile(r"\bpancake\s+syrups?\b|\bsyrups?,[^;]*\bpancake\b"),
    re.compile(r"\bpie fillings?\b|\b[a-z]+ pie filling\b"),
    re.compile(r"\bpie (?:spice|mix)\b"),
    re.compile(r"\bmanhattan\b[^;]*\bchowder\b|\bchowder\b[^;]*\bmanhattan"),
    re.compile(r"\benchilada sauce\b|\bsauce, enchilada\b"),
    re.compile(r"\bcherr(?:y|ies),?\s+(?:[a-z]+,\s+)?tart\b|\btart,? (?:red )?cherr"),
]
# Implied dairy that does not hold when made with non-dairy milk / no cheese.
DAIRY_IMPLIED_MILK = _rx(r"lattes?", r"cappuccinos?", r"macchiatos?",
                         r"mochas?", r"hot chocolate", r"hot cocoa",
                         r"cafe con leche", r"au lait")
DAIRY_IMPLIED_CHEESE = _rx(r"pizzas?", r"lasagna", r"calzones?",
                           r"stromboli", r"manicotti", r"enchiladas?",
                           r"nachos", r"quesadillas?")
MADE_WITH_PLANT_MILK = re.compile(r"\b(?:non-?dairy|almond|soy|oat|coconut"
                                  r"|rice)\s+milk\b|\bsoymilk\b")
SAYS_NO_CHEESE = re.compile(r"\b(?:no|without)\s+cheese\b")
# mashed potatoes are assumed made with milk/butter unless "without milk"
MASHED_POTATO = re.compile(r"\bmashed\s+(?:[a-z]+\s+)?potato(?:es)?\b|"
                           r"\bpotato(?:es)?,\s+mashed\b")
COCOA_MIX = re.compile(r"\b(?:cocoa|hot chocolate)\b[^;]*\bdry mix\b|"
                       r"\bcocoa mix\b")
SR_CHOC_CANDY = re.compile(r"^candies,.*\bchocolate")
FORMULA_NONDAIRY = _rx(r"soy", r"prosobee", r"isomil", r"amino acids?",
                       r"alsoy", r"neocate", r"elecare")
EGG = _rx(
    r"eggs?", r"omelets?", r"omelettes?", r"mayonnaise", r"mayo",
    r"miracle whip", r"meringues?", r"custards?", r"quiches?",
    r"french toast", r"eggnog", r"frittatas?", r"souffl[eé]s?",
    r"hollandaise", r"bearnaise", r"b[eé]arnaise", r"aioli", r"tartar sauce",
    r"sauce, tartar", r"caesar", r"carbonara", r"flan",
    r"creme brulee", r"tiramisu", r"challah", r"brioche", r"popovers?",
    r"cream puffs?", r"eclairs?", r"profiteroles?", r"sponge cakes?",
    r"angel ?food", r"pound cakes?", r"macaroons?", r"macarons?",
    r"ladyfingers?", r"huevos", r"tamago", r"tempura", r"zabaglione",
    r"lemon curd", r"mousse", r"cakes?", r"cupcakes?", r"cheesecakes?",
    r"cookies?", r"brownies?", r"muffins?", r"pancakes?", r"waffles?",
    r"crepes?", r"blintz(?:es)?", r"doughnuts?", r"donuts?", r"pastry",
    r"pastries", r"danish pastr(?:y|ies)", r"danishes", r"pastry, danish",
    r"croissants?", r"croissan'wich",
    r"scones?", r"cornbread", r"corn muffins?", r"hush ?pupp(?:y|ies)",
    r"rolls?, sweet", r"lo mein",
    r"coffeecakes?", r"pan dulce", r"eggo", r"french toaster",
    r"matzo ball", r"hot and sour soup", r"soup, hot and sour",
    r"fried rice", r"rice, fried", r"cobb", r"chilaquiles", r"pierogi",
    r"gnocchi", r"ravioli", r"tortellini", r"mallorca", r"pann?ett?one",
    r"anisette", r"fritters?", r"beignets?", r"pea salad", r"hotcakes",
    r"bread, (?:pumpkin|zucchini|banana|fruit|nut|date|cranberry)",
    r"(?:pumpkin|zucchini|banana|nut) bread",
    r"divinity", r"nougats?", r"marshmallow (?:cream|creme|fluff)",
    r"spoonbread", r"chiles? rellenos?", r"pad thai",
    r"pasta, fresh", r"fresh pasta", r"ranch",
    r"thousand island", r"russian dressing", r"(?:blue|roquefort) cheese"
    r" dressing", r"(?:pumpkin|pecan|custard|cream|chess|sweet potato"
    r"|key lime|lemon meringue) pies?", r"pies?,\s+(?:[a-z]+\s+)?"
    r"(?:pumpkin|pecan|custard|cream|chess|sweet potato|lemon meringue"
    r"|key lime)")
EGG_NOT = [
    re.compile(r"\bpie (?:spice|mix)\b"),
    re.compile(r"\b(?:rice|corn|popcorn)\s+cakes?\b"),
    re.compile(r"\bcakes?,\s+(?:rice|corn)\b|\bpopcorn, cakes\b"),
    re.compile(r"\benglish muffins?\b|\bmuffins?,\s+english\b"),
    re.compile(r"\bpancake\s+syrups?\b|\bsyrups?,[^;]*\bpancake\b"),
]
# mayonnaise-dressed salads, unless the name gives a vinegar-type dressing
EGG_SALAD = _rx(r"potato salad", r"macaroni salad", r"coleslaw",
                r"cole slaw", r"tuna salad", r"chicken salad", r"ham salad",
                r"waldorf")
EGG_SALAD_NOT = _rx(r"italian dressing", r"vinegar", r"vinaigrette",
                    r"german style", r"german")
HONEY = _rx(r"honey(?:ed|s)?", r"honeycomb", r"grahams?", r"baklava",
            r"bee pollen", r"royal jelly", r"propolis", r"granola",
            r"bit-o-honey")


# Baked-goods words mean nothing in cereal names ("Cookie Crisp", "big
# biscuit") or in baking fats ("shortening for cakes and frostings").
BAKED_WORDS = _rx(
    r"cookies?", r"muffins?", r"waffles?", r"biscuits?", r"pies?",
    r"cakes?", r"cupcakes?", r"pancakes?", r"brownies?", r"pastry",
    r"pastries", r"doughnuts?", r"donuts?", r"frostings?")
BAKED_CONTEXT = re.compile(
    r"^(?:shortening|margarine-like shortening|margarine|oil|wheat flour|flour"
    r"|leavening|cereals?)\b")
CEREAL_GROUPS = {"Breakfast Cereals",
                 "Ready-to-eat cereal, higher sugar (>21.2g/100g)",
                 "Ready-to-eat cereal, lower sugar (=<21.2g/100g)"}
# Branded chocolate candy (SR28 "Candies, ..."): milk chocolate assumed.
SR_CHOC_BRANDS = _rx(
    r"almond joy", r"caramello", r"butterfinger", r"5th avenue", r"kit kat",
    r"baby ruth", r"mars almond", r"oh henry!?", r"chunky", r"pot of gold",
    r"milky way", r"mounds", r"100 grand", r"reese'?s", r"snickers",
    r"musketeers", r"whatchamacallit", r"york", r"heath", r"after eight",
    r"solitaires", r"m&m'?s", r"hershey'?s", r"crunch bar", r"krackel",
    r"goodbar", r"symphony", r"rolo", r"twix", r"toblerone", r"skor",
    r"raisinets", r"goobers", r"milk duds", r"dove", r"candy bar")


# FNDDS additional descriptions list the variants a food code covers, plus
# brand names ("Turkey Hill", "Dairy Queen"), so only these explicit
# phrases are taken from them:
ALSO_RULES = [
    (_rx(r"cheeses?", r"parmesan", r"sour cream", r"cream sauce",
         r"cream cheese", r"yogurt", r"butter sauce", r"whipped cream",
         r"ice cream", r"custard", r"(?:made (?:with|from)|2%|whole|skim"
         r"|1%|any) milk", r"milk (?:tea|dessert|fruit drink)",
         r"irish coffee", r"grasshopper", r"cocoa dry mix",
         r"nacho tortilla chips?", r"doritos"),
     "dairy"),
    (_rx(r"with meat", r"any meat", r"or meat", r"meat drippings",
         r"animal fat", r"lard", r"bacon", r"ham", r"sausages?", r"chicken",
         r"beef", r"pork"), "meat"),
    (_rx(r"seafood", r"fish", r"tuna", r"salmon"), "fish"),
    (_rx(r"seafood", r"shellfish", r"shrimp", r"crab", r"clams?",
         r"oysters?", r"lobster"), "shellfish"),
    (_rx(r"mayo", r"mayonnaise", r"custard", r"egg noodles?", r"battered"),
     "egg"),
]
# Ready-to-eat cereal categories name their brands in the additional
# description; these brands are sweetened with honey (Golden Grahams, Honey
# Bunches of Oats, Honeycomb, Honey Smacks, Honey Nut Chex).
CEREAL_ALSO_HONEY = _rx(r"honey\w*", r"grahams?")


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
        self.kw_counts = {}
        self.contains_counts = {}   # tag -> foods
        self.contains_none = {}     # source -> foods with no tag
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
        if nn in NOT_SHIPPED:
            continue
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
    targets = []
    for r in dri:
        if r["nutrient"] in DRI_NOT_SHIPPED:
            continue
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
    # Protein (issue 10, for plans): IOM RDA in g/day at the reference body
    # weight (AI under 6 months), appended so that the rows above stay as
    # they were.
    for sex, stage, lo, hi, typ, val in PROTEIN_ROWS:
        targets.append({"nutrient": "protein", "unit": "g", "sex": sex,
                        "stage": stage, "age_min_y": lo, "age_max_y_excl": hi,
                        "type": typ, "value": val, "source": SRC_PROTEIN})
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
    for nut in ("b12", "ala", "potassium", "protein"):
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
regenerate.  staples.csv and superseded.csv are hand-written and shipped
as is; the script only validates them.  All CSV files are UTF-8 (no BOM), "\\n" line ends, RFC 4180
quoting (csv.QUOTE_MINIMAL), one header row.

Regenerate (from the repo root):

    python3 data/mkdata.py [--shared DIR] [--out DIR]

--shared defaults to <repo>/../shared/data (the folder holding usda/ and
dri.csv); --out defaults to data/.  label_foods.csv, label_portions.csv,
diet_overrides.csv, staples.csv and superseded.csv are always read from
data/.  The output is deterministic (same
bytes every run).


Files
-----

foods.csv       {n_foods} foods: {n_sr} SR28 + {n_fn} FNDDS 2021-2023 + {n_label} label.
                Columns: id,name,group,also,keywords,energy_kcal,protein_g,
                b12_ug,b12_added_ug,ala_g,ala_from_18_3,epa_g,dha_g,dpa_g,
                potassium_mg,contains.  All values per 100 g edible portion.
portions.csv    {n_port} rows: {n_port_sr} SR28 + {n_port_fn} FNDDS + {n_port_label} label.
                Columns: food_id,seq,amount,unit,grams meaning "<amount>
                <unit> weighs <grams> g".  Sorted like foods.csv, then seq.
targets.csv     {n_targets} rows ({n_targets_dri} DRI rows from dri.csv + {n_targets_epa} EPA+DHA guidance rows
                + {n_targets_protein} protein RDA rows).
                Columns: nutrient,unit,sex,stage,age_min_y,age_max_y_excl,
                type,value,source.  Values are per day.
staples.csv     {n_staples} rows, hand-curated (see "Staples" below).
                Columns: nutrient,food_id,diets,portion_seq,note.
plan_foods.csv  {n_plan_foods} rows, hand-curated (see "Plan foods" below).
                Columns: food_id,role,meals,portion_seq,step,min,max.
superseded.csv  {n_superseded} rows, hand-curated (see "Current values" below).
                Columns: food_id,current_id,reason.
VERSION         "nutrack-data " + first 16 hex digits of SHA-256 over the
                bytes of foods.csv, portions.csv, targets.csv, staples.csv,
                superseded.csv and plan_foods.csv, in that order.
label_foods.csv     hand-written input: foods from product labels and
                    typical supplements (same columns as foods.csv plus
                    "source").
label_portions.csv  hand-written input: portions of label foods.
diet_overrides.csv  hand-written input: reviewed diet tags of single
                    foods (food_id, contains, reason) that replace what
                    the rules give; see "Contains" below.
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

{contains_doc}

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
  Protein (nutrient protein, g/day; the last {n_targets_protein} rows, for plans):
    "{src_protein}"
    = Institute of Medicine (2002/2005) Dietary Reference Intakes for
    Energy, Carbohydrate, Fiber, Fat, Fatty Acids, Cholesterol, Protein, and
    Amino Acids, RDA table (g/day at the reference body weight; 0.8 g/kg/day
    for adults, 1.1 g/kg/day in pregnancy, 1.3 in lactation): AI 9.1 g
    0-6 months; RDA 11 g 7-12 months, 13 g 1-3 y, 19 g 4-8 y, 34 g 9-13 y;
    boys 14-18 52 g, men 56 g; girls 14-18 and women 46 g; pregnancy and
    lactation 71 g.
  Energy (for plans) is not in targets.csv: src/core/energy.c works out the
  estimated energy requirement from the same IOM report (chapter 5), kcal/day,
  age in years, weight kg, height m, PA for sedentary/low active/active/very
  active:
    0-35 months  89 x weight - 100, + 175 (0-3 months), 56 (4-6), 22 (7-12)
                 or 20 (13-35) for growth
    boys 3-18    88.5 - 61.9 x age + PA x (26.7 x weight + 903 x height) + 20
                 (3-8) or 25 (9-18); PA 1.00/1.13/1.26/1.42
    girls 3-18   135.3 - 30.8 x age + PA x (10.0 x weight + 934 x height) + 20
                 or 25; PA 1.00/1.16/1.31/1.56
    men 19+      662 - 9.53 x age + PA x (15.91 x weight + 539.6 x height);
                 PA 1.00/1.11/1.25/1.48
    women 19+    354 - 6.91 x age + PA x (9.36 x weight + 726 x height);
                 PA 1.00/1.12/1.27/1.45
    pregnancy +340 kcal (second trimester; first +0, third +452), lactation
    +330 (first 6 months: 500 - 170).  Defaults: the IOM reference height and
    weight (Table 1-1) for age and sex, low active.
  The generator asserts that every enterable (b12/ala/potassium/protein, sex,
  stage, age) - female/male ages 0-130 y with stage none, female 14-50 y
  pregnant or lactating, checked month by month - matches exactly one row.


Staples (staples.csv)
---------------------

Everyday foods the program suggests to close a shortfall, hand-curated and
shipped as is.  nutrient: b12, omega3 (ALA, judged against the ALA AI),
epa_dha (EPA+DHA) or potassium.  diets: space-separated subset of "vegan
vegetarian omnivore", in that order, that the row is offered to.
portion_seq: seq of the food's portion in portions.csv that is one
realistic everyday serving.  note: a few words shown with the suggestion.

Choices: FNDDS 2021-2023 foods wherever FNDDS has the food with a usable
portion, so that values (above all fortification) are current; SR28 only
for hulled hemp seeds and tomato paste (not in FNDDS) and canned anchovies
(FNDDS has no portion of a few fillets).  Plain forms ("baked", "cooked,
no added fat") rather than dishes; B12 for vegans from fortified foods
only (ready-to-eat cereals and soy/almond/oat drinks whose USDA added B12
is > 0, and the label nutritional yeast); EPA+DHA for vegans and
vegetarians only from the algae-oil supplement (there is no sensible
non-meat food source); fish rows are for omnivores only.  Plant drinks and
cereals vary by brand: the USDA values are for the products USDA analysed.
US cereals are now fortified far less than in SR28 (2015): Cheerios 0.9
ug B12/100 g in FNDDS 2021-2023 against 6.77 in SR28, Total and Wheaties
0.89 against 20.0 and 11.1.

mkdata.py only validates staples.csv (it never rewrites it) and fails
unless: the nutrient and food exist, (nutrient, food) is unique, diets is
well-formed, the food's contains fits every diet named (vegan: no tag at
all; vegetarian: no meat, fish or shellfish), the portion exists, the note
is not empty, and the nutrient is known and > 0 for the food (epa_dha: EPA
+ DHA).  staples.csv is part of VERSION, so editing it reseeds the program.

{staples_doc}


Current values (superseded.csv)
-------------------------------

SR28 is USDA's 2015 release; its fortified foods (above all ready-to-eat
cereals and plant drinks) carry the fortification of their time, which
has since changed - mostly fallen.  superseded.csv names, for an SR28 food,
the FNDDS 2021-2023 food of the same kind (the brand's cereal code, the
plant milk, the energy drink, the nutrition bar...) and why.  The program
uses the current food instead of the stale one in suggestions, the plan
and top, and keeps the SR28 food for search, logging and history.  Every
SR28 food with added B12 shows its data year and "fortification may have
changed; check the label" wherever it is shown.

mkdata.py fails unless: food_id is an SR28 food and current_id an FNDDS
food, each SR28 food is listed once, rows follow foods.csv order, the
reason is not empty, and the current food contains nothing the SR28 food
does not (a diet that allows one allows the other: Corn Pops -> "Cereal,
flavored puffs" is left out because that code covers Honeycomb).

{superseded_doc}

Plan foods (plan_foods.csv)
---------------------------

The everyday meal foods `nutrack plan` builds days from (with the foods
the user logs), hand-curated and shipped as is (issue 10).  role: what the
food is in a meal - cereal (ready-to-eat), porridge (oatmeal), bread,
milk (dairy or plant), yogurt, juice, spread (on bread: nut butters,
avocado, cheese), fruit, vegetable, starch (potatoes, rice, pasta, grains), protein
(beans, lentils, tofu, tempeh, eggs, cottage cheese, fish, lean meat),
nuts (nuts and seeds as a snack), topping (flax, chia and hemp seeds on
breakfast, nutritional yeast on a dish) or supplement; the planner's meal
rules (man page, "plan") are written in roles.  meals: the subset of
"breakfast lunch dinner snack" the food suits.  portion_seq: the food's
household portion in portions.csv; step, min and max: the amounts the
planner may give, in that portion (min 0.5, step 0.5, max 1.5 of "1 cup"
allows 1/2, 1 and 1 1/2 cups), so no plan asks for a gram-fraction of a
cup.

Choices: FNDDS 2021-2023 entries (current fortification for cereals and
plant milks) where FNDDS has the food with a household portion; SR28 where
its portion reads better (3 oz of fish or meat, 1 slice of bread, 1 tbsp
of ground flaxseed); plain forms (cooked without fat, canned beans
drained, unsweetened plant milks, plain yogurts); no oils, condiments,
sweets, drinks other than milk and orange juice, or mixed dishes, and
nothing the food classes (src/core/category.c) keep out of everyday advice
(hummus, a "spread" there, is left out).  The
diet filter (contains) picks the foods for each diet, so one list serves
all three.  Supplements: the 25 ug B12 tablet and the algae-oil and
fish-oil capsules, which the planner uses only when no food can meet the
target.  Nutritional yeast (label:1) and the supplements have energy
unknown; everything else has energy known.

mkdata.py only validates plan_foods.csv and fails unless: each food exists
once, the role is one of those above, meals is a non-empty subset in
order, the portion exists, step, min and max are positive numbers with min
<= max both whole steps, and the food's energy is known (except toppings
and supplements).  plan_foods.csv is part of VERSION.


Label foods
-----------

Hand-written in label_foods.csv and label_portions.csv; ids label:<n> in
file order.  Values are per 100 g, scaled from one label serving or unit;
anything the source does not state is left EMPTY (unknown), never 0.  B12
in label foods is all counted as added (fortification or supplement).
contains is hand-written too; the generator checks its form and that it
covers whatever the word rules find in the name.

Nutritional yeast: USDA has no fortified nutritional yeast (FNDDS 75236000
"Yeast" is baker's yeast with 0.07 ug B12/100 g).  Its values are scaled
from the label serving (x 10); only B12 and protein are available from the
cited source.  Portion from the label: 2 tbsp = 10 g.

Supplements (group "Supplements"): TYPICAL LABEL AMOUNTS, NOT ONE PRODUCT.
Strengths differ between brands and over time - check your product's label
and correct the entry (or log the right strength) if it differs.  Because
the program stores values per 100 g, each unit gets a NOMINAL mass in its
portion (B12 tablet 0.25 g, algae-oil capsule 0.6 g, fish-oil capsule
1.2 g, potassium tablet 0.7 g) and per 100 g = amount per unit / nominal
grams x 100; the nominal mass is bookkeeping only, "1 tablet" / "1 capsule"
is what counts.  Energy, protein, ALA, DPA and everything else not on the
typical label are left empty; nutrack reads a supplement's empty values as
0 (its label lists what it has).  The B12 tablets, the algae-oil capsule
and the potassium tablet are assumed vegan (contains empty) - tablet
binders (lactose) and capsule shells (gelatine) can be animal-derived, so
vegans should check the label; the fish-oil capsule is tagged fish.  B12
drops are not included (strength per drop or dropperful varies too much).
2000 ug cyanocobalamin is the usual once-a-week dose, not a daily one.

{label_docs}


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


CONTAINS_DOC = """\
Contains (last column; drives diet filtering: vegan = no tag, vegetarian =
no meat, fish or shellfish): space-separated tags from exactly "meat fish
shellfish dairy egg honey", in that order; empty when none applies.  Derived
by derive_contains() in mkdata.py, which holds the exact word lists (below
is what they do), then replaced for single foods by the reviewed table
diet_overrides.csv (see "Per-food decisions"). WHEN UNSURE THE RULES TAG: a
vegan must never be offered an animal food; false alarms are fixed in the
table, and a user can correct any food (nutrack foods tag). Every rule has a
name (RULES in mkdata.py); tests/unit/test_diet_rules.py checks each on
foods it must tag and foods it must not, including the traps peanut butter,
coconut milk, soy milk, eggplant, butternut and cocoa butter, and checks
that foods.csv is exactly what the rules and the table give.  Tags describe
ingredients, not processing aids: animal rennet in cheese, bone-char sugar,
gelatine/isinglass fining of wine and beer, vitamin D3 from lanolin,
shellac, carmine and L-cysteine are not tracked.  A food can carry several
tags (a cheeseburger is "meat dairy").

  meat       flesh, organs, fat (lard, tallow, suet, drippings, schmaltz),
             broth, stock, bouillon, gravy and gelatine of mammals, birds,
             reptiles and frogs; gelatine-based foods (Jell-O, marshmallows,
             gummies, fruit snacks, frosted Mini-Wheats, Lucky Charms);
             whale, seal and walrus (Alaska Native foods).
  fish       finfish, roe, caviar, fish oil, fish sauce, surimi and
             imitation crab, anchovy-based Worcestershire sauce and Caesar
             dressing; kimchi and pad thai (fish sauce) are assumed to
             contain fish.
  shellfish  crustaceans and molluscs (shrimp, prawn, crab, lobster,
             crayfish, krill, clam, oyster, mussel, scallop, squid,
             octopus, cuttlefish, abalone, whelk, conch, snail, cockle,
             chiton) and other aquatic invertebrates (sea cucumber, sea
             urchin, jellyfish, tunicates); oyster sauce; kimchi (salted
             shrimp).  "Seafood" gives fish and shellfish.
  dairy      milk of any animal and anything made from it (cheese, butter,
             ghee, cream, yogurt, kefir, whey, casein(ate), ice cream,
             milk chocolate), including human milk and cow's-milk infant
             formulas.
  egg        bird eggs and foods made with them.
  honey      honey and bee products.

  Group rules (tags added, never removed, by the word rules below):
    SR28 Beef Products, Pork Products, Lamb, Veal, and Game Products,
      Poultry Products, Sausages and Luncheon Meats -> meat.  Fish and
      shellfish words are ignored there ("oyster blade" is a beef cut).
    SR28 Finfish and Shellfish Products -> shellfish for "Crustaceans, ..."
      and "Mollusks, ..." and names with a shellfish word; meat for frog
      legs and turtle; fish for imitation crab/shrimp/scallop (surimi);
      fish otherwise.
    SR28 Dairy and Egg Products -> egg when the name has egg/eggs/omelet
      (plus dairy for eggnog, "Egg substitute, powder" and "Egg Mix, USDA
      Commodity", which contain nonfat dry milk); dairy otherwise,
      including imitation cheeses, cream substitutes, dessert toppings and
      imitation milk/sour cream (these usually contain casein/caseinate);
      the only non-dairy exception is a cream substitute made "with ...
      soy protein" that names no casein.
    FNDDS food codes (USDA major food groups, first digit): 1 (milk and
      milk products) -> dairy, except plant-based drinks, yogurts and
      creamers (non-dairy, soy, almond, rice milk, oat milk, coconut), soy
      and amino-acid infant formulas and beverage powders; 2 (meat,
      poultry, fish and mixtures) -> meat unless the words give fish or
      shellfish; 3 (eggs) -> egg.
    FNDDS categories -> meat: Bacon; Beef, excludes ground; Burgers;
      Chicken fillet sandwiches; Chicken patties, nuggets and tenders;
      Chicken, whole pieces; Cold cuts and cured meats; Deli and cured meat
      sandwiches; Frankfurter sandwiches; Frankfurters; Ground beef; Lamb,
      goat, game; Liver and organ meats; Meat and BBQ sandwiches; Meat
      mixed dishes; Pork; Poultry mixed dishes; Sausages; Turkey, duck,
      other poultry.  -> fish: Fish.  -> shellfish: Shellfish.  Seafood
      mixed dishes and Seafood sandwiches -> their fish/shellfish words,
      both when the name says neither.  -> egg: Eggs and omelets;
      Egg/breakfast sandwiches; Mayonnaise (not vegan mayonnaise).
      -> dairy: Cheese; Cheese sandwiches; Cottage/ricotta cheese; Cream
      and cream substitutes (not soy); Cream cheese, sour cream, whipped
      cream; Flavored milk and Milk (all); Milk shakes and other dairy
      drinks; Ice cream and frozen dairy desserts; Macaroni and cheese;
      Yogurt, Greek/regular; Baby food: yogurt; Pudding (not haupia or
      meringues); Nachos; Candy containing chocolate; Nutritional
      beverages; Protein and nutritional powders (not soy); Formula (not
      soy or amino-acid); Soups, cream-based (not peanut soup); Nutrition
      bars (not Clif).

  Word rules (all foods; on the lowercased name, whole words, plurals
  included).  First removed from the name: negations ("without cheese",
  "no meat", "not chocolate covered", "excluding honey roasted", "other
  than ...", "<x>-free"), "non-dairy <milk/ice cream/yogurt/butter>", "NS
  as to ..." (unspecified) and "as ingredient in ..."; "with or without X"
  counts as with X.  A name with "vegan" gets no tag at all.
    meat: beef, pork, ham, bacon, sausage, chicken, turkey, duck, goose,
      veal, lamb, mutton, goat, venison, bison, buffalo, rabbit, game
      birds and other animals, meat, meatball, meat loaf, pepperoni,
      salami, bologna, frankfurter, hot dog, liver, jerky, chorizo,
      prosciutto, pastrami, kielbasa and other sausages, steak, burger,
      gyro, kebab, carne, pollo, cerdo, jamon, chicharron, carnitas,
      lard, tallow, gelatin, gravy, broth, bouillon, stock, ramen, pho,
      wonton, pot sticker, tamale and refried beans (traditionally made
      with lard; not fat-free or vegetarian ones), onion/wedding soup,
      paella, chili (the dish, chili con carne: "chili, no beans", "fries
      with chili"; not chili peppers, powder, sauce or seasoning), baked
      beans (US canned baked beans are made with pork; not vegetarian
      ones), taco salad, fast-food names (Big Mac, Whopper, Quarter
      Pounder, McChicken, McMuffin, cold cut).
      Not: coconut or nut "meat", crab meat, bird eggs ("egg, duck"), goat
      or sheep or buffalo milk and cheese, hamburger/hot dog rolls and
      relish, steak fries, steak sauce, duck sauce, buffalo sauce, Burger
      King fries, vegetable broth (anywhere in the name), wonton crackers.
    fish: fish, seafood, salmon, tuna, cod, trout, sardine, anchovy,
      herring, mackerel, tilapia, halibut, catfish, pollock, haddock,
      flounder, sole, bass, snapper, perch, whiting, roe, caviar and other
      species, lox, surimi, bonito, dashi, Worcestershire, Caesar, sushi
      (not avocado/vegetable/cucumber rolls), sashimi, ceviche, pad thai,
      kimchi.  Not: avocado, vegetable and cucumber sushi rolls.
    shellfish: the list above.  Not: oyster mushrooms, oyster crackers,
      vegetable oyster (salsify), scallop squash; imitation crab is fish
      only.
    dairy: milk (not soy/almond/oat/rice/coconut/cashew/hemp/pea/nut/
      plant milk), cheese and named cheeses (cheddar, mozzarella, parmesan,
      ricotta, feta, queso, paneer, ...), butter (not peanut/nut/seed/
      apple/cocoa/fruit butters, butter beans, butter lettuce, bread and
      butter pickles), buttermilk, butterscotch, ghee, cream (not cream of
      tartar/wheat/rice, cream soda, cream-style corn, coconut cream, cream
      crackers), creamer (not soy/almond/coconut/oat), whipped or dessert
      topping, yogurt (not soy/almond/coconut/oat/cashew yogurt), whey,
      casein, kefir, custard, latte, cappuccino, macchiato, mocha, cafe
      con leche (not when made with non-dairy milk), hot chocolate/cocoa
      and cocoa mixes, shakes, pudding, flan, mousse, tiramisu, sherbet,
      gelato, sundae, alfredo, au gratin, scalloped, fondue, raita,
      tzatziki, paneer, naan, korma, tikka masala, pesto, ranch, Caesar,
      chowder (not Manhattan), bisque, stroganoff, white sauce, creamy
      soups, mashed potatoes (unless "without milk"), pizza, lasagna,
      calzone, enchilada, nachos, quesadilla (not when "no cheese"),
      ravioli, tortellini, milk/white chocolate, chocolate-coated/-covered
      foods, chocolate chips and chocolate candy (SR28 "Candies, ...
      chocolate" and branded chocolate bars), caramel, toffee, fudge,
      praline, confectioner's coating, Nutella, margarine (many contain
      whey or buttermilk; not non-dairy ones), cow's-milk infant formula
      and nutrition drinks (Ensure, Boost, SlimFast, Glucerna, PediaSure,
      instant breakfast), and baked goods usually made with butter or milk:
      cake, cupcake, cookie, brownie, muffin (not English muffin),
      doughnut, pastry, danish, croissant, biscuit (not water biscuits),
      scone, shortbread, pancake, waffle, crepe, French toast, pie (not
      pie filling or pie spice), tart, cobbler, strudel, crisp, coffee
      cake, cornbread, sweet rolls ("Roll, sweet"), hush puppies, quick
      breads, garlic bread; nacho-flavored chips, chocolate and
      chocolate-hazelnut spreads (Nutella), chocolate beverage powders
      (hot cocoa mixes), coffee "with whitener" or "pre-lightened"
      (creamers contain caseinate), cream cocktails (Brandy Alexander,
      Grasshopper, White Russian, mudslide, Irish coffee, cream liqueurs),
      formulated and protein bars (milk protein, whey, milk chocolate),
      SR28 "Frozen novelties" other than ice, juice and fruit bars.  Not:
      rice cakes, corn cakes, bean cakes, crab/fish cakes, head cheese,
      liver cheese, "Alaskan ice cream" (agutuk), tart cherries.
    egg: egg, omelet, mayonnaise, Miracle Whip, meringue, custard,
      quiche, frittata, souffle, hollandaise, aioli, tartar sauce, Caesar,
      carbonara, flan, challah, brioche, popover, macaroon, tempura, pad
      thai, fried rice, fresh pasta, egg noodles, gnocchi, ravioli,
      tortellini, pierogi, nougat, divinity, ranch/thousand island/
      Russian/blue cheese dressings, mayonnaise salads (potato, macaroni,
      tuna, chicken, ham salad, coleslaw; not with Italian dressing or
      vinegar, not German potato salad), and the cakes, cookies, muffins,
      pancakes, waffles, doughnuts, pastries, cornbread and quick breads
      above, sweet rolls, hush puppies, lo mein (egg noodles).  Not:
      eggplant (whole words only), rice and corn cakes, English muffins,
      pancake syrup, pie spice.
    honey: honey (not honeydew), honeycomb, graham, granola (most
      granola and granola bars are honey-sweetened), baklava, bee pollen,
      royal jelly, propolis.
  Baked-goods words are ignored in breakfast-cereal names ("Cookie
  Crisp", "big biscuit") and in baking fats and flours ("shortening for
  cakes", "cake flour").  SR28 "Oil, ..." rows (pure plant fats) get no
  dairy from words such as "butter flavor".  Names starting "Fish" keep
  liver and eggs as fish.

  Meat analogues: the vegetarian brands Worthington, Loma Linda,
  MorningStar Farms and Gardenburger, names starting "Meat substitute", and
  meatless/vegetarian/veggie names of burgers, sausages, bacon, chicken,
  hot dogs, luncheon slices, meatballs, fillets, steaks and the like lose
  meat/fish/shellfish and get "dairy egg" (these US analogues are commonly
  bound with egg white and milk) unless the name or description says
  vegan, tofu, tempeh, seitan or textured vegetable protein.  Other names
  with meatless/vegetarian/veggie/plant-based lose meat (vegetarian,
  veggie and plant-based also lose fish and shellfish); "no meat" and
  "without meat" lose meat.

  FNDDS additional descriptions list the variants a food code covers but
  also brand names ("Turkey Hill", "Dairy Queen"), so only explicit
  phrases are taken from them: cheese, parmesan, sour cream, cream sauce,
  cream cheese, yogurt, butter sauce, whipped or ice cream, custard,
  "made with/whole/2%/skim/any milk", "milk tea/dessert/fruit drink",
  Irish coffee, grasshopper, cocoa dry mix, nacho tortilla chips, Doritos
  -> dairy; "with meat", "any meat", "or meat", meat drippings, animal fat,
  lard, bacon, ham, sausage, chicken, beef, pork -> meat; seafood, fish,
  tuna, salmon -> fish; seafood, shellfish, shrimp, crab, clam, oyster,
  lobster -> shellfish (meat/fish/shellfish only when the name gives none
  of them); mayo, mayonnaise, custard, egg noodles, battered -> egg.  In
  the ready-to-eat cereal categories, brands with honey or graham in
  their name (Honey Bunches of Oats, Golden Grahams, Honeycomb, Honey
  Smacks, Honey Nut Chex) -> honey.  A parenthesis "(except ...)" lists
  what the code does not cover and is ignored.

{overrides_doc}

  Counts: {counts}
    untagged (vegan): {untagged}"""


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
    a = ap.parse_args()
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
    contains_doc = CONTAINS_DOC.format(
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
    text = README.format(
        n_foods=fmt(len(foods)), n_sr=fmt(n_sr), n_fn=fmt(n_fn),
        n_label=n_label, n_port=fmt(len(portions)), n_port_sr=fmt(n_port_sr),
        n_port_fn=fmt(n_port_fn), n_port_label=n_port_label,
        n_targets=len(targets), n_targets_dri=len(targets) - n_epa - n_protein,
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
