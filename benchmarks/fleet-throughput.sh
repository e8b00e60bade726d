#!/usr/bin/env bash
# Fleet throughput in one run (issue 16): bundles per second of the Spark job in local mode against a plain
# single-thread loop over the same .tar.gz files with the library (EvidenceBundle.read + Diagnoser.diagnose), for two
# bundle sizes, each step in a JVM of its own. Prints wall-clock and process CPU time; on a machine shared with other
# work, CPU milliseconds per bundle are the steadier number. The steps are in
# fleet/src/test/java/io/smcdoctor/fleet/FleetBenchmark.java.
#
#   benchmarks/fleet-throughput.sh                 # 2,000 lab-sized bundles and 200 bundles of ~2 MB, all cores
#   SMALL=500 LARGE=50 CORES=2 benchmarks/fleet-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
small="${SMALL:-2000}"
large="${LARGE:-200}"
cores="${CORES:-$(nproc)}"
large_smcss="${LARGE_SMCSS_BYTES:-1900000}"   # smcss listing grown to ~1.9 MB: ~2 MB of files per bundle

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "building the fleet module and its test classes..." >&2
mvn -B -q -Dstyle.color=never test-compile package dependency:build-classpath -DskipTests -pl fleet -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$tmp/cp.txt" >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log" >&2; exit 2; }
cp="fleet/target/test-classes:fleet/target/classes:$(cat "$tmp/cp.txt")"
opts=($(cat fleet/target/spark-jvm-options.txt))
# shellcheck disable=SC2206
extra=(${BENCH_JAVA_OPTS:-})
run() { SPARK_LOCAL_IP=127.0.0.1 java "${opts[@]}" "${extra[@]}" -Dfleet.module=fleet -cp "$cp" io.smcdoctor.fleet.FleetBenchmark "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in small large; do
    if [[ $size == small ]]; then n=$small; bytes=0; else n=$large; bytes=$large_smcss; fi
    [[ $n -gt 0 ]] || continue
    echo "== $size bundles"
    run generate "$tmp/$size" "$n" "$bytes"
    run loop "$tmp/$size"
    run spark "$tmp/$size" "$cores" "$tmp/out-$size"
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
