# Bytes literals, with any prefix spelling.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:8: error: unsupported: bytes literal{{$}}
# CHECK-NEXT: {{^}}data = b"abc"{{$}}
# CHECK-NEXT: {{^}}       ^~~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:8: error: unsupported: bytes literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:16: error: unsupported: bytes literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:24: error: unsupported: bytes literal{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:8: error: unsupported: bytes literal{{$}}
# CHECK: {{^}}5 errors generated.{{$}}
data = b"abc"
raw = [rb"\d", Br'\w', bR"x"]
long = B'''a
b'''
