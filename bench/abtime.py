#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# abtime.py - times two commands interleaved (A B, B A, A B, ...), so that
# the machine's drift (other processes, caches, CPU frequency) falls on both
# alike, and writes every sample to a JSON file; bench/run.sh quotes medians
# with min-max.  Each command runs directly (no shell), output discarded.
# Usage: abtime.py --runs N --warmup W --out FILE --label TEXT
#        --a ARGV... --b ARGV... [--stdin FILE] [--a0 ARGV... --b0 ARGV...]
# --stdin feeds B.  --a0 and --b0 are the two programs' bare start
# (nutrack --version, sqlite3 -version), run in the same rounds, so that
# each sample has a start-up taken under the same load beside it.
import json, os, sys, time

def parse(argv):
    opts, cur = {"a": [], "b": [], "a0": [], "b0": []}, None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--a", "--b", "--a0", "--b0"):
            cur = arg[2:]
        elif cur is None or arg in ("--stdin",):
            opts[arg[2:]] = argv[i + 1]
            i += 1
            if arg == "--stdin":
                cur = None
        else:
            opts[cur].append(arg)
        i += 1
    return opts

first_status = {}

def run(argv, stdin_path):
    null = os.open(os.devnull, os.O_RDWR)
    fin = os.open(stdin_path, os.O_RDONLY) if stdin_path else null
    t = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, fin, 0),
                                        (os.POSIX_SPAWN_DUP2, null, 1),
                                        (os.POSIX_SPAWN_DUP2, null, 2)])
    _, status = os.waitpid(pid, 0)
    ms = (time.perf_counter() - t) * 1000
    os.close(null)
    if stdin_path:
        os.close(fin)
    # nutrack may end with 1 on purpose (plan: "cannot meet every target"),
    # but always the same way; a floor must succeed.
    code = os.waitstatus_to_exitcode(status)
    want = first_status.setdefault(tuple(argv), 0 if stdin_path else code)
    if code != want or code < 0:
        sys.exit(f"abtime: {' '.join(argv)} ended with {code}, not {want}")
    return ms

o = parse(sys.argv[1:])
runs, warmup = int(o.get("runs", 20)), int(o.get("warmup", 3))
a, b, stdin_b = o["a"], o["b"], o.get("stdin")
a0, b0 = o["a0"], o["b0"]
for _ in range(warmup):
    run(a, None)
    run(b, stdin_b)
res = {"label": o.get("label", ""), "a": [], "b": [], "a0": [], "b0": []}
for i in range(runs):
    # A B (A0 B0), then B A (B0 A0): each goes first half the time
    order = [("a", a, None), ("b", b, stdin_b)]
    if a0 and b0:
        order += [("a0", a0, None), ("b0", b0, None)]
    if i % 2:
        order.reverse()
    for key, argv, stdin in order:
        res[key].append(run(argv, stdin))
with open(o["out"], "w") as f:
    json.dump(res, f)
