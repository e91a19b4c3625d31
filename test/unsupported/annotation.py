# Annotations: of a parameter, of a return value, of a variable.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:12: error: unsupported: annotation{{$}}
# CHECK-NEXT: {{^}}def scale(x: float, k: int = 2) -> float:{{$}}
# CHECK-NEXT: {{^}}           ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:22: error: unsupported: annotation{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:33: error: unsupported: annotation{{$}}
# CHECK-NEXT: {{^}}def scale(x: float, k: int = 2) -> float:{{$}}
# CHECK-NEXT: {{^}}                                ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:6: error: unsupported: annotation{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:6: error: unsupported: annotation{{$}}
# CHECK: {{^}}5 errors generated.{{$}}
def scale(x: float, k: int = 2) -> float:
    return x * k
total: int = 0
names: list
