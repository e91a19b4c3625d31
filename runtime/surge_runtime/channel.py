"""Length-prefixed messages over pipes (one pipe per direction per worker).

Plain os.pipe() and os.read/os.write rather than multiprocessing.connection:
importing multiprocessing costs more than the rest of the runner's start-up,
and a frame is only an 8-byte length followed by the bytes.

The worker side blocks (send, recv). The coordinator side never does: it
writes jobs through an Outbox on a non-blocking pipe and reads results with
a Reader that takes whatever one read() returns, so a worker busy writing a
large result can never wait on a coordinator busy writing it a large job.
"""

import os
import struct

_HEADER = struct.Struct("<Q")
# os.read(fd, n) allocates n bytes before it reads: ask for what a pipe
# usually holds, or for the rest of a large message (up to a bound).
_READ_SIZE = 1 << 16
_READ_MAX = 1 << 24


def frame(data):
    return [_HEADER.pack(len(data)), memoryview(data)]


def send(fd, data):
    """Write one message, blocking until all of it is in the pipe."""
    pending = frame(data)
    while pending:
        pending = _write_some(fd, pending)


def recv(fd):
    """Read one message, blocking; None at end of file (the writer closed or
    died), even in the middle of a message."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    return _read_exactly(fd, size)


def _write_some(fd, pending):
    """Write what the pipe takes now; return what is left."""
    n = os.writev(fd, pending)
    while pending and n >= len(pending[0]):
        n -= len(pending[0])
        pending.pop(0)
    if pending and n:
        pending[0] = pending[0][n:]
    return pending


def _read_exactly(fd, size):
    first = os.read(fd, size) if size else b""
    if len(first) == size:
        return first
    if not first:
        return None
    buf = bytearray(size)
    buf[:len(first)] = first
    view = memoryview(buf)
    pos = len(first)
    while pos < size:
        n = os.readv(fd, [view[pos:]])
        if n == 0:
            return None
        pos += n
    return buf


class Outbox:
    """Messages waiting to go into a non-blocking pipe."""

    __slots__ = ("fd", "pending")

    def __init__(self, fd):
        os.set_blocking(fd, False)
        self.fd = fd
        self.pending = []

    def put(self, data):
        self.pending += frame(data)
        self.flush()

    def flush(self):
        """Write as much as the pipe takes; raises OSError if the reader is gone."""
        try:
            while self.pending:
                self.pending = _write_some(self.fd, self.pending)
        except BlockingIOError:
            pass

    def __bool__(self):
        return bool(self.pending)


class Reader:
    """Splits what arrives on a pipe into messages."""

    __slots__ = ("fd", "buf", "eof", "want")

    def __init__(self, fd):
        self.fd = fd
        self.buf = bytearray()
        self.eof = False
        self.want = _READ_SIZE

    def read(self):
        """One read() (call it when poll says the pipe is readable); return
        the messages now complete. Sets eof when the writer is gone."""
        data = os.read(self.fd, self.want)
        if not data:
            self.eof = True
            return []
        buf = self.buf
        buf += data
        messages = []
        pos = 0
        while len(buf) - pos >= _HEADER.size:
            (size,) = _HEADER.unpack_from(buf, pos)
            end = pos + _HEADER.size + size
            if len(buf) < end:
                break
            messages.append(bytes(buf[pos + _HEADER.size:end]))
            pos = end
        if pos:
            del buf[:pos]
        self.want = _READ_SIZE
        if len(buf) >= _HEADER.size:  # the rest of a large message
            (size,) = _HEADER.unpack_from(buf, 0)
            self.want = min(max(_READ_SIZE, _HEADER.size + size - len(buf)), _READ_MAX)
        return messages
