# Assigning to a literal or to None. The hint about '==' is given for the
# lone target of '=', a bare tuple included, as CPython does; not for None,
# a chained assignment or a comprehension target.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+6]]:1: error: cannot assign to literal here. Maybe you meant '==' instead of '='?
# CHECK: [[FILE]]:[[@LINE+6]]:5: error: cannot assign to literal{{$}}
# CHECK: [[FILE]]:[[@LINE+6]]:4: error: cannot assign to literal here. Maybe you meant '==' instead of '='?
# CHECK: [[FILE]]:[[@LINE+6]]:1: error: cannot assign to None{{$}}
# CHECK: [[FILE]]:[[@LINE+6]]:8: error: cannot assign to literal{{$}}
# CHECK: 5 errors generated.
1 = x
x = 1 = 2
a, "b" = 1, 2
None = 0
[x for 1 in range(3)]
