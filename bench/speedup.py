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
bytes. Timed in the same rounds: `python3 empty.py` (an empty program),
the interpreter's start-up S, which no runner can split; and the machine's
throughput at N processes, P (see throughput()): what N cores of this
machine give right now, which on a shared machine is less than N. Prints
one row per program: CPython seconds, then for each N tasks seconds,
speedup (CPython / tasks), P and bound (the best speedup any runner could
reach, see bound()), and the number of tasks; for a workload with a twin
in bench/handmade/ (the same program parallelized by hand with os.fork,
which no runner can beat), also the twin's speedup, timed in the same
rounds; a program of the twin's name that prints something else (such as
examples/primes.py) is not compared with it. Never fails on speed; exits
1 only if a run fails or the outputs differ."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HANDMADE = os.path.join(HERE, "handmade")


def timed(cmd, cwd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - t0, r


def bound(cpython_s, startup_s, j, throughput=None):
    """The speedup at `j` workers of a runner with no overhead of its own
    that splits all of the program's work perfectly over the cores: only
    the interpreter's start-up stays sequential (Amdahl's law with the
    start-up as the serial part), and the rest runs `throughput` times as
    fast as on one core (the measured P; without it, min(j, CPUs)). A
    speedup near 1 here means the workload is mostly start-up and no runner
    can make it faster."""
    cores = min(int(j), os.cpu_count() or 1)
    if throughput is not None:
        cores = min(cores, throughput)
    work = max(cpython_s - startup_s, 0.0)  # a noisy T below S: no work to split
    return cpython_s / (startup_s + work / cores)


# The CPU loop throughput() runs: pure Python arithmetic, like the
# workloads' hot loops, about 0.1 s on one core of the machine it was
# written on. Each copy reports its own loop time on a pipe.
SPIN = """import os, sys, time
def spin(n):
    s = 0
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
    return s
pipes = []
for p in range(int(sys.argv[1])):
    r, w = os.pipe()
    if os.fork() == 0:
        t = time.perf_counter()
        spin(500000)
        os.write(w, repr(time.perf_counter() - t).encode())
        os._exit(0)
    os.close(w)
    pipes.append(r)
print(max(float(os.read(r, 64)) for r in pipes))
for _ in pipes:
    os.wait()
"""


def spin_time(copies, cwd):
    """Seconds the slowest of `copies` forked copies of the SPIN loop took,
    all started at once (after the interpreter's start-up, which is not
    timed)."""
    r = subprocess.run([sys.executable, "spin.py", str(copies)], cwd=cwd, capture_output=True,
                       text=True, check=True)
    return float(r.stdout)


def throughput(alone_s, together_s, j):
    """P, the machine's throughput at j processes against one: j copies of
    a CPU loop run at once take together_s, one alone takes alone_s, so
    the j cores did j * alone_s of one core's work in together_s. At most
    j; below it when the cores are shared with other work or slow each
    other down (a parallel program can reach only P, not j)."""
    return int(j) * alone_s / together_s


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
    "speedup": {J: x}, "throughput": {J: P}, "bound": {J: x}, "tasks",
    "same_output", "flags", "handmade": the bench/handmade/ twin's speedup
    or None}. The SPIN copies and the twin run in the same rounds.
    `log` gets one line per program as it is done; bench/report.py uses
    this too."""
    wl = os.path.abspath(workloads)
    surgec = os.path.abspath(surgec)
    jobs = [str(j) for j in jobs]
    # A bare name that is not a file here names a workload ("primes.py").
    progs = [p if os.path.exists(p) or os.sep in p else os.path.join(wl, p) for p in programs]
    progs = progs or sorted(
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
        with open(os.path.join(tmp, "spin.py"), "w") as fh:
            fh.write(SPIN)
        single = len(jobs) == 1
        log(f"{'program':<18}{'CPython s':>11}"
            + "".join(f"{'tasks s' if single else '-j ' + j + ' s':>10}{'speedup':>9}{'P':>6}"
                      f"{'bound':>7}" for j in jobs) + f"{'tasks':>7}{'by hand':>9}")
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
            twin = None
            if os.path.isfile(os.path.join(HANDMADE, name)):
                twin = "handmade-" + name
                shutil.copy(os.path.join(HANDMADE, name), os.path.join(tmp, twin))
            best_twin = float("inf")
            best_py = best_empty = float("inf")
            best = {j: float("inf") for j in jobs}
            spins = {j: float("inf") for j in set(jobs) | {"1"}}
            same = True
            for _ in range(repeat):
                best_empty = min(best_empty, timed([sys.executable, "empty.py"], tmp)[0])
                for j in spins:
                    spins[j] = min(spins[j], spin_time(int(j), tmp))
                t, r1 = timed([sys.executable, name], tmp)
                best_py = min(best_py, t)
                for j in jobs:
                    t, r2 = timed([sys.executable, out, "-j", j], tmp)
                    best[j] = min(best[j], t)
                    same &= r1.stdout == r2.stdout and r1.returncode == r2.returncode
                if twin:
                    t, r3 = timed([sys.executable, twin], tmp)
                    best_twin = min(best_twin, t)
                    if r1.stdout != r3.stdout or r1.returncode != r3.returncode:
                        # A program of the same name that is not the workload
                        # the twin was written for (examples/primes.py):
                        # nothing to compare with.
                        twin = None
            if not same:
                status = 1
            speedup = {j: best_py / best[j] for j in jobs}
            power = {j: throughput(spins["1"], spins[j], j) for j in jobs}
            bounds = {j: bound(best_py, best_empty, j, power[j]) for j in jobs}
            rows.append({"program": name, "cpython_s": best_py, "startup_s": best_empty,
                         "tasks_s": best, "speedup": speedup, "throughput": power,
                         "bound": bounds, "tasks": ntasks, "same_output": same,
                         "flags": flags,
                         "handmade": best_py / best_twin if twin else None})
            log(f"{name:<18}{best_py:>11.3f}"
                + "".join(f"{best[j]:>10.3f}{speedup[j]:>9.2f}{power[j]:>6.2f}{bounds[j]:>7.2f}"
                          for j in jobs)
                + f"{ntasks:>7}" + (f"{best_py / best_twin:>9.2f}" if twin else f"{'':>9}")
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
