#!/usr/bin/env python3
"""Differential test of surgec's parser against CPython's `ast` module.

    python3 ast_diff.py --surgec PATH [--python PATH] [--exclude NAME]... FILE...

For each FILE, runs `surgec -ast-dump FILE` and `PYTHON pyast_dump.py FILE`
(pyast_dump.py is the script next to this one; PYTHON must be CPython 3.11,
by default the interpreter running this script) and compares the two dumps
line for line. Each mismatch is printed as a unified diff (`-` lines are
CPython's, `+` lines surgec's); so is a failure of either side to produce a
dump. A FILE that does not exist is taken as a glob pattern (lit passes an
unmatched `dir/*.py` through as is) and skipped if it matches nothing.
Files whose base name is given with --exclude are skipped.

Before comparing, both dumps get one normalisation (see pyast_dump.py):
the ranges of the literal parts of an f-string (a Str directly inside a
JoinedStr) and of a format spec's JoinedStr are replaced by `<f-part>`.
CPython 3.11 gives these nodes the range of the whole string literal, and
surgec points at where the literal text or the spec starts, so neither
side's range says anything the other can check. Their values, order and
nesting are still compared, and so are all other ranges in f-strings
(FormattedValue `{...}` ranges, and those of the field expressions).

The last line of output is always
    ast_diff: N files, M mismatches
and the exit status is 0 only when M is 0 and N is not 0.
"""

import argparse
import difflib
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RANGE = re.compile(r" <\d+:\d+-\d+:\d+>$")


def mask_fstring_parts(text):
    """Replaces the ranges of f-string literal parts and format-spec
    JoinedStrs by <f-part>, judging each line by its parent line (the
    nearest line above it indented one level less)."""
    out, stack = [], []  # stack of (indent, stripped line)
    for line in text.splitlines():
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        if (body.startswith("Str ") and parent.startswith("JoinedStr ")) or \
                (body.startswith("JoinedStr ") and parent == "spec:"):
            line = RANGE.sub(" <f-part>", line)
        stack.append((indent, body))
        out.append(line)
    return out


def run(cmd):
    """(dump lines, None) on success, else (None, what went wrong)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timed out: %s" % " ".join(cmd)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip()
        return None, "exit status %d: %s\n%s" % (p.returncode, " ".join(cmd), err)
    return mask_fstring_parts(out), None


def expand(paths, excludes):
    files = []
    for p in paths:
        matches = [p] if os.path.exists(p) else sorted(glob.glob(p))
        files += [m for m in matches
                  if os.path.isfile(m) and os.path.basename(m) not in excludes]
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--surgec", required=True, help="the surgec binary")
    ap.add_argument("--python", default=sys.executable,
                    help="CPython 3.11 to run pyast_dump.py with")
    ap.add_argument("--exclude", action="append", default=[], metavar="NAME",
                    help="skip files with this base name")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    pydump = os.path.join(HERE, "pyast_dump.py")
    files = expand(args.files, set(args.exclude))
    mismatches = 0
    for f in files:
        want, why_py = run([args.python, pydump, f])
        got, why_surgec = run([args.surgec, "-ast-dump", f])
        if why_py or why_surgec:
            mismatches += 1
            print("=== %s: no dump to compare" % f)
            for why in (why_py, why_surgec):
                if why:
                    print(why)
            continue
        if want != got:
            mismatches += 1
            sys.stdout.writelines(difflib.unified_diff(
                [l + "\n" for l in want], [l + "\n" for l in got],
                "cpython: " + f, "surgec: " + f))
    print("ast_diff: %d files, %d mismatches" % (len(files), mismatches))
    return 0 if files and not mismatches else 1


if __name__ == "__main__":
    sys.exit(main())
