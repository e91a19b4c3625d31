# A set, or a list of sets, stays in the task that built it, with the
# statements that read it: sent to another process it would be rebuilt
# item by item, and may iterate in another order.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# SAME-COUNT-3: ok partition-set.py
def keys(n, k):
    out = set()
    for i in range(n):
        out.add("k%d" % (i * 7919 % k))
    return out


def heavy(n):
    t = 0
    for i in range(n):
        t += i * i % 13
    return t


s = keys(30000, 997)
w = heavy(200000)
groups = [keys(20000, 311), keys(20000, 313)]
print(list(s)[:8], w, list(groups[1])[:5], len(groups[0]))
# CHECK: T0 lines 21-24
# CHECK: together: a set's order can change when it is sent to another process
