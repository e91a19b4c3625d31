# Found while probing file effects beyond open(): os.path.exists reads
# the file system, but the dependence graph has no edge from the `with
# open(...)` that writes out.txt to the statement that asks whether it
# exists, so at -j 2 and 4 that statement's task (T3, no deps) runs before
# the commit task that writes the file (T2, waiting on the split loop):
# CPython prints
#   [True, 599998] 599998
# the task program (-j 2, -j 4)
#   [False, 599998] 599998
# (-j 1 runs the tasks in order and matches.)
# Diagnosis (passes: effects of os.path calls in the summaries / DDG):
# os.path.exists, isfile, isdir, getsize and the like read files, so they
# need a files effect (on their path, or on all files when it is not a
# literal) ordered after earlier writes, as open() for reading has.
# Fixed (was XFAIL).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok os-path-exists-order.py
import os.path


def spin(n):
    s = 0
    for j in range(n):
        s += (j * j) % 7
    return s


t = 0
for i in range(300000):
    t += (i * i) % 7
with open("out.txt", "w") as fh:
    fh.write(str(t))
seen = [os.path.exists("out.txt"), spin(300000)]
print(seen, t)
