# sysexit.py (the exit is chosen by the program's first argument):
#   1  import sys
#   2  print("before")
#   3  print("exiting"); how = sys.argv[1]; <sys.exit(...) by how>
#   4  print("after")
from surge_runtime.support import *
import sys


def task_0():
    print("before")


def task_1():
    global how
    print("exiting")
    how = sys.argv[1]
    if how == "none":
        sys.exit()
    if how == "int":
        sys.exit(3)
    if how == "str":
        sys.exit("bye: " + sys.argv[0])
    if how == "tuple":
        raise SystemExit(4, "five")
    if how == "caught":
        try:
            sys.exit(9)
        except SystemExit as e:
            print("caught", e.code)


def task_2():
    print("after")
