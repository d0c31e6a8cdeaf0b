# SPDX-License-Identifier: GPL-3.0-or-later
# test_diet_rules.py - the diet-tag classifier of data/mkdata.py, rule by rule
# (TAP), and the shipped foods.csv against the rules and diet_overrides.csv.
#
# Every rule of mkdata.RULES has at least one food it applies to and one it
# must not apply to, taken from the bundled data (names, groups and FNDDS
# additional descriptions copied from foods.csv).  The expected tags are
# what a dietitian reads in the name; the traps the issue names (peanut
# butter, coconut milk, soy milk, eggplant, butternut, cocoa butter) are
# among the negatives.
import csv
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("NUTRACK_DATA_DIR") or os.path.join(HERE, "..", "..", "data")
sys.path.insert(0, DATA)
import mkdata  # noqa: E402  (the generator; importing it runs nothing)

# (rule, applies, food id, name, group, FNDDS additional description,
#  what the rules give)
CASES = [
    ("vegan-name", True, "fndds:83108000", "Vegan mayonnaise", "Mayonnaise",
     "imitation; Vegenaise; vegan mayonnaise", ""),
    ("vegan-name", False, "fndds:83107000", "Mayonnaise, regular", "Mayonnaise",
     "mayonnaise, NFS", "egg"),
    ("negations", True, "fndds:58102240", "Taco, with beans, no cheese",
     "Burritos and tacos", "tostada; meat substitute", ""),
    ("negations", False, "sr28:01004", "Cheese, blue", "Dairy and Egg Products", "",
     "dairy"),
    ("sr28-meat-groups", True, "sr28:07911", "Liverwurst spread",
     "Sausages and Luncheon Meats", "", "meat"),
    ("sr28-meat-groups", False, "sr28:11209", "Eggplant, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("sr28-seafood-group", True, "sr28:15139", "Crustaceans, crab, blue, raw",
     "Finfish and Shellfish Products", "", "shellfish"),
    ("sr28-seafood-group", True, "sr28:80200", "Frog legs, raw",
     "Finfish and Shellfish Products", "", "meat"),
    ("sr28-seafood-group", True, "sr28:15109", "Fish, surimi",
     "Finfish and Shellfish Products", "", "fish"),
    ("sr28-seafood-group", False, "sr28:11445", "Seaweed, kelp, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("sr28-dairy-egg-group", True, "sr28:01057", "Eggnog", "Dairy and Egg Products",
     "", "dairy egg"),
    ("sr28-dairy-egg-group", True, "sr28:01003", "Butter oil, anhydrous",
     "Dairy and Egg Products", "", "dairy"),
    ("sr28-dairy-egg-group", False, "sr28:16120",
     "Soymilk, original and vanilla, unfortified", "Legumes and Legume Products", "",
     ""),
    ("fndds-categories", True, "fndds:14104100", "Cheese, Cheddar", "Cheese",
     "Coon; sharp cheese; Tillamook; Hoop; Pioneer; New York; Wisconsin; Longhorn",
     "dairy"),
    ("fndds-categories", False, "fndds:53720200", "Nutrition bar (Clif Bar)",
     "Nutrition bars", "all flavors; Clif Minis", ""),
    ("fndds-code-1", True, "fndds:11111000", "Milk, whole", "Milk, whole",
     "leche fresca", "dairy"),
    ("fndds-code-1", False, "fndds:11320100", "Soy milk, unsweetened",
     "Plant-based milk", "light", ""),
    ("fndds-code-1", False, "fndds:11370000", "Coconut milk", "Plant-based milk", "",
     ""),
    # cocoa powder is not a milk product, though USDA files it under 1
    ("fndds-code-1", False, "fndds:11830150", "Cocoa powder, not reconstituted",
     "Not included in a food category", "no dry milk", ""),
    ("fndds-code-2", True, "fndds:28522000", "Mole sauce",
     "Dips, gravies, other sauces", "mole, NFS; poblano; rojo; verde", "meat"),
    ("fndds-code-2", False, "fndds:27150310", "Fish with tomato-based sauce",
     "Seafood mixed dishes", "fish with tomatoes", "fish"),
    ("fndds-code-3", True, "fndds:31103010", "Egg, whole, boiled or poached",
     "Eggs and omelets",
     "soft boiled or hard boiled egg; egg, cooked, no fat or milk added", "egg"),
    ("fndds-code-3", False, "fndds:75111200", "Eggplant, raw",
     "Other vegetables and combinations", "", ""),
    ("fndds-seafood-dishes", True, "fndds:27350110", "Soup, bouillabaisse",
     "Seafood mixed dishes", "cioppino", "fish shellfish"),
    ("fndds-seafood-dishes", False, "fndds:27150310", "Fish with tomato-based sauce",
     "Seafood mixed dishes", "fish with tomatoes", "fish"),
    # chili the dish is chili con carne; chili peppers are not meat
    ("meat-words", True, "sr28:22911", "Chili, no beans, canned entree",
     "Meals, Entrees, and Side Dishes", "", "meat"),
    ("meat-words", True, "fndds:71402520", "Potato, french fries, with chili",
     "French fries and other fried white potatoes",
     "fresh or frozen; fried or baked; home or store; other place", "meat"),
    ("meat-words", True, "fndds:41201010", "Baked beans", "Beans, peas, legumes",
     "chili; barbecue; baked beans, NFS", "meat"),
    ("meat-words", True, "sr28:19116", "Candies, marshmallows", "Sweets", "", "meat"),
    ("meat-words", False, "sr28:02009", "Spices, chili powder", "Spices and Herbs",
     "", ""),
    ("meat-words", False, "sr28:11670", "Peppers, hot chili, green, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("meat-words", False, "sr28:06609",
     "SWANSON BROTH, Certified Organic Vegetable Broth", "Soups, Sauces, and Gravies",
     "Campbell Soup Co.", ""),
    ("fish-words", True, "sr28:06971", "Sauce, worcestershire",
     "Soups, Sauces, and Gravies", "", "fish"),
    ("fish-words", False, "fndds:58151170", "Sushi roll, avocado",
     "Egg rolls, dumplings, sushi", "Maki or Temaki", ""),
    ("shellfish-words", True, "sr28:06176", "Sauce, oyster, ready-to-serve",
     "Soups, Sauces, and Gravies", "", "shellfish"),
    ("shellfish-words", False, "sr28:11987", "Mushrooms, oyster, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("shellfish-words", False, "sr28:11437", "Salsify, (vegetable oyster), raw",
     "Vegetables and Vegetable Products", "", ""),
    ("dairy-words", True, "fndds:91304090", "Chocolate hazelnut spread",
     "Jams, syrups, toppings", "Nutella; chocolate spread; other nuts", "dairy"),
    ("dairy-words", True, "fndds:11830160",
     "Chocolate beverage powder, dry mix, not reconstituted",
     "Not included in a food category", "all types; hot chocolate / cocoa dry mix",
     "dairy"),
    ("dairy-words", True, "fndds:93301250", "White Russian", "Liquor and cocktails",
     "", "dairy"),
    ("dairy-words", True, "sr28:19892", "Frozen novelties, Sugar Free, CREAMSICLE Pops",
     "Sweets", "Good Humor - Breyers Ice Cream", "dairy"),
    ("dairy-words", True, "sr28:25017", "Formulated bar, POWER BAR, chocolate",
     "Snacks", "", "dairy"),
    ("dairy-words", True, "fndds:92130010", "Coffee, pre-lightened", "Coffee",
     "from vending machine; NS as to regular or decaffeinated; unsweetened or "
     "sugar-free", "dairy"),
    ("dairy-words", True, "fndds:51161050", "Roll, sweet, frosted",
     "Doughnuts, sweet rolls, pastries",
     "caramel roll; sweet roll with nuts, NS as to frosting; sticky bun",
     "dairy egg"),
    ("dairy-words", False, "sr28:16098", "Peanut butter, smooth style, with salt",
     "Legumes and Legume Products", "", ""),
    ("dairy-words", False, "sr28:04501", "Oil, cocoa butter", "Fats and Oils", "",
     ""),
    ("dairy-words", False, "sr28:11485", "Squash, winter, butternut, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("dairy-words", False, "sr28:12084", "Nuts, butternuts, dried",
     "Nut and Seed Products", "", ""),
    ("dairy-words", False, "fndds:42401010", "Coconut milk, used in cooking",
     "Nuts and seeds", "", ""),
    ("dairy-words", False, "sr28:19165", "Cocoa, dry powder, unsweetened", "Sweets",
     "", ""),
    ("dairy-words", False, "sr28:09044", "Cherries, tart, dried, sweetened",
     "Fruits and Fruit Juices", "", ""),
    ("dairy-words", False, "sr28:19283", "Frozen novelties, ice type, pop", "Sweets",
     "", ""),
    ("egg-words", True, "fndds:58136120", "Lo mein, meatless",
     "Fried rice and lo/chow mein", "vegetable or vegetarian lo mein", "egg"),
    ("egg-words", True, "sr28:19365", "Toppings, marshmallow cream", "Sweets", "",
     "meat dairy egg"),
    ("egg-words", False, "sr28:11209", "Eggplant, raw",
     "Vegetables and Vegetable Products", "", ""),
    ("egg-words", False, "sr28:18258",
     "English muffins, plain, enriched, with ca prop (includes sourdough)",
     "Baked Products", "", ""),
    ("honey-words", True, "sr28:19296", "Honey", "Sweets", "", "honey"),
    ("honey-words", False, "sr28:09184", "Melons, honeydew, raw",
     "Fruits and Fruit Juices", "", ""),
    ("baked-words-ignored", True, "sr28:08017",
     "Cereals ready-to-eat, GENERAL MILLS, COOKIE CRISP", "Breakfast Cereals",
     "General Mills Inc.", ""),
    ("baked-words-ignored", True, "sr28:04586",
     "Shortening, special purpose for cakes and frostings, soybean (hydrogenated)",
     "Fats and Oils", "", ""),
    ("baked-words-ignored", True, "sr28:04665",
     "Margarine, industrial, non-dairy, cottonseed, soy oil (partially "
     "hydrogenated ), for flaky pastries", "Fats and Oils", "", ""),
    ("baked-words-ignored", False, "sr28:18159",
     "Cookies, chocolate chip, commercially prepared, regular, higher fat, enriched",
     "Baked Products", "", "dairy egg"),
    ("oil-not-dairy", True, "sr28:04659",
     "Oil, industrial, coconut, confection fat, typical basis for ice cream coatings",
     "Fats and Oils", "", ""),
    ("oil-not-dairy", False, "sr28:01003", "Butter oil, anhydrous",
     "Dairy and Egg Products", "", "dairy"),
    ("fish-own-parts", True, "sr28:04589", "Fish oil, cod liver", "Fats and Oils", "",
     "fish"),
    ("fish-own-parts", False, "sr28:07911", "Liverwurst spread",
     "Sausages and Luncheon Meats", "", "meat"),
    ("meat-cuts-not-seafood", True, "sr28:05651", "Ostrich, oyster, raw",
     "Poultry Products", "", "meat"),
    ("meat-cuts-not-seafood", False, "sr28:15167",
     "Mollusks, oyster, eastern, wild, raw", "Finfish and Shellfish Products", "",
     "shellfish"),
    ("fndds-also-phrases", True, "fndds:56112000", "Noodles, cooked",
     "Pasta, noodles, cooked grains", "pastina; egg noodles; NS as to grain type",
     "egg"),
    ("fndds-also-phrases", True, "fndds:93301400", "Alcoholic coffee drink",
     "Liquor and cocktails",
     "Coffee Royale; Irish coffee; coffee and liqueur; hard or spiked coffee",
     "dairy"),
    ("fndds-also-phrases", True, "fndds:75414500", "Fried okra", "Fried vegetables",
     "battered or breaded", "egg"),
    ("fndds-also-phrases", False, "fndds:54401121",
     "Tortilla chips, reduced fat, plain", "Tortilla, corn, other chips",
     "baked tortilla chips, NFS; baked tortilla chips, original; Guiltless "
     "Gourmet; Baked Tostitos; low fat; fat free; baked or reduced fat nacho chips",
     ""),
    ("cereal-brands-honey", True, "fndds:57237100", "Cereal, oat bunches",
     "Ready-to-eat cereal, lower sugar (=<21.2g/100g)",
     "Honey Bunches of Oats, all types; Oat Blenders", "honey"),
    ("cereal-brands-honey", True, "fndds:57240100", "Cereal, corn squares, flavored",
     "Ready-to-eat cereal, higher sugar (>21.2g/100g)",
     "Chex, Honey Nut; Chex, NFS; Golden Grahams", "honey"),
    # "(except plain, honey nut, multigrain)" says which Cheerios it is not
    ("cereal-brands-honey", False, "fndds:57103100", "Cereal, O's, flavored",
     "Ready-to-eat cereal, higher sugar (>21.2g/100g)",
     "Cheerios (except plain, honey nut, multigrain); Oh's; oat cereal", ""),
    ("meat-analogues", True, "sr28:16107", "Sausage, meatless",
     "Legumes and Legume Products", "", "dairy egg"),
    ("meat-analogues", True, "fndds:27564420", "Hot dog sandwich, vegetarian, on bun",
     "Frankfurter sandwiches", "any type of bun; tofu dog", ""),
    ("meat-analogues", False, "fndds:71220000", "Vegetable chips",
     "Tortilla, corn, other chips",
     "veggie chips; Eat smart; vegetable puffs; vegetable sticks; veggie straws", ""),
    ("meatless-words", True, "fndds:41221020", "Chili, vegetarian",
     "Bean, pea, legume dishes", "meat substitute; no meat", ""),
    ("meatless-words", True, "sr28:16171", "Refried beans, canned, vegetarian",
     "Legumes and Legume Products", "", ""),
    ("meatless-words", False, "sr28:16103",
     "Refried beans, canned, traditional style (includes USDA commodity)",
     "Legumes and Legume Products", "", "meat"),
]

