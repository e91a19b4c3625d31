# A block opener on the last line of the file: the error points just past
# the colon, on that last line (CPython: 2:9 for "x = 1\ndef f():\n"), not at
# a line after the final newline, which the file does not have.
# RUN: printf 'x = 1\ndef f():\n' > %t.py
# RUN: not %surgec -fsyntax-only %t.py 2>&1 | FileCheck %s --strict-whitespace -DFILE=%t.py

# CHECK: {{^}}[[FILE]]:2:9: error: expected an indented block after function definition on line 2{{$}}
# CHECK-NEXT: {{^}}def f():{{$}}
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
