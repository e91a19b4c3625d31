# Function summaries: what each function reads, mutates and does, as a
# caller sees it; calls use their callee's summary, recursion iterates.
# RUN: %surgec -print-summaries %s | FileCheck %s
# CHECK: summary @<module>: pure;
results = []
LIMIT = 3

# CHECK-NEXT: summary @add: mutates param z;
def add(z, x):
    z.append(x)
    return z

# CHECK-NEXT: summary @record: reads LIMIT,results; mutates global results;
def record(x):
    if x < LIMIT:
        results.append(x)

# CHECK-NEXT: summary @alias: mutates param a;
def alias(a):
    b = a
    b[0] = 1

# Items of a parameter are reached through it.
# CHECK-NEXT: summary @nested: mutates param rows;
def nested(rows):
    for r in rows:
        r.append(0)

# CHECK-NEXT: summary @passes_on: reads add; mutates param q;
def passes_on(q):
    add(q, 1)

# CHECK-NEXT: summary @unknown: mutates unknown; effects unknown;
def unknown(f, xs):
    f(xs)

# CHECK-NEXT: summary @rng: effects random;
def rng():
    import random
    return random.random()

# CHECK-NEXT: summary @recurse: reads recurse; mutates param xs;
def recurse(xs, n):
    if n:
        recurse(xs, n - 1)
    else:
        xs.pop()

# CHECK-NEXT: summary @pick: reads results; mutates global results;
def pick(flag):
    t = results if flag else [0]
    t.append(1)

# Fresh objects are the function's own; the index is not the container.
# CHECK-NEXT: summary @fresh: pure;
def fresh(k):
    acc = [0.0] * k
    acc[len(str(k)) - 1] += 1.0
    return acc

# CHECK-NEXT: summary @io: effects stdout,files;
def io(path):
    with open(path) as fh:
        for line in fh:
            print(line)
