#!/usr/bin/env bash
# Installs what is missing, then configures and builds into build/ (Ninja, RelWithDebInfo) through
# the CMake presets, so this script, an IDE and a developer typing `cmake --preset` agree.
# CI (CI=true) uses the `ci` preset: warnings are errors there, not on a developer's machine.
# Extra arguments go to the configure step, e.g. `bash scripts/build.sh -DUINTR_BUILD_APP=OFF`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
preset=default
[[ ${CI:-} == true ]] && preset=ci
# Re-running configure on an existing build/ is cheap and picks up option changes; Ninja then
# rebuilds only what changed.
cmake --preset "$preset" "$@"
cmake --build --preset "$preset" -j "$(nproc)"
