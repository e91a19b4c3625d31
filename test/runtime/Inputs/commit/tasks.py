# commit.py: task 1 writes a file, so it is a commit task: it must start
# only after task 0 has finished, and never if task 0 fails.
#   1  import os.path, sys, time
#   2  time.sleep(0.1); done = 1; if sys.argv[1:] == ["fail"]: raise RuntimeError("stop")
#   3  with open("out.txt", "w") as f: f.write(...)
#   4  print(open("out.txt").read())
from surge_runtime.support import *
import os.path
import sys
import time


def task_0():
    global done
    time.sleep(0.1)
    # Only for this test: a marker the commit task looks for, to show it did
    # not start before this task finished.
    with open("marker.txt", "w") as f:
        f.write("task 0 finished\n")
    if sys.argv[1:] == ["fail"]:
        raise RuntimeError("stop before the commit")
    done = 1


def task_1():
    with open("out.txt", "w") as f:
        f.write(f"task 0 finished first: {os.path.exists('marker.txt')}\n")


def task_2():
    with open("out.txt") as f:
        print(f.read(), end="")
