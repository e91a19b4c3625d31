# A non-ASCII character that cannot be part of an identifier (typographic
# quotes pasted from a document, a multiplication sign, a dash) is an
# invalid character, as CPython says: "unsupported: non-ASCII identifier"
# would send the reader looking for an identifier that is not there.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+6]]:7: error: invalid character '“' (U+201C)
# CHECK: [[FILE]]:[[@LINE+6]]:7: error: invalid character '×' (U+00D7)
# CHECK: [[FILE]]:[[@LINE+6]]:7: error: invalid character '—' (U+2014)
# CHECK-NOT: identifier
# CHECK: 3 errors generated.
x = 1
print(“hello”)
y = 2 × 3
z = 5 — 2
