# An uncaught AttributeError's last line keeps CPython's "Did you mean"
# (3.11 adds it only when displaying the error, from the object's names).
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok attribute-suggestion.py
def grow(xs, n):
    for i in range(n):
        xs.append(i * i % 11)
    return len(xs)


data = []
total = grow(data, 30000)
print(total)
data.appendd(total)
