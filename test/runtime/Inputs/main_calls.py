"""Call the runner's main() in this process, once per `# CALL:` line of a test.

    main_calls.py FOLDER < TEST

Each `# CALL: ARGS...` line runs main(ARGS, FOLDER) and prints
`$ ARGS`, what it wrote to stderr and `rc=STATUS`. A line
`# CALL: @manifest NAME` first copies FOLDER/NAME over FOLDER/manifest.json.
One Python start-up for many runs that all stop before running anything
(bad options, damaged manifests) keeps the tests fast.
"""
import contextlib
import io
import os
import shlex
import shutil
import sys

folder = os.path.abspath(sys.argv[1])
sys.path.insert(0, folder)
from surge_runtime.main import main  # noqa: E402

for line in sys.stdin:
    if not line.startswith("# CALL:"):
        continue
    args = shlex.split(line[len("# CALL:"):])
    if args[:1] == ["@manifest"]:
        shutil.copy(os.path.join(folder, args[1]), os.path.join(folder, "manifest.json"))
        continue
    print("$", shlex.join(args), flush=True)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            rc = main(args, folder)
        except SystemExit as e:
            rc = e.code
    print(err.getvalue(), end="")
    print(f"rc={rc}", flush=True)
