#include "SamplerScript.h"

namespace mpmlab {

namespace {

// Kept as one literal so the same bytes go to /bin/sh locally and over SSH.
// Cost notes (measured on a 2-core VM, CPU per frame, 401 prefork
// processes): awk opening, reading and closing /proc/PID/stat ~10-14 us a
// process and formatting its line ~4 us (~9-12 ms in all, most of it in the
// kernel); smaps_rollup ~120 us a process; the bash loop with its /dev/tcp
// fetch ~1 ms; forking awk ~1.5-2 ms, curl ~9 ms. Hence one awk for the
// whole run, bash builtins first, a rotating budget of smaps_rollup reads,
// and a process whose stat did not change at its last reading read every
// other frame only. Reading /proc from bash costs more than from awk (read:
// ~25 us a file, $(<file) ~20 us).
constexpr char samplerText[] =
    R"SH(# MPM Lab server sampler. Prints one frame per interval on stdout:
#   @@MPMLAB-FRAME-BEGIN seq / tagged lines / @@MPMLAB-FRAME-END seq
# Arguments: pidfile interval-ms status-host status-port status-path
#            smaps-per-frame fetcher(auto|curl|wget|bash|none)
# One awk runs for the whole session and writes every frame: the shell loop
# feeds it, once per interval, a request line "@@F seq parent-pid files..."
# then mod_status's answer, then "@@E". Under bash the loop forks nothing
# (builtin pause and /dev/tcp); under a plain sh it forks sleep, and curl or
# wget, each frame. It stops when stdout closes and, under bash, when stdin
# reaches EOF.
pidfile=$1 interval=$2 host=$3 port=$4 path=$5 budget=$6 fetcher=$7
case $interval in ''|*[!0-9]*) echo "mpmlab-sampler: bad interval '$interval'" >&2; exit 2;; esac
case $budget in ''|*[!0-9]*) echo "mpmlab-sampler: bad smaps budget '$budget'" >&2; exit 2;; esac
case $port in ''|*[!0-9]*) echo "mpmlab-sampler: bad port '$port'" >&2; exit 2;; esac
command -v awk >/dev/null 2>&1 || { echo "mpmlab-sampler: awk is not installed" >&2; exit 127; }
seconds=$((interval / 1000)).$(printf %03d $((interval % 1000)))
# A fetch waits for mod_status at most half a frame (and 1 s), so that
# frames keep their pace when every worker is busy: then the request waits
# in the listen backlog and, under bash, is kept and looked at again in the
# next frames until a worker frees up (see fetch_bash).
wait_ms=$((interval / 2)); [ "$wait_ms" -gt 1000 ] && wait_ms=1000
timeout=$((wait_ms / 1000)).$(printf %03d $((wait_ms % 1000)))
# A request unanswered this long is dropped and asked again (ms).
stale_ms=10000
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
# Paths relative to /proc spare the kernel a lookup per open: ~1 us of the
# ~10 us that opening, reading and closing /proc/PID/stat costs.
cd /proc || exit 2
# mawk reads a pipe a whole block at a time, so it would sit on a frame's
# request until the next ones filled its buffer: -W interactive makes it
# read lines (and write unbuffered, hence awk's own output buffer below).
# gawk and busybox awk read each line as it comes.
awkmode=
case $(awk -W version 2>&1 </dev/null) in mawk*) awkmode='-W interactive';; esac

fetch_curl() { curl -s -f -m "$timeout" "$url" 2>/dev/null; }
fetch_wget() { wget -q -t 1 -T "$timeout" -O - "$url" 2>/dev/null; }
fetch_none() { :; }
# /dev/tcp, read and mapfile are bash builtins: no process per fetch. Defined
# through eval so that a plain sh never parses bash syntax.
if [ -n "${BASH_VERSION-}" ]; then
    eval '
