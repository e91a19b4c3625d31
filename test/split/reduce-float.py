# A float sum is regrouped only under -freassociate (the values here sum
# exactly in any order, so the output is the same either way).
# RUN: %surgec -print-tasks %s | FileCheck --check-prefix=PLAIN %s
# RUN: %surgec -freassociate -print-tasks %s | FileCheck --check-prefix=FRE %s
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec --surgec-flag=-freassociate %s | FileCheck %s
# CHECK-COUNT-3: ok reduce-float.py
# PLAIN: not split: 's' may be a float sum, which regrouping changes (-freassociate allows it)
# FRE: reduction: s (sum)
s = 0.0
for i in range(50000):
    s += (i % 8) * 0.25
print(s)
