#!/usr/bin/env bash
# Installs, by Debian 12 package name, everything the build, the app and the tests need, so a bare
# machine (CI's, a newcomer's) gets there with one command. Only missing packages are installed:
# a second run costs one dpkg-query per package and no network.
set -euo pipefail

pkgs=(
  # toolchain (Ninja, not make, drives the build)
  g++ cmake ninja-build git pkg-config
  # Qt 6.4 modules found by find_package(Qt6 ... Core Gui Qml Quick QuickControls2 QuickTest Svg Test)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools qt6-svg-dev
  libgl-dev libxkbcommon-dev
  # QML modules the app and tests/qml import at run time (not pulled in by the -dev packages)
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-controls qml6-module-qtquick-shapes
  qml6-module-qtquick-dialogs qml6-module-qttest
  # FileDialog's non-native implementation (Open, Save As, Export) imports Qt.labs.folderlistmodel
  qml6-module-qt-labs-folderlistmodel
  # the core's header-only libraries
  libboost-graph-dev nlohmann-json3-dev
  # xmllint, used by tests to check exported SVG; a font so offscreen renders have text
  libxml2-utils fonts-dejavu-core
)

missing=()
for p in "${pkgs[@]}"; do
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi

# root (CI, a container) runs apt directly; anyone else goes through sudo, which drops the
# environment, hence the env prefix. noninteractive: CI has no stdin to answer a debconf prompt.
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o Dpkg::Use-Pty=0)
echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
"${apt[@]}" update
"${apt[@]}" install -y --no-install-recommends "${missing[@]}"
