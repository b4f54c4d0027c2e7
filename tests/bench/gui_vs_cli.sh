#!/usr/bin/env bash
# The load engine with the live dashboard showing, beside the same campaign
# from mpmlab-cli: requests/s per MPM, pair by pair on one lab, and their
# ratio (the window's goal: >= 0.9). A benchmark, not a test: read the
# figures, on a quiet machine when there is one, with a Release build.
#
# Usage: tests/bench/gui_vs_cli.sh [build directory]   (default build/release-tests)
# Environment: BENCH_PAIRS (default 3), BENCH_SCENARIO (default keep-alive),
#              BENCH_SCALE (default 0.5).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release-tests}
cli=$build/app/cli/mpmlab-cli
gui=$build/app/gui/mpmlab
pairs=${BENCH_PAIRS:-3}
scenario=${BENCH_SCENARIO:-keep-alive}
scale=${BENCH_SCALE:-0.5}
for tool in "$cli" "$gui" python3; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 4; }
done

work=$(mktemp -d)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
    "$cli" lab stop --port "$port" --lab-dir "$work/lab" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"$cli" lab start --port "$port" --lab-dir "$work/lab" > /dev/null 2>&1

echo "== $(nproc) cores; scenario $scenario at scale $scale, $pairs pairs"
for pair in $(seq 1 "$pairs"); do
    "$cli" campaign --scenario "$scenario" --scale "$scale" -q --lab-dir "$work/lab" \
        --out "$work/cli-$pair" > /dev/null 2>&1
    # The window keeps its campaign under XDG_DATA_HOME; offscreen, the
    # dashboard is drawn as on a screen.
    XDG_DATA_HOME=$work/gui-$pair QT_QPA_PLATFORM=offscreen "$gui" --lab-dir "$work/lab" \
        --scenario "$scenario" --scale "$scale" --run \
        --screenshot "$work/gui-$pair.png" > /dev/null 2>&1
done

python3 - "$work" "$pairs" << 'EOF'
import glob, json, statistics, sys
work, pairs = sys.argv[1], int(sys.argv[2])
def rates(path):
    campaign = json.load(open(path))
    return {run["mpm"]: run["summary"]["requestsPerSecond"] for run in campaign["runs"]}
cli = [rates(f"{work}/cli-{p}/campaign.json") for p in range(1, pairs + 1)]
gui = [rates(glob.glob(f"{work}/gui-{p}/mpmlab/campaigns/*.json")[0]) for p in range(1, pairs + 1)]
print(f"{'MPM':8} {'CLI req/s':>24} {'window req/s':>24} {'ratios':>20} {'median':>7}")
for mpm in cli[0]:
    c = [r[mpm] for r in cli]
    g = [r[mpm] for r in gui]
    ratios = [gg / cc for gg, cc in zip(g, c) if cc > 0]
    fmt = lambda xs: ", ".join(f"{x:,.0f}" for x in xs)
    print(f"{mpm:8} {fmt(c):>24} {fmt(g):>24} {', '.join(f'{r:.2f}' for r in ratios):>20}"
          f" {statistics.median(ratios):7.2f}")
EOF
