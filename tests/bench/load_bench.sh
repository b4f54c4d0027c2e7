#!/usr/bin/env bash
# MPM Lab's load engine beside wrk and ab, on this machine, loopback only.
# Prints each figure and the ratios the load-engine issue asks for. A
# benchmark, not a test: nothing here fails on a slow machine; read the
# figures (and run it on a quiet machine, with a Release build).
#
# Usage: tests/bench/load_bench.sh [path/to/mpmlab-cli]
#   default: build/release/app/cli/mpmlab-cli, then $MPMLAB_CLI
# Environment: BENCH_SECONDS (default 10) per timed run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-${MPMLAB_CLI:-$here/../../build/release/app/cli/mpmlab-cli}}
seconds=${BENCH_SECONDS:-10}
for tool in "$cli" wrk ab /usr/bin/time python3; do
    command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 4; }
done

work=$(mktemp -d)
chmod 755 "$work"
lab_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
hold_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
hold_pid=
cleanup() {
    [ -n "$hold_pid" ] && kill "$hold_pid" 2> /dev/null && wait "$hold_pid" 2> /dev/null || true
    "$cli" lab stop --port "$lab_port" --lab-dir "$work/lab" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(uname -r); client: $cli"
"$cli" lab start --port "$lab_port" --lab-dir "$work/lab" > /dev/null 2>&1
"$cli" lab set-mpm event --port "$lab_port" --lab-dir "$work/lab" > /dev/null 2>&1
url="http://127.0.0.1:$lab_port/test.html"
echo "== target: Apache event (Debian defaults) at $url ($(stat -c %s "$work/lab/htdocs/test.html") bytes)"

# timed LOG COMMAND...: runs COMMAND with /usr/bin/time; LOG gets its output,
# LOG.time "elapsed user system maxrss_kb".
timed() {
    local log=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$log.time" "$@" > "$log" 2>&1 || true
}
field() { awk -v n="$2" '{print $n}' "$1.time"; }
cpu() { awk '{printf "%.2f", $2 + $3}' "$1.time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mpm_value() { grep -m1 "^$2" "$1" | awk -F: '{print $2}' | awk '{print $1}'; }

# per_cpu DONE CPU: requests per client CPU-second.
per_cpu() { awk -v n="$1" -v c="$2" 'BEGIN { if (c > 0) printf "%.0f", n / c; else print "n/a" }'; }

# versus_wrk C: mpmlab and wrk -t1, one thread each, keep-alive, C connections.
versus_wrk() {
    local c=$1
    echo
    echo "== 1. keep-alive, 1 thread, c=$c, ${seconds}s: mpmlab vs wrk -t1"
    timed "$work/m1-$c" "$cli" load -q -k -c "$c" --threads 1 -t "$seconds" "$url"
    timed "$work/w1-$c" wrk -t1 -c"$c" -d"${seconds}s" "$url"
    local m_rps m_done w_rps w_done m_cpu w_cpu
    m_rps=$(mpm_value "$work/m1-$c" "Requests per second")
    m_done=$(mpm_value "$work/m1-$c" "Complete requests")
    w_rps=$(grep "Requests/sec" "$work/w1-$c" | awk '{print $2}')
    w_done=$(grep "requests in" "$work/w1-$c" | awk '{print $1}')
    m_cpu=$(cpu "$work/m1-$c")
    w_cpu=$(cpu "$work/w1-$c")
    echo "mpmlab: $m_rps req/s, $m_done requests, CPU $m_cpu s = $(per_cpu "$m_done" "$m_cpu") requests per client CPU-second, failed $(mpm_value "$work/m1-$c" "Failed requests"), kept-alive closes $(grep -m1 '^Keep-alive closed' "$work/m1-$c" | awk '{print $5}')"
    echo "wrk:    $w_rps req/s, $w_done requests, CPU $w_cpu s = $(per_cpu "$w_done" "$w_cpu") requests per client CPU-second, $(grep -h "Socket errors" "$work/w1-$c" || echo "no socket errors")"
    echo "ratio requests/s mpmlab/wrk at c=$c: $(ratio "$m_rps" "$w_rps")"
    echo "ratio requests per client CPU-second mpmlab/wrk at c=$c: $(ratio "$(per_cpu "$m_done" "$m_cpu")" "$(per_cpu "$w_done" "$w_cpu")")   (target >= 1.0)"
}
versus_wrk 100
versus_wrk 1000

echo
echo "== 2. keep-alive, c=1000, 100000 requests: mpmlab vs ab -k"
timed "$work/m2" "$cli" load -q -k -c 1000 -n 100000 "$url"
timed "$work/a2" ab -q -k -c 1000 -n 100000 "$url"
m_rps=$(mpm_value "$work/m2" "Requests per second")
a_rps=$(mpm_value "$work/a2" "Requests per second")
echo "mpmlab: $m_rps req/s, failed $(mpm_value "$work/m2" "Failed requests"), connect max $(grep -m1 '^Connect:' "$work/m2" | awk '{print $6}') ms, CPU $(cpu "$work/m2") s"
echo "ab -k:  $a_rps req/s, failed $(mpm_value "$work/a2" "Failed requests"), connect max $(grep -m1 '^Connect:' "$work/a2" | awk '{print $6}') ms, CPU $(cpu "$work/a2") s"
echo "ratio requests/s mpmlab/ab: $(ratio "$m_rps" "$a_rps")   (target >= 2.0)"

echo
echo "== 3. 10,000 keep-alive connections held ${seconds}s from one process (loopback hold_server.py)"
python3 "$here/hold_server.py" "$hold_port" > "$work/hold.log" 2>&1 &
hold_pid=$!
for _ in $(seq 50); do grep -q listening "$work/hold.log" 2> /dev/null && break; sleep 0.1; done
# Open loop at 2000 requests/s spread over 10,000 connections: each one
# sends every 5 s and stays open in between.
timed "$work/m3" "$cli" load -q -k -c 10000 --rate 2000 -t "$seconds" "http://127.0.0.1:$hold_port/"
echo "mpmlab: connections opened $(mpm_value "$work/m3" "Connections opened"), complete $(mpm_value "$work/m3" "Complete requests"), failed $(mpm_value "$work/m3" "Failed requests"), max RSS $(( $(field "$work/m3" 4) / 1024 )) MB   (target <= 100 MB)"
timed "$work/m3i" "$cli" load -q -k -c 10 -t "$seconds" --idle-connections 10000 "http://127.0.0.1:$hold_port/"
echo "mpmlab --idle-connections 10000: $(grep -A6 '^Idle connections' "$work/m3i" | tr -s ' ' | tr '\n' ';'), max RSS $(( $(field "$work/m3i" 4) / 1024 )) MB"
kill "$hold_pid"; wait "$hold_pid" 2> /dev/null || true; hold_pid=

echo
echo "== 4. open loop at 5000 requests/s for ${seconds}s, c=50, keep-alive (Apache event)"
timed "$work/m4" "$cli" load -q -k -c 50 --rate 5000 -t "$seconds" "$url"
m_rps=$(mpm_value "$work/m4" "Requests per second")
echo "mpmlab: achieved $m_rps req/s for a target of 5000: ratio $(ratio "$m_rps" 5000)   (target within 1%)"
grep -A11 "Corrected for coordinated" "$work/m4" | sed -n '1p;2p;6p;9p;10p;11p'
echo
echo "== 5. threads against a server on this machine: keep-alive, c=1000, ${seconds}s (Apache event)"
echo "(the default, --threads unset, is one per two cores for a local target: $(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 )) here)"
for threads in $(seq "$(nproc)"); do
    timed "$work/m5-$threads" "$cli" load -q -k -c 1000 --threads "$threads" -t "$seconds" "$url"
    echo "--threads $threads: $(mpm_value "$work/m5-$threads" "Requests per second") req/s, failed $(mpm_value "$work/m5-$threads" "Failed requests"), client CPU $(cpu "$work/m5-$threads") s"
done
timed "$work/a5" ab -q -k -c 1000 -t "$seconds" -n 100000000 "$url"
echo "ab -k:      $(mpm_value "$work/a5" "Requests per second") req/s"

echo
echo "(raw outputs were in $work; removed on exit)"
