#!/usr/bin/env python3
"""Compiles programs with surgec -emit-tasks and checks that the task
program behaves exactly as CPython running the original: the same stdout
(bytes), exit status, last stderr line and files written, at each -j.

usage: run_compare.py --surgec PATH [--data-from DIR [--gen-data SCALE]]
                      [-j 1,2,4] [--surgec-flag OPTION]... [--runner-arg ARG]...
                      PROGRAM.py...

Each program runs in a fresh copy of a work folder (the data folder's
files, if given, else the program's own folder), once with CPython and
once per -j with the task program; the folders are compared afterwards.
Prints one line per program and run; exits 1 on any difference."""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile


def last_line(text: bytes) -> bytes:
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else b""


def snapshot(folder):
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.endswith(".tasks") and d != "__pycache__"]
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = fh.read()
    return out


# One string-hash seed for every run: a set's or dict's order of str keys
# then depends only on what the program did, so it can be compared.
ENV = dict(os.environ, PYTHONHASHSEED="0")


def run(cmd, cwd, timeout):
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=ENV,
                           stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def differences(ref, ref_files, got, got_files):
    """What differs between CPython's run and the task program's, as
    messages (empty when they match): ref and got are run()'s (status,
    stdout, stderr), the files snapshot()'s. Shared with test/fuzz/difftest.py
    so that both judge a run by the same rules."""
    problems = []
    if got[0] != ref[0] and not (got[0] != 0 and ref[0] != 0 and ref[0] == 1 and got[0] == 1):
        problems.append(f"exit status {got[0]}, CPython {ref[0]}")
    if got[1] != ref[1]:
        problems.append("stdout differs:\n--- CPython\n%s\n--- tasks\n%s" % (
            ref[1].decode(errors="replace")[-2000:], got[1].decode(errors="replace")[-2000:]))
    if ref[0] != 0 and last_line(got[2]) != last_line(ref[2]):
        problems.append(f"last error line {last_line(got[2])!r}, CPython {last_line(ref[2])!r}")
    if got_files != ref_files:
        diff = sorted(set(got_files) ^ set(ref_files)) or sorted(
            k for k in ref_files if got_files.get(k) != ref_files[k])
        problems.append(f"files differ: {diff}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--surgec", required=True)
    ap.add_argument("--data-from")
    ap.add_argument("--gen-data")
    ap.add_argument("-j", default="1,2,4")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--surgec-flag", action="append", default=[],
                    help="an option for surgec -emit-tasks (e.g. -freassociate)")
    ap.add_argument("--runner-arg", action="append", default=[],
                    help="an option for the task program (e.g. --scheduler=tcp://HOST:PORT)")
    ap.add_argument("--skip-rejected", action="store_true",
                    help="a program surgec rejects with a diagnostic (exit 1) is listed as "
                         "`skip NAME`, not failed: for sweeping test folders")
    ap.add_argument("programs", nargs="+")
    a = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "base")
        os.mkdir(base)
        if a.data_from:
            for f in os.listdir(a.data_from):
                src = os.path.join(a.data_from, f)
                if os.path.isfile(src):
                    shutil.copy(src, base)
            if a.gen_data:
                subprocess.run([sys.executable, "gen_data.py", a.gen_data], cwd=base,
                               check=True, capture_output=True)
        for i, prog in enumerate(a.programs):
            name = os.path.basename(prog)  # two programs may share it: paths below add i
            folder = base if a.data_from else os.path.dirname(os.path.abspath(prog))
            tasks = os.path.join(tmp, f"{i}-{name}.tasks")
            c = subprocess.run([a.surgec, "-emit-tasks", *a.surgec_flag, prog, "-o", tasks],
                               capture_output=True)
            if c.returncode == 1 and a.skip_rejected and b"error:" in c.stderr:
                print(f"skip {name}")
                continue
            if c.returncode != 0:
                print(f"FAIL {name}: surgec exited {c.returncode}:\n{c.stderr.decode()}")
                failed += 1
                continue
            ref_dir = os.path.join(tmp, f"ref{i}-{name}")
            shutil.copytree(folder, ref_dir, ignore=shutil.ignore_patterns("*.tasks"))
            ref = run([sys.executable, os.path.abspath(prog)], ref_dir, a.timeout)
            ref_files = snapshot(ref_dir)
            for j in a.j.split(","):
                d = os.path.join(tmp, f"j{j}-{i}-{name}")
                shutil.copytree(folder, d, ignore=shutil.ignore_patterns("*.tasks"))
                got = run([sys.executable, tasks, "-j", j, *a.runner_arg], d, a.timeout)
                problems = differences(ref, ref_files, got, snapshot(d))
                if problems:
                    failed += 1
                    print(f"FAIL {name} -j {j}: " + "; ".join(problems))
                    if got[0] not in (0, 1):
                        print(got[2].decode(errors="replace")[-3000:])
                else:
                    print(f"ok {name} -j {j}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
