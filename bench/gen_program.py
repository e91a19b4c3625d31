#!/usr/bin/env python3
"""Write a large, deterministic Python 3.11 program for parse-speed benchmarks.

    python3 bench/gen_program.py --lines 100000 -o /tmp/big.py

The program is made of many top-level functions (10-40 lines each) that mix
the constructs of the Surge subset, followed by a module-level part that
calls some of them. Only parsing speed matters, so the code need not compute
anything useful, but it is kept well-typed (every variable keeps one type,
every name is defined before use) so that a front end that also resolves
names or checks types under -fsyntax-only accepts it too.

The same --lines and --seed always give byte-identical output: all choices
come from one random.Random(seed), never from the clock or hash order.
"""

import argparse
import random
import sys

# Value types the generator tracks, so expressions can be built to fit.
INT, FLOAT, STR, BOOL = "int", "float", "str", "bool"
LINT, LFLOAT, LSTR = "list_int", "list_float", "list_str"
DICT, SET = "dict", "set"  # dict[str, int] and set[int]
TYPES = [INT, FLOAT, STR, BOOL, LINT, LFLOAT, LSTR, DICT, SET]
SCALARS = [INT, FLOAT, STR, BOOL]
LISTS = {LINT: INT, LFLOAT: FLOAT, LSTR: STR}

NAME_POOL = {
    INT: ["n", "k", "count", "limit", "step", "idx", "base", "offset", "total", "width"],
    FLOAT: ["x", "y", "scale", "ratio", "weight", "alpha", "acc", "mean"],
    STR: ["s", "name", "label", "text", "sep", "prefix", "key", "line"],
    BOOL: ["flag", "verbose", "strict", "done", "found"],
    LINT: ["xs", "nums", "values", "ids", "counts_list", "buckets"],
    LFLOAT: ["ws", "samples", "points", "costs"],
    LSTR: ["words", "names", "rows", "tokens", "parts"],
    DICT: ["table", "index", "tally", "freq"],
    SET: ["seen", "marks", "picked"],
}
VERBS = ["compute", "scan", "merge", "build", "score", "count", "parse", "fold",
         "rank", "split", "pack", "check", "walk", "sum", "mix", "trim"]
NOUNS = ["rows", "words", "total", "table", "samples", "keys", "edges", "grid",
         "labels", "ratio", "weights", "spans", "runs", "stats", "hist", "line"]

# String literals with a spread of quoting and escapes.
STR_LITERALS = [
    '"alpha"', "'beta'", '"tab\\tsep"', "'it\\'s'", '"line\\n"', '"back\\\\slash"',
    '"\\x41\\x42C"', '"caf\\u00e9"', '"say \\"hi\\""', "''", '"a,b,c"', '" padded  "',
    '"\\u00b0C"', '"na\u00efve \u20ac"', "'\\101\\x42'", '"x=%d"', '"{braces}"',
    '"semi;colon # not a comment"', '"\\r\\n"', "'mixed \"quotes\"'",
]
FLOAT_LITERALS = ["0.5", "1.5e3", "2.5e-4", "3.0", ".25", "1_000.5", "6.02E23",
                  "1e-9", "10.", "0.125", "7.5e+2", "3.14159"]


class Func:
    """Signature of a generated function, so later code can call it."""

    def __init__(self, name, params, ret, io):
        self.name = name
        self.params = params  # [(name, type, default literal or None)]
        self.ret = ret
        self.io = io  # uses open(); never called


class Scope:
    """The variables visible at a point of a function body, by type."""

    def __init__(self):
        self.vars = {}  # name -> type, in definition order
        self.used = set()  # every name ever used in the function

    def fresh(self, t, rng):
        base = rng.choice(NAME_POOL[t])
        name, i = base, 2
        while name in self.used:
            name, i = "%s%d" % (base, i), i + 1
        self.used.add(name)
        return name

    def of(self, t):
        return [n for n, vt in self.vars.items() if vt == t]


