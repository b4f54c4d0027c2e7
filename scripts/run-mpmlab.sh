#!/usr/bin/env bash
# The README's first command: installs what MPM Lab needs, builds it and
# opens the window on the local lab (a private Apache on 127.0.0.1).
# Extra arguments go to mpmlab (e.g. --lang fr, --port 18090).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh run
cmake --preset release
cmake --build --preset release

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run-mpmlab: no display (DISPLAY is unset). Run this from a desktop session," >&2
    echo "or try it headless: xvfb-run -a $0" >&2
    exit 1
fi
exec build/release/app/gui/mpmlab --start-lab "$@"
