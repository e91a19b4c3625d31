# A nonzero decimal integer may not start with 0; 00, 0_0 and floats such
# as 012.5 or 09e1 are fine.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:12: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers{{$}}
# CHECK-NEXT: {{^}}mode = [0, 0755]{{$}}
# CHECK-NEXT: {{^}}           ^~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers{{$}}
# CHECK-NEXT: {{^}}x = 0_7{{$}}
# CHECK-NEXT: {{^}}    ^~~{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
zeros = [00, 0_0, 000, 012.5, 09e1, 0.0]
mode = [0, 0755]
x = 0_7
