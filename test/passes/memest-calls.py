# Calls are estimated with their arguments (rows(10) and rows(100) differ);
# a dict's size is only known by running: later statements name it,
# len_of('counts'), with the static bound for the number printed now.
# Recursion, and loops with no trip count that keep what they make, are
# unknown: never a guess below what runs.
# RUN: %surgec -print-mem %s | FileCheck %s

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def apply(f, x):
    return f(x)

def rows(n):
    return [[0.0] * n for _ in range(n)]

small = rows(10)
large = rows(100)
r = fib(20)
y = apply(len, "abc")
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
pairs = [(c, w) for w, c in counts.items()]
total = sum(x * 2 for x in range(1000))
i = 0
acc = []
while i < 10:
    acc.append(i * 1.5)
    i += 1

# CHECK-LABEL: *** MEM for <module> ***
# 10 lists of 10 slots (136 each), 16 slots outside (184), a closure over n
# (48 + 48), the comprehension's function (152), range and iterator (104).
# CHECK:      S4 line 17: peak 1992 B (1.9 KiB) = 1992; live 1544 B (1.5 KiB) = 1544
# CHECK-NEXT: S5 line 18: peak 86968 B (84.9 KiB) = 86968; live 86520 B (84.5 KiB) = 86520
# CHECK-NEXT: S6 line 19: peak ? B = unknown; live ? B = unknown
# CHECK-NEXT: S7 line 20: peak 32 B = 32; live 0 B = 0
# CHECK:      S10 line 24: peak 812 B = 416 + 66 * len_of('counts'); live 556 B = 160 + 66 * len_of('counts')
# CHECK:      S14 line 28: peak ? B = unknown; live ? B = unknown
# CHECK-LABEL: *** MEM for fib ***
# CHECK-NEXT: call peak ? B = unknown
# CHECK-LABEL: *** MEM for rows ***
# CHECK-NEXT: call peak 86968 B (84.9 KiB) = 86968
