#!/usr/bin/env python3
"""The benchmark report: every figure of bench/, side by side, in one run.

    python3 bench/report.py [--quick] [--out DIR] [--surgec PATH]
                            [--workloads DIR] [--doc FILE] [--no-chart]
    python3 bench/report.py --from-json DIR/report.json [--out DIR] [--doc FILE]

Measures, on this machine and in this run, with the existing scripts as
modules (their own output goes to DIR/report.log):

1. compile time: `surgec -fsyntax-only` and `surgec -print-tasks` against
   CPython's compile() on programs of 1k, 10k and 100k lines from
   gen_program.py (parse_speed.measure_sizes);
2. speedup: every workload's task program at -j 1, -j 2 and -j (all CPUs)
   against `python3 prog.py`, data from `gen_data.py 20`, runs interleaved,
   best of N (speedup.run; kmeans with -freassociate), with the machine's
   throughput at J processes and the bound that it and the interpreter's
   start-up, timed in the same rounds, put on it, and the speedup of the
   workloads parallelized by hand (bench/handmade/);
3. the runner's overhead per task (runner_overhead.overhead);
4. the memory estimates against tracemalloc (memcheck.run): per workload,
   statements within 1.5x and estimates below the measurement.

Writes DIR/report.json (every figure), DIR/report.md (the tables) and
DIR/report.png (a chart, drawn with matplotlib by whichever of this python3
and /usr/bin/python3 has it; skipped, with a message, if neither has).
--doc FILE replaces the part of FILE between the `<!-- report:begin -->`
and `<!-- report:end -->` lines with the tables and puts the chart beside
it (docs/performance.md). --from-json renders a saved report.json again
without measuring. Never fails on speed: the exit status is 1 only if a run
failed, a task program printed something else than CPython, or a memory
estimate is below its measurement (and 2 for bad usage).
"""

import argparse
import contextlib
import datetime
import io
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import memcheck  # noqa: E402
import parse_speed  # noqa: E402
import runner_overhead  # noqa: E402
import speedup  # noqa: E402

BEGIN, END = "<!-- report:begin -->", "<!-- report:end -->"
SIZES = [1000, 10000, 100000]
ACTIONS = ["-fsyntax-only", "-print-tasks"]
SCALE = "20"

# (repeat for compile times, for speedups, for the runner; runner tasks)
FULL = {"compile_repeat": 5, "speedup_repeat": 5, "runner_repeat": 5, "runner_tasks": 1000}
QUICK = {"compile_repeat": 1, "speedup_repeat": 1, "runner_repeat": 1, "runner_tasks": 200}


# ---- measuring ----


def machine():
    info = {"cpus": os.cpu_count() or 1, "system": platform.system(),
            "release": platform.release(), "machine": platform.machine(), "cpu": ""}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def load():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def surgec_revision():
    r = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "unknown"


def jobs_list(cpus):
    return sorted({1, 2, cpus})


def measure(args, log):
    """Runs the four benchmarks; returns the report's data (JSON-ready)."""
    knobs = QUICK if args.quick else FULL
    cpus = os.cpu_count() or 1
    data = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "mode": "quick" if args.quick else "full",
        "knobs": knobs,
        "machine": machine(),
        "python": sys.executable,
        "python_version": platform.python_version(),
        "surgec": args.surgec,
        "revision": surgec_revision(),
        "load_before": load(),
        "status": 0,
    }
    t_start = time.perf_counter()

    def step(title, fn):
        print("report: %s ..." % title, file=sys.stderr, flush=True)
        log.write("\n==== %s\n" % title)
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(log):
            result = fn()
        log.flush()
        print("report: %s done in %.0f s" % (title, time.perf_counter() - t0),
              file=sys.stderr, flush=True)
        return result

    rows = step("compile time (parse_speed.py)", lambda: parse_speed.measure_sizes(
        args.surgec, SIZES, knobs["compile_repeat"], 1, sys.executable, ACTIONS))
    data["compile"] = {"repeat": knobs["compile_repeat"], "actions": ACTIONS, "rows": rows}

    jobs = jobs_list(cpus)
    status, rows = step("speedup (speedup.py)", lambda: speedup.run(
        args.surgec, args.workloads, SCALE, jobs, knobs["speedup_repeat"], programs=()))
    data["speedup"] = {"repeat": knobs["speedup_repeat"], "scale": SCALE,
                       "jobs": [str(j) for j in jobs], "all": str(cpus), "rows": rows}
    data["status"] |= status

    rows = step("runner overhead (runner_overhead.py)", lambda: runner_overhead.overhead(
        sys.executable, knobs["runner_tasks"], sorted({1, cpus}), knobs["runner_repeat"]))
    data["runner"] = {"repeat": knobs["runner_repeat"], "tasks": knobs["runner_tasks"],
                      "rows": rows}

    status, _, summaries = step("memory estimates (memcheck.py)", lambda: memcheck.run(
        args.surgec, args.workloads))
    data["memcheck"] = {"summaries": summaries}
    data["status"] |= status

    data["seconds"] = time.perf_counter() - t_start
    data["load_after"] = load()
    return data


