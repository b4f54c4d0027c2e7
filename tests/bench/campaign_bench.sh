#!/usr/bin/env bash
# How long campaigns take on the local lab, switching included: each
# built-in scenario at full scale on the three MPMs, one by one, then all
# of them in one command. Goals: one scenario under 45 s, all under 6 minutes.
# A benchmark, not a test: prints figures. Loopback only.
#
# Usage: tests/bench/campaign_bench.sh [path/to/mpmlab-cli]   (default build/release/app/cli/mpmlab-cli)
# Environment: BENCH_SCALE (default 1).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-${MPMLAB_CLI:-$here/../../build/release/app/cli/mpmlab-cli}}
scale=${BENCH_SCALE:-1}
command -v "$cli" > /dev/null || { echo "missing: $cli" >&2; exit 4; }

work=$(mktemp -d)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
    "$cli" lab stop --lab-dir "$work/lab" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"$cli" lab start --port "$port" --lab-dir "$work/lab" > /dev/null 2>&1

echo "== $(nproc) cores; scale $scale; local lab on port $port"
printf '%-22s %10s %s\n' scenario seconds result
start_all=$(date +%s%N)
for id in $("$cli" scenarios --json | python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)))'); do
    start=$(date +%s%N)
    status=0
    "$cli" campaign --scenario "$id" --scale "$scale" -q --lab-dir "$work/lab" \
        --out "$work/$id" > /dev/null 2>&1 || status=$?
    printf '%-22s %10.1f exit %d\n' "$id" "$(( ($(date +%s%N) - start) / 1000000 ))e-3" "$status"
done
printf '%-22s %10.1f\n' "all, one by one" "$(( ($(date +%s%N) - start_all) / 1000000 ))e-3"
start=$(date +%s%N)
status=0
"$cli" campaign --scenario all --scale "$scale" -q --lab-dir "$work/lab" --out "$work/all" \
    > /dev/null 2>&1 || status=$?
printf '%-22s %10.1f exit %d\n' "--scenario all" "$(( ($(date +%s%N) - start) / 1000000 ))e-3" "$status"
