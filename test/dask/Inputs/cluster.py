#!/usr/bin/env python3
"""Runs a command against a throw-away Dask cluster on 127.0.0.1.

    cluster.py [--memory BYTES,BYTES...] [--kill-busy N] [--timeout S] -- COMMAND...

Starts a Dask scheduler on a free port and one worker per --memory entry
(each with --nthreads 1 and --resources MEMORY=BYTES), waits until they all
joined, then runs COMMAND with every `{addr}` in it replaced by the
scheduler's address; stdout and stderr pass through and its exit status is
this script's. With --kill-busy N, worker N (1-based) is killed with SIGKILL,
nanny included, as soon as it is running one of the command's parts: a
worker lost in the middle of a run.

Every process it starts is in a session of its own and killed at the end,
whatever happened; COMMAND is killed after --timeout seconds (status 124),
so nothing can hang. Run it with an interpreter that has Dask
(python3-distributed): the cluster uses the same one.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time


def start(cmd, log, env):
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env=env)


def kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def wait_for_file(path, proc, timeout):
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def killer(client, address, proc, stop):
    """Kill worker `address` (its whole session) once it runs a surge part."""
    while not stop.is_set():
        try:
            busy = client.processing().get(address) or []
        except Exception:
            busy = []
        if any(str(key).startswith("surge-") for key in busy):
            time.sleep(0.3)  # let the part get going
            kill(proc)
            sys.stderr.write(f"cluster.py: killed worker {address} while it ran {busy[0]}\n")
            return
        time.sleep(0.05)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--memory", default="2000000000,500000000")
    ap.add_argument("--kill-busy", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("command", nargs="+")
    a = ap.parse_args()
    memories = [m for m in a.memory.split(",") if m]
    tmp = tempfile.mkdtemp(prefix="surge-cluster-")
    # One string-hash seed everywhere, as run_compare.py uses.
    env = dict(os.environ, PYTHONHASHSEED="0")
    procs = []
    client = None
    stop = threading.Event()
    try:
        log = open(os.path.join(tmp, "cluster.log"), "wb")
        sched_file = os.path.join(tmp, "scheduler.json")
        procs.append(start([sys.executable, "-m", "distributed.cli.dask_scheduler",
                            "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                            "--scheduler-file", sched_file], log, env))
        if not wait_for_file(sched_file, procs[0], 60):
            sys.stderr.write("cluster.py: the scheduler did not start\n")
            return 125
        import json
        for _ in range(50):
            try:
                with open(sched_file) as f:
                    address = json.load(f)["address"]
                break
            except (ValueError, KeyError):
                time.sleep(0.05)
        workers = []
        for i, memory in enumerate(memories, 1):
            proc = start([sys.executable, "-m", "distributed.cli.dask_worker", address,
                          "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                          "--name", f"w{i}", "--resources", f"MEMORY={memory}",
                          "--local-directory", os.path.join(tmp, f"w{i}")], log, env)
            procs.append(proc)
            workers.append(proc)
        from distributed import Client
        client = Client(address, timeout=30)
        client.wait_for_workers(len(memories), timeout=60)
        names = {info["name"]: addr for addr, info in client.scheduler_info()["workers"].items()}
        if a.kill_busy:
            target = names[f"w{a.kill_busy}"]
            threading.Thread(target=killer, args=(client, target, workers[a.kill_busy - 1], stop),
                             daemon=True).start()
        cmd = [arg.replace("{addr}", address) for arg in a.command]
        try:
            return subprocess.run(cmd, timeout=a.timeout).returncode
        except subprocess.TimeoutExpired:
            sys.stderr.write(f"cluster.py: timeout after {a.timeout} s: {' '.join(cmd)}\n")
            return 124
    finally:
        stop.set()
        if client is not None:
            try:
                client.close(timeout=5)
            except Exception:
                pass
        for proc in reversed(procs):
            kill(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
