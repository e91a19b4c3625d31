# break outside any loop.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:9: error: 'break' outside loop{{$}}
# CHECK-NEXT: {{^}}        break{{$}}
# CHECK-NEXT: {{^}}        ^~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(x):
    if x:
        break