# ---- the tables ----


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.2f" % x


def table(head, rows, align=None):
    align = align or ["---:"] * len(head)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def markdown(data, image=None, chart_note=None):
    """The tables as markdown; `image` is the chart's file name, if any."""
    m = data["machine"]
    knobs = data["knobs"]
    out = []
    load_s = ""
    if data.get("load_before") is not None:
        load_s = ", load average %.2f before and %.2f after" % (
            data["load_before"], data.get("load_after") or 0.0)
    out.append(
        "Measured %s by `bench/report.py%s` in %.0f s on %d CPUs (%s, %s %s)%s; "
        "CPython %s (`%s`) runs the programs and the baseline; surgec at %s." % (
            data["date"], " --quick" if data["mode"] == "quick" else "", data["seconds"],
            m["cpus"], m["cpu"] or m["machine"], m["system"], m["release"], load_s,
            data["python_version"], data["python"], data["revision"]))
    out.append("")

    c = data["compile"]
    out.append("### Compile time against CPython's `compile()`")
    out.append("")
    out.append("Programs from `gen_program.py`; best of %d. *ratio* = surgec / `compile()`: "
               "below 1 is faster than CPython compiling the same file." % c["repeat"])
    out.append("")
    head = ["lines", "`compile()` s"]
    for a in c["actions"]:
        head += ["`surgec %s` s" % a, "ratio"]
    rows = []
    for r in c["rows"]:
        row = ["{:,}".format(r["lines"]), fmt_s(r["compile_s"])]
        for a in c["actions"]:
            row += [fmt_s(r["surgec_s"][a]), "%.2f" % (r["surgec_s"][a] / r["compile_s"])]
        rows.append(row)
    out.append(table(head, rows))
    if len(c["rows"]) >= 2:
        small, big = c["rows"][-2], c["rows"][-1]
        lin = ", ".join("`%s` %.2f" % (a, (big["surgec_s"][a] / big["lines"])
                                         / (small["surgec_s"][a] / small["lines"]))
                        for a in c["actions"])
        out.append("")
        out.append("Linearity (surgec's time per line at %s lines over that at %s; 1.0 is "
                   "linear): %s." % ("{:,}".format(big["lines"]), "{:,}".format(small["lines"]),
                                     lin))
    out.append("")

    s = data["speedup"]
    out.append("### Speedup of the task programs against `python3 prog.py`")
    out.append("")
    # Reports saved before the bound was measured have none: leave its column out.
    bounds = bool(s["rows"]) and all("bound" in r for r in s["rows"])
    # ... and before the machine's throughput and the handmade twins were.
    power = bounds and all("throughput" in r for r in s["rows"])
    handmade = any(r.get("handmade") for r in s["rows"])
    sentence = ("Every workload, data from `gen_data.py %s`; `python3 prog.py` and "
                "`python3 prog.tasks -j J` for each J run one after the other, best of %d "
                "each. *speedup* = CPython's time / the task program's: above 1 is faster." %
                (s["scale"], s["repeat"]))
    if power:
        sentence += (" *P* = this machine's throughput at J processes, timed in the same rounds: "
                     "J copies of a pure-Python CPU loop run at once against one alone (J x "
                     "alone / together). It is below J when the cores are shared with other "
                     "work or slow each other down, and no parallel program gets more.")
    if bounds:
        starts = sorted(r["startup_s"] for r in s["rows"])
        sentence += (" *bound* = T / (S + (T - S) / min(J, CPUs%s)), with T CPython's time and "
                     % (", P" if power else "") +
                     "S the interpreter's start-up (`python3` on an empty program, timed in "
                     "the same rounds as the workload: %s s): the speedup a runner with no "
                     "overhead of its own would reach if all of the program's work split "
                     "perfectly over J cores%s. Where the bound is near 1, start-up is most of "
                     "the program's time and no runner can make it much faster." %
                     (fmt_s(starts[0]) if starts[0] == starts[-1]
                      else "%s to %s" % (fmt_s(starts[0]), fmt_s(starts[-1])),
                      " at the throughput P" if power else ""))
    if handmade:
        sentence += (" *by hand* = CPython's time / that of the same program parallelized by "
                     "hand for 2 processes with os.fork (bench/handmade/), timed in the same "
                     "rounds: what a runner with no cost at all would reach.")
    out.append(sentence)
    out.append("")

    def jlabel(j):
        return "-j %s (all)" % j if j == s["all"] and j != "1" else "-j %s" % j
    head = ["workload", "tasks", "python3 s"]
    for j in s["jobs"]:
        head += (["`%s` s" % jlabel(j), "speedup"] + (["P"] if power else [])
                 + (["bound"] if bounds else []))
    if handmade:
        head.append("by hand")
    rows = []
    for r in s["rows"]:
        name = "%s%s" % (r["program"], " (-freassociate)" if r.get("flags") else "")
        row = [name, r["tasks"], fmt_s(r["cpython_s"])]
        for j in s["jobs"]:
            row += [fmt_s(r["tasks_s"][j]), "%.2f" % r["speedup"][j]]
            if power:
                row.append("%.2f" % r["throughput"][j])
            if bounds:
                row.append("%.2f" % r["bound"][j])
        if handmade:
            row.append("%.2f" % r["handmade"] if r.get("handmade") else "")
        if not r["same_output"]:
            row[0] += " **OUTPUT DIFFERS**"
        rows.append(row)
    if s["rows"]:
        row = ["geometric mean", "", ""]
        for j in s["jobs"]:
            row += ["", "%.2f" % geomean([r["speedup"][j] for r in s["rows"]])]
            if power:
                row.append("%.2f" % geomean([r["throughput"][j] for r in s["rows"]]))
            if bounds:
                row.append("%.2f" % geomean([r["bound"][j] for r in s["rows"]]))
        if handmade:
            row.append("")
        rows.append(row)
    out.append(table(head, rows, ["---"] + ["---:"] * (len(head) - 1)))
    out.append("")

    rn = data["runner"]
    out.append("### Runner overhead per task")
    out.append("")
    out.append("%d tiny tasks (`print(k * k)`) against the %d statements run by CPython, best "
               "of %d. *start-up* is one task's run; *us/task* = (time for %d - time for 1) "
               "/ %d." % (rn["tasks"], rn["tasks"], rn["repeat"], rn["tasks"], rn["tasks"] - 1))
    out.append("")
    out.append(table(["command", "best s", "ratio", "start-up ms", "us/task"],
                     [["`%s`" % r["command"], "%.4f" % r["best_s"], "%.2f" % r["ratio"],
                       "%.1f" % r["startup_ms"], "%.1f" % r["us_per_task"]]
                      for r in rn["rows"]], ["---", "---:", "---:", "---:", "---:"]))
    out.append("")

    mc = data["memcheck"]["summaries"]
    out.append("### Memory estimates against tracemalloc")
    out.append("")
    out.append("`surgec -print-mem`'s peak per top-level statement against tracemalloc's, "
               "gen_data.py's default data (bench/README.md, memcheck.py). The bar: at "
               "least 90% of the statements within 1.5x and no estimate below.")
    out.append("")
    rows = [[r["workload"], r["statements"], "%d (%.0f%%)" % (
        r["within"], 100.0 * r["within"] / max(1, r["statements"])), r["below"],
        "ok" if r["ok"] else "not met"] for r in mc]
    tot = sum(r["statements"] for r in mc)
    within = sum(r["within"] for r in mc)
    rows.append(["all", tot, "%d (%.0f%%)" % (within, 100.0 * within / max(1, tot)),
                 sum(r["below"] for r in mc), "%d of %d ok" % (sum(r["ok"] for r in mc), len(mc))])
    out.append(table(["workload", "statements", "within 1.5x", "below measured", "bar"], rows,
                     ["---", "---:", "---:", "---:", "---"]))
    out.append("")

    if image:
        out.append("![compile-time ratios and speedups](%s)" % image)
        out.append("")
    if chart_note:
        out.append(chart_note)
        out.append("")
    return "\n".join(out)


