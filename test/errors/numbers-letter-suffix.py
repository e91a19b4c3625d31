# Letters run into a number make an invalid literal of the number's base,
# as CPython says, not an "invalid syntax" at the letters.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+6]]:{{[0-9]+}}: error: invalid decimal literal
# CHECK: [[FILE]]:[[@LINE+6]]:{{[0-9]+}}: error: invalid decimal literal
# CHECK: [[FILE]]:[[@LINE+6]]:{{[0-9]+}}: error: invalid hexadecimal literal
# CHECK: [[FILE]]:[[@LINE+6]]:{{[0-9]+}}: error: invalid octal literal
# CHECK-NOT: invalid syntax
# CHECK: 4 errors generated.
a = 123abc
b = 1.5e3x
c = 0x1fg
d = 0o17a
