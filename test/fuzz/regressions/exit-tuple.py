# Found while probing sys.exit's argument kinds (ints, None, bools, str,
# lists, floats all match): an uncaught sys.exit((4,)) makes CPython print
#   (4,)
# on stderr and exit 1, but the task program exits 4 and prints nothing
# (every -j). A CPython quirk: sys.exit(t) for a tuple t sets the
# exception from t unnormalized; the top level prints the tuple as the
# message, while `except SystemExit as e` normalizes it into
# SystemExit(*t), so e.code is 4. Diagnosis (runtime, worker.py
# _exit_status): it read e.code after the runner's own handler had
# normalized it. Fixed: the runner's sys.exit remembers a tuple argument,
# and the exception table of each program frame the exit passed through
# tells whether a handler normalized it in CPython too (test/run/exit-kinds).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok exit-tuple.py
import sys
data = [(i * 7919) % 1000 for i in range(40000)]
t = 0
for x in data:
    t += x % 7
print(t)
sys.exit((4,))
