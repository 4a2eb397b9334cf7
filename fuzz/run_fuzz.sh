#!/usr/bin/env bash
# Fuzz for SECONDS (default 1800) on one core, at low priority; restarts after a crash so
# one finding does not end the run. Totals: grep "Done" in the log.
# usage: fuzz/run_fuzz.sh [SECONDS] [LOG]
set -uo pipefail
cd "$(dirname "$0")/.."
total=${1:-1800}
log=${2:-fuzz/work/fuzz.log}
mkdir -p fuzz/work
end=$(( $(date +%s) + total ))
while [ "$(date +%s)" -lt "$end" ]; do
    left=$(( end - $(date +%s) ))
    nice -n 10 python fuzz/fuzz_extract.py -dict=fuzz/timeline.dict -timeout=20 \
        -max_total_time="$left" -print_final_stats=1 >>"$log" 2>&1
done
grep -E "^Done|stat::number_of_executed_units|ERROR|Exception" "$log" | tail -n 40
