#!/usr/bin/env python3
"""Random programs in surgec's Python subset (docs/language.md) for
differential testing against CPython (test/fuzz/difftest.py).

usage: gen_program.py SEED [-o FILE]
       gen_program.py --self-test [--count N]

A program is a pure function of its seed. It is built from snippets, each
aimed at something the parallel translation can get wrong: reductions of
every kind the loop splitter knows (docs/tasks.md) and their near misses
(the accumulator read elsewhere, a float sum, a recurrence, a print, a
shared mutable object kept, a break), loops inside pure functions called
from top-level statements and from `for r in range(3)`, aliasing through
assignment, arguments and containers, functions that mutate their
arguments and module-level objects, two names for one object compared
with `is` after other tasks ran, values that pickling cannot carry as
they are (dict views, frozensets), recursion as deep as CPython allows,
prints and files written, appended
and read back between computations, tuple assignments with swaps and
repeated targets, exceptions and sys.exit. Loops run over 20k-60k items so
that surgec makes several tasks and splits them, yet a program runs in
well under a second.

Every snippet binds fresh or reused names unconditionally and records
their types, so later snippets only use names that are bound and of the
type they expect: the programs are valid and deterministic (with
PYTHONHASHSEED=0, as run_compare.py sets, even sets of strs print in a
fixed order). --self-test checks that, for the CI run of the generator."""
import argparse
import random
import sys

# Types of the values snippets bind.
ILIST, SLIST, INT, STR, DICT, SET, ROWS = "ilist", "slist", "int", "str", "dict", "set", "rows"

# Files the programs write: few names, so that snippets share paths.
FILES = ["f0.txt", "f1.txt", "log.txt"]


class Program:
    """The program being built: hoisted imports, function definitions, the
    main statements, and the names bound so far with their types."""

    def __init__(self, rng):
        self.rng = rng
        self.defs = []          # lines of top-level defs, in order
        self.main = []          # lines of the main statements
        self.names = {}         # name -> type, for names bound at top level
        self.counter = 0
        self.n = rng.choice([20000, 30000, 40000, 50000, 60000])
        self.uses_sys = False
        self.uses_random = False
        self.uses_os_path = False
        self.seeded = False
        self.ended = False      # an uncaught exception or sys.exit was emitted
        self.shared = []        # (name, name) bound to one object, for `is`

    def fresh(self, stem):
        """A new name; sometimes an existing one of any type is rebound,
        which tests the versioned sends (`name@12`) of the partition."""
        self.counter += 1
        return f"{stem}{self.counter}"

    def reuse_or_fresh(self, stem, typ):
        """A name to bind a value of type typ: a reused name from a small
        pool (rebinding stresses name versions) or a fresh one."""
        if self.rng.random() < 0.3:
            name = self.rng.choice(["acc", "res", "out", "tmp"])
            return name
        return self.fresh(stem)

    def pick(self, typ):
        """A bound name of type typ, or None."""
        cands = [n for n, t in self.names.items() if t == typ]
        return self.rng.choice(cands) if cands else None

    def bind(self, name, typ):
        self.names[name] = typ

    def emit(self, lines):
        self.main.extend(lines)


# ----------------------------------------------------------------- expressions

def int_expr(rng, x):
    """An int expression of the int x, cheap and never raising."""
    a, m = rng.randint(2, 97), rng.choice([7, 10, 13, 101, 997, 1009])
    return rng.choice([
        f"{x} % {m}",
        f"({x} * {a}) % {m}",
        f"{x} // {a}",
        f"({x} ^ {a}) % {m}",
        f"{x} * {x} % {m}",
        f"{x} + {a}",
        f"abs({x} - {a * 100})",
    ])


def int_cond(rng, x):
    """A condition on the int x, true for a fair share of items."""
    m = rng.choice([2, 3, 5, 7, 11])
    return rng.choice([
        f"{x} % {m} == {rng.randrange(m)}",
        f"{x} % {m} != 0",
        f"{x} > {rng.randint(10, 900)}",
        f"{x} & 1",
    ])


def rare_cond(rng, x):
    """A condition true for few items (prints, string growth)."""
    m = rng.choice([997, 2003, 4999, 9973])
    return f"{x} % {m} == {rng.randrange(50)}"


# ----------------------------------------------------------------- reductions
#
# A reduction is (init lines, body lines, result expression, names it binds),
# written for the loop's item `x` (an int) and index `i`, and an accumulator
# name chosen by the caller.

