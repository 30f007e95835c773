#!/usr/bin/env bash
# Retakes the app's pictures in docs/ from the built app, offscreen, with the options each was
# taken with, so that a picture can be checked against the code that drew it (and retaken after
# a change to what it shows). Open each PNG and look at it before committing.
#
#   bash scripts/docs-screenshots.sh            # uses build/app/lab/uintr-lab
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lab=${UINTR_LAB:-$root/build/app/lab/uintr-lab}
[[ -x $lab ]] || { echo "docs-screenshots: $lab is not built (set UINTR_LAB)" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen
cd "$root/docs"

shot() { # OUT.png OPTIONS…: the default scenario (the seed race) unless the options name one
  local out=$1; shift
  "$lab" "$@" --screenshot "$out" 2>/dev/null
  echo "wrote docs/$out"
}
small=(--width 1366 --height 768)
shot screenshot.png --why spurious_notification
shot scale2-1366.png "${small[@]}" --scale 2 --why spurious_notification
shot predict-1366.png "${small[@]}" --predict
shot predict-1366-scale2.png "${small[@]}" --scale 2 --predict
shot presenter-1366.png "${small[@]}" --presenter --at 1150 # and presenter-1366-audience.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$lab" "${small[@]}" --scale 2 --presenter --predict --screenshot "$tmp/p.png" 2>/dev/null
cp "$tmp/p-audience.png" presenter-1366-scale2-audience.png
echo "wrote docs/presenter-1366-scale2-audience.png"
