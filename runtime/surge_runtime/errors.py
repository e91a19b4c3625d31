"""The runner's own failures (not the program's) and their exit statuses."""

# Exit statuses, chosen to be told apart from the program's own: a program
# that fails with an exception exits 1, as under CPython.
EXIT_USAGE = 2      # bad options, damaged manifest.json or tasks.py
EXIT_RUNNER = 70    # EX_SOFTWARE: a worker died, a value could not be sent


class SurgeError(Exception):
    """A failure of the runner, reported as `surge: error: <message>`."""

    status = EXIT_RUNNER


class ManifestError(SurgeError):
    """manifest.json or tasks.py cannot be used; nothing has run yet."""

    status = EXIT_USAGE

    def __init__(self, message, where="manifest.json"):
        super().__init__(f"{where}: {message}")
