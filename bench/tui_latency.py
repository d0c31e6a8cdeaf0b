#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tui_latency.py - start nutrack's TUI in a pseudo-terminal, time start-up to
# the first full frame and each keystroke to its updated screen.
import os, pty, select, sys, time, statistics

binary, db = sys.argv[1], sys.argv[2]
STARTS = int(sys.argv[3]) if len(sys.argv) > 3 else 10  # start-up samples
QUIET = 0.030  # a frame is complete when the terminal stays quiet this long

def read_frame(fd, want=None, limit=5.0):
    """Reads output until it goes quiet (and contains `want`); returns the
    time of the last byte and the text."""
    buf, last, start = b"", None, time.monotonic()
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], QUIET)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            last = time.monotonic()
        elif last is not None and (want is None or want in buf):
            break
    return last, buf

env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", NUTRACK_TODAY="2026-03-11")
import fcntl, termios, struct

def start():
    """Starts the TUI; returns its pid, terminal and ms to the first full frame."""
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(binary, [binary, "--db", db], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    last, buf = read_frame(fd, b"Totals")
    if b"Totals" not in buf:
        sys.exit("tui_latency: no day view (a profile form?) on " + db)
    return pid, fd, (last - t0) * 1000

# Start-up, several times (the first includes a cold page cache for the file).
startups = []
for _ in range(STARTS - 1):
    p, f, ms = start()
    startups.append(ms)
    os.write(f, b"q")
    os.waitpid(p, 0)
    os.close(f)
pid, fd, ms = start()
startups.append(ms)

def key(data, want=None):
    t = time.monotonic()
    os.write(fd, data)
    last, buf = read_frame(fd, want)
    return ((last or t) - t) * 1000

lat_search = []
key(b"a", b"Search")
for _ in range(5):
    for ch in b"salmon":
        lat_search.append(key(bytes([ch])))
    for _ in range(6):
        lat_search.append(key(b"\x7f"))
# Esc alone waits ESCDELAY (25 ms) to tell it from an escape sequence: not counted.
key(b"\x1b", b"Totals")
lat_nav = []
for _ in range(20):
    lat_nav.append(key(b"h"))   # previous day
    lat_nav.append(key(b"l"))   # next day
    lat_nav.append(key(b"j"))
# The week view: [ and ] load a week (and the one before it) each time.
key(b"w", b"Week")
lat_week = []
for _ in range(20):
    lat_week.append(key(b"["))
    lat_week.append(key(b"]"))
# The trend: 12 weeks of the journal for each [ and ].
key(b"T", b"Trend")
lat_trend = []
for _ in range(20):
    lat_trend.append(key(b"["))
    lat_trend.append(key(b"]"))
key(b"q", b"Totals")
peak_kib = 0
with open(f"/proc/{pid}/status") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            peak_kib = int(line.split()[1])
os.write(fd, b"q")
os.waitpid(pid, 0)

def row(label, xs):
    xs = sorted(xs)
    p95 = xs[int(len(xs) * 0.95) - 1]
    return f"| {label} | median {statistics.median(xs):.1f} ms, p95 {p95:.1f} ms, max {xs[-1]:.1f} ms | | |"
s = sorted(startups)
print(f"| TUI start-up to first full frame ({len(s)} starts) | median {statistics.median(s):.1f} ms "
      f"({s[0]:.1f}-{s[-1]:.1f}) | | |")
print(row("TUI search keystroke to updated screen (60 keys)", lat_search))
print(row("TUI day-view key to updated screen (60 keys: h, l, j)", lat_nav))
print(row("TUI week view, [ or ] to the redrawn week (40 keys)", lat_week))
print(row("TUI trend view, [ or ] to 12 redrawn weeks (40 keys)", lat_trend))
print(f"| TUI peak memory (resident, after all of the above) | {peak_kib / 1024:.1f} MiB | | |")
