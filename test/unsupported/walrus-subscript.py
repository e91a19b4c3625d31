# An assignment expression as a subscript (valid since Python 3.10) is the
# same unsupported construct, and is reported as such, not as "invalid
# syntax".
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+4]]:6: error: unsupported: assignment expression (':=')
# CHECK-NOT: invalid syntax
# CHECK: 1 error generated.
xs = [1, 2]
xs[i := 0]
