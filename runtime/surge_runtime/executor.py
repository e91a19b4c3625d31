"""Where task parts run: the interface between the scheduler and a backend.

The scheduler (scheduler.py) owns everything about order: which parts are
ready, when a commit task may start, whose output is released, which failure
wins. An executor only runs the parts it is given and reports each one's
result. The local backend (executor_local.py) runs them on forked worker
processes; the Dask backend (executor_dask.py) submits them to a cluster
with the same interface (a part's job and result are plain bytes and
tuples; see worker.py).
"""


class Executor:
    def can_take(self, small):
        """Whether a part could be submitted now. `small`: the part is
        expected to be short (estimated work below about a millisecond),
        so it may wait in a queue behind another one."""
        raise NotImplementedError

    def submit(self, unit, job, small):
        """Run `unit` (the scheduler's key for a part) with `job`, the
        pickled job tuple (see worker.py). Only called when can_take(small)."""
        raise NotImplementedError

    def busy(self):
        """How many submitted parts have not reported yet."""
        raise NotImplementedError

    def wait(self, timeout=None):
        """Block until parts finished (or timeout seconds passed); return
        [(unit, result)]. A part whose process died reports
        (DIED, b"", "<how it died>", stats); a part that never started
        because its process was lost reports None: submit it again."""
        raise NotImplementedError

    def cancel(self, should_cancel):
        """Stop every submitted part whose unit satisfies should_cancel(unit):
        they never report. Returns the units that were stopped with them
        without being cancelled (they must be submitted again)."""
        raise NotImplementedError

    def close(self, quick=False):
        """Stop everything (running parts are killed) and free the workers.
        quick: the run was interrupted (Ctrl-C, a signal): wait for nothing,
        even where that leaves a remote part running."""
        raise NotImplementedError
