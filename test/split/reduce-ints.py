# Int sums, products, counters and string sums over a top-level loop: split,
# each chunk's value combined in order.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-ints.py
# TASKS: split: the loop, in map parts over chunks of its items
# TASKS-DAG: reduction: total (sum)
# TASKS-DAG: reduction: odd (sum)
# TASKS-DAG: reduction: prod (product)
# TASKS-DAG: reduction: text (sum)
# TASKS-DAG: reduction: squares (sum)
# TASKS: last values: i k
total = 0
odd = 0
prod = 1
text = ""
squares = 0
for i in range(60000):
    k = i * i % 1009
    total += k
    if k % 2:
        odd = odd + 1
    if i % 20000 == 7:
        prod *= k + 1
        text += str(k) + ","
    squares = squares + (k - 3) * (k + 3)
print(total, odd, prod, text, squares, i, k)
