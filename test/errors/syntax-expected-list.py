# When the grammar knows what may come next, the message lists it, as clang
# does: "expected A, B or C", with a space after each comma.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+3]]:17: error: expected identifier, '(' or '*'
# CHECK: 1 error generated.
import math
from math import
