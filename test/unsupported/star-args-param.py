# A '*args' parameter, in a def and in a lambda.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:14: error: unsupported: star-args ('*args' parameter){{$}}
# CHECK-NEXT: {{^}}def total(a, *rest):{{$}}
# CHECK-NEXT: {{^}}             ^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:12: error: unsupported: star-args ('*args' parameter){{$}}
# CHECK: {{^}}2 errors generated.{{$}}
def total(a, *rest):
    return a
f = lambda *xs: 0
