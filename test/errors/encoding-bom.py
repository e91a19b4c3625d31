# A UTF-8 byte order mark is not part of the program: columns on the first
# line count from after it, and the source line printed under an error
# leaves it out, so the caret stands under the right character.
# RUN: printf '\357\273\277x = 1)\n' > %t.paren.py
# RUN: not %surgec -fsyntax-only %t.paren.py 2>&1 | FileCheck %s --check-prefix=PAREN --strict-whitespace -DFILE=%t.paren.py
# RUN: printf '\357\273\277  x = 1\n' > %t.indent.py
# RUN: not %surgec -fsyntax-only %t.indent.py 2>&1 | FileCheck %s --check-prefix=INDENT --strict-whitespace -DFILE=%t.indent.py

# PAREN: {{^}}[[FILE]]:1:6: error: unmatched ')'{{$}}
# PAREN-NEXT: {{^}}x = 1){{$}}
# PAREN-NEXT: {{^}}     ^{{$}}

# INDENT: {{^}}[[FILE]]:1:3: error: unexpected indent{{$}}
# INDENT-NEXT: {{^}}  x = 1{{$}}
# INDENT-NEXT: {{^}}  ^{{$}}
