# Element-wise accumulation into a list by computed index, negative
# indexes included: only the slots a chunk touched are added.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-index.py
# TASKS: reduction: hist (add by index)
hist = [0] * 10
for x in range(45000):
    b = (x * x) % 19 - 9
    hist[b] += x % 5
print(hist)
