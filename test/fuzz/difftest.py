#!/usr/bin/env python3
"""Differential testing of surgec against CPython on generated programs.

usage: difftest.py --surgec PATH [--surgec-asan PATH] [--seeds A..B]
                   [-j 1,2,4] [--workers N] [--no-shrink] [--save-dir DIR]
                   [--known-bugs FILE]
       difftest.py --self-test

For each seed, test/fuzz/gen_program.py writes a program; surgec compiles
it with -emit-tasks (and -print-tasks, to count the tasks and split loops);
CPython runs it, and the task program runs at each -j; run_compare.py's
differences() judges each pair of runs (stdout bytes, files written, exit
status, last stderr line), so both tools hold programs to the same rules.

Besides mismatches it reports what the generator should never provoke:
surgec crashing (any exit but 0 and 1), a sanitizer report from the
--surgec-asan build (or from --surgec itself when it is sanitized, as in
the ASan lit run), surgec rejecting a program (the generator keeps to the
subset, so each rejection is counted and shown), a run that times out.

A finding is shrunk before it is shown: statements (a line and the lines
indented under it) are deleted, last first, while the same finding
persists, so what is printed is a small program that still shows the bug.
Seeds listed in --known-bugs (one `SEED  # reason` a line) are bugs that
already have an XFAIL regression test under test/fuzz/regressions/: they
are reported as known and do not fail the run.

The last line is the summary that lit checks:
`difftest: N programs, M mismatches, C crashes, S sanitizer reports,
R rejections, T timeouts, K known; ...`. Exit status 1 on any finding
that is not known."""
import argparse
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "Inputs"))
import gen_program  # noqa: E402
from run_compare import ENV, differences, run, snapshot  # noqa: E402

