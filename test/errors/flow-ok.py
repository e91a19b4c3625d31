# Places where break, continue and return are valid.
# RUN: %surgec -fsyntax-only %s
def f(xs):
    for x in xs:
        try:
            if x:
                continue
        finally:
            continue
    while True:
        try:
            break
        except ValueError:
            continue
    for a in xs:
        for b in xs:
            break
        else:
            continue
        break
    return [x for x in xs if x]
g = lambda: 1
