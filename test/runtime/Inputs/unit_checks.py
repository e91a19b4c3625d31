"""Unit checks of the runner's helpers, run in one process: support.py (what
tasks.py imports), the formula evaluator, chunking, describe_lines and the
progress line. Prints one `ok: NAME` line per group; a failed check raises."""
import io
import os
import pickle
import sys

sys.dont_write_bytecode = True  # imports from the source tree: leave it clean
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "runtime"))

from surge_runtime import output, support  # noqa: E402
from surge_runtime.formulas import evaluate  # noqa: E402
from surge_runtime.manifest import describe_lines  # noqa: E402
from surge_runtime.worker import chunk_bounds, guided_bounds  # noqa: E402

M = support._SURGE_MISSING

# import * exports exactly the helpers, all named _surge/_SURGE.
ns = {}
exec("from surge_runtime.support import *", ns)
exported = sorted(k for k in ns if k != "__builtins__")
assert exported == ["_SURGE_MISSING", "_SURGE_NONE", "_SURGE_ZERO", "_surge_fork_map", "_surge_items",
                    "_surge_keyed", "_surge_map",
                    "_surge_oset", "_surge_results"], exported
print("ok: import *")

# Split-loop helpers: the best-so-far placeholder loses every comparison,
# the untouched slot adds as nothing, the ordered set keeps first-added
# order through pickling; all survive pickling as themselves.
N, Z = support._SURGE_NONE, support._SURGE_ZERO
assert 3 > N and 3 < N and 3 >= N and 3 <= N and "a" > N and N < 3 and N >= 3
assert max(N, 7) == 7 and min(N, 7) == 7 and max(N, -1) == -1
assert Z + 5 == 5 and Z + 2.5 == 2.5 and Z + [1] == [1]
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps((N, Z), proto)) == (N, Z)
    assert pickle.loads(pickle.dumps(N, proto)) is N
    s = support._surge_oset()
    for x in (5, 3, 5, "k", 3, 1):
        s.add(x)
    back = pickle.loads(pickle.dumps(s, proto))
    assert type(back) is support._surge_oset and list(back) == [5, 3, "k", 1], list(back)
assert support._surge_items(range(3, 9)) == range(3, 9)
assert support._surge_items({"b": 1, "a": 2}.items()) == [("b", 1), ("a", 2)]
xs = [1, 2]
assert support._surge_items(xs) is xs
kd = support._surge_keyed({"a": 5, "b": 1})
kd["a"] += 2
kd["a"] += 1
try:
    kd["zz"] += 1
    raise AssertionError("a key the dict lacks must raise KeyError")
except KeyError as e:
    assert e.args == ("zz",)
back = pickle.loads(pickle.dumps(kd))
assert type(back) is dict and back == {"a": 3}, back
print("ok: split helpers")

# The sentinel survives pickling as the same object, alone or inside values.
assert pickle.loads(pickle.dumps(M)) is M
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps([1, M, (M,)], proto))
    assert back[1] is M and back[2][0] is M
print("ok: _SURGE_MISSING")

# _surge_map: aligned with the chunk, stops at the first exception.
assert support._surge_map(lambda x: x * 2, [1, 2, 3]) == [2, 4, 6]
assert support._surge_map(lambda x: x * 2, []) == []
calls = []


def body(x):
    calls.append(x)
    return 10 // x


out = support._surge_map(body, [5, 2, 0, 1, 3])
assert out[:2] == [2, 5] and all(v is M for v in out[2:]) and len(out) == 5, out
assert calls == [5, 2, 0], calls  # nothing after the failing item runs
out = support._surge_map(lambda x: sys.exit(3) if x == 1 else x, [0, 1, 2])
assert out[0] == 0 and out[1] is M and out[2] is M
try:
    support._surge_map(lambda x: (_ for _ in ()).throw(KeyboardInterrupt), [1])
    raise AssertionError("KeyboardInterrupt swallowed")
