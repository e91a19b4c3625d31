# A program's own variable, parameter or function that happens to be named
# like a reflective builtin is not that builtin: it is an ordinary name of
# the subset and must be accepted.
# RUN: %surgec -fsyntax-only %s
vars = ["x", "y"]
print(len(vars))
def compile(source, mode="exec"):
    return source.strip()
print(compile(" a "))
def show(locals):
    return locals
for globals in range(2):
    print(globals)
