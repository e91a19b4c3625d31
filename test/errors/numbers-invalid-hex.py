# A base prefix must be followed by a digit of its base.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+12]]:5: error: invalid hexadecimal literal{{$}}
# CHECK-NEXT: {{^}}a = 0x{{$}}
# CHECK-NEXT: {{^}}    ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:5: error: invalid hexadecimal literal{{$}}
# CHECK-NEXT: {{^}}b = 0xg1{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:5: error: invalid hexadecimal literal{{$}}
# CHECK-NEXT: {{^}}c = 0X_{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: invalid octal literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: invalid binary literal{{$}}
# CHECK-NEXT: {{^}}e = 0b{{$}}
# CHECK: {{^}}5 errors generated.{{$}}
ok = [0xFF, 0X_1F, 0o17, 0b1_0]
a = 0x
b = 0xg1
c = 0X_
d = 0o
e = 0b