except KeyboardInterrupt:
    pass
print("ok: _surge_map")

# _surge_results: values in item order across parts; the fallback for a
# missing value (and past the end).
r = support._surge_results([[1, 2], [], [M, 4]])
fallbacks = []
got = [r.next(lambda: fallbacks.append(1) or "fb") for _ in range(5)]
assert got == [1, 2, "fb", 4, "fb"], got
assert len(fallbacks) == 2
r = support._surge_results(pickle.loads(pickle.dumps([[M]])))
assert r.next(lambda: "again") == "again"
r = support._surge_results([])
assert r.next(lambda: 7) == 7
print("ok: _surge_results")

# _surge_stops: a chunk that raised (the loop form's _SURGE_MISSING, or a
# per-item list ending in it) or broke out ends the loop there.
assert support._surge_stops(M)
assert support._surge_stops((3, True, 10)) and not support._surge_stops((3, False, 10))
assert support._surge_stops([1, M]) and not support._surge_stops([1, 2])
assert not support._surge_stops([]) and not support._surge_stops(None)
print("ok: _surge_stops")

# _surge_sendable: a map value holding a set or frozenset anywhere is sent
# as a stand-in that makes the combine run the chunk again (a copied set
# may iterate in another order); anything else as its own pickle.
for value in [(2, False, 7), [1, "a", (2.5, None)], {"k": [1]}, "\x8f\x91", b"\x8f\x91"]:
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    assert support._surge_sendable(value, data) is data, value
for value, stand_in in [((2, False, {1, 2}), M), ([1, frozenset("ab")], [M, M]),
                        ([{"k": set()}], [M]), (set(), M)]:
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(support._surge_sendable(value, data))
    assert back == stand_in or back is stand_in, (value, back)
print("ok: _surge_sendable")

# _surge_fork_map: chunks in order; after a chunk that ends the loop the
# later ones are not waited for (here they would never end).
support._JOBS[0] = 2


def endless_after(state, chunk):
    if chunk[0] >= 50:
        while True:
            pass
    if 40 in chunk:
        return M
    return (len(chunk), False, sum(chunk))


got = support._surge_fork_map(endless_after, (), list(range(80)), 4)
bounds = guided_bounds(80, 2, 4)  # helpers take large chunks first, then small ones
stop = next(i for i, (a, b) in enumerate(bounds) if a <= 40 < b)
assert len(got) == len(bounds) and stop >= 2, (got, bounds)
assert got[:stop] == [(b - a, False, sum(range(a, b))) for a, b in bounds[:stop]], got
assert got[stop] is M and all(v is M for v, (a, b) in zip(got, bounds) if a >= 50), got
support._JOBS[0] = 1
got = support._surge_fork_map(endless_after, (), list(range(80)), 4)
assert len(got) == 4 and got[2] is M and got[3] is M, got
support._JOBS[0] = 2


# Chunk 1 raises: chunk 2, endless, is not waited for.
def raise_at_10(state, chunk):
    if chunk[0] >= 20:
        while True:
            pass
    return M if 10 in chunk else (len(chunk), False, sum(chunk))


got = support._surge_fork_map(raise_at_10, (), list(range(40)), 2)
bounds = guided_bounds(40, 2, 2)
assert bounds[:2] == [(0, 10), (10, 18)]
# Chunk 2 (from 18) may come in or not; the endless ones never do.
assert got[0] == (10, False, 45) and got[1] is M, got
assert all(v is M for v, (a, b) in zip(got, bounds) if a >= 20), got


# Helpers take chunks from one queue: while chunk 0 is slow, the other
# helper runs every later chunk (dealt round-robin, chunks 2, 4 and 6 would
# wait behind chunk 0, and it would time out). Each chunk runs once.
def slow_first(state, chunk):
    marks, others = state
    if chunk[0] == 0:
        deadline = time.monotonic() + 30
        while len(os.listdir(marks)) < others and time.monotonic() < deadline:
            time.sleep(0.01)
        return (len(chunk), False, len(os.listdir(marks)))
    os.close(os.open(os.path.join(marks, str(chunk[0])), os.O_CREAT | os.O_EXCL))
    return (len(chunk), False, 0)


