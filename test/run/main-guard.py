# The RunSurge shape: functions, then an entry block under the main guard,
# with a function that changes its argument called twice on one list.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok main-guard.py
def add_squares(z, n):
    for i in range(n):
        z.append(i * i % 11)
    aggregation = "c:z"
    return z


def total(z):
    aggregation = "s:t"
    t = 0
    for v in z:
        t += v
    return t


if __name__ == '__main__':
    data = []
    first = add_squares(data, 30000)
    second = add_squares(data, 30000)
    print(len(first), len(second), total(data))
