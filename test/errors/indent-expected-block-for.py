# Blank and comment lines between a 'for' and its body do not count: the
# error is at the first real line, whatever the comment's indentation.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:1: error: expected an indented block after 'for' statement on line [[@LINE+4]]{{$}}
# CHECK-NEXT: {{^}}total = 0{{$}}
# CHECK-NEXT: {{^}}^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
for i in range(3):

        # a comment, deeper than the body would be

total = 0
