#!/bin/sh
# `sh assemble.sh SRC DST PYTHON`: build a runnable task folder.
# Copies the hand-written tasks.py and manifest.json (and whatever else is
# in SRC) to DST, with the runner beside them as surgec lays it out:
# runtime/__main__.py as DST/__main__.py and runtime/surge_runtime/*.py in
# DST/surge_runtime/. DST is emptied first, so every test starts clean.
# Also writes DST.python, the interpreter PYTHON stands for (see
# python-wrapper.sh): tests run `DST.python DST -j N`.
set -e
here="$(dirname "$0")"
runtime="$here/../../../runtime"
rm -rf "$2"
mkdir -p "$2/surge_runtime"
cp "$1"/* "$2"/
cp "$runtime/__main__.py" "$2/__main__.py"
cp "$runtime"/surge_runtime/*.py "$2/surge_runtime/"
sh "$here/python-wrapper.sh" "$3" "$2.python"
