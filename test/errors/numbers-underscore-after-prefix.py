# A trailing '_' after the digits of a hex, octal or binary literal is the
# same mistake as in 1_, and CPython names the literal's base. Reporting
# the '_' as "invalid syntax" hides what is wrong.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+5]]:{{[0-9]+}}: error: invalid hexadecimal literal
# CHECK: [[FILE]]:[[@LINE+5]]:{{[0-9]+}}: error: invalid octal literal
# CHECK: [[FILE]]:[[@LINE+5]]:{{[0-9]+}}: error: invalid binary literal
# CHECK-NOT: invalid syntax
# CHECK: 3 errors generated.
a = 0xFF_
b = 0o17_
c = 0b10_
