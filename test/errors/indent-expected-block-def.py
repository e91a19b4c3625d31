# The message names a def as "function definition", and the line of the
# def, not that of the line that should have been indented.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:1: error: expected an indented block after function definition on line [[@LINE+4]]{{$}}
# CHECK-NEXT: {{^}}return 1{{$}}
# CHECK-NEXT: {{^}}^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(a,
      b=2):
return 1
