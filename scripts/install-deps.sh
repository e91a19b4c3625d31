#!/bin/sh
# Installs the Debian packages surgec needs to build and test, when missing.
# Safe to run repeatedly; a no-op on a machine that already has them.
set -eu

PACKAGES="cmake make gcc re2c bison python3 llvm-14-tools llvm-14-dev python3-distributed python3-matplotlib"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "install-deps: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
