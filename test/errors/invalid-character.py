# A character that cannot start any token is named with its code point.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:7: error: invalid character '?' (U+003F){{$}}
# CHECK-NEXT: {{^}}y = x ? 1 : 2{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:5: error: invalid character '$' (U+0024){{$}}
# CHECK-NEXT: {{^}}z = $x{{$}}
# CHECK: {{^}}2 errors generated.{{$}}
x = 1
y = x ? 1 : 2
z = $x
