# Objects shared by two names and changed stay in one task; an object with
# one name travels from the task that changed it last.
# RUN: %surgec -print-tasks %s | FileCheck %s
def fill(xs, n):
    for i in range(n):
        xs.append(i)
    return xs


a = []
b = a
fill(b, 100000)
print(len(a))
# CHECK: T0 lines 10-13
# CHECK-NEXT: S2 line 10: a = []
# CHECK: together: they share an object that is changed through more than one name
c = []
fill(c, 100000)
fill(c, 100000)
print(len(c))
# CHECK: T1 lines 17-17
# CHECK: T2 lines 18-18
# CHECK-NEXT: S7 line 18: fill(c, 100000)
# CHECK-NEXT: receives: c from T1
# CHECK: T3 lines 19-19
# CHECK: receives: c from T2
# CHECK: T4 lines 20-20
# CHECK: receives: c from T3
