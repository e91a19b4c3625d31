# Tab indentation: a tab is one column in token positions (columns count
# bytes), and tab-indented blocks nest as space-indented ones do.
# RUN: printf 'if a:\n\tif b:\n\t\tc\n\td\n' > %t.py
# RUN: %surgec -dump-tokens %t.py | FileCheck %s --match-full-lines

# CHECK:      indent <2:2-2:2>
# CHECK-NEXT: 'if' <2:2-2:4>
# CHECK:      indent <3:3-3:3>
# CHECK-NEXT: identifier c <3:3-3:4>
# CHECK-NEXT: newline <3:4-3:5>
# CHECK-NEXT: unindent <4:2-4:2>
# CHECK-NEXT: identifier d <4:2-4:3>
# CHECK-NEXT: newline <4:3-4:4>
# CHECK-NEXT: unindent <5:1-5:1>
# CHECK-NEXT: end of file <5:1-5:1>
