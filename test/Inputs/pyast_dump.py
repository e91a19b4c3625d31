#!/usr/bin/env python3
"""Dumps a Python file's AST, as CPython 3.11's `ast` module parses it, in
the format of `surgec -ast-dump` (frontend/ast_dump.c).

    python3 pyast_dump.py FILE

The output is meant to equal surgec's line for line, so that a plain diff
of the two is a differential test of surgec's parser (see ast_diff.py).
The mapping from CPython's nodes:

- Positions: CPython's lineno/end_lineno are 1-based, col_offset and
  end_col_offset 0-based UTF-8 byte offsets with the end exclusive; surgec
  prints `<line:col-endline:endcol>` with 1-based byte columns and the end
  exclusive, so col = col_offset + 1 and endcol = end_col_offset + 1.
- Constant splits into None, True, False, Int (decimal digits), Float (the
  literal as written, minus underscores, taken from the source) and Str
  (quoted as put_quoted() does).
- The `arg` of a def or lambda and its default are one `param` in surgec,
  whose range runs from the name to the end of the default (CPython's arg
  covers the name only).           [normalisation 1]
- FormattedValue: CPython 3.11 gives every direct part of an f-string
  (its Constants, FormattedValues and format-spec JoinedStrs) the range of
  the whole string literal(s), which says nothing. The FormattedValue range
  is recomputed here from the source: the field's extent, from its `{`
  through its `}`, which is what surgec gives.    [normalisation 2]
  The ranges of the literal parts (Str) and of the format-spec JoinedStr
  are printed as CPython gives them; surgec gives them other (point-like)
  ranges, and ast_diff.py masks the ranges of exactly those lines on both
  sides before comparing.          [normalisation 3, in ast_diff.py]

Everything else (node names, labels, contexts, operators, nesting, order,
values) is CPython's AST printed as ast_dump.c prints surgec's.

Exit status: 0 on success, 1 when FILE does not parse (the SyntaxError is
printed on stderr), 2 on a node that has no surgec equivalent, on bad usage
or when not run by CPython 3.11.
"""

import ast
import bisect
import sys

BINOPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/",
    ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<",
    ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&",
}
UNARYOPS = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}
CMPOPS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
    ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
    ast.NotIn: "not in",
}
COMP_NAMES = {
    ast.ListComp: "ListComp", ast.SetComp: "SetComp",
    ast.GeneratorExp: "GeneratorExp", ast.DictComp: "DictComp",
}


class Unsupported(Exception):
    pass


