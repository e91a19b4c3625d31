# A task that would receive more bytes than its work is worth (sending
# costs a work unit per 16 bytes, docs/tasks.md) stays with its producer;
# one whose work outweighs what it receives runs on its own.
# RUN: %surgec -print-tasks %s | FileCheck %s
def work(n):
    t = 0
    for i in range(n):
        t += i * i
    return t


big = [i * 0.5 for i in range(200000)]
print(len(big))
# CHECK: T0 lines 12-13
# CHECK-NEXT: S2 line 12: big = [i * 0.5 for i in range(200000)]
# CHECK-NEXT: S3 line 13: print(len(big))
# CHECK-NEXT: together: sending 6424056 bytes costs more than the work it saves (about {{[0-9]+}} operations to send, {{[0-9]+}} to run)
r = work(300000) + len(big)
print(r)
# CHECK: T1 lines 18-18
# CHECK-NEXT: S4 line 18: r = work(300000) + len(big)
# CHECK-NEXT: receives: big from T0
# CHECK: T2 lines 19-19
# CHECK-NEXT: S5 line 19: print(r)
# CHECK-NEXT: receives: r from T1
