# big.py: values and output larger than a pipe holds.
#   1  data = list(range(300000)); text = "x" * 3000000
#   2  print(sum(data), len(text))
#   3  for i in range(20000): print(i, "y" * 100)
from surge_runtime.support import *


def task_0():
    global data, text
    data = list(range(300000))
    text = "x" * 3000000


def task_1():
    print(sum(data), len(text))


def task_2():
    for i in range(20000):
        print(i, "y" * 100)
