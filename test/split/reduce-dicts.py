# Dict counting, grouping and storing: merged so that key order is the
# loop's first-insertion order and values are the loop's.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-dicts.py
# TASKS-DAG: reduction: counts (dict count)
# TASKS-DAG: reduction: groups (dict group)
# TASKS-DAG: reduction: last (dict store)
counts = {}
groups = {}
last = {}
for j in range(30000):
    w = "w" + str((j * 13) % 500 * 31 % 97)
    counts[w] = counts.get(w, 0) + 1
    groups.setdefault(len(w) + j % 3, []).append(j % 11)
    last[w[-1]] = j
print(list(counts.items())[:12], len(counts))
print([(k, len(v), v[:6]) for k, v in groups.items()])
print(last)
