"""Load and check manifest.json (format "surge-tasks", version 1).

Everything is checked before anything runs: a damaged manifest must stop the
run with a clear message (exit 2), not fail half-way through a program that
has already printed or written files. See docs/runtime.md for the format.
"""

import json

from .errors import ManifestError

FORMAT = "surge-tasks"
VERSION = 1


class Task:
    """One node of the task graph, as the manifest describes it."""

    __slots__ = ("id", "function", "lines", "deps", "receives", "sends", "binds",
                 "effects", "commit", "main", "work", "memory", "split",
                 "producers", "label")

    def describe_lines(self):
        return describe_lines(self.lines)


class Split:
    """How a split loop runs: items(), map(chunk) per chunk, combine(items, parts).

    With `state`, items() returns (items, map state, combine state) and the
    state is passed on: map(map state, chunk), combine(items, parts, combine
    state). chunks_per_worker: how many chunks per worker the items are cut
    into."""

    __slots__ = ("items", "map", "combine", "state", "chunks_per_worker")


class Manifest:
    __slots__ = ("program", "source", "tasks")


def describe_lines(lines):
    """'line 3', 'lines 24-25' or 'lines 3-4, 9' for messages and tables."""
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in lines]
    if not parts:
        return "lines ?"
    word = "line" if len(parts) == 1 and lines[0][0] == lines[0][1] else "lines"
    return f"{word} {', '.join(parts)}"


