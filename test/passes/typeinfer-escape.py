# typeinfer stays sound: what may differ between executions, or what
# unknown code may touch, stays object. Lowering's local guess is shown
# where it was wrong (LOWER) and the pass fixes it.
# RUN: %surgec -passes=typeinfer -print-ir %s | FileCheck %s
# RUN: %surgec -print-ir %s | FileCheck %s --check-prefix=LOWER
# RUN: %surgec -passes=typeinfer -print-ir %s | FileCheck %s --check-prefix=MOD

# Passed as a value: the calls through `f` are not seen, so the
# parameters may be anything, and so may the result.
# CHECK-LABEL: func @double(
# CHECK: param 0 : object
# CHECK: binop + {{.*}} : object
def double(v):
    return v + v


# Appends a str to whatever list it is given, through an unknown call.
# CHECK-LABEL: func @add_str(
# CHECK: param 0 : object
def add_str(xs):
    xs.append("s")


# CHECK-LABEL: func @apply(
# CHECK: call {{.*}} : object
def apply(f, v):
    return f(v)


# A list stored in another list and changed through it: both widen.
# CHECK-LABEL: func @nested(
# CHECK: build_list {{.*}} : list {{.*}}; a
# CHECK: getitem {{.*}} : object
def nested():
    a = [1]
    b = [a]
    b[0].append("s")
    return a[0]


# The sum of floats is 0 (an int) when there are none: int or float.
# CHECK-LABEL: func @fsum(
# CHECK: call {{.*}} : object
def fsum(xs):
    return sum(xs)


# A builtin's name bound later by the module: before that, it is the builtin.
# CHECK-LABEL: func @early(
# CHECK: load_global max : object
def early():
    return max


# A name bound to an int and to a str.
# CHECK-LABEL: func @either(
# CHECK: load_global X : object
def either():
    return X


# Lowering typed row[1] float from [0.0] * 3; "x" was stored since.
# LOWER: binop * {{.*}} : list[float] {{.*}}; row
# LOWER: getitem {{.*}} : float
# MOD-LABEL: func @<module>(
# MOD: binop * {{.*}} : list {{.*}}; row
# MOD: getitem {{.*}} : object
# MOD: binop ** {{.*}} : int
# MOD: binop ** {{.*}} : object
# MOD: binop & {{.*}} : bool
# MOD: call {{.*}} : object {{.*}}; raw
# The list handed to add_str through an unknown call: its items are unknown.
# MOD: build_list {{.*}} : list {{.*}}; ys
row = [0.0] * 3
row[0] = "x"
print(row[1], 2 ** 10, 2 ** -1, True & False)
raw = open(__file__, "rb")
raw.close()
X = 1
X = "s"
fs = [add_str]
ys = [1.5]
fs[0](ys)
print(apply(double, 3), double(4), nested(), fsum([0.5]), early(), either(), ys)
max = 5
