"""Checks that docs/language.md tells the truth about surgec.

Every ```python block before "## Rejected constructs" must compile under
CPython and be accepted by surgec; every row of the rejected-constructs
table whose example is a whole statement must be rejected with the
diagnostic the table gives.

Usage: doc_examples.py --surgec PATH docs/language.md
Prints "doc_examples: N accepted, M rejected, K failures" and exits 1 on any
failure or when nothing was checked.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def run_surgec(surgec, source):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
        path = f.name
    try:
        r = subprocess.run([surgec, "-fsyntax-only", path], capture_output=True, text=True)
        return r.returncode, r.stderr
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--surgec", required=True)
    ap.add_argument("doc")
    args = ap.parse_args()
    text = open(args.doc, encoding="utf-8").read()
    cut = text.index("## Rejected constructs")
    failures = 0

    accepted = re.findall(r"```python\n(.*?)```", text[:cut], re.S)
    for i, block in enumerate(accepted):
        try:
            compile(block, f"example{i}", "exec")
        except SyntaxError as e:
            print(f"example {i} is not valid Python: {e}")
            failures += 1
            continue
        rc, err = run_surgec(args.surgec, block)
        if rc != 0:
            print(f"example {i} is rejected by surgec:\n{block}\n{err}")
            failures += 1

    # Rows like: | construct | `example` | `unsupported: ...` |
    rejected = 0
    table = text[cut:text.index("## Lexical notes")]
    for row in table.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) != 3:
            continue
        example = re.match(r"^`([^`]+)`$", cells[1])
        diag = re.match(r"^`(unsupported: [^`]+)`", cells[2])
        if not example or not diag:
            continue  # a description, not a whole statement
        source = example.group(1) + "\n"
        try:
            compile(source, "row", "exec")
        except SyntaxError:
            continue  # only meaningful inside a function (yield, await, ...)
        rejected += 1
        rc, err = run_surgec(args.surgec, source)
        if rc != 1 or diag.group(1) not in err:
            print(f"rejected example {source!r} gave exit {rc}:\n{err}")
            failures += 1

    print(f"doc_examples: {len(accepted)} accepted, {rejected} rejected, {failures} failures")
    return 1 if failures or not accepted or not rejected else 0


if __name__ == "__main__":
    sys.exit(main())
