# A split loop whose body raises at one item, where the items after it
# would loop forever: CPython stops at the raise, so the task program must
# not wait for the chunks after it. The map part that raised ends the loop:
# the later map parts are cancelled (their workers killed) and the combine
# starts once the chunks before it are in. Before, the run never ended.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec --timeout 60 %s | FileCheck %s --check-prefix=SAME
# CHECK: split: the loop, in map parts over chunks of its items
# SAME-COUNT-3: ok raise-then-endless.py
def f(x):
    if x == 5000:
        raise ValueError("stop at 5000")
    n = x
    while n != -1:
        n = n + 1 if x < 5000 else n  # endless for every x above 5000
        if n > x + 3:
            n = -1
    return n


items = list(range(20000))
total = 0
for x in items:
    total += f(x)
print(total)
