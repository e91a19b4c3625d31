# typeinfer: whole-program types, an optimistic fixed point. Loop-carried
# values, parameters (from every call site), call results (from the
# callee's returns), module names read in functions and container items
# get the precise type CPython 3.11 guarantees.
# RUN: %surgec -passes=typeinfer -print-ir %s | FileCheck %s
# RUN: %surgec -passes=typeinfer -print-ir %s | FileCheck %s --check-prefix=MOD

# A counter carried around a loop is an int.
# CHECK-LABEL: func @count(
# CHECK: param 0 : list[int] {{.*}}; xs
# CHECK: phi {{.*}} : int {{.*}}; n
# CHECK: binop += {{.*}} : int {{.*}}; n
def count(xs):
    n = 0
    for x in xs:
        n += 1
    return n


# int += float: the phi joins int and float, which is object.
# CHECK-LABEL: func @mixed(
# CHECK: phi {{.*}} : object {{.*}}; total
def mixed(xs):
    total = 0
    for x in xs:
        total += 0.5
    return total


# A float accumulator stays a float.
# CHECK-LABEL: func @fsum(
# CHECK: phi {{.*}} : float {{.*}}; t
def fsum(xs):
    t = 0.0
    for x in xs:
        t += x
    return t


# Parameters from the only call sites, defaults and keywords included.
# CHECK-LABEL: func @scale(
# CHECK: param 0 : int {{.*}}; v
# CHECK: param 1 : int {{.*}}; k
# CHECK: binop * {{.*}} : int
def scale(v, k=2):
    return v * k


# An accumulator through a callee's return.
# CHECK-LABEL: func @chain(
# CHECK: phi {{.*}} : int {{.*}}; n
# CHECK: phi {{.*}} : int {{.*}}; steps
def chain(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


# argmax over chain(i): the compared values are ints.
# CHECK-LABEL: func @longest(
# CHECK: call {{.*}} : int {{.*}}; best_len
# CHECK: phi {{.*}} : int {{.*}}; best_len
# CHECK: phi {{.*}} : int {{.*}}; best
# CHECK: call {{.*}} : int {{.*}}; c
# CHECK: build_tuple {{.*}} : tuple[int]
def longest(lo, hi):
    best = lo
    best_len = chain(lo)
    for i in range(lo + 1, hi):
        c = chain(i)
        if c > best_len:
            best = i
            best_len = c
    return best, best_len


# Recursion: the return type is its own fixed point.
# CHECK-LABEL: func @fact(
# CHECK: param 0 : int
# CHECK: load_global fact : func
# CHECK: call {{.*}} : int
def fact(n):
    if n < 2:
        return 1
    return n * fact(n - 1)


# What a try body assigns lives in a slot; the handler's value joins.
# CHECK-LABEL: func @safe_div(
# CHECK: binop // {{.*}} : int {{.*}}; q
# CHECK: slot_load q : int
def safe_div(a, b):
    try:
        q = a // b
    except ZeroDivisionError:
        q = -1
    return q


# A module name read in a function: the join of its bindings.
# CHECK-LABEL: func @below(
# CHECK: load_global LIMIT : int
LIMIT = 10


def below(x):
    return x < LIMIT


# dict counting: the values are ints.
# CHECK-LABEL: func @counts(
# CHECK: build_dict : dict[str, int] {{.*}}; d
# CHECK: call_method {{.*}}.get({{.*}}) : int
def counts(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


# Matmul: rows of floats updated in place, a list of lists of float.
# CHECK-LABEL: func @matmul(
# CHECK: param 0 : list[list[float]] {{.*}}; a
# CHECK: build_list : list[list[float]] {{.*}}; c
# CHECK: binop * {{.*}} : list[float] {{.*}}; row
# CHECK: binop += {{.*}} : float
def matmul(a, b):
    c = []
    for i in range(len(a)):
        row = [0.0] * len(b[0])
        for k in range(len(b)):
            aik = a[i][k]
            for j in range(len(b[0])):
                row[j] += aik * b[k][j]
        c.append(row)
    return c


# Lists of lists built by appends; setdefault shares the stored list.
# CHECK-LABEL: func @group(
# CHECK: build_dict : dict[str, list[int]]
# CHECK: call_method {{.*}}.setdefault({{.*}}) : list[int]
def group(lines):
    people = {}
    for line in lines:
        name, _, score = line.partition(":")
        people.setdefault(name.strip(), []).append(int(score))
    return people


# A generator expression yields what its body yields.
# MOD-LABEL: func @<module>(
# MOD: call {{.*}} : iter[int]
# MOD: call {{.*}} : int {{.*}}; total
total = sum(x * x for x in range(10))
print(count([1, 2, 3]), mixed([1]), fsum([1.5]), scale(3), scale(4, k=5))
print(longest(1, 100), fact(10), safe_div(7, 2), below(3), total)
print(counts("a b a".split()), group(["a: 1"]))
m = [[1.0, 2.0], [3.0, 4.0]]
print(matmul(m, m))
