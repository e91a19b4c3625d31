"""Runs the measuring functions bench/report.py takes from the other bench
scripts on tiny inputs and prints what they return, times left out (no test
may depend on speed).

    python3 report_pieces.py BENCH_DIR SURGEC TINY_WORKLOADS_DIR
"""
import os
import sys

bench, surgec, tiny = sys.argv[1:4]
sys.path.insert(0, bench)
import parse_speed  # noqa: E402
import report  # noqa: E402
import runner_overhead  # noqa: E402
import speedup  # noqa: E402

rows = parse_speed.measure_sizes(surgec, [300], 1, 1, sys.executable,
                                 ["-fsyntax-only", "-print-tasks"])
for r in rows:
    print("compile: requested %d, lines > 0: %s, actions %s, times > 0: %s" % (
        r["requested_lines"], r["lines"] > 0, sorted(r["surgec_s"]),
        r["compile_s"] > 0 and all(t > 0 for t in r["surgec_s"].values())))

status, rows = speedup.run(surgec, tiny, "1", ["1", "2"], 1, log=lambda line: None)
print("speedup: status %d" % status)
for r in rows:
    print("speedup: %s, %d tasks, same output %s, runs %s, speedups > 0: %s, start-up > 0: %s, "
          "bounds %s > 0: %s, throughput %s > 0: %s, by hand %s" % (
              r["program"], r["tasks"], r["same_output"], sorted(r["tasks_s"]),
              all(x > 0 for x in r["speedup"].values()), r["startup_s"] > 0,
              sorted(r["bound"]), all(x > 0 for x in r["bound"].values()),
              sorted(r["throughput"]), all(x > 0 for x in r["throughput"].values()),
              r["handmade"]))

# A program named like a handmade twin that prints something else: no
# "by hand" figure, and no failure (scripts/setup.sh times examples/primes.py).
import tempfile  # noqa: E402
with tempfile.TemporaryDirectory() as other:
    with open(os.path.join(other, "primes.py"), "w") as fh:
        fh.write("print('not the workload')\n")
    status, rows = speedup.run(surgec, other, "1", ["2"], 1, log=lambda line: None)
    print("speedup: other primes.py: status %d, by hand %s" % (status, rows[0]["handmade"]))

for r in runner_overhead.overhead(sys.executable, 3, [1, 2], 1):
    print("runner: %s" % r["command"])

print("jobs for 1, 2 and 8 CPUs: %s %s %s" % (
    report.jobs_list(1), report.jobs_list(2), report.jobs_list(8)))

# Without matplotlib anywhere the chart is skipped with a message.
report.matplotlib_python = lambda: (None, ["/no/python3", "/usr/bin/python3"])
print("chart: %s %s" % report.chart(os.devnull, os.devnull))
