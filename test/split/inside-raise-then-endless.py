# The same inside a task: a pure function's loop run over helpers forked
# from the task (_surge_fork_map). A helper sends each chunk's value as it
# is done; once a chunk raised, the chunks after it are not waited for and
# their helpers are killed. At -j 1 the chunks run in the task itself and
# stop at the one that raised. Before, the run never ended.
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec --timeout 60 %s | FileCheck %s --check-prefix=SAME
# CHECK: split inside the task: the loop on line {{[0-9]+}} of total_of, over the workers
# SAME-COUNT-3: ok inside-raise-then-endless.py
def f(x):
    if x == 5000:
        raise ValueError("stop at 5000")
    n = x
    while n != -1:
        n = n + 1 if x < 5000 else n  # endless for every x above 5000
        if n > x + 3:
            n = -1
    return n


def total_of(xs):
    s = 0
    for x in xs:
        s += f(x)
    return s


data = [i for i in range(20000)]
print(len(data), total_of(data))