def reduction(rng, kind, acc, x, i):
    """Lines of one reduction of the given kind over the item x at index i."""
    e = int_expr(rng, x)
    c = int_cond(rng, x)
    guard = rng.random() < 0.5
    if kind == "sum":
        op = rng.choice(["+=", "-=", "= {acc} +"])
        body = [f"{acc} += {e}"] if op == "+=" else [f"{acc} -= {e}"] if op == "-=" else [f"{acc} = {acc} + {e}"]
        init, res = [f"{acc} = {rng.choice([0, 0, 5, -3])}"], acc
    elif kind == "prod":
        init, body, res = [f"{acc} = 1"], [f"{acc} *= (2 if {x} % {rng.choice([97, 101, 211])} == 0 else 1)"], f"{acc} % 1000003"
        guard = False
    elif kind == "strcat":
        init = [f"{acc} = ''"]
        body = [f"if {rare_cond(rng, x)}:", f"    {acc} += str({e}) + ','"]
        res, guard = acc, False
    elif kind == "append":
        init = [f"{acc} = []"]
        body = [rng.choice([f"{acc}.append({e})", f"{acc} += [{e}]", f"{acc}.append(({i}, {e}))",
                            f"{acc} = {acc} + [{e}]" if rng.random() < 0.1 else f"{acc}.append(str({e}))"])]
        if body[0].startswith(f"{acc} = "):
            # Copies the list each time: only for a few items, or the
            # program runs for a minute (no rng drawn: seeds stay as they were).
            body, guard = [f"if {x} % 997 == 3:", "    " + body[0]], False
        res = f"(len({acc}), {acc}[:4], {acc}[-3:])"
    elif kind == "setadd":
        init = [f"{acc} = set()"]
        body = [rng.choice([f"{acc}.add({e})", f"{acc}.add('k%d' % ({e}))"])]
        res = f"(len({acc}), list({acc})[:6])"
    elif kind == "count":
        k = rng.choice([f"{x} % {rng.choice([7, 13, 50])}", f"'k%d' % ({x} % {rng.choice([5, 17])})"])
        init = [f"{acc} = {{}}"]
        body = [f"{acc}[{k}] = {acc}.get({k}, 0) + {rng.choice(['1', e])}"]
        res = f"list({acc}.items())[:8]"
    elif kind == "store":
        k = rng.choice([f"{x} % {rng.choice([7, 13, 50])}", f"'k%d' % ({x} % {rng.choice([5, 17])})"])
        init = [f"{acc} = {{}}"]
        body = [f"{acc}[{k}] = {rng.choice([i, e, f'({i}, {x})'])}"]
        res = f"list({acc}.items())[:8]"
    elif kind == "group":
        k = f"{x} % {rng.choice([3, 5, 11])}"
        init = [f"{acc} = {{}}"]
        body = [f"{acc}.setdefault({k}, []).append({rng.choice([i, e])})"]
        res = f"[(k, len(v), v[:3]) for k, v in {acc}.items()]"
    elif kind == "index":
        m = rng.choice([5, 8, 16])
        init = [f"{acc} = [0] * {m}"]
        body = [f"{acc}[{x} % {m}] += {e}"]
        res = acc
    elif kind == "keyadd":
        m = rng.choice([3, 7, 10])
        init = [f"{acc} = {{k: 0 for k in range({m})}}"]
        body = [f"{acc}[{x} % {m}] += {e}"]
        res = f"list({acc}.items())"
    elif kind in ("max", "min"):
        init = [f"{acc} = {0 if kind == 'max' else 10 ** 9}"]
        body = [f"{acc} = {kind}({acc}, {e})"]
        res = acc
    elif kind == "argmax":
        op = rng.choice([">", ">=", "<", "<="])
        start = -1 if op in (">", ">=") else 10 ** 9
        init = [f"{acc} = {start}", f"{acc}_at = -1"]
        body = [f"if {e} {op} {acc}:", f"    {acc} = {e}", f"    {acc}_at = {i}"]
        res = f"({acc}, {acc}_at)"
        guard = False
    # Near misses: loops the splitter must refuse (or handle exactly).
    elif kind == "readacc":
        init = [f"{acc} = 0", f"{acc}_hits = 0"]
        body = [f"{acc} += {e}", f"if {acc} % 7 == 0:", f"    {acc}_hits += 1"]
        res, guard = f"({acc}, {acc}_hits)", False
    elif kind == "float":
        init = [f"{acc} = 0.0"]
        body = [f"{acc} += {rng.choice([f'{x} * 0.1', f'{x} / 3', f'({e}) * 1.5'])}"]
        res = acc
    elif kind == "recur":
        init = [f"{acc} = 0", f"{acc}_prev = 1"]
        body = [f"{acc} += {acc}_prev * 3 % 7", f"{acc}_prev = {e}"]
        res, guard = acc, False
    elif kind == "print":
        init = [f"{acc} = 0"]
        body = [f"{acc} += {e}", f"if {rare_cond(rng, x)}:", f"    print('at', {i}, {acc})"]
        res, guard = acc, False
    elif kind == "break":
        init = [f"{acc} = 0"]
        body = [f"{acc} += {e}", f"if {acc} > {rng.randint(10 ** 5, 10 ** 7)}:", "    break"]
        res, guard = acc, False
    elif kind == "continue":
        init = [f"{acc} = 0"]
        body = [f"if {c}:", "    continue", f"{acc} += {e}"]
        res, guard = acc, False
    elif kind == "raise":
        # Raises for some item (or for none): the error surfaces at the
        # same item, after the same effects, as in CPython.
        which = rng.choice(["zero", "index", "key"])
        init = [f"{acc} = 0"]
        m = rng.choice([1000, 5000, 30000, 70000])
        if which == "zero":
            body = [f"{acc} += 1000 // ({x} % {m} - {rng.randrange(m)})"]
        elif which == "index":
            body = [f"{acc} += [1, 2, 3][{x} % {m} // {max(1, m // 3 - rng.randint(0, 3))}]"]
        else:
            body = [f"{acc} += {{0: 1, 1: 2}}[{x} % {m} // {max(1, m // 2 - rng.randint(0, 2))}]"]
        res, guard = acc, False
    else:
        raise ValueError(kind)
    if guard:
        body = [f"if {c}:"] + ["    " + b for b in body]
    return init, body, res


