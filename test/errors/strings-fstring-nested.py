# A format spec may hold fields one level deep only. A field nested deeper
# is one error, reported once.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+5]]:{{[0-9]+}}: error: f-string: expressions nested too deeply
# CHECK-NOT: error:
# CHECK: 1 error generated.
a, b, c = 1.5, 8, 2
ok = f"{a:{b}.{c}}"
bad = f"{a:{b:{c}}}"
