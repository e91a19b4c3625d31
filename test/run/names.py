# Names bound conditionally, deleted, rebound, used before definition; a
# function reading a module name that a later statement rebinds.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok names.py
LIMIT = 10


def under(xs):
    return [x for x in xs if x < LIMIT]


def spin(n):
    t = 0
    for i in range(n):
        t ^= i
    return t


x = spin(30000)
if x > 5:
    y = 1
print(under(range(20)), y)
LIMIT = 3
print(under(range(20)))
z = spin(30000)
del x
w = spin(30000)
print(z + w)
print(x)