SPLITTABLE = ["sum", "prod", "strcat", "append", "setadd", "count", "store", "group", "index",
              "keyadd", "max", "min", "argmax"]
NEAR_MISS = ["readacc", "float", "recur", "print", "break", "continue", "raise"]


def choose_kinds(rng):
    """One to three reductions for a loop; mostly splittable ones, with a
    near miss now and then (print, break and raise are rarer: a program
    has only so much room for them)."""
    kinds = [rng.choice(SPLITTABLE) for _ in range(rng.choice([1, 1, 2, 3]))]
    if rng.random() < 0.3:
        kinds.append(rng.choice(NEAR_MISS))
    return kinds


def loop_over(rng, src, x, i):
    """A for header over the int list src binding x (and i), and the lines
    that bind x inside the body when the header binds only i."""
    shape = rng.choice(["items", "range", "enumerate"])
    if shape == "items":
        # i must still be bound for reductions that use it.
        return f"for {x} in {src}:", [], x
    if shape == "range":
        return f"for {i} in range(len({src})):", [f"{x} = {src}[{i}]"], i
    return f"for {i}, {x} in enumerate({src}):", [], i


# ----------------------------------------------------------------- snippets

def snip_data(p):
    """A fresh data list (ints, strs, or rows of ints)."""
    rng, n = p.rng, p.n
    a, b, m = rng.randint(3, 9973), rng.randint(0, 100), rng.choice([1000, 10007, 100003])
    kind = rng.choice([ILIST, ILIST, ILIST, SLIST, ROWS])
    name = p.fresh({ILIST: "data", SLIST: "words", ROWS: "rows"}[kind])
    if kind == ILIST:
        p.emit([f"{name} = [(i * {a} + {b}) % {m} for i in range({n})]"])
    elif kind == SLIST:
        p.emit([f"{name} = ['w%d' % ((i * {a}) % {rng.choice([50, 300])}) for i in range({n})]"])
    else:
        p.emit([f"{name} = [[i % {rng.choice([7, 13])}, (i * {a}) % {m}] for i in range({n // 2})]"])
    p.bind(name, kind)


def need(p, typ):
    """A bound name of typ, making the data first if there is none."""
    name = p.pick(typ)
    if name is None:
        while name is None:
            snip_data(p)
            name = p.pick(typ)
    return name


