#!/bin/sh
# Configures and builds one configuration of surgec.
#   scripts/build.sh [release|asan]     (default: release)
# release -> build/       warnings are errors
# asan    -> build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer
set -eu
cd "$(dirname "$0")/.."

config=${1:-release}
case "$config" in
release) dir=build; extra="" ;;
asan) dir=build-asan; extra="-DSURGE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug" ;;
*) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086
cmake -S . -B "$dir" -DSURGE_WERROR=ON $extra >/dev/null
cmake --build "$dir" -j "$(nproc)"
