#!/usr/bin/env python3
"""Speed of the emitted task programs against CPython running the original,
side by side on the same machine in the same run.

    python3 bench/speedup.py --surgec build/bin/surgec [--scale 20] [-j 2 | -j 1,2,4]
                             [--repeat 3] [--workloads DIR] [PROGRAM.py...]

For each workload (default: every program in ../shared/workloads except
gen_data.py), in a temp folder holding its data (`gen_data.py SCALE`):
compiles it with `surgec -emit-tasks`, then times `python3 prog.py` and
`python3 prog.tasks -j N` (for each N of a comma list) alternately, best
of --repeat wall-clock runs each, and checks that both printed the same
bytes. `python3 empty.py` (an empty program) is timed in the same rounds:
the interpreter's start-up S, which no runner can split. Prints one row
per program: CPython seconds, then for each N tasks seconds, speedup
(CPython / tasks) and bound (the best speedup any runner could reach,
see bound()), and the number of tasks. Never fails on speed; exits 1 only
if a run fails or the outputs differ."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, cwd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - t0, r


def bound(cpython_s, startup_s, j):
    """The speedup at `j` workers of a runner with no overhead of its own
    that splits all of the program's work perfectly over the cores: only
    the interpreter's start-up stays sequential (Amdahl's law with the
    start-up as the serial part). A speedup near 1 here means the workload
    is mostly start-up and no runner can make it faster."""
    cores = min(int(j), os.cpu_count() or 1)
    work = max(cpython_s - startup_s, 0.0)  # a noisy T below S: no work to split
    return cpython_s / (startup_s + work / cores)


def run(surgec, workloads, scale="20", jobs=("2",), repeat=3, reassociate=("kmeans.py",),
        programs=(), log=print):
    """Times every program against CPython at each worker count in `jobs`.

    In a temp copy of `workloads` with its data (`gen_data.py SCALE`), each
    program is compiled with `surgec -emit-tasks` (with -freassociate when
    its name is in `reassociate`); then, `repeat` times, `python3 prog.py`
    and `python3 prog.tasks -j J` for each J run one after the other
    (interleaved, so that a slow moment of the machine hits all of them),
    and the best of each is kept; `python3 empty.py` runs in the same
    rounds, so that the start-up it measures sees the same machine. Returns
    (status, rows): status 1 if a compile or run failed or the outputs
    differ; a row is {"program", "cpython_s", "startup_s", "tasks_s": {J: s},
    "speedup": {J: x}, "bound": {J: x}, "tasks", "same_output", "flags"}.
    `log` gets one line per program as it is done; bench/report.py uses
    this too."""
    wl = os.path.abspath(workloads)
    surgec = os.path.abspath(surgec)
    jobs = [str(j) for j in jobs]
    progs = list(programs) or sorted(
        os.path.join(wl, f) for f in os.listdir(wl) if f.endswith(".py") and f != "gen_data.py")
    rows, status = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in os.listdir(wl):
            if os.path.isfile(os.path.join(wl, f)):
                shutil.copy(os.path.join(wl, f), tmp)
        if os.path.exists(os.path.join(tmp, "gen_data.py")):
            subprocess.run([sys.executable, "gen_data.py", str(scale)], cwd=tmp, check=True,
                           capture_output=True)
        open(os.path.join(tmp, "empty.py"), "w").close()
        single = len(jobs) == 1
        log(f"{'program':<18}{'CPython s':>11}"
            + "".join(f"{'tasks s' if single else '-j ' + j + ' s':>10}{'speedup':>9}{'bound':>7}"
                      for j in jobs) + f"{'tasks':>7}")
        for prog in progs:
            name = os.path.basename(prog)
            shutil.copy(prog, tmp)
            out = os.path.join(tmp, name + ".tasks")
            flags = ["-freassociate"] if name in reassociate else []
            c = subprocess.run([surgec, "-emit-tasks", *flags, name, "-o", out], cwd=tmp,
                               capture_output=True, text=True)
            if c.returncode:
                log(f"{name:<18} surgec failed: {c.stderr.strip()}")
                status = 1
                continue
            with open(os.path.join(out, "manifest.json")) as fh:
                ntasks = len(json.load(fh)["tasks"])
            best_py = best_empty = float("inf")
            best = {j: float("inf") for j in jobs}
            same = True
            for _ in range(repeat):
                best_empty = min(best_empty, timed([sys.executable, "empty.py"], tmp)[0])
                t, r1 = timed([sys.executable, name], tmp)
                best_py = min(best_py, t)
                for j in jobs:
                    t, r2 = timed([sys.executable, out, "-j", j], tmp)
                    best[j] = min(best[j], t)
                    same &= r1.stdout == r2.stdout and r1.returncode == r2.returncode
            if not same:
                status = 1
            speedup = {j: best_py / best[j] for j in jobs}
            bounds = {j: bound(best_py, best_empty, j) for j in jobs}
            rows.append({"program": name, "cpython_s": best_py, "startup_s": best_empty,
                         "tasks_s": best, "speedup": speedup, "bound": bounds,
                         "tasks": ntasks, "same_output": same, "flags": flags})
            log(f"{name:<18}{best_py:>11.3f}"
                + "".join(f"{best[j]:>10.3f}{speedup[j]:>9.2f}{bounds[j]:>7.2f}" for j in jobs)
                + f"{ntasks:>7}"
                + (" -freassociate" if flags else "") + ("" if same else "  OUTPUT DIFFERS"))
    return status, rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--surgec", required=True)
    ap.add_argument("--workloads", default=os.path.join(HERE, "..", "..", "shared", "workloads"))
    ap.add_argument("--scale", default="20")
    ap.add_argument("-j", default="2",
                    help="worker count, or a comma list of them timed in the same run (1,2,4)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--reassociate", default="kmeans.py",
                    help="comma list of programs compiled with -freassociate (default: kmeans.py)")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    jobs = a.j.split(",")
    status, rows = run(a.surgec, a.workloads, a.scale, jobs, a.repeat,
                       a.reassociate.split(","), a.programs)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"scale": a.scale, "j": jobs, "repeat": a.repeat, "rows": rows}, fh, indent=1)
    return status


if __name__ == "__main__":
    sys.exit(main())