def snip_toplevel_loop(p):
    """A top-level for loop holding one or more reductions, printed after."""
    rng = p.rng
    src = need(p, ILIST)
    x, i = "x", "i"
    header, pre, idx = loop_over(rng, src, x, i)
    init, body, res = [], [], []
    for kind in choose_kinds(rng):
        acc = p.fresh(kind[:3])
        a, b, r = reduction(rng, kind, acc, x, idx)
        init += a
        body += b
        res.append(r)
    p.emit(init + [header] + ["    " + l for l in pre + body])
    if rng.random() < 0.3:
        # The loop's variables after the loop: the last item's values.
        res.append(idx)
    p.emit([f"print({', '.join(res)})"])


def snip_str_loop(p):
    """A loop over a str list: counting words, grouping, collecting."""
    rng = p.rng
    src = need(p, SLIST)
    acc = p.fresh("wc")
    kind = rng.choice(["count", "store", "setadd", "append", "strcat", "max"])
    if kind == "count":
        init, body, res = [f"{acc} = {{}}"], [f"{acc}[w] = {acc}.get(w, 0) + 1"], f"sorted({acc}.items())[:5], list({acc})[:5]"
    elif kind == "store":
        init, body, res = [f"{acc} = {{}}"], [f"{acc}[w[:2]] = w"], f"list({acc}.items())"
    elif kind == "setadd":
        init, body, res = [f"{acc} = set()"], [f"{acc}.add(w)"], f"len({acc}), list({acc})[:5]"
    elif kind == "append":
        init, body, res = [f"{acc} = []"], [f"if w.endswith('{rng.randrange(10)}'):", f"    {acc}.append(w.upper())"], f"len({acc}), {acc}[-3:]"
    elif kind == "strcat":
        init, body, res = [f"{acc} = ''"], [f"if w == 'w{rng.randrange(60)}':", f"    {acc} += w[1:]"], f"len({acc}), {acc}[:20]"
    else:
        init, body, res = [f"{acc} = 0"], [f"{acc} = max({acc}, len(w))"], acc
    p.emit(init + [f"for w in {src}:"] + ["    " + l for l in body] + [f"print({res})"])
    if kind in ("count", "store"):
        p.bind(acc, DICT)


def snip_pure_function(p):
    """A pure function holding a reducing loop, called by a top-level
    statement (`r = f(data)`), in a `for r in range(3)`, or in a print."""
    rng = p.rng
    src = need(p, ILIST)
    f = p.fresh("calc")
    x, i = "x", "i"
    use_r = rng.random() < 0.5
    params = "xs, r" if use_r else "xs"
    header, pre, idx = loop_over(rng, "xs", x, i)
    init, body, res = [], [], []
    kinds = choose_kinds(rng)
    for kind in kinds:
        acc = p.fresh(kind[:3])
        a, b, r = reduction(rng, kind, acc, x, idx)
        if use_r and kind == "sum" and rng.random() < 0.7:
            b = [l.replace(f"{acc} += ", f"{acc} += r + ", 1) for l in b]
        init += a
        body += b
        res.append(r)
    lines = [f"def {f}({params}):"] + ["    " + l for l in init]
    if rng.random() < 0.3:
        lines.append(f"    xs = xs[{rng.randint(0, 5)}:]")
    lines += ["    " + header] + ["        " + l for l in pre + body]
    lines.append(f"    return {', '.join(res) if len(res) > 1 else res[0]}")
    p.defs.append(lines)
    shape = rng.choice(["assign", "assign", "rounds", "print", "rounds-acc"])
    if not use_r:
        shape = rng.choice(["assign", "print"])
    args = f"{src}, r" if use_r else src
    if shape == "assign":
        out = p.reuse_or_fresh("res", INT)
        arg = f"{src}, {rng.randint(0, 3)}" if use_r else src
        p.emit([f"{out} = {f}({arg})", f"print({out})"])
        p.names.pop(out, None)
    elif shape == "print":
        arg = f"{src}, -1" if use_r else src
        p.emit([f"print({f}({arg}))"])
    elif shape == "rounds":
        out = p.fresh("r2_")
        p.emit(["for r in range(3):", f"    {out} = {f}({args})", f"    print(r, {out})"])
    else:
        out = p.fresh("hist")
        p.emit([f"{out} = []", "for r in range(3):", f"    {out}.append({f}({args}))", f"print({out})"])


