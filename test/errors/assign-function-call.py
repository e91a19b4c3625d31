# Assigning to a call. As the lone target of '=' it may be a typo for '==',
# and the message says so; elsewhere (a chain, a for target) it does not.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+12]]:1: error: cannot assign to function call here. Maybe you meant '==' instead of '='?{{$}}
# CHECK-NEXT: {{^}}f() = 1{{$}}
# CHECK-NEXT: {{^}}^~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:5: error: cannot assign to function call{{$}}
# CHECK-NEXT: {{^}}x = f() = 1{{$}}
# CHECK-NEXT: {{^}}    ^~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: cannot assign to function call{{$}}
# CHECK-NEXT: {{^}}for g(x) in range(3):{{$}}
# CHECK-NEXT: {{^}}    ^~~~{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
def f():
    return 0
f() = 1
x = f() = 1
for g(x) in range(3):
    pass
