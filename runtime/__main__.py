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

# The runner's own bytecode is cached beside it even when the user's
# environment says not to write bytecode (PYTHONDONTWRITEBYTECODE): it is
# surgec's code in surgec's folder, and compiling it again on every run
# would cost each run some 20 ms. The user's setting is back in force before
# any of the program's code is imported.
_keep = sys.dont_write_bytecode
sys.dont_write_bytecode = False
try:
    from surge_runtime.main import main  # noqa: E402
    from surge_runtime import worker, scheduler, executor_local, support  # noqa: E402,F401
finally:
    sys.dont_write_bytecode = _keep

sys.exit(main(sys.argv[1:], _here))
