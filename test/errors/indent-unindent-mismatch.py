# Dedenting to a column that no enclosing block uses.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:7: error: unindent does not match any outer indentation level{{$}}
# CHECK-NEXT: {{^}}      b = 2{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f(x):
    if x:
        a = 1
      b = 2
    return x
