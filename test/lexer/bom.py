# A leading UTF-8 byte order mark is skipped: the first token is at 1:1.
# RUN: printf '\357\273\277x = 1\nif x:\n    y\n' > %t.py
# RUN: %surgec -dump-tokens %t.py | FileCheck %s --match-full-lines

# CHECK:      identifier x <1:1-1:2>
# CHECK-NEXT: '=' <1:3-1:4>
# CHECK-NEXT: integer literal 1 <1:5-1:6>
# CHECK-NEXT: newline <1:6-1:7>
# CHECK-NEXT: 'if' <2:1-2:3>
# CHECK-NEXT: identifier x <2:4-2:5>
# CHECK-NEXT: ':' <2:5-2:6>
# CHECK-NEXT: newline <2:6-2:7>
# CHECK-NEXT: indent <3:5-3:5>
# CHECK-NEXT: identifier y <3:5-3:6>
# CHECK-NEXT: newline <3:6-3:7>
# CHECK-NEXT: unindent <4:1-4:1>
# CHECK-NEXT: end of file <4:1-4:1>
