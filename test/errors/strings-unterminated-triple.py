# A triple-quoted string still open at the end of the file. CPython counts
# the lines the file has: a file of two lines ending in a newline is
# "detected at line 2", not at a third, empty line.
# RUN: printf "x = '''abc\ny = 1\n" > %t.newline.py
# RUN: not %surgec -fsyntax-only %t.newline.py 2>&1 | FileCheck %s --strict-whitespace -DFILE=%t.newline.py
# RUN: printf "x = '''abc\ny = 1" > %t.no-newline.py
# RUN: not %surgec -fsyntax-only %t.no-newline.py 2>&1 | FileCheck %s --strict-whitespace -DFILE=%t.no-newline.py

# CHECK: {{^}}[[FILE]]:1:5: error: unterminated triple-quoted string literal (detected at line 2){{$}}
# CHECK-NEXT: {{^}}x = '''abc{{$}}
# CHECK-NEXT: {{^}}    ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
