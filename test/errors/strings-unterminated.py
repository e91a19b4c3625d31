# A single-quoted string that reaches the end of its line.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:8: error: unterminated string literal (detected at line [[@LINE+5]]){{$}}
# CHECK-NEXT: {{^}}name = 'ada{{$}}
# CHECK-NEXT: {{^}}       ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
print("before")
name = 'ada
print("after")