# The shipped data for the classes the audit found (issue 10) and the
# traps: (food id, contains in data/foods.csv, why).
SHIPPED = [
    ("fndds:91304090", "dairy", "chocolate-hazelnut spread (Nutella)"),
    ("fndds:42203100", "dairy", "peanut butter and chocolate spread"),
    ("sr28:14080", "dairy", "a hot cocoa mix with milk (table)"),
    ("sr28:36019", "meat", "restaurant chili"),
    ("sr28:19365", "egg", "marshmallow creme is egg white, no gelatine (table)"),
    ("sr28:08073", "honey", "a honey-sweetened cereal (table)"),
    ("fndds:57347000", "honey", "Honeycomb, Honey Smacks"),
    ("fndds:93301010", "dairy", "a cream cocktail"),
    ("sr28:19891", "dairy", "a frozen dessert with ice cream"),
    ("fndds:56112000", "egg", "egg noodles"),
    ("fndds:51160000", "dairy egg", "sweet rolls"),
    ("fndds:71507030", "meat dairy", "baked potato with chili"),
    ("sr28:25021", "dairy", "a protein/formulated bar"),
    ("sr28:14041", "dairy", "Boost is made from milk protein (table)"),
    ("fndds:41601070", "fish", "miso soup is made with dashi (table)"),
    ("sr28:09044", "", "tart cherries are fruit, not pastry"),
    ("sr28:06609", "", "vegetable broth is not meat"),
    ("sr28:04665", "", "non-dairy margarine"),
    ("fndds:11830150", "", "cocoa powder"),
    ("sr28:19165", "", "cocoa powder"),
    ("sr28:02034", "", "poultry seasoning is herbs (table)"),
    ("sr28:12118", "", "coconut milk ('grated meat' is coconut; table)"),
    ("sr28:16098", "", "peanut butter"),
    ("fndds:11320100", "", "soy milk"),
    ("sr28:11209", "", "eggplant"),
    ("sr28:11485", "", "butternut squash"),
    ("sr28:04501", "", "cocoa butter"),
]

