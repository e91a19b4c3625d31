# The Ellipsis literal, as a placeholder body and as a subscript.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:5: error: unsupported: Ellipsis{{$}}
# CHECK-NEXT: {{^}}    ...{{$}}
# CHECK-NEXT: {{^}}    ^~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:10: error: unsupported: Ellipsis{{$}}
# CHECK: {{^}}2 errors generated.{{$}}
def todo():
    ...
x = todo[...]
