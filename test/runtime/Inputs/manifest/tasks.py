# manifest.py:
#   1  x = 1
#   2  print("ran", x)
from surge_runtime.support import *


def task_0():
    global x
    x = 1


def task_1():
    print("ran", x)
