# A loop that breaks: chunks run ahead, the combine takes the chunks in
# order up to the one that broke out, whose values are the loop's; flags
# set by some iterations keep the last one's value.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-break.py
# TASKS: split: the loop on line {{[0-9]+}} of first_hit, in map parts over chunks of its items
# TASKS-NEXT: reduction: hits (sum)
# TASKS-NEXT: reduction: found (last value)
# TASKS: split: the loop, in map parts over chunks of its items
# TASKS-DAG: reduction: any_big (last value)
# TASKS-DAG: reduction: all_small (last value)
# TASKS: last values: i v


def first_hit(n, target):
    found = -1
    hits = 0
    for i in range(n):
        if i * i % 99991 == target:
            hits += 1
        if i % 7 == 3 and i * i % 99991 == target:
            found = i
            break
    return found, hits


print(first_hit(60000, 5))
print(first_hit(60000, 99990))
any_big = False
all_small = True
for i in range(50000):
    v = (i * 7919) % 100003
    if v > 100000:
        any_big = True
    if v >= 99999:
        all_small = False
print(any_big, all_small, i, v)
