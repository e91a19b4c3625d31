# unpicklable.py:
#   1  squares = (i * i for i in range(3)); print("made")
#   2  print(next(squares))
# A generator cannot cross to another process: surgec keeps such values in
# one task, and when it does not, the runner says so clearly.
from surge_runtime.support import *


def task_0():
    global squares, n
    n = 3
    squares = (i * i for i in range(n))
    print("made")


def task_1():
    print(next(squares))
