#!/usr/bin/env bash
# Cold start of the CLI against a hello-world `java -jar` on the same machine, in one run (issue 4's target: at most
# 5x). Each command is run RUNS times (default 10) after one warm-up of the OS file cache; prints the median and the
# minimum wall time of each and the ratio of the medians.
#
#   benchmarks/cold-start.sh [BUNDLE]        # default BUNDLE: samples/bundles/ipv6-fallback
#   RUNS=20 benchmarks/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
bundle="${1:-samples/bundles/ipv6-fallback}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src"
cat > "$tmp/src/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
EOF
javac --release 17 -d "$tmp/classes" "$tmp/src/Hello.java"
printf 'Main-Class: Hello\n' > "$tmp/manifest.txt"
jar cfm "$tmp/hello.jar" "$tmp/manifest.txt" -C "$tmp/classes" .

# the launcher builds the jar and its class-data archive on first use: do that before measuring
./smc-doctor diagnose "$bundle" >/dev/null

# median and minimum wall time in ms of RUNS executions of a command
measure() {
    local times=() t0 t1 i
    "$@" >/dev/null 2>&1 || true
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%d %d\n", m, a[1]}'
}

read -r hello_med hello_min < <(measure java -jar "$tmp/hello.jar")
read -r diag_med diag_min < <(measure ./smc-doctor diagnose "$bundle")
read -r explain_med explain_min < <(measure ./smc-doctor explain 0x03030000)

echo "java: $(java -version 2>&1 | head -1); $(nproc) CPUs; $runs runs each"
printf '%-45s median %5d ms   min %5d ms\n' "java -jar hello.jar" "$hello_med" "$hello_min"
printf '%-45s median %5d ms   min %5d ms\n' "./smc-doctor diagnose $bundle" "$diag_med" "$diag_min"
printf '%-45s median %5d ms   min %5d ms\n' "./smc-doctor explain 0x03030000" "$explain_med" "$explain_min"
awk -v d="$diag_med" -v h="$hello_med" 'BEGIN { printf "diagnose / hello-world (medians): %.1fx (target <= 5x)\n", d / h }'
