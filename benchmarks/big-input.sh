#!/usr/bin/env bash
# A large input end to end: a generated bundle whose smcss.txt has ROWS socket rows (default 1,000,000, about 90 MB:
# SMC-R sockets, fallbacks with local and peer codes, IPv6 and IPv4-mapped rows, LISTEN rows) diagnosed by
# ./smc-doctor, beside the awk one-liner that counts the same file by its last column, in one run. Issue 18's targets:
# the whole process in at most 1 s and at most 7x the awk count, peak RSS at most 256 MB. Each command runs RUNS times
# (default 5) in turns after one unmeasured run; medians and minimums are printed, and the peak RSS of one run of
# each (GNU time -v, when /usr/bin/time is there). Also measured: the launcher's other choice of JVM options for the
# same input. Below 128 MB (ROWS under ~1,500,000) the launcher compiles with C1 only and one compiler thread, and the
# other row runs full tiered compilation with compile thresholds 8x the default (what it uses for 128 MB or more); from
# 128 MB the other way round (by the size of the whole bundle, as the launcher). Both have the launcher's 32 MB young
# generation from 32 MB on.
# LISTINGS=all writes the bundle `smc-doctor collect` writes for such a host: smcss-R.txt (SMC-R details) and
# smcss-d.txt (the -d block) of the same sockets beside smcss.txt, about 495 MB for a million rows; awk then counts
# all three files.
#
#   benchmarks/big-input.sh
#   ROWS=200000 RUNS=9 benchmarks/big-input.sh
#   LISTINGS=all RUNS=3 benchmarks/big-input.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${ROWS:-1000000}"
runs="${RUNS:-5}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bundle"
file="$tmp/bundle/smcss.txt"
# the listing smcss -a prints (smc-tools smcss.c: state, UID, inode, local and peer address, Intf, mode)
awk -v rows="$rows" 'BEGIN {
    print "State          UID   Inode   Local Address           Peer Address            Intf Mode "
    for (i = 0; i < rows; i++) {
        a = int(i / 65536) % 256; b = int(i / 256) % 256; c = i % 256
        if (i % 10 == 0)      { mode = "TCP 0x03010000" }
        else if (i % 17 == 0) { mode = "TCP 0x05000000/0x03030000" }
        else if (i % 23 == 0) { mode = "SMCD " }
        else                  { mode = "SMCR " }
        if (i % 1000 == 0) {
            printf "%-14s %05d %07d %-23s\n", "LISTEN", 0, 100000 + i, "0.0.0.0:" (1024 + i % 60000)
        } else if (i % 31 == 0) {
            printf "%-14s %05d %07d %-23s %-23s %04x %s\n", "ACTIVE", 0, 100000 + i,
                "2001:db8:1234:5..:" (40000 + i % 20000), "2001:db8:1234:56..:443", 0, mode
        } else if (i % 37 == 0) {
            printf "%-14s %05d %07d %-23s %-23s %04x %s\n", "ACTIVE", 0, 100000 + i,
                "::ffff:10." b "." c ":5201", "::ffff:10.9.9.9:40222", 0, mode
        } else {
            printf "%-14s %05d %07d %-23s %-23s %04x %s\n", "ACTIVE", 0, 100000 + i,
                "10." a "." b "." c ":" (20000 + i % 40000), "10.9.0.1:5103", 0, mode
        }
    }
}' >"$file"
files="'$file'"
if [[ "${LISTINGS:-smcss}" == all ]]; then
    # the same sockets as smcss -R and smcss -d print them (smc-tools smcss.c): details after the mode of SMC rows
    awk 'NR == 1 { print $0 " Role IB-device       Port Linkid GID                                      Peer-GID"; next }
        $NF == "SMCR" { print $0 " CLNT rxe0            01   01     0000:0000:0000:0000:0000:ffff:0a0a:0002  " \
            "0000:0000:0000:0000:0000:ffff:0a0a:0001"; next }
        { print }' "$file" >"$tmp/bundle/smcss-R.txt"
    awk 'NR == 1 { print $0 " Shutd Token    Sndbuf   Rcvbuf   Peerbuf  rxprod-Cursor rxcons-Cursor rxFlags " \
            "txprod-Cursor txcons-Cursor txFlags txprep-Cursor txsent-Cursor txfin-Cursor"; next }
        $NF == "SMCR" || $NF == "SMCD" { print $0 "  <->  00000001 00010000 00010000 00010000 0000:0000000e " \
            "0000:0000000e 00:00   0000:0000000e 0000:0000000e 00:00   0000:0000000e 0000:0000000e 0000:0000000e"; next }
        { print }' "$file" >"$tmp/bundle/smcss-d.txt"
    files="'$file' '$tmp/bundle/smcss-R.txt' '$tmp/bundle/smcss-d.txt'"
fi
size_mb=$(($(du -b -c "$tmp/bundle"/*.txt | tail -1 | cut -f1) / 1048576))
if ((size_mb >= 128)); then
    other="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=1"
    other_label="  (the same with C1 only, as below 128 MB)"
else
    other="-XX:TieredStopAtLevel=4 -XX:CompileThresholdScaling=8"
    other_label="  (the same tiered, as from 128 MB)"
fi

# the launcher builds the jar and its archive on first use: do that before measuring
./smc-doctor explain 0x03030000 >/dev/null

CMDS=("awk '{c[\$NF]++} END {for (k in c) print k, c[k]}' $files"
    "./smc-doctor diagnose '$tmp/bundle'"
    "SMC_DOCTOR_JAVA_OPTS='$other' ./smc-doctor diagnose '$tmp/bundle'")
LABELS=("awk '{c[\$NF]++}' $([[ "${LISTINGS:-smcss}" == all ]] && echo 'smcss*.txt' || echo smcss.txt)"
    "./smc-doctor diagnose BUNDLE"
    "$other_label")

. benchmarks/timing.sh
run_in_turns

rss() {
    if [[ -x /usr/bin/time ]]; then
        eval "/usr/bin/time -v $1" 2>&1 >/dev/null \
            | awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2 / 1024}'
    else
        echo "n/a (no /usr/bin/time)"
    fi
}

echo "java: $(java -version 2>&1 | head -1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $rows rows, $size_mb MB ($(cd "$tmp/bundle" && echo *.txt)); $runs runs each, medians"
awk_med=0
for k in "${!CMDS[@]}"; do
    read -r med min < <(stats <"$tmp/t$k")
    [[ $k == 0 ]] && awk_med=$med
    peak=""
    if [[ $k -lt 2 ]]; then
        peak="   peak RSS $(rss "${CMDS[$k]}")"
    fi
    printf '  %-45s median %6d ms   min %6d ms%s\n' "${LABELS[$k]}" "$med" "$min" "$peak"
    [[ $k == 1 ]] && diag_med=$med
done
awk -v d="$diag_med" -v a="$awk_med" 'BEGIN {
    printf "  diagnose / awk (medians): %.1fx (target <= 7x); diagnose %.2f s (target <= 1 s)\n", d / a, d / 1000 }'
# what was diagnosed: the socket counts of the report and its top diagnosis
./smc-doctor diagnose "$tmp/bundle" --format json | tr -d ' \n' \
    | sed -n 's/.*"diagnoses":\[{"rank":1,"id":"\([^"]*\)".*"sockets":\([0-9]*\),"smcSockets":\([0-9]*\).*/  report: top diagnosis \1; \2 sockets, \3 over SMC/p'
