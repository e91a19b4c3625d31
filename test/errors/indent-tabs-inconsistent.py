# Indentation whose meaning depends on the tab size is a TabError. The
# inputs are written with printf so the tabs are visible here; the source
# line is printed with tabs expanded and the caret under the first token.
# RUN: printf 'if x:\n\ta = 1\n        b = 2\n' > %t.tab-then-spaces.py
# RUN: not %surgec -fsyntax-only %t.tab-then-spaces.py 2>&1 \
# RUN:   | FileCheck %s --check-prefix=TAB-SPACES --strict-whitespace -DFILE=%t.tab-then-spaces.py
# RUN: printf 'if x:\n        a = 1\n\tb = 2\n' > %t.spaces-then-tab.py
# RUN: not %surgec -fsyntax-only %t.spaces-then-tab.py 2>&1 \
# RUN:   | FileCheck %s --check-prefix=SPACES-TAB --strict-whitespace -DFILE=%t.spaces-then-tab.py
# RUN: printf 'if x:\n    if y:\n\ta = 1\n' > %t.deeper.py
# RUN: not %surgec -fsyntax-only %t.deeper.py 2>&1 \
# RUN:   | FileCheck %s --check-prefix=DEEPER --strict-whitespace -DFILE=%t.deeper.py
# Consistent tabs, and a tab block followed by a space block at another
# level, are fine.
# RUN: printf 'if x:\n\ta = 1\n\tif a:\n\t\tb = 2\nelse:\n        c = 3\n' > %t.ok.py
# RUN: %surgec -fsyntax-only %t.ok.py

# TAB-SPACES: {{^}}[[FILE]]:3:9: error: inconsistent use of tabs and spaces in indentation{{$}}
# TAB-SPACES-NEXT: {{^}}        b = 2{{$}}
# TAB-SPACES-NEXT: {{^}}        ^{{$}}
# TAB-SPACES-NEXT: {{^}}1 error generated.{{$}}

# SPACES-TAB: {{^}}[[FILE]]:3:2: error: inconsistent use of tabs and spaces in indentation{{$}}
# SPACES-TAB-NEXT: {{^}}        b = 2{{$}}
# SPACES-TAB-NEXT: {{^}}        ^{{$}}
# SPACES-TAB-NEXT: {{^}}1 error generated.{{$}}

# DEEPER: {{^}}[[FILE]]:3:2: error: inconsistent use of tabs and spaces in indentation{{$}}
# DEEPER-NEXT: {{^}}        a = 1{{$}}
# DEEPER-NEXT: {{^}}        ^{{$}}
# DEEPER-NEXT: {{^}}1 error generated.{{$}}
