# return at module level, also inside an if or a loop there.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: 'return' outside function{{$}}
# CHECK-NEXT: {{^}}    return x{{$}}
# CHECK-NEXT: {{^}}    ^~~~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(x):
    return x
x = 1
if x:
    return x
