# A number ends where a keyword starts, even with no space between them:
# CPython 3.11 accepts "1if", "1else", "1or", "0x1for" ... (with a
# SyntaxWarning for some). "1else" must not be read as the start of an
# exponent "1e".
# RUN: %surgec -fsyntax-only %s
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
x = [0, 1]
y = 1if x else 2
z = 0 if x else 1
w = 1 if x else 1
# The next line is the one in question.
t = 1 if x else 2; u = [1for v in x]; s = 1 if 1else 2
# CHECK:      integer literal 1 <[[@LINE-5]]:5-[[@LINE-5]]:6>
# CHECK-NEXT: 'if' <[[@LINE-6]]:6-[[@LINE-6]]:8>
# CHECK:      integer literal 1 <[[@LINE-3]]:25-[[@LINE-3]]:26>
# CHECK-NEXT: 'for' <[[@LINE-4]]:26-[[@LINE-4]]:29>
# CHECK:      'if' <[[@LINE-5]]:45-[[@LINE-5]]:47>
# CHECK-NEXT: integer literal 1 <[[@LINE-6]]:48-[[@LINE-6]]:49>
# CHECK-NEXT: 'else' <[[@LINE-7]]:49-[[@LINE-7]]:53>
