# What fits no rule is "invalid syntax", at the first token that cannot
# continue the statement (here the end of the line).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:8: error: invalid syntax{{$}}
# CHECK-NEXT: {{^}}a = 1 +{{$}}
# CHECK-NEXT: {{^}}       ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: invalid syntax{{$}}
# CHECK-NEXT: {{^}}b = = 2{{$}}
# CHECK-NEXT: {{^}}    ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:7: error: invalid syntax{{$}}
# CHECK-NEXT: {{^}}c = 1 2{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
a = 1 +
b = = 2
c = 1 2
