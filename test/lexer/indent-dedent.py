# INDENT and DEDENT: an INDENT where a block starts, sitting at its first
# token; one DEDENT per closed block, all at the first token after them;
# the blocks still open at the end of the file close there.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
if a:
    if b:
        c
    d
e
if f:
    g
# CHECK:      'if' <[[@LINE-7]]:1-[[@LINE-7]]:3>
# CHECK-NEXT: identifier a <[[@LINE-8]]:4-[[@LINE-8]]:5>
# CHECK-NEXT: ':' <[[@LINE-9]]:5-[[@LINE-9]]:6>
# CHECK-NEXT: newline <[[@LINE-10]]:6-[[@LINE-10]]:7>
# CHECK-NEXT: indent <[[@LINE-10]]:5-[[@LINE-10]]:5>
# CHECK-NEXT: 'if' <[[@LINE-11]]:5-[[@LINE-11]]:7>
# CHECK-NEXT: identifier b <[[@LINE-12]]:8-[[@LINE-12]]:9>
# CHECK-NEXT: ':' <[[@LINE-13]]:9-[[@LINE-13]]:10>
# CHECK-NEXT: newline <[[@LINE-14]]:10-[[@LINE-14]]:11>
# CHECK-NEXT: indent <[[@LINE-14]]:9-[[@LINE-14]]:9>
# CHECK-NEXT: identifier c <[[@LINE-15]]:9-[[@LINE-15]]:10>
# CHECK-NEXT: newline <[[@LINE-16]]:10-[[@LINE-16]]:11>
# CHECK-NEXT: unindent <[[@LINE-16]]:5-[[@LINE-16]]:5>
# CHECK-NEXT: identifier d <[[@LINE-17]]:5-[[@LINE-17]]:6>
# CHECK-NEXT: newline <[[@LINE-18]]:6-[[@LINE-18]]:7>
# CHECK-NEXT: unindent <[[@LINE-18]]:1-[[@LINE-18]]:1>
# CHECK-NEXT: identifier e <[[@LINE-19]]:1-[[@LINE-19]]:2>
# CHECK-NEXT: newline <[[@LINE-20]]:2-[[@LINE-20]]:3>
# CHECK-NEXT: 'if' <[[@LINE-20]]:1-[[@LINE-20]]:3>
# CHECK:      indent <[[@LINE-20]]:5-[[@LINE-20]]:5>
# CHECK-NEXT: identifier g <[[@LINE-21]]:5-[[@LINE-21]]:6>
# CHECK-NEXT: newline <[[@LINE-22]]:6-[[@LINE-22]]:7>
# CHECK-NEXT: unindent <[[@LINE+2]]:1-[[@LINE+2]]:1>
# CHECK-NEXT: end of file <[[@LINE+1]]:1-[[@LINE+1]]:1>