def snip_alias(p):
    """Aliasing through assignment, containers and calls, then reading
    through the other name."""
    rng = p.rng
    src = need(p, ILIST)
    b = p.fresh("alias")
    shape = rng.choice(["assign", "box", "pair", "ident", "slice"])
    if shape == "assign":
        p.emit([f"{b} = {src}", f"{b}.append({rng.randint(0, 99)})", f"{b}[0] = {b}[0] + 1",
                f"print(len({src}), {src}[0], {src}[-1])"])
    elif shape == "box":
        p.emit([f"{b} = {{'k': {src}, 'n': {rng.randint(0, 9)}}}", f"{b}['k'].append({b}['n'])",
                f"print({src}[-2:], len({b}['k']))"])
    elif shape == "pair":
        p.emit([f"{b} = [{src}, {src}]", f"{b}[0][1] += 7", f"{b}[1].append(-1)",
                f"print({src}[:3], {src}[-1], {b}[0] is {b}[1])"])
    elif shape == "ident":
        f = p.fresh("same")
        p.defs.append([f"def {f}(xs):", "    return xs"])
        p.emit([f"{b} = {f}({src})", f"{b}.append(len({b}))", f"print({src}[-1], len({src}))"])
    else:
        p.emit([f"{b} = {src}[:]", f"{b}.append(-5)", f"{b}.sort()", f"print(len({src}), len({b}), {b}[:3], {src}[:3])"])
    if shape in ("assign", "ident", "slice"):
        p.bind(b, ILIST)


def snip_share(p):
    """Two names for one object, bound now and compared with `is` at the
    end (snip_print_state): by then other statements have run, maybe in
    other tasks, and both names must still reach one object."""
    rng = p.rng
    src = need(p, ILIST)
    b = p.fresh("alias")
    if rng.random() < 0.7:
        p.emit([f"{b} = {src}"])
        p.shared.append((b, src))
    else:
        big = p.fresh("big")
        p.emit([f"{big} = str(len({src}) * 10 ** 20)"])
        snip_toplevel_loop(p)
        p.emit([f"{b} = {big}"])
        p.shared.append((b, big))


def snip_mutating_function(p):
    """A function that changes its argument, or a module-level list or dict
    (no `global` needed), called from the top level and inside a loop."""
    rng = p.rng
    src = need(p, ILIST)
    f = p.fresh("touch")
    shape = rng.choice(["arg", "module-list", "module-dict", "arg-loop"])
    if shape == "arg":
        p.defs.append([f"def {f}(xs, v):", "    xs.append(v)", "    xs[0] = xs[0] - v", "    return len(xs)"])
        p.emit([f"print({f}({src}, {rng.randint(1, 9)}), {src}[0], {src}[-1])"])
    elif shape in ("module-list", "module-dict"):
        g = p.fresh("LOG" if shape == "module-list" else "SEEN")
        p.emit([f"{g} = {'[]' if shape == 'module-list' else '{}'}"])
        if shape == "module-list":
            p.defs.append([f"def {f}(v):", f"    {g}.append(v % 97)", f"    return len({g})"])
        else:
            p.defs.append([f"def {f}(v):", f"    {g}[v % 13] = {g}.get(v % 13, 0) + 1", f"    return len({g})"])
        cnt = p.fresh("calls")
        p.emit([f"{cnt} = 0", f"for x in {src}[:{rng.randint(10, 3000)}]:",
                f"    {cnt} += {f}(x)", f"print({cnt}, {g} if len({g}) < 20 else len({g}))"])
        p.bind(g, ILIST if shape == "module-list" else DICT)
    else:
        p.defs.append([f"def {f}(xs, k):", "    for j in range(len(xs)):", "        if xs[j] % k == 0:",
                       "            xs[j] = xs[j] // k", "    return xs"])
        out = p.fresh("same")
        p.emit([f"{out} = {f}({src}, {rng.randint(2, 7)})", f"print(sum({src}), {out} is {src})"])
        p.bind(out, ILIST)


def snip_files(p):
    """Write, append and read back the same path between computations."""
    rng = p.rng
    path = rng.choice(FILES)
    src = need(p, ILIST)
    shape = rng.choice(["write", "append", "read", "roundtrip"])
    if shape == "write":
        p.emit([f"with open('{path}', 'w') as fh:", f"    for v in {src}[:{rng.randint(5, 200)}]:",
                "        fh.write(str(v) + '\\n')"])
    elif shape == "append":
        p.emit([f"with open('{path}', 'a') as fh:", f"    fh.write('sum %d\\n' % sum({src}))"])
    elif shape == "read":
        back = p.fresh("back")
        p.emit([f"with open('{path}', 'a') as fh:", f"    fh.write('len %d\\n' % len({src}))",
                f"with open('{path}') as fh:", f"    {back} = fh.read().split('\\n')",
                f"print(len({back}), {back}[:3])"])
    else:
        back = p.fresh("nums")
        p.emit([f"with open('{path}', 'w') as fh:",
                f"    fh.write('\\n'.join(str(v) for v in {src}))",
                f"with open('{path}') as fh:", f"    {back} = [int(t) for t in fh.read().split()]",
                f"print(len({back}), sum({back}))"])
        p.bind(back, ILIST)


