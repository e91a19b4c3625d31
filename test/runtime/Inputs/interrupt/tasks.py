# interrupt.py: task 1 stands in for the user pressing Ctrl-C (or for
# `kill`): it signals the runner's own process, its parent.
#   1  import os, signal, sys, time
#   2  print("before")
#   3  os.kill(os.getppid(), signal.SIGINT or SIGTERM); time.sleep(30)
#   4  time.sleep(30)
from surge_runtime.support import *
import os
import signal
import sys
import time


def task_0():
    print("before")


def task_1():
    sig = signal.SIGTERM if sys.argv[1:] == ["term"] else signal.SIGINT
    os.kill(os.getppid(), sig)
    time.sleep(30)


def task_2():
    time.sleep(30)
