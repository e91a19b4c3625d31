# `is` against None, True or False and `type(x) is T` survive copying:
# builtins, classes and those singletons unpickle as themselves. Such
# programs keep their tasks.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# CHECK-NOT: compares identities
# CHECK: T1 lines
# CHECK-NOT: compares identities
# SAME-COUNT-3: ok partition-identity-kept.py
def heavy(n):
    t = 0
    for i in range(n):
        t += i * i % 13
    return t


a = heavy(60000)
b = heavy(50000)
c = None
print(a is None, b is not None, c is None, type(a) is int, type(b) is not str)
