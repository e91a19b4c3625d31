# exception.py, as surgec would split it:
#   1  import sys, time
#   2  time.sleep(0.2); print("slow first")
#   3  print("before"); print(1 / 0)
#   4  print("never"); time.sleep(2); print("never", file=sys.stderr); time.sleep(30)
from surge_runtime.support import *
import sys
import time


def divide(a, b):
    return a / b


def task_0():
    time.sleep(0.2)
    print("slow first")


def task_1():
    print("before")
    print(divide(1, 0))


def task_2():
    # Starts at once (on another worker, or queued behind task 1): the
    # failure of task 1 must cancel it before it writes to stderr (which is
    # not captured), and its stdout must never be shown. 2 s is for a loaded
    # machine: the cancel takes milliseconds, but a busy CI machine can
    # delay the coordinator by more than 0.1 s, which this test once allowed.
    print("never")
    time.sleep(2)
    print("never", file=sys.stderr)
    time.sleep(30)
