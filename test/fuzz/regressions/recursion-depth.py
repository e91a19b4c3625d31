# Found while probing what the generated programs do not cover yet (the
# generator has since gained the snippet, gen_program.py snip_recursion):
# recursion as deep as CPython allows fails in a task. With the default
# limit of 1000, CPython runs depth(998) from the module level; the task
# program, at every -j, stops with
#   RecursionError: maximum recursion depth exceeded
# from depth(985) on: the runner's own frames under the task function
# (worker loop, _execute, _call, the task part) take 14 of the limit.
# Diagnosis (runtime): the worker should raise the recursion limit by the
# depth of its own frames at the call (less the one frame CPython's module
# level uses), so that user code gets exactly CPython's depth: no less
# (this test) and no more (depth(999) must still fail, as in CPython).
# Fixed (was XFAIL).
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok recursion-depth.py
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


data = [(i * 7919) % 1000 for i in range(40000)]
t = 0
for x in data:
    t += x % 7
print(t)
print(depth(998))
try:
    depth(999)
except RecursionError as e:
    print("RecursionError", e)
