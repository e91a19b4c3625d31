# max/min and argmax with ties: the first best wins with >, the last with
# >=, exactly as the loop keeps them; max(acc, x) keeps its accumulator.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-best.py
# TASKS-DAG: reduction: best (best, with at)
# TASKS-DAG: reduction: low (best, with low_at)
# TASKS-DAG: reduction: top (max)
# TASKS-DAG: reduction: bottom (min)
best = -1
at = -1
low = 10 ** 9
low_at = -1
top = 0
bottom = 10 ** 9
for i in range(50000):
    score = (i * 7919) % 1000
    if score > best:
        best = score
        at = i
    if low >= score:
        low = score
        low_at = i
    top = max(top, score * 3)
    bottom = min(bottom, score + 5)
print(best, at, low, low_at, top, bottom)
