#!/bin/sh
# Quick start, step 1: install what is missing, build surgec, and run it on
# the bundled example.
set -eu
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh release

echo
echo "== surgec -print-ir examples/sales_report.py"
build/bin/surgec -print-ir examples/sales_report.py
echo
echo "surgec is built: build/bin/surgec (see README.md)"
