# With a comment after the header, the missing ':' is reported where the
# comment starts (CPython: column 20 here), not past the comment's end.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:20: error: expected ':'{{$}}
# CHECK-NEXT: {{^}}for i in range(3)  # count to three{{$}}
# CHECK-NEXT: {{^}}                   ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
for i in range(3)  # count to three
    print(i)
