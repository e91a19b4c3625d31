# A forgotten ']' inside a call: ')' does not match '[', and that is the
# one mistake. The '(' the ')' was meant for must not be reported as never
# closed as well (CPython reports the mismatch alone).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:16: error: closing parenthesis ')' does not match opening parenthesis '['{{$}}
# CHECK-NEXT: {{^}}print(len([1, 2){{$}}
# CHECK-NEXT: {{^}}               ^{{$}}
# CHECK-NOT: never closed
# CHECK: {{^}}1 error generated.{{$}}
print(len([1, 2)
