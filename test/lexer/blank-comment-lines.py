# Blank lines, lines of spaces or tabs, and comment lines produce no tokens
# and do not affect indentation, wherever they are and however indented.
# After code, the NEWLINE token sits where the comment starts (where CPython
# reports a missing ':' on such a line).
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines

def f():

        # deeper than the block
    x = 1  # trailing comment
  # shallower than the block
	
    y = 2
#
z = 3
# CHECK:      'def' <[[@LINE-9]]:1-[[@LINE-9]]:4>
# CHECK:      newline <[[@LINE-10]]:9-[[@LINE-10]]:10>
# CHECK-NEXT: indent <[[@LINE-8]]:5-[[@LINE-8]]:5>
# CHECK-NEXT: identifier x <[[@LINE-9]]:5-[[@LINE-9]]:6>
# CHECK-NEXT: '=' <[[@LINE-10]]:7-[[@LINE-10]]:8>
# CHECK-NEXT: integer literal 1 <[[@LINE-11]]:9-[[@LINE-11]]:10>
# CHECK-NEXT: newline <[[@LINE-12]]:12-[[@LINE-12]]:13>
# CHECK-NEXT: identifier y <[[@LINE-10]]:5-[[@LINE-10]]:6>
# CHECK-NEXT: '=' <[[@LINE-11]]:7-[[@LINE-11]]:8>
# CHECK-NEXT: integer literal 2 <[[@LINE-12]]:9-[[@LINE-12]]:10>
# CHECK-NEXT: newline <[[@LINE-13]]:10-[[@LINE-13]]:11>
# CHECK-NEXT: unindent <[[@LINE-12]]:1-[[@LINE-12]]:1>
# CHECK-NEXT: identifier z <[[@LINE-13]]:1-[[@LINE-13]]:2>
