# The matrix multiplication operator, plain and augmented.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:7: error: unsupported: '@' operator{{$}}
# CHECK-NEXT: {{^}}c = a @ b{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:3: error: unsupported: '@' operator{{$}}
# CHECK-NEXT: {{^}}a @= b{{$}}
# CHECK-NEXT: {{^}}  ^~{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
a, b = [[1]], [[2]]
c = a @ b
a @= b
