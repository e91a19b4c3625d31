# A file written, then read back, then appended to, by heavy statements.
# RUN: %python %S/../Inputs/run_compare.py --surgec %surgec %s | FileCheck %s
# CHECK-COUNT-3: ok files.py
def spin(n):
    t = 0
    for i in range(n):
        t = (t * 31 + i) % 65521
    return t


with open("out.txt", "w") as f:
    f.write(str(spin(50000)) + "\n")
a = spin(60000)
with open("out.txt") as f:
    first = f.read()
with open("out.txt", "a") as f:
    f.write(str(a) + "\n")
print(first.strip(), a)