def paren(e):
    """Parenthesize non-atomic expressions used as operands, to keep precedence."""
    return "(%s)" % e if " " in e else e


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.funcs = []
        self.scope = None
        self.last_var = "v"  # the latest comprehension variable

    # ---- literals and atoms ------------------------------------------------

    def int_lit(self):
        r = self.rng.random()
        if r < 0.6:
            return str(self.rng.randint(0, 99))
        if r < 0.8:
            return "{:_}".format(self.rng.randint(1000, 10**7))
        return hex(self.rng.randint(1, 0xFFFF)).replace("0x", self.rng.choice(["0x", "0X"]))

    def literal(self, t):
        rng = self.rng
        if t == INT:
            return self.int_lit()
        if t == FLOAT:
            return rng.choice(FLOAT_LITERALS)
        if t == STR:
            return rng.choice(STR_LITERALS)
        if t == BOOL:
            return rng.choice(["True", "False"])
        if t in LISTS:
            k = rng.randint(0, 4)
            return "[%s]" % ", ".join(self.literal(LISTS[t]) for _ in range(k))
        if t == DICT:
            k = rng.randint(0, 3)
            items = ['"%s": %s' % (rng.choice(NOUNS), self.int_lit()) for _ in range(k)]
            return "{%s}" % ", ".join(items)
        if t == SET:
            k = rng.randint(1, 4)
            return "{%s}" % ", ".join(self.int_lit() for _ in range(k))
        raise AssertionError(t)

    def atom(self, t):
        names = self.scope.of(t)
        if names and self.rng.random() < 0.75:
            return self.rng.choice(names)
        return self.literal(t)

    # ---- expressions by type -----------------------------------------------

    def expr(self, t, depth=2):
        if depth <= 0 or self.rng.random() < 0.3:
            return self.atom(t)
        return getattr(self, "expr_" + t)(depth - 1)

    def call_of(self, t, depth):
        """A call of an earlier function returning t, with keyword arguments."""
        cands = [f for f in self.funcs[-60:] if f.ret == t and not f.io]
        if not cands:
            return None
        f = self.rng.choice(cands)
        args = []
        for name, pt, default in f.params:
            if default is None:
                args.append(self.expr(pt, min(depth, 1)))
            elif self.rng.random() < 0.4:
                args.append("%s=%s" % (name, self.expr(pt, 0)))
        return "%s(%s)" % (f.name, ", ".join(args))

    def cond_expr(self, t, depth):
        return "%s if %s else %s" % (paren(self.expr(t, depth)), paren(self.expr(BOOL, depth)),
                                     paren(self.expr(t, depth)))

    def expr_int(self, d):
        rng = self.rng
        e = self.expr
        forms = [
            lambda: "%s %s %s" % (paren(e(INT, d)), rng.choice("+-*"), paren(e(INT, d))),
            lambda: "%s %s %s" % (paren(e(INT, d)), rng.choice(["//", "%"]), rng.randint(2, 9)),
            lambda: "len(%s)" % e(rng.choice([LINT, LSTR, STR, DICT, SET]), d),
            lambda: "int(%s)" % e(FLOAT, d),
            lambda: "round(%s)" % e(FLOAT, d),
            lambda: self.cond_expr(INT, d),
            lambda: "sum(%s for %s in %s)" % self.iter_parts(LINT),
            lambda: "sum(%s for %s in %s if %s > %s)" % (self.iter_parts(LINT)
                                                          + (self.last_var, self.int_lit())),
            lambda: "max(%s, %s)" % (e(INT, d), e(INT, d)),
            lambda: "min(%s, %s, %s)" % (e(INT, d), e(INT, d), self.int_lit()),
            lambda: "abs(%s)" % e(INT, d),
            lambda: "%s[%s]" % (self.atom(LINT), rng.choice(["0", "-1", "1", self.atom(INT)])),
            lambda: "%s.get(%s, 0)" % (self.atom(DICT), e(STR, 0)),
            lambda: "%s[%s]" % (self.atom(DICT), e(STR, 0)),
            lambda: "(lambda v: v * %s + 1)(%s)" % (self.int_lit(), e(INT, d)),
            lambda: "(lambda a, b=%s: a - b)(%s)" % (self.int_lit(), e(INT, d)),
            lambda: "%s %s %s" % (paren(e(INT, d)), rng.choice(["<<", ">>", "&", "|", "^"]),
                                  rng.choice(["2", "0xFF", "0x0f", "3"])),
            lambda: "-%s" % paren(e(INT, d)),
            lambda: "~%s" % paren(e(INT, d)),
            lambda: "%s.count(%s)" % (paren(e(STR, d)), rng.choice(STR_LITERALS)),
            lambda: "math.floor(%s)" % e(FLOAT, d),
            lambda: "math.gcd(%s, %s)" % (e(INT, d), e(INT, d)),
            lambda: "random.randint(0, %s)" % self.int_lit(),
            lambda: "len([%s for %s in %s if %s])" % (self.iter_parts(LSTR) + (self.last_var,)),
            lambda: self.call_of(INT, d) or self.atom(INT),
        ]
        return rng.choice(forms)()

    def expr_float(self, d):
        rng = self.rng
        e = self.expr
        forms = [
            lambda: "%s %s %s" % (paren(e(FLOAT, d)), rng.choice("+-*"), paren(e(FLOAT, d))),
            lambda: "%s / %s" % (paren(e(FLOAT, d)), rng.choice(["2.0", "1e3", "(abs(%s) + 1)" % e(FLOAT, 0)])),
            lambda: "float(%s)" % e(INT, d),
            lambda: "math.sqrt(abs(%s))" % e(FLOAT, d),
            lambda: "math.sin(%s) * math.pi" % e(FLOAT, d),
            lambda: "random.random()",
            lambda: "random.uniform(%s, %s)" % (rng.choice(FLOAT_LITERALS), rng.choice(FLOAT_LITERALS)),
            lambda: "sum(%s) / max(len(%s), 1)" % ((self.atom(LFLOAT),) * 2),
            lambda: "max(%s, default=0.0)" % self.atom(LFLOAT),
            lambda: "round(%s, %d)" % (e(FLOAT, d), rng.randint(1, 4)),
            lambda: self.cond_expr(FLOAT, d),
            lambda: "%s ** 2" % paren(e(FLOAT, d)),
            lambda: "%s[0]" % self.atom(LFLOAT),
            lambda: "sum(%s * 0.5 for %s in %s)" % self.iter_parts(LFLOAT),
            lambda: self.call_of(FLOAT, d) or self.atom(FLOAT),
        ]
        return rng.choice(forms)()

    def expr_str(self, d):
        rng = self.rng
        e = self.expr
        forms = [
            self.fstring, self.fstring, self.fstring,
            lambda: "%s + %s" % (paren(e(STR, d)), paren(e(STR, d))),
            lambda: "%s * %d" % (paren(e(STR, d)), rng.randint(2, 3)),
            lambda: "str(%s)" % e(rng.choice([INT, FLOAT]), d),
            lambda: "repr(%s)" % e(rng.choice(TYPES), d),
            lambda: "%s.%s()" % (paren(e(STR, d)), rng.choice(["upper", "lower", "strip", "title"])),
            lambda: "%s.replace(%s, %s)" % (paren(e(STR, d)), rng.choice(STR_LITERALS),
                                            rng.choice(STR_LITERALS)),
            lambda: "%s[%s]" % (self.atom(STR), rng.choice(["1:3", "::-1", ":4", "2:", "-3:", "::2"])),
            lambda: "%s[%s:%s]" % (self.atom(STR), self.atom(INT), self.atom(INT)),
            lambda: "%s.join(%s)" % (rng.choice(['", "', "'-'", '""', '"\\n"']), self.atom(LSTR)),
            lambda: "%s.join(str(%s) for %s in %s)" % ((rng.choice(['","', "' '"]),) + self.iter_parts(LINT)),
            lambda: "%s[0]" % self.atom(LSTR),
            lambda: self.cond_expr(STR, d),
            lambda: self.call_of(STR, d) or self.atom(STR),
        ]
        return rng.choice(forms)()

    def expr_bool(self, d):
        rng = self.rng
        e = self.expr
        num = lambda: rng.choice([INT, FLOAT])
        forms = [
            lambda: "%s %s %s" % (paren(e(INT, d)), rng.choice(["<", "<=", ">", ">=", "==", "!="]),
                                  paren(e(INT, d))),
            lambda: "%s < %s <= %s" % (self.int_lit(), self.atom(INT), paren(e(INT, d))),
            lambda: "0 <= %s < len(%s)" % (self.atom(INT), self.atom(LINT)),
            lambda: "%s != %s" % (paren(e(STR, d)), rng.choice(STR_LITERALS)),
            lambda: "%s > %s" % (paren(e(FLOAT, d)), rng.choice(FLOAT_LITERALS)),
            lambda: "%s in %s" % (paren(e(INT, d)), self.atom(rng.choice([LINT, SET]))),
            lambda: "%s not in %s" % (paren(e(STR, d)), self.atom(rng.choice([DICT, LSTR]))),
            lambda: "%s in %s" % (rng.choice(STR_LITERALS), self.atom(STR)),
            lambda: "%s and %s" % (paren(e(BOOL, d)), paren(e(BOOL, d))),
            lambda: "%s or not %s" % (paren(e(BOOL, d)), paren(e(BOOL, d))),
            lambda: "not %s" % paren(e(BOOL, d)),
            lambda: "%s.startswith(%s)" % (self.atom(STR), rng.choice(STR_LITERALS)),
            lambda: "%s.isdigit()" % self.atom(STR),
            lambda: "len(%s) > 0" % self.atom(rng.choice([LINT, LSTR, DICT])),
            lambda: "%s.get(%s) is None" % (self.atom(DICT), e(STR, 0)),
            lambda: "%s is not None" % self.pick_var(),
            lambda: "isinstance(%s, %s)" % (self.atom(num()), rng.choice(["int", "float"])),
            lambda: "any(%s > %s for %s in %s)" % (self.fresh_iter(), self.int_lit(), self.last_var,
                                                   self.atom(LINT)),
            lambda: self.cond_expr(BOOL, d),
            lambda: self.call_of(BOOL, d) or self.atom(BOOL),
        ]
        return rng.choice(forms)()

    def expr_list(self, t, d):
        rng = self.rng
        elt = LISTS[t]
        forms = [
            lambda: "[%s]" % ", ".join(self.expr(elt, d) for _ in range(rng.randint(0, 4))),
            lambda: "sorted(%s)" % self.expr(t, d),
            lambda: "sorted(%s, reverse=%s)" % (self.atom(t), rng.choice(["True", "False"])),
            lambda: "%s[%s]" % (self.atom(t), rng.choice(["1:", "::2", ":-1", "::-1", "2:5"])),
            lambda: "%s + %s" % (paren(self.expr(t, d)), paren(self.expr(t, d))),
            lambda: "list(%s)" % self.atom(t),
            lambda: self.cond_expr(t, d),
            lambda: self.call_of(t, d) or self.atom(t),
        ]
        if t == LINT:
            forms += [
                lambda: "[%s for %s in %s]" % self.iter_parts(LINT),
                lambda: "[%s * 2 for %s in %s if %s %% 3 != 0]" % (self.fresh_iter(), self.last_var,
                                                                   self.atom(LINT), self.last_var),
                lambda: "[len(%s) for %s in %s if %s]" % (self.fresh_iter(), self.last_var,
                                                          self.atom(LSTR), self.last_var),
                lambda: "list(range(%s, %s))" % (self.int_lit(), self.expr(INT, 0)),
                lambda: "sorted(%s, key=lambda v: (v %% 7, -v))" % self.atom(LINT),
                lambda: "list(%s)" % self.atom(SET),
                lambda: "list(%s.values())" % self.atom(DICT),
            ]
        elif t == LFLOAT:
            forms += [
                lambda: "[%s / 2 for %s in %s]" % (self.fresh_iter(), self.last_var, self.atom(LINT)),
                lambda: "[float(%s) for %s in %s if %s > 0]" % (self.fresh_iter(), self.last_var,
                                                               self.atom(LINT), self.last_var),
                lambda: "[%s for %s in %s]" % self.iter_parts(LFLOAT),
            ]
        else:
            forms += [
                lambda: "%s.split(%s)" % (self.atom(STR), rng.choice(['","', "' '", '"\\t"'])),
                lambda: "[%s.strip() for %s in %s if %s]" % (self.fresh_iter(), self.last_var,
                                                            self.atom(LSTR), self.last_var),
                lambda: "sorted(%s)" % self.atom(DICT),
                lambda: "list(%s.keys())" % self.atom(DICT),
                lambda: "[str(%s) for %s in %s]" % (self.fresh_iter(), self.last_var, self.atom(LINT)),
            ]
        return rng.choice(forms)()

    def expr_list_int(self, d):
        return self.expr_list(LINT, d)

    def expr_list_float(self, d):
        return self.expr_list(LFLOAT, d)

    def expr_list_str(self, d):
        return self.expr_list(LSTR, d)

    def expr_dict(self, d):
        rng = self.rng
        forms = [
            lambda: "{%s}" % ", ".join("%s: %s" % (rng.choice(STR_LITERALS), self.expr(INT, d))
                                       for _ in range(rng.randint(0, 3))),
            lambda: "{%s: len(%s) for %s in %s if %s}" % ((self.fresh_iter(),) + (self.last_var,) * 2
                                                         + (self.atom(LSTR), self.last_var)),
            lambda: "{str(%s): %s * 2 for %s in %s}" % ((self.fresh_iter(),) + (self.last_var,) * 2
                                                       + (self.atom(LINT),)),
            lambda: "dict(%s)" % self.atom(DICT),
            lambda: "dict(zip(%s, %s))" % (self.atom(LSTR), self.atom(LINT)),
            lambda: self.call_of(DICT, d) or self.atom(DICT),
        ]
        return rng.choice(forms)()

    def expr_set(self, d):
        rng = self.rng
        forms = [
            lambda: "{%s}" % ", ".join(self.expr(INT, d) for _ in range(rng.randint(1, 3))),
            lambda: "set(%s)" % self.atom(LINT),
            lambda: "%s %s %s" % (self.atom(SET), rng.choice("|&-"), self.atom(SET)),
            lambda: self.call_of(SET, d) or self.atom(SET),
        ]
        return rng.choice(forms)()

    # Comprehension helpers: a fresh iteration variable that is in scope only
    # inside the comprehension (it is never added to self.scope.vars).
    def fresh_iter(self):
        self.last_var = self.rng.choice(["v", "w", "item", "elem", "q", "z"])
        return self.last_var

    def iter_parts(self, seq_t):
        """(element, variable, sequence) for `element for variable in sequence`."""
        v = self.fresh_iter()
        return (v, v, self.atom(seq_t))

    def fstring(self):
        """An f-string whose fields are plain names (no quotes or backslashes,
        which 3.11 forbids inside the braces of a same-quoted f-string)."""
        rng = self.rng
        i, f, s = self.atom_name(INT), self.atom_name(FLOAT), self.atom_name(STR)
        forms = [
            'f"{%s!r:>8} {%s:.2f}"' % (s, f),
            'f"{%s}: {%s:5d}"' % (s, i),
            'f"{%s!s:<10}|{%s:>4}|"' % (s, i),
            'f"{{{%s}}} braces"' % i,
            'f"total={%s:.3e} n={%s:,}"' % (f, i),
            "f'{%s:#x} {%s!a}'" % (i, s),
            'f"{%s:>{%s}} and {%s:{%s}.{%s}f}"' % (s, i, f, rng.randint(6, 12), rng.randint(1, 4)),
            'f"{%s + 1} items\\t{len(%s)}"' % (i, s),
            "f\"{%s.get('k', 0)} from {%s}\"" % (self.atom_name(DICT), s),
            'f"plain text {%s}"' % s,
        ]
        return rng.choice(forms)

    def atom_name(self, t):
        """A variable of type t if there is one, else a literal that is safe
        inside an f-string field."""
        names = self.scope.of(t)
        if names:
            return self.rng.choice(names)
        return {INT: "42", FLOAT: "2.5", STR: "str(7)", DICT: "dict()"}[t]

    # ---- statements --------------------------------------------------------

    def block(self, depth, in_loop, n):
        out = []
        for _ in range(n):
            out += self.stmt(depth, in_loop)
        return out

    def stmt(self, depth, in_loop):
        """One statement as a list of (indent, text) lines."""
        rng = self.rng
        r = rng.random()
        compound = depth < 3
        if in_loop and r < 0.08:
            return self.break_continue(depth)
        if compound and r < 0.22:
            return self.if_stmt(depth, in_loop)
        if compound and r < 0.32:
            return self.for_stmt(depth)
        if compound and r < 0.36:
            return self.while_stmt(depth)
        if compound and r < 0.41:
            return self.try_stmt(depth, in_loop)
        if r < 0.48:
            return self.simple_call()
        if r < 0.53:
            return self.swap()
        if r < 0.65:
            return self.augassign()
        if r < 0.70 and depth == 0:
            return self.new_local()
        if r < 0.73:
            return self.call_stmt()
        return self.assign()

    def call_stmt(self):
        # A bare call of an earlier function as a statement (result unused).
        cands = [f for f in self.funcs[-60:] if not f.io]
        if not cands:
            return self.assign()
        f = self.rng.choice(cands)
        args = [self.expr(pt, 0) for _, pt, dflt in f.params if dflt is None]
        return [(0, "%s(%s)" % (f.name, ", ".join(args)))]

    def pick_var(self, types=None):
        names = [n for n, t in self.scope.vars.items() if types is None or t in types]
        return self.rng.choice(names) if names else None

    def assign(self):
        v = self.pick_var()
        return [(0, "%s = %s" % (v, self.expr(self.scope.vars[v])))]

    def new_local(self):
        t = self.rng.choice(TYPES)
        name = self.scope.fresh(t, self.rng)
        line = "%s = %s" % (name, self.expr(t))
        self.scope.vars[name] = t
        return [(0, line)]

    def augassign(self):
        rng = self.rng
        v = self.pick_var([INT, FLOAT, STR, LINT, LFLOAT, LSTR])
        if v is None:
            return self.assign()
        t = self.scope.vars[v]
        if t == INT:
            op = rng.choice(["+=", "-=", "*=", "//=", "%=", "|=", "&=", "^=", "<<="])
            rhs = str(rng.randint(1, 7)) if op in ("//=", "%=", "<<=") else self.expr(INT, 1)
        elif t == FLOAT:
            op = rng.choice(["+=", "-=", "*=", "/="])
            rhs = rng.choice(FLOAT_LITERALS) if op == "/=" else self.expr(FLOAT, 1)
        else:
            op, rhs = "+=", self.expr(t, 1)
        return [(0, "%s %s %s" % (v, op, rhs))]

    def swap(self):
        t = self.rng.choice(TYPES)
        names = self.scope.of(t)
        if len(names) >= 2:
            a, b = self.rng.sample(names, 2)
            return [(0, "%s, %s = %s, %s" % (a, b, b, a))]
        a, b = self.pick_var(), self.pick_var()
        if a == b:
            return self.assign()
        ea, eb = self.expr(self.scope.vars[a], 1), self.expr(self.scope.vars[b], 1)
        return [(0, "%s, %s = %s, %s" % (a, b, ea, eb))]

    def simple_call(self):
        rng = self.rng
        forms = []
        for name, t in self.scope.vars.items():
            if t in LISTS:
                elt = LISTS[t]
                forms += [
                    lambda name=name, elt=elt: "%s.append(%s)" % (name, self.expr(elt, 1)),
                    lambda name=name, t=t: "%s.extend(%s)" % (name, self.expr(t, 1)),
                    lambda name=name, elt=elt: "%s.insert(0, %s)" % (name, self.expr(elt, 0)),
                    lambda name=name: "%s.sort(reverse=True)" % name,
                    lambda name=name, elt=elt: "%s[%s] = %s" % (name, rng.choice(["0", "-1"]),
                                                              self.expr(elt, 1)),
                    lambda name=name, t=t: "%s[1:3] = %s" % (name, self.literal(t)),
                ]
                if t == LINT:
                    forms.append(lambda name=name: "%s.sort(key=lambda v: v %% %d, reverse=%s)"
                                 % (name, rng.randint(2, 9), rng.choice(["True", "False"])))
            elif t == DICT:
                forms += [
                    lambda name=name: "%s[%s] = %s" % (name, self.expr(STR, 1), self.expr(INT, 1)),
                    lambda name=name: "%s[%s] += 1" % (name, self.expr(STR, 0)),
                    lambda name=name: "%s.setdefault(%s, 0)" % (name, self.expr(STR, 0)),
                    lambda name=name: "%s.update({%s: %s})" % (name, self.expr(STR, 0), self.expr(INT, 0)),
                ]
            elif t == SET:
                forms.append(lambda name=name: "%s.%s(%s)" % (name, rng.choice(["add", "discard"]),
                                                            self.expr(INT, 1)))
        forms.append(lambda: "print(%s, %s, sep=%s, end=%s)" % (
            self.expr(STR, 1), self.expr(rng.choice(SCALARS), 1), rng.choice(['" "', "'\\t'", '", "']),
            rng.choice(['"\\n"', "''"])))
        return [(0, rng.choice(forms)())]

    def body(self, depth, in_loop, lo=1, hi=3):
        lines = self.block(depth + 1, in_loop, self.rng.randint(lo, hi))
        return [(ind + 1, text) for ind, text in lines]

    def if_stmt(self, depth, in_loop):
        rng = self.rng
        out = [(0, "if %s:" % self.expr(BOOL))] + self.body(depth, in_loop)
        for _ in range(rng.choice([0, 0, 1, 2])):
            out += [(0, "elif %s:" % self.expr(BOOL))] + self.body(depth, in_loop, 1, 2)
        if rng.random() < 0.5:
            out += [(0, "else:")] + self.body(depth, in_loop, 1, 2)
        return out

    def with_loop_vars(self, pairs, make_body):
        # Loop variables are visible only inside the loop body (for this
        # generator); their names are fresh so they never change type.
        names = []
        for t in pairs:
            name = self.scope.fresh(t, self.rng)
            self.scope.vars[name] = t
            names.append(name)
        body = make_body(names)
        for name in names:
            del self.scope.vars[name]
        return body

    def for_stmt(self, depth):
        rng = self.rng
        kind = rng.randrange(6)
        # The iterable is built before the loop variables come into scope.
        if kind == 0:
            lt = rng.choice(list(LISTS))
            seq, types = self.atom(lt), [LISTS[lt]]
            header = lambda n: "for %s in %s:" % (n[0], seq)
        elif kind == 1:
            stop, types = self.expr(INT, 1), [INT]
            header = lambda n: "for %s in range(%s):" % (n[0], stop)
        elif kind == 2:
            seq, types = self.atom(LSTR), [INT, STR]
            header = lambda n: "for %s, %s in enumerate(%s):" % (n[0], n[1], seq)
        elif kind == 3:
            seq, types = self.atom(DICT), [STR, INT]
            header = lambda n: "for %s, %s in %s.items():" % (n[0], n[1], seq)
        elif kind == 4:
            seq, types = self.atom(DICT), [STR]
            header = lambda n: "for %s in sorted(%s):" % (n[0], seq)
        else:
            a, b, types = self.atom(LINT), self.atom(LFLOAT), [INT, FLOAT]
            header = lambda n: "for %s, %s in zip(%s, %s):" % (n[0], n[1], a, b)
        return self.with_loop_vars(
            types, lambda names: [(0, header(names))] + self.body(depth, True, 1, 4))

    def while_stmt(self, depth):
        # A counter bounds the loop; it is bumped first so `continue` is safe.
        rng = self.rng
        w = self.scope.fresh(INT, rng)
        out = [(0, "%s = 0" % w)]
        self.scope.vars[w] = INT
        if rng.random() < 0.7:
            out += [(0, "while %s < %s:" % (w, self.int_lit())), (1, "%s += 1" % w)]
        else:
            out += [(0, "while True:"), (1, "%s += 1" % w),
                    (1, "if %s > %s or %s:" % (w, self.int_lit(), paren(self.expr(BOOL, 1)))),
                    (2, "break")]
        out += self.body(depth, True, 1, 3)
        if depth > 0:
            del self.scope.vars[w]  # only defined on some paths
        return out

    def break_continue(self, depth):
        word = self.rng.choice(["break", "continue"])
        return [(0, "if %s:" % self.expr(BOOL, 1)), (1, word)]

    def try_stmt(self, depth, in_loop):
        rng = self.rng
        s = self.atom(STR)
        n = self.pick_var([INT])
        out = [(0, "try:")]
        if n is not None:
            out.append((1, "%s = int(%s)" % (n, s)))
        else:
            out.append((1, "print(int(%s))" % s))
        out += self.body(depth, in_loop, 0, 2)
        e = rng.choice(["e", "err", "exc"])
        out.append((0, "except ValueError as %s:" % e))
        out.append((1, "print(%s, str(%s), sep=%s)" % (rng.choice(STR_LITERALS), e,
                                                     rng.choice(['": "', "' '"]))))
        if rng.random() < 0.6:
            out.append((0, "finally:"))
            out += self.body(depth, in_loop, 1, 2)
        return out

    # ---- functions ---------------------------------------------------------

    def make_params(self):
        rng = self.rng
        k = rng.randint(1, 4)
        n_default = rng.randint(0, min(2, k - 1))
        params = []
        for i in range(k):
            has_default = i >= k - n_default
            t = rng.choice(SCALARS if has_default else TYPES)
            name = self.scope.fresh(t, rng)
            params.append((name, t, self.literal(t) if has_default else None))
        return params

    def function(self, index, io):
        rng = self.rng
        self.scope = Scope()
        params = self.make_params()
        ret = rng.choice(TYPES)
        name = "%s_%s_%d" % (rng.choice(VERBS), rng.choice(NOUNS), index)
        for pname, t, _ in params:
            self.scope.vars[pname] = t
        sig = ", ".join(p if d is None else "%s=%s" % (p, d) for p, _, d in params)
        lines = [(0, "def %s(%s):" % (name, sig))]
        if rng.random() < 0.3:
            lines.append((1, '"""%s %s for %s."""' % (rng.choice(VERBS).capitalize(),
                                                    rng.choice(NOUNS), params[0][0])))
        # A few locals up front so the body has something of each kind to use.
        for _ in range(rng.randint(2, 4)):
            lines += [(1, text) for _, text in self.new_local()]
        if io:
            lines += self.io_part()
        target = rng.randint(10, 40)
        while len(lines) < target - 1:
            lines += [(ind + 1, text) for ind, text in self.stmt(0, False)]
        lines.append((1, "return %s" % self.expr(ret)))
        self.funcs.append(Func(name, params, ret, io))
        return ["    " * ind + text for ind, text in lines]

    def io_part(self):
        """File reading and writing with `with open(...)`; such functions are
        never called, so no files are touched if the program is run."""
        rng = self.rng
        path = self.atom(STR)
        rows = self.scope.fresh(LSTR, rng)
        self.scope.vars[rows] = LSTR
        line = self.scope.fresh(STR, rng)
        out = [(1, "%s = []" % rows),
               (1, "with open(%s, encoding=\"utf-8\") as f:" % path),
               (2, "for %s in f:" % line),
               (3, "%s.append(%s.rstrip(\"\\n\"))" % (rows, line)),
               (1, "with open(%s + \".out\", \"w\") as f:" % path),
               (2, "for %s in %s:" % (line, rows)),
               (3, "f.write(%s + \"\\n\")" % line)]
        return out

    def main_part(self, n_lines):
        """Module-level code calling a spread of the functions."""
        rng = self.rng
        self.scope = Scope()
        callable_funcs = [f for f in self.funcs if not f.io]
        out = ["", "", "# Module level: call some of the functions above."]
        out.append("results = {}")
        # Two lines per call; spread the calls over the whole program.
        n_calls = min(len(callable_funcs), max(1, (n_lines - 6) // 2))
        chosen = [callable_funcs[i * len(callable_funcs) // n_calls] for i in range(n_calls)]
        for i, f in enumerate(chosen):
            args = [self.literal(pt) for _, pt, d in f.params if d is None]
            res = "r%d" % i
            out.append("%s = %s(%s)" % (res, f.name, ", ".join(args)))
            if f.ret in (INT, FLOAT, STR):
                out.append('results["%s"] = len(repr(%s))' % (f.name, res))
            else:
                out.append('print("%s", %s)' % (f.name, res))
            if len(out) >= n_lines - 3:
                break
        out.append("for name in sorted(results):")
        out.append('    print(f"{name:<30} {results[name]:>6}")')
        return out


def generate(lines, seed):
    rng = random.Random(seed)
    gen = Generator(rng)
    main_lines = max(20, lines // 50)
    out = ["# Generated by bench/gen_program.py --lines %d --seed %d; do not edit." % (lines, seed),
           "import math", "import random"]
    index = 0
    while len(out) < lines - main_lines:
        out += ["", ""]
        out += gen.function(index, io=(index % 17 == 5))
        index += 1
    out += gen.main_part(main_lines)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10000, help="approximate number of lines")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    args = ap.parse_args()
    text = generate(args.lines, args.seed)
    compile(text, args.output or "<generated>", "exec")  # never write invalid Python
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
