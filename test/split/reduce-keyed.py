# d[k] += e on a dict of ints: each chunk adds by key, the sums are added
# in order; a key the dict lacks raises the loop's KeyError, in order.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-keyed.py
# TASKS: reduction: tally (add by key)
# TASKS: reduction: seen (add by key)
names = ["ann", "bo", "cy", "di"]
tally = {"ann": 0, "bo": 0, "cy": 0, "di": 0}
for i in range(40000):
    tally[names[i * 7 % 4]] += i % 3
print(tally)
seen = {n: 0 for n in range(10)}
for i in range(40000):
    seen[(i * i) % 11] += 1
print(seen)
