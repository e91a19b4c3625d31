"""The coordinator's core: what runs when, whose output is released, which failure wins.

Units. A task runs as one part, or, when its loop is split, as an ITEMS
part, one MAP part per chunk and a COMBINE part. A unit is the tuple
(task id, part number, kind, chunk index); part numbers follow stdout order
(items 0, map i at 1 + i, combine last), so comparing (task id, part number)
compares positions in program order, and heaps of units pop in that order.

Order. Output is kept per part and released by a cursor that walks the
positions in program order: it moves past a part once that part has
finished, so output streams out as soon as everything before it is out. The
cursor standing at task c also means every earlier task finished without
failing, which is exactly when a commit task may start: commit tasks are
started by the cursor, never by their dependences alone.

Failure. A failed part (an exception, SystemExit, a value that cannot be
sent, a dead worker) is kept at its position. Everything after the earliest
known failure is cancelled at once (its result can never be shown: either
this failure or an earlier one wins); everything before it keeps running.
When the cursor reaches the failure, the output before it has been
released, and the failure is reported.

A split loop's map part whose chunk raised or broke out ends the loop
there: the combine reads no later chunk, so the later map parts are
cancelled and the combine starts once the chunks up to it are in (a later
chunk may never end where CPython never runs it).
"""

import heapq
import pickle

from .errors import SurgeError
from .worker import (COMBINE, DIED, EXIT, INTERNAL, ITEMS, MAP, OK, PROTOCOL, RAISE,
                     SEND, TASK, run_job)


# What a map part cancelled by _stop_loop stands in with.
_NO_VALUES = pickle.dumps([], PROTOCOL)

# Estimated operations (the manifest's `work`) below which a task is short:
# about a millisecond of CPython, as long as a round trip to a worker.
SMALL_WORK = 20000


class Outcome:
    """How the run ends: the exit status (an int, or a SystemExit message
    printed to stderr, status 1) and what goes on stderr last."""

    def __init__(self, status, stderr="", interrupted=False):
        self.status = status
        self.stderr = stderr
        self.interrupted = interrupted  # the program raised KeyboardInterrupt


def write_all(stream, data):
    """Write all of data to a binary stream and flush. An unbuffered stream
    (python3 -u, PYTHONUNBUFFERED) is a raw FileIO whose write() may take
    only part of the data (a pipe closing half-way): loop until the rest is
    written or the next write raises."""
    view = memoryview(data)
    while view:
        n = stream.write(view)
        if n is None:  # a non-blocking stdout that is full: wait for room
            import select
            select.select([], [stream], [])
            continue
        view = view[n:]
    stream.flush()


class _Run:
    """The run-time state of one task."""

    __slots__ = ("waiting", "nparts", "outputs", "failure", "blob", "items", "chunks",
                 "map_values", "stop_at", "combine_queued", "consumers", "rng", "stats")

    def __init__(self):
        self.waiting = 0         # deps not finished yet
        self.nparts = None       # known once ITEMS has run for a split task
        self.outputs = {}        # part number -> stdout bytes not yet released
        self.failure = None      # (part number, result)
        self.blob = None         # pickled values it sends
        self.items = None        # split: pickled items list
        self.chunks = None       # split: pickled chunks
        self.map_values = None   # split: pickled map results, in chunk order
        self.stop_at = None      # split: the first chunk known to end the loop
        self.combine_queued = False
        self.rng = None          # `random` state after it ran ("random" effect)
        self.consumers = 0       # tasks receiving from it that are not done
        self.stats = []          # per part: (wall, peak, estimates)


