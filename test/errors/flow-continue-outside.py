# continue outside any loop.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:1: error: 'continue' not properly in loop{{$}}
# CHECK-NEXT: {{^}}continue{{$}}
# CHECK-NEXT: {{^}}^~~~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
continue
