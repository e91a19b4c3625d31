# EFFECT edges for each ordered effect, CTRL after a statement that may end
# the function; unseen calls conflict with every effect and every object.
# RUN: %surgec -print-ddg %s | FileCheck %s
import random

def roll():
    return random.randint(1, 6)

def early(xs, key):
    total = 0
    if key not in xs:
        return -1
    total = len(xs)
    assert total > 0
    return total

def opaque(f, xs):
    a = f(1)
    b = xs[0]
    return a, b

# CHECK-LABEL: *** DDG for <module> ***
r1 = roll()
r2 = roll()
name = input("name? ")
print(name, r1, r2)
# CHECK:      S5 line {{[0-9]+}}: r1 = roll()
# The functions read the module name random, which S1 binds.
# CHECK:      S1 -> S5 RAW random
# CHECK:      S2 -> S5 RAW roll
# CHECK:      S5 -> S6 EFFECT random
# CHECK:      S7 -> S8 EFFECT stdout

# CHECK-LABEL: *** DDG for early ***
# CHECK:      S2 -> S3 CTRL
# CHECK-NEXT: S2 -> S4 CTRL
# CHECK-NEXT: S2 -> S5 CTRL
# CHECK:      S4 -> S5 CTRL

# CHECK-LABEL: *** DDG for opaque ***
# A call to an unseen function may change what xs reaches.
# CHECK:      S1 -> S2 MEM ? (a call changes objects it can reach)