def snip_tuples(p):
    """Tuple assignments: swaps, repeated targets, an index that the same
    assignment binds."""
    rng = p.rng
    src = need(p, ILIST)
    a, b = p.fresh("ta"), p.fresh("tb")
    shape = rng.choice(["swap", "repeat", "index", "rotate", "loop-swap"])
    if shape == "swap":
        p.emit([f"{a}, {b} = len({src}), {src}[0]", f"{a}, {b} = {b}, {a}", f"print({a}, {b})"])
    elif shape == "repeat":
        p.emit([f"{a}, {a} = {src}[1], {src}[2]", f"{a}, {b}, {a} = 1, {a}, 3", f"print({a}, {b})"])
    elif shape == "index":
        p.emit([f"{a} = 0", f"{a}, {src}[{a}] = 2, {rng.randint(100, 999)}", f"print({a}, {src}[:4])"])
    elif shape == "rotate":
        p.emit([f"{src}[0], {src}[1], {src}[2] = {src}[1], {src}[2], {src}[0]", f"print({src}[:4])"])
    else:
        p.emit([f"{a}, {b} = 0, 1", f"for x in {src}[:{rng.randint(10, 80)}]:",
                f"    {a}, {b} = {b}, ({a} + {b} + x) % 1000003", f"print({a}, {b})"])
    if shape != "rotate":
        p.bind(a, INT)
    if shape in ("swap", "repeat", "loop-swap"):
        p.bind(b, INT)


def snip_control(p):
    """Top-level loops with break and continue, a while loop."""
    rng = p.rng
    src = need(p, ILIST)
    acc = p.fresh("found")
    shape = rng.choice(["break", "continue", "while", "else"])
    if shape == "break":
        p.emit([f"{acc} = -1", f"for i in range(len({src})):",
                f"    if {src}[i] % {rng.choice([101, 997, 4999])} == {rng.randrange(40)}:",
                f"        {acc} = i", "        break", f"print({acc}, i)"])
    elif shape == "continue":
        p.emit([f"{acc} = 0", f"for x in {src}:", f"    if {int_cond(rng, 'x')}:", "        continue",
                f"    {acc} += {int_expr(rng, 'x')}", f"print({acc})"])
    elif shape == "while":
        p.emit([f"{acc} = 0", "k = 0", f"while k < len({src}) and {acc} < {rng.randint(10 ** 4, 10 ** 7)}:",
                f"    {acc} += {src}[k]", "    k += 1", f"print({acc}, k)"])
    else:
        p.emit([f"{acc} = 0", f"for x in {src}:", f"    if x == {rng.randint(0, 1500)}:",
                "        break", f"    {acc} += 1", "else:", f"    {acc} = -{acc}", f"print({acc})"])
    p.bind(acc, INT)


def snip_shared(p):
    """Storing shared mutable objects in an accumulator, then changing the
    shared object: the stored copies must be the same object."""
    rng = p.rng
    src = need(p, ILIST)
    row, out = p.fresh("row"), p.fresh("kept")
    p.emit([f"{row} = [0, 0]", f"{out} = []", f"for x in {src}:", f"    if x % {rng.choice([97, 1009])} == 0:",
            f"        {out}.append({row})", f"{row}[0] = 9", f"print(len({out}), {out}[:2], {out}[0] is {row} if {out} else None)"])


def snip_rows(p):
    """Rows of a list of lists: a loop indexing into each row, and
    changing one row afterwards."""
    rng = p.rng
    rows = need(p, ROWS)
    acc = p.fresh("rs")
    kind = rng.choice(["index", "count", "group", "sum"])
    if kind == "index":
        p.emit([f"{acc} = [0] * 13", f"for r in {rows}:", f"    {acc}[r[0]] += r[1] % 100", f"print({acc})"])
    elif kind == "count":
        p.emit([f"{acc} = {{}}", f"for a, b in {rows}:", f"    {acc}[a] = {acc}.get(a, 0) + b", f"print(list({acc}.items()))"])
    elif kind == "group":
        p.emit([f"{acc} = {{}}", f"for r in {rows}:", f"    {acc}.setdefault(r[0], []).append(r[1])",
                f"print([(k, len(v), sum(v)) for k, v in {acc}.items()])"])
    else:
        p.emit([f"{acc} = 0", f"for r in {rows}:", f"    {acc} += r[0] * r[1]", f"print({acc})"])
    if rng.random() < 0.5:
        p.emit([f"{rows}[0].append(1)", f"print({rows}[0], len({rows}))"])


