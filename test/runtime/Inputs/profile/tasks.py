# profile.py (reads data.txt from the current folder):
#   1  rows = open("data.txt").read().splitlines()
#   2  total = 0
#   3  for r in rows:
#   4      total += len(r)
#   5  print(total)
#   6  print("done")
from surge_runtime.support import *


def task_0():
    global rows
    with open("data.txt") as f:
        rows = f.read().splitlines()


def task_1_items():
    return rows


def task_1_map(chunk):
    return _surge_map(len, chunk)


def task_1(items, parts):
    global total
    total = 0
    results = _surge_results(parts)
    for r in items:
        total += results.next(lambda: len(r))


def task_2():
    print(total)


def task_3():
    print("done")
