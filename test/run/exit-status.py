# sys.exit with a status from a later statement, after heavy independent work.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok exit-status.py
import sys


def spin(n):
    t = 0
    for i in range(n):
        t = (t + i) % 977
    return t


a = spin(80000)
b = spin(80000)
print(a, b)
sys.exit(3)
