# The same keyword twice in one call.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:21: error: keyword argument repeated: key{{$}}
# CHECK-NEXT: {{^}}sorted(xs, key=len, key=str, reverse=True){{$}}
# CHECK-NEXT: {{^}}                    ^~~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
sorted(xs, key=len, key=str, reverse=True)
