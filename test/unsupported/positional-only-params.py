# A '/' that makes the parameters before it positional-only.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:10: error: unsupported: positional-only parameters{{$}}
# CHECK-NEXT: {{^}}def f(a, /, b):{{$}}
# CHECK-NEXT: {{^}}         ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(a, /, b):
    return a + b
