"""Running one task part: the globals protocol, stdout capture, what is sent back.

The same code runs a part in a worker process (serve) and in the
coordinator for `main` tasks (run_job with in_process=True), so both follow
exactly the same rules.

A job is a tuple (task id, kind, index, blobs, extra, rng state, estimate):
  kind     TASK (a whole task), ITEMS, MAP or COMBINE (the parts of a split loop)
  index    the chunk number of a MAP part
  blobs    {producer task id: pickled dict of the values it sent}
  extra    MAP: the pickled chunk; COMBINE: (pickled items, [pickled map results])
  rng      the `random` module state to start from, or None
  estimate True: evaluate the work and memory formulas (only under --profile)

A result is a tuple (status, stdout bytes, value, stats):
  OK        value: TASK/COMBINE the pickled blob (None when nothing is sent),
            ITEMS (pickled items, [pickled chunk]), MAP (whether the loop
            ends at its chunk: support._surge_stops, the pickled result)
  RAISE     value: (traceback text, raised KeyboardInterrupt)
  EXIT      value: the SystemExit status (int) or message (str)
  SEND      value: why a value could not be pickled
  INTERNAL  value: a runner failure in the worker
  stats     (wall seconds, peak traced bytes or None, (work, memory) or None,
             rng state after the part or None)
"""

import os
import pickle
import sys
import time

from . import channel
from .output import Capture, stdout_encoding
from .support import _surge_sendable, _surge_stops

TASK, ITEMS, MAP, COMBINE = 0, 1, 2, 3
OK, RAISE, EXIT, SEND, INTERNAL, DIED = "ok", "raise", "exit", "send", "internal", "died"

PROTOCOL = pickle.HIGHEST_PROTOCOL

_RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Context:
    """What every part needs, set up once by the coordinator before any
    worker is forked (workers inherit it)."""

    def __init__(self, manifest, namespace, workers, profile):
        self.manifest = manifest
        self.globals = namespace
        # The tasks module's globals right after import: user functions
        # share this dict as __globals__, so it is reset in place.
        self.baseline = dict(namespace)
        self.workers = workers
        self.profile = profile
        self.encoding, self.errors = stdout_encoding()


def serve(ctx, rfd, wfd):
    """A worker's loop: one job in, one result out, until the pipe closes."""
    while True:
        data = channel.recv(rfd)
        if data is None:
            return
        result = run_job(ctx, pickle.loads(data))
        try:
            reply = pickle.dumps(result, PROTOCOL)
        except Exception as e:  # cannot happen: results hold bytes, str, ints
            failed = (INTERNAL, b"", f"cannot send the result: {e}", (0.0, None, None, None))
            reply = pickle.dumps(failed, PROTOCOL)
        channel.send(wfd, reply)


def run_job(ctx, job, in_process=False):
    """Run one part. The result carries its wall time and, under --profile,
    the estimates and the peak of memory traced while it ran, received
    values included (tracemalloc only runs under --profile)."""
    tid, kind, index, blobs, extra, rng, estimate = job
    task = ctx.manifest.tasks[tid]
    tracemalloc = None
    if ctx.profile:
        import tracemalloc
        from .formulas import evaluate
        if in_process:
            tracemalloc.start()  # workers trace from birth; the coordinator only here
        base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    estimates = None
    try:
        failed = _prepare(ctx.globals, ctx.baseline, task, blobs, rng)
        if failed is not None:
            return failed
        if estimate:
            g = ctx.globals
            estimates = (evaluate(task.work, g), evaluate(task.memory, g))
            tracemalloc.reset_peak()  # what evaluating them used is not the task's
        status, out, value, rng_after = _execute(ctx, task, kind, index, extra, in_process)
    finally:
        wall = time.perf_counter() - start
        peak = None
        if tracemalloc is not None:
            peak = max(0, tracemalloc.get_traced_memory()[1] - base)
            if in_process:
                tracemalloc.stop()
    return (status, out, value, (wall, peak, estimates, rng_after))


_program_file = None


def set_program_file(path):
    """__file__ in every task: the program's absolute path as surgec saw it
    (CPython 3.9+ makes a script's __file__ absolute)."""
    global _program_file
    _program_file = path


def _prepare(g, baseline, task, blobs, rng):
    """The globals protocol: reset the tasks module's globals in place to
    their baseline (user functions share this dict), set __name__ and an
    empty _surge_sent, install the received values. Returns a result tuple
    if the values cannot be received, else None."""
    g.clear()
    g.update(baseline)
    g["__name__"] = "__main__"
    g["__file__"] = _program_file  # the program's own path, as CPython sets it
    g["_surge_sent"] = {}
    try:
        _install(g, task, blobs)
        if rng is not None:
            _random_module().setstate(rng)
    except Exception as e:
        return (INTERNAL, b"", f"cannot receive its values: {type(e).__name__}: {e}",
                (0.0, None, None, None))
    return None


