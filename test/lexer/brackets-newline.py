# Inside (), [] and {} line ends are not NEWLINE tokens, and indentation,
# blank lines and comments there mean nothing.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
x = [1,
        2, (3,

  # a comment inside brackets
            {4:
5})]
y
# CHECK:      identifier x <[[@LINE-7]]:1-[[@LINE-7]]:2>
# CHECK-NEXT: '=' <[[@LINE-8]]:3-[[@LINE-8]]:4>
# CHECK-NEXT: '[' <[[@LINE-9]]:5-[[@LINE-9]]:6>
# CHECK-NEXT: integer literal 1 <[[@LINE-10]]:6-[[@LINE-10]]:7>
# CHECK-NEXT: ',' <[[@LINE-11]]:7-[[@LINE-11]]:8>
# CHECK-NEXT: integer literal 2 <[[@LINE-11]]:9-[[@LINE-11]]:10>
# CHECK-NEXT: ',' <[[@LINE-12]]:10-[[@LINE-12]]:11>
# CHECK-NEXT: '(' <[[@LINE-13]]:12-[[@LINE-13]]:13>
# CHECK-NEXT: integer literal 3 <[[@LINE-14]]:13-[[@LINE-14]]:14>
# CHECK-NEXT: ',' <[[@LINE-15]]:14-[[@LINE-15]]:15>
# CHECK-NEXT: '{' <[[@LINE-13]]:13-[[@LINE-13]]:14>
# CHECK-NEXT: integer literal 4 <[[@LINE-14]]:14-[[@LINE-14]]:15>
# CHECK-NEXT: ':' <[[@LINE-15]]:15-[[@LINE-15]]:16>
# CHECK-NEXT: integer literal 5 <[[@LINE-15]]:1-[[@LINE-15]]:2>
# CHECK-NEXT: '}' <[[@LINE-16]]:2-[[@LINE-16]]:3>
# CHECK-NEXT: ')' <[[@LINE-17]]:3-[[@LINE-17]]:4>
# CHECK-NEXT: ']' <[[@LINE-18]]:4-[[@LINE-18]]:5>
# CHECK-NEXT: newline <[[@LINE-19]]:5-[[@LINE-19]]:6>
# CHECK-NEXT: identifier y <[[@LINE-19]]:1-[[@LINE-19]]:2>
# CHECK-NEXT: newline <[[@LINE-20]]:2-[[@LINE-20]]:3>
# CHECK-NEXT: end of file <[[@LINE+1]]:1-[[@LINE+1]]:1>
