# Defs and imports are hoisted unless something uses them first or they
# are bound twice or have defaults that are not constants.
# RUN: %surgec -print-tasks %s | FileCheck %s
# A call of late() before its def calls something not seen: one task.
# CHECK: *** TASKS for
# CHECK-NEXT: one task: a statement calls code that may change objects no name reaches
# CHECK-NEXT: hoisted S1 line 10: import math
# CHECK-NEXT: hoisted S2 line 13: def ok(x, y=2, z=(1, -2.5)):
# CHECK-NEXT: T0 lines 17-39
import math


def ok(x, y=2, z=(1, -2.5)):
    return x


print(late(1))


def late(x):
    return x


K = 3


def default_from_name(x, k=K):
    return x + k


def twice():
    return 1


def twice():
    return 2


print(ok(1), default_from_name(1), twice(), math.floor(2.5))
# CHECK-NOT: hoisted
