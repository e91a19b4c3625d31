# A digit outside the literal's base gets CPython's message, which names
# the digit.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+4]]:5: error: invalid digit '8' in octal literal
# CHECK: [[FILE]]:[[@LINE+4]]:5: error: invalid digit '2' in binary literal
# CHECK: 2 errors generated.
ok = [0o17, 0b1]
a = 0o8
b = 0b102