n = 0
failed = 0


def ok(cond, desc):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {desc}")
    if not cond:
        failed += 1


def load_rules_error(lines):
    """The error load_diet_rules() stops with on diet_rules.csv with the
    given rows appended ("" when it loads), with the file name as FILE."""
    with open(os.path.join(DATA, "diet_rules.csv"), encoding="utf-8") as f:
        text = f.read()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "diet_rules.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "".join(line + "\n" for line in lines))
        try:
            mkdata.load_diet_rules(path)
        except SystemExit as e:
            return str(e).replace(path, "FILE")
    return ""


def rules_file_checks():
    """diet_rules.csv: the lists the rules use are data; a bad row is named
    by file and line."""
    with open(os.path.join(DATA, "diet_rules.csv"), encoding="utf-8") as f:
        last = sum(1 for _ in f)   # lines, header included
    ok(set(r for r in mkdata.DIET_LISTS) == {
        r["list"] for r in csv.DictReader(open(os.path.join(
            DATA, "diet_rules.csv"), encoding="utf-8"))},
       "every list of DIET_LISTS has rows in diet_rules.csv, and no other")
    ok(mkdata.MEAT.search("pork chop") and not mkdata.MEAT.search("porkpie"),
       "MEAT is a whole-word list (pork chop, not porkpie)")
    ok(any(r is mkdata.PLANT_MILK for r in mkdata.DAIRY_NOT),
       "DAIRY_NOT's =PLANT_MILK row is the PLANT_MILK regex")
    ok(load_rules_error([]) == "", "the shipped diet_rules.csv loads")
    cases = [
        (["SEAFOOD,,,fish"], f"FILE:{last + 1}: unknown list 'SEAFOOD'"),
        (["MEAT,,,(pork"], f"FILE:{last + 1}: pattern of MEAT does not "
                           "compile: missing ), unterminated subpattern"),
        (["ALSO_RULES,,bacon,ham"], f"FILE:{last + 1}: unknown tag 'bacon'"),
        (["MEAT,x,,ham"], f"FILE:{last + 1}: list MEAT (words) takes no key"),
        (["NEGATION,,,\\bnot\\b"],
         f"FILE:{last + 1}: list NEGATION takes one row"),
        (["DAIRY_NOT,,,=MEAT"], f"FILE:{last + 1}: =MEAT names no regex list"),
    ]
    for rows, want in cases:
        got = load_rules_error(rows).removeprefix("mkdata: error: ")
        ok(got.startswith(want), f"{rows[0]!r}: {got!r}")


