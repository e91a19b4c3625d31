# The last line needs no newline: the lexer supplies the NEWLINE and the
# DEDENTs there. An empty file, or one of comments only, is just the end.
# RUN: printf 'if x:\n    y' > %t.py
# RUN: %surgec -dump-tokens %t.py | FileCheck %s --match-full-lines
# RUN: printf '' > %t.empty.py
# RUN: %surgec -dump-tokens %t.empty.py | FileCheck %s --check-prefix=EMPTY --match-full-lines
# RUN: printf '\n  \n# only a comment\n' > %t.comment.py
# RUN: %surgec -dump-tokens %t.comment.py | FileCheck %s --check-prefix=COMMENT --match-full-lines

# CHECK:      indent <2:5-2:5>
# CHECK-NEXT: identifier y <2:5-2:6>
# CHECK-NEXT: newline <2:6-2:6>
# CHECK-NEXT: unindent <2:6-2:6>
# CHECK-NEXT: end of file <2:6-2:6>

# EMPTY:      end of file <1:1-1:1>
# EMPTY-NOT:  {{.}}

# COMMENT:      end of file <4:1-4:1>
# COMMENT-NOT:  {{.}}
