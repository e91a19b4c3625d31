# Decorators, one error for a stack of them, on a def.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:1: error: unsupported: decorator{{$}}
# CHECK-NEXT: {{^}}@cache{{$}}
# CHECK-NEXT: {{^}}^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
import math
@cache
@wraps(math.sqrt)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
