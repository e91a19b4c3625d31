# The memory estimate of each top-level statement: the bytes it makes that
# are alive at its peak and after it, in CPython 3.11's sizes
# (docs/memest.md). Every number here is worked out in the comments.
# RUN: %surgec -print-mem %s | FileCheck %s
# RUN: %surgec --help | FileCheck %s --check-prefix=HELP
# HELP: -print-mem      Print the memory estimate of each statement, with its formula

def scale(xs, k):
    out = []
    for x in xs:
        out.append(x * k)
    return out

n = 1000
big = n * 1000
x = n / 7
pair = (big, x)
nums = [1.5, 2.5, 3.5]
sq = [i * 0.5 for i in range(100)]
twice = scale(sq, 2)
table = {"a": 1, "b": 2}
grid = [[0] * 10 for _ in range(20)]
print(len(twice))

# CHECK-LABEL: *** MEM for <module> ***
# A function object.
# CHECK-NEXT: S1 line 8: peak 152 B = 152; live 152 B = 152
# A constant: made when the code was.
# CHECK-NEXT: S2 line 14: peak 0 B = 0; live 0 B = 0
# An int past the shared ones: sizeof(PyLongObject).
# CHECK-NEXT: S3 line 15: peak 32 B = 32; live 32 B = 32
# CHECK-NEXT: S4 line 16: peak 24 B = 24; live 24 B = 24
# A 2-tuple: 40 + 2 * 8.
# CHECK-NEXT: S5 line 17: peak 56 B = 56; live 56 B = 56
# Three constants: a tuple extended into a list of 4 slots, 56 + 32.
# CHECK-NEXT: S6 line 18: peak 88 B = 88; live 88 B = 88
# 100 appends: 108 slots (920 B) and 100 floats (2400 B); while it runs,
# the range (48), its iterator (56) and the comprehension's function (152).
# CHECK-NEXT: S7 line 19: peak 3576 B (3.5 KiB) = 3576; live 3320 B (3.2 KiB) = 3320
# The same made by the call, with its iterator (56) and a first call's 32.
# CHECK-NEXT: S8 line 20: peak 3408 B (3.3 KiB) = 3408; live 3320 B (3.2 KiB) = 3320
# A display of two str keys: 64 + a table of 8 slots (120).
# CHECK-NEXT: S9 line 21: peak 184 B = 184; live 184 B = 184
# 20 lists of 10 slots (136 each), 24 slots outside (248); [0] (64) for a while.
# CHECK-NEXT: S10 line 22: peak 3288 B (3.2 KiB) = 3288; live 2968 B (2.9 KiB) = 2968
# print: its own 640 (a first print's set-up included), the digits and their bytes.
# CHECK-NEXT: S11 line 23: peak 888 B = 888; live 0 B = 0
# CHECK-LABEL: *** MEM for scale ***
# CHECK-NEXT: call peak 3408 B (3.3 KiB) = 3408
# CHECK-NEXT: S1 line 9: peak 56 B = 56; live 56 B = 56
# CHECK-NEXT: S2 line 10: peak 3320 B (3.2 KiB) = 3320; live 3264 B (3.2 KiB) = 3264
# CHECK-NEXT: S3 line 12: peak 0 B = 0; live 0 B = 0
