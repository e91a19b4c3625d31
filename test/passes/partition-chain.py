# A task that needs a costly value from an earlier task, not the one just
# before it, still cannot start before that one ends: when sending costs
# more than the tasks between them could run beside them, and no later
# task waits only on those, they all run as one task.
# RUN: %surgec -print-tasks %s | FileCheck %s
def work(xs, n):
    t = 0
    for i in range(n):
        t += i * i % 7
    return t + len(xs)


big = [i * 0.5 for i in range(200000)]
sizes = []
r = work(big, 300000) + len(sizes)
print(r, len(big))
# CHECK: *** TASKS for {{.*}}: 1 task ***
# CHECK: T0 lines 13-16
# CHECK: together: sending 6424056 bytes costs more than the tasks between could run beside them (about 401504 operations to send, {{[0-9]+}} between)
