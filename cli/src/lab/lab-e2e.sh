#!/usr/bin/env bash
# End-to-end test on a real AF_SMC kernel (Maven profile `lab`, see cli/pom.xml and README "Tested against a
# real kernel"). Boots the SMC lab (../shared/smc-lab: two qemu guests, Debian 6.12 kernel, smc + soft-RoCE),
# and, while the smcr-ok scenario's SMC-R connection is alive, runs this project's CLI jar inside the client
# guest: `collect` (live), `diagnose` of that bundle, `diagnose` live, and the JNA socket probe against the
# lab's SMC-R server. Everything lands in cli/target/smc-lab/; LabIT asserts on it.
#
# Never fails the build by itself: when the lab cannot start (no qemu, no apt, no lab folder) it writes
# "unavailable: <reason>" to lab-status.txt and LabIT is skipped with that reason.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$root/cli/target/smc-lab
jar=$root/cli/target/smc-doctor.jar
lab=${SMC_LAB_RUN:-$(cd "$root/.." && pwd)/shared/smc-lab/run}
status=$out/lab-status.txt

# SMC_LAB_REUSE=1: keep the results of the previous run (re-check LabIT, regenerate docs) without a new lab run
if [ -n "${SMC_LAB_REUSE:-}" ] && [ -f "$status" ]; then echo "lab-e2e: reusing $out" >&2; exit 0; fi
rm -rf "$out"
mkdir -p "$out"
unavailable() { echo "unavailable: $*" > "$status"; echo "lab-e2e: skipped: $*" >&2; exit 0; }

[ -x "$lab" ] || unavailable "SMC lab not found at $lab (set SMC_LAB_RUN)"
[ -f "$jar" ] || unavailable "CLI jar not built: $jar"
[ "$(uname -s)" = Linux ] || unavailable "the lab needs a Linux host"
command -v java > /dev/null || unavailable "no java on PATH"
java_bin=$(readlink -f "$(command -v java)")

# The guest sees this host's root file system read-only at the same paths and $out at /lab-out.
cat > "$out/guest.sh" << EOF
#!/bin/sh
# runs inside the lab's client guest (chroot of the host root), during smcr-ok
J="$java_bin -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $jar"
cd /tmp
t0=\$(date +%s)
# 1. the host as it is: collect, diagnose that bundle, diagnose live (nothing of ours has touched SMC yet)
\$J collect -o /lab-out/live-bundle > /lab-out/collect.out 2> /lab-out/collect.err
echo \$? > /lab-out/collect.rc
\$J diagnose /lab-out/live-bundle --format json > /lab-out/diagnose-bundle.json 2> /lab-out/diagnose-bundle.err
echo \$? > /lab-out/diagnose-bundle.rc
\$J diagnose /lab-out/live-bundle > /lab-out/diagnose-bundle.txt 2>&1
\$J diagnose --format json > /lab-out/diagnose-live.json 2> /lab-out/diagnose-live.err
echo \$? > /lab-out/diagnose-live.rc
# 2. the socket probe against the SMC-R server: it deliberately sets every catalog option (TCP Fast Open makes
#    its own connections fall back and grows the host's fallback counters), so it runs last, in its own bundle
\$J collect -o /lab-out/probe-bundle --probe-connect "\$LAB_SERVER:\$LAB_SMC_PORT" > /lab-out/probe.out 2> /lab-out/probe.err
echo \$? > /lab-out/probe.rc
echo "guest commands took \$(( \$(date +%s) - t0 ))s" > /lab-out/guest-time.txt
EOF
chmod +x "$out/guest.sh"

t0=$(date +%s)
"$lab" --out "$out" --scenarios "${SMC_LAB_SCENARIOS:-all}" --keep-going --guest-cmd "sh /lab-out/guest.sh" \
    --guest-cmd-timeout 900 --timeout 1800 > "$out/lab-run.log" 2>&1
rc=$?
secs=$(( $(date +%s) - t0 ))
echo "lab wall time ${secs}s (exit $rc)" > "$out/lab-time.txt"
echo "lab-e2e: lab wall time ${secs}s, exit $rc" >&2
case $rc in
    0|1) echo "ran: exit $rc" > "$status" ;;
    *) unavailable "smc-lab exited $rc: $(grep -m1 -iE 'error|die|fatal|cannot' "$out/lab-run.log" || tail -n 1 "$out/lab-run.log")" ;;
esac
exit 0
