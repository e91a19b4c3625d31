# The same parameter name twice, in a def and in a lambda.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:15: error: duplicate argument 'x' in function definition{{$}}
# CHECK-NEXT: {{^}}def f(x, y=1, x=2):{{$}}
# CHECK-NEXT: {{^}}              ^~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:15: error: duplicate argument 'a' in function definition{{$}}
# CHECK-NEXT: {{^}}g = lambda a, a: a{{$}}
# CHECK-NEXT: {{^}}              ^{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
def f(x, y=1, x=2):
    return x
g = lambda a, a: a