import tempfile  # noqa: E402
import time  # noqa: E402

bounds = guided_bounds(80, 2, 4)
with tempfile.TemporaryDirectory() as marks:
    got = support._surge_fork_map(slow_first, (marks, len(bounds) - 1), list(range(80)), 4)
    want = [(bounds[0][1], False, len(bounds) - 1)] + [(b - a, False, 0) for a, b in bounds[1:]]
    assert got == want, got
    assert sorted(os.listdir(marks), key=int) == [str(a) for a, b in bounds[1:]]
# A chunk whose value cannot be sent comes back _SURGE_MISSING; one whose
# helper dies too, and the chunks after it are not waited for: here they
# would never end (the caller runs everything from the first chunk
# missing itself, in order, as CPython would). An alarm turns a hang into
# a failure.
def unsendable_then_endless(state, chunk):
    if chunk[0] != 0:
        while True:
            pass
    return (len(chunk), True, [lambda: 1])  # broke out; a lambda does not pickle


def dies_then_endless(state, chunk):
    if chunk[0] != 0:
        while True:
            pass
    os._exit(3)


def on_alarm(signum, frame):
    raise AssertionError("_surge_fork_map waited for chunks nobody needs")


import signal  # noqa: E402

signal.signal(signal.SIGALRM, on_alarm)
for fn in (unsendable_then_endless, dies_then_endless):
    signal.alarm(30)
    got = support._surge_fork_map(fn, (), list(range(40)), 2)
    signal.alarm(0)
    assert got[0] is M, (fn.__name__, got)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
# A set made in a helper comes back as a stand-in.
got = support._surge_fork_map(lambda state, chunk: (len(chunk), False, {chunk[0]}), (), [1, 2], 1)
assert got == [M, M], got


# Helpers die with the process that forked them (support.watch_parent),
# even busy in an endless chunk: here that process is killed (isolate: both
# chunks run in helpers).
def endless(state, chunk):
    while True:
        pass


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] in ("Z", "X")
    except OSError:
        return True


import signal  # noqa: E402
import time  # noqa: E402

pid = os.fork()
if pid == 0:
    support._JOBS[0] = 2
    try:
        support._surge_fork_map(endless, (), [1, 2], 1, isolate=True)
    finally:
        os._exit(0)
deadline = time.monotonic() + 30
while len(children(pid)) < 2 and time.monotonic() < deadline:
    time.sleep(0.05)
helpers = children(pid)
assert len(helpers) == 2, helpers
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
deadline = time.monotonic() + 30
while not all(gone(h) for h in helpers) and time.monotonic() < deadline:
    time.sleep(0.05)
left = [h for h in helpers if not gone(h)]
for h in left:  # so that a failure cannot leave them spinning (and hang the test)
    os.kill(h, signal.SIGKILL)
assert not left, left
support._JOBS[0] = 2
# Helpers are reaped once they have exited, at the end of a round or of a
# later one (waiting for each to exit would cost every round): after six
# rounds of two helpers, only the last two rounds' may be left.
for k in range(6):
    support._surge_fork_map(lambda state, chunk: (len(chunk), False, 0), (), list(range(40)), 2)
left = children(os.getpid())
assert len(left) <= 4, left
support._JOBS[0] = 1
print("ok: _surge_fork_map")

# Formulas: numbers, the allowed operators and calls; everything else (and
# every failure) is None, and nothing is ever run.
with open("unit_data.txt", "w") as f:
    f.write("a\nb\nc")  # three lines, the last without a newline
