# \x, \u and \U need exactly 2, 4 and 8 hex digits; the error points at
# the backslash of the escape.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+13]]:8: error: truncated \xXX escape{{$}}
# CHECK-NEXT: {{^}}a = "ok\x4"{{$}}
# CHECK-NEXT: {{^}}       ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:6: error: truncated \uXXXX escape{{$}}
# CHECK-NEXT: {{^}}b = "\u12g4"{{$}}
# CHECK-NEXT: {{^}}     ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:7: error: truncated \UXXXXXXXX escape{{$}}
# CHECK-NEXT: {{^}}c = f"\U0001F60{x}"{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
x = 1
# A raw string keeps the backslash: no escape, no error.
ok = r"\x4"
a = "ok\x4"
b = "\u12g4"
c = f"\U0001F60{x}"
