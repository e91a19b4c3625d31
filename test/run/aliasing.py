# Two names for one list, changed through one and read through the other,
# across statements heavy enough to be tasks of their own.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok aliasing.py
def work(xs, n):
    for i in range(n):
        xs.append(i % 7)
    return len(xs)


a = []
b = a
work(b, 50000)
y = [a, a]
work(y[0], 50000)
total = work(a, 10000)
print(total, len(b), len(y[1]), sum(a) == sum(b))
d = {"k": a}
d["k"].append(99)
print(a[-1], b[-1])
