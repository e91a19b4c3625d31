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


def _read_all(fd):
    chunks = []
    while True:
        b = os.read(fd, 1 << 20)
        if not b:
            return b"".join(chunks)
        chunks.append(b)


def _surge_fork_map(map_fn, state, items, per_worker, isolate=False):
    """[map_fn(state, chunk) for each chunk of items], in chunk order, on up
    to -j processes: this one and forked helpers, which share the inputs
    copy-on-write and send back only what map_fn returned.

    Chunks are dealt round-robin (process p takes chunks p, p + j, ...) so
    that uneven chunks even out. map_fn catches what the loop body raises
    and returns _SURGE_MISSING; a helper that fails anyway (its result does
    not pickle, it is killed) leaves its chunks _SURGE_MISSING too, and the
    caller runs those items itself, in order.

    isolate: every chunk runs in a helper, none in this process: map_fn
    changes the globals it runs with (a top-level loop's), and this
    process's must stay the program's."""
    from .worker import chunk_bounds  # noqa: the runner is imported already
    jobs = _JOBS[0]
    bounds = chunk_bounds(len(items), jobs, per_worker)
    procs = min(jobs, len(bounds))
    if procs <= 1 and not isolate:
        return [map_fn(state, items[a:b]) for a, b in bounds]
    procs = max(procs, 1)
    first = 0 if isolate else 1
    helpers = []
    for p in range(first, procs):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(r)
                _JOBS[0] = 1
                mine = [map_fn(state, items[a:b]) for a, b in bounds[p::procs]]
                data = pickle.dumps(mine, pickle.HIGHEST_PROTOCOL)
                view = memoryview(data)
                while view:
                    view = view[os.write(w, view):]
            finally:
                os._exit(0)
        os.close(w)
        helpers.append((pid, r))
    results = [_SURGE_MISSING] * len(bounds)
    try:
        if not isolate:
            results[0::procs] = [map_fn(state, items[a:b]) for a, b in bounds[0::procs]]
    finally:
        for p, (pid, r) in enumerate(helpers, first):
            try:
                data = _read_all(r)
            finally:
                os.close(r)
                os.waitpid(pid, 0)
            want = len(range(p, len(bounds), procs))
            try:
                got = pickle.loads(data) if data else None
            except Exception:
                got = None
            if isinstance(got, list) and len(got) == want:
                results[p::procs] = got
    return results
