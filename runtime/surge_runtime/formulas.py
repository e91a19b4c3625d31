"""Evaluate the manifest's `work` and `memory` estimates.

An estimate is a number, or a formula over the sizes of the program's inputs,
written as a small Python expression:

    56 + 8 * file_lines('data.csv')
    max(1, len_of('rows') // 4)

Allowed: integer literals, + - * // and unary -, max(...), min(...),
len_of('name'), and the file statistics of surgec's memory estimates
(docs/memest.md): file_lines, file_bytes, file_max_line, file_width of a
literal path, and file_count, file_max_count, file_distinct,
file_max_part of a literal path and a separator (a string or None). The string is parsed with `ast` and walked here; it is never
given to eval(), since a manifest is data and must not run code.

Estimates only feed --profile and progress, so every failure (a bad formula,
a missing file, a name that is not bound, a division by zero) means
"unknown" (None), never an error.
"""

import ast
import re

# Formulas are short; a longer string is not something surgec wrote.
_MAX_FORMULA = 20000
# Products of many big literals could build huge ints; no estimate needs more.
_MAX_BITS = 256
# Statistics are computed once per file and separator in a process: a
# formula names the same file many times.
_stats_cache = {}


class _Unknown(Exception):
    pass


def evaluate(estimate, names=None):
    """The estimate as an int, or None when it cannot be known.

    `names` maps global names to values for len_of(); without it len_of()
    is unknown.
    """
    if isinstance(estimate, bool):
        return None
    if isinstance(estimate, int):
        return estimate
    if isinstance(estimate, float):
        return int(estimate) if estimate == estimate and abs(estimate) < 1e30 else None
    if not isinstance(estimate, str) or len(estimate) > _MAX_FORMULA:
        return None
    try:
        tree = ast.parse(estimate.strip(), mode="eval")
        return _eval(tree.body, names)
    except (_Unknown, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b,
}


def _string_arg(node):
    if (len(node.args) != 1 or node.keywords
            or not isinstance(node.args[0], ast.Constant)
            or not isinstance(node.args[0].value, str)):
        raise _Unknown
    return node.args[0].value


def _eval(node, names):
    if isinstance(node, ast.Constant):
        if type(node.value) is not int:
            raise _Unknown
        return node.value
    if isinstance(node, ast.BinOp):
        op = _BINOPS.get(type(node.op))
        if op is None:
            raise _Unknown
        left = _eval(node.left, names)
        right = _eval(node.right, names)
        if isinstance(node.op, ast.FloorDiv) and right == 0:
            raise _Unknown
        value = op(left, right)
        if value.bit_length() > _MAX_BITS:
            raise _Unknown
        return value
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, names)
        if isinstance(node.op, ast.USub):
            return -value
        if isinstance(node.op, ast.UAdd):
            return value
        raise _Unknown
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        if name in ("max", "min"):
            if not node.args or node.keywords:
                raise _Unknown
            values = [_eval(arg, names) for arg in node.args]
            return max(values) if name == "max" else min(values)
        if name in _LINE_STATS:
            return _line_stats(_string_arg(node))[name]
        if name in _SEP_STATS:
            path, sep = _path_and_sep(node)
            return _sep_stats(path, sep)[name]
        if name == "len_of":
            key = _string_arg(node)
            if names is None or key not in names:
                raise _Unknown
            try:
                return len(names[key])
            except Exception:
                raise _Unknown from None
    raise _Unknown


_LINE_STATS = ("file_lines", "file_bytes", "file_max_line", "file_width")
_SEP_STATS = ("file_count", "file_max_count", "file_distinct", "file_max_part")


def _path_and_sep(node):
    """file_count('path', sep): a string literal and a string or None."""
    args = node.args
    if (len(args) != 2 or node.keywords
            or not all(isinstance(a, ast.Constant) for a in args)
            or not isinstance(args[0].value, str)
            or not (args[1].value is None or isinstance(args[1].value, str))
            or args[1].value == ""):
        raise _Unknown
    return args[0].value, args[1].value


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        raise _Unknown from None


# A line as text-mode iteration yields it: \n, \r\n and \r each end one,
# and a last line without an end counts.
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _line_stats(path):
    """The lines, the size, the longest line in bytes with its end, and 1
    or 4 bytes a character (4 when any byte is not ASCII)."""
    key = ("lines", path)
    if key not in _stats_cache:
        data = _read(path)
        lengths = [m.end() - m.start() for m in _LINE.finditer(data)]
        _stats_cache[key] = {
            "file_lines": len(lengths),
            "file_bytes": len(data),
            "file_max_line": max(lengths, default=0),
            "file_width": 1 if data.isascii() else 4,
        }
    return _stats_cache[key]


def _text_lines(text):
    """The lines of newline-normalized text, each with its \\n."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _sep_stats(path, sep):
    """Over the file's lines: the occurrences of sep (str.count), the most
    on one line, the distinct parts line.split(sep) gives, and the longest
    part in characters; with None, words as split() gives them."""
    key = ("sep", path, sep)
    if key not in _stats_cache:
        text = _read(path).decode("utf-8", errors="surrogateescape")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        counts, parts, longest = [], set(), 0
        for line in _text_lines(text):
            words = line.split(sep)
            counts.append(len(words) if sep is None else line.count(sep))
            parts.update(words)
            longest = max([longest] + [len(w) for w in words])
        _stats_cache[key] = {
            "file_count": sum(counts),
            "file_max_count": max(counts, default=0),
            "file_distinct": len(parts),
            "file_max_part": longest,
        }
    return _stats_cache[key]
