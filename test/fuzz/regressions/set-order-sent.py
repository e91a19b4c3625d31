# difftest seeds 516 (-j 1) and 463 (-j 2), gen_program.py f622205,
# shrunk: a set built in one task and printed by another iterates in a
# different order: CPython prints
#   (19, ['k1', 'k8', 'k7', 'k18', 'k14', 'k15'])
# the task program, at every -j,
#   (19, ['k1', 'k8', 'k14', 'k18', 'k7', 'k15'])
# No loop is split: T0 builds set9 and sends it to T1.
# Diagnosis (runtime values protocol, and the partition that relies on
# it): values travel by pickle, and a set unpickles as set(list(s)), the
# items re-inserted in iteration order into a fresh table. Where items
# collided in the original's insertion history, the new table places them
# differently, so the order that list(), print() and for see changes
# (reproducible in plain CPython: list(pickle.loads(pickle.dumps(s))) !=
# list(s) for this set, PYTHONHASHSEED=0). Either sets whose order is
# observed must stay in the task that built them, or sets must be sent in
# a form that rebuilds the same table.
# Fixed: a value typed as a set (or holding one) stays in the task that
# built it, with the statements that read it.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# TASKS: *** TASKS for {{.*}}: 1 task ***
# CHECK-COUNT-3: ok set-order-sent.py

def touch5(xs, k):
    for j in range(len(xs)):
        if xs[j] % k == 0:
            xs[j] = xs[j] // k
    return xs

data1 = [(i * 2799 + 45) % 1000 for i in range(30000)]
same6 = touch5(data1, 6)
set9 = set()
for i in range(len(same6)):
    x = same6[i]
    if x % 7 == 3:
        set9.add('k%d' % (x // 53))
print((len(set9), list(set9)[:6]))
