# A program that looks at identity (`is` between two values, or id())
# runs as one task: values sent between processes arrive as copies, so two
# names CPython binds to one object would come apart. Here the comparison
# sits in a function and the shared object is an immutable str, which no
# alias class tracks.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# CHECK: 1 task ***
# CHECK-NEXT: one task: the program compares identities
# CHECK-NOT: T1
# SAME-COUNT-3: ok partition-identity.py
def same(p, q):
    return p is q


def heavy(n):
    t = 0
    for i in range(n):
        t += i * i % 13
    return t


s = "x" * 300
u = heavy(60000)
v = heavy(50000)
w = s
print(u, v, same(s, w))
