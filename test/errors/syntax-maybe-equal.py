# '=' in an if, elif or while condition is most likely a typo for '=='.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:6: error: invalid syntax; maybe you meant '==' instead of '='?{{$}}
# CHECK-NEXT: {{^}}if x = 1:{{$}}
# CHECK-NEXT: {{^}}     ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:8: error: invalid syntax; maybe you meant '==' instead of '='?{{$}}
# CHECK-NEXT: {{^}}elif x = 2:{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:9: error: invalid syntax; maybe you meant '==' instead of '='?{{$}}
# CHECK-NEXT: {{^}}while x = 3:{{$}}
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
x = 0
if x = 1:
    pass
if x == 0:
    pass
elif x = 2:
    pass
while x = 3:
    pass
