# A bracket still open at the end of the file is reported where it opened.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:12: error: '[' was never closed{{$}}
# CHECK-NEXT: {{^}}    rows = [1, 2,{{$}}
# CHECK-NEXT: {{^}}           ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def f():
    rows = [1, 2,
            3, 4,
