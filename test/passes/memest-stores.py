# A value stored through a phi (a variable set in a loop or a branch, then
# put in a container) keeps the object the phi holds: the largest of those
# its inputs make, once per store, though the variable itself lets go of
# it when rebound. A comprehension inside another is a function of its
# own in 3.11, made on each iteration of the outer one, with a cell for
# each of the outer one's names it reads.
# RUN: %surgec -print-mem %s | FileCheck %s

# 200 lists of 20 floats (24 each) of 24 slots (248), the outer list, and
# the inner comprehension's function, cell and closure (152 + 48 + 48).
rows = [[i * 0.5 + j for j in range(20)] for i in range(200)]
# CHECK: S1 line 11: peak 147888 B (144.4 KiB) = 147888; live 147256 B (143.8 KiB) = 147256
sums = []
for r in rows:
    s = 0.0
    for x in r:
        s += x
    sums.append(s)
# 200 floats kept by sums (24 each), and its 1624 bytes of slots.
# CHECK: S3 line 14: peak 6584 B (6.4 KiB) = 6584; live 6424 B (6.3 KiB) = 6424
counts = {}
for i in range(100):
    n = 0
    for j in range(1000):
        n += 1
    counts[i] = n
# 100 ints above 256 kept by counts: 36 each (a counter the analysis
# cannot bound is below 2**90).
# CHECK: S5 line 22: peak 11044 B (10.8 KiB) = 11044; live 10700 B (10.4 KiB) = 10700
pick = []
for r in rows:
    pick.append(r[0] * 2.0 if r[1] > 3 else r[2] + 1.0)
# CHECK: S7 line 31: peak 6528 B (6.4 KiB) = 6528; live 6448 B (6.3 KiB) = 6448
