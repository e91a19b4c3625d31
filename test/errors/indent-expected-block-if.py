# A block opener followed by a line that is not indented deeper.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:1: error: expected an indented block after 'if' statement on line [[@LINE+5]]{{$}}
# CHECK-NEXT: {{^}}print(x){{$}}
# CHECK-NEXT: {{^}}^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
x = 1
if x > 0:
print(x)