cases = [
    (120, 120), (2.5, 2), (True, None), (None, None),
    ("56 + 8 * file_lines('unit_data.txt')", 80),
    ("file_bytes('unit_data.txt') * 2", 10),
    ("max(1, 7 // 2, -3) - min(4, 5)", -1),
    ("-(2 - 5)", 3),
    ("len_of('xs') * 8", 24),
    ("len_of('nope')", None),
    ("file_lines('no-such-file')", None),
    ("1 // 0", None),
    ("2 ** 10", None),
    ("1.5 * 2", None),
    ("__import__('os').system('echo pwned')", None),
    ("open('unit_data.txt')", None),
    ("max()", None),
    ("file_lines(x)", None),
    ("x", None),
    ("1 +", None),
    ("9" * 80 + " * " + "9" * 80 + " * " + "9" * 80 + " * " + "9" * 80, None),
]
for formula, want in cases:
    got = evaluate(formula, {"xs": [1, 2, 3]})
    assert got == want, (formula, got, want)
assert evaluate("len_of('xs')") is None  # no names: unknown
os.remove("unit_data.txt")
print("ok: formulas")

# Chunks: contiguous, in order, at least one item each, ~4 per worker.
assert chunk_bounds(0, 4) == []
assert chunk_bounds(3, 4) == [(0, 1), (1, 2), (2, 3)]
assert chunk_bounds(10, 1) == [(0, 3), (3, 6), (6, 8), (8, 10)]
for n in range(0, 60):
    for w in (1, 2, 3, 8):
        b = chunk_bounds(n, w)
        assert len(b) == min(n, 4 * w)
        assert all(a < c for a, c in b)
        assert not b or [a for a, _ in b] == [0] + [c for _, c in b[:-1]]
        assert not b or b[-1][1] == n
        sizes = [c - a for a, c in b]
        assert not sizes or max(sizes) - min(sizes) <= 1
# Guided chunks (taken from a queue): contiguous, in order, never growing
# but for the last, none below a quarter of chunk_bounds' size, and the
# first a 1 / (2 * workers) share of all.
assert guided_bounds(0, 2) == []
assert guided_bounds(80, 2, 4) == [(0, 20), (20, 35), (35, 47), (47, 56), (56, 62), (62, 67),
                                   (67, 71), (71, 74), (74, 77), (77, 80)]
for n in list(range(0, 70)) + [1000, 60000]:
    for w in (1, 2, 3, 8):
        b = guided_bounds(n, w, 4)
        sizes = [c - a for a, c in b]
        assert not b or [a for a, _ in b] == [0] + [c for _, c in b[:-1]] and b[-1][1] == n
        assert all(x >= y for x, y in zip(sizes, sizes[1:-1])), sizes
        assert all(x >= -(-n // (16 * w)) for x in sizes[:-1]), sizes
        assert len(b) <= max(1, 16 * w), (n, w, len(b))
        assert not b or sizes[0] == -(-n // (2 * w)) or sizes[0] == -(-n // (16 * w))
print("ok: chunks")

assert describe_lines([(3, 3)]) == "line 3"
assert describe_lines([(24, 25)]) == "lines 24-25"
assert describe_lines([(3, 4), (9, 9)]) == "lines 3-4, 9"
print("ok: lines")


# The progress line: only on a terminal, only after the first second,
# cleared at the end.
class Tty(io.StringIO):
    def isatty(self):
        return True


saved = sys.stderr
try:
    sys.stderr = io.StringIO()
    p = output.Progress(40)
    assert not p.enabled
    sys.stderr = Tty()
    p = output.Progress(40)
    p.update(3)
    assert sys.stderr.getvalue() == ""  # shorter than a second so far
    p.start -= 2
    p.update(12)
    p.clear()
    text = sys.stderr.getvalue()
finally:
    sys.stderr = saved
assert text.startswith("\r[surge] 12/40 tasks\r") and text.endswith("\r"), repr(text)
assert text.count(" " * len("[surge] 12/40 tasks")) == 1, repr(text)
print("ok: progress")
