# '*' in a call.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:7: error: unsupported: star-args ('*' in a call){{$}}
# CHECK-NEXT: {{^}}print(*xs){{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:10: error: unsupported: star-args ('*' in a call){{$}}
# CHECK: {{^}}2 errors generated.{{$}}
xs = [1, 2]
print(*xs)
print(1, *xs, sep="")
