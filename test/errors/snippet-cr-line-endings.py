# Old Mac line endings (a lone CR) end lines as LF and CRLF do, for the
# line numbers and for the source line printed under an error.
# RUN: printf 'x = 1\ry = (1]\rz = 3\r' > %t.py
# RUN: not %surgec -fsyntax-only %t.py 2>&1 | FileCheck %s --strict-whitespace -DFILE=%t.py
# The same with CRLF: the CR is not printed.
# RUN: printf 'x = 1\r\ny = (1]\r\nz = 3\r\n' > %t.crlf.py
# RUN: not %surgec -fsyntax-only %t.crlf.py 2>&1 | FileCheck %s --strict-whitespace -DFILE=%t.crlf.py

# CHECK: {{^}}[[FILE]]:2:7: error: closing parenthesis ']' does not match opening parenthesis '('{{$}}
# CHECK-NEXT: {{^}}y = (1]{{$}}
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