def snip_exception(p, uncaught):
    """An exception mid-program, in a loop or a function; caught and
    printed, or (uncaught) ending the program."""
    rng = p.rng
    src = need(p, ILIST)
    f = p.fresh("boom")
    which = rng.choice(["zero", "index", "key"])
    pos = rng.randint(0, p.n - 1)
    if which == "zero":
        expr = f"100 // (i - {pos})"
    elif which == "index":
        expr = f"xs[i + {p.n - pos}]"
    else:
        expr = f"{{0: 1}}[i // {pos + 1}]" if pos % 2 else f"{{'a': 1}}['a' if i < {pos} else 'b']"
    p.defs.append([f"def {f}(xs):", "    t = 0", "    for i in range(len(xs)):",
                   f"        t += {expr}", "    return t"])
    call = rng.choice([f"print({f}({src}))", f"{p.fresh('v')} = {f}({src})"])
    if uncaught:
        p.emit([call])
        p.ended = True
    else:
        p.emit(["try:", "    " + call, "except (ZeroDivisionError, IndexError, KeyError) as e:",
                "    print('caught', type(e).__name__, e)"])


def snip_exit(p):
    """sys.exit with a status, None, or a message."""
    rng = p.rng
    p.uses_sys = True
    arg = rng.choice(["0", "1", "3", "None", "'bye'", "2"])
    src = p.pick(ILIST)
    if src and rng.random() < 0.5:
        p.emit([f"if len({src}) > 0:", f"    sys.exit({arg})"])
    else:
        p.emit([f"sys.exit({arg})"])
    p.ended = True


def snip_print_state(p):
    """Print a digest of the bound values: catches a value that one task
    changed and another did not see; and whether names bound to one object
    still are (`is`)."""
    for a, b in p.shared:
        if a != b:
            p.emit([f"print({a} is {b})"])
    p.shared.clear()
    shown = [n for n, t in p.names.items() if t in (ILIST, INT, DICT)]
    p.rng.shuffle(shown)
    for n in shown[:3]:
        t = p.names[n]
        if t == ILIST:
            p.emit([f"print('{n}', len({n}), sum({n}) % 1000003, {n}[:3])"])
        elif t == DICT:
            p.emit([f"print('{n}', len({n}), list({n}.items())[:3])"])
        else:
            p.emit([f"print('{n}', {n})"])


def snip_recursion(p, rng):
    """A recursive function called as deep as CPython allows (with its
    default limit, depth(998) from the module level; depth(999) raises),
    or near it: a task must leave user code exactly that many frames."""
    f = p.fresh("depth")
    p.defs.append([f"def {f}(n):", "    if n == 0:", "        return 0", f"    return 1 + {f}(n - 1)"])
    n = rng.choice([rng.randint(900, 998), 998, 999])
    p.emit(["try:", f"    print({f}({n}))", "except RecursionError as e:", "    print('deep', e)"])


def snip_held_value(p, rng):
    """A value bound right after the first data list and read at the end,
    after the program's heavy statements: values that cannot travel by
    pickle as they are (a dict view, a frozenset whose order pickling may
    change), and a file written early whose existence is asked late."""
    first = p.main[0].split(" = ")[0]
    v = p.fresh("held")
    kind = rng.choice(["keys", "values", "items", "frozenset", "exists"])
    if kind in ("keys", "values", "items"):
        bind = [f"{v} = {{i: str(w) for i, w in enumerate({first}[:40])}}.{kind}()"]
        read = [f"print('{v}', len({v}), sorted({v})[:3])"]
    elif kind == "frozenset":
        bind = [f"{v} = frozenset('f%s' % (w,) for w in {first}[:60])"]
        read = [f"print('{v}', len({v}), list({v})[:5])"]
    else:
        p.uses_os_path = True
        bind = ["with open('flag.txt', 'w') as fh:", f"    fh.write(str(len({first})))"]
        read = [f"print('{v}', os.path.exists('flag.txt'), os.path.isfile('f0.txt'))"]
    p.main[1:1] = bind
    p.emit(read)


