# Found while probing reflective builtins: dir() with no argument lists
# the names of the current scope, like locals() and vars(), which surgec
# rejects (docs/language.md, "reflective builtins"); dir() is accepted,
# and inside a task function it lists that function's locals. CPython
#   ['data', 't', 'x']
# the task program, at every -j,
#   []
# Diagnosis (sema): reject dir() without arguments as
# `unsupported: builtin 'dir'` (dir(obj) is fine), or give each task part
# a module scope.
# Fixed: surgec rejects it, as it does locals() and vars().
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s
# CHECK: error: unsupported: dir() without an argument
data = [(i * 7919) % 1000 for i in range(40000)]
t = 0
for x in data:
    t += x % 7
print(t)
print(sorted(k for k in dir() if not k.startswith('_')))