def load(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ManifestError(f"cannot read: {e.strerror or e}") from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as e:
        raise ManifestError(f"not valid JSON: {e}") from None
    return parse(data)


def parse(data):
    if not isinstance(data, dict):
        raise ManifestError("expected a JSON object at the top level")
    if data.get("format") != FORMAT:
        raise ManifestError(f"'format' must be {FORMAT!r}")
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ManifestError(f"unsupported version {version!r} "
                            f"(this runner reads version {VERSION})")
    m = Manifest()
    m.program = data.get("program")
    if not isinstance(m.program, str):
        raise ManifestError("'program' must be a string")
    m.source = data.get("source")
    if m.source is not None and not isinstance(m.source, str):
        raise ManifestError("'source' must be a string")
    tasks = data.get("tasks")
    if not isinstance(tasks, list):
        raise ManifestError("'tasks' must be a list")
    m.tasks = [_parse_task(i, t) for i, t in enumerate(tasks)]
    _check_receives(m.tasks)
    return m


_FIELDS = ("id", "function", "lines", "deps", "receives", "sends", "effects",
           "commit", "main", "work", "memory")


def _is_int(x):
    return type(x) is int  # not bool


def _is_estimate(x):
    return type(x) in (int, float, str)


def _is_name(x):
    return type(x) is str and x.isidentifier()


def _is_range(r):
    return (type(r) is list and len(r) == 2 and type(r[0]) is int and type(r[1]) is int
            and 0 < r[0] <= r[1])


def _is_strings(v):
    return type(v) is list and all(type(s) is str for s in v)


def _parse_task(index, raw):
    where = f"task {index}"
    if type(raw) is not dict:
        raise ManifestError(f"{where}: expected a JSON object")
    for name in _FIELDS:
        if name not in raw:
            raise ManifestError(f"{where}: missing field '{name}'")

    def bad(name, what):
        return ManifestError(f"{where}: '{name}' must be {what}")

    t = Task()
    t.id = raw["id"]
    if not _is_int(t.id):
        raise bad("id", "an integer")
    if t.id != index:
        raise ManifestError(f"{where}: 'id' is {t.id}; tasks must be listed in order "
                            "with id equal to their index")
    t.function = raw["function"]
    if not _is_name(t.function):
        raise bad("function", "a Python identifier")
    lines = raw["lines"]
    if type(lines) is not list or not all(_is_range(r) for r in lines):
        raise bad("lines", "a list of [first, last] line pairs")
    t.lines = [tuple(r) for r in lines]
    deps = raw["deps"]
    if type(deps) is not list or not all(type(d) is int for d in deps):
        raise bad("deps", "a list of task ids")
    for d in deps:
        if not 0 <= d < index:
            kind = "a later" if d >= index else "an unknown"
            raise ManifestError(f"{where}: depends on {kind} task {d} "
                                "(deps must name earlier tasks)")
    t.deps = sorted(set(deps))
    receives = raw["receives"]
    if type(receives) is not list:
        raise bad("receives", "a list")
    t.receives = []
    for r in receives:
        if not (type(r) is dict and _is_name(r.get("name")) and _is_int(r.get("from"))
                and type(r.get("key")) is str and r["key"]):
            raise ManifestError(f"{where}: each receive must be "
                                "{\"name\": identifier, \"from\": task id, \"key\": string}")
        if not 0 <= r["from"] < index:
            raise ManifestError(f"{where}: receives '{r['name']}' from task {r['from']}, "
                                "which is not an earlier task")
        t.receives.append((r["name"], r["from"], r["key"]))
    t.sends = raw["sends"]
    if not _is_strings(t.sends) or not all(t.sends):
        raise bad("sends", "a list of names")
    t.binds = raw.get("binds", [])
    if not _is_strings(t.binds):
        raise bad("binds", "a list of names")
    t.effects = raw["effects"]
    if not _is_strings(t.effects):
        raise bad("effects", "a list of strings")
    t.commit = raw["commit"]
    if type(t.commit) is not bool:
        raise bad("commit", "true or false")
    t.main = raw["main"]
    if type(t.main) is not bool:
        raise bad("main", "true or false")
    # Estimates are informational: a formula is only checked when it is
    # evaluated (a bad one means "unknown"), but the type must be right.
    t.work = raw["work"]
    if not _is_estimate(t.work):
        raise bad("work", "a number or a formula string")
    t.memory = raw["memory"]
    if not _is_estimate(t.memory):
        raise bad("memory", "a number or a formula string")
    t.split = None
    s = raw.get("split")
    if s is not None:
        if not (type(s) is dict and all(_is_name(s.get(k)) for k in ("items", "map", "combine"))):
            raise ManifestError(f"{where}: 'split' must be "
                                "{\"items\": name, \"map\": name, \"combine\": name}")
        t.split = Split()
        t.split.items, t.split.map, t.split.combine = s["items"], s["map"], s["combine"]
        t.split.state = s.get("state", False)
        if type(t.split.state) is not bool:
            raise ManifestError(f"{where}: 'split' 'state' must be true or false")
        t.split.chunks_per_worker = s.get("chunks_per_worker", 4)
        cpw = t.split.chunks_per_worker
        if type(cpw) is not int or not 1 <= cpw <= 1000:
            raise ManifestError(f"{where}: 'split' 'chunks_per_worker' must be a whole number "
                                "from 1 to 1000")
    t.producers = sorted({src for _, src, _ in t.receives})
    t.label = f"task {t.id} ({describe_lines(t.lines)})" if t.lines else f"task {t.id}"
    return t


def _check_receives(tasks):
    """A task may only receive from a task that finished before it starts
    (a dependence, direct or not), and only a key that task sends."""
    ancestors = []  # bit i set: task i must finish first
    for t in tasks:
        bits = 0
        for d in t.deps:
            bits |= ancestors[d] | (1 << d)
        ancestors.append(bits)
        for name, src, key in t.receives:
            what = f"'{name}'" if name == key else f"'{name}' (key '{key}')"
            if not bits >> src & 1:
                raise ManifestError(f"task {t.id}: receives {what} from task {src}, "
                                    "which it does not depend on")
            if key not in tasks[src].sends:
                raise ManifestError(f"task {t.id}: receives {what} from task {src}, "
                                    "which does not send it")


def bind(manifest, namespace):
    """Check that every function the manifest names exists in tasks.py."""
    for t in manifest.tasks:
        names = [t.function]
        if t.split:
            names += [t.split.items, t.split.map, t.split.combine]
        for name in names:
            if not callable(namespace.get(name)):
                raise ManifestError(f"task {t.id}: tasks.py has no function '{name}'")
