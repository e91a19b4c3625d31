"""Helpers that emitted tasks.py files use (`from surge_runtime.support import *`).

Every exported name starts with `_surge`/`_SURGE`: `import *` runs before the
user's own definitions, and user programs never use such names, so nothing a
program defines can be shadowed by (or shadow) a helper. `__all__` is needed
because `import *` skips names that start with an underscore.
"""

__all__ = ["_SURGE_MISSING", "_SURGE_NONE", "_SURGE_ZERO", "_surge_fork_map", "_surge_items",
           "_surge_keyed", "_surge_map", "_surge_oset", "_surge_results"]

import os
import pickle

# How many processes a loop split inside a task may use (the runner's -j;
# 1 inside a forked helper, so splits never nest).
_JOBS = [1]


def set_jobs(n):
    _JOBS[0] = max(1, int(n))


def watch_parent(lifeline):
    """In a forked child: die (SIGKILL) as soon as the process that forked
    it goes, even while this one is busy in the program's code, which may
    never end (a chunk CPython never runs). `lifeline` is the read end of
    a pipe whose write end only the parent holds: nothing is ever written,
    so the read returns at the parent's exit (or death by SIGKILL). A
    thread waits on it; it costs no time while it waits. It is a bare
    _thread thread: threading.Thread.start() also waits until the new
    thread has run, some 0.3 ms more per fork (measured), paid for every
    helper of every round of a split loop. This process ends with os._exit,
    so nothing ever has to join it."""
    import _thread
    import signal

    def wait():
        try:
            while os.read(lifeline, 1):
                pass
        except OSError:
            pass
        os.kill(os.getpid(), signal.SIGKILL)

    _thread.start_new_thread(wait, ())


class _SurgeMissing:
    """The value of a loop item whose map part did not compute it.

    It crosses process boundaries by name (`__reduce__` returns the global's
    name), so after unpickling it is still the one module-level object and
    `value is _SURGE_MISSING` holds everywhere.
    """

    __slots__ = ()

    def __reduce__(self):
        return "_SURGE_MISSING"

    def __repr__(self):
        return "_SURGE_MISSING"


_SURGE_MISSING = _SurgeMissing()


def _surge_map(fn, chunk):
    """[fn(item) for item in chunk], stopping at the first exception.

    The items after the failing one (and the failing one itself) become
    _SURGE_MISSING. The combine step then re-runs the loop body for a missing
    item through its fallback, so the exception is raised again, in program
    order, after every earlier item's effects: exactly where CPython raises
    it. The exception object itself is dropped: it may not pickle.

    KeyboardInterrupt is not swallowed: a Ctrl-C must stop the run.
    """
    out = []
    for item in chunk:
        try:
            out.append(fn(item))
        except KeyboardInterrupt:
            raise
        except BaseException:
            break
    out.extend([_SURGE_MISSING] * (len(chunk) - len(out)))
    return out


def _surge_stops(value):
    """Whether a map part's value ends the loop at its chunk, so that the
    combine never reads the chunks after it: the loop body raised
    (_SURGE_MISSING, or a list of per-item values ending in it) or broke out
    (the loop form's (length, broke, ...) tuple). Those later chunks are
    then not waited for: in CPython they never run, and one of them may
    never end (a body that loops forever on an item the raise would have
    stopped short of)."""
    if value is _SURGE_MISSING:
        return True
    if type(value) is tuple:
        return len(value) > 1 and value[1] is True
    if type(value) is list:
        return bool(value) and value[-1] is _SURGE_MISSING
    return False


def _surge_sendable(value, data):
    """A map part's value as it may be sent: `data` (its pickle), or the
    pickle of a stand-in that makes the combine run the chunk again itself
    (_SURGE_MISSING, or a list of them for per-item values) when the value
    holds a set or frozenset. A set unpickles as its items inserted again
    in iteration order, and items whose hashes collided land in other
    slots: the copy may iterate in another order. surgec keeps the sets it
    sees out of map values; this catches one it could not see (a value of
    unknown type)."""
    if not _pickle_holds_set(data):
        return data
    stand_in = [_SURGE_MISSING] * len(value) if type(value) is list else _SURGE_MISSING
    return pickle.dumps(stand_in, pickle.HIGHEST_PROTOCOL)


def _pickle_holds_set(data):
    # EMPTY_SET and FROZENSET are how protocols 4 and 5 write every set:
    # a byte search rules most pickles out, the opcodes decide the rest.
    if b"\x8f" not in data and b"\x91" not in data:
        return False
    import pickletools
    try:
        return any(op.name in ("EMPTY_SET", "FROZENSET") for op, _, _ in pickletools.genops(data))
    except Exception:
        return True


