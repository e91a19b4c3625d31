# A try block with neither an except nor a finally clause: CPython says
# which blocks it expected.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:1: error: expected 'except' or 'finally' block{{$}}
# CHECK-NEXT: {{^}}print("done"){{$}}
# CHECK-NEXT: {{^}}^{{~*}}{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
try:
    x = int("1")
print("done")
