"""Helpers that emitted tasks.py files use (`from surge_runtime.support import *`).

Every exported name starts with `_surge`/`_SURGE`: `import *` runs before the
user's own definitions, and user programs never use such names, so nothing a
program defines can be shadowed by (or shadow) a helper. `__all__` is needed
because `import *` skips names that start with an underscore.
"""

__all__ = ["_SURGE_MISSING", "_surge_map", "_surge_results"]


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