class Scheduler:
    def __init__(self, ctx, executor, progress, stdout):
        self.ctx = ctx
        self.tasks = ctx.manifest.tasks
        self.executor = executor
        self.progress = progress
        self.stdout = stdout  # the real stdout's binary buffer
        n = len(self.tasks)
        self.runs = [_Run() for _ in range(n)]
        self.dependents = [[] for _ in range(n)]
        self.rng_prev = [-1] * n
        last_random = -1
        for t in self.tasks:
            deps = set(t.deps)
            # The `random` module's state is carried from one task that uses
            # it to the next, as one process would: the next one waits for it.
            if "random" in t.effects:
                if last_random >= 0:
                    deps.add(last_random)
                    self.rng_prev[t.id] = last_random
                last_random = t.id
            self.runs[t.id].waiting = len(deps)
            for d in deps:
                self.dependents[d].append(t.id)
            if not t.split:
                self.runs[t.id].nparts = 1
        # A producer's blob is dropped once every task receiving from it is done.
        for t in self.tasks:
            for src in t.producers:
                self.runs[src].consumers += 1
        # Short tasks may queue behind another on a busy worker.
        self.small = [isinstance(t.work, (int, float)) and t.work <= SMALL_WORK for t in self.tasks]
        self.ready = []        # heap of units for the executor
        self.ready_main = []   # heap of units run in this process
        self.fail_pos = None   # (task id, part number) of the earliest known failure
        self.cursor = (0, 0)
        self.done_count = 0
        self.outcome = None

    # -- the loop --

    def run(self):
        """Run the program; return its Outcome."""
        for t in self.tasks:
            if self.runs[t.id].waiting == 0 and not t.commit:
                self._push_first(t.id)
        if self.tasks and self.tasks[0].commit:
            self._push_first(0)  # the cursor starts on it
        self._release()
        timeout = 0.1 if self.progress.enabled else None
        while self.outcome is None:
            self._dispatch()
            if self.outcome is not None:
                break
            self.progress.update(self.done_count)
            if self.executor.busy() == 0:
                if self.ready or self.ready_main:
                    continue
                raise SurgeError("internal error: no task can run, but the program is not finished")
            for unit, result in self.executor.wait(timeout):
                if result is None:
                    self._push(unit)  # its worker was lost before it started
                else:
                    self._finished(unit, result)
            self._release()
        return self.outcome

    def _dispatch(self):
        """Start ready units in program order: executor units while it takes
        them, then one `main` unit here (which blocks, so the executor gets
        its share first)."""
        while self.outcome is None:
            ready = self.ready
            while ready:
                unit = ready[0]
                if self._cancelled(unit):
                    heapq.heappop(ready)
                    continue
                small = self.small[unit[0]] and unit[2] == TASK
                if not self.executor.can_take(small):
                    break
                heapq.heappop(ready)
                self.executor.submit(unit, pickle.dumps(self._job(unit), PROTOCOL), small)
            if not self.ready_main:
                return
            unit = heapq.heappop(self.ready_main)
            if not self._cancelled(unit):
                result = run_job(self.ctx, self._job(unit), in_process=True)
                self._finished(unit, result)
                self._release()

    def _cancelled(self, unit):
        if self.fail_pos is not None and unit[:2] > self.fail_pos:
            return True
        stop = self.runs[unit[0]].stop_at if unit[2] == MAP else None
        return stop is not None and unit[3] > stop

    def _job(self, unit):
        tid, part, kind, index = unit
        task = self.tasks[tid]
        run = self.runs[tid]
        blobs = {src: self.runs[src].blob for src in task.producers}
        extra = None
        if kind == MAP:
            extra = run.chunks[index]
        elif kind == COMBINE:
            extra = (run.items, run.map_values)
        rng = None
        if kind in (TASK, ITEMS) and self.rng_prev[tid] >= 0:
            rng = self.runs[self.rng_prev[tid]].rng
        estimate = self.ctx.profile and kind in (TASK, ITEMS)
        return (tid, kind, index, blobs, extra, rng, estimate)

    def _push(self, unit):
        heapq.heappush(self.ready_main if self.tasks[unit[0]].main else self.ready, unit)

    def _push_first(self, tid):
        self._push((tid, 0, ITEMS if self.tasks[tid].split else TASK, 0))

    # -- results --

    def _finished(self, unit, result):
        tid, part, kind, index = unit
        if self._cancelled(unit):
            return  # finished just before it was cancelled: never shown
        status, out, value, stats = result
        run = self.runs[tid]
        run.stats.append(stats[:3])
        if status != OK:
            run.outputs[part] = out
            run.failure = (part, result)
            pos = (tid, part)
            if self.fail_pos is None or pos < self.fail_pos:
                self.fail_pos = pos
                for again in self.executor.cancel(lambda u: u[:2] > pos):
                    self._push(again)
            return
        run.outputs[part] = out
        if kind == ITEMS:
            run.items, run.chunks = value
            k = len(run.chunks)
            run.nparts = k + 2
            run.map_values = [None] * k
            for i in range(k):
                self._push((tid, 1 + i, MAP, i))
            self._maybe_combine(tid)
        elif kind == MAP:
            stops, run.map_values[index] = value
            if stops and (run.stop_at is None or index < run.stop_at):
                self._stop_loop(tid, index)
            self._maybe_combine(tid)
        else:
            run.blob = value
            run.rng = stats[3]
            self._task_done(tid)

    def _stop_loop(self, tid, index):
        """Chunk `index` ends the loop: the map parts after it are not
        needed. Cancel them (killing a worker that runs one) and stand in
        for their values and output: an empty list, which the combine
        never reads past a chunk that ended the loop."""
        run = self.runs[tid]
        run.stop_at = index
        for again in self.executor.cancel(
                lambda u: u[0] == tid and u[2] == MAP and u[3] > index):
            self._push(again)
        for i in range(index + 1, len(run.map_values)):
            if run.map_values[i] is None:
                run.map_values[i] = _NO_VALUES
                run.outputs[1 + i] = b""

    def _maybe_combine(self, tid):
        """Queue the combine once every chunk it reads is in."""
        run = self.runs[tid]
        if run.combine_queued or any(v is None for v in run.map_values):
            return
        run.combine_queued = True
        self._push((tid, run.nparts - 1, COMBINE, 0))

    def _task_done(self, tid):
        run = self.runs[tid]
        run.items = run.chunks = run.map_values = None
        self.done_count += 1
        for d in self.dependents[tid]:
            dep_run = self.runs[d]
            dep_run.waiting -= 1
            if dep_run.waiting == 0 and not self.tasks[d].commit:
                self._push_first(d)
        for src in self.tasks[tid].producers:
            src_run = self.runs[src]
            src_run.consumers -= 1
            if src_run.consumers == 0:
                src_run.blob = None

    # -- output --

    def _release(self):
        """Write out every part's output that is next in program order."""
        n = len(self.tasks)
        tid, part = self.cursor
        pieces = []
        while tid < n and self.outcome is None:
            run = self.runs[tid]
            if part not in run.outputs:
                break
            pieces.append(run.outputs.pop(part))
            if run.failure is not None and run.failure[0] == part:
                self._write(pieces)
                self.outcome = self._failure_outcome(tid, run.failure[1])
                return
            part += 1
            if part == run.nparts:
                tid, part = tid + 1, 0
                if tid < n and self.tasks[tid].commit:
                    self._push_first(tid)  # dropped by _dispatch if cancelled
        self.cursor = (tid, part)
        self._write(pieces)
        if tid == n and self.outcome is None:
            self.outcome = Outcome(0)

    def _write(self, pieces):
        data = b"".join(pieces)
        if data and self.stdout is not None:
            write_all(self.stdout, data)

    def _failure_outcome(self, tid, result):
        status, _, value, _ = result
        label = self.tasks[tid].label
        if status == RAISE:
            text, interrupted = value
            return Outcome(1, text, interrupted)
        if status == EXIT:
            if isinstance(value, int):
                return Outcome(value)
            return Outcome(1, value + "\n")
        if status == DIED:
            return Outcome(70, "surge: error: a worker process died while running "
                               f"{label}: {value}\n")
        if status in (SEND, INTERNAL):
            return Outcome(70, f"surge: error: {label}: {value}\n")
        return Outcome(70, f"surge: error: {label}: unknown result {status!r}\n")

