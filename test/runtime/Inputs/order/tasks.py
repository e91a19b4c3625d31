# Five independent tasks that finish in reverse order: the output must still
# come out in program order.
from surge_runtime.support import *
import time


def show(tag, n):
    for i in range(n):
        print(tag, i)


def task_0():
    time.sleep(0.1)
    show("first", 2)


def task_1():
    time.sleep(0.06)
    show("second", 2)


def task_2():
    time.sleep(0.03)
    show("third", 2)


def task_3():
    show("fourth", 2)


def task_4():
    print("last", __name__)
