# earlier-wins.py:
#   1  import time
#   2  time.sleep(0.2); print("zero"); raise ValueError("the earlier failure")
#   3  print("one"); {}["missing"]
from surge_runtime.support import *
import time


def task_0():
    time.sleep(0.2)
    print("zero")
    raise ValueError("the earlier failure")


def task_1():
    print("one")
    {}["missing"]
