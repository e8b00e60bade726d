# Timing helpers sourced by cold-start.sh and big-input.sh (not run on its own). The caller sets `runs` and `tmp`
# and fills the arrays CMDS (commands as strings) and LABELS.

# wall time in ms of one run of a command
once() {
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}

# median and minimum of the numbers on stdin
stats() {
    sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%d %d\n", m, a[1]}'
}

# runs each command of CMDS once unmeasured (file cache, archives), then `runs` times in turns, so that a load change
# on a shared machine hits them alike; the wall times of command k land in $tmp/t$k
run_in_turns() {
    local i k
    for k in "${!CMDS[@]}"; do
        eval "${CMDS[$k]}" >/dev/null 2>&1 || true
        : >"$tmp/t$k"
    done
    for ((i = 0; i < runs; i++)); do
        for k in "${!CMDS[@]}"; do
            once eval "${CMDS[$k]}" >>"$tmp/t$k"
        done
    done
}
