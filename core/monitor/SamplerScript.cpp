#include "SamplerScript.h"

namespace mpmlab {

namespace {

// Kept as one literal so the same bytes go to /bin/sh locally and over SSH.
// Cost notes (measured, 2-core VM): reading /proc/PID/stat costs ~12 us per
// process, smaps_rollup ~100 us, forking awk ~1.2 ms, curl ~9 ms: hence
// bash builtins first, and a rotating budget of smaps_rollup reads.
constexpr char samplerText[] =
    R"SH(# MPM Lab server sampler. Prints one frame per interval on stdout:
#   @@MPMLAB-FRAME-BEGIN seq / tagged lines / @@MPMLAB-FRAME-END seq
# Arguments: pidfile interval-ms status-host status-port status-path
#            smaps-per-frame fetcher(auto|curl|wget|bash|none)
# Under bash it forks nothing but awk per frame (builtin pause and
# /dev/tcp); under a plain sh it forks sleep and curl or wget as well.
# It stops when stdout closes and, under bash, when stdin reaches EOF.
pidfile=$1 interval=$2 host=$3 port=$4 path=$5 budget=$6 fetcher=$7
case $interval in ''|*[!0-9]*) echo "mpmlab-sampler: bad interval '$interval'" >&2; exit 2;; esac
case $budget in ''|*[!0-9]*) echo "mpmlab-sampler: bad smaps budget '$budget'" >&2; exit 2;; esac
case $port in ''|*[!0-9]*) echo "mpmlab-sampler: bad port '$port'" >&2; exit 2;; esac
command -v awk >/dev/null 2>&1 || { echo "mpmlab-sampler: awk is not installed" >&2; exit 127; }
seconds=$((interval / 1000)).$(printf %03d $((interval % 1000)))
timeout=1
clk=$(getconf CLK_TCK 2>/dev/null || echo 100)
pagekb=$(( $(getconf PAGESIZE 2>/dev/null || echo 4096) / 1024 ))
url="http://$host:$port$path"
if [ "$fetcher" = auto ]; then
    if [ -n "${BASH_VERSION-}" ]; then fetcher=bash
    elif command -v curl >/dev/null 2>&1; then fetcher=curl
    elif command -v wget >/dev/null 2>&1; then fetcher=wget
    else fetcher=none; fi
fi
if [ "$fetcher" = bash ] && [ -z "${BASH_VERSION-}" ]; then fetcher=none; fi
if [ -r "/proc/$$/task/$$/children" ]; then tree=children; else tree=scan; fi

fetch_curl() { curl -s -f -m "$timeout" "$url" 2>/dev/null; }
fetch_wget() { wget -q -t 1 -T "$timeout" -O - "$url" 2>/dev/null; }
fetch_none() { :; }
# /dev/tcp, read and mapfile are bash builtins: no process per fetch. Defined
# through eval so that a plain sh never parses bash syntax.
if [ -n "${BASH_VERSION-}" ]; then
    eval '
fetch_bash() {
    status_body=
    exec 3<>"/dev/tcp/$host/$port" || return 1
    printf "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n" "$path" "$host" >&3
    local first rest
    if IFS= read -r -t "$timeout" first <&3; then
        mapfile -t -u 3 rest
        printf -v status_body "%s\n" "$first" "${rest[@]}"
    fi
    exec 3<&-
}
# A here-string is a pipe in bash 5: no subshell for the fetch.
fetch_and_frame() {
    fetch_bash 2>/dev/null
    frame "$@" <<< "$status_body"
}
mark_frame_start() { frame_start=${EPOCHREALTIME/[.,]/}; }
pause() {
    local left=$1
    if [ -n "${EPOCHREALTIME-}" ]; then
        local now=${EPOCHREALTIME/[.,]/}
        left=$(( interval * 1000 - (now - frame_start) ))
        [ "$left" -gt 0 ] || return 0
        printf -v left "%d.%06d" $((left / 1000000)) $((left % 1000000))
    fi
    local line rc
    IFS= read -r -t "$left" line
    rc=$?
    [ "$rc" -eq 0 ] || [ "$rc" -gt 128 ]
}'
fi

