# A backslash at the end of a line joins the next line to it: no NEWLINE,
# and the next line's indentation means nothing, even a dedent. Tokens keep
# their real lines.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
if a:
    total = 1 + \
2 + \
        3
    b
# CHECK:      indent <[[@LINE-4]]:5-[[@LINE-4]]:5>
# CHECK-NEXT: identifier total <[[@LINE-5]]:5-[[@LINE-5]]:10>
# CHECK-NEXT: '=' <[[@LINE-6]]:11-[[@LINE-6]]:12>
# CHECK-NEXT: integer literal 1 <[[@LINE-7]]:13-[[@LINE-7]]:14>
# CHECK-NEXT: '+' <[[@LINE-8]]:15-[[@LINE-8]]:16>
# CHECK-NEXT: integer literal 2 <[[@LINE-8]]:1-[[@LINE-8]]:2>
# CHECK-NEXT: '+' <[[@LINE-9]]:3-[[@LINE-9]]:4>
# CHECK-NEXT: integer literal 3 <[[@LINE-9]]:9-[[@LINE-9]]:10>
# CHECK-NEXT: newline <[[@LINE-10]]:10-[[@LINE-10]]:11>
# CHECK-NEXT: identifier b <[[@LINE-10]]:5-[[@LINE-10]]:6>
# CHECK-NEXT: newline <[[@LINE-11]]:6-[[@LINE-11]]:7>
# CHECK-NEXT: unindent <[[@LINE+2]]:1-[[@LINE+2]]:1>
# CHECK-NEXT: end of file <[[@LINE+1]]:1-[[@LINE+1]]:1>
