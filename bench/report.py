#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# report.py - the README's table from bench/run.sh's samples: medians with
# min-max, the ratio to the floor, and the ratio above process start-up.
import json, os, statistics, sys

work, peak, sr_rows, br_secs, br_peak = sys.argv[1:6]

def load(key):
    with open(os.path.join(work, key + ".json")) as f:
        return json.load(f)

def cell(xs, digits=1):
    return f"{statistics.median(xs):.{digits}f} ms ({min(xs):.{digits}f}-{max(xs):.{digits}f})"

def pairs(name):
    """nutrack and floor samples of a `who ms` file."""
    a, b = [], []
    with open(os.path.join(work, name)) as f:
        for line in f:
            who, ms = line.split()
            (a if who == "nutrack" else b).append(float(ms))
    return a, b

start = load("start")
print()
print("| measure | nutrack, median (min-max) | sqlite3 floor, median (min-max) | ratio | above start-up: ratio (nutrack / floor) |")
print("|---|---:|---:|---:|---:|")
with open(os.path.join(work, "seed.txt")) as f:
    seed = [float(x) for x in f]
print(f"| first run: create database, load 14,221 foods (5 runs) | {cell(seed, 0)} | | | |")
print(f"| process start: `nutrack --version`, `sqlite3 -version` | {cell(start['a'])} | "
      f"{cell(start['b'])} | | |")
with open(os.path.join(work, "rows")) as f:
    keys = [line.strip() for line in f if line.strip()]
for key in keys:
    r = load(key)
    label = r["label"] if "(" in r["label"] else r["label"] + " (40,000-entry journal)"
    a, b = statistics.median(r["a"]), statistics.median(r["b"])
    # above start-up: each sample less the bare start taken in its round
    da = statistics.median(x - y for x, y in zip(r["a"], r["a0"]))
    db = statistics.median(x - y for x, y in zip(r["b"], r["b0"]))
    above = f"{da / db:.2f} ({da:.1f} / {db:.1f} ms)" if db >= 0.5 else f"- ({da:.1f} / {db:.1f} ms)"
    print(f"| {label} | {cell(r['a'])} | {cell(r['b'])} | {a / b:.2f} | {above} |")
    if key == "plan28":
        with open(os.path.join(work, "tui.txt")) as t:
            for line in t:
                print(line.rstrip().replace(" | | |", " | | | |"))
        print(f"| peak memory of `nutrack week` | {int(peak) / 1024:.1f} MiB | | | |")
        r = load("export")
        a, b = statistics.median(r["a"]), statistics.median(r["b"])
        print(f"| export 40,000 entries (5 pairs) | {cell(r['a'], 0)} | {cell(r['b'], 0)} | "
              f"{a / b:.2f} | |")
        a, b = pairs("import.txt")
        print(f"| import 40,000 entries into an empty journal (5 pairs) | {cell(a, 0)} | "
              f"{cell(b, 0)} | {statistics.median(a) / statistics.median(b):.2f} | |")
        a, b = pairs("fdc.txt")
        rows = int(sr_rows)
        print(f"| import-fdc, SR-Legacy size (7,800 foods, {rows:,} nutrient rows; 3 pairs) | "
              f"{cell(a, 0)}, {rows / statistics.median(a) * 1000:,.0f} rows/s | {cell(b, 0)} | "
              f"{statistics.median(a) / statistics.median(b):.2f} | |")
        print(f"| import-fdc, Branded size (400,000 foods, into the 40,000-entry database) | "
              f"{float(br_secs):.1f} s, peak {int(br_peak) / 1024:.1f} MiB | | | |")
    if key == "big_plan":
        with open(os.path.join(work, "tui-big.txt")) as t:
            for line in t:
                if "search" in line or "start-up" in line or "peak" in line:
                    print(line.rstrip().replace("| TUI", "| TUI (400,000 more foods)", 1)
                          .replace(" | | |", " | | | |"))
    if key == "life_top":
        with open(os.path.join(work, "tui-life.txt")) as t:
            for line in t:
                if "start-up" in line or "day-view" in line or "trend" in line or "peak" in line:
                    print(line.rstrip().replace("| TUI", "| TUI (200,000-entry journal)", 1)
                          .replace(" | | |", " | | | |"))
