# -print-python regenerates each function from its out-of-SSA IR: names
# kept, single-use temporaries folded, loops and tests rebuilt.
# RUN: %surgec -print-python %s | FileCheck %s

def mean(xs):
    total = 0
    for x in xs:
        if x < 0 or x > 100:
            continue
        if x == 42:
            break
        total += x
    else:
        total = -1
    return total / len(xs)

# CHECK-LABEL: # @mean
# CHECK: def mean(xs):
# CHECK: total = 0
# CHECK: for x in xs:
# CHECK-NEXT: # line {{[0-9]+}}
# CHECK-NEXT: if (x < 0) or (x > 100):
# CHECK-NEXT: # line {{[0-9]+}}
# CHECK-NEXT: continue
# CHECK: if x == 42:
# CHECK-NEXT: # line {{[0-9]+}}
# CHECK-NEXT: break
# CHECK: total += x
# CHECK: else:
# CHECK-NEXT: # line {{[0-9]+}}
# CHECK-NEXT: total = -1
# CHECK: return total / len(xs)

def swap(n):
    a, b = 1, 2
    while n > 0:
        a, b = b, a
        n -= 1
    return a, b

# CHECK-LABEL: # @swap
# CHECK: while n > 0:
# CHECK: a, b = (b, a)
# CHECK: n -= 1
# CHECK: return (a, b)

def shapes(rows, k=3):
    out = [r * 2 for r in rows if r]
    d = {"a": rows[1:k], "n": len(out)}
    assert k > 0, "k"
    with open("x.txt") as fh:
        fh.write(f"{k!r:>4} rows")
    return out, d, rows[0].real

# CHECK-LABEL: # @shapes
# CHECK: def shapes(rows, k=3):
# CHECK: [[OUT:_t[0-9]+]] = []
# CHECK-NEXT: out = [[OUT]]
# CHECK-NEXT: for [[R:_t[0-9]+]] in rows:
# CHECK-NEXT: if not [[R]]:
# CHECK-NEXT: continue
# CHECK-NEXT: [[OUT]].append([[R]] * 2)
# CHECK: d = {'a': rows[1:k], 'n': len(
# CHECK: if not (k > 0):
# CHECK-NEXT: raise AssertionError('k')
# CHECK: with open('x.txt') as fh:
# CHECK-NEXT: # line {{[0-9]+}}
# CHECK-NEXT: fh.write(f'{k!r:>4} rows')
# CHECK: return ([[OUT]], d, rows[0].real)

def later(xs):
    first = xs
    xs = xs[1:]
    return first, xs

# A value read after its name was rebound is kept in a temporary.
# CHECK-LABEL: # @later
# CHECK: def later(xs):
# CHECK-NEXT: [[FIRST:_t[0-9]+]] = xs
# CHECK: xs = [[FIRST]][1:]
# CHECK: return ([[FIRST]], xs)
