#!/bin/sh
# `sh python-wrapper.sh PYTHON OUT`: write OUT, an executable that runs the
# interpreter PYTHON stands for. lit's %python may be a launcher such as a
# pyenv shim, which costs about 0.2 s per start; asking it once for
# sys.executable keeps a test's many runs fast.
set -e
real="$("$1" -c 'import sys; print(sys.executable)')"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$real" > "$2"
chmod +x "$2"
