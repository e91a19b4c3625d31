"""The --profile table: estimates from the manifest next to what was measured."""

from .formulas import evaluate
from .manifest import describe_lines

_HEADER = ("task", "lines", "parts", "est. work", "wall ms", "est. memory", "peak memory")
# Text columns left-aligned, numbers right-aligned.
_LEFT = {0: False, 1: True}


def format_profile(tasks, stats_of, workers, wall):
    """stats_of(task id) -> [(wall s, peak bytes or None, (work, memory) or None)]
    for each part that ran. Tasks that never ran show '-' for what was measured."""
    rows = [_HEADER]
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
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADER))]
    lines = [f"surge profile: {len(tasks)} tasks, -j {workers}, {wall:.3f} s wall"]
    for r in rows:
        cells = [c.ljust(w) if _LEFT.get(i) else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _bytes(n):
    if n < 0:
        return f"{n} B"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"
