# Code after a raise or return still lowers; a loop there gets an entry
# edge from a block of its own, so SSA construction cannot cycle (this
# input once hung the lowering).
# RUN: %surgec -print-ir %s | FileCheck %s
# RUN: %surgec -print-ir -passes=simplifycfg,copyprop,dce %s | FileCheck %s --check-prefix=CLEAN

steps = 3
raise ValueError("stop")
while steps < 0:
    steps += 1
print(steps)

# CHECK-LABEL: func @<module>(
# CHECK:         raise
# CHECK:       bb[[H:[0-9]+]] (while.head):  ; preds: bb[[U:[0-9]+]] bb{{[0-9]+}}
# CHECK-NEXT:    phi [bb[[U]]: %{{[0-9]+}}], [bb{{[0-9]+}}: %{{[0-9]+}}] {{.*}}; steps
# CHECK:       bb[[U]] (unreachable):
# CHECK-NEXT:    br bb[[H]]

# CLEAN-LABEL: func @<module>(
# CLEAN:         raise
# CLEAN-NOT:     while.head
# CLEAN:       }
