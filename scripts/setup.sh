#!/bin/sh
# Quick start, step 1: install what is missing, build surgec, and run the
# main job on the bundled example: compile examples/primes.py into a task
# program, run it on all cores, and compare its speed and output with
# CPython running the original, side by side.
set -eu
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh release

echo
echo "== build/bin/surgec -emit-tasks examples/primes.py -o build/primes.tasks"
build/bin/surgec -emit-tasks examples/primes.py -o build/primes.tasks
echo "== python3 build/primes.tasks"
python3 build/primes.tasks
echo
echo "== speed against python3 examples/primes.py (best of 3 runs each)"
python3 bench/speedup.py --surgec build/bin/surgec --workloads examples -j "$(nproc)" \
    --repeat 3 examples/primes.py
echo
echo "surgec is built: build/bin/surgec (see README.md)"
