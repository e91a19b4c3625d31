# Rows that alias ([[0] * 3] * 2) and rows that do not (a comprehension):
# at the level of statements, a change through a row is a change to the
# table that holds it, either way; the two tables stay independent.
# RUN: %surgec -print-ddg %s | FileCheck %s

g = [[0] * 3] * 2
h = [[0] * 3 for _ in range(2)]
g[0][0] = 1
h[1][1] = 2
print(g)
print(h)

# CHECK-LABEL: *** DDG for <module> ***
# CHECK:      S1 -> S3 RAW g
# CHECK-NEXT: S1 -> S5 RAW g
# CHECK-NEXT: S2 -> S4 RAW h
# CHECK-NEXT: S2 -> S4 MEM h (an item assignment changes an object)
# CHECK-NEXT: S2 -> S6 RAW h
# CHECK-NEXT: S3 -> S5 MEM g (an item assignment changes an object)
# CHECK-NEXT: S4 -> S6 MEM h (an item assignment changes an object)
# CHECK-NEXT: S5 -> S6 EFFECT stdout
# CHECK-NOT:  ->
