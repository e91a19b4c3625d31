# A positional argument after a keyword argument; the caret is under the
# positional one.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:27: error: positional argument follows keyword argument{{$}}
# CHECK-NEXT: {{^}}print("a", "b", sep=", ", "c"){{$}}
# CHECK-NEXT: {{^}}                          ^~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
print("a", "b", sep=", ")
print("a", "b", sep=", ", "c")
