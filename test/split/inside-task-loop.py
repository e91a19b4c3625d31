# A top-level loop that shares its task (here two names reach its list)
# runs split inside the task: every chunk in a forked helper, so the
# task's own values change only through the merge, in place.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok inside-task-loop.py
# TASKS: S{{[0-9]+}} line 16: for i in range(40000):
# TASKS-NEXT: split inside the task: the loop, over the workers
# TASKS-NEXT: reduction: acc (list append)
# TASKS-NEXT: reduction: total (sum)
# TASKS-NEXT: last values: i
acc = []
mirror = acc
total = 0
print("start")
for i in range(40000):
    v = i * i % 13
    acc.append(v)
    total += v
mirror.append(-1)
print(len(acc), acc[-3:], total, i)
for j in range(30000):
    total += 100 // (j - 29999 + len(acc) - 40001)
print("not reached")