def main():
    applies = {r: set() for r in mkdata.RULES}
    for rule, fires, fid, name, group, also, want in CASES:
        src, code = fid.split(":")
        trace = set()
        got = mkdata.derive_contains(src, name, also, group, code, trace=trace)
        ok(rule in mkdata.RULES, f"{rule} is a rule of mkdata.RULES")
        ok(got == want, f"{fid} {name!r}: rules give {got!r}, want {want!r}")
        ok((rule in trace) == fires,
           f"{fid}: rule {rule} {'applies' if fires else 'does not apply'} "
           f"(applied: {' '.join(sorted(trace)) or 'none'})")
        applies.setdefault(rule, set()).add(fires)
    for rule in mkdata.RULES:
        ok(applies.get(rule) == {True, False},
           f"rule {rule} has a food it applies to and one it does not")

    foods = {}
    with open(os.path.join(DATA, "foods.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            foods[r["id"]] = r
    for fid, want, why in SHIPPED:
        got = foods[fid]["contains"] if fid in foods else None
        ok(got == want, f"foods.csv {fid}: {got!r}, want {want!r} ({why})")

    # The shipped tags are exactly the rules' result, replaced by the table.
    overrides = mkdata.load_diet_overrides(DATA)
    wrong = []
    stale = []
    for fid, r in foods.items():
        src, code = fid.split(":")
        if src == "label":
            continue
        derived = mkdata.derive_contains(src, r["name"], r["also"], r["group"], code)
        o = overrides.get(fid)
        want = o[0] if o else derived
        if o and o[0] == derived:
            stale.append(fid)
        if r["contains"] != want:
            wrong.append(f"{fid} {r['contains']!r} != {want!r}")
    ok(not wrong, f"foods.csv contains = rules + diet_overrides.csv for "
                  f"{len(foods)} foods ({len(wrong)} differ: {wrong[:3]})")
    ok(not stale, f"no override agrees with the rules ({stale[:3]})")
    unknown = [fid for fid in overrides if fid not in foods]
    ok(not unknown, f"every override names a bundled food ({unknown[:3]})")
    rules_file_checks()
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
