#!/usr/bin/env bash
# The README's second command and CI's job: build, run every CTest test, then `uintr-sim check`
# every scenario shipped in scenarios/ (each carries its own "expect" block). All of it runs even
# after a failure, so one CI log shows every problem; the exit code is non-zero if anything failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
# No display on CI: Qt's offscreen platform lets the app and QML tests run without X.
export QT_QPA_PLATFORM=offscreen

status=0
ctest --test-dir build --output-on-failure --no-tests=error -j2 || { status=1; echo "test: CTest FAILED" >&2; }

# qmllint on the app's QML (the module target) and on the Quick Tests: any warning fails.
echo "== qmllint"
if ! cmake --build build --target all_qmllint ||
   ! /usr/lib/qt6/bin/qmllint -I build/qml tests/qml/*.qml tests/qml_explorer/*.qml; then
  status=1; echo "test: qmllint FAILED" >&2
fi

sim=build/app/cli/uintr-sim
passed=0 failed=0
shopt -s nullglob
echo "== uintr-sim check scenarios/*.json"
for f in scenarios/*.json; do
  if [[ ! -x $sim ]]; then
    out="$sim was not built"
  elif out=$("$sim" check "$f" 2>&1); then
    passed=$((passed + 1)); echo "PASS $f"; continue
  fi
  failed=$((failed + 1)); echo "FAIL $f"; printf '%s\n' "$out"
done
((failed == 0)) || status=1
echo "$passed passed, $failed failed"
exit "$status"
