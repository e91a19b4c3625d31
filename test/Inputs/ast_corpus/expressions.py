# Expressions: operators, precedence, comparisons, boolean logic,
# conditional expressions, lambdas, calls, attributes, subscripts, slices.
import math

a, b, c, n = 7, 2, 5, 3
xs = list(range(10))

# Every binary operator, and precedence and associativity.
arith = a + b - c * n / b // c % n ** 2
bits = a & b | c ^ n << 1 >> 2
q = (7 // 2, -7 // 2, 7 % -2, 7 / 2, 2 ** 100, -3, +4, ~5)
power = -2 ** -1 ** 2
mixed = (a + b) * (c - n) / ((a))
grouped = ((a + b) * c) ** (n - 1)
unary = - a + + b - ~ c
nots = not not a
neg_lit = -1, - 1, -(1), - -1
sub_chain = a - b - c - n
pow_chain = a ** b ** c

# Comparisons, chained.
ok = 0 <= a < 10 and a != 7 and a is not None and a in [1, 5] and 3 not in []
chain = a < b <= c > n >= 0 == a != b is not None
mem = a in xs, a not in xs, a is b, a is not b
cmp_paren = (a < b) < c

# Boolean chains, with and without parentheses.
b1 = a and b and c
b2 = a or b or c
b3 = a and b or c and n
b4 = (a or b) and (c or n)
b5 = (a and b) and c
b6 = a and (b and c)
b7 = a or (b or c) or n
b8 = not a or not b and c
b9 = (not a) or (not (b and c))

# Conditional expressions, nested both ways.
grade = "A" if a >= 90 else "B" if a >= 80 else "C"
inner = (a if b else c) if n else (b if c else a)
cond_lambda = (lambda: 1) if a else (lambda: 2)

# Lambdas: no parameters, positional ones, defaults, nested.
f0 = lambda: 0
f1 = lambda x: x * 2
f2 = lambda x, k=2: x * k
f3 = lambda x, y=1, z=a + b: (x, y, z)
f4 = lambda x: lambda y: x + y
f5 = lambda x,: x

# Calls: positional, keyword, both, trailing commas, nested, chained.
print("a", "b", sep=",", end="\n")
print()
print(a,)
print(a, sep="",)
ranked = sorted([3, 1, 2], reverse=True)
words = " Hello World ".strip().lower().split()
r = math.sqrt(2) * math.pi + math.floor(2.5)
nested = max(min(a, b), abs(-c), key=None)
chained = str(a).zfill(3).upper()[0]
spaced = max ( a , b )
called = (lambda x: x)(1)
multi_line = max(
    a,
    b,
    default=0,
)

# Attributes, subscripts and slices of every shape.
first, last = xs[0], xs[-1]
part = xs[2:8:2] + xs[:3] + xs[7:] + xs[::-1] + xs[:] + xs[::]
more = xs[1:] + xs[:-1] + xs[1:2] + xs[1::2] + xs[:5:2] + xs[::2] + xs[a:b:c]
spaced_slices = xs[ : ] + xs[ 1 : ] + xs[ : 2 ] + xs[ :: 3 ] + xs[ 1 : 2 : 3 ]
expr_slices = xs[a - 1:b + 1] + xs[len(xs) // 2:] + xs[-n:]
cell = {(0, 1): "x"}[0, 1]
m = {(1, 2): 3, (1, 2, 3): 4, ((1, 2),): 5}
t1 = m[1, 2] + m[(1, 2)] + m[1, 2, 3] + m[(1, 2),]
grid = [[1, 2], [3, 4]]
g = grid[0][1] + grid[-1][-1]
attr = words[0].upper().lower
sub_attr = math.pi.real


def matrix_slices(mat):
    # Tuple subscripts holding slices (numpy style; never called here).
    return mat[1:2, ::3], mat[:, 0], mat[0, :], mat[1:, :-1]
