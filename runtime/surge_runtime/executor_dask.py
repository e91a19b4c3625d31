"""The Dask backend: task parts run on the workers of a Dask cluster.

`python3 DIR --scheduler tcp://HOST:PORT` connects to a running Dask
scheduler (python3-distributed) and submits each ready part as one Dask task.
The scheduler (scheduler.py) still decides everything about order, commits,
output and failures; this executor only moves parts and results, exactly as
the local one does with its pipes.

What a worker gets. The folder's tasks.py, manifest.json and the runner's
own files travel as a worker plugin (one per run, under a unique name): the
Dask scheduler keeps it and hands it to every worker that joins later, so a
worker that replaces a dead one can run parts too. The first part of a run on
a worker process writes the files to a private folder and imports them as
`surge_runtime` and `tasks`, as the local runner does, so the globals
protocol and the result tuples are worker.py's own. The functions below the
"worker side" line are pickled by value (cloudpickle), since this package is
not installed on the workers: they may use only the standard library and
each other.

One part at a time per worker process. The globals protocol resets one
module's globals, and a part's stdout is captured by replacing sys.stdout:
both are process-wide, so a worker process runs one part at a time even if
it was started with several threads (start workers with --nthreads 1).

Memory. A part asks for its memory estimate as the Dask resource MEMORY
(workers declare theirs with --resources MEMORY=<bytes>), so Dask never runs
more on a worker than its memory holds. Before anything is submitted, every
estimate that can be known is checked against the largest worker: a split
loop that does not fit is cut into more chunks, anything else stops the run
with a message naming the task. Dask would otherwise keep such a part
waiting forever.

Worker loss. When a worker dies, Dask runs its parts again elsewhere; a
part that has killed `distributed.scheduler.allowed-failures` workers (3 by
default) fails with KilledWorker, which ends the run as a dead local worker
does (status 70).
"""

import os
import pickle
import sys
import time
import uuid

from .errors import SurgeError
from .executor import Executor
from .formulas import evaluate
from .manifest import describe_lines
from .output import Progress
from .worker import COMBINE, DIED, INTERNAL, ITEMS, MAP, OK, TASK

# Seconds to reach the scheduler, and to wait for a first worker.
CONNECT_TIMEOUT = 20
WORKER_TIMEOUT = 30
# A part that no worker can take (none left, or none with enough MEMORY)
# for this long ends the run: never a silent hang.
STALL_TIMEOUT = 60
# How often the cluster is looked at while parts run.
CHECK_INTERVAL = 5.0
# Retries of a part whose runner code (not the program) raised on a worker.
RETRIES = 2
# Seconds to wait for a worker restarted to stop a part no longer needed.
RESTART_TIMEOUT = 60
# Parts in flight per worker: enough to keep each one busy between round
# trips, few enough that program order decides what runs next.
IN_FLIGHT_PER_WORKER = 2

RESOURCE = "MEMORY"


