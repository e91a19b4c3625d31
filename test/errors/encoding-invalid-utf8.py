# Source files must be UTF-8, in strings and comments too. The first bad
# byte is reported, with its value, and nothing else is checked. The inputs
# are written with printf.
# RUN: printf 'x = 1\ny = "caf\351"\n' > %t.latin1.py
# RUN: not %surgec -fsyntax-only %t.latin1.py 2>&1 | FileCheck %s --check-prefix=LATIN1 -DFILE=%t.latin1.py
# RUN: printf '# \303\050\nx = )\n' > %t.comment.py
# RUN: not %surgec -fsyntax-only %t.comment.py 2>&1 | FileCheck %s --check-prefix=COMMENT -DFILE=%t.comment.py
# An encoded surrogate (ED A0 80) and an overlong '/' (C0 AF) are not UTF-8.
# RUN: printf 's = "\355\240\200"\n' > %t.surrogate.py
# RUN: not %surgec -fsyntax-only %t.surrogate.py 2>&1 | FileCheck %s --check-prefix=SURROGATE -DFILE=%t.surrogate.py
# RUN: printf 's = "\300\257"\n' > %t.overlong.py
# RUN: not %surgec -fsyntax-only %t.overlong.py 2>&1 | FileCheck %s --check-prefix=OVERLONG -DFILE=%t.overlong.py
# A sequence cut short by the end of the file.
# RUN: printf 'x = 1 # \342\202' > %t.truncated.py
# RUN: not %surgec -fsyntax-only %t.truncated.py 2>&1 | FileCheck %s --check-prefix=TRUNCATED -DFILE=%t.truncated.py

# LATIN1: [[FILE]]:2:9: error: invalid UTF-8 byte 0xe9: source files must be UTF-8
# LATIN1-NOT: error:
# LATIN1: 1 error generated.

# COMMENT: [[FILE]]:1:3: error: invalid UTF-8 byte 0xc3: source files must be UTF-8
# COMMENT-NOT: error:
# COMMENT: 1 error generated.

# SURROGATE: [[FILE]]:1:6: error: invalid UTF-8 byte 0xed: source files must be UTF-8
# SURROGATE: 1 error generated.

# OVERLONG: [[FILE]]:1:6: error: invalid UTF-8 byte 0xc0: source files must be UTF-8
# OVERLONG: 1 error generated.

# TRUNCATED: [[FILE]]:1:9: error: invalid UTF-8 byte 0xe2: source files must be UTF-8
# TRUNCATED: 1 error generated.
