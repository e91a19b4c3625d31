# The nonlocal statement.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:9: error: unsupported: 'nonlocal' statement{{$}}
# CHECK-NEXT: {{^}}        nonlocal n{{$}}
# CHECK-NEXT: {{^}}        ^~~~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
    return inc
