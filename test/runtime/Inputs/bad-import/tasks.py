from surge_runtime.support import *

broken = 1 / 0


def task_0():
    print("ran")
