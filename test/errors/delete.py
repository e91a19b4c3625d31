# del takes names, items, slices, attributes and tuples or lists of them.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+13]]:5: error: cannot delete function call{{$}}
# CHECK-NEXT: {{^}}del f(){{$}}
# CHECK-NEXT: {{^}}    ^~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:5: error: cannot delete literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:5: error: cannot delete expression{{$}}
# CHECK-NEXT: {{^}}del x + 1{{$}}
# CHECK-NEXT: {{^}}    ^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:9: error: cannot delete function call{{$}}
# CHECK-NEXT: {{^}}del (x, f()){{$}}
# CHECK-NEXT: {{^}}        ^~~{{$}}
# CHECK: {{^}}4 errors generated.{{$}}
x, xs, d = 1, [1, 2, 3], {"k": 1}
del xs[0], xs[1:], d["k"], (x), [xs]
del f()
del 1
del x + 1
del (x, f())
