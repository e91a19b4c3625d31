# Identifiers are ASCII only; non-ASCII text in strings and comments (é)
# is fine.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:1: error: unsupported: non-ASCII identifier{{$}}
# CHECK-NEXT: {{^}}café = "café"{{$}}
# CHECK-NEXT: {{^}}^{{~*$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:7: error: unsupported: non-ASCII identifier{{$}}
# CHECK-NEXT: {{^}}print(naïve){{$}}
# CHECK-NEXT: {{^}}      ^{{~*$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
café = "café"
print(naïve)
