# A call to a closure reads the variables it captures as they are when it
# runs: the call stays after the last assignment to them. Creating the
# closure reads nothing.
# RUN: %surgec -print-ddg %s | FileCheck %s

def outer(k):
    k = k + 1
    def inner(x):
        return x + k
    k = 5
    print(inner(1))
    return inner

# CHECK-LABEL: *** DDG for outer ***
# CHECK:      S1 -> S3 WAW k
# CHECK-NEXT: S2 -> S4 RAW inner
# CHECK-NEXT: S2 -> S5 RAW inner
# CHECK-NEXT: S3 -> S4 RAW k
# CHECK-NOT:  ->
# CHECK:      *** DDG for inner ***
