# A split loop over a list of pairs, with a tuple target and a call inside
# an expression; then more work on the results.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok split-tuple.py
def score(a, b):
    s = 0
    for i in range(20000):
        s = (s + a * i + b) % 1000003
    return s


pairs = [(i, i * 3) for i in range(12)]
total = 0
for a, b in pairs:
    v = score(a, b) + 1
    total += v
    print(a, b, v)
print("total", total)
