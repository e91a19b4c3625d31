#!/usr/bin/env python3
"""Checks surgec's memory estimates against what CPython really allocates.

    python3 bench/memcheck.py --surgec build/bin/surgec [--workloads DIR]
                              [--scale N] [--python PY] [--floor BYTES]
                              [--json FILE] [--strict] [PROGRAM.py ...]

For each workload (every *.py of --workloads but gen_data.py, or the
programs given), in a temporary copy of the folder with its data written
by `gen_data.py` (its default size unless --scale):

1. `surgec -print-mem` gives, per top-level statement of the module body,
   a peak formula; it is evaluated here for the actual input files (the
   same statistics the runner computes, see docs/memest.md).
2. The program runs in a fresh `PY -I -S` interpreter, one top-level
   statement at a time, under tracemalloc (bench/README.md defines what is
   measured, exactly).
3. A table (workload, statement, line, estimate, measured, ratio) and one
   summary line per workload: how many statements are within 1.5x and how
   many estimates are below the measurement (a bug in the estimator).

Exit status: 1 if an estimate is below its measurement (or a run failed);
with --strict also if a workload has fewer than 90% of its statements
within 1.5x. The last line is always
    memcheck: W workloads, N statements, K within 1.5x, B below measured
"""

import argparse
import ast
import json
import marshal
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORKLOADS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "workloads"))

# ---- the statements, split as surgec splits them ----


def is_main_guard(stmt):
    """`if __name__ == '__main__':` without else (either operand order):
    surgec takes its body as the script's top level (the RunSurge layout)."""
    if not isinstance(stmt, ast.If) or stmt.orelse:
        return False
    t = stmt.test
    if not isinstance(t, ast.Compare) or len(t.ops) != 1 or not isinstance(t.ops[0], ast.Eq):
        return False
    a, b = t.left, t.comparators[0]
    if isinstance(a, ast.Constant):
        a, b = b, a
    return (isinstance(a, ast.Name) and a.id == "__name__" and isinstance(b, ast.Constant)
            and b.value == "__main__")


def script_body(tree):
    out = []
    for s in tree.body:
        out.extend(s.body if is_main_guard(s) else [s])
    return out


def bound_names(tree):
    """Every name the module body may bind (assignment, for, with, def,
    import), pre-bound to None before measuring (see bench/README.md)."""
    names = set()

    def visit(node, top):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            if top and isinstance(node, ast.FunctionDef):
                names.add(node.name)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                visit(child, top)

    for s in tree.body:
        visit(s, True)
    return sorted(names)


# ---- the measurement, in a fresh interpreter ----

# Runs in `python3 -I -S`: only builtin modules are imported before the
# program's own imports, so an import statement pays its whole cost, as
# the estimate assumes. Reads (codes, names, filename) from stdin as
# marshal data, writes JSON to the file named by argv[1].
CHILD = r'''
import _tracemalloc, builtins, gc, io, marshal, sys
codes, names, filename, out_path = marshal.loads(sys.stdin.buffer.read())
g = {"__name__": "__main__", "__builtins__": builtins, "__file__": filename}
for n in names:
    g[n] = None
# The program's output goes nowhere, written through at once: stdout's own
# buffering (up to 8 KiB pending) belongs to the process, not to a statement.
sys.stdout = io.TextIOWrapper(io.FileIO("/dev/null", "w"), write_through=True)
# Three separate `pass` statements: each runs for the first time, as each
# of the program's statements does (a code object's first run makes a
# little more than the next ones).
empties = [compile("pass", filename, "exec") for _ in range(3)]
cal = []
res = []
_tracemalloc.start()
lens = []
for code in empties + codes:
    # len_of('name') in a formula: the length of the name's value as the
    # statement starts (taken before the measurement starts)
    lens.append({n: len(v) for n, v in g.items()
                 if n in names and type(v) in (list, tuple, dict, set, frozenset, str)})
    gc.collect()
    _tracemalloc.reset_peak()
    before = _tracemalloc.get_traced_memory()[1]
    exec(code, g)
    now, peak = _tracemalloc.get_traced_memory()
    (cal if len(cal) < 3 else res).append((peak - before, now - before))
_tracemalloc.stop()
with open(out_path, "w") as f:
    f.write(repr((cal, res, lens[3:])))
'''


