# random.py:
#   1  import random
#   2  random.seed(7)
#   3  print(random.random())
#   4  print(random.randint(1, 1000))
#   5  print(sorted(random.sample(range(100), 5)))
# The tasks name no dependences on each other: their "random" effect alone
# makes the runner carry the module's state from one to the next.
from surge_runtime.support import *
import random


def task_0():
    random.seed(7)


def task_1():
    print(random.random())


def task_2():
    print(random.randint(1, 1000))


def task_3():
    print(sorted(random.sample(range(100), 5)))
