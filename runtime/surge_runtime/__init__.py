"""surge_runtime: runs a task folder written by `surgec -emit-tasks`.

surgec copies every .py file of this package into the folder it writes, so
the program runs with plain CPython 3.11 and nothing installed. See
docs/runtime.md for the folder format and the runner's behaviour.
"""

__version__ = "0.1.0"