def measure(python, prog_path, workdir):
    with open(prog_path, encoding="utf-8") as f:
        src = f.read()
    tree = ast.parse(src)
    body = script_body(tree)
    codes = [compile(ast.Module(body=[s], type_ignores=[]), prog_path, "exec") for s in body]
    fd, out_path = tempfile.mkstemp(suffix=".memcheck")
    os.close(fd)
    try:
        data = marshal.dumps((codes, bound_names(tree), prog_path, out_path))
        p = subprocess.run([python, "-I", "-S", "-c", CHILD], input=data, cwd=workdir,
                           capture_output=True, timeout=600)
        if p.returncode != 0:
            raise RuntimeError("%s failed:\n%s" % (prog_path, p.stderr.decode(errors="replace")))
        with open(out_path) as f:
            cal, res, lens = ast.literal_eval(f.read())
    finally:
        os.unlink(out_path)
    # The cost of exec() itself (a function object for the code, the
    # timing's own ints), taken from running `pass` the same way: the
    # smallest of three.
    cal_peak = min(c[0] for c in cal)
    cal_live = min(c[1] for c in cal)
    rows = []
    for s, (peak, live), ln in zip(body, res, lens):
        rows.append({"line": s.lineno, "measured": max(0, peak - cal_peak),
                     "measured_live": live - cal_live, "lens": ln})
    return rows


# ---- the estimate ----

STMT_RE = re.compile(r"^S(\d+) line (\d+): peak (\S+) B(?: \([^)]*\))? = (.*); live (\S+) B(?: \([^)]*\))? = (.*)$")
FILE_RE = re.compile(r"^file '(.*)': (.*)$")


def parse_print_mem(text):
    """The <module> section of -print-mem: [(index, line, peak bytes or
    None, peak formula, live bytes or None, live formula)], and the files
    surgec measured."""
    files = {}
    stmts = []
    section = None
    for line in text.splitlines():
        m = FILE_RE.match(line)
        if m and section is None:
            files[m.group(1)] = m.group(2)
            continue
        if line.startswith("*** MEM for "):
            section = line[len("*** MEM for "):-len(" ***")]
            continue
        if section != "<module>":
            continue
        m = STMT_RE.match(line)
        if not m:
            continue
        num = lambda s: None if s == "?" else int(s)
        stmts.append({"index": int(m.group(1)), "line": int(m.group(2)),
                      "printed": num(m.group(3)), "formula": m.group(4),
                      "printed_live": num(m.group(5)), "live_formula": m.group(6)})
    return stmts, files


def sep_stats(path, sep):
    """file_count and file_max_count: the separator's occurrences (as
    str.count counts them) in the file's lines, and the most on one line;
    with None, the words (what split() gives). file_distinct and
    file_max_part: the distinct parts line.split(sep) gives over the file,
    and the longest in characters."""
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8", errors="surrogateescape").replace("\r\n", "\n").replace("\r", "\n")
    if sep is None:
        counts = [len(line.split()) for line in text.split("\n")]
    else:
        counts = [line.count(sep) for line in text.split("\n")]
    # file_distinct, file_max_part: the parts of each line (its end kept,
    # as iterating a file gives it)
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    parts = [p for line in lines if line for p in line.split(sep)]
    return {"file_count": sum(counts), "file_max_count": max(counts, default=0),
            "file_distinct": len(set(parts)), "file_max_part": max(map(len, parts), default=0)}


def file_stats(path):
    """What docs/memest.md defines: lines as text mode splits them, bytes,
    the longest line in bytes with its terminator, 1 or 4 bytes a char."""
    with open(path, "rb") as f:
        data = f.read()
    lines, cur, longest, i = 0, 0, 0, 0
    n = len(data)
    while i < n:
        b = data[i]
        cur += 1
        if b in (10, 13):
            if b == 13 and i + 1 < n and data[i + 1] == 10:
                cur += 1
                i += 1
            lines += 1
            longest = max(longest, cur)
            cur = 0
        i += 1
    if cur:
        lines += 1
        longest = max(longest, cur)
    return {"file_lines": lines, "file_bytes": n, "file_max_line": longest,
            "file_width": 4 if any(b >= 0x80 for b in data) else 1}


class Unknown(Exception):
    pass


