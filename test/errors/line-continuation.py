# A backslash continues a line only when the line ends right after it.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:11: error: unexpected character after line continuation character{{$}}
# CHECK-NEXT: {{^}}total = 1 \ + 2{{$}}
# CHECK-NEXT: {{^}}          ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
ok = 1 + \
    2
total = 1 \ + 2
