#!/usr/bin/env bash
# Rewrites the golden SVG exports (tests/golden/*.svg) from tests/golden/golden.list with the
# built uintr-sim. Run it only on purpose — after a deliberate change to the picture or to a
# scenario it draws — then look at the diff (and the pictures) before committing:
#
#   bash scripts/regen-golden.sh                 # uses build/app/cli/uintr-sim
#   UINTR_SIM=build-render/app/cli/uintr-sim bash scripts/regen-golden.sh
#
# tests/cli/tst_render.cpp compares fresh exports with these files byte for byte.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sim=${UINTR_SIM:-$root/build/app/cli/uintr-sim}
[[ -x $sim ]] || { echo "regen-golden: $sim is not built (set UINTR_SIM)" >&2; exit 2; }

cd "$root"
count=0
while read -r name scenario options; do
  [[ -z $name || $name == \#* ]] && continue
  # shellcheck disable=SC2086 # the options are words on purpose
  "$sim" render "$scenario" -o "tests/golden/$name.svg" $options
  echo "wrote tests/golden/$name.svg"
  count=$((count + 1))
done < tests/golden/golden.list
echo "regen-golden: $count file(s); review with: git diff --stat tests/golden"