def _format_bytes(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


def _int(memory):
    return None if memory is None else int(memory)


class Cluster:
    """The connection to a Dask scheduler and what its workers offer."""

    def __init__(self, address):
        import logging
        from distributed import Client
        # The client's own log lines (a worker that left, a reconnect) would
        # land on the program's stderr; the runner reports what matters.
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        self.address = address
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except Exception as e:
            raise SurgeError(f"--scheduler: cannot reach the Dask scheduler at {address}: "
                             f"{type(e).__name__}: {e}") from None
        try:
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except Exception:
            self.client.close()
            raise SurgeError(f"--scheduler: the Dask scheduler at {address} has no workers "
                             f"(waited {WORKER_TIMEOUT} s); start one with "
                             f"`dask-worker {address} --nthreads 1 --resources {RESOURCE}=<bytes>`") \
                from None
        self.workers = self.info()

    def info(self):
        """{address: (MEMORY or None, threads)} of the workers connected now."""
        workers = self.client.scheduler_info()["workers"]
        return {addr: (_int((w.get("resources") or {}).get(RESOURCE)), w.get("nthreads", 1))
                for addr, w in workers.items()}

    @staticmethod
    def largest(workers):
        """(MEMORY, address) of the worker with the most, or None when no
        worker declares MEMORY."""
        best = None
        for addr, (memory, _) in sorted(workers.items()):
            if memory is not None and (best is None or memory > best[0]):
                best = (memory, addr)
        return best

    def close(self):
        try:
            self.client.close()
        except Exception:
            pass


class _Lengths:
    """len_of() for a resource request: the lengths of the values a task
    receives, and 0 for names it binds itself. Formulas only grow with
    lengths, so this is a lower bound of the estimate, known before the
    task runs."""

    def __init__(self, values):
        self.values = values

    def __contains__(self, name):
        return True

    def __getitem__(self, name):
        return self.values.get(name, ())


def _bundle(folder):
    """The files a worker needs: tasks.py, manifest.json, the runner."""
    files = {}
    for rel in ("tasks.py", "manifest.json"):
        with open(os.path.join(folder, rel), "rb") as f:
            files[rel] = f.read()
    pkg = os.path.join(folder, "surge_runtime")
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py"):
            with open(os.path.join(pkg, name), "rb") as f:
                files["surge_runtime/" + name] = f.read()
    return files


class DaskExecutor(Executor):
    def __init__(self, ctx, cluster, folder):
        import cloudpickle
        self.ctx = ctx
        self.cluster = cluster
        self.client = cluster.client
        self.tasks = ctx.manifest.tasks
        self.futures = {}        # key -> (future, unit)
        self.placement = {}      # task id -> [(part, worker address, wall s)]
        self.nchunks = {}        # split task id -> its number of chunks
        self.counter = 0
        self.closed = False
        self.stalled_since = None
        self.next_check = time.monotonic() + CHECK_INTERVAL
        self.hash_warned = False
        self.limit = max(1, IN_FLIGHT_PER_WORKER * len(cluster.workers))
        largest = Cluster.largest(cluster.workers)
        self.base = self._check_memory(largest)
        self.name = "surge-" + uuid.uuid4().hex[:12]
        settings = {
            "argv": list(sys.argv), "cwd": os.getcwd(), "workers": ctx.workers,
            "profile": ctx.profile, "encoding": ctx.encoding, "errors": ctx.errors,
            "chunks": {t.id: t.split.chunks_per_worker for t in self.tasks if t.split},
            "hash": hash("surge") if os.environ.get("PYTHONHASHSEED") else None,
        }
        # This module is not installed on the workers: its worker-side
        # functions and the plugin class travel by value.
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
        try:
            self.client.register_worker_plugin(_Bundle(_bundle(folder), settings), name=self.name)
        except Exception as e:
            raise SurgeError(f"--scheduler: cannot send the program to the Dask workers: "
                             f"{type(e).__name__}: {e}") from None

    # -- memory --

    def _check_memory(self, largest):
        """Each task's request known before it runs (a lower bound when it
        depends on values it receives), checked against the largest worker.
        A split loop that does not fit gets more chunks; anything else stops
        the run here, before anything ran."""
        self.largest = largest
        base = {}
        if largest is None:
            return base  # no worker declares MEMORY: nothing is requested
        for t in self.tasks:
            if t.main:
                continue  # runs in this process
            need = evaluate(t.memory, _Lengths({}))
            if need is None:
                continue
            base[t.id] = need
            if need <= largest[0]:
                continue
            if t.split:
                chunks = -(-need // max(1, largest[0]))
                per_worker = -(-chunks // max(1, self.ctx.workers))
                t.split.chunks_per_worker = max(t.split.chunks_per_worker, per_worker)
                continue
            self._too_big(t, need)
        return base

    def _too_big(self, task, need, what=""):
        memory, addr = self.largest
        raise SurgeError(
            f"{task.label}{what} needs an estimated {_format_bytes(need)} ({need} bytes) of memory, "
            f"more than the largest Dask worker has: {RESOURCE}={memory} ({_format_bytes(memory)}) "
            f"on {addr}; start a worker with --resources {RESOURCE}={need} or more, "
            f"or run without --scheduler")

    def _request(self, unit, job):
        """The MEMORY a part asks for, or None."""
        tid, _, kind, _ = unit
        task = self.tasks[tid]
        need = self.base.get(tid)
        if need is None:
            return None
        if (isinstance(task.memory, str) and "len_of" in task.memory and task.receives):
            need = evaluate(task.memory, _Lengths(_received(task, job))) or need
        largest = self.largest[0]
        if not task.split:
            if need > largest:
                self._too_big(task, need)
            return need
        if kind == MAP:
            # A map part holds its chunk and what it computes from it.
            k = self.nchunks.get(tid, 1)
            share = -(-need // max(1, k))
            if share > largest:
                self._too_big(task, share, f", split into {k} chunks (one per item),")
            return share
        # The items and combine parts hold every item: the whole estimate,
        # or, for a loop split further because it fits no worker, what the
        # largest worker has (the rest is the map parts' working data).
        return min(need, largest)

    # -- the Executor interface --

    def can_take(self, small):
        return len(self.futures) < self.limit

    def busy(self):
        return len(self.futures)

    def submit(self, unit, job, small):
        tid, part, kind, index = unit
        request = self._request(unit, job)
        self.counter += 1
        key = f"surge-task{tid}-part{part}-{self.name[6:]}-{self.counter}"
        future = self.client.submit(
            _run_part, self.name, job, key=key, pure=False, retries=RETRIES,
            priority=-tid, resources=None if request is None else {RESOURCE: request})
        self.futures[key] = (future, unit)

    def wait(self, timeout=None):
        from distributed import wait as dask_wait
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.futures:
            step = CHECK_INTERVAL
            if deadline is not None:
                step = min(step, max(0.0, deadline - time.monotonic()))
            pending = [f for f, _ in self.futures.values()]
            try:
                done, _ = dask_wait(pending, timeout=step, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = ()
            if done:
                return self._collect(done)
            self._check_cluster()
            if deadline is not None and time.monotonic() >= deadline:
                break
        return []

    def _collect(self, done):
        from distributed import KilledWorker
        results = []
        for future in done:
            entry = self.futures.pop(future.key, None)
            if entry is None:
                continue
            unit = entry[1]
            tid = unit[0]
            if future.status == "finished":
                result, addr, probe = future.result()
                self.placement.setdefault(tid, []).append((unit[1], addr, result[3][0]))
                self._check_hash(probe)
                if unit[2] == ITEMS and result[0] == OK:
                    self.nchunks[tid] = len(result[2][1])
                results.append((unit, result))
            elif future.status == "error":
                exc = future.exception()
                if isinstance(exc, KilledWorker):
                    how = (f"the part killed the Dask workers that ran it ({exc}); Dask gives up "
                           "after distributed.scheduler.allowed-failures of them")
                    results.append((unit, (DIED, b"", how, (0.0, None, None, None))))
                else:
                    text = f"the Dask worker failed to run it: {type(exc).__name__}: {exc}"
                    results.append((unit, (INTERNAL, b"", text, (0.0, None, None, None))))
            else:
                results.append((unit, None))  # lost: submit it again
            future.release()
        return results

    def _check_hash(self, probe):
        """A worker that hashes strings differently orders sets of strings
        differently: only worth saying when PYTHONHASHSEED was set here."""
        if probe is None or probe is True or self.hash_warned:
            return
        self.hash_warned = True
        sys.stderr.write("surge: warning: the Dask workers do not run with this PYTHONHASHSEED; "
                         "sets of strings may be ordered differently from CPython's run\n")
        sys.stderr.flush()

    def _check_cluster(self):
        """Stop the run when waiting parts have had no worker able to take
        them for STALL_TIMEOUT seconds."""
        now = time.monotonic()
        if now < self.next_check:
            return
        self.next_check = now + CHECK_INTERVAL
        try:
            workers = self.cluster.info()
        except Exception:
            workers = {}
        largest = Cluster.largest(workers)
        if workers and (self.largest is None or largest is not None):
            if largest is not None:
                self.largest = largest
            self.stalled_since = None
            return
        if self.stalled_since is None:
            self.stalled_since = now
            return
        if now - self.stalled_since < STALL_TIMEOUT:
            return
        what = "no workers" if not workers else f"no worker with {RESOURCE} left"
        labels = sorted({self.tasks[u[0]].label for _, u in self.futures.values()})
        raise SurgeError(f"the Dask scheduler at {self.cluster.address} has had {what} for "
                         f"{STALL_TIMEOUT} s; waiting: {', '.join(labels)}")

    def cancel(self, should_cancel, restart=True):
        gone = [key for key, (_, unit) in self.futures.items() if should_cancel(unit)]
        futures = [self.futures.pop(key)[0] for key in gone]
        if futures:
            # Asked before cancelling: the scheduler then forgets the parts,
            # though a running one goes on in its worker's thread.
            busy = self._running_on(set(gone)) if restart else []
            try:
                self.client.cancel(futures)
            except Exception:
                pass
            self._restart(busy)
        return []

    def _running_on(self, keys):
        try:
            return [addr for addr, running in self.client.processing().items()
                    if keys.intersection(running)]
        except Exception:
            return []

    def _restart(self, workers):
        """Dask cannot stop a part that is running (a thread): restart the
        workers that run one (their nannies start them again). Without it,
        a part CPython never runs (one after a split loop's chunk that
        raised) may run for ever, holding its worker, and the parts still
        needed never get one."""
        if not workers:
            return
        try:
            self.client.restart_workers(workers, timeout=RESTART_TIMEOUT)
        except Exception:
            pass  # a worker that cannot restart is the cluster's to report

    def close(self, quick=False):
        if self.closed:
            return
        self.closed = True
        self.cancel(lambda unit: True, restart=not quick)
        try:
            self.client.unregister_worker_plugin(self.name)
        except Exception:
            pass
        self.cluster.close()

    # -- reporting --

    def running_tasks(self):
        return len({unit[0] for _, unit in self.futures.values()})

    def describe_workers(self):
        """[(address, MEMORY or None)] of the workers at the start, in order."""
        return [(addr, memory) for addr, (memory, _) in sorted(self.cluster.workers.items())]


def _received(task, job):
    """The values a task receives, unpickled from its job (for len_of)."""
    try:
        blobs = pickle.loads(job)[3]
        values, unpickled = {}, {}
        for name, src, key in task.receives:
            if src not in unpickled:
                data = blobs.get(src)
                unpickled[src] = pickle.loads(data) if data is not None else {}
            if key in unpickled[src]:
                values[name] = unpickled[src][key]
        return values
    except Exception:
        return {}


class DaskProgress(Progress):
    """`[surge] 12/40 tasks done, 2 running, 26 waiting` on stderr."""

    def __init__(self, total, executor):
        super().__init__(total)
        self.executor = executor

    def update(self, done):
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.DELAY or now - self.last < self.INTERVAL:
            return
        self.last = now
        running = self.executor.running_tasks()
        waiting = max(0, self.total - done - running)
        text = f"\r[surge] {done}/{self.total} tasks done, {running} running, {waiting} waiting"
        self.width = max(self.width, len(text) - 1)
        try:
            sys.stderr.write(text.ljust(self.width + 1))
            sys.stderr.flush()
        except (ValueError, OSError):
            pass


def placement_of(executor):
    """For report.format_profile: the workers each task's parts ran on."""
    return executor.placement, executor.describe_workers()


# ---------------------------------------------------------------------------
# Worker side: pickled by value. Standard library only, and nothing from the
# coordinator's half of this module.

# Process-wide state of a worker process, in a module of its own so that
# every run (each with its own copy of these functions) shares it.
_STATE_MODULE = "_surge_dask_worker"


def _state():
    state = sys.modules.get(_STATE_MODULE)
    if state is None:
        import threading
        import types
        fresh = types.ModuleType(_STATE_MODULE)
        fresh.lock = threading.Lock()
        fresh.loaded = {}      # plugin name -> (modules, ctx, run_job, folder)
        fresh.current = None   # whose modules sys.modules holds
        state = sys.modules.setdefault(_STATE_MODULE, fresh)
    return state


class _Bundle:
    """The worker plugin: a run's files and settings. Dask keeps it and gives
    it to every worker, including those that join later."""

    def __init__(self, files, settings):
        self.files = files
        self.settings = settings

    def setup(self, worker):
        _state()

    def teardown(self, worker):
        state = _state()
        for name, entry in list(state.loaded.items()):
            if entry[4] is self:
                state.loaded.pop(name, None)
                import shutil
                shutil.rmtree(entry[3], ignore_errors=True)


def _own_modules(name):
    return name == "tasks" or name == "surge_runtime" or name.startswith("surge_runtime.")


def _switch(state, name, bundle, worker):
    """Make sys.modules hold this run's `tasks` and `surge_runtime`,
    importing them on first use in this process."""
    if state.current == name and name in state.loaded:
        return state.loaded[name]
    for mod in [m for m in sys.modules if _own_modules(m)]:
        del sys.modules[mod]
    state.current = None
    entry = state.loaded.get(name)
    if entry is not None:
        sys.modules.update(entry[0])
        state.current = name
        return entry
    import tempfile
    base = getattr(worker, "local_directory", None) or tempfile.gettempdir()
    folder = tempfile.mkdtemp(prefix="surge-", dir=base)
    os.mkdir(os.path.join(folder, "surge_runtime"))
    for rel, data in bundle.files.items():
        with open(os.path.join(folder, rel), "wb") as f:
            f.write(data)
    settings = bundle.settings
    sys.path.insert(0, folder)
    try:
        import importlib
        main_mod = importlib.import_module("surge_runtime.main")
        worker_mod = importlib.import_module("surge_runtime.worker")
        support = importlib.import_module("surge_runtime.support")
        manifest, namespace = main_mod.load_folder(folder)
    finally:
        sys.path.remove(folder)
    for t in manifest.tasks:
        if t.split:
            t.split.chunks_per_worker = settings["chunks"].get(t.id, t.split.chunks_per_worker)
    # Forking inside a Dask worker (a process with threads) is not safe:
    # a loop split inside a task runs its chunks here, one after another.
    support.set_jobs(1)
    ctx = worker_mod.Context(manifest, namespace, settings["workers"], settings["profile"])
    ctx.encoding, ctx.errors = settings["encoding"], settings["errors"]
    modules = {m: mod for m, mod in sys.modules.items() if _own_modules(m)}
    entry = (modules, ctx, worker_mod.run_job, folder, bundle)
    state.loaded[name] = entry
    state.current = name
    return entry


def _trace(state, profile):
    """tracemalloc on for a --profile run's parts (the peak it measures),
    and off again for the next run's if this process started it: it slows
    everything down."""
    import tracemalloc
    if profile and not tracemalloc.is_tracing():
        tracemalloc.start()
        state.traced = True
    elif not profile and getattr(state, "traced", False):
        tracemalloc.stop()
        state.traced = False


def _run_part(name, job):
    """Run one part on this worker: (worker.run_job's result, this worker's
    address, whether it hashes strings as the coordinator does)."""
    from distributed import get_worker
    worker = get_worker()
    bundle = worker.plugins[name]
    state = _state()
    with state.lock:
        _, ctx, run_job, _, _ = _switch(state, name, bundle, worker)
        settings = bundle.settings
        saved = (sys.argv, sys.stdin, os.getcwd())
        try:
            sys.argv = list(settings["argv"])
            sys.stdin = open(os.devnull, encoding="utf-8")
            try:
                os.chdir(settings["cwd"])
            except OSError as e:
                text = (f"cannot enter the run's folder {settings['cwd']} on the Dask worker "
                        f"{worker.address}: {e.strerror}; the workers must see the program's "
                        "files at the same paths (docs/distributed.md)")
                return (INTERNAL, b"", text, (0.0, None, None, None)), worker.address, None
            _trace(state, settings["profile"])
            result = run_job(ctx, pickle.loads(job))
        finally:
            try:
                sys.stdin.close()
            except Exception:
                pass
            sys.argv, sys.stdin = saved[0], saved[1]
            try:
                os.chdir(saved[2])
            except OSError:
                pass
    probe = None if settings["hash"] is None else hash("surge") == settings["hash"]
    return result, worker.address, probe
