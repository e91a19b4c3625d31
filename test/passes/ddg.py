# The statement dependence graph on the shapes that fooled name-based
# analyses: aliasing through assignment, arguments and containers,
# functions mutating their arguments, effects on stdout and files.
# RUN: %surgec -print-ddg %s | FileCheck %s

# CHECK-LABEL: *** DDG for <module> ***
# CHECK-NEXT: S1 line [[@LINE+1]]: def add(z, v):
def add(z, v):
    z.append(v)
    return len(z)

# CHECK-NEXT: S2 line [[@LINE+1]]: a = [1, 2, 3]
a = [1, 2, 3]
# CHECK-NEXT: S3 line [[@LINE+1]]: b = a
b = a
# CHECK-NEXT: S4 line [[@LINE+1]]: print(len(a))
print(len(a))
# CHECK-NEXT: S5 line [[@LINE+1]]: b.append(4)
b.append(4)
# The RunSurge shape: one function mutating its argument, called twice on
# the same list.
# CHECK-NEXT: S6 line [[@LINE+1]]: n1 = add(a, 5)
n1 = add(a, 5)
# CHECK-NEXT: S7 line [[@LINE+1]]: n2 = add(a, 7)
n2 = add(a, 7)
# CHECK-NEXT: S8 line [[@LINE+1]]: x = [0]
x = [0]
# CHECK-NEXT: S9 line [[@LINE+1]]: y = [x, x]
y = [x, x]
# CHECK-NEXT: S10 line [[@LINE+1]]: x.append(1)
x.append(1)
# CHECK-NEXT: S11 line [[@LINE+1]]: print(y)
print(y)
# Independent lists stay independent.
# CHECK-NEXT: S12 line [[@LINE+1]]: other = [9]
other = [9]
# CHECK-NEXT: S13 line [[@LINE+1]]: other.append(8)
other.append(8)
# CHECK-NEXT: S14 line [[@LINE+1]]: with open("out.txt", "w") as f:
with open("out.txt", "w") as f:
    f.write("hi")
# CHECK-NEXT: S15 line [[@LINE+1]]: with open("out.txt") as f:
with open("out.txt") as f:
    text = f.read()
# CHECK-NEXT: S16 line [[@LINE+1]]: s = 1
s = 1
# CHECK-NEXT: S17 line [[@LINE+1]]: s = 2
s = 2
# CHECK-NEXT: S18 line [[@LINE+1]]: print(text, s)
print(text, s)

# CHECK-NEXT: S1 -> S6 RAW add
# CHECK-NEXT: S1 -> S7 RAW add
# CHECK-NEXT: S2 -> S4 RAW a
# CHECK-NEXT: S2 -> S5 RAW a
# CHECK-NEXT: S2 -> S6 RAW a
# CHECK-NEXT: S2 -> S7 RAW a
# b = a: the append through b is a change to what a names. Each access
# follows the last change (edges implied by a path are not listed).
# CHECK-NEXT: S4 -> S5 MEM a (b.append mutates the list a names)
# CHECK-NEXT: S4 -> S11 EFFECT stdout
# CHECK-NEXT: S5 -> S6 MEM a (b.append mutates the list a names)
# CHECK-NEXT: S6 -> S7 MEM a (a call changes its argument a)
# CHECK-NEXT: S8 -> S9 RAW x
# CHECK-NEXT: S8 -> S10 RAW x
# y holds x twice: changing x changes what y holds.
# CHECK-NEXT: S9 -> S10 MEM x (x.append mutates the list x names)
# CHECK-NEXT: S9 -> S11 RAW y
# CHECK-NEXT: S10 -> S11 MEM x (x.append mutates the list x names)
# CHECK-NEXT: S11 -> S18 EFFECT stdout
# CHECK-NEXT: S12 -> S13 RAW other
# Writing and reading the same file keep their order.
# CHECK-NEXT: S14 -> S15 EFFECT files
# CHECK-NEXT: S15 -> S18 RAW text
# s = 1; s = 2: renaming removes the false WAW; only the last one feeds S18.
# CHECK-NEXT: S17 -> S18 RAW s
# Nothing links the independent lists or the unrelated statements.
# CHECK-NOT: ->

# CHECK-LABEL: *** DDG for add ***
# CHECK-NEXT: S1 line {{[0-9]+}}: z.append(v)
# CHECK-NEXT: S2 line {{[0-9]+}}: return len(z)
# CHECK-NEXT: S1 -> S2 MEM z (z.append mutates the object z names)
