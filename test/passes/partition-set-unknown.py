# A set inside a value whose type surgec only knows as "list of objects"
# (here [n, s]) stays in the task that built it when the program makes sets
# at all: sent to another process it would be rebuilt item by item, and
# items whose hashes collided can come back in another order.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# CHECK: 1 task ***
# CHECK: together: a set's order can change when it is sent to another process
# SAME-COUNT-3: ok partition-set-unknown.py
def build(n):
    s = set()
    for i in range(n):
        s.add("k%d" % (i * 7919 % 40))
    return [n, s]


def heavy(n):
    t = 0
    for i in range(n):
        t += i * i % 13
    return t


box = build(120)
u = heavy(300000)
print(u, list(box[1])[:8])