# ---- the chart ----


def draw_chart(data, png):
    """Draws the chart with matplotlib (imported here, so that the rest of
    the report needs only the standard library)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5),
                                   gridspec_kw={"width_ratios": [1, 2.2]})
    c = data["compile"]
    labels = ["{:,}".format(r["lines"]) for r in c["rows"]]
    width = 0.8 / len(c["actions"])
    for k, a in enumerate(c["actions"]):
        xs = [i + (k - (len(c["actions"]) - 1) / 2) * width for i in range(len(labels))]
        ax1.bar(xs, [r["surgec_s"][a] / r["compile_s"] for r in c["rows"]], width,
                label="surgec " + a)
    ax1.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
    ax1.set_yscale("log")
    ax1.set_xticks(range(len(labels)))
    ax1.set_xticklabels(labels)
    ax1.set_xlabel("lines of the generated program")
    ax1.set_ylabel("surgec time / compile() time (log; below 1 is faster)")
    ax1.set_title("Compile time against compile()")
    ax1.legend(fontsize=8)

    s = data["speedup"]
    names = [r["program"].replace(".py", "") for r in s["rows"]]
    width = 0.8 / max(1, len(s["jobs"]))
    for k, j in enumerate(s["jobs"]):
        xs = [i + (k - (len(s["jobs"]) - 1) / 2) * width for i in range(len(names))]
        label = "-j %s%s" % (j, " (all CPUs)" if j == s["all"] and j != "1" else "")
        ax2.bar(xs, [r["speedup"][j] for r in s["rows"]], width, label=label)
    ax2.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
    ax2.set_xticks(range(len(names)))
    ax2.set_xticklabels(names, rotation=30, ha="right")
    ax2.set_ylabel("speedup over python3 prog.py (above 1 is faster)")
    ax2.set_title("Speedup of the task programs (gen_data.py %s)" % s["scale"])
    ax2.legend(fontsize=8)
    fig.suptitle("surgec %s, %s, %d CPUs, CPython %s" % (
        data["revision"], data["date"], data["machine"]["cpus"], data["python_version"]),
        fontsize=9)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    plt.close(fig)


def matplotlib_python():
    """(python, matplotlib version) for the first of this interpreter and
    /usr/bin/python3 (Debian's, where python3-matplotlib installs) that can
    import matplotlib; (None, tried) if none can."""
    tried = []
    for py in (sys.executable, "/usr/bin/python3"):
        if not os.path.exists(py) or py in tried:
            continue
        tried.append(py)
        r = subprocess.run([py, "-c", "import matplotlib; print(matplotlib.__version__)"],
                           capture_output=True, text=True)
        if r.returncode == 0:
            return py, r.stdout.strip()
    return None, tried


def chart(json_path, png):
    """Draws png from json_path with a python3 that has matplotlib; returns
    (drawn, a sentence for the report saying how, or why not)."""
    py, info = matplotlib_python()
    if py is None:
        return False, ("Chart skipped: matplotlib is not installed for %s (on Debian: "
                       "`apt-get install python3-matplotlib`, which scripts/install-deps.sh "
                       "does)." % " nor ".join("`%s`" % p for p in info))
    r = subprocess.run([py, os.path.abspath(__file__), "--draw", json_path, png],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return False, "Chart skipped: drawing it with `%s` failed: %s" % (
            py, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode)
    version = subprocess.run([py, "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True).stdout.strip()
    how = "the python3 running the report" if py == sys.executable else (
        "Debian's python3 %s, since the python3 running the report (%s) has no matplotlib" %
        (version, platform.python_version()))
    return True, "Chart drawn with matplotlib %s by `%s` (%s)." % (info, py, how)


# ---- writing ----


def update_doc(doc, md):
    """Replaces the text between BEGIN and END in doc with md."""
    with open(doc) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit("report: %s has no %s ... %s block to replace" % (doc, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w") as f:
        f.write(head + BEGIN + "\n" + md.rstrip("\n") + "\n" + END + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true",
                    help="one run per measurement and 200 runner tasks (for CI); the same "
                         "sizes and workloads")
    ap.add_argument("--out", default=os.path.join(HERE, "results"),
                    help="folder for report.json, report.md, report.png and report.log "
                         "(default bench/results/)")
    ap.add_argument("--surgec", default=os.path.join(ROOT, "build", "bin", "surgec"),
                    help="the compiler to measure (default build/bin/surgec)")
    ap.add_argument("--workloads", default=memcheck.DEFAULT_WORKLOADS,
                    help="the workloads' folder (default ../shared/workloads)")
    ap.add_argument("--doc", metavar="FILE",
                    help="also put the tables into FILE between %s and %s, and the chart "
                         "beside it (e.g. docs/performance.md)" % (BEGIN, END))
    ap.add_argument("--no-chart", action="store_true", help="do not draw the chart")
    ap.add_argument("--from-json", metavar="FILE",
                    help="render a saved report.json instead of measuring")
    ap.add_argument("--draw", nargs=2, metavar=("JSON", "PNG"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.draw:
        with open(args.draw[0]) as f:
            draw_chart(json.load(f), args.draw[1])
        return 0

    os.makedirs(args.out, exist_ok=True)
    json_path = os.path.join(args.out, "report.json")
    if args.from_json:
        with open(args.from_json) as f:
            data = json.load(f)
        if os.path.abspath(args.from_json) != os.path.abspath(json_path):
            shutil.copy(args.from_json, json_path)
    else:
        args.surgec = os.path.abspath(args.surgec)
        if not os.access(args.surgec, os.X_OK):
            print("report: no surgec at %s; build it first (scripts/setup.sh or "
                  "scripts/build.sh release) or pass --surgec" % args.surgec, file=sys.stderr)
            return 2
        if not os.path.isdir(args.workloads):
            print("report: no workloads folder at %s (--workloads)" % args.workloads,
                  file=sys.stderr)
            return 2
        with open(os.path.join(args.out, "report.log"), "w") as log:
            data = measure(args, log)
        with open(json_path, "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")

    png = os.path.join(args.out, "report.png")
    if args.no_chart:
        drawn, note = False, "Chart not drawn (--no-chart)."
    else:
        drawn, note = chart(json_path, png)
    print("report: %s" % note, file=sys.stderr)
    md = markdown(data, "report.png" if drawn else None, note)
    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write(md)
    if args.doc:
        doc_png = os.path.splitext(args.doc)[0] + ".png"
        if drawn:
            shutil.copy(png, doc_png)
        update_doc(args.doc, markdown(data, os.path.basename(doc_png) if drawn else None, note))
    sys.stdout.write(md)
    print("report: wrote %s" % ", ".join(
        os.path.join(args.out, f) for f in ["report.json", "report.md", "report.log"]
        + (["report.png"] if drawn else []) if os.path.exists(os.path.join(args.out, f))),
        file=sys.stderr)
    if data["status"]:
        print("report: a run failed, a task program's output differed from CPython's or a "
              "memory estimate is below its measurement (see report.log)", file=sys.stderr)
    return 1 if data["status"] else 0


if __name__ == "__main__":
    sys.exit(main())
