# Starred expressions: in an assignment target, a display, a for target.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:8: error: unsupported: starred expression{{$}}
# CHECK-NEXT: {{^}}first, *rest = xs{{$}}
# CHECK-NEXT: {{^}}       ^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:9: error: unsupported: starred expression{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:14: error: unsupported: starred expression{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:8: error: unsupported: starred expression{{$}}
# CHECK: {{^}}4 errors generated.{{$}}
xs = [1, 2, 3]
first, *rest = xs
both = [*xs, *xs]
for a, *b in [xs]:
    pass
