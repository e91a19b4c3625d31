# CRLF line endings work as LF ones: a NEWLINE one column wide, blocks, and
# triple-quoted strings whose CRLF becomes "\n" in the value. A lone CR
# (old Mac) also ends a line.
# RUN: printf 'if x:\r\n    s = """a\r\nb"""\r\n\r\ny = 1\r\n' > %t.crlf.py
# RUN: %surgec -dump-tokens %t.crlf.py | FileCheck %s --check-prefix=CRLF --match-full-lines
# RUN: printf 'x = 1\ry = 2\r' > %t.cr.py
# RUN: %surgec -dump-tokens %t.cr.py | FileCheck %s --check-prefix=CR --match-full-lines

# CRLF:      'if' <1:1-1:3>
# CRLF-NEXT: identifier x <1:4-1:5>
# CRLF-NEXT: ':' <1:5-1:6>
# CRLF-NEXT: newline <1:6-1:7>
# CRLF-NEXT: indent <2:5-2:5>
# CRLF-NEXT: identifier s <2:5-2:6>
# CRLF-NEXT: '=' <2:7-2:8>
# CRLF-NEXT: string literal <2:9-3:5>
# CRLF-NEXT:   Str 'a\nb' <2:9-3:5>
# CRLF-NEXT: newline <3:5-3:6>
# CRLF-NEXT: unindent <5:1-5:1>
# CRLF-NEXT: identifier y <5:1-5:2>
# CRLF-NEXT: '=' <5:3-5:4>
# CRLF-NEXT: integer literal 1 <5:5-5:6>
# CRLF-NEXT: newline <5:6-5:7>
# CRLF-NEXT: end of file <6:1-6:1>

# CR:      identifier x <1:1-1:2>
# CR-NEXT: '=' <1:3-1:4>
# CR-NEXT: integer literal 1 <1:5-1:6>
# CR-NEXT: newline <1:6-1:7>
# CR-NEXT: identifier y <2:1-2:2>
# CR-NEXT: '=' <2:3-2:4>
# CR-NEXT: integer literal 2 <2:5-2:6>
# CR-NEXT: newline <2:6-2:7>
# CR-NEXT: end of file <3:1-3:1>
