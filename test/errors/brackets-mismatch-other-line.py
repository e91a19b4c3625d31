# When the opening bracket is on an earlier line, the message names it.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:8: error: closing parenthesis ')' does not match opening parenthesis '{' on line [[@LINE+4]]{{$}}
# CHECK-NEXT: {{^}}    "b"){{$}}
# CHECK-NEXT: {{^}}       ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
d = {"a":
    1,
    "b")
