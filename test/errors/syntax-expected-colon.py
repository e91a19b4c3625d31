# A block opener without its ':'; the caret is just past the header. Each
# is reported and the parse goes on.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:9: error: expected ':'{{$}}
# CHECK-NEXT: {{^}}if x > 1{{$}}
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:12: error: expected ':'{{$}}
# CHECK-NEXT: {{^}}def f(a, b){{$}}
# CHECK-NEXT: {{^}}           ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:22: error: expected ':'{{$}}
# CHECK-NEXT: {{^}}    for i in range(3){{$}}
# CHECK-NEXT: {{^}}                     ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
x = 2
if x > 1
    print(x)
def f(a, b)
    return a
def g():
    for i in range(3)
        print(i)
