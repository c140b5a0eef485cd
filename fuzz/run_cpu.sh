#!/bin/sh
# Runs one fuzz target until it has used a given amount of CPU time (user +
# system), however busy the machine is, then stops it (SIGINT: libFuzzer
# prints its final stats) and prints a line with what it used.
#
#   fuzz/run_cpu.sh BUILD TARGET CPU_SECONDS
#
# BUILD is a build folder configured with -DNP_FUZZ=ON whose corpus was made
# by fuzz/build_corpus.sh BUILD/corpus. New inputs accumulate in
# BUILD/run/TARGET; libFuzzer's log goes to BUILD/run/TARGET.log. Exits 1
# when libFuzzer stopped by itself (a crash, leak, timeout or out-of-memory:
# the input is in BUILD/run/TARGET).
set -eu
build=$(cd "$1" && pwd)
target=$2
budget=$3
src=$(cd "$(dirname "$0")" && pwd)
run="$build/run/$target"
mkdir -p "$run"
cd "$run"
"$build/fuzz/np_${target}_fuzzer" -dict="$src/newsparse.dict" \
    -max_total_time=$((budget * 4)) -timeout=25 -rss_limit_mb=2048 \
    -max_len=131072 -print_final_stats=1 . "$build/corpus/$target" \
    >"$run.log" 2>&1 &
pid=$!
tck=$(getconf CLK_TCK)
cpu=0
while kill -0 "$pid" 2>/dev/null; do
    # fields 14 and 15 of /proc/PID/stat: user and system time in ticks
    t=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13}') || t=
    if [ -n "$t" ]; then
        cpu=$((t / tck))
        if [ "$cpu" -ge "$budget" ]; then
            kill -INT "$pid" 2>/dev/null || true
            break
        fi
    fi
    sleep 5
done
status=0
wait "$pid" || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$run.log" | tail -1 | grep -o '[0-9]*$' || true)
found=nothing
if [ "$cpu" -lt "$budget" ]; then
    found="libFuzzer stopped by itself (exit $status): see $run.log"
fi
echo "$target: $cpu CPU seconds, ${runs:-?} executions, $found"
[ "$found" = nothing ]
