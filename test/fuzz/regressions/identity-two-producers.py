# Found while probing what gen_program.py's snippets suggested (aliasing
# through assignment): two names bound to one object, never changed, reach
# a task from two different producers, so `is` tells them apart: CPython
#   40000 119880 / True True
# the task program, at every -j,
#   40000 119880 / False True
# T2 receives 'a' from T0 and 'b' from T1; each producer's values are
# unpickled on their own, so they are two lists. The same happens with
# immutable values CPython shares (b = a with a long str or a big int).
# Diagnosis (partition, alias classes): names that may reach one object
# travel together only when the object is changed somewhere; identity
# (`is`, `is not`, id()) observes sharing without a change. Fixed: the
# names of an alias class whose identity is compared travel together
# (and an immutable shared value makes the program one task).
# RUN: %surgec -print-tasks %s | FileCheck %s --check-prefix=TASKS
# TASKS: they share an object whose identity is compared
# RUN: %python %S/../../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok identity-two-producers.py
a = [1, 2, 3]
data = [(i * 7919) % 1000 for i in range(40000)]
b = a
t = 0
for x in data:
    t += x % 7
print(len(data), t)
print(a is b, a == b)
