# A closing bracket with nothing open; each kind is named.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:6: error: unmatched ')'{{$}}
# CHECK-NEXT: {{^}}x = 1){{$}}
# CHECK-NEXT: {{^}}     ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:8: error: unmatched ']'{{$}}
# CHECK-NEXT: {{^}}y = [1]]{{$}}
# CHECK-NEXT: {{^}}       ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:5: error: unmatched '}'{{$}}
# CHECK-NEXT: {{^}}z = }{{$}}
# CHECK-NEXT: {{^}}    ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
x = 1)
y = [1]]
z = }
