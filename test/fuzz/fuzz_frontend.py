#!/usr/bin/env python3
"""Crash fuzzer for the surgec front end.

    python3 test/fuzz/fuzz_frontend.py --surgec PATH [--count 1500] [--seed 1]
                                       [--jobs 2] [--save-dir DIR] FILE...

From the seed Python files it derives --count inputs, deterministically from
--seed: the seeds themselves, truncations at many byte offsets (aimed at
string, f-string and indentation positions as well as random ones), and
mutations (lines deleted, duplicated, swapped or re-indented; characters,
odd bytes, keywords and tricky snippets inserted, deleted or replaced).
Each input is run through `surgec -fsyntax-only FILE`. Rejecting an input is
fine; a case FAILS when surgec exits with anything but 0 or 1 (a negative
status is a signal), prints a sanitizer report or an internal error, or runs
longer than --timeout seconds. Failing inputs are saved for reproduction.

The last line of output is always
    fuzz_frontend: N cases, F failures (exit 0: A, exit 1: B)
and the exit status is 0 only when F is 0. Exit status 2 means bad usage
(no seed files, no surgec binary).
"""

import argparse
import concurrent.futures
import glob
import os
import shutil
import random
import subprocess
import sys
import tempfile

KEYWORDS = [
    "class", "yield", "async", "await", "global", "lambda", "def", "if", "else",
    "for", "in", "not", "is", "match", "case", "return", "try", "except",
    "finally", "with", "as", "import", "from", "del", "pass", "break",
    "continue", "raise", "assert", "while", "elif", "nonlocal", "None", "True",
    "False",
]

# Single characters to insert or substitute, plus bytes that are invalid or
# unusual in UTF-8 source: NUL, a stray 0xff, a full and a cut-off euro sign,
# a byte-order mark, form feed and carriage return.
CHARS = [c.encode() for c in "()[]{}:;,.'\"\\#\t\n =+-*/%<>!@&|^~0123456789_abcxyz fr"]
ODD_BYTES = [b"\x00", b"\xff", b"\xe2\x82\xac", b"\xe2\x82", b"\xef\xbb\xbf", b"\x0c", b"\r"]

SNIPPETS = [
    b'f"{', b"f'{x!r:>{", b'f"{x!z}"', b'f"{x:{y:{z}}}"', b'f"}"', b"'''", b'"""',
    b"\\\n", b"\\", b":=", b"**", b"*x", b"@dec\n", b"0x", b"0b2", b"1e", b"1e+",
    b"1_", b"1__0", b"0777", b"09.5", b'"\\N{x}"', b'"\\N{', b'"\\x4"', b'"\\u12"',
    b"rb'\\'", b"lambda:", b"lambda *, x: x", b"(", b")", b"]", b"}", b"\n\t \n",
    b"\r\n", b"\n    ", b"\n" + b" " * 37, b"...", b"->", b"!=", b"<>", b"`",
    b"$", b"?", b"\x00\x00", b"0.0.0", b"1if 1else 2", b"not not not",
    # Deep nesting must be rejected (or accepted) without overflowing the stack.
    b"(" * 1000, b"[" * 300 + b"]" * 300, b"-" * 1000 + b"1", b"not " * 500 + b"x",
    b"x" * 5000, b"'" + b"a" * 20000 + b"'",
]

# Bytes around which truncation is most likely to hit an unfinished token:
# quotes (strings, f-strings), braces (f-string fields), backslashes,
# indentation and the colon that opens a block.
TRUNC_MARKERS = b"'\"{}\\:#\n "


def interesting_offsets(data):
    offs = []
    for i, b in enumerate(data):
        if b in TRUNC_MARKERS or b >= 0x80:
            offs.append(i)
            offs.append(i + 1)
    return offs


def pick_offset(rng, data, offsets):
    """Half the time a targeted offset, half the time a uniform one."""
    if offsets and rng.random() < 0.5:
        return min(rng.choice(offsets), len(data))
    return rng.randint(0, len(data))


def split_lines(data):
    return data.splitlines(keepends=True) or [b""]


# ---- mutation operators: each takes (rng, data, offsets) and returns
# ---- (new data, short description)

def m_delete_line(rng, data, offs):
    lines = split_lines(data)
    i = rng.randrange(len(lines))
    del lines[i]
    return b"".join(lines), "delete line %d" % (i + 1)


def m_duplicate_line(rng, data, offs):
    lines = split_lines(data)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"".join(lines), "duplicate line %d" % (i + 1)


def m_swap_lines(rng, data, offs):
    lines = split_lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines), "swap lines %d and %d" % (i + 1, j + 1)


