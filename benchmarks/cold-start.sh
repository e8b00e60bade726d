#!/usr/bin/env bash
# Cold start of the CLI beside a hello-world `java -jar`, in one run (issue 18's targets on Java 17: diagnose at most
# 6x, explain at most 4x the hello-world median). Each command runs RUNS times (default 11) after one unmeasured run;
# the commands take turns run by run, so that a load change on a shared machine hits them alike. Prints the median
# and the minimum wall time of each and the ratios of the medians, for the default java and, when one is found
# (JAVA25, or /usr/lib/jvm/*25*), for Java 25 with its AOT cache beside it.
#
#   benchmarks/cold-start.sh [BUNDLE]        # default BUNDLE: samples/bundles/ipv6-fallback
#   RUNS=21 benchmarks/cold-start.sh
#   JAVA25=/path/to/jdk-25/bin/java benchmarks/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-11}"
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

java25="${JAVA25:-}"
if [[ -z "$java25" ]]; then
    for j in /usr/lib/jvm/*25*/bin/java; do
        [[ -x "$j" ]] && { java25="$j"; break; }
    done
fi

. benchmarks/timing.sh

# measure LABEL... -- runs each command RUNS times, in turns; prints "label median min" lines
# commands are given as strings in the array CMDS, labels in LABELS
measure() {
    local k
    run_in_turns
    for k in "${!CMDS[@]}"; do
        read -r med min < <(stats <"$tmp/t$k")
        printf '%s\t%s\t%s\n' "${LABELS[$k]}" "$med" "$min"
    done
}

report() {
    local java_label="$1" results="$2"
    local hello diag explain
    echo "$java_label; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians"
    while IFS=$'\t' read -r label med min; do
        printf '  %-58s median %5d ms   min %5d ms\n' "$label" "$med" "$min"
    done <"$results"
    hello=$(awk -F'\t' 'NR==1 {print $2}' "$results")
    diag=$(awk -F'\t' 'NR==2 {print $2}' "$results")
    explain=$(awk -F'\t' 'NR==3 {print $2}' "$results")
    awk -v d="$diag" -v e="$explain" -v h="$hello" 'BEGIN {
        printf "  diagnose / hello-world: %.1fx (target <= 6x)   explain / hello-world: %.1fx (target <= 4x)\n", d / h, e / h }'
}

# --- the default java (Java 17 here) ---------------------------------------------------------------------------
# the launcher builds the jar and its archive on first use: do that before measuring
./smc-doctor diagnose "$bundle" >/dev/null
CMDS=("java -jar '$tmp/hello.jar'" "./smc-doctor diagnose '$bundle'" "./smc-doctor explain 0x03030000"
    "./smc-doctor sockopt TCP_NODELAY" "SMC_DOCTOR_NO_CDS=1 ./smc-doctor diagnose '$bundle'"
    "SMC_DOCTOR_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./smc-doctor diagnose '$bundle'")
LABELS=("java -jar hello.jar" "./smc-doctor diagnose $bundle" "./smc-doctor explain 0x03030000"
    "./smc-doctor sockopt TCP_NODELAY" "  (diagnose without the CDS archive)"
    "  (diagnose with C2 as well, -XX:TieredStopAtLevel=4)")
measure >"$tmp/r17"
report "java: $(java -version 2>&1 | head -1)" "$tmp/r17"

# --- Java 25 with the AOT cache ----------------------------------------------------------------------------------
if [[ -n "$java25" ]]; then
    echo
    SMC_DOCTOR_JAVA="$java25" ./smc-doctor diagnose "$bundle" >/dev/null
    CMDS=("'$java25' -jar '$tmp/hello.jar'" "SMC_DOCTOR_JAVA='$java25' ./smc-doctor diagnose '$bundle'"
        "SMC_DOCTOR_JAVA='$java25' ./smc-doctor explain 0x03030000"
        "SMC_DOCTOR_JAVA='$java25' ./smc-doctor sockopt TCP_NODELAY")
    LABELS=("java -jar hello.jar" "./smc-doctor diagnose $bundle" "./smc-doctor explain 0x03030000"
        "./smc-doctor sockopt TCP_NODELAY")
    measure >"$tmp/r25"
    report "java: $("$java25" -version 2>&1 | head -1) (AOT cache)" "$tmp/r25"
else
    echo
    echo "Java 25: not measured (no JDK 25 found: set JAVA25=/path/to/bin/java)"
fi
