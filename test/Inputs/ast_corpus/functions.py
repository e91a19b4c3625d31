# Functions, nested functions, recursion, try, raise, with.
FILE_NAME = "table.csv"
log = []


def note(msg):
    log.append(f"{FILE_NAME}: {msg}")


def nothing():
    pass


def minmax(xs, start=0):
    if not xs:
        return
    lo = hi = xs[start]
    for x in xs[start:]:
        lo, hi = min(lo, x), max(hi, x)
    return lo, hi


def defaults(a, b=1, c=None, d=(1, 2), e=[], f=-1.5, g="s" "t", h=lambda: 0,):
    return (a, b, c, d, e, f, g, h)


def one_line(x): return x + 1


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def load(lines):
    def infer_type(value):
        try:
            return int(value)
        except ValueError:
            return value.strip()

    def outer():
        def inner(k=2):
            return k
        return inner()
    return [[infer_type(c) for c in line.split(",")] for line in lines], outer()


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad number {s!r}") from e


def errors():
    try:
        x = 1 / 0
    except ZeroDivisionError as e:
        print("error:", e)
    except (ValueError, TypeError):
        x = 0
    except (KeyError) as e:
        x = 1
    except:
        raise
    else:
        print(x)
    finally:
        print("done")
    try:
        pass
    finally:
        pass
    try:
        pass
    except Exception:
        pass
    else:
        pass
    try:
        x = 2
    except IndexError:
        pass
    finally:
        x = 3
    try: x = 4
    except: pass
    return x


def raising(kind):
    if kind == 1:
        raise ValueError
    if kind == 2:
        raise ValueError("message")
    if kind == 3:
        raise RuntimeError("chained") from None
    raise


def files(name, other):
    with open(name) as src:
        text = src.read()
    with open(name) as src, open(other, "w", newline="") as dst:
        for line in src:
            dst.write(line.upper())
    with open(name):
        pass
    with open(name) as f1, open(name), open(name) as f2: pass
    with open(name) as (a):
        pass
    with (open(name), open(other)):  # two items, not a tuple (3.9+ grammar)
        pass
    with (open(name)) as f3, (open(other)):
        pass
    return text


def loops(xs):
    for x in xs:
        while x:
            x -= 1
            if x == 3:
                break
            continue
    return


lo, hi = minmax([3, 1, 2], start=1)
print(defaults(1, b=2, c=3), fib(10), parse("12"))
