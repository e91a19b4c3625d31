# Parenthesized with-items that bind names are not in the subset yet.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s
# CHECK: with-as-parenthesized.py:[[@LINE+1]]:17: error: unsupported: parenthesized context managers with 'as'; write 'with a as x, b as y:'
with (open("a") as f, open("b") as g):
    pass
