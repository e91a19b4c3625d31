# Found while probing module-level names CPython binds (the generator does
# not use them): __file__ is the task program's tasks.py, not the program.
# CPython prints
#   dunder-file.py / True
# the task program, at every -j,
#   tasks.py / False
# so a program that finds its data next to itself
# (os.path.join(os.path.dirname(__file__), 'data.csv'), common in
# submitted scripts) reads another folder. __name__ and sys.argv[0] are
# right. Diagnosis (runtime globals protocol, or sema): the runner sets
# __name__ in each part's globals but leaves the tasks module's own
# __file__; it should be the program's absolute path (CPython 3.9+ makes
# the script's __file__ absolute), which surgec would have to record in
# the manifest; or surgec should reject __file__ as unsupported.
# Fixed (was XFAIL).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok dunder-file.py
import os.path
print(os.path.basename(__file__))
print(os.path.isabs(__file__) and os.path.basename(os.path.dirname(__file__)) == "regressions")
