# Simple and compound statements at module level.
out = []
out.append(1)
if out:
    pass

# Assignment: chained, unpacking, nested tuple and list targets.
a = b = 0
x, y = 1, 2
x, y = y, x
[p, q] = "pq"
(m, n), k = (1, 2), 3
(r, s) = 4, 5
[t, (u, [v, w])] = [6, (7, [8, 9])]
i, = [1]
(j) = 2
z = zz = (zzz, zzzz) = 1, 2
((aa, bb), (cc, dd)), ee = ((1, 2), (3, 4)), 5

# Subscript, slice and attribute targets.
xs = [0] * 5
xs[0] = 1
xs[1:3] = [7, 8, 9]
xs[:] = xs[::-1]
xs[::2] = [0, 0, 0]
d = {"k": 0}
d["k"] = xs
d["a"], d["b"] = 1, 2
grid = {}
grid[0, 1] = "x"
grid[(1, 2)] = "y"
def tally():
    return 0
tally.calls = 0
tally.calls, xs[0] = 1, 2

# Augmented assignment: every operator, on names, items and attributes.
n = 10
n += 1; n -= 2; n *= 3; n //= 2; n %= 7; n **= 2
n <<= 2; n >>= 1; n &= 0xFF; n ^= 5; n |= 8; n /= 4
sx = [0.0, 0.0]
sx[1] += 2.5
sx[0:1] *= 2
tally.calls += 1
d["k"][0] -= 1

# del: names, items, slices, attributes, tuples of these.
ys, dd, tmp, tmp2 = [1, 2, 3, 4], {"a": 1, "b": 2}, 0, 1
del ys[0]
del ys[1:], dd["a"], tmp
del (tmp2)
ys2, tmp3, tmp4 = [1, 2, 3], 0, 0
del (tmp3, tmp4), ys2[::2]
del [ys2]
del tally.calls

# assert.
assert xs
assert len(xs) == 5, "five"
assert xs, f"expected items, got {len(xs)}"

# if, elif, else.
x = 4
if x < 0:
    sign = -1
elif x == 0:
    sign = 0
elif x == 1:
    sign = 1
else:
    sign = 2
if x:
    pass
else:
    if x > 1:
        pass
if x: sign = 3
if x:
    pass
elif x:
    pass

# while, with else, break and continue.
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print(steps)
while True:
    steps -= 1
    if steps > 100:
        continue
    break
while steps < 0: steps += 1

# for, with unpacking targets, else, break and continue.
counts = {"a": 2, "b": 0, "c": 9}
for word, c in sorted(counts.items()):
    if c == 0:
        continue
    if c > 5:
        break
    print(word, c)
else:
    print("no break")
for (i, (j, k)) in [(1, (2, 3))]:
    pass
for [i, j] in [[1, 2]]: print(i)
for xs[0] in range(2):
    pass
for tally.calls in range(2):
    pass
for i in 1, 2, 3:
    pass

# Line joining and semicolons.
total = 1 + \
    2 + \
    3
x = 1; y = 2;
if (x and
        y):
    pass
value = [
    x,
    y]
	# a comment indented by a tab
