# A missing ':' on a header is one mistake: the 'else', 'elif' or 'except'
# clause that follows it is valid and must not be reported as "invalid
# syntax" too (CPython reports the ':' alone).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+4]]:5: error: expected ':'
# CHECK-NOT: invalid syntax
# CHECK: 1 error generated.
x = 1
if x
    y = 1
else:
    y = 2
