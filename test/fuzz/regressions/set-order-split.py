# difftest seed 1065 (and 747), gen_program.py f622205, shrunk: the same
# bug as set-order-sent.py, with ints and after a split loop. The set-add
# reduction itself merges right (each chunk's items added in loop order),
# but the combine task then sends set11 to the task that prints it, and
# the unpickled set iterates differently: CPython prints
#   (250, [514, 515, 3, 4, 522, 523])
# the task program, at every -j,
#   (250, [514, 3, 515, 4, 522, 523])
# Diagnosis: as in set-order-sent.py (a set sent by pickle is rebuilt in
# iteration order, not its insertion history; ints collide as strs do).
# Fixed by c2147b2 (the partition keeps a set with the statements that
# read it); the loop is still split, now inside the task.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# TASKS: split{{( inside the task)?}}: the loop, {{in map parts|over the workers}}
# TASKS-NEXT: reduction: set11 (set add)
# CHECK-COUNT-3: ok set-order-split.py
data1 = [(i * 3244 + 79) % 1000 for i in range(20000)]
arg10 = 1000000000
arg10_at = -1
set11 = set()
arg12 = 1000000000
arg12_at = -1
for x in data1:
    if x % 10 < arg10:
        pass
    set11.add((x * 49) % 997)
    if x % 13 < arg12:
        pass
print((arg10, arg10_at), (len(set11), list(set11)[:6]), (arg12, arg12_at))
