# '**' in a dict display.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:11: error: unsupported: dict unpacking ('**'){{$}}
# CHECK-NEXT: {{^}}merged = {**a, "k": 1, **a}{{$}}
# CHECK-NEXT: {{^}}          ^~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+3]]:24: error: unsupported: dict unpacking ('**'){{$}}
# CHECK: {{^}}2 errors generated.{{$}}
a = {"x": 1}
merged = {**a, "k": 1, **a}
