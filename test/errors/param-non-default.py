# A parameter without a default after one with a default, in a def and in
# a lambda.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:20: error: non-default argument follows default argument{{$}}
# CHECK-NEXT: {{^}}def f(a, b=1, c=2, d):{{$}}
# CHECK-NEXT: {{^}}                   ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:21: error: non-default argument follows default argument{{$}}
# CHECK-NEXT: {{^}}scale = lambda k=2, x: x * k{{$}}
# CHECK-NEXT: {{^}}                    ^{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
def f(a, b=1, c=2, d):
    return a
scale = lambda k=2, x: x * k