def m_reindent(rng, data, offs):
    lines = split_lines(data)
    i = rng.randrange(len(lines))
    line = lines[i]
    body = line.lstrip(b" \t")
    indent = line[:len(line) - len(body)]
    how = rng.randrange(5)
    if how == 0:
        new, what = b" " * rng.randint(1, 8) + line, "add spaces"
    elif how == 1:
        new, what = indent[:max(0, len(indent) - rng.randint(1, 4))] + body, "remove spaces"
    elif how == 2:
        new, what = b"\t" + line, "add a tab"
    elif how == 3:
        new, what = indent.replace(b"    ", b"\t", 1) + body, "spaces to tab"
    else:
        new, what = indent + b" \t" + body, "mixed tab"
    lines[i] = new
    return b"".join(lines), "%s on line %d" % (what, i + 1)


def m_insert_char(rng, data, offs):
    i = pick_offset(rng, data, offs)
    c = rng.choice(CHARS) if rng.random() < 0.8 else rng.choice(ODD_BYTES)
    return data[:i] + c + data[i:], "insert %r at %d" % (c, i)


def m_delete_chars(rng, data, offs):
    i = pick_offset(rng, data, offs)
    n = rng.randint(1, 3)
    return data[:i] + data[i + n:], "delete %d bytes at %d" % (n, i)


def m_replace_char(rng, data, offs):
    i = pick_offset(rng, data, offs)
    c = rng.choice(CHARS) if rng.random() < 0.8 else rng.choice(ODD_BYTES)
    return data[:i] + c + data[i + 1:], "replace byte at %d with %r" % (i, c)


def m_insert_keyword(rng, data, offs):
    kw = rng.choice(KEYWORDS).encode()
    if rng.random() < 0.5:
        # At the start of a line's code, where statements begin.
        lines = split_lines(data)
        j = rng.randrange(len(lines))
        line = lines[j]
        body = line.lstrip(b" \t")
        lines[j] = line[:len(line) - len(body)] + kw + rng.choice([b" ", b"", b": ", b"\n"]) + body
        return b"".join(lines), "insert keyword %r on line %d" % (kw, j + 1)
    i = pick_offset(rng, data, offs)
    kw = rng.choice([b" ", b""]) + kw + rng.choice([b" ", b"", b":"])
    return data[:i] + kw + data[i:], "insert keyword %r at %d" % (kw, i)


def m_insert_snippet(rng, data, offs):
    i = pick_offset(rng, data, offs)
    s = rng.choice(SNIPPETS)
    return data[:i] + s + data[i:], "insert snippet %r at %d" % (s[:20], i)


MUTATORS = [m_delete_line, m_duplicate_line, m_swap_lines, m_reindent, m_insert_char,
            m_delete_chars, m_replace_char, m_insert_keyword, m_insert_snippet]


def make_case(seed, index, seeds):
    """Case `index` of the run: (data, description). Each case has its own
    Random derived from (seed, index), so a case does not depend on others."""
    if index < len(seeds):
        path, data, _ = seeds[index]
        return data, "%s unchanged" % path
    rng = random.Random("%d:%d" % (seed, index))
    path, data, offs = rng.choice(seeds)
    if rng.random() < 0.3:
        i = pick_offset(rng, data, offs)
        return data[:i], "%s truncated at byte %d" % (path, i)
    steps = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5])):
        data, what = rng.choice(MUTATORS)(rng, data, offs)
        offs = [o for o in offs if o <= len(data)]
        steps.append(what)
    return data, "%s: %s" % (path, "; ".join(steps))


def find_seeds(patterns):
    """Seed files from the arguments. A pattern the shell left unexpanded
    (no match) is globbed here and skipped if it still matches nothing."""
    paths = []
    for p in patterns:
        if os.path.isfile(p):
            paths.append(p)
        elif any(ch in p for ch in "*?["):
            matches = sorted(glob.glob(p))
            if not matches:
                print("fuzz_frontend: note: no files match %s" % p, file=sys.stderr)
            paths += [m for m in matches if os.path.isfile(m)]
        else:
            sys.stderr.write("fuzz_frontend: no such seed file: %s\n" % p)
            sys.exit(2)
    # Deduplicate and sort so the cases do not depend on argument order.
    unique = {os.path.realpath(p): p for p in paths}
    seeds = []
    for real in sorted(unique):
        with open(real, "rb") as f:
            data = f.read()
        seeds.append((unique[real], data, interesting_offsets(data)))
    return seeds


FAIL_MARKERS = ["Sanitizer", "runtime error:", "internal error", "AddressSanitizer"]


