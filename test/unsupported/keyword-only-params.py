# A bare '*' that makes the parameters after it keyword-only.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:10: error: unsupported: keyword-only parameters{{$}}
# CHECK-NEXT: {{^}}def f(a, *, b=2):{{$}}
# CHECK-NEXT: {{^}}         ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(a, *, b=2):
    return a + b
