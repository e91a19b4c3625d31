# Complex (imaginary) literals.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:9: error: unsupported: complex literal{{$}}
# CHECK-NEXT: {{^}}z = 1 + 2j{{$}}
# CHECK-NEXT: {{^}}        ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:6: error: unsupported: complex literal{{$}}
# CHECK-NEXT: {{^}}w = [1.5J, 1e3j, 1_0j]{{$}}
# CHECK-NEXT: {{^}}     ^~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:12: error: unsupported: complex literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:18: error: unsupported: complex literal{{$}}
# CHECK-NEXT: {{^}}w = [1.5J, 1e3j, 1_0j]{{$}}
# CHECK-NEXT: {{^}}                 ^~~~{{$}}
# CHECK-NEXT: {{^}}4 errors generated.{{$}}
z = 1 + 2j
w = [1.5J, 1e3j, 1_0j]
