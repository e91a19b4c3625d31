# Identity compared in the module's code between values no alias class
# tracks (a str two names share) makes the program one task: sent apart,
# the two names would reach their reader as two strs.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# CHECK: 1 task ***
# CHECK-NEXT: one task: the program compares identities
# SAME-COUNT-3: ok partition-identity-str.py
def heavy(n):
    t = 0
    for i in range(n):
        t += i * i % 13
    return t


s = "x" * 300
u = heavy(60000)
w = s
v = heavy(50000)
print(u, v, s is w, id(s) == id(w))
