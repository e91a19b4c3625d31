"""Evaluate the manifest's `work` and `memory` estimates.

An estimate is a number, or a formula over the sizes of the program's inputs,
written as a small Python expression:

    56 + 8 * file_lines('data.csv')
    max(1, len_of('rows') // 4)

Allowed: integer literals, + - * // and unary -, max(...), min(...), and
file_lines('path'), file_bytes('path'), len_of('name') with one string
literal each. The string is parsed with `ast` and walked here; it is never
given to eval(), since a manifest is data and must not run code.

Estimates only feed --profile and progress, so every failure (a bad formula,
a missing file, a name that is not bound, a division by zero) means
"unknown" (None), never an error.
"""

import ast
import os

# Formulas are short; a longer string is not something surgec wrote.
_MAX_FORMULA = 2000
# Products of many big literals could build huge ints; no estimate needs more.
_MAX_BITS = 256


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
        if name == "file_lines":
            return _file_lines(_string_arg(node))
        if name == "file_bytes":
            try:
                return os.path.getsize(_string_arg(node))
            except OSError:
                raise _Unknown from None
        if name == "len_of":
            key = _string_arg(node)
            if names is None or key not in names:
                raise _Unknown
            try:
                return len(names[key])
            except Exception:
                raise _Unknown from None
    raise _Unknown


def _file_lines(path):
    """Lines as `for line in open(path)` would count them: a last line
    without a newline still counts."""
    count = 0
    last = b"\n"
    try:
        with open(path, "rb") as f:
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        raise _Unknown from None
    return count + (last != b"\n")
