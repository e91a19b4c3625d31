# A callee that stores one argument into another (or into a module-level
# list) makes them one object class: changing the stored list later is
# ordered before reading the container.
# RUN: %surgec -print-ddg %s | FileCheck %s
registry = []


def keep(r, x):
    r.append(x)
    return len(r)


def remember(x):
    registry.append(x)
    return 0


box = []
item = []
keep(box, item)
item.append(1)
print(box)
other = []
remember(other)
other.append(2)
print(registry)
# CHECK-LABEL: *** DDG for <module> ***
# CHECK: S7 line 21: item.append(1)
# CHECK: S6 -> S7 MEM
# CHECK: S7 -> S8 MEM
# CHECK: S10 -> S11 MEM
# CHECK: S11 -> S12 MEM
