# Since Python 3.9, parentheses around with-items group context managers.
# RUN: %surgec -ast-dump %s | FileCheck %s
# RUN: %python %S/../Inputs/ast_diff.py --surgec %surgec --python %python %s | FileCheck %s --check-prefix=SAME

with (a, b):
    pass
# CHECK:      With <[[@LINE-2]]:1
# CHECK-NEXT:   item:
# CHECK-NEXT:     Name a
# CHECK-NEXT:   item:
# CHECK-NEXT:     Name b

with ((a, b)):
    pass
# CHECK:      With <[[@LINE-2]]:1
# CHECK-NEXT:   item:
# CHECK-NEXT:     Tuple

with (a, b) as t:
    pass
# CHECK:      With <[[@LINE-2]]:1
# CHECK-NEXT:   item:
# CHECK-NEXT:     Tuple
# CHECK:          as:
# CHECK-NEXT:       Name t store

with (a,):
    pass
# CHECK:      With <[[@LINE-2]]:1
# CHECK-NEXT:   item:
# CHECK-NEXT:     Name a
# CHECK-NEXT:   body:

with open("x") as f, open("y") as g:
    pass
# CHECK:      With <[[@LINE-2]]:1
# CHECK-NEXT:   item:
# CHECK-NEXT:     Call
# CHECK:          as:
# CHECK-NEXT:       Name f store
# CHECK-NEXT:   item:

# SAME: ast_diff: 1 files, 0 mismatches