fetch_bash() {
    # A request that no worker has taken yet stays open across frames:
    # reopening it every frame would queue one more connection behind the
    # busy workers each time. "pending" tells the awk it is still waiting.
    local now=${EPOCHREALTIME/[.,]/}
    now=${now:-$((SECONDS * 1000000))}
    if [ -z "$asked" ]; then
        exec 3<>"/dev/tcp/$host/$port" || return 1
        printf "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n" "$path" "$host" >&3
        asked=$now
    fi
    # From a socket, read and mapfile take one read(2) per byte (and -t
    # adds signal-mask calls per byte): only the first byte waits with a
    # timeout, the rest comes in one read -N, in 4 kB reads under bash 5.1+.
    local first rest rc
    IFS= read -r -t "$timeout" -N 1 first <&3
    rc=$?
    if [ "$rc" -eq 0 ]; then
        IFS= read -r -N 1048576 rest <&3
        printf "%s%s" "$first" "$rest"
    elif [ "$rc" -gt 128 ] && [ $(( (now - asked) / 1000 )) -lt "$stale_ms" ]; then
        pending=1
        return 0
    fi
    exec 3<&-
    asked=
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
# A frame is written in a few large writes, not one per line: under
# mawk -W interactive every print is a write(2).
function out(s) { buf = buf s "\n"; if (++nbuf >= 32) flushout() }
function flushout() { if (nbuf) { printf "%s", buf; buf = ""; nbuf = 0 } }
function addchildren(f,   l, n, a, i) {
    l = readline(f); n = split(l, a, " ")
    for (i = 1; i <= n; ++i) pids[++np] = a[i]
}
# One line for process pid, the idx-th of the frame. P: its stat read this
# frame; Q: not read this frame, the values of its last reading, which found
# its stat unchanged. A process whose stat changed at its last reading (it
# ran, grew or is new) is read every frame, an unchanged one every other
# frame: reading /proc/PID/stat is most of the cost of a frame and most
# processes of an idle server sleep. Never twice in a row, whatever the
# list does: a process that wakes shows within a frame, its CPU ticks
# counted then, none lost. The parity of its place spreads the rest over
# the frames.
# l: the stat line of the process, when already read. deep: read its
# smaps_rollup too. Per pid: last[] the stat line of its last reading,
# readat[] that frame, row[] the fields taken from it, quiet[] 1 if that
# reading found it unchanged.
function emit(pid, deep, idx, l,   f, n, a, b, sp, pss, uss, swap, ok, tag) {
    at[pid] = seq; tag = "P"
    if (l == "" && !deep && quiet[pid] && readat[pid] == seq - 1 && (idx + seq) % 2) tag = "Q"
    else {
        if (l == "") l = readline(pid "/stat")
        if (l == "") return
        readat[pid] = seq
        if (l == last[pid]) quiet[pid] = 1
        else {
            sp = index(l, ") "); if (sp == 0) return
            n = split(substr(l, sp + 2), a, " ")
            if (n < 22) return
            row[pid] = pid " " a[2] " " a[18] " " a[12] " " a[13] " " a[22] * pagekb
            last[pid] = l; quiet[pid] = 0
        }
    }
    pss = "?"; uss = "?"; swap = "?"
    if (deep) {
        pss = "-"; uss = "-"; swap = "-"; ok = 0
        f = pid "/smaps_rollup"
        while ((getline l < f) > 0) {
            if (!ok) { pss = 0; uss = 0; swap = 0; ok = 1 }
            split(l, b, " ")
            if (b[1] == "Pss:") pss = b[2]
            else if (b[1] == "Private_Clean:" || b[1] == "Private_Dirty:" || b[1] == "Private_Hugetlb:") uss += b[2]
            else if (b[1] == "Swap:") swap = b[2]
        }
        close(f)
    }
    out(tag " " row[pid] " " pss " " uss " " swap)
}
# The system lines, then the instance: the parent from the pid file and the
# processes named in the children files (or every N/stat whose ppid
# is the parent, on kernels without children files).
function startframe(   f, l, a, b, n, i, k, p, sp, cpu, ncpu, btime, up, pl, deep, fresh) {
    out("@@MPMLAB-FRAME-BEGIN " seq); out("V 2")
    f = "uptime"; getline l < f; close(f); split(l, a, " "); up = a[1]
    f = "stat"; ncpu = 0
    while ((getline l < f) > 0) {
        if (l ~ /^cpu /) cpu = substr(l, 5)
        else if (l ~ /^cpu[0-9]/) ++ncpu
        else if (l ~ /^btime /) { split(l, a, " "); btime = a[2] }
    }
    close(f)
    out("T " up " " btime); out("K " clk " " pagekb " " ncpu)
    f = "meminfo"
    while ((getline l < f) > 0) { split(l, a, " "); mem[a[1]] = a[2] }
    close(f)
    out(sprintf("M %d %d %d %d", mem["MemTotal:"], mem["MemAvailable:"], mem["SwapTotal:"], mem["SwapFree:"]))
    sub(/^ +/, "", cpu); n = split(cpu, a, " ")
    l = "C"; for (i = 1; i <= 8; ++i) l = l " " (i <= n ? a[i] : 0); out(l)
    l = readline("loadavg"); split(l, a, " "); out("L " a[1] " " a[2] " " a[3])
    np = 0
    if (parent > 0 && (pl = readline(parent "/stat")) != "") {
        out("H " parent)
        pids[++np] = parent
        for (i = 4; i <= NF; ++i) {
            if (tree == "children") addchildren($i)
            else {
                l = readline($i); sp = index(l, ") ")
                if (sp > 0) { split(substr(l, sp + 2), a, " "); if (a[2] == parent) { split($i, b, "/"); pids[++np] = b[1] } }
            }
        }
        # smaps_rollup: every process on the first frame, and any process
        # first seen later (up to 32 a frame, so that a burst of new
        # children costs a few frames), plus budget more a frame in rotation.
        # seen[pid]: the last frame that listed it; pruned now and then.
        fresh = 32
        for (i = 1; i <= np; ++i) {
            p = pids[i]
            k = (i - 1 - seq * budget) % np; if (k < 0) k += np
            deep = seq == 1 || budget >= np || k < budget
            if (!deep && !(p in seen) && fresh > 0) { deep = 1; --fresh }
            if (deep || (p in seen)) seen[p] = seq
            emit(p, deep, i, i == 1 ? pl : "")
        }
        if (seq % 64 == 0) for (p in at) if (at[p] < seq) { delete at[p]; delete seen[p]; delete last[p]; delete row[p]; delete quiet[p]; delete readat[p] }
    } else out("H -")
    if (fetcher == "none") out("E status no way to fetch mod_status: no curl, wget or bash on the server")
}
!instatus && $1 == "@@F" {
    seq = $2; parent = $3 + 0
    startframe()
    instatus = 1; first = 1; headers = 0; code = ""; got = 0
    next
}
!instatus { next }
$1 == "@@E" && NF <= 2 {
    if (fetcher != "none") {
        if (code != "" && code != 200) out("E status mod_status answered HTTP " code)
        else if ($2 == "1") out("E status waiting for " url ": no free worker has taken the request yet")
        else if (!got) out("E status no answer from " url)
    }
    out("@@MPMLAB-FRAME-END " seq); flushout(); fflush()
    instatus = 0
    next
}
{
    sub(/\r$/, "")
    if (first) { first = 0; if ($0 ~ /^HTTP\/[0-9.]+ /) { code = $2; headers = 1; next } }
    if (headers) { if ($0 == "") headers = 0; next }
    if ($0 == "") next
    if (code != "" && code != 200) next
    out("S " $0); got = 1
}
'
frames() {
    seq=0
    while :; do
        seq=$((seq + 1))
        if [ -n "${BASH_VERSION-}" ]; then mark_frame_start
        else sleep "$seconds" & sleeper=$!; fi
        parent=
        [ -r "$pidfile" ] && read -r parent < "$pidfile"
        case $parent in ''|*[!0-9]*) parent=0;; esac
        if [ "$parent" -gt 0 ]; then
            if [ "$tree" = children ]; then set -- "$parent"/task/*/children
            else set -- [0-9]*/stat; fi
        else set --; fi
        printf '@@F %s %s %s\n' "$seq" "$parent" "$*"
        pending=
        "fetch_$fetcher" 2>/dev/null
        printf '\n@@E %s\n' "$pending"
        if [ -n "${BASH_VERSION-}" ]; then pause "$seconds" || return 0
        else wait "$sleeper"; fi
    done
}
# $awkmode unquoted: it is empty or two words.
frames | awk $awkmode -v tree="$tree" -v budget="$budget" -v clk="$clk" -v pagekb="$pagekb" \
    -v fetcher="$fetcher" -v url="$url" "$AWKPROG"
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
