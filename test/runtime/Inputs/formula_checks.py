"""The runner evaluates every statistic surgec's memory formulas use."""
import os
import sys

sys.dont_write_bytecode = True  # imports from the source tree: leave it clean
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "runtime"))
from surge_runtime.formulas import evaluate  # noqa: E402

with open("t.txt", "wb") as f:
    f.write(b"a bb a\r\nbb,ccc a\rx\xc3\xa9")
checks = {
    "file_lines('t.txt')": 3,
    "file_bytes('t.txt')": 20,
    "file_max_line('t.txt')": 9,
    "file_width('t.txt')": 4,
    "file_count('t.txt', None)": 6,
    "file_max_count('t.txt', None)": 3,
    "file_count('t.txt', ',')": 1,
    "file_distinct('t.txt', None)": 4,
    "file_max_part('t.txt', None)": 6,
    "file_distinct('t.txt', ',')": 4,
    "1 + 2 * file_distinct('t.txt', None) + max(3, file_max_part('t.txt', None))": 15,
}
for formula, want in checks.items():
    got = evaluate(formula)
    print("ok:" if got == want else "FAIL:", formula, got)
for bad in ("file_distinct('t.txt')", "file_count('t.txt', 3)", "file_max_part('nope', None)",
            "file_count('t.txt', '')"):
    print("unknown:" if evaluate(bad) is None else "FAIL:", bad)
