# death.py (how task 1 dies comes from the first argument):
#   1  import os, signal, sys, time
#   2  time.sleep(0.1); print("first")
#   3  if sys.argv[1] == "exit": os._exit(3) else: os.kill(os.getpid(), signal.SIGKILL)
#   4  print("later"); time.sleep(30)
from surge_runtime.support import *
import os
import signal
import sys
import time


def task_0():
    time.sleep(0.1)
    print("first")


def task_1():
    print("dying")
    if sys.argv[1] == "exit":
        os._exit(3)
    os.kill(os.getpid(), signal.SIGKILL)


def task_2():
    print("later")
    time.sleep(30)
