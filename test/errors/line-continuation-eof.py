# A backslash on the last line of the file has no line to continue onto:
# CPython reports "unexpected EOF while parsing", whether or not a newline
# follows the backslash.
# RUN: printf 'x = 1\\\n' > %t.newline.py
# RUN: not %surgec -fsyntax-only %t.newline.py 2>&1 | FileCheck %s -DFILE=%t.newline.py
# RUN: printf 'x = 1\\' > %t.no-newline.py
# RUN: not %surgec -fsyntax-only %t.no-newline.py 2>&1 | FileCheck %s -DFILE=%t.no-newline.py

# CHECK: [[FILE]]:1:{{[0-9]+}}: error: unexpected EOF while parsing
# CHECK: 1 error generated.