def _execute(ctx, task, kind, index, extra, in_process):
    """Call the part's function with stdout captured; pack what it hands on.
    Returns (status, stdout bytes, value, rng state after)."""
    g = ctx.globals
    capture = Capture(ctx.encoding, ctx.errors)
    saved = sys.stdout
    sys.stdout = capture.stream
    # A task's statements run in a function two frames below this one
    # (_call, then the task's), where CPython runs them in the module's
    # frame: allow as many more frames as sit above them, so a recursion
    # fails at the depth where it fails in the program (measured: the
    # runner's frames, and one the script's own start does not have).
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + _stack_depth() + 2)
    try:
        value = _call(g, task, kind, extra)
    except SystemExit as e:
        return (EXIT, capture.value(), _exit_status(e), None)
    except KeyboardInterrupt as e:
        if in_process:
            raise  # a real Ctrl-C in the coordinator: stop the run
        return (RAISE, capture.value(), (_format_exception(e), True), None)
    except BaseException as e:
        if isinstance(e, (NameError, AttributeError)):
            _bind_earlier_names(ctx, g, task)
        return (RAISE, capture.value(), (_format_exception(e), False), None)
    finally:
        sys.setrecursionlimit(limit)
        sys.stdout = saved
        _flush_stderr()  # stderr passes through: nothing may stay buffered
    try:
        value = _pack(ctx, g, task, kind, index, value)
    except _CannotSend as e:
        return (SEND, capture.value(), str(e), None)
    rng_after = None
    if "random" in task.effects and kind in (TASK, COMBINE):
        rng_after = _random_module().getstate()
    return (OK, capture.value(), value, rng_after)


def _install(g, task, blobs):
    """Install the received globals. Each producer's blob is unpickled once,
    so two names sent by one producer that alias stay one object."""
    unpickled = {}
    for name, src, key in task.receives:
        values = unpickled.get(src)
        if values is None:
            data = blobs.get(src)
            values = unpickled[src] = pickle.loads(data) if data is not None else {}
        if key in values:
            g[name] = values[key]


def _call(g, task, kind, extra):
    if kind == TASK:
        g[task.function]()
        return None
    split = task.split
    if kind == ITEMS:
        got = g[split.items]()
        if not split.state:
            return _listed(got), None, None
        items, map_state, keep = got
        return _listed(items), map_state, keep
    parts = None
    if kind == COMBINE:
        items_data, part_data = extra
        parts = [pickle.loads(p) for p in part_data]
    if not split.state:
        if kind == MAP:
            return g[split.map](pickle.loads(extra))
        g[split.combine](pickle.loads(items_data), parts)
        return None
    if kind == MAP:
        map_state, chunk = pickle.loads(extra)
        return g[split.map](map_state, chunk)
    items, keep = pickle.loads(items_data)
    g[split.combine](items, parts, keep)
    return None


def _listed(items):
    """A range stays one (its chunks are ranges: cheap to send); anything
    else is listed once, as iterating it would have."""
    return items if isinstance(items, (list, range)) else list(items)


class _CannotSend(Exception):
    pass


def _dumps(value, what):
    try:
        return pickle.dumps(value, PROTOCOL)
    except Exception as e:
        raise _CannotSend(f"cannot send {what} to another process: {e}") from None


def _pack(ctx, g, task, kind, index, value):
    """Pickle what the part hands on."""
    if kind == ITEMS:
        # The whole list once (for combine, keeping aliasing between items)
        # and each chunk on its own (each map part unpickles only its chunk).
        items, map_state, keep = value
        bounds = chunk_bounds(len(items), ctx.workers, task.split.chunks_per_worker)
        if not task.split.state:
            whole = _dumps(items, "the loop's items")
            return whole, [_dumps(items[a:b], "the loop's items") for a, b in bounds]
        whole = _dumps((items, keep), "the loop's items and the function's locals")
        return whole, [_dumps((map_state, items[a:b]), "the loop's items and the function's locals")
                       for a, b in bounds]
    if kind == MAP:
        data = _dumps(value, f"the result of map part {index}")
        sent = _surge_sendable(value, data)
        # a stand-in ends the loop at this chunk as a raise would
        return _surge_stops(value) or sent is not data, sent
    if not task.sends:
        return None
    sent = g.get("_surge_sent")
    if not isinstance(sent, dict):
        sent = {}
    blob = {}
    for key in task.sends:
        if key in sent:
            blob[key] = sent[key]
        elif key in g:
            blob[key] = g[key]
    try:
        # One dumps for the whole blob: values that alias stay aliased.
        return pickle.dumps(blob, PROTOCOL)
    except Exception as e:
        culprit = next(iter(blob), "?")
        for key, v in blob.items():
            try:
                pickle.dumps(v, PROTOCOL)
            except Exception as e2:
                culprit, e = key, e2
                break
        raise _CannotSend(f"cannot send '{culprit}' to another process: {e}") from None


def chunk_bounds(n, workers, per_worker=4):
    """Contiguous [start, stop) slices of n items, in order: per_worker per
    worker (surgec's choice, in the manifest) so uneven items even out, at
    least one item each, and none for an empty list."""
    if n <= 0:
        return []
    count = min(n, per_worker * max(1, workers))
    size, extra = divmod(n, count)
    bounds = []
    start = 0
    for i in range(count):
        stop = start + size + (1 if i < extra else 0)
        bounds.append((start, stop))
        start = stop
    return bounds