def snip_random(p):
    """The random module, seeded: draws must come in program order even
    when the statements around them run in parallel."""
    rng = p.rng
    p.uses_random = True
    v = p.fresh("draws")
    if rng.random() < 0.5 or not p.seeded:
        p.emit([f"random.seed({rng.randint(0, 99)})"])
        p.seeded = True
    p.emit([f"{v} = [random.randint(0, 999) for _ in range({rng.randint(3, 2000)})]",
            f"print(len({v}), sum({v}), {v}[:3])"])
    p.bind(v, ILIST)


SNIPPETS = [
    (snip_toplevel_loop, 6), (snip_pure_function, 6), (snip_str_loop, 2), (snip_alias, 2), (snip_share, 2),
    (snip_mutating_function, 2), (snip_files, 2), (snip_tuples, 2), (snip_control, 2),
    (snip_shared, 1), (snip_rows, 1), (snip_print_state, 1), (snip_random, 1),
]


def generate(seed):
    """The program text for seed: between 5 and 12 snippets after one or two
    data lists, maybe ended early by an exception or sys.exit, maybe inside
    an `if __name__ == '__main__':` block."""
    rng = random.Random(seed)
    p = Program(rng)
    for _ in range(rng.choice([1, 2])):
        snip_data(p)
    funcs, weights = zip(*SNIPPETS)
    count = rng.randint(5, 12)
    end_at = rng.randrange(count) if rng.random() < 0.25 else -1
    for k in range(count):
        if k == end_at:
            if rng.random() < 0.6:
                snip_exception(p, uncaught=True)
            else:
                snip_exit(p)
            continue
        if rng.random() < 0.08:
            snip_exception(p, uncaught=False)
            continue
        rng.choices(funcs, weights)[0](p)
    # Added later, from an rng of its own, so that the programs of seeds
    # without it stayed as they were (and known-seeds.txt with them).
    extra = random.Random(seed * 7919 + 17)
    if extra.random() < 0.1:
        snip_recursion(p, extra)
    extra2 = random.Random(seed * 104729 + 5)
    if extra2.random() < 0.15:
        snip_held_value(p, extra2)
    snip_print_state(p)
    out = [f"# generated by test/fuzz/gen_program.py, seed {seed}"]
    if p.uses_sys:
        out.append("import sys")
    if p.uses_random:
        out.append("import random")
    if p.uses_os_path:
        out.append("import os.path")
    for d in p.defs:
        out += [""] + d
    out.append("")
    if rng.random() < 0.3:
        out.append("if __name__ == '__main__':")
        out += ["    " + l for l in p.main]
    else:
        out += p.main
    return "\n".join(out) + "\n"


# The only errors programs may stop with: the ones snippets raise on purpose
# (sys.exit(N) stops with none).
INTENDED = ("ZeroDivisionError:", "IndexError:", "KeyError:", "bye")


def self_test(count, runs):
    """Each program compiles under CPython, and the same seed gives the
    same text: what difftest.py relies on. The first `runs` programs also
    run, and may only stop with an error a snippet raises on purpose (a
    NameError or TypeError would be the generator's bug, and would hide
    the rest of the program from the test)."""
    import os
    import subprocess
    import tempfile
    bad = 0
    for seed in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            prog = os.path.join(tmp, "prog.py")
            with open(prog, "w") as f:
                f.write(generate(seed))
            r = subprocess.run([sys.executable, prog], cwd=tmp, capture_output=True, timeout=60)
            last = (r.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
            if r.returncode != 0 and last and not last.startswith(INTENDED):
                print(f"seed {seed}: stops with {last}")
                bad += 1
    for seed in range(count):
        text = generate(seed)
        if text != generate(seed):
            print(f"seed {seed}: not deterministic")
            bad += 1
        try:
            compile(text, f"seed{seed}.py", "exec")
        except SyntaxError as e:
            print(f"seed {seed}: {e}")
            bad += 1
    print(f"gen_program: {count} programs, {bad} bad")
    return 1 if bad else 0


# The lit run of this file checks the generator itself.
# RUN: %python %s --self-test --count 300 --run 30 | FileCheck %s
# CHECK: gen_program: 300 programs, 0 bad

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seed", nargs="?", type=int)
    ap.add_argument("-o", dest="output")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--run", type=int, default=0, help="with --self-test: also run this many programs")
    a = ap.parse_args()
    if a.self_test:
        return self_test(a.count, a.run)
    if a.seed is None:
        ap.error("a seed is required")
    text = generate(a.seed)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
