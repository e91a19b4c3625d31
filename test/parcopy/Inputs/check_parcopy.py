"""Runs surge-parcopy on random tuple assignments and checks, with Python
itself, that each printed block does what its line does: exec'd from the
same names, both leave every name of the line with the same value. Also
checks that at most one name outside the line (the temporary) is assigned
and that the number of copies is the minimum.

usage: check_parcopy.py SURGE_PARCOPY [COUNT]"""
import random
import subprocess
import sys

NAMES = ["a", "b", "c", "d", "e", "f", "_t", "_t1"]


def minimum(line):
    lhs, rhs = (side.replace(" ", "").split(",") for side in line.split("="))
    src = {}
    for d, s in zip(lhs, rhs):
        src[d] = s  # the last one wins
    src = {d: s for d, s in src.items() if d != s}
    readers = {}
    for s in src.values():
        readers[s] = readers.get(s, 0) + 1
    cycles = 0
    seen = set()
    for v in src:
        path, x = [], v
        while x in src and x not in path and x not in seen:
            path.append(x)
            x = src[x]
        if x in path:
            cycle = path[path.index(x):]
            if all(readers.get(y, 0) == 1 for y in cycle):
                cycles += 1
        seen.update(path)
    return len(src) + cycles


def main():
    exe = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(20240611)
    lines = []
    for _ in range(count):
        n = rng.randint(1, 10)
        lines.append(", ".join(rng.choice(NAMES) for _ in range(n)) + " = " +
                     ", ".join(rng.choice(NAMES) for _ in range(n)))
    out = subprocess.run([exe], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout
    blocks = out.split("\n\n")
    if len(blocks) != len(lines):
        sys.exit(f"{len(lines)} lines but {len(blocks)} blocks")
    for line, block in zip(lines, blocks):
        start = {v: object() for v in NAMES}
        want, got = dict(start), dict(start)
        exec(line, {}, want)
        exec(block, {}, got)
        names = set(line.replace("=", ",").replace(" ", "").split(","))
        bad = [v for v in names if want[v] is not got[v]]
        temps = {v for v in got if v not in names and got[v] is not start.get(v)}
        copies = [l for l in block.splitlines() if l != "pass"]
        if bad or len(temps) > 1 or len(copies) != minimum(line):
            sys.exit(f"wrong: {line!r} gave\n{block}\n(bad: {bad}, temps: {temps}, "
                     f"{len(copies)} copies for {minimum(line)})")
    print(f"check_parcopy: {len(lines)} lines checked")


main()
