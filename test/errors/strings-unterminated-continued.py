# A backslash-newline continues a single-quoted string onto the next line;
# the string is then unterminated there, and "detected at" names that line.
# At the very end of the file, the line of the backslash is the last line.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=MID -DFILE=%s
# RUN: printf "x = 'abc\\\\\n" > %t.py
# RUN: not %surgec -fsyntax-only %t.py 2>&1 | FileCheck %s --check-prefix=EOF -DFILE=%t.py

# MID: [[FILE]]:[[@LINE+4]]:5: error: unterminated string literal (detected at line [[@LINE+5]])
# MID-NEXT: {{^}}s = 'one \{{$}}
# MID-NEXT: {{^}}    ^{{$}}
# MID-NEXT: 1 error generated.
s = 'one \
two
print(s)

# EOF: [[FILE]]:1:5: error: unterminated string literal (detected at line 1)
# EOF: 1 error generated.
