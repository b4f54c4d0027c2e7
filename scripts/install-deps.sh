#!/usr/bin/env bash
# Installs the Debian 12 packages MPM Lab needs.
#   scripts/install-deps.sh run    build and run MPM Lab
#   scripts/install-deps.sh test   build, run and test it (adds sshd, wrk, Xvfb, ...)
# Runs apt-get only when something is missing; uses sudo when not root.
set -euo pipefail

purpose=${1:-run}

build_packages=(
    build-essential cmake ninja-build pkg-config binutils
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libxkbcommon-dev libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libssh-dev qtkeychain-qt6-dev
)
run_packages=(
    apache2 apache2-utils curl procps fonts-dejavu-core
)
test_packages=(
    wrk wget openssh-server openssh-client xvfb xauth sudo
    dbus-daemon gnome-keyring libsecret-1-0
)

case "$purpose" in
    run) packages=("${build_packages[@]}" "${run_packages[@]}") ;;
    test) packages=("${build_packages[@]}" "${run_packages[@]}" "${test_packages[@]}") ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
