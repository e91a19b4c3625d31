# A function capturing a comprehension's variable needs a cell per run of
# the comprehension; surgec does not lower that yet and says so.
# RUN: not %surgec -print-ir %s 2>&1 | FileCheck %s
# CHECK: unsupported-capture.py:[[@LINE+1]]:8: error: unsupported: a function that captures a comprehension's variable
fs = [(lambda: i) for i in range(3)]
