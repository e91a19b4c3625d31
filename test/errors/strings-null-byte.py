# A NUL byte anywhere in the file is an error, in code, in a string or in a
# comment. The inputs are written with printf: no binary file is committed.
# RUN: printf 'x = 1\n\000y = 2\n' > %t.code.py
# RUN: not %surgec -fsyntax-only %t.code.py 2>&1 | FileCheck %s --check-prefix=CODE -DFILE=%t.code.py
# RUN: printf 'x = 1\ns = "a\000b"\n' > %t.string.py
# RUN: not %surgec -fsyntax-only %t.string.py 2>&1 | FileCheck %s --check-prefix=STRING -DFILE=%t.string.py
# RUN: printf 'x = 1  # a\000b\n' > %t.comment.py
# RUN: not %surgec -fsyntax-only %t.comment.py 2>&1 | FileCheck %s --check-prefix=COMMENT -DFILE=%t.comment.py

# CODE: [[FILE]]:2:1: error: source code cannot contain null bytes
# CODE-NOT: error:
# CODE: 1 error generated.

# STRING: [[FILE]]:2:7: error: source code cannot contain null bytes
# STRING-NOT: error:
# STRING: 1 error generated.

# COMMENT: [[FILE]]:1:11: error: source code cannot contain null bytes
# COMMENT-NOT: error:
# COMMENT: 1 error generated.
