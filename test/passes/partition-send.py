# A task that would receive more bytes than its work is worth (sending
# costs a work unit per 16 bytes, docs/tasks.md) stays with its producer;
# ones whose work outweighs what they receive, and that can run beside
# each other, run on their own.
# RUN: %surgec -print-tasks %s | FileCheck %s
def work(n):
    t = 0
    for i in range(n):
        t += i * i
    return t


big = [i * 0.5 for i in range(200000)]
print(len(big))
# CHECK: T0 lines 13-14
# CHECK-NEXT: S2 line 13: big = [i * 0.5 for i in range(200000)]
# CHECK-NEXT: S3 line 14: print(len(big))
# CHECK-NEXT: together: sending 6424056 bytes costs more than the work it saves (about {{[0-9]+}} operations to send, {{[0-9]+}} to run)
r = work(300000) + len(big)
q = work(300001) - len(big)
print(r, q)
# CHECK: T1 lines 19-19
# CHECK-NEXT: S4 line 19: r = work(300000) + len(big)
# CHECK: receives: big from T0
# CHECK: T2 lines 20-20
# CHECK-NEXT: S5 line 20: q = work(300001) - len(big)
# CHECK: receives: big from T0
# CHECK: T3 lines 21-21
# CHECK-NEXT: S6 line 21: print(r, q)
# CHECK-NEXT: receives: q from T2, r from T1
