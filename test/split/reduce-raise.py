# An exception in a split loop: the chunk that raised is run again by the
# combine part, in order, so the output before it and the error are the
# program's.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-raise.py
# TASKS: reduction: total (sum)
total = 0
print("before")
for i in range(60000):
    total += 1000000 // (i - 41234) + i % 3
print("never", total)
