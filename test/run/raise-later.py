# An exception in a later task: the output before it appears in order, the
# task after it never writes its file.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK: ok raise-later.py -j 1
# CHECK: ok raise-later.py -j 2
# CHECK: ok raise-later.py -j 4
def slow(n):
    t = 0
    for i in range(n):
        t += i * i
    return t


a = slow(300000)
print("a", a)
b = slow(200000)
print("b", b // 0)
c = slow(100000)
with open("never-written.txt", "w") as f:
    f.write(str(c))
print("never printed")
