# After 20 errors surgec stops with a fatal error; the count is 20.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s
# RUN: not %surgec -fsyntax-only %s 2>&1 | grep -c ': error: ' | FileCheck %s --check-prefix=COUNT

# CHECK: [[FILE]]:[[@LINE+8]]:10: error: invalid syntax
# CHECK: [[FILE]]:[[@LINE+26]]:10: error: invalid syntax
# CHECK-NEXT: {{^}}x20 = 1 +{{$}}
# CHECK-NEXT: {{^ *}}^{{$}}
# CHECK-NEXT: {{^}}[[FILE]]: fatal error: too many errors emitted, stopping now{{$}}
# CHECK-NEXT: {{^}}20 errors generated.{{$}}
# CHECK-NOT: x21
# COUNT: {{^}}20{{$}}
x01 = 1 +
x02 = 1 +
x03 = 1 +
x04 = 1 +
x05 = 1 +
x06 = 1 +
x07 = 1 +
x08 = 1 +
x09 = 1 +
x10 = 1 +
x11 = 1 +
x12 = 1 +
x13 = 1 +
x14 = 1 +
x15 = 1 +
x16 = 1 +
x17 = 1 +
x18 = 1 +
x19 = 1 +
x20 = 1 +
x21 = 1 +
x22 = 1 +
x23 = 1 +
