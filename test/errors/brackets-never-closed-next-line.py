# The usual shape of a forgotten ')': the next statement is swallowed into
# the bracket. CPython reports only "'(' was never closed"; a leading
# "invalid syntax" at the '=' of the next line would be fallout.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK-NOT: invalid syntax
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:10: error: '(' was never closed{{$}}
# CHECK-NEXT: {{^}}total = f(1, 2{{$}}
# CHECK-NEXT: {{^}}         ^{{$}}
# CHECK-NOT: error:
# CHECK: {{^}}1 error generated.{{$}}
total = f(1, 2
count = 3
