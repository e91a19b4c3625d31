# A branch on a constant folds to a jump; simplifycfg then drops the arm
# nothing reaches, and copyprop the phi left with one value.
# RUN: %surgec -passes=constfold,simplifycfg,copyprop,dce -print-ir %s | FileCheck %s
# RUN: %surgec -print-ir %s | FileCheck %s --check-prefix=BEFORE

DEBUG = 0
if DEBUG:
    mode = "debug"
else:
    mode = "fast"
print(mode)

# BEFORE-LABEL: func @<module>(
# BEFORE:         condbr
# BEFORE:         phi

# CHECK-LABEL: func @<module>(
# CHECK-NOT:     condbr
# CHECK-NOT:     phi
# CHECK-NOT:     'debug'
# CHECK:         %[[M:[0-9]+]] = const str 'fast'
# CHECK:         call %{{[0-9]+}}(%[[M]])
