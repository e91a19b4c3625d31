# difftest seeds 81, 236, 257 (gen_program.py before f622205, whose tuple
# snippet left a name unbound): an uncaught NameError's last stderr line
# lacks CPython's suggestion. CPython prints
#   NameError: name 'totl' is not defined. Did you mean: 'total'?
# the task program prints
#   NameError: name 'totl' is not defined
# at every -j, even though the failing task received 'total'.
# Diagnosis (runtime): worker.py's _format_exception formats with
# traceback.TracebackException, which in 3.11 never adds "Did you mean"
# (3.11 computes suggestions in C, in PyErr_Display, i.e. sys.__excepthook__;
# traceback.py does so only from 3.12). AttributeError loses it the same
# way ('list' object has no attribute 'appendd'. Did you mean: 'append'?).
# Even formatted by PyErr_Display, the suggestion is drawn from the task's
# globals, which hold only what the task received, not every module name
# CPython would have bound by then (seed 81: 'ta16', bound by another task).
# Fixed: the last line now comes from sys.__excepthook__, with the names earlier tasks bind added to the globals first.
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok nameerror-suggestion.py
data = [(i * 7919) % 1000 for i in range(40000)]
total = 0
for x in data:
    total += x % 7
print(total)
print(totl)