def run_surgec(surgec, flag, path, timeout):
    """One run. Returns (exit code or None on timeout, stderr, reason it
    failed or None)."""
    try:
        proc = subprocess.run([surgec] + flag.split() + [path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        err = (e.stderr or b"").decode("utf-8", "replace")
        return None, err, "%s timed out after %g s" % (flag, timeout)
    err = proc.stderr.decode("utf-8", "replace")
    reason = None
    if proc.returncode < 0:
        reason = "%s killed by signal %d" % (flag, -proc.returncode)
    elif proc.returncode not in (0, 1):
        reason = "%s exit status %d" % (flag, proc.returncode)
    else:
        marker = next((m for m in FAIL_MARKERS if m in err), None)
        if marker:
            reason = "%s stderr contains %r" % (flag, marker)
    return proc.returncode, err, reason


def run_case(surgec, workdir, timeout, index, data, lower):
    """Run surgec on one input: the front end, and when it accepts the
    input and `lower` is set, the rest of the pipeline so far too:
    -print-ddg lowers to IR, verifies it, computes the function summaries
    and builds the dependence graph; -print-mem estimates memory;
    -emit-tasks partitions the module and writes the task program."""
    path = os.path.join(workdir, "case_%05d.py" % index)
    with open(path, "wb") as f:
        f.write(data)
    try:
        code, err, reason = run_surgec(surgec, "-fsyntax-only", path, timeout)
        if lower and code == 0 and reason is None:
            _, err, reason = run_surgec(surgec, "-print-ddg", path, timeout)
        if lower and code == 0 and reason is None and index % 2 == 0:
            # the memory estimator (every other case: the suite stays fast)
            _, err, reason = run_surgec(surgec, "-print-mem", path, timeout)
        if lower and code == 0 and reason is None:
            # the partition and the emitter, which copies source text out
            out = path + ".tasks"
            _, err, reason = run_surgec(surgec, "-emit-tasks -o " + out, path, timeout)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        os.unlink(path)
    return code, err, reason


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--surgec", required=True, help="path to the surgec binary")
    ap.add_argument("--count", type=int, default=1500, help="number of cases (default 1500)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel surgec runs (default 2)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run (default 10)")
    ap.add_argument("--lower", action="store_true",
                    help="also run the rest of the pipeline on every accepted input "
                         "(-print-ddg: lowering, verifier, summaries, dependence graph), "
                         "which must succeed (exit 0) or reject it cleanly (exit 1)")
    ap.add_argument("--save-dir", help="where to save failing inputs (default: a new temp dir)")
    ap.add_argument("files", nargs="*", metavar="FILE", help="seed Python files")
    args = ap.parse_args()

    if not os.path.isfile(args.surgec) or not os.access(args.surgec, os.X_OK):
        print("fuzz_frontend: surgec not found or not executable: %s" % args.surgec, file=sys.stderr)
        return 2
    if not args.files:
        print("fuzz_frontend: no seed files given", file=sys.stderr)
        return 2
    if args.count < 1 or args.jobs < 1:
        print("fuzz_frontend: --count and --jobs must be positive", file=sys.stderr)
        return 2
    seeds = find_seeds(args.files)
    if not seeds:
        print("fuzz_frontend: none of the seed patterns matched a file", file=sys.stderr)
        return 2

    results = {}  # index -> (exit code, stderr, reason)
    cases = {}  # index -> (data, description), kept for saving failures
    with tempfile.TemporaryDirectory(prefix="fuzz_frontend_") as workdir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {}
        for index in range(args.count):
            data, desc = make_case(args.seed, index, seeds)
            cases[index] = (data, desc)
            fut = pool.submit(run_case, args.surgec, workdir, args.timeout, index, data,
                              args.lower)
            futures[fut] = index
        for fut in concurrent.futures.as_completed(futures):
            index = futures[fut]
            code, err, reason = fut.result()
            results[index] = (code, err, reason)
            if reason is None:
                del cases[index]  # only failing inputs need to be kept

    failures = sorted(i for i, (_, _, reason) in results.items() if reason)
    if failures:
        save_dir = args.save_dir or tempfile.mkdtemp(prefix="fuzz_frontend_failures_")
        os.makedirs(save_dir, exist_ok=True)
        for index in failures:
            code, err, reason = results[index]
            data, desc = cases[index]
            path = os.path.join(save_dir, "seed%d_case%05d.py" % (args.seed, index))
            with open(path, "wb") as f:
                f.write(data)
            print("FAIL %s: %s (exit %s)" % (path, reason, "timeout" if code is None else code))
            print("  from %s" % desc)
            for line in err.splitlines()[:8]:
                print("  | " + line)

    ran = len(results)
    n_failures = len(failures)
    exit0 = sum(1 for code, _, _ in results.values() if code == 0)
    exit1 = sum(1 for code, _, _ in results.values() if code == 1)
    # Guard against passing vacuously; each problem counts as a failure so
    # the summary line itself shows it.
    if ran < args.count:
        print("FAIL only %d of %d cases ran" % (ran, args.count))
        n_failures += args.count - ran
    if exit1 == 0 and ran > len(seeds):
        # Among hundreds of truncated and mutated inputs many are invalid;
        # a front end that accepts every one of them is not parsing.
        print("FAIL surgec rejected none of the %d inputs; is it parsing at all?" % ran)
        n_failures += 1
    if exit0 == 0:
        print("note: surgec accepted none of the inputs, not even the unchanged seeds",
              file=sys.stderr)
    print("fuzz_frontend: %d cases, %d failures (exit 0: %d, exit 1: %d)"
          % (ran, n_failures, exit0, exit1))
    return 1 if n_failures else 0


if __name__ == "__main__":
    sys.exit(main())