def guided_bounds(n, workers, per_worker=4):
    """Contiguous [start, stop) slices of n items, in order, for workers
    that each take the next slice as soon as they are done with theirs:
    each slice is a 1 / (2 * workers) share of the items still left, and no
    smaller than a quarter of chunk_bounds' slices. The large slices first
    keep the slices few; the small ones last let the workers end close
    together, where equal slices leave all but one waiting for the last."""
    if n <= 0:
        return []
    workers = max(1, workers)
    smallest = max(1, -(-n // (4 * per_worker * workers)))
    bounds = []
    start = 0
    while start < n:
        size = max(smallest, -(-(n - start) // (2 * workers)))
        stop = min(n, start + size)
        bounds.append((start, stop))
        start = stop
    return bounds


_raw_exit = None  # (the SystemExit, its tuple) of the last sys.exit(tuple)


def _sys_exit(status=None):
    """sys.exit as CPython 3.11 raises it, with one quirk kept: sys.exit(t)
    for a tuple t leaves the exception unnormalized, so an exit nothing
    handled on its way up reports t itself (printed, status 1), while any
    handler on the way (`except`, even one that does not match, `finally`,
    `with`) normalizes it into SystemExit(*t). The runner's own handler
    always normalizes it: remember t (see _exit_status)."""
    global _raw_exit
    if isinstance(status, SystemExit):
        raise status
    if isinstance(status, tuple):
        e = SystemExit(*status)
        _raw_exit = (e, status)
        raise e
    raise SystemExit() if status is None else SystemExit(status)


_sys_exit.__name__ = _sys_exit.__qualname__ = "exit"


def install_sys_exit():
    """Before the tasks module runs: `from sys import exit` binds this one."""
    sys.exit = _sys_exit


def _handled_on_the_way(e):
    """Whether a program frame e passed through had a handler (a try block
    or a with) around the instruction that was running: the exception
    table says (Python 3.11's code objects)."""
    import dis
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if not os.path.abspath(code.co_filename).startswith(_RUNTIME_DIR):
            for entry in dis._parse_exception_table(code):
                if entry.start <= tb.tb_lasti < entry.end:
                    return True
        tb = tb.tb_next
    return False


def _exit_status(e):
    """CPython's handling of an uncaught SystemExit: None is 0, an int is the
    status, anything else is printed to stderr (here: handed back as text)
    and the status is 1."""
    global _raw_exit
    code = e.code
    if _raw_exit is not None and _raw_exit[0] is e:
        if not _handled_on_the_way(e):
            code = _raw_exit[1]
        _raw_exit = None
    if code is None:
        return 0
    if isinstance(code, int):
        return int(code)
    try:
        return str(code)
    except Exception:
        return object.__repr__(code)


def _format_exception(e):
    """The traceback as CPython prints it, without the runner's own frames.

    Its last line comes from CPython's own display (sys.__excepthook__):
    in 3.11 only that adds "Did you mean: ...?" to a NameError or an
    AttributeError; the traceback module does not."""
    import traceback  # only on failure: slow to import
    te = traceback.TracebackException(type(e), e, e.__traceback__, compact=True)
    _trim(te, set())
    text = "".join(te.format())
    last = _displayed_last_line(e)
    if last:
        lines = text.rstrip("\n").split("\n")
        if lines and lines[-1] != last and last.startswith(lines[-1]):
            lines[-1] = last
            text = "\n".join(lines) + "\n"
    return text


def _displayed_last_line(e):
    import io
    buf = io.StringIO()
    saved = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(type(e), e, e.__traceback__)
    except Exception:
        return None
    finally:
        sys.stderr = saved
    lines = buf.getvalue().rstrip("\n").split("\n")
    return lines[-1] if lines else None


class _Unset:
    """Stands for a global an earlier task bound: only its name matters."""

    __slots__ = ()


def _bind_earlier_names(ctx, g, task):
    """Before a NameError is displayed: the program's globals at that point
    hold every name bound before (CPython offers the closest as "Did you
    mean"), while this task's hold only what it received. Names the earlier
    tasks bind are added, unset, so the suggestion is made from the same
    names. (A name bound only on a path the program did not take is
    counted too: the manifest does not know which paths ran.)"""
    for t in ctx.manifest.tasks:
        if t.id > task.id:
            break
        for name in t.binds:
            if name not in g:
                g[name] = _Unset()


def _trim(te, seen):
    import traceback
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list(
            [f for f in te.stack if not f.filename.startswith(_RUNTIME_DIR)])
        _trim(te.__cause__, seen)
        te = te.__context__


def _stack_depth():
    """Frames on the stack, this function's caller included."""
    f = sys._getframe(1)
    n = 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


def _random_module():
    import random  # tasks.py imported it already when the program uses it
    return random


def _flush_stderr():
    try:
        sys.stderr.flush()
    except (AttributeError, ValueError, OSError):
        pass
