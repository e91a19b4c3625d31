# A closing bracket of the wrong kind, on the line of the opening one.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:7: error: closing parenthesis ']' does not match opening parenthesis '('{{$}}
# CHECK-NEXT: {{^}}x = (1]{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
x = (1]
