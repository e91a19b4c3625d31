# A generator expression after a keyword argument: CPython says the
# generator must be parenthesized. surgec must report an error and exit 1,
# not crash.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+2]]:20: error: Generator expression must be parenthesized
# CHECK: 1 error generated.
print("x", end="", x for x in "ab")
