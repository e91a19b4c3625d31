import sys
def spin(n):
    t = 0
    for i in range(n):
        t = (t + i) % 977
    return t


a = spin(60000)
b = spin(60000)
print(a, b)

try:
    sys.exit((7,))
except ValueError:
    pass