AWKPROG='
function readline(f,   l, r) { r = (getline l < f); close(f); return r > 0 ? l : "" }
function addchildren(f,   l, n, a, i) {
    l = readline(f); n = split(l, a, " ")
    for (i = 1; i <= n; ++i) pids[++np] = a[i]
}
function emit(pid, deep,   f, l, n, a, b, sp, pss, uss, swap, ok) {
    l = readline("/proc/" pid "/stat")
    sp = index(l, ") "); if (sp == 0) return
    n = split(substr(l, sp + 2), a, " ")
    if (n < 22) return
    pss = "?"; uss = "?"; swap = "?"
    if (deep) {
        pss = "-"; uss = "-"; swap = "-"; ok = 0
        f = "/proc/" pid "/smaps_rollup"
        while ((getline l < f) > 0) {
            if (!ok) { pss = 0; uss = 0; swap = 0; ok = 1 }
            split(l, b, " ")
            if (b[1] == "Pss:") pss = b[2]
            else if (b[1] == "Private_Clean:" || b[1] == "Private_Dirty:" || b[1] == "Private_Hugetlb:") uss += b[2]
            else if (b[1] == "Swap:") swap = b[2]
        }
        close(f)
    }
    printf "P %s %s %s %s %s %s %s %s %s\n", pid, a[2], a[18], a[12], a[13], a[22] * pagekb, pss, uss, swap
}
BEGIN {
    printf "@@MPMLAB-FRAME-BEGIN %s\nV 1\n", seq
    f = "/proc/uptime"; getline l < f; close(f); split(l, a, " "); up = a[1]
    f = "/proc/stat"; ncpu = 0
    while ((getline l < f) > 0) {
        if (l ~ /^cpu /) cpu = substr(l, 5)
        else if (l ~ /^cpu[0-9]/) ++ncpu
        else if (l ~ /^btime /) { split(l, a, " "); btime = a[2] }
    }
    close(f)
    printf "T %s %s\nK %s %s %s\n", up, btime, clk, pagekb, ncpu
    f = "/proc/meminfo"
    while ((getline l < f) > 0) { split(l, a, " "); mem[a[1]] = a[2] }
    close(f)
    printf "M %d %d %d %d\n", mem["MemTotal:"], mem["MemAvailable:"], mem["SwapTotal:"], mem["SwapFree:"]
    sub(/^ +/, "", cpu); n = split(cpu, a, " ")
    printf "C"; for (i = 1; i <= 8; ++i) printf " %d", (i <= n ? a[i] : 0); printf "\n"
    l = readline("/proc/loadavg"); split(l, a, " "); printf "L %s %s %s\n", a[1], a[2], a[3]
    np = 0
    if (parent > 0 && readline("/proc/" parent "/stat") != "") {
        printf "H %d\n", parent
        pids[++np] = parent
        for (i = 1; i < ARGC; ++i) {
            if (tree == "children") addchildren(ARGV[i])
            else {
                l = readline(ARGV[i]); sp = index(l, ") ")
                if (sp > 0) { split(substr(l, sp + 2), a, " "); if (a[2] == parent) { split(ARGV[i], b, "/"); pids[++np] = b[3] } }
            }
            ARGV[i] = ""
        }
        for (i = 1; i <= np; ++i) {
            k = (i - 1 - seq * budget) % np; if (k < 0) k += np
            emit(pids[i], seq == 1 || budget >= np || k < budget)
        }
    } else {
        print "H -"
        for (i = 1; i < ARGC; ++i) ARGV[i] = ""
    }
    if (fetcher == "none") { print "E status no way to fetch mod_status: no curl, wget or bash on the server"; nostatus = 1 }
}
{
    sub(/\r$/, "")
    if (NR == 1 && $0 ~ /^HTTP\/[0-9.]+ /) { code = $2; headers = 1; next }
    if (headers) { if ($0 == "") headers = 0; next }
    if ($0 == "") next
    if (code != "" && code != 200) next
    print "S " $0; got = 1
}
END {
    if (!nostatus && code != "" && code != 200) print "E status mod_status answered HTTP " code
    else if (!nostatus && !got) print "E status no answer from " url
    printf "@@MPMLAB-FRAME-END %s\n", seq
}
'
frame() {
    awk -v seq="$seq" -v parent="$parent" -v tree="$tree" -v budget="$budget" -v clk="$clk" \
        -v pagekb="$pagekb" -v fetcher="$fetcher" -v url="$url" "$AWKPROG" "$@"
}
seq=0
while :; do
    seq=$((seq + 1))
    if [ -n "${BASH_VERSION-}" ]; then mark_frame_start
    else sleep "$seconds" & sleeper=$!; fi
    parent=
    [ -r "$pidfile" ] && read -r parent < "$pidfile"
    case $parent in ''|*[!0-9]*) parent=0;; esac
    if [ "$parent" -gt 0 ]; then
        if [ "$tree" = children ]; then set -- /proc/"$parent"/task/*/children
        else set -- /proc/[0-9]*/stat; fi
    else set --; fi
    if [ "$fetcher" = bash ]; then
        fetch_and_frame "$@" || exit 3
    else
        "fetch_$fetcher" | frame "$@" || exit 3
    fi
    if [ -n "${BASH_VERSION-}" ]; then pause "$seconds" || exit 0
    else wait "$sleeper"; fi
done
)SH";

constexpr char launcherText[] = R"SH(preference=$1
shift
if [ "$preference" != sh ] && command -v bash >/dev/null 2>&1; then
    exec bash -c "$0" mpmlab-sampler "$@"
fi
exec sh -c "$0" mpmlab-sampler "$@"
)SH";

} // namespace

QByteArray SamplerScript::text() { return QByteArray(samplerText); }

QByteArray SamplerScript::launcher() { return QByteArray(launcherText); }

} // namespace mpmlab
