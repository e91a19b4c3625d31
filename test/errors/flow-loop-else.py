# The else clause of a for or while loop runs after the loop, not in it:
# break and continue there belong to no loop (unless an outer one).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+13]]:5: error: 'break' outside loop
# CHECK: [[FILE]]:[[@LINE+16]]:5: error: 'continue' not properly in loop
# CHECK: 2 errors generated.
for i in range(3):
    pass
else:
    for j in range(2):
        break
    while False:
        continue
    else:
        # This else is inside the outer for's else: still no loop.
        pass
    break
while False:
    pass
else:
    continue
for k in range(2):
    while k:
        k -= 1
    else:
        # Inside the for's body: this continue is the for's.
        continue
