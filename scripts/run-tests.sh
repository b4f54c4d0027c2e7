#!/usr/bin/env bash
# The README's second command, and exactly what CI runs: installs what the
# tests need, builds with the CI preset (warnings are errors) and runs the
# whole suite. Extra arguments go to ctest (e.g. -L unit, -R tst_locallab).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