# A sanitized surgec reports with this status (as lit.cfg.py sets it), and
# these words start every sanitizer report.
SAN_ENV = dict(ENV, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99")
SAN_WORDS = re.compile(rb"ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer")


class Finding:
    """One thing wrong with a program. kind is mismatch, crash, sanitizer,
    rejection or timeout; key is what must stay the same while shrinking
    (the kind and the sort of difference, not its details), detail is the
    message to show."""

    def __init__(self, kind, key, detail):
        self.kind, self.key, self.detail = kind, key, detail


def surgec_findings(cfg, prog, tmp):
    """Compile prog with each surgec; return (findings, stats, tasks dir).
    stats is (tasks, split loops) from -print-tasks."""
    found = []
    tasks = os.path.join(tmp, "prog.tasks")
    shutil.rmtree(tasks, ignore_errors=True)
    c = subprocess.run([cfg.surgec, "-emit-tasks", prog, "-o", tasks], capture_output=True,
                       env=SAN_ENV, timeout=cfg.timeout)
    for r, which in [(c, cfg.surgec)] + ([(subprocess.run(
            [cfg.surgec_asan, "-emit-tasks", prog, "-o", os.path.join(tmp, "asan.tasks")],
            capture_output=True, env=SAN_ENV, timeout=cfg.timeout * 4), cfg.surgec_asan)]
            if cfg.surgec_asan else []):
        err = r.stderr.decode(errors="replace")
        if r.returncode == 99 or SAN_WORDS.search(r.stderr):
            m = SAN_WORDS.search(r.stderr)
            found.append(Finding("sanitizer", ("sanitizer", m.group(0) if m else b"99"),
                                 f"{which}: sanitizer report:\n{err[-3000:]}"))
        elif r.returncode not in (0, 1):
            found.append(Finding("crash", ("crash", r.returncode),
                                 f"{which} exited {r.returncode}:\n{err[-3000:]}"))
    if found:
        return found, (0, 0), None
    if c.returncode == 1:
        first = next((l for l in c.stderr.decode(errors="replace").splitlines() if "error:" in l), "")
        what = first.split("error:", 1)[-1].strip()
        return [Finding("rejection", ("rejection", what), first)], (0, 0), None
    t = subprocess.run([cfg.surgec, "-print-tasks", prog], capture_output=True, env=SAN_ENV,
                       timeout=cfg.timeout)
    out = t.stdout.decode(errors="replace")
    ntasks = len(re.findall(r"^T\d+ ", out, re.M))
    nsplit = len(re.findall(r"^\s+(split|split inside the task):", out, re.M))
    return [], (ntasks, nsplit), tasks


def check(cfg, text, js, want=None):
    """Every finding for the program text, with -print-tasks's counts and
    CPython's exit status: ([Finding], (tasks, splits), status). With want
    (a finding's key, when shrinking) it stops at the first run that shows
    it."""
    with tempfile.TemporaryDirectory(prefix="difftest-") as tmp:
        prog = os.path.join(tmp, "prog.py")
        with open(prog, "w") as f:
            f.write(text)
        try:
            found, stats, tasks = surgec_findings(cfg, prog, tmp)
        except subprocess.TimeoutExpired:
            return [Finding("timeout", ("timeout", "surgec"), "surgec timed out")], (0, 0), None
        if tasks is None:
            return found, stats, None
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        ref_dir = os.path.join(tmp, "ref")
        shutil.copytree(empty, ref_dir)
        ref = run([sys.executable, prog], ref_dir, cfg.timeout)
        if ref[0] == "timeout":
            return [Finding("timeout", ("timeout", "cpython"), "CPython timed out")], stats, None
        ref_files = snapshot(ref_dir)
        for j in js:
            d = os.path.join(tmp, f"j{j}")
            shutil.copytree(empty, d)
            got = run([sys.executable, tasks, "-j", str(j)], d, cfg.timeout)
            if got[0] == "timeout":
                found.append(Finding("timeout", ("timeout", "tasks"), f"-j {j}: the task program timed out"))
                continue
            problems = differences(ref, ref_files, got, snapshot(d))
            if problems:
                key = ("mismatch", tuple(sorted(p.split()[0] for p in problems)))
                msg = f"-j {j}: " + "; ".join(problems)
                if got[0] not in (0, 1) or b"surge: error" in got[2]:
                    msg += "\n" + got[2].decode(errors="replace")[-2000:]
                found.append(Finding("mismatch", key, msg))
                if key == want:
                    break
        return found, stats, ref[0]


CLAUSE = re.compile(r"(except\b|else\s*:|elif\b|finally\s*:)")


def statement_ends(lines):
    """For each line that starts a statement, the index after its last
    line (the lines indented deeper than it, blank lines included)."""
    ends = {}
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        ind = len(l) - len(l.lstrip())
        e = i + 1
        while e < len(lines):
            l2 = lines[e]
            ind2 = len(l2) - len(l2.lstrip())
            # The lines under it, and the clauses that continue it.
            if not l2.strip() or ind2 > ind or (ind2 == ind and CLAUSE.match(l2.lstrip())):
                e += 1
            else:
                break
        ends[i] = e
    return ends


def shrink(text, still_fails, budget_s=180, max_tries=400):
    """Delete statements, last first, while still_fails(text) holds; a
    deletion that leaves a block empty puts `pass` in its place. Passes
    repeat until one deletes nothing, or the budget runs out."""
    lines = text.rstrip("\n").split("\n")
    start, tries = time.monotonic(), 0
    changed = True
    while changed:
        changed = False
        i = len(lines) - 1
        while i >= 0:
            if time.monotonic() - start > budget_s or tries >= max_tries:
                return "\n".join(lines) + "\n"
            ends = statement_ends(lines)
            if i in ends and not lines[i].lstrip().startswith("#") and i < len(lines):
                ind = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
                for repl in ([], [ind + "pass"]):
                    cand = lines[:i] + repl + lines[ends[i]:]
                    if cand == lines:
                        continue
                    src = "\n".join(cand) + "\n"
                    try:
                        compile(src, "shrink", "exec")
                    except SyntaxError:
                        continue
                    tries += 1
                    if still_fails(src):
                        lines = cand
                        changed = True
                        break
            i = min(i, len(lines)) - 1
    return "\n".join(lines) + "\n"


def shrink_finding(cfg, text, finding, ref_status, js):
    """The smallest program shrink() finds that still has a finding with
    the same key, CPython exiting as it did (so that the program does not
    drift into, say, a NameError of its own), at the same -j values."""
    def still_fails(src):
        found, _, status = check(cfg, src, js, want=finding.key)
        if finding.kind == "mismatch" and status != ref_status:
            return False
        return any(f.key == finding.key for f in found)
    return shrink(text, still_fails, budget_s=cfg.shrink_seconds)


class Config:
    """What every worker needs, picklable."""

    def __init__(self, a):
        self.surgec = a.surgec
        self.surgec_asan = a.surgec_asan
        self.timeout = a.timeout
        self.js = [int(j) for j in a.j.split(",")]
        self.shrink = not a.no_shrink
        self.shrink_seconds = a.shrink_seconds
        self.save_dir = a.save_dir
        self.rotate_j = a.rotate_j


def run_seed(args):
    """Generate and check one seed; shrink its first finding. Returns
    (seed, findings, stats, minimized text or None, seconds)."""
    cfg, seed = args
    t0 = time.monotonic()
    text = gen_program.generate(seed)
    js = [cfg.js[seed % len(cfg.js)]] if cfg.rotate_j else cfg.js
    found, stats, status = check(cfg, text, js)
    small = None
    if found and cfg.shrink:
        f = found[0]
        if f.kind == "mismatch":
            js = sorted({int(x.detail.split()[1].rstrip(":")) for x in found if x.kind == "mismatch"})
        small = shrink_finding(cfg, text, f, status, js)
    if found and cfg.save_dir:
        os.makedirs(cfg.save_dir, exist_ok=True)
        with open(os.path.join(cfg.save_dir, f"seed-{seed}.py"), "w") as fh:
            fh.write(text)
        if small:
            with open(os.path.join(cfg.save_dir, f"seed-{seed}.min.py"), "w") as fh:
                fh.write(small)
    return seed, found, stats, small, time.monotonic() - t0


def parse_seeds(s):
    """A..B (inclusive) or a comma list of seeds and ranges."""
    out = []
    for part in s.split(","):
        if ".." in part:
            a, b = part.split("..")
            out += range(int(a), int(b) + 1)
        else:
            out.append(int(part))
    return out


def read_known(path):
    """Seeds with a known bug: `SEED  # what` a line."""
    known = {}
    if path:
        with open(path) as f:
            for line in f:
                body, _, why = line.partition("#")
                if body.strip():
                    known[int(body)] = why.strip()
    return known


SUMMARY = re.compile(r"difftest: (\d+) programs, (\d+) mismatches, (\d+) crashes, (\d+) sanitizer reports, "
                     r"(\d+) rejections, (\d+) timeouts, (\d+) known; (\d+) with split loops \((\d+) loops\), "
                     r"([\d.]+) tasks a program, (\d+)s")


def summarize(paths):
    """Add up the summary lines of several runs' logs (a long run's
    chunks) and list their failing seeds by kind: one line to report."""
    keys = ["programs", "mismatches", "crashes", "sanitizer reports", "rejections", "timeouts", "known",
            "with split loops", "loops"]
    tot = dict.fromkeys(keys, 0)
    tasks = secs = 0.0
    fails = {}
    for path in paths:
        with open(path) as f:
            for line in f:
                m = SUMMARY.match(line)
                if m:
                    for k, v in zip(keys, m.groups()):
                        tot[k] += int(v)
                    tasks += float(m.group(10)) * int(m.group(1))
                    secs += int(m.group(11))
                m = re.match(r"FAIL seed (\d+): (\w+)", line)
                if m:
                    fails.setdefault(m.group(2), []).append(int(m.group(1)))
    n = tot["programs"]
    print(f"difftest total: {n} programs, {tot['mismatches']} mismatches, {tot['crashes']} crashes, "
          f"{tot['sanitizer reports']} sanitizer reports, {tot['rejections']} rejections, "
          f"{tot['timeouts']} timeouts, {tot['known']} known; {tot['with split loops']} with split loops "
          f"({tot['loops']} loops), {tasks / max(n, 1):.1f} tasks a program, {secs:.0f}s")
    for kind, seeds in sorted(fails.items()):
        print(f"  {kind}: seeds {', '.join(map(str, sorted(seeds)))}")
    return 0


def self_test():
    """shrink() on a known case: the smallest program that still prints
    'x' is the print with what it needs, not the rest (a try statement
    goes with its except clause)."""
    text = ("a = 1\nb = 2\ntry:\n    b = 1 // a\nexcept KeyError:\n    pass\nif a:\n    c = 3\n"
            "    print('x', a)\nfor i in range(3):\n    b += i\nprint(b)\n")
    got = shrink(text, lambda src: "'x'" in src and "a = 1" in src)
    want = "a = 1\nif a:\n    print('x', a)\n"
    print("shrink:", "ok" if got == want else f"got {got!r}")
    return 0 if got == want else 1


# The lit run of this file checks the shrinker; difftest.test runs programs.
# RUN: %python %s --self-test | FileCheck %s
# CHECK: shrink: ok

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--surgec")
    ap.add_argument("--surgec-asan", help="a sanitizer build of surgec, run on every program too")
    ap.add_argument("--seeds", default="1..100")
    ap.add_argument("-j", default="1,2,4", help="the task program's worker counts")
    ap.add_argument("--rotate-j", action="store_true",
                    help="run each seed at one of the -j values (seed modulo their count): a long run's pace")
    ap.add_argument("--workers", type=int, default=1, help="seeds checked at once")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--shrink-seconds", type=float, default=180)
    ap.add_argument("--save-dir", help="keep each failing program and its shrunk version here")
    ap.add_argument("--known-bugs", help="seeds whose findings are known bugs")
    ap.add_argument("-v", "--verbose", action="store_true", help="a line per program")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--summarize", nargs="+", metavar="LOG",
                    help="add up the summaries of earlier runs' logs (a long run's chunks) and stop")
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    if a.summarize:
        return summarize(a.summarize)
    if not a.surgec:
        ap.error("--surgec is required")
    cfg = Config(a)
    seeds = parse_seeds(a.seeds)
    known = read_known(a.known_bugs)
    counts = dict(mismatch=0, crash=0, sanitizer=0, rejection=0, timeout=0, known=0)
    with_split = loops = tasks = 0
    t0 = time.monotonic()
    jobs = [(cfg, s) for s in seeds]
    pool = multiprocessing.Pool(a.workers) if a.workers > 1 else None
    results = pool.imap(run_seed, jobs) if pool else map(run_seed, jobs)
    for seed, found, (ntasks, nsplit), small, secs in results:
        tasks += ntasks
        loops += nsplit
        with_split += nsplit > 0
        if a.verbose:
            print(f"seed {seed}: {ntasks} tasks, {nsplit} split, {len(found)} findings, {secs:.1f}s",
                  flush=True)
        if not found:
            continue
        if seed in known:
            counts["known"] += 1
            print(f"KNOWN seed {seed}: {known[seed]}", flush=True)
            continue
        for kind in {f.kind for f in found}:
            counts[kind] += 1
        print(f"FAIL seed {seed}: " + " | ".join(f"{f.kind}: {f.detail}" for f in found))
        if small:
            print(f"--- seed {seed}, minimized ({small.count(chr(10))} lines) ---\n{small}--- end seed {seed}")
        sys.stdout.flush()
    if pool:
        pool.close()
    n = len(seeds)
    print(f"difftest: {n} programs, {counts['mismatch']} mismatches, {counts['crash']} crashes, "
          f"{counts['sanitizer']} sanitizer reports, {counts['rejection']} rejections, "
          f"{counts['timeout']} timeouts, {counts['known']} known; "
          f"{with_split} with split loops ({loops} loops), {tasks / max(n, 1):.1f} tasks a program, "
          f"{time.monotonic() - t0:.0f}s")
    bad = sum(v for k, v in counts.items() if k != "known")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
