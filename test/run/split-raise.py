# A split loop whose call raises for one item: the items before it print,
# then the program stops with the call's own error.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok split-raise.py
def heavy(k):
    t = 0
    for i in range(40000):
        t += i % (k + 1)
    return 100 // (3 - k) + t


out = []
for k in range(6):
    print("item", k)
    out.append(heavy(k))
print(out)
