"""`python3 DIR [-j N] [--profile] [--scheduler ADDR] [--] [ARGS...]`: run a task folder.

Exit status: the program's own (0, 1 after an uncaught exception, a
SystemExit status), or the runner's: 2 for bad options or a damaged folder
(nothing ran), 70 when the runner failed while running (a worker died, a
value could not be sent), death by SIGINT after Ctrl-C.
"""

import importlib.util
import os
import re
import signal
import sys
import time

from . import manifest as manifest_mod
from .errors import EXIT_USAGE, ManifestError, SurgeError
from .output import Progress
from .scheduler import Scheduler
from . import worker as worker_mod
from .worker import Context

USAGE = "usage: python3 DIR [-j N] [--profile] [--scheduler ADDR] [--] [ARGS...]"
HELP = USAGE + """

Runs the task program surgec wrote in DIR, in parallel, with the output of
`python3 PROGRAM ARGS...` run from the current directory.

options:
  -h, --help        show this help and exit
  -j N, --jobs N    run on N worker processes (default: the number of CPUs)
  --profile         after the run, print estimated and measured time and
                    memory per task on stderr
  --scheduler ADDR  run on the Dask cluster whose scheduler is at ADDR
                    (tcp://HOST:PORT; docs/distributed.md)
  ARGS              the program's sys.argv[1:]
"""


class _UsageError(Exception):
    pass


class _Options:
    jobs = None
    profile = False
    scheduler = None
    help = False

    def __init__(self):
        self.args = []


_WITH_VALUE = {"-j": "jobs", "--jobs": "jobs", "--scheduler": "scheduler"}


def parse_args(argv):
    """Options come first; the first other word (or everything after `--`)
    starts the program's own arguments, as with `python3 prog.py ARGS`."""
    opts = _Options()
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            opts.args = argv[i:]
            break
        if arg in ("-h", "--help"):
            opts.help = True
            continue
        if arg == "--profile":
            opts.profile = True
            continue
        name, value = arg, None
        if arg.startswith("--") and "=" in arg:
            name, value = arg.split("=", 1)   # --jobs=4
        elif arg.startswith("-j") and arg != "-j":
            name, value = "-j", arg[2:]       # -j4
        if name in _WITH_VALUE:
            if value is None:
                if i == len(argv):
                    raise _UsageError(f"option '{name}' needs a value")
                value = argv[i]
                i += 1
            if _WITH_VALUE[name] == "jobs":
                opts.jobs = _positive(value)
            else:
                opts.scheduler = value
            continue
        if arg.startswith("-") and arg != "-":
            raise _UsageError(f"unknown option '{arg}'")
        opts.args = argv[i - 1:]
        break
    if opts.jobs is None:
        opts.jobs = os.cpu_count() or 1
    return opts


def _positive(text):
    try:
        n = int(text, 10)
    except ValueError:
        n = 0
    if n < 1:
        raise _UsageError(f"-j: expected a positive number of workers, got '{text}'")
    return n


# tcp://HOST:PORT, HOST:PORT, tls://[::1]:8786: a Dask address with a port.
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+):[0-9]{1,5}")

# Set in the environment of the interpreter this one re-executes itself
# under to find Dask, so that it never does so twice.
_REEXEC = "SURGE_REEXEC_FROM"

# Where Debian's python3-distributed lives: for Debian's own python3.
_DASK_PYTHONS = ("/usr/bin/python3",)

_HAS_DASK = ("import importlib.util, sys; "
             "sys.exit(0 if sys.version_info[:2] == (%d, %d) "
             "and importlib.util.find_spec('distributed') else 1)")


def _dask_python():
    """Another python3 of this version that can import distributed: Debian's,
    or one further along PATH (a pyenv or venv python3 often comes first)."""
    import shutil
    import subprocess
    mine = os.path.realpath(sys.executable or "")
    candidates = list(_DASK_PYTHONS)
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if d:
            candidates.append(os.path.join(d, "python3"))
    seen = {mine}
    check = _HAS_DASK % sys.version_info[:2]
    for c in candidates:
        real = os.path.realpath(c)
        if real in seen or not shutil.which(c):
            continue
        seen.add(real)
        try:
            r = subprocess.run([c, "-c", check], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)
        except (OSError, subprocess.SubprocessError):
            continue
        if r.returncode == 0:
            return c
    return None


def _ensure_dask(argv, folder):
    """None when this interpreter can import distributed. Otherwise re-execute
    the run under one that can (it never returns), or return the message
    that says what to run."""
    came_from = os.environ.pop(_REEXEC, None)
    try:
        import distributed  # noqa: F401
        return None
    except ImportError as e:
        why = str(e)
    other = None if came_from else _dask_python()
    if other is not None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        env = dict(os.environ)
        env[_REEXEC] = sys.executable or "python3"
        os.execve(other, [other, folder] + list(argv), env)
    here = came_from or sys.executable
    return (f"--scheduler: this python3 ({here}, {sys.version.split()[0]}) cannot import "
            f"Dask's client ({why}), and no other python3 {sys.version_info[0]}."
            f"{sys.version_info[1]} here can; install Debian's python3-distributed "
            f"(apt-get install python3-distributed) and run "
            f"`/usr/bin/python3 {folder} --scheduler ...`")


