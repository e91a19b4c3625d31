# Loops that must not be split, each with the reason -print-tasks gives,
# all still identical to CPython.
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=TASKS %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok not-split.py
# TASKS: not split: changes 'a', which other iterations may read
# TASKS: not split: calls 'print', which may change objects or have effects
# TASKS: not split: 'prev' may hold a value an earlier iteration set
# TASKS: not split: 'seen' is used besides its reduction
# TASKS: not split: can leave early with break, and a later chunk might not end
# TASKS: not split: 'out' would keep an object the program also reaches another way
# TASKS: not split: calls a function that reads 'found', which the loop changes
def prefix_sums(n):
    a = [0] * n
    for i in range(1, n):
        a[i] = a[i - 1] + i % 13
    return a


def shifted(n):
    prev = 0
    out = 0
    for i in range(n):
        out += prev * 3 % 7
        prev = i % 11
    return out


def first_repeat(n):
    seen = [0] * 64
    hits = 0
    for i in range(n):
        k = i * i % 61
        if seen[k]:
            hits += 1
        seen[k] = 1
    return hits


def steps(x):
    k = 0
    while x > 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        k += 1
    return k


def find(n):
    found = -1
    for i in range(n):
        if steps(i) > 200:
            found = i
            break
    return found


def pick(rows):
    out = []
    for r in rows:
        if (r[0] * r[1] + len(str(r[1]))) % 3 == 0 and r[1] % 5 < 4 and abs(r[0] - r[1]) > 2:
            out.append(r)
    return out


a = prefix_sums(40000)
for i in range(40000):
    if i % 9973 == 0:
        print(i, a[i] % 100)
print(shifted(40000))
print(first_repeat(40000))
print(find(40000))
rows = [[i % 7, i] for i in range(30000)]
picked = pick(rows)
picked[0].append(99)
print(rows[0], len(picked))
found = []


def scaled(x):
    return x * 3 + len(found)


for i in range(30000):
    y = scaled(i % 7)
    found.append(y)
print(len(found), found[-3:])
