# stdin.py:
#   1  import os, sys
#   2  name = input("name? "); pid = os.getpid()
#   3  print("hello", name)
#   4  print("worker elsewhere:", os.getpid() != pid)
#   5  print("rest:", sys.stdin.read().split(), os.getpid() == pid)
# Tasks 0 and 2 read stdin: they are `main` (run in the runner's own
# process) and commit; task 1 runs on a worker, which reads no stdin.
from surge_runtime.support import *
import os
import sys


def task_0():
    global name, pid
    name = input("name? ")
    pid = os.getpid()


def task_1():
    print("hello", name)
    print("worker elsewhere:", os.getpid() != pid, repr(sys.stdin.read()))


def task_2():
    print("rest:", sys.stdin.read().split(), os.getpid() == pid)
