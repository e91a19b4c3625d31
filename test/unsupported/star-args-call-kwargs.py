# '**' in a call.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:12: error: unsupported: star-args ('**' in a call){{$}}
# CHECK-NEXT: {{^}}print("x", **kw){{$}}
# CHECK-NEXT: {{^}}           ^~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
kw = {"sep": ","}
print("x", **kw)
