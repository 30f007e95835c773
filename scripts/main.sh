#!/usr/bin/env bash
# The README's first command: build, then show the default scenario. With a display the app opens
# on it; without one (CI, ssh, a container) the same scenario is rendered to files in out/.
# The CLI trace is printed either way: it needs nothing but the core, and a reviewer reads it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scenario=scenarios/seed-race.json
lab=build/app/lab/uintr-lab
sim=build/app/cli/uintr-sim

bash scripts/build.sh
[[ -f $scenario ]] || { echo "main: $scenario does not exist" >&2; exit 1; }
[[ -x $sim ]] || { echo "main: $sim was not built" >&2; exit 1; }
mkdir -p out

echo "== uintr-sim run $scenario (also in out/seed-race.trace.txt)"
"$sim" run "$scenario" | tee out/seed-race.trace.txt

if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} && -x $lab ]]; then
  echo "== opening $lab on $scenario"
  exec "$lab" "$scenario"
fi

outputs=(out/seed-race.trace.txt)
if [[ -x $lab ]]; then
  echo "== no display: uintr-lab renders $scenario offscreen"
  QT_QPA_PLATFORM=offscreen "$lab" --screenshot out/seed-race.png "$scenario"
  outputs+=(out/seed-race.png)
else
  echo "== $lab was not built (the app is coming, or UINTR_BUILD_APP=OFF): no screenshot"
fi
# Capture --help first: `--help | grep -q` could kill the CLI with SIGPIPE and fail under pipefail.
help=$("$sim" --help 2>&1 || true)
if grep -qw render <<<"$help"; then
  "$sim" render "$scenario" -o out/seed-race.svg
  outputs+=(out/seed-race.svg)
else
  echo "== uintr-sim has no 'render' subcommand yet: no SVG"
fi
echo "== outputs: ${outputs[*]}"
