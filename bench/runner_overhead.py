"""Per-task overhead of the runner: 1,000 tiny tasks against plain CPython.

    python3 bench/runner_overhead.py [--tasks 1000] [--repeat 5] [-j N ...]

Writes, by hand (no surgec needed), a task folder whose N tasks each run one
tiny statement (`print(k * k)`, no dependences between them), and the
sequential program made of the same N statements. Times `python3 prog.py`
and `python3 prog.tasks -j J` for each J, best of --repeat, side by side in
the same run, checks that both print the same bytes, and prints the ratio
and the overhead per task. Interpreter start-up is in both times.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RUNTIME = os.path.join(HERE, "..", "runtime")


def write_program(folder, n):
    prog = os.path.join(folder, "prog.py")
    with open(prog, "w") as f:
        for k in range(n):
            f.write(f"print({k} * {k})\n")
    tasks_dir = os.path.join(folder, "prog.tasks")
    os.makedirs(os.path.join(tasks_dir, "surge_runtime"))
    shutil.copy(os.path.join(RUNTIME, "__main__.py"), tasks_dir)
    for path in glob.glob(os.path.join(RUNTIME, "surge_runtime", "*.py")):
        shutil.copy(path, os.path.join(tasks_dir, "surge_runtime"))
    with open(os.path.join(tasks_dir, "tasks.py"), "w") as f:
        f.write("from surge_runtime.support import *\n")
        for k in range(n):
            f.write(f"\n\ndef task_{k}():\n    print({k} * {k})\n")
    tasks = [{"id": k, "function": f"task_{k}", "lines": [[k + 1, k + 1]], "deps": [],
              "receives": [], "sends": [], "effects": ["stdout"], "commit": False,
              "main": False, "work": 1, "memory": 0} for k in range(n)]
    with open(os.path.join(tasks_dir, "manifest.json"), "w") as f:
        json.dump({"format": "surge-tasks", "version": 1, "program": "prog.py",
                   "tasks": tasks}, f)
    return prog, tasks_dir


def best_of(cmd, repeat, cwd):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, check=True)
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
        out = r.stdout
    return best, out


def measure(python, n, jobs, repeat, tmp):
    """{label: best seconds} for python3 prog.py and the runner at each -j."""
    folder = os.path.join(tmp, str(n))
    os.makedirs(folder)
    prog, tasks_dir = write_program(folder, n)
    # Warm the page cache (and bytecode caches, when they are written).
    subprocess.run([python, prog], cwd=folder, stdout=subprocess.DEVNULL, check=True)
    subprocess.run([python, tasks_dir, "-j", "1"], cwd=folder, stdout=subprocess.DEVNULL, check=True)
    times = {}
    times["python3"], expected = best_of([python, prog], repeat, folder)
    for j in jobs:
        times[j], out = best_of([python, tasks_dir, "-j", str(j)], repeat, folder)
        if out != expected:
            sys.exit(f"runner output differs from python3's with -j {j} ({n} tasks)")
    return times


def overhead(python, n, jobs, repeat):
    """Times n tiny tasks and a single one, for CPython and the runner at each
    -j: [{"command", "best_s", "ratio", "startup_ms", "us_per_task"}], the
    first row python3 prog.py itself. bench/report.py uses this too."""
    with tempfile.TemporaryDirectory() as tmp:
        big = measure(python, n, jobs, repeat, tmp)
        one = measure(python, 1, jobs, repeat, tmp)
    rows = []
    for label, key in [("python3 prog.py", "python3")] + [
            (f"python3 prog.tasks -j {j}", j) for j in jobs]:
        rows.append({"command": label, "best_s": big[key], "ratio": big[key] / big["python3"],
                     "startup_ms": one[key] * 1000,
                     "us_per_task": (big[key] - one[key]) / max(1, n - 1) * 1e6})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("-j", type=int, action="append", dest="jobs",
                    help="worker counts to time (default: 1 and all CPUs)")
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    jobs = args.jobs or sorted({1, os.cpu_count() or 1})
    rows = overhead(args.python, args.tasks, jobs, args.repeat)
    n = args.tasks
    print(f"{n} tiny tasks against {n} statements, best of {args.repeat}, {os.cpu_count()} CPUs")
    print(f"{'command':<26} {'best s':>8} {'ratio':>6} {'start-up ms':>12} {'us/task':>8}")
    for r in rows:
        print(f"{r['command']:<26} {r['best_s']:8.4f} {r['ratio']:6.2f} "
              f"{r['startup_ms']:12.1f} {r['us_per_task']:8.1f}")


if __name__ == "__main__":
    main()