class _surge_results:
    """The map parts' values, handed out in item order.

    `parts` is the list of the map parts' return values (lists aligned with
    their chunks) in chunk order; `next(fallback)` returns the next value, or
    calls `fallback()` (the loop body for that item, run here in the combine
    step) when the map part did not compute it. Past the last value it keeps
    calling the fallback, so a combine that asks once too often still runs
    the body rather than failing inside the runner.
    """

    __slots__ = ("_parts", "_part", "_pos")

    def __init__(self, parts):
        self._parts = parts
        self._part = 0
        self._pos = 0

    def next(self, fallback):
        parts = self._parts
        while self._part < len(parts):
            values = parts[self._part]
            if self._pos < len(values):
                value = values[self._pos]
                self._pos += 1
                if value is _SURGE_MISSING:
                    return fallback()
                return value
            self._part += 1
            self._pos = 0
        return fallback()


def _surge_items(iterable):
    """A split loop's items: a range as it is (its chunks are ranges), a
    list as it is, anything else listed, as the loop would iterate it."""
    if isinstance(iterable, (list, range)):
        return iterable
    return list(iterable)


class _SurgeNone:
    """A map part's best-so-far before its chunk's first item: every
    comparison with it says the item is better (`x > _SURGE_NONE`,
    `x < _SURGE_NONE` and the like all hold, as does max(_SURGE_NONE, x) is x),
    so the chunk's first item always takes its place. The combine part skips
    a chunk whose best is still _SURGE_NONE."""

    __slots__ = ()

    def __reduce__(self):
        return "_SURGE_NONE"

    def __repr__(self):
        return "_SURGE_NONE"

    def __lt__(self, other):
        return True

    __gt__ = __le__ = __ge__ = __lt__


_SURGE_NONE = _SurgeNone()


class _SurgeZero:
    """An untouched slot of a map part's `acc[i] += e` list: adding to it
    gives the added value itself, and the combine part skips slots still
    holding it, so only what the chunk added is added to the program's list."""

    __slots__ = ()

    def __reduce__(self):
        return "_SURGE_ZERO"

    def __repr__(self):
        return "_SURGE_ZERO"

    def __add__(self, other):
        return other


_SURGE_ZERO = _SurgeZero()


class _surge_keyed(dict):
    """A map part's stand-in for a dict of ints it adds to by key
    (`d[k] += e`): it holds what the chunk added; a key the program's dict
    has reads as 0 the first time, and any other key raises the KeyError the
    loop would raise. It pickles as a plain dict of the sums."""

    __slots__ = ("_base",)

    def __init__(self, base):
        super().__init__()
        self._base = base

    def __missing__(self, key):
        if key in self._base:
            return 0
        raise KeyError(key)

    def __reduce__(self):
        return (dict, (dict(self),))


class _surge_oset(dict):
    """A map part's stand-in for a set it adds to: it keeps each added item
    once, in the order first added, so the combine part adds them to the
    program's set in the same order the loop would have (a set's iteration
    order can depend on the order of insertion)."""

    __slots__ = ()

    def add(self, item):
        self[item] = None

    def __reduce__(self):
        return (_surge_oset, (), None, None, iter(self.items()))


def _surge_fork_map(map_fn, state, items, per_worker, isolate=False):
    """[map_fn(state, chunk) for each chunk of items], in chunk order, on up
    to -j forked helpers, which share the inputs copy-on-write and send back
    only what map_fn returned, a chunk at a time.

    Helpers take the chunks in order from a shared queue, the next one as
    soon as they are done with theirs, so that uneven chunks, and a core
    the machine slows down, even out. map_fn catches what the
    loop body raises and returns _SURGE_MISSING; a chunk that raised or
    broke out ends the loop there (_surge_stops), so the chunks after it
    are not waited for and their helpers are killed: CPython never runs
    those items, and one may never end. A chunk whose value cannot be sent
    comes back _SURGE_MISSING, and the caller runs its items itself, in
    order; so does a chunk whose helper died, and then the chunks after
    the first one missing are not waited for either. This process only
    gathers: a chunk it ran itself could not be given up.

    isolate: even with one worker, the chunks run in a helper: map_fn
    changes the globals it runs with (a top-level loop's), and this
    process's must stay the program's."""
    from .worker import chunk_bounds, guided_bounds  # noqa: the runner is imported already
    jobs = _JOBS[0]
    if (jobs <= 1 or len(items) <= 1) and not isolate:
        bounds = chunk_bounds(len(items), jobs, per_worker)
        results = [_SURGE_MISSING] * len(bounds)
        for i, (a, b) in enumerate(bounds):
            results[i] = map_fn(state, items[a:b])
            if _surge_stops(results[i]):
                break
        return results
    # Helpers take chunks as they go: large ones first, small ones last.
    bounds = guided_bounds(len(items), jobs, per_worker)
    if len(bounds) > _QUEUE_MAX:  # a huge -j: fewer chunks
        bounds = chunk_bounds(len(items), 1, _QUEUE_MAX)
    return _gather(map_fn, state, items, bounds, max(1, min(jobs, len(bounds))))


