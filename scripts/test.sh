#!/bin/sh
# Quick start, step 2: the whole test suite, in both configurations.
#   scripts/test.sh            release build, then the ASan+UBSan build
#   scripts/test.sh --fast     release build only
# Ends with one line "surge tests: N passed, N failed".
set -u
cd "$(dirname "$0")/.."

scripts/install-deps.sh || exit 1

configs="release asan"
[ "${1:-}" = "--fast" ] && configs="release"

LIT=/usr/lib/llvm-14/build/utils/lit/lit.py
passed=0
failed=0
status=0
for config in $configs; do
    dir=build
    [ "$config" = asan ] && dir=build-asan
    echo "== building ($config)"
    if ! scripts/build.sh "$config"; then
        echo "== build failed ($config)"
        failed=$((failed + 1))
        status=1
        continue
    fi
    echo "== testing ($config)"
    log=$(mktemp)
    # Shown as it runs, kept to count; the exit status goes through a file
    # because a pipeline's status is tee's.
    { python3 "$LIT" -v -j "$(nproc)" "$dir/test" 2>&1; echo $? >"$log.rc"; } | tee "$log"
    rc=$(cat "$log.rc")
    rm -f "$log.rc"
    # lit 14 reads "  Passed: N" and "  Failed: N" at the end.
    p=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    f=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log")
    rm -f "$log"
    passed=$((passed + ${p:-0}))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ] || [ "${p:-0}" -eq 0 ]; then
        status=1
        [ "$f" -eq 0 ] && failed=$((failed + 1))
    fi
done

echo "surge tests: $passed passed, $failed failed"
exit $status
