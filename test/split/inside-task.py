# A call whose function's loop splits, in a task that runs other
# statements too (here they share a changed object, so they are one
# task), or in a few rounds of a top-level loop: the loop runs over the
# workers from inside the task. A chunk that raises is run again in order.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok inside-task.py
# TASKS: S{{[0-9]+}} line {{[0-9]+}}: totals = histogram(data, 12)
# TASKS-NEXT: split inside the task: the loop on line 22 of histogram, over the workers
# TASKS-NEXT: reduction: counts (add by index)
# TASKS-NEXT: reduction: seen (sum)
# TASKS: S{{[0-9]+}} line {{[0-9]+}}: for r in range(3):
# TASKS-NEXT: split inside the task: the loop on line 30 of shifted_sum, over the workers
# TASKS-NEXT: reduction: total (sum)
# TASKS: S{{[0-9]+}} line {{[0-9]+}}: print(shifted_sum(data, -1))
# TASKS-NEXT: split inside the task


def histogram(xs, k):
    counts = [0] * k
    seen = 0
    for x in xs:
        counts[x % k] += 1
        seen += x // 1000
    return counts, seen


def shifted_sum(xs, shift):
    total = 0
    for i in range(len(xs)):
        total += xs[i] * 7 // (xs[i] + shift) + i % 3
    return total


data = [(i * 7919) % 100003 for i in range(60000)]
view = data
data.append(5)
totals = histogram(data, 12)
print(totals, len(view))
for r in range(3):
    s = shifted_sum(data, r + 1)
    print(r, s)
data[40000] = 1
print(shifted_sum(data, -1))
