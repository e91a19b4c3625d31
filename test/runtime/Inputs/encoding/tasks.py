# encoding.py:
#   1  print("plain")
#   2  print("caf\xe9")
from surge_runtime.support import *


def task_0():
    print("plain")


def task_1():
    print("caf\xe9")
