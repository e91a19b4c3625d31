# A def inside a loop starts a new function: the loop does not reach into
# its body.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+8]]:13: error: 'continue' not properly in loop
# CHECK: [[FILE]]:[[@LINE+11]]:9: error: 'break' outside loop
# CHECK: 2 errors generated.
for i in range(3):
    def skip(x):
        if x:
            return 0
        else:
            continue
    def stop():
        while True:
            break
        break
