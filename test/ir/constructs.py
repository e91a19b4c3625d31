# Lowering of each construct of docs/language.md not pinned elsewhere
# (traps.py, control-flow.py, exceptions.py, scopes.py, comprehensions.py).
# One function per construct; CHECK-LABEL keeps failures apart.
# RUN: %surgec -print-ir %s | FileCheck %s
import math
import os.path
from random import randint as ri


def aug(xs, d, o):
    xs[0] += 1
    d["k"] //= 2
    o.attr -= 3


def chained(a, b, c):
    return a < b <= c


def boolean(a, b, c):
    return a and b or not c


def cond(a):
    return "yes" if a else "no"


def calls(f, xs):
    return f(1, key=len), sorted(xs, key=lambda v: -v, reverse=True)


def slicing(s):
    return s[1:], s[::-1], s[1:2:3], s[0]


def displays(a):
    return {"a": a, "b": 2}, {1, 2}, (a,), [a, [a]]


def fstrings(x, w):
    return f"{x!r:>{w}} and {x=}"


def with_and_del(path):
    with open(path) as f, open(path + ".bak", "w") as g:
        g.write(f.read())
    del f, g


def modules(x):
    return math.sqrt(x), os.path.join("a", "b"), ri(1, 6)


def while_else(n):
    while n > 0:
        n -= 1
    else:
        n = -1
    return n


def defaults(a, b=2, c="x"):
    return a, b, c

# CHECK-LABEL: func @<module>(
# CHECK:         %[[M:[0-9]+]] = import math : module
# CHECK-NEXT:    store_global math, %[[M]]
# import os.path loads os.path and binds os.
# CHECK-NEXT:    import os.path : module
# CHECK-NEXT:    %[[OS:[0-9]+]] = import os : module
# CHECK-NEXT:    store_global os, %[[OS]]
# CHECK-NEXT:    %[[R:[0-9]+]] = import random
# CHECK-NEXT:    %[[RI:[0-9]+]] = getattr %[[R]].randint {{.*}}; ri
# Defaults are evaluated when the def runs, and given to the function.
# CHECK:         %[[TWO:[0-9]+]] = const int 2 : int
# CHECK-NEXT:    %[[X:[0-9]+]] = const str 'x' : str
# CHECK-NEXT:    make_function @defaults, %[[TWO]], %[[X]] : func

# CHECK-LABEL: func @aug(
# The target's parts are evaluated once; the operator is in place.
# CHECK:         %[[I:[0-9]+]] = const int 0
# CHECK-NEXT:    %[[OLD:[0-9]+]] = getitem %1, %[[I]]
# CHECK-NEXT:    %[[ONE:[0-9]+]] = const int 1
# CHECK-NEXT:    %[[NEW:[0-9]+]] = binop += %[[OLD]], %[[ONE]]
# CHECK-NEXT:    setitem %1, %[[I]], %[[NEW]]
# CHECK:         binop //= 
# CHECK:         %[[A:[0-9]+]] = getattr %3.attr
# CHECK:         %[[S:[0-9]+]] = binop -= %[[A]],
# CHECK-NEXT:    setattr %3.attr, %[[S]]

# CHECK-LABEL: func @chained(
# b is evaluated once; the second comparison runs only if the first holds.
# CHECK:         %[[C1:[0-9]+]] = cmp < %1, %2 : bool
# CHECK-NEXT:    condbr %[[C1]], bb2, bb1
# CHECK:       bb1 (cmp.end):
# CHECK-NEXT:    %[[R:[0-9]+]] = phi [bb0: %[[C1]]], [bb2: %[[C2:[0-9]+]]] : bool
# CHECK:       bb2 (cmp.next):
# CHECK-NEXT:    %[[C2]] = cmp <= %2, %3 : bool

# CHECK-LABEL: func @boolean(
# a and b yields a or b itself, not a bool.
# CHECK:         condbr %1, bb3, bb2
# CHECK:       bb2 (and.end):
# CHECK-NEXT:    %[[AND:[0-9]+]] = phi [bb0: %1], [bb3: %2] : object {{.*}}; .and
# CHECK:         unary not %3 : bool

# CHECK-LABEL: func @cond(
# CHECK:         phi [bb1: %{{[0-9]+}}], [bb2: %{{[0-9]+}}] : str {{.*}}; .ifexp

# CHECK-LABEL: func @calls(
# CHECK:         call %1(%{{[0-9]+}}, key=%{{[0-9]+}}) : object
# CHECK:         %[[L:[0-9]+]] = make_function @lambda.1
# CHECK:         call %{{[0-9]+}}(%2, key=%[[L]], reverse=%{{[0-9]+}}) : list

# CHECK-LABEL: func @slicing(
# CHECK:         slice %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}} : slice
# CHECK-NEXT:    getitem %1, %{{[0-9]+}}

# CHECK-LABEL: func @displays(
# CHECK:         build_dict %{{[0-9]+}}, %1, %{{[0-9]+}}, %{{[0-9]+}} : dict[str, object]
# CHECK:         build_set %{{[0-9]+}}, %{{[0-9]+}} : set[int]
# CHECK:         build_tuple %1 : tuple
# CHECK:         build_list %1 : list

# CHECK-LABEL: func @fstrings(
# The spec is an f-string of its own; x= prints the text, then the repr.
# CHECK:         %[[SPEC:[0-9]+]] = join_str
# CHECK-NEXT:    %[[F:[0-9]+]] = format %1, %[[SPEC]] !r : str
# CHECK-NEXT:    %[[T:[0-9]+]] = const str ' and x=' : str
# CHECK-NEXT:    %[[R:[0-9]+]] = format %1 !r : str
# CHECK-NEXT:    join_str %[[F]], %[[T]], %[[R]] : str

# CHECK-LABEL: func @with_and_del(
# with a as f, b as g: is with a as f: with b as g:, exits in reverse.
# CHECK:         %[[A:[0-9]+]] = call %{{[0-9]+}}(%1) : file
# CHECK-NEXT:    %[[F:[0-9]+]] = with_enter %[[A]] : file {{.*}}; f
# CHECK:         %[[B:[0-9]+]] = call %{{[0-9]+}}(%{{[0-9]+}}, %{{[0-9]+}}) : file
# CHECK-NEXT:    with_enter %[[B]] : file {{.*}}; g
# del unbinds: the names become undefined (the with.end block prints first).
# CHECK:         undef f
# CHECK:         undef g
# CHECK:         with_exit %[[B]]
# CHECK:         with_exit %[[A]]
# CHECK:         ; region with s0 {{.*}}: head bb0 body bb1 exit bb2
# CHECK-NEXT:    ; region with s0 {{.*}}: head bb1 body bb3 exit bb4

# CHECK-LABEL: func @modules(
# CHECK:         %[[MATH:[0-9]+]] = load_global math
# CHECK-NEXT:    call_method %[[MATH]].sqrt(%1)
# CHECK:         %[[PATH:[0-9]+]] = getattr %{{[0-9]+}}.path
# CHECK:         call_method %[[PATH]].join(

# CHECK-LABEL: func @while_else(
# CHECK:       bb{{[0-9]+}} (while.else):
# CHECK:         ; region while s0 {{.*}}: head bb1 body bb2 else bb3 exit bb4
