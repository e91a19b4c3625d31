# alias.py:
#   1  a = b = []; c = [a, a]
#   2  a.append(1); print(b, a is b, c[0] is a, c[1] is b)
#   3  x = "first"
#   4  x = "second"; if len(a) > 5: z = 1
#   5  print(x)        (sees the x of line 3: surgec renamed it)
#   6  print(x)
#   7  print(z)
#   8  print(leftover globals)
from surge_runtime.support import *


def task_0():
    global a, b, c
    a = b = []
    c = [a, a]


def task_1():
    a.append(1)
    print(b, a is b, c[0] is a, c[1] is b)


def task_2():
    global x, z
    x = "first"
    _surge_sent["x@3"] = x
    x = "second"
    if len(a) > 5:
        z = 1


def task_3():
    print("x@3:", x)


def task_4():
    print("x:", x)


def task_5():
    try:
        print(z)
    except NameError as e:
        print("NameError:", e)


def task_6():
    # Every part starts from tasks.py's globals: nothing an earlier part on
    # the same worker bound is left over.
    print("leftover:", [k for k in ("a", "b", "c", "x", "z") if k in globals()], __name__)
