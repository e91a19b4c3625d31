# eval, called or only named.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:5: error: unsupported: builtin 'eval'{{$}}
# CHECK-NEXT: {{^}}x = eval("1 + 2"){{$}}
# CHECK-NEXT: {{^}}    ^~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:7: error: unsupported: builtin 'eval'{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:10: error: unsupported: builtin 'eval'{{$}}
# CHECK: {{^}}3 errors generated.{{$}}
x = eval("1 + 2")
run = eval
print(f"{eval('x')}")