# A helper sends each chunk as a channel message: the chunk's number
# (_CHUNK), then the pickle. Its last message is empty: it ended as it
# should, so an end of file before it means the helper died.
_CHUNK = "<Q"
_TICKET = "<I"  # a chunk's number in the queue the helpers take chunks from
_QUEUE_MAX = 1024  # chunks: their numbers fit the smallest pipe (4 KiB) at once


def _gather(map_fn, state, items, bounds, procs):
    import select
    import struct
    from . import channel
    _reap_exited()
    helpers = {}  # read end -> [pid, its channel.Reader, whether it ended as it should]
    life_r, life_w = os.pipe()  # the helpers die with this process
    # The queue: every chunk's number, in order, written before any helper
    # starts and never again, so the pipe must hold them all: a pipe holds
    # at least 4 KiB, and there are at most _QUEUE_MAX numbers. Each helper
    # reads one number at a time; a pipe read of a few bytes is not split
    # between readers, and end-of-file means no chunk is left.
    queue_r, queue_w = os.pipe()
    _write_all(queue_w, b"".join(struct.pack(_TICKET, i) for i in range(len(bounds))))
    os.close(queue_w)
    ticket = struct.calcsize(_TICKET)
    for p in range(procs):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(r)
                os.close(life_w)
                watch_parent(life_r)
                _JOBS[0] = 1
                while True:
                    got = os.read(queue_r, ticket)
                    if len(got) < ticket:
                        break
                    i = struct.unpack(_TICKET, got)[0]
                    a, b = bounds[i]
                    value = map_fn(state, items[a:b])
                    try:
                        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
                    except Exception:  # cannot be sent: the caller runs it again
                        value = _SURGE_MISSING
                        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
                    sent = _surge_sendable(value, data)
                    channel.send(w, struct.pack(_CHUNK, i) + sent)
                    if sent is not data or _surge_stops(value):
                        break
                channel.send(w, b"")
            finally:
                os._exit(0)
        os.close(w)
        helpers[r] = [pid, channel.Reader(r), False]
    os.close(life_r)
    os.close(queue_r)
    results = [_SURGE_MISSING] * len(bounds)
    have = [False] * len(bounds)
    stop = len(bounds)  # the chunks before it are all the combine reads
    try:
        while helpers and not all(have[:stop]):
            for r in select.select(list(helpers), [], [])[0]:
                entry = helpers[r]
                reader = entry[1]
                for message in reader.read():
                    if not message:
                        entry[2] = True
                        continue
                    i = struct.unpack_from(_CHUNK, message)[0]
                    value = pickle.loads(memoryview(message)[struct.calcsize(_CHUNK):])
                    results[i], have[i] = value, True
                    if _surge_stops(value):
                        stop = min(stop, i + 1)
                if reader.eof:
                    if not entry[2] and not all(have):
                        # It died (os._exit in the program, a signal): the
                        # chunk it held never comes, and the caller runs
                        # everything from the first chunk missing now, so
                        # nothing after it is worth waiting for (one of
                        # them may never end).
                        stop = min(stop, have.index(False))
                    _reap(helpers, r)
    finally:
        for r in list(helpers):
            _reap(helpers, r, kill=True)
        os.close(life_w)
        _reap_exited()
    return results


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


_exiting = []  # helpers gone from _gather, not yet reaped


def _reap(helpers, r, kill=False):
    """Forget helper r, killing it first if asked. It is reaped later:
    waiting here for a process to exit costs about a millisecond a helper
    (the kernel tears its memory down), on every round of a split loop."""
    import signal
    pid = helpers.pop(r)[0]
    os.close(r)
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _exiting.append(pid)


def _reap_exited():
    """Reap the helpers of earlier rounds that have exited by now."""
    for pid in list(_exiting):
        try:
            done = os.waitpid(pid, os.WNOHANG)[0]
        except ChildProcessError:
            done = pid  # reaped already (os.wait in the program)
        if done:
            _exiting.remove(pid)
