# lit configuration for surgec. Test files are Python programs (.py) or
# shell-ish scripts (.test) whose `RUN:` lines lit runs and FileCheck checks.
import os

import lit.formats

config.name = "surgec"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".py", ".test"]
# Helper scripts and inputs are not tests.
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs", "fuzz_frontend.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.surge_obj_root, "test")

# %surge-parcopy (the parallel-copy tool, next to surgec) first: lit
# substitutes in order, so no shorter substitution may come before one it
# is a prefix of (none is of this one today).
config.substitutions.append(("%surge-parcopy",
                             os.path.join(os.path.dirname(config.surgec), "surge-parcopy")))

# %surgec_dir first: lit substitutes in order, and %surgec is its prefix.
config.substitutions.append(("%surgec_dir", os.path.dirname(config.surgec)))
config.substitutions.append(("%surgec", config.surgec))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%workloads", config.workloads_dir))
config.substitutions.append(("%examples", os.path.join(config.surge_src_root, "examples")))
config.substitutions.append(("%bench", os.path.join(config.surge_src_root, "bench")))

# FileCheck, not and count come from LLVM's tools folder.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Colours and terminal checks must not change what tests see.
config.environment["NO_COLOR"] = "1"

if os.path.isdir(config.workloads_dir):
    config.available_features.add("workloads")
if config.sanitized:
    config.available_features.add("asan")
    # Any sanitizer report fails the test: leaks included.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:exitcode=99"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1:exitcode=99"
