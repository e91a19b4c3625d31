"""The local backend: task parts run on forked worker processes of this machine.

Workers are forked from the coordinator after tasks.py is imported and the
manifest loaded, so they start in about a millisecond with everything in
place (fork is why the runner needs a POSIX system). They are forked on
demand, up to -j of them: a program of two tasks never pays for more.

Each worker has its own pair of pipes and a queue of parts, run in order:
the first is running, the others wait in its pipe. Only short parts are
queued behind another (a queue hides the round trip to the coordinator
between tiny tasks, and a short part delays nothing much); anything else
goes to an idle worker. The coordinator always knows what each worker runs:
a worker that dies (killed, os._exit, a crash) shows up as end-of-file on its
pipe, its exit status says how, and the head of its queue is the part that
killed it.
"""

import os
import pickle
import select
import signal
import sys
import time
from collections import deque

from . import channel
from .executor import Executor
from .support import watch_parent
from .worker import DIED, serve

# How many parts a worker holds at most: one running, the others queued.
QUEUE_DEPTH = 4

_IN = select.POLLIN | select.POLLHUP | select.POLLERR


class _Worker:
    __slots__ = ("pid", "reader", "outbox", "units")

    def __init__(self, pid, rfd, wfd):
        self.pid = pid
        self.reader = channel.Reader(rfd)   # results from the worker
        self.outbox = channel.Outbox(wfd)   # jobs to the worker
        self.units = deque()                # submitted, not yet reported


class LocalExecutor(Executor):
    def __init__(self, ctx, workers):
        self.ctx = ctx
        self.limit = workers
        self.workers = []
        self.by_fd = {}
        self.poller = select.poll()
        self.pending = 0
        # Workers die with the coordinator, even one busy in an endless loop
        # (support.watch_parent): only this process holds the write end.
        self.lifeline = os.pipe()

    # -- the Executor interface --

    def can_take(self, small):
        if len(self.workers) < self.limit:
            return True
        for w in self.workers:
            if not w.units or (small and len(w.units) < QUEUE_DEPTH):
                return True
        return False

    def busy(self):
        return self.pending

    def submit(self, unit, job, small):
        w = self._choose(small)
        w.units.append(unit)
        self.pending += 1
        try:
            w.outbox.put(job)
        except OSError:
            pass  # it died: wait() sees its end-of-file and reports
        self._watch_output(w)

    def wait(self, timeout=None):
        ms = None if timeout is None else max(0, int(timeout * 1000))
        done = []
        for fd, event in self.poller.poll(ms):
            w = self.by_fd.get(fd)
            if w is None:
                continue
            if fd == w.outbox.fd:
                try:
                    w.outbox.flush()
                except OSError:
                    pass  # its end-of-file follows on the other pipe
                self._watch_output(w)
                continue
            for data in w.reader.read():
                unit = w.units.popleft()
                self.pending -= 1
                done.append((unit, pickle.loads(data)))
            if w.reader.eof:
                how = self._reap(w, kill=False)
                if w.units:
                    self.pending -= len(w.units)
                    dead = w.units.popleft()
                    done.append((dead, (DIED, b"", how, (0.0, None, None, None))))
                    done.extend((u, None) for u in w.units)
        return done

    def cancel(self, should_cancel):
        again = []
        for w in list(self.workers):
            if any(should_cancel(u) for u in w.units):
                self.pending -= len(w.units)
                again.extend(u for u in w.units if not should_cancel(u))
                self._reap(w, kill=True)
        return again

    def close(self, quick=False):
        # Idle workers would exit on end-of-file too; killing them is as
        # clean (they hold nothing unwritten) and never waits.
        for w in list(self.workers):
            self._reap(w, kill=True)
        self.pending = 0

    # -- workers --

    def _choose(self, small):
        """An idle worker, else a new one, else (for a small part) the
        worker with the shortest queue."""
        for w in self.workers:
            if not w.units:
                return w
        if len(self.workers) < self.limit:
            return self._spawn()
        return min(self.workers, key=lambda w: len(w.units))

    def _watch_output(self, w):
        fd = w.outbox.fd
        if w.outbox:
            if fd not in self.by_fd:
                self.by_fd[fd] = w
                self.poller.register(fd, select.POLLOUT)
        elif fd in self.by_fd:
            del self.by_fd[fd]
            self.poller.unregister(fd)

    def _spawn(self):
        # Anything still in the coordinator's buffers would be written twice.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, ValueError, OSError):
                pass
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                os.close(job_w)
                os.close(res_r)
                # Other workers' pipes: a copy held here would hide their
                # end-of-file from them when the coordinator goes away.
                for other in self.workers:
                    os.close(other.reader.fd)
                    os.close(other.outbox.fd)
                os.close(self.lifeline[1])
                watch_parent(self.lifeline[0])
                _setup_child(self.ctx)
                serve(self.ctx, job_r, res_w)
            except BaseException:
                status = 70
            finally:
                os._exit(status)
        os.close(job_r)
        os.close(res_w)
        w = _Worker(pid, res_r, job_w)
        self.workers.append(w)
        self.by_fd[res_r] = w
        self.poller.register(res_r, _IN)
        return w

    def _reap(self, w, kill):
        """Forget worker w; return how it ended ('exit code 3', 'signal 9 (SIGKILL)')."""
        if kill:
            os.kill(w.pid, signal.SIGKILL)  # a zombie until reaped: never ESRCH
            status = os.waitpid(w.pid, 0)[1]
        else:
            status = _wait_for(w.pid)
        for fd in (w.reader.fd, w.outbox.fd):
            if self.by_fd.pop(fd, None) is not None:
                self.poller.unregister(fd)
            os.close(fd)
        self.workers.remove(w)
        return _describe(status)


def _setup_child(ctx):
    # Ctrl-C reaches the whole process group: only the coordinator acts on
    # it (it kills the workers), so a worker never dies half-way through
    # writing a result the coordinator is reading.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    # Reading stdin is for `main` tasks in the coordinator; a worker must
    # not take input away from it.
    try:
        fd = os.open(os.devnull, os.O_RDONLY)
        os.dup2(fd, 0)
        os.close(fd)
        sys.stdin = open(0, closefd=False, encoding="utf-8")
    except OSError:
        pass
    if ctx.profile:
        import tracemalloc
        tracemalloc.start()


def _wait_for(pid):
    """The wait status of pid. End-of-file on its pipe means it is exiting;
    if it is still alive after a moment (it closed the pipe itself), kill it."""
    deadline = time.monotonic() + 2.0
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            return os.waitpid(pid, 0)[1]
        time.sleep(0.001)


def _describe(status):
    code = os.waitstatus_to_exitcode(status)
    if code >= 0:
        return f"exit code {code}"
    try:
        return f"signal {-code} ({signal.Signals(-code).name})"
    except ValueError:
        return f"signal {-code}"
