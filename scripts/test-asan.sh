#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UBSan (the `asan` preset, build-asan/): core,
# CLI, app and QML tests, the fuzz smoke run and the scenario checks, every one instrumented.
# CI runs it after scripts/test.sh; a developer runs it before landing memory-touching work.
# UBSan findings are fatal (-fno-sanitize-recover); ASan aborts at the first error; leaks are
# reported except the ones listed in scripts/lsan.supp, which belong to libraries we link
# (fontconfig, Mesa, Qt's plugin loader), never to our code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
cmake --preset asan -DUINTR_WERROR=ON "$@"
cmake --build --preset asan -j "$(nproc)"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
# The app and QML tests run with the slow unwinder: Qt is built without frame pointers, so only
# full allocation stacks reach the Qt functions lsan.supp names. The rest keep the fast one
# (a full-stack run of the whole suite takes 14 min here instead of 3).
ctest --preset asan --no-tests=error -E '^(app|qml)/' ||
  { status=1; echo "test-asan: CTest (core, cli, fuzz, bench) under ASan/UBSan FAILED" >&2; }
ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0 ctest --preset asan --no-tests=error -R '^(app|qml)/' ||
  { status=1; echo "test-asan: CTest (app, qml) under ASan/UBSan FAILED" >&2; }

sim=build-asan/app/cli/uintr-sim
failed=0
shopt -s nullglob
for f in scenarios/*.json; do
  out=$("$sim" check "$f" 2>&1) || { failed=$((failed + 1)); echo "FAIL $f"; printf '%s\n' "$out"; }
done
((failed == 0)) || { status=1; echo "test-asan: $failed scenario checks FAILED under ASan/UBSan" >&2; }
echo "test-asan: $( ((status == 0)) && echo clean || echo FAILED )"
exit "$status"
