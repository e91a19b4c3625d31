# list.append, list +=, set.add: concatenated / added in chunk order, so the
# list order and the set's own iteration order equal the loop's.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-lists.py
# TASKS-DAG: reduction: evens (list append)
# TASKS-DAG: reduction: pairs (sum)
# TASKS-DAG: reduction: seen (set add)
evens = []
pairs = []
seen = set()
for n in range(40000):
    v = (n * 7919) % 10007
    if v % 2 == 0:
        evens.append(v)
    if v % 1000 == 1:
        pairs += [(n, v)]
    seen.add(v % 613 - 300)
    seen.add(str(v % 37))
print(len(evens), evens[:5], evens[-5:])
print(pairs)
print(list(seen)[:40], len(seen))
