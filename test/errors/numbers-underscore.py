# '_' may only stand between digits: not at the end, not doubled.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+13]]:5: error: invalid decimal literal{{$}}
# CHECK-NEXT: {{^}}a = 1_{{$}}
# CHECK-NEXT: {{^}}    ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:5: error: invalid decimal literal{{$}}
# CHECK-NEXT: {{^}}b = 1__000{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:5: error: invalid decimal literal{{$}}
# CHECK-NEXT: {{^}}c = 1.5_{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:5: error: invalid decimal literal{{$}}
# CHECK-NEXT: {{^}}d = 1e5_{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: invalid decimal literal{{$}}
# CHECK-NEXT: {{^}}e = 1e{{$}}
# CHECK: {{^}}5 errors generated.{{$}}
ok = [1_000, 1_0.5e1_0, 0_0]
a = 1_
b = 1__000
c = 1.5_
d = 1e5_
e = 1e
