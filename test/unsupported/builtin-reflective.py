# The other builtins that read or write the namespace or run code, each
# reported with its name.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+11]]:1: error: unsupported: builtin 'exec'
# CHECK: [[FILE]]:[[@LINE+11]]:5: error: unsupported: builtin 'getattr'
# CHECK: [[FILE]]:[[@LINE+11]]:1: error: unsupported: builtin 'setattr'
# CHECK: [[FILE]]:[[@LINE+11]]:1: error: unsupported: builtin 'delattr'
# CHECK: [[FILE]]:[[@LINE+11]]:5: error: unsupported: builtin 'globals'
# CHECK: [[FILE]]:[[@LINE+12]]:12: error: unsupported: builtin 'locals'
# CHECK: [[FILE]]:[[@LINE+12]]:6: error: unsupported: builtin 'vars'
# CHECK: [[FILE]]:[[@LINE+12]]:8: error: unsupported: builtin 'compile'
# CHECK: [[FILE]]:[[@LINE+12]]:7: error: unsupported: builtin '__import__'
# CHECK: 9 errors generated.
import math
exec("x = 1")
v = getattr(math, "pi")
setattr(math, "tau", 6)
delattr(math, "tau")
g = globals()
def f():
    return locals()
d = [vars(math)]
code = compile("1", "<s>", "eval")
mod = __import__("os")
# As attribute names they are someone else's methods: no error.
math.eval, math.vars