def _error(message):
    sys.stderr.write(f"surge: error: {message}\n")
    sys.stderr.flush()


def load_folder(folder):
    """The manifest and the imported tasks module's globals."""
    manifest = manifest_mod.load(os.path.join(folder, "manifest.json"))
    path = os.path.join(folder, "tasks.py")
    if not os.path.isfile(path):
        raise ManifestError("not found", "tasks.py")
    # Loaded from this folder by path (never a `tasks` module found elsewhere
    # on sys.path), and registered as `tasks` so its functions pickle by name.
    spec = importlib.util.spec_from_file_location("tasks", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["tasks"] = module
    worker_mod.install_sys_exit()
    try:
        spec.loader.exec_module(module)
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            raise
        raise ManifestError(f"cannot import: {type(e).__name__}: {e}", "tasks.py") from None
    manifest_mod.bind(manifest, module.__dict__)
    return manifest, module.__dict__


class _Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop like Ctrl-C, then die of that signal.
    A KeyboardInterrupt so that a `main` task running here lets it through."""

    def __init__(self, signum):
        super().__init__()
        self.signum = signum


def _on_signal(signum, frame):
    raise _Terminated(signum)


def die_of(signum):
    """Die of a signal, as CPython does after an uncaught KeyboardInterrupt
    (a shell then sees status 130 for SIGINT and stops a loop around it)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    os._exit(128 + signum)  # only if the signal is blocked


def main(argv, folder):
    try:
        opts = parse_args(argv)
    except _UsageError as e:
        sys.stderr.write(USAGE + "\n")
        _error(str(e))
        return EXIT_USAGE
    if opts.help:
        sys.stdout.write(HELP)
        return 0
    if opts.scheduler is not None:
        if not _ADDRESS.fullmatch(opts.scheduler):
            sys.stderr.write(USAGE + "\n")
            _error(f"--scheduler: expected a Dask scheduler address such as "
                   f"tcp://HOST:PORT, got '{opts.scheduler}'")
            return EXIT_USAGE
        problem = _ensure_dask(argv, folder)
        if problem is not None:
            _error(problem)
            return EXIT_USAGE
    try:
        manifest, namespace = load_folder(folder)
    except ManifestError as e:
        _error(str(e))
        return e.status

    sys.argv = [manifest.program] + opts.args
    worker_mod.set_program_file(manifest.source or os.path.abspath(manifest.program))
    from . import support
    if opts.scheduler is not None:
        try:
            executor, ctx = _connect(opts, manifest, namespace, folder)
        except SurgeError as e:
            _error(str(e))
            return e.status
        from .executor_dask import DaskProgress
        progress = DaskProgress(len(manifest.tasks), executor)
        where = f"dask {opts.scheduler}, {ctx.workers} workers"
    else:
        support.set_jobs(opts.jobs)
        ctx = Context(manifest, namespace, opts.jobs, opts.profile)
        from .executor_local import LocalExecutor
        executor = LocalExecutor(ctx, opts.jobs)
        progress = Progress(len(manifest.tasks))
        where = f"-j {opts.jobs}"
    # With stdout closed (`>&-`) sys.stdout is None and print() writes
    # nothing: the program's output is dropped as CPython would.
    stdout = getattr(sys.stdout, "buffer", None)
    scheduler = Scheduler(ctx, executor, progress, stdout)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_signal)
    start = time.monotonic()
    try:
        outcome = scheduler.run()
    except _Terminated as e:
        executor.close(quick=True)
        progress.clear()
        die_of(e.signum)
    except KeyboardInterrupt:
        executor.close(quick=True)
        progress.clear()
        sys.stderr.write("KeyboardInterrupt\n")
        die_of(signal.SIGINT)
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): CPython's program would
        # fail writing, then again flushing at exit (status 120).
        executor.close()
        progress.clear()
        _silence_stdout()
        sys.stderr.write("BrokenPipeError: [Errno 32] Broken pipe\n")
        return 120
    except SurgeError as e:
        executor.close()
        progress.clear()
        _error(str(e))
        return e.status
    finally:
        executor.close()
    progress.clear()
    if opts.profile:
        from .report import format_profile
        sys.stderr.write(format_profile(manifest.tasks, lambda i: scheduler.runs[i].stats,
                                        opts.jobs, time.monotonic() - start, where,
                                        getattr(executor, "placement", None),
                                        getattr(executor, "describe_workers", None)))
    if outcome.stderr:
        sys.stderr.write(outcome.stderr)
    sys.stderr.flush()
    if outcome.interrupted:
        die_of(signal.SIGINT)
    return outcome.status


def _connect(opts, manifest, namespace, folder):
    """The Dask executor and its Context: the cluster's worker processes
    stand for -j (a split loop's chunks are cut for them)."""
    from . import support
    from .executor_dask import Cluster, DaskExecutor
    cluster = Cluster(opts.scheduler)
    try:
        # Forking beside the client's threads is not safe: a loop split
        # inside a `main` task runs its chunks in this process, in order.
        support.set_jobs(1)
        ctx = Context(manifest, namespace, len(cluster.workers), opts.profile)
        return DaskExecutor(ctx, cluster, folder), ctx
    except BaseException:
        cluster.close()
        raise


def _silence_stdout():
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.close(fd)
    except OSError:
        pass
