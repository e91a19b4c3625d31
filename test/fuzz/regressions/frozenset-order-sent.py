# Found while probing after c2147b2 (the partition keeps a set with the
# statements that read it, see set-order-sent.py): a frozenset still
# travels by pickle, and comes back iterating in another order. CPython
#   1500002 ['x0', 'x23', 'x39', 'x42', 'x19']
# the task program, at every -j,
#   1500002 ['x39', 'x0', 'x23', 'x42', 'x19']
# Diagnosis (partition): the rule for sets should cover frozenset too
# (frozenset(...) calls, and values typed frozenset).
# Fixed (was XFAIL).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok frozenset-order-sent.py
def spin(n):
    s = 0
    for j in range(n):
        s += (j * 7) % 11
    return s


s = frozenset(["x%d" % i for i in range(50)])
b = spin(300000)
print(b, list(s)[:5])
