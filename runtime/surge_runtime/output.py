"""Standard output: capturing a task's, releasing it in order, the progress line."""

import io
import sys
import time


def stdout_encoding():
    """The real stdout's encoding and error handler, which every task's
    capture copies so that print() raises exactly where CPython's would
    (a character the terminal's encoding cannot hold, say)."""
    out = sys.__stdout__
    encoding = getattr(out, "encoding", None) or "utf-8"
    errors = getattr(out, "errors", None) or "strict"
    return encoding, errors


class _Bytes(io.BytesIO):
    """Keeps what was written even if the program closes sys.stdout."""

    final = None

    def close(self):
        if not self.closed:
            self.final = self.getvalue()
        super().close()


class Capture:
    """A task part's sys.stdout: text in, bytes out.

    write_through: every write reaches the bytes at once, so the output
    "up to the failure" is all there when a task raises, and writes through
    sys.stdout.buffer stay in order with print().
    """

    __slots__ = ("_bytes", "stream")

    def __init__(self, encoding, errors):
        self._bytes = _Bytes()
        self.stream = io.TextIOWrapper(self._bytes, encoding=encoding, errors=errors,
                                       write_through=True)

    def value(self):
        try:
            self.stream.flush()
        except (ValueError, OSError):
            pass
        if self._bytes.closed:
            return self._bytes.final or b""
        return self._bytes.getvalue()


class Progress:
    """`[surge] 12/40 tasks` on stderr, when stderr is a terminal and the run
    has lasted more than a second (short runs stay quiet)."""

    DELAY = 1.0
    INTERVAL = 0.1

    def __init__(self, total):
        self.total = total
        self.enabled = total > 0 and _isatty(sys.stderr)
        self.start = time.monotonic()
        self.last = 0.0
        self.width = 0

    def update(self, done):
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.DELAY or now - self.last < self.INTERVAL:
            return
        self.last = now
        text = f"\r[surge] {done}/{self.total} tasks"
        self.width = max(self.width, len(text) - 1)
        _write_err(text)

    def clear(self):
        if self.width:
            _write_err("\r" + " " * self.width + "\r")
            self.width = 0


def _isatty(stream):
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


def _write_err(text):
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (ValueError, OSError):
        pass
