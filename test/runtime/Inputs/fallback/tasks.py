# fallback.py:
#   1  for x in range(10):
#   2      print(x, 100 // (x - 5))
# A split loop: map parts compute 100 // (x - 5), the combine prints. The
# map part holding x == 5 stops there; the combine runs the body again for
# that item (the fallback) and raises in program order, after 0..4 printed.
from surge_runtime.support import *


def task_0_items():
    return list(range(10))


def task_0_value(x):
    return 100 // (x - 5)


def task_0_map(chunk):
    return _surge_map(task_0_value, chunk)


def task_0(items, parts):
    results = _surge_results(parts)
    for x in items:
        print(x, results.next(lambda: task_0_value(x)))
