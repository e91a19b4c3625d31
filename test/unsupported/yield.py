# Generator functions: yield, yield from, and yield as an expression.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:5: error: unsupported: 'yield' (generator functions){{$}}
# CHECK-NEXT: {{^}}    yield 1{{$}}
# CHECK-NEXT: {{^}}    ^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: unsupported: 'yield' (generator functions){{$}}
# CHECK-NEXT: {{^}}    yield from range(3){{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:9: error: unsupported: 'yield' (generator functions){{$}}
# CHECK-NEXT: {{^}}    x = yield{{$}}
# CHECK-NEXT: {{^}}        ^~~~~{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
def gen():
    yield 1
    yield from range(3)
    x = yield
    return x
