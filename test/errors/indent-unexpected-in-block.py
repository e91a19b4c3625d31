# An unexpected indent inside a function body is one error: the recovery
# must not report the block's end as a second, "unexpected unindent", error.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:9: error: unexpected indent{{$}}
# CHECK-NEXT: {{^}}        y = 2{{$}}
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NOT: unindent
# CHECK: {{^}}1 error generated.{{$}}
def f():
    x = 1
        y = 2
    return x
