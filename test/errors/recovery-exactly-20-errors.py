# Exactly 20 errors: all of them are reported and nothing was left out, so
# there is no "too many errors" fatal error (it is for more than 20).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+5]]:5: error: 'return' outside function
# CHECK: [[FILE]]:[[@LINE+23]]:5: error: 'return' outside function
# CHECK-NOT: too many errors
# CHECK: {{^}}20 errors generated.{{$}}
for i in range(20):
    return 1
    return 2
    return 3
    return 4
    return 5
    return 6
    return 7
    return 8
    return 9
    return 10
    return 11
    return 12
    return 13
    return 14
    return 15
    return 16
    return 17
    return 18
    return 19
    return 20
