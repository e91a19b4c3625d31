# Splitting reaches into calls: the loop of a pure function called by a
# statement runs split; the statements before it in the items part, the
# ones after it in the combine part.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-call.py
# TASKS: split: the loop on line 21 of tally, in map parts over chunks of its items
# TASKS: reduction: counts (dict count)
# TASKS: split: the loop on line {{[0-9]+}} of longest, in map parts over chunks of its items
# TASKS: reduction: best (best, with where)
def make_lines(n):
    out = []
    for i in range(n):
        out.append(" ".join("t%d" % ((i * j) % 53) for j in range(i % 9 + 1)))
    return out


def tally(lines, first=0):
    counts = {}
    total = 0
    for line in lines[first:]:  # LOOP
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    total = len(counts)
    return counts, total


def longest(lines):
    best = -1
    where = None
    for k in range(len(lines)):
        n = len(lines[k].split())
        if n > best:
            best = n
            where = k
    return where, best


lines = make_lines(6000)
counts, total = tally(lines)
print(list(counts.items())[:8], total)
print(longest(lines))
