# dce removes what is unused and has no effect; calls, stores and anything
# that may raise stay.
# RUN: %surgec -passes=dce -print-ir %s | FileCheck %s

def f(xs):
    unused = [1, 2, 3]
    n = len(xs)
    q = 1 // 0
    xs.append(4)
    return 0

# CHECK-LABEL: func @f(
# CHECK-NOT:     build_list
# The call to len stays: len of a non-sized object raises.
# CHECK:         call %{{[0-9]+}}(%1) : int
# CHECK:         binop //
# CHECK:         call_method %1.append(
# CHECK:         ret
