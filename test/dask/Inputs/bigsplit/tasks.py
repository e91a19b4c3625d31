# split.py (n comes from the first argument):
#   1  import sys
#   2  n = int(sys.argv[1]); base = 100
#   3  total = 0
#   4  for x in range(n):
#   5      total += x * x + base
#   6  print("after", total)
# Lines 3-5 are a loop split into map parts: the map parts compute the
# bodies' values, the combine adds them up in item order.
from surge_runtime.support import *
import sys


def task_0():
    global n, base
    n = int(sys.argv[1])
    base = 100


def task_1_items():
    print("items", n)
    return list(range(n))


def task_1_body(x):
    return x * x + base


def task_1_map(chunk):
    # Shows each chunk, so the test sees the chunks and their order.
    print("map", chunk[0], "..", chunk[-1])
    return _surge_map(task_1_body, chunk)


def task_1(items, parts):
    global total
    print("combine", len(items), "items", len(parts), "parts")
    total = 0
    results = _surge_results(parts)
    for x in items:
        total += results.next(lambda: task_1_body(x))


def task_2():
    print("after", total)
