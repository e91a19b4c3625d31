# constfold computes what CPython 3.11 would, and leaves alone what must
# raise or could overflow at run time.
# RUN: %surgec -passes=constfold,dce -print-ir %s | FileCheck %s

a = 7 // -2
b = -7 % 3
c = 1 / 0
d = 2 ** 62
e = 2 ** 63
f = 2 ** -1
g = 0.1 + 0.2
h = 1e15 * 10
i = "ab" + "cd"
j = True + True
k = 1 < 2 < 3
m = not ""
print(a, b, c, d, e, f, g, h, i, j, k, m)

# CHECK-LABEL: func @<module>(
# CHECK:         const int -4 : int {{.*}}; a
# CHECK:         const int 2 : int {{.*}}; b
# 1 / 0 must raise ZeroDivisionError when the program runs.
# CHECK:         binop / %{{[0-9]+}}, %{{[0-9]+}} : float {{.*}}; c
# CHECK:         const int 4611686018427387904 : int {{.*}}; d
# Past int64, and negative exponents (floats), stay for run time.
# CHECK:         binop ** %{{[0-9]+}}, %{{[0-9]+}} : object {{.*}}; e
# CHECK:         binop ** %{{[0-9]+}}, %{{[0-9]+}} : object {{.*}}; f
# CHECK:         const float 0.30000000000000004 : float {{.*}}; g
# CHECK:         const float 1e+16 : float {{.*}}; h
# CHECK:         const str 'abcd' : str {{.*}}; i
# CHECK:         const int 2 : int {{.*}}; j
# CHECK:         const true : bool {{.*}}; m