def put_quoted(s):
    """The string as ast_dump.c's put_quoted() writes it: byte by byte over
    its UTF-8, escaping backslash, quote, \\n \\r \\t, other control bytes
    as \\xNN, and passing everything else (UTF-8 included) through."""
    escapes = {0x5C: b"\\\\", 0x27: b"\\'", 0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t"}
    out = bytearray(b"'")
    for c in s.encode("utf-8", "surrogatepass"):
        if c in escapes:
            out += escapes[c]
        elif c < 0x20 or c == 0x7F:
            out += b"\\x%02x" % c
        else:
            out.append(c)
    out += b"'"
    return out.decode("utf-8", "surrogatepass")


class Source:
    """The file's bytes, with byte offset <-> (line, 1-based column)."""

    def __init__(self, data):
        self.data = data
        self.starts = [0]
        for i, b in enumerate(data):
            if b == 0x0A:
                self.starts.append(i + 1)

    def offset(self, line, col_offset):
        return self.starts[line - 1] + col_offset

    def pos(self, off):
        line = bisect.bisect_right(self.starts, off)
        return line, off - self.starts[line - 1] + 1

    def segment(self, node):
        a = self.offset(node.lineno, node.col_offset)
        b = self.offset(node.end_lineno, node.end_col_offset)
        return self.data[a:b]


# ---------------------------------------------------------------------------
# f-string fields: where each `{...}` starts and ends in the source.


class FieldScanner:
    """Finds the replacement fields of the f-strings in one (possibly
    implicitly concatenated) string literal, in source order. A field is
    (open, close, spec_fields): the byte offsets of its `{` and `}`, and the
    fields of its format spec (None without a spec). The rules are
    CPython 3.11's (Parser/string_parser.c)."""

    def __init__(self, data):
        self.b = data

    def literal(self, start, end):
        b, i, fields = self.b, start, []
        while i < end:
            c = b[i:i + 1]
            if c in (b" ", b"\t", b"\n", b"\r", b"\f", b"\\"):  # between literals
                i += 1
                continue
            if c == b"#":
                while i < end and b[i:i + 1] != b"\n":
                    i += 1
                continue
            j = i
            while b[j:j + 1].isalpha():
                j += 1
            prefix = b[i:j].lower()
            quote = b[j:j + 3] if b[j:j + 3] in (b"'''", b'"""') else b[j:j + 1]
            if quote not in (b"'", b'"', b"'''", b'"""'):
                raise ValueError("no string literal at byte %d" % i)
            k = j + len(quote)
            body = k
            while b[k:k + len(quote)] != quote:
                k += 2 if b[k:k + 1] == b"\\" else 1
                if k >= end:
                    raise ValueError("unterminated string at byte %d" % i)
            if b"f" in prefix:
                got, stop = self.parts(body, k, 0)
                if stop != k:
                    raise ValueError("stray '}' at byte %d" % stop)
                fields += got
            i = k + len(quote)
        return fields

    def parts(self, p, end, depth):
        """Fields from p up to end, or up to the `}` closing a format spec
        when depth > 0; returns (fields, where it stopped)."""
        b, fields = self.b, []
        while p < end:
            c = b[p:p + 1]
            if c == b"{":
                if depth == 0 and b[p + 1:p + 2] == b"{":
                    p += 2
                    continue
                field, p = self.field(p, end, depth)
                fields.append(field)
            elif c == b"}":
                if depth > 0:
                    return fields, p
                p += 2  # `}}`
            else:
                p += 1
        return fields, p

    def field(self, open_, end, depth):
        b = self.b
        q = self.expr_end(open_ + 1, end)
        if b[q:q + 1] == b"=":
            q += 1
            while b[q:q + 1] in (b" ", b"\t", b"\n", b"\r", b"\f"):
                q += 1
        if b[q:q + 1] == b"!":
            q += 2
        spec = None
        if b[q:q + 1] == b":":
            spec, q = self.parts(q + 1, end, depth + 1)
        if b[q:q + 1] != b"}":
            raise ValueError("expected '}' at byte %d" % q)
        return (open_, q, spec), q + 1

    def expr_end(self, s, end):
        b, nest, quote, q = self.b, 0, None, s
        while q < end:
            c = b[q:q + 1]
            nxt = b[q + 1:q + 2]
            if quote:
                if c == quote:
                    quote = None
            elif c in (b"'", b'"'):
                quote = c
            elif c in (b"(", b"[", b"{"):
                nest += 1
            elif c in (b")", b"]", b"}"):
                if nest == 0:
                    return q
                nest -= 1
            elif nest == 0:
                if c == b":" or (c == b"!" and nxt != b"="):
                    return q
                if c == b"=" and nxt != b"=" and b[q - 1:q] not in (b"=", b"!", b"<", b">"):
                    return q
                if c in (b"=", b"!") and nxt == b"=":
                    q += 1
            q += 1
        raise ValueError("unterminated field at byte %d" % s)


# ---------------------------------------------------------------------------


class Dumper:
    def __init__(self, src):
        self.src = src
        self.out = []
        self.depth = 0
        # id(FormattedValue) -> (line, col, end_line, end_col)
        self.fv_ranges = {}
        # ids of the JoinedStrs that are format specs
        self.specs = set()

    # -- helpers, as in ast_dump.c --

    def line(self, text, node):
        self.out.append("%s%s %s" % ("  " * self.depth, text, self.range_of(node)))

    def range_of(self, node):
        if id(node) in self.fv_ranges:
            r = self.fv_ranges[id(node)]
        else:
            r = (node.lineno, node.col_offset + 1, node.end_lineno, node.end_col_offset + 1)
        return "<%d:%d-%d:%d>" % r

    def label(self, name):
        self.out.append("%s%s:" % ("  " * self.depth, name))

    def child(self, name, e):
        if e is None:
            return
        self.depth += 1
        if name:
            self.label(name)
            self.depth += 1
        self.expr(e)
        self.depth -= 2 if name else 1

    def exprs(self, name, lst):
        if not lst:
            return
        self.depth += 1
        if name:
            self.label(name)
            self.depth += 1
        for e in lst:
            self.expr(e)
        self.depth -= 2 if name else 1

    def stmts(self, name, lst):
        if not lst:
            return
        self.depth += 1
        self.label(name)
        self.depth += 1
        for s in lst:
            self.stmt(s)
        self.depth -= 2

    def params(self, args):
        if args.posonlyargs or args.vararg or args.kwonlyargs or args.kwarg:
            raise Unsupported("parameters other than positional ones")
        defaults = [None] * (len(args.args) - len(args.defaults)) + list(args.defaults)
        self.depth += 1
        for a, d in zip(args.args, defaults):
            if a.annotation is not None:
                raise Unsupported("annotation")
            # normalisation 1: a param's range runs through its default.
            end = d if d is not None else a
            self.out.append("%sparam %s <%d:%d-%d:%d>" % (
                "  " * self.depth, a.arg, a.lineno, a.col_offset + 1,
                end.end_lineno, end.end_col_offset + 1))
            self.child("default", d)
        self.depth -= 1

    def comprehensions(self, gens):
        self.depth += 1
        for g in gens:
            if g.is_async:
                raise Unsupported("async comprehension")
            self.label_plain("for")
            self.child(None, g.target)
            self.child("in", g.iter)
            self.exprs("if", g.ifs)
        self.depth -= 1

    def label_plain(self, text):
        self.out.append("%s%s" % ("  " * self.depth, text))

    @staticmethod
    def ctx(node):
        c = getattr(node, "ctx", None)
        return " store" if isinstance(c, ast.Store) else " del" if isinstance(c, ast.Del) else ""

    # -- f-strings --

    def note_fstring(self, js):
        """Records the `{`..`}` range of every FormattedValue of the
        top-level JoinedStr js (normalisation 2)."""
        scanner = FieldScanner(self.src.data)
        start = self.src.offset(js.lineno, js.col_offset)
        end = self.src.offset(js.end_lineno, js.end_col_offset)
        try:
            fields = scanner.literal(start, end)
        except ValueError as err:
            print("pyast_dump: %d:%d: cannot scan f-string: %s"
                  % (js.lineno, js.col_offset + 1, err), file=sys.stderr)
            return
        self.match_fields(js, fields)

    def match_fields(self, js, fields):
        fvs = [v for v in js.values if isinstance(v, ast.FormattedValue)]
        if len(fvs) != len(fields):
            print("pyast_dump: %d:%d: %d fields in the source, %d in the AST"
                  % (js.lineno, js.col_offset + 1, len(fields), len(fvs)), file=sys.stderr)
            return
        for fv, (open_, close, spec) in zip(fvs, fields):
            l1, c1 = self.src.pos(open_)
            l2, c2 = self.src.pos(close)
            self.fv_ranges[id(fv)] = (l1, c1, l2, c2 + 1)
            if fv.format_spec is not None and spec is not None:
                self.match_fields(fv.format_spec, spec)

    # -- expressions --

    def expr(self, e):
        t = type(e)
        if t is ast.Name:
            self.line("Name %s%s" % (e.id, self.ctx(e)), e)
        elif t is ast.Constant:
            self.constant(e)
        elif t is ast.JoinedStr:
            if id(e) not in self.specs:
                self.note_fstring(e)
            self.line("JoinedStr", e)
            self.exprs(None, e.values)
        elif t is ast.FormattedValue:
            conv = "" if e.conversion == -1 else " !%s" % chr(e.conversion)
            self.line("FormattedValue" + conv, e)
            self.child(None, e.value)
            if e.format_spec is not None:
                self.specs.add(id(e.format_spec))
            self.child("spec", e.format_spec)
        elif t is ast.BoolOp:
            self.line("BoolOp " + ("and" if isinstance(e.op, ast.And) else "or"), e)
            self.exprs(None, e.values)
        elif t is ast.BinOp:
            if type(e.op) not in BINOPS:
                raise Unsupported("operator " + type(e.op).__name__)
            self.line("BinOp " + BINOPS[type(e.op)], e)
            self.child(None, e.left)
            self.child(None, e.right)
        elif t is ast.UnaryOp:
            self.line("UnaryOp " + UNARYOPS[type(e.op)], e)
            self.child(None, e.operand)
        elif t is ast.Compare:
            self.line("Compare " + " ".join(CMPOPS[type(o)] for o in e.ops), e)
            self.child(None, e.left)
            self.exprs(None, e.comparators)
        elif t is ast.IfExp:
            self.line("IfExp", e)
            self.child("test", e.test)
            self.child("then", e.body)
            self.child("else", e.orelse)
        elif t is ast.Lambda:
            self.line("Lambda", e)
            self.params(e.args)
            self.child("body", e.body)
        elif t is ast.Call:
            self.line("Call", e)
            self.child(None, e.func)
            self.exprs("args", e.args)
            self.depth += 1
            for k in e.keywords:
                if k.arg is None:
                    raise Unsupported("** in a call")
                self.line("keyword " + k.arg, k)
                self.child(None, k.value)
            self.depth -= 1
        elif t is ast.Attribute:
            self.line("Attribute .%s%s" % (e.attr, self.ctx(e)), e)
            self.child(None, e.value)
        elif t is ast.Subscript:
            self.line("Subscript" + self.ctx(e), e)
            self.child(None, e.value)
            self.child("index", e.slice)
        elif t is ast.Slice:
            self.line("Slice", e)
            self.child("lower", e.lower)
            self.child("upper", e.upper)
            self.child("step", e.step)
        elif t in (ast.List, ast.Tuple):
            self.line(t.__name__ + self.ctx(e), e)
            self.exprs(None, e.elts)
        elif t is ast.Set:
            self.line("Set", e)
            self.exprs(None, e.elts)
        elif t is ast.Dict:
            self.line("Dict", e)
            self.depth += 1
            for k, v in zip(e.keys, e.values):
                if k is None:
                    raise Unsupported("dict unpacking")
                self.label("item")
                self.child(None, k)
                self.child(None, v)
            self.depth -= 1
        elif t in COMP_NAMES:
            self.line(COMP_NAMES[t], e)
            if t is ast.DictComp:
                self.child("key", e.key)
                self.child("value", e.value)
            else:
                self.child(None, e.elt)
            self.comprehensions(e.generators)
        else:
            raise Unsupported(t.__name__)

    def constant(self, e):
        v = e.value
        if v is None:
            self.line("None", e)
        elif v is True:
            self.line("True", e)
        elif v is False:
            self.line("False", e)
        elif type(v) is int:
            self.line("Int %d" % v, e)
        elif type(v) is float:
            text = self.src.segment(e).decode().replace("_", "")
            self.line("Float " + text, e)
        elif type(v) is str:
            self.line("Str " + put_quoted(v), e)
        else:
            raise Unsupported("%s constant" % type(v).__name__)

    # -- statements --

    def stmt(self, s):
        t = type(s)
        if t is ast.FunctionDef:
            if s.decorator_list or s.returns is not None:
                raise Unsupported("decorator or annotation")
            self.line("FunctionDef " + s.name, s)
            self.params(s.args)
            self.stmts("body", s.body)
        elif t is ast.Return:
            self.line("Return", s)
            self.child(None, s.value)
        elif t is ast.Assign:
            self.line("Assign", s)
            self.exprs("targets", s.targets)
            self.child("value", s.value)
        elif t is ast.AugAssign:
            self.line("AugAssign %s=" % BINOPS[type(s.op)], s)
            self.child(None, s.target)
            self.child(None, s.value)
        elif t is ast.Expr:
            self.line("Expr", s)
            self.child(None, s.value)
        elif t in (ast.If, ast.While):
            self.line(t.__name__, s)
            self.child("test", s.test)
            self.stmts("body", s.body)
            self.stmts("else", s.orelse)
        elif t is ast.For:
            self.line("For", s)
            self.child("target", s.target)
            self.child("iter", s.iter)
            self.stmts("body", s.body)
            self.stmts("else", s.orelse)
        elif t in (ast.Break, ast.Continue, ast.Pass):
            self.line(t.__name__, s)
        elif t is ast.Try:
            self.line("Try", s)
            self.stmts("body", s.body)
            self.depth += 1
            for h in s.handlers:
                self.line("except" + (" as " + h.name if h.name else ""), h)
                self.child(None, h.type)
                self.stmts("body", h.body)
            self.depth -= 1
            self.stmts("else", s.orelse)
            self.stmts("finally", s.finalbody)
        elif t is ast.Raise:
            self.line("Raise", s)
            self.child(None, s.exc)
            self.child("from", s.cause)
        elif t is ast.With:
            self.line("With", s)
            self.depth += 1
            for w in s.items:
                self.label("item")
                self.child(None, w.context_expr)
                self.child("as", w.optional_vars)
            self.depth -= 1
            self.stmts("body", s.body)
        elif t is ast.Delete:
            self.line("Delete", s)
            self.exprs(None, s.targets)
        elif t is ast.Assert:
            self.line("Assert", s)
            self.child(None, s.test)
            self.child("msg", s.msg)
        elif t in (ast.Import, ast.ImportFrom):
            if t is ast.ImportFrom:
                if s.level:
                    raise Unsupported("relative import")
                self.line("ImportFrom " + s.module, s)
            else:
                self.line("Import", s)
            self.depth += 1
            for a in s.names:
                self.line("alias " + a.name + (" as " + a.asname if a.asname else ""), a)
            self.depth -= 1
        else:
            raise Unsupported(t.__name__)

    def module(self, m):
        self.out.append("Module")
        self.depth = 1
        for s in m.body:
            self.stmt(s)


def dump(path):
    with open(path, "rb") as f:
        data = f.read()
    tree = ast.parse(data, filename=path)
    d = Dumper(Source(data))
    d.module(tree)
    return "\n".join(d.out) + "\n"


def main(argv):
    if len(argv) != 2:
        print("usage: pyast_dump.py FILE", file=sys.stderr)
        return 2
    if sys.version_info[:2] != (3, 11):
        # surgec's reference is 3.11; later versions place f-string parts
        # differently (PEP 701) and accept a different language.
        print("pyast_dump: needs CPython 3.11, not %d.%d" % sys.version_info[:2],
              file=sys.stderr)
        return 2
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # huge int literals print in full
    try:
        text = dump(argv[1])
    except SyntaxError as err:
        print("%s:%s:%s: SyntaxError: %s" % (argv[1], err.lineno, err.offset, err.msg),
              file=sys.stderr)
        return 1
    except Unsupported as err:
        print("%s: no surgec equivalent for %s" % (argv[1], err), file=sys.stderr)
        return 2
    sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
