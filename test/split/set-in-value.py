# A loop whose values are sets made by a pure function is not split, in
# either shape: an accumulator keeping them (acc.append(keys(i))) or calls
# run ahead for a loop that prints. The map parts' values come back as
# copies, and a copied set may iterate in another order (these sets do,
# with PYTHONHASHSEED=0).
# RUN: %surgec -print-tasks %s | FileCheck %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s --check-prefix=SAME
# CHECK: S3 line {{[0-9]+}}: for i in range(3000):
# CHECK-NEXT: not split: 'acc' would keep an object
# CHECK: S5 line {{[0-9]+}}: for i in range(40):
# CHECK-NOT: the calls of keys run in parallel
# SAME-COUNT-3: ok set-in-value.py
def keys(i):
    out = set()
    for j in range(12):
        out.add("k%d" % ((i * 31 + j * 7919) % 61))
    for r in range(300):
        j = r % 5
    return out


acc = []
for i in range(3000):
    acc.append(keys(i))
print([list(s)[:4] for s in acc[::300]])
for i in range(40):
    s = keys(i)
    print(list(s)[:4])