class Static(Unknown):
    """len_of(): its static bound is known only to surgec."""


def evaluate(formula, workdir, names=None, static=False):
    """Evaluates a formula of the grammar in docs/memest.md, and nothing
    else: integer literals, + - * //, max(...), the file statistics of a
    literal path (and separator), len_of('name') from `names`. `unknown`
    has no bound."""
    if formula.strip() == "unknown":
        raise Unknown()
    tree = ast.parse(formula, mode="eval")

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
            return node.value
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            return a // b
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            fn = node.func.id
            if fn == "max" and node.args:
                return max(ev(a) for a in node.args)
            consts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if (fn in ("file_count", "file_max_count", "file_distinct", "file_max_part")
                    and len(consts) == 2 == len(node.args)
                    and isinstance(consts[0], str) and (consts[1] is None or isinstance(consts[1], str))):
                path = consts[0] if os.path.isabs(consts[0]) else os.path.join(workdir, consts[0])
                if not os.path.isfile(path):
                    raise Unknown()
                return sep_stats(path, consts[1])[fn]
            if len(node.args) == 1 and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                arg = node.args[0].value
                if fn.startswith("file_"):
                    path = arg if os.path.isabs(arg) else os.path.join(workdir, arg)
                    if not os.path.isfile(path):
                        raise Unknown()  # the program would fail to open it
                    stats = file_stats(path)
                    if fn in stats:
                        return stats[fn]
                if fn == "len_of" and static:
                    raise Static()
                if fn == "len_of" and names and arg in names:
                    return names[arg]
                if fn == "len_of":
                    raise Unknown()
        raise ValueError("not in the formula grammar: %s" % ast.dump(node))

    return ev(tree)


