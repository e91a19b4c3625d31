# Found while probing values that cannot be pickled: a dict view
# (d.keys(), d.values(), d.items()) bound by one task and read by another
# is sent, and the run stops at every -j with status 70:
#   surge: error: task 0 (lines ...): cannot send 'ks' to another process:
#   cannot pickle 'dict_keys' object
# CPython prints `1500002 ['a', 'b']`.
# Diagnosis (partition facts): dict views are not among the values that
# cannot be sent (functions, modules, files, iterators); like iterators
# they must stay with their readers (a view also shows later changes to
# its dict, which the alias classes already handle when the dict changes).
# Fixed (was XFAIL).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok dict-view-sent.py
def spin(n):
    s = 0
    for j in range(n):
        s += (j * 7) % 11
    return s


d = {"a": 1, "b": 2}
ks = d.keys()
a = spin(300000)
print(a, sorted(ks))
