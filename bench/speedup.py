#!/usr/bin/env python3
"""Speed of the emitted task programs against CPython running the original,
side by side on the same machine in the same run.

    python3 bench/speedup.py --surgec build/bin/surgec [--scale 20] [-j 2]
                             [--repeat 3] [--workloads DIR] [PROGRAM.py...]

For each workload (default: every program in ../shared/workloads except
gen_data.py), in a temp folder holding its data (`gen_data.py SCALE`):
compiles it with `surgec -emit-tasks`, then times `python3 prog.py` and
`python3 prog.tasks -j N` alternately, best of --repeat wall-clock runs
each, and checks that both printed the same bytes. Prints one row per
program: CPython seconds, tasks seconds, speedup (CPython / tasks) and the
number of tasks. Never fails on speed; exits 1 only if a run fails or the
outputs differ."""
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--surgec", required=True)
    ap.add_argument("--workloads", default=os.path.join(HERE, "..", "..", "shared", "workloads"))
    ap.add_argument("--scale", default="20")
    ap.add_argument("-j", default="2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--reassociate", default="kmeans.py",
                    help="comma list of programs compiled with -freassociate (default: kmeans.py)")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    wl = os.path.abspath(a.workloads)
    a.surgec = os.path.abspath(a.surgec)
    progs = a.programs or sorted(
        os.path.join(wl, f) for f in os.listdir(wl) if f.endswith(".py") and f != "gen_data.py")
    rows, status = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in os.listdir(wl):
            if os.path.isfile(os.path.join(wl, f)):
                shutil.copy(os.path.join(wl, f), tmp)
        if os.path.exists(os.path.join(tmp, "gen_data.py")):
            subprocess.run([sys.executable, "gen_data.py", a.scale], cwd=tmp, check=True,
                           capture_output=True)
        print(f"{'program':<18}{'CPython s':>11}{'tasks s':>10}{'speedup':>9}{'tasks':>7}")
        for prog in progs:
            name = os.path.basename(prog)
            shutil.copy(prog, tmp)
            out = os.path.join(tmp, name + ".tasks")
            flags = ["-freassociate"] if name in a.reassociate.split(",") else []
            c = subprocess.run([a.surgec, "-emit-tasks", *flags, name, "-o", out], cwd=tmp,
                               capture_output=True, text=True)
            if c.returncode:
                print(f"{name:<18} surgec failed: {c.stderr.strip()}")
                status = 1
                continue
            with open(os.path.join(out, "manifest.json")) as fh:
                ntasks = len(json.load(fh)["tasks"])
            best_py = best_t = float("inf")
            same = True
            for _ in range(a.repeat):
                t, r1 = timed([sys.executable, name], tmp)
                best_py = min(best_py, t)
                t, r2 = timed([sys.executable, out, "-j", a.j], tmp)
                best_t = min(best_t, t)
                same &= r1.stdout == r2.stdout and r1.returncode == r2.returncode
            if not same:
                status = 1
            rows.append({"program": name, "cpython_s": best_py, "tasks_s": best_t,
                         "speedup": best_py / best_t, "tasks": ntasks, "same_output": same})
            print(f"{name:<18}{best_py:>11.3f}{best_t:>10.3f}{best_py / best_t:>9.2f}{ntasks:>7}"
                  + (" -freassociate" if flags else "") + ("" if same else "  OUTPUT DIFFERS"))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"scale": a.scale, "j": a.j, "repeat": a.repeat, "rows": rows}, fh, indent=1)
    return status


if __name__ == "__main__":
    sys.exit(main())
