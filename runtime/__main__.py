# Entry point of a task folder written by surgec: `python3 DIR [-j N] ...`.
# Copied verbatim from surge's runtime/__main__.py; the runner itself is the
# surge_runtime package beside this file.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
# First on the path, by its absolute name: `python3 DIR` already adds DIR,
# but perhaps as a relative path, and the runner trims its own frames from
# tracebacks by absolute file name.
if sys.path[:1] != [_here]:
    sys.path.insert(0, _here)

from surge_runtime.main import main  # noqa: E402

sys.exit(main(sys.argv[1:], _here))
