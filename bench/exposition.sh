#!/usr/bin/env bash
# Parses generated exposition files with promdesk-cli validate, promtool check metrics and Python's
# prometheus_client, in one run, and prints time, peak memory and the ratios, for two shapes of
# input: "plain" (counters, gauges with escaped values, histograms; at least a million series)
# and "exporter" (labels in the exporter's order, escapes, long paths, HELP escapes, comments: see
# generate_exposition.py).
# Usage: bench/exposition.sh [SIZE_MB (default 50)] [plain|exporter|both (default both)]
# Targets (issue 18), on both shapes: >= 20x promtool, >= 30x prometheus_client, peak memory
# <= 2x the file.
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and awk spell numbers with a point
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${PROMDESK_CLI:-$root/build/app/promdesk-cli}"
size_mb="${1:-50}"
shapes="${2:-both}"
[ "$shapes" = both ] && shapes="plain exporter"
out="$root/bench/out"
mkdir -p "$out"

# measure NAME COMMAND...: best wall time of 5 runs (the least disturbed by other work on the
# machine, for every tool alike) and, from one more run under GNU time, the peak RSS. The clock
# is bash's own (EPOCHREALTIME): a `date` process or GNU time around the timed runs would add
# 2-3 ms of their own start to every tool, a tenth of promdesk's run.
measure() {
    local name=$1; shift
    local best="" start end wall
    for _ in 1 2 3 4 5; do
        start=$EPOCHREALTIME
        "$@" >/dev/null 2>"$out/$name.stderr" || true
        end=$EPOCHREALTIME
        wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; fi
    done
    /usr/bin/time -f '%M' -o "$out/time.txt" "$@" >/dev/null 2>"$out/$name.stderr" || true
    local rss
    read -r rss < "$out/time.txt"
    printf '%-28s %8.4f s %9.1f MB\n' "$name" "$best" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
    eval "${name//[^a-z]/_}_time=$best; ${name//[^a-z]/_}_rss=$rss"
}

# bench_shape SHAPE: generates (once) and measures one input.
bench_shape() {
    local shape=$1
    file="$out/exposition-${shape}-${size_mb}mb.prom"
    [ -f "$file" ] || /usr/bin/python3 "$root/bench/generate_exposition.py" "$file" "$size_mb" "$shape"
    file_bytes=$(stat -c %s "$file")
    printf 'input: %s (%.1f MB, %s lines)\n\n' "$file" "$(awk -v b="$file_bytes" 'BEGIN{print b/1e6}')" "$(wc -l < "$file")"
    printf '%-28s %11s %12s\n' tool wall "peak RSS"
    measure promdesk "$cli" validate "$file"
    measure promtool sh -c "promtool check metrics < '$file'"
    measure prometheus_client /usr/bin/python3 -c "
import sys
from prometheus_client.parser import text_fd_to_metric_families
with open(sys.argv[1]) as f:
    for _ in text_fd_to_metric_families(f):
        pass" "$file"

    echo
    # shellcheck disable=SC2154 # measure() sets these with eval
    awk -v p="$promdesk_time" -v t="$promtool_time" -v c="$prometheus_client_time" -v rss="$promdesk_rss" -v fb="$file_bytes" 'BEGIN {
        pt = t / p; pc = c / p; mem = rss * 1024 / fb
        printf "promdesk vs promtool check metrics: %.1fx faster (target >= 20x) %s\n", pt, (pt >= 20 ? "PASS" : "MISS")
        printf "promdesk vs prometheus_client:      %.1fx faster (target >= 30x) %s\n", pc, (pc >= 30 ? "PASS" : "MISS")
        printf "promdesk peak memory / file size:   %.2f (target <= 2)           %s\n", mem, (mem <= 2 ? "PASS" : "MISS")
    }'
}

for shape in $shapes; do
    bench_shape "$shape"
    echo
done