def estimate(surgec, prog_path, workdir):
    p = subprocess.run([surgec, "-print-mem", prog_path], cwd=workdir, capture_output=True,
                       text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("surgec -print-mem %s failed:\n%s" % (prog_path, p.stderr))
    stmts, _ = parse_print_mem(p.stdout)
    for s in stmts:
        # with the files surgec measured and the static bounds of len_of:
        # what surgec printed
        try:
            again = evaluate(s["formula"], workdir, static=True)
        except Unknown:
            again = None
        if s["printed"] is not None and again is not None and s["printed"] != again:
            raise RuntimeError("%s S%d: printed %d but the formula gives %d" %
                               (prog_path, s["index"], s["printed"], again))
    return stmts


def evaluate_for_run(stmts, meas, workdir):
    """Each statement's estimate for this run: its formula with the input
    files as they are and len_of() as the statement found it."""
    for s, m in zip(stmts, meas):
        try:
            s["estimate"] = evaluate(s["formula"], workdir, names=m["lens"])
        except Unknown:
            s["estimate"] = None


# ---- the report ----

def human(n):
    if n is None:
        return "unknown"
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return "%.1f %s" % (n / size, unit)
    return "%d B" % n


def check(name, est, meas, floor):
    """Joins estimates and measurements; ratio over max(x, floor)."""
    rows = []
    if len(est) != len(meas):
        raise RuntimeError("%s: surgec has %d statements, the program %d" % (name, len(est), len(meas)))
    for e, m in zip(est, meas):
        if e["line"] != m["line"]:
            raise RuntimeError("%s S%d: surgec says line %d, the program %d" %
                               (name, e["index"], e["line"], m["line"]))
        x = e["estimate"]
        below = x is not None and x < m["measured"]
        ratio = math.inf if x is None else max(x, floor) / max(m["measured"], floor)
        rows.append({"workload": name, "stmt": e["index"], "line": e["line"], "estimate": x,
                     "measured": m["measured"], "measured_live": m["measured_live"],
                     "ratio": ratio, "below": below,
                     "within": not below and ratio <= 1.5})
    return rows


def run(surgec, workloads=DEFAULT_WORKLOADS, scale=None, python=sys.executable, floor=1024,
        strict=False, programs=(), json_path=None):
    """Checks every program (default: every workload) and prints the table,
    the summaries and the last line. Returns (status, rows, summaries): a
    summary is {"workload", "statements", "within", "below", "ok"}.
    bench/report.py uses this too."""
    tmp = tempfile.mkdtemp(prefix="memcheck.")
    try:
        progs = list(programs) or sorted(
            os.path.join(workloads, f) for f in os.listdir(workloads)
            if f.endswith(".py") and f != "gen_data.py")
        # the programs and whatever files lie beside them; the workloads'
        # data is written by their gen_data.py in the temporary copy
        for p in progs:
            shutil.copy(p, tmp)
        for d in sorted({os.path.dirname(os.path.abspath(p)) for p in progs}):
            for f in os.listdir(d):
                if os.path.isfile(os.path.join(d, f)) and not os.path.exists(os.path.join(tmp, f)):
                    shutil.copy(os.path.join(d, f), tmp)
        gen = os.path.join(os.path.dirname(os.path.abspath(progs[0])), "gen_data.py")
        if os.path.exists(gen):
            shutil.copy(gen, tmp)
            cmd = [python, "gen_data.py"] + ([str(scale)] if scale else [])
            subprocess.run(cmd, cwd=tmp, check=True, capture_output=True, timeout=600)
        all_rows = []
        failed = False
        print("%-16s %5s %5s %12s %12s %7s" % ("workload", "stmt", "line", "estimate", "measured", "ratio"))
        summaries = []
        for p in progs:
            name = os.path.basename(p)
            path = os.path.join(tmp, name)
            try:
                est = estimate(surgec, path, tmp)
                meas = measure(python, path, tmp)
                evaluate_for_run(est, meas, tmp)
                rows = check(name, est, meas, floor)
            except (RuntimeError, subprocess.SubprocessError, ValueError) as e:
                print("memcheck: %s" % e, file=sys.stderr)
                failed = True
                continue
            for r in rows:
                flag = "BELOW" if r["below"] else "" if r["within"] else ">1.5x"
                print("%-16s %5s %5d %12s %12s %7s %s" % (
                    name, "S%d" % r["stmt"], r["line"],
                    "unknown" if r["estimate"] is None else r["estimate"], r["measured"],
                    "inf" if r["ratio"] == math.inf else "%.2f" % r["ratio"], flag))
            within = sum(r["within"] for r in rows)
            below = sum(r["below"] for r in rows)
            ok = below == 0 and within >= 0.9 * len(rows)
            summaries.append({"workload": name, "statements": len(rows), "within": within,
                              "below": below, "ok": ok})
            all_rows.extend(rows)
            failed |= below > 0 or (strict and not ok)
        print()
        for s in summaries:
            print("%-16s %d statements, %d within 1.5x (%.0f%%), %d below measured: %s" % (
                s["workload"], s["statements"], s["within"],
                100.0 * s["within"] / max(1, s["statements"]), s["below"],
                "ok" if s["ok"] else "NOT MET"))
        if json_path:
            with open(json_path, "w") as f:
                json.dump({"python": python, "floor": floor, "rows": [
                    dict(r, ratio=None if r["ratio"] == math.inf else r["ratio"]) for r in all_rows]},
                    f, indent=1)
        print("memcheck: %d workloads, %d statements, %d within 1.5x, %d below measured" % (
            len(summaries), len(all_rows), sum(r["within"] for r in all_rows),
            sum(r["below"] for r in all_rows)))
        return (1 if failed else 0), all_rows, summaries
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--surgec", required=True)
    ap.add_argument("--workloads", default=DEFAULT_WORKLOADS)
    ap.add_argument("--scale", type=int, default=None,
                    help="passed to gen_data.py (default: its own default size)")
    ap.add_argument("--python", default=sys.executable,
                    help="the CPython 3.11 that runs the workloads")
    ap.add_argument("--floor", type=int, default=1024,
                    help="ratios compare max(x, FLOOR) (default 1024 bytes)")
    ap.add_argument("--json", help="write the rows as JSON")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 unless every workload has 90%% of its statements within 1.5x")
    ap.add_argument("programs", nargs="*", help="programs (default: every workload)")
    args = ap.parse_args()
    surgec = os.path.abspath(args.surgec)
    if not os.access(surgec, os.X_OK):
        print("memcheck: no surgec at %s" % surgec, file=sys.stderr)
        return 2
    return run(surgec, args.workloads, args.scale, args.python, args.floor, args.strict,
               args.programs, args.json)[0]


if __name__ == "__main__":
    sys.exit(main())
