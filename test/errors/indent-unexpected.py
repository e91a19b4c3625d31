# A line indented deeper than the statement before it, outside any block.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:5: error: unexpected indent{{$}}
# CHECK-NEXT: {{^}}    y = 2{{$}}
# CHECK-NEXT: {{^}}    ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
x = 1
    y = 2
z = 3
