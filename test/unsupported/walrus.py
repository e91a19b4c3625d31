# Assignment expressions, in a condition and in a call.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:7: error: unsupported: assignment expression (':='){{$}}
# CHECK-NEXT: {{^}}if (n := len(xs)) > 1:{{$}}
# CHECK-NEXT: {{^}}      ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:9: error: unsupported: assignment expression (':='){{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:13: error: unsupported: assignment expression (':='){{$}}
# CHECK: {{^}}3 errors generated.{{$}}
xs = [1, 2]
if (n := len(xs)) > 1:
    print(n)
print(y := 2)
while chunk := xs.pop():
    pass
