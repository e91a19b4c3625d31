"""The --profile table: estimates from the manifest next to what was measured."""

from .formulas import evaluate
from .manifest import describe_lines

_HEADER = ("task", "lines", "parts", "est. work", "wall ms", "est. memory", "peak memory")
# Text columns left-aligned, numbers right-aligned.
_LEFT = {0: False, 1: True}


def format_profile(tasks, stats_of, workers, wall, where=None, placement=None,
                   describe_workers=None):
    """stats_of(task id) -> [(wall s, peak bytes or None, (work, memory) or None)]
    for each part that ran. Tasks that never ran show '-' for what was measured.

    For a run on a cluster, `where` names it, `placement` maps a task id to
    [(part, worker address, wall s)] and describe_workers() lists the
    workers [(address, MEMORY or None)]: the table gets a `workers` column
    (numbers into the list of workers printed below it)."""
    numbers = {}
    if placement is not None:
        known = describe_workers() if describe_workers else []
        for addr, _ in known:
            numbers[addr] = len(numbers) + 1
        for runs in placement.values():
            for _, addr, _ in runs:
                numbers.setdefault(addr, len(numbers) + 1)
    rows = [_HEADER + (("workers",) if placement is not None else ())]
    for t in tasks:
        stats = stats_of(t.id)
        estimates = next((s[2] for s in stats if s[2] is not None), None)
        if estimates is None:  # did not run (or ran without --profile data)
            estimates = (evaluate(t.work), evaluate(t.memory))
        work, memory = estimates
        peaks = [s[1] for s in stats if s[1] is not None]
        rows.append((
            str(t.id),
            describe_lines(t.lines).split(" ", 1)[1] if t.lines else "?",
            str(len(stats)) if stats else "-",
            "?" if work is None else str(work),
            f"{sum(s[0] for s in stats) * 1000:.1f}" if stats else "-",
            "?" if memory is None else _bytes(memory),
            _bytes(max(peaks)) if peaks else "-",
        ) + ((_workers_of(placement.get(t.id), numbers),) if placement is not None else ()))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"surge profile: {len(tasks)} tasks, {where or f'-j {workers}'}, {wall:.3f} s wall"]
    for r in rows:
        cells = [c.ljust(w) if _LEFT.get(i) else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    if placement is not None:
        lines += _worker_lines(placement, numbers, describe_workers() if describe_workers else [])
    return "\n".join(lines) + "\n"


def _workers_of(runs, numbers):
    """'1,2': the workers a task's parts ran on; '-' if it ran on none
    (it never ran, or it ran in the runner's own process)."""
    if not runs:
        return "-"
    return ",".join(str(n) for n in sorted({numbers[addr] for _, addr, _ in runs}))


def _worker_lines(placement, numbers, known):
    """One line per worker: what it declared and what it ran."""
    memory = dict(known)
    parts = {addr: 0 for addr in numbers}
    busy = {addr: 0.0 for addr in numbers}
    for runs in placement.values():
        for _, addr, wall in runs:
            parts[addr] += 1
            busy[addr] += wall
    lines = []
    for addr, n in sorted(numbers.items(), key=lambda item: item[1]):
        declared = memory.get(addr)
        mem = "no MEMORY" if declared is None else f"MEMORY {_bytes(declared)}"
        left = "" if addr in memory else ", joined during the run"
        lines.append(f"worker {n}: {addr} ({mem}{left}): {parts[addr]} parts, "
                     f"{busy[addr] * 1000:.1f} ms")
    return lines


def _bytes(n):
    if n < 0:
        return f"{n} B"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"
