# What cannot be rebuilt is said, and -emit-from-ir copies the source.
# RUN: %surgec -print-python %s | FileCheck %s
# RUN: rm -rf %t.tasks && %surgec -emit-tasks -emit-from-ir %s -o %t.tasks
# RUN: FileCheck --check-prefix=TASKS %s < %t.tasks/tasks.py

# The module holds a def that cannot be rebuilt.
# CHECK: # @<module>
# CHECK-NEXT: # @<module>: copied from the source: try statements are not rebuilt
# CHECK: # @safe
# CHECK-NEXT: # safe: copied from the source: try statements are not rebuilt
# TASKS: # copied from the source: try statements are not rebuilt
# TASKS-NEXT: def safe(xs):
# TASKS: def task_0():
# TASKS-NEXT: # copied from the source: try statements are not rebuilt
# TASKS: del x

def safe(xs):
    try:
        return xs[0]
    except IndexError:
        return None


x = safe([1])
del x
print(safe([]))

# A task whose statement is a try is copied, never run without its
# handler.
# TASKS: try:
# TASKS-NEXT: y = safe([])[0]
try:
    y = safe([])[0]
except TypeError as e:
    print("caught", e)
