#!/usr/bin/env python3
"""Measure surgec's parse speed against CPython's compile(), side by side.

    python3 bench/parse_speed.py --surgec build/bin/surgec [--lines 100000] [--repeat 5]
                                 [--json results.json]

Programs of 10,000 and of --lines lines are generated with gen_program.py.
For each, `surgec -fsyntax-only FILE` is timed (wall clock of the whole
process, best of --repeat) and so is CPython's compile(source, path, "exec")
(in a fresh interpreter, timing only the compile() call, best of --repeat).
The result is a ratio, not an absolute time, so it means the same on a slow
CI machine and a fast laptop. The linearity figure compares surgec's time per
line at --lines with that at 10,000 lines: 1.0 means perfectly linear.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_LINES = 10000

# Runs in a fresh interpreter: the file is read first, then only compile()
# is timed, so interpreter start-up and file reading are not counted.
COMPILE_TIMER = r"""
import sys, time
path, repeat = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    source = f.read()
best = float("inf")
for _ in range(repeat):
    t0 = time.perf_counter()
    compile(source, path, "exec")
    best = min(best, time.perf_counter() - t0)
print(repr(best))
"""


def generate(lines, path, seed):
    subprocess.run([sys.executable, os.path.join(HERE, "gen_program.py"), "--lines", str(lines),
                    "--seed", str(seed), "-o", path], check=True)
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def time_surgec(surgec, path, repeat, action="-fsyntax-only"):
    """Best wall-clock time of `surgec ACTION path`; exits on failure."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run([surgec, action, path], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
            sys.exit("parse_speed: %s " + action + " %s exited with %d"
                     % (surgec, path, proc.returncode))
        best = min(best, elapsed)
    return best


def time_compile(python, path, repeat):
    out = subprocess.run([python, "-c", COMPILE_TIMER, path, str(repeat)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    return float(out.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--surgec", required=True, help="path to the surgec binary")
    ap.add_argument("--lines", type=int, default=100000,
                    help="size of the large program (default 100000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement; best is kept")
    ap.add_argument("--seed", type=int, default=1, help="seed for gen_program.py")
    ap.add_argument("--python", default=sys.executable,
                    help="interpreter whose compile() is the baseline (default: this one)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    ap.add_argument("--action", default="-fsyntax-only",
                    help="what surgec does to the program: -fsyntax-only (parse and check, "
                         "the default) or -print-ir (also lower to SSA, verify and print)")
    args = ap.parse_args()
    if not os.path.isfile(args.surgec):
        sys.exit("parse_speed: no such file: %s" % args.surgec)
    if args.repeat < 1 or args.lines < 1:
        sys.exit("parse_speed: --repeat and --lines must be positive")

    sizes = sorted({BASE_LINES, args.lines})
    rows = []
    with tempfile.TemporaryDirectory(prefix="parse_speed_") as tmp:
        for size in sizes:
            path = os.path.join(tmp, "gen_%d.py" % size)
            lines = generate(size, path, args.seed)
            surgec_s = time_surgec(args.surgec, path, args.repeat, args.action)
            compile_s = time_compile(args.python, path, args.repeat)
            rows.append({
                "requested_lines": size,
                "lines": lines,
                "bytes": os.path.getsize(path),
                "surgec_s": surgec_s,
                "compile_s": compile_s,
                "ratio": surgec_s / compile_s,
                "surgec_us_per_line": surgec_s / lines * 1e6,
            })

    print("surgec %s FILE against CPython's compile(), best of %d" % (args.action, args.repeat))
    print("%9s %12s %12s %16s %14s" % ("lines", "surgec s", "compile() s", "surgec/compile",
                                       "surgec us/line"))
    for r in rows:
        print("%9d %12.4f %12.4f %16.2f %14.2f" % (r["lines"], r["surgec_s"], r["compile_s"],
                                                   r["ratio"], r["surgec_us_per_line"]))
    base = next(r for r in rows if r["requested_lines"] == BASE_LINES)
    big = next(r for r in rows if r["requested_lines"] == args.lines)
    linearity = big["surgec_us_per_line"] / base["surgec_us_per_line"]
    print("linearity: surgec time per line at %d lines / at %d lines = %.2f"
          % (big["lines"], base["lines"], linearity))

    if args.json:
        result = {
            "surgec": os.path.abspath(args.surgec),
            "python": args.python,
            "python_version": subprocess.run(
                [args.python, "-c", "import sys; print(sys.version.split()[0])"],
                stdout=subprocess.PIPE, text=True).stdout.strip(),
            "machine": platform.machine(),
            "repeat": args.repeat,
            "seed": args.seed,
            "sizes": rows,
            "linearity": linearity,
        }
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
