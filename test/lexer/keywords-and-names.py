# Keywords are whole words: a name that starts with a keyword is a name.
# The soft keywords match and case, and _, are names.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
iff, elsewhere, True_, None1, notin, is_, format, match, case, _, __x__
x = not y is not z and a or b in c
# CHECK:      identifier iff <[[@LINE-2]]:1-[[@LINE-2]]:4>
# CHECK-NEXT: ',' <[[@LINE-3]]:4-[[@LINE-3]]:5>
# CHECK-NEXT: identifier elsewhere <[[@LINE-4]]:6-[[@LINE-4]]:15>
# CHECK:      identifier True_ <[[@LINE-5]]:17-[[@LINE-5]]:22>
# CHECK:      identifier None1 <[[@LINE-6]]:24-[[@LINE-6]]:29>
# CHECK:      identifier notin <[[@LINE-7]]:31-[[@LINE-7]]:36>
# CHECK:      identifier is_ <[[@LINE-8]]:38-[[@LINE-8]]:41>
# CHECK:      identifier format <[[@LINE-9]]:43-[[@LINE-9]]:49>
# CHECK:      identifier match <[[@LINE-10]]:51-[[@LINE-10]]:56>
# CHECK:      identifier case <[[@LINE-11]]:58-[[@LINE-11]]:62>
# CHECK:      identifier _ <[[@LINE-12]]:64-[[@LINE-12]]:65>
# CHECK:      identifier __x__ <[[@LINE-13]]:67-[[@LINE-13]]:72>
# CHECK:      '=' <[[@LINE-13]]:3-[[@LINE-13]]:4>
# CHECK-NEXT: 'not' <[[@LINE-14]]:5-[[@LINE-14]]:8>
# CHECK-NEXT: identifier y <[[@LINE-15]]:9-[[@LINE-15]]:10>
# CHECK-NEXT: 'is' <[[@LINE-16]]:11-[[@LINE-16]]:13>
# CHECK-NEXT: 'not' <[[@LINE-17]]:14-[[@LINE-17]]:17>
# CHECK-NEXT: identifier z <[[@LINE-18]]:18-[[@LINE-18]]:19>
# CHECK-NEXT: 'and' <[[@LINE-19]]:20-[[@LINE-19]]:23>
# CHECK-NEXT: identifier a <[[@LINE-20]]:24-[[@LINE-20]]:25>
# CHECK-NEXT: 'or' <[[@LINE-21]]:26-[[@LINE-21]]:28>
# CHECK-NEXT: identifier b <[[@LINE-22]]:29-[[@LINE-22]]:30>
# CHECK-NEXT: 'in' <[[@LINE-23]]:31-[[@LINE-23]]:33>
