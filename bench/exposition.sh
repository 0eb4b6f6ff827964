#!/usr/bin/env bash
# Parses generated exposition files with promdesk-cli validate, promtool check metrics and Python's
# prometheus_client, in one run, and prints time (best and median of five rounds), peak memory and
# the ratios, for two shapes of
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
: > "$out/stderr.txt" # what the tools print, kept from this run only

# wall INPUT COMMAND...: seconds one run of COMMAND takes with INPUT on its standard input, by
# bash's own clock (EPOCHREALTIME): a `date` process, GNU time or a shell around it would add their
# own start to the tool's time, a tenth of promdesk's run. A tool that fails (exit status above 1:
# a crash, a usage error) stops the bench: its time would mean nothing.
wall() {
    local input=$1 start end status=0
    shift
    start=$EPOCHREALTIME
    "$@" < "$input" >/dev/null 2>>"$out/stderr.txt" || status=$?
    end=$EPOCHREALTIME
    if [ "$status" -gt 1 ]; then
        echo "exposition.sh: '$*' failed with status $status (bench/out/stderr.txt)" >&2
        exit 1
    fi
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }'
}

# peak_rss INPUT COMMAND...: the peak RSS of one run, in KB, from GNU time.
peak_rss() {
    local input=$1
    shift
    /usr/bin/time -f '%M' -o "$out/time.txt" "$@" < "$input" >/dev/null 2>>"$out/stderr.txt" || true
    cat "$out/time.txt"
}

client_script='
import sys
from prometheus_client.parser import text_fd_to_metric_families
with open(sys.argv[1]) as f:
    for _ in text_fd_to_metric_families(f):
        pass'
tools="promdesk promtool prometheus_client"

# set_commands FILE: each tool's command line for the input, as an array named after the tool,
# and what it reads on standard input (promtool check metrics reads only that).
declare -A stdin_of
set_commands() {
    promdesk=("$cli" validate "$1")
    promtool=(promtool check metrics)
    prometheus_client=(/usr/bin/python3 -c "$client_script" "$1")
    stdin_of=([promdesk]=/dev/null [promtool]=$1 [prometheus_client]=/dev/null)
}

# bench_shape SHAPE: generates (once) and measures one input: five rounds of one run of each tool
# in turn, so that a busy spell of the machine falls on every tool alike, then each tool's best
# (the least disturbed run: the figure the targets are checked on) and median; the peak RSS from
# one more run each.
bench_shape() {
    local shape=$1 tool round
    file="$out/exposition-${shape}-${size_mb}mb.prom"
    [ -f "$file" ] || /usr/bin/python3 "$root/bench/generate_exposition.py" "$file" "$size_mb" "$shape"
    file_bytes=$(stat -c %s "$file")
    printf 'input: %s (%.1f MB, %s lines)\n\n' "$file" "$(awk -v b="$file_bytes" 'BEGIN{print b/1e6}')" "$(wc -l < "$file")"
    set_commands "$file"
    for tool in $tools; do : > "$out/$tool.walls"; done
    for round in 1 2 3 4 5; do
        for tool in $tools; do
            local -n command=$tool
            wall "${stdin_of[$tool]}" "${command[@]}" >> "$out/$tool.walls"
            unset -n command
        done
    done
    printf '%-28s %11s %11s %12s\n' tool "wall, best" median "peak RSS"
    for tool in $tools; do
        read -r best median < <(sort -n "$out/$tool.walls" | awk '{ w[NR] = $1 } END { print w[1], w[int((NR + 1) / 2)] }')
        local -n command=$tool
        rss=$(peak_rss "${stdin_of[$tool]}" "${command[@]}")
        unset -n command
        printf '%-28s %9.4f s %9.4f s %9.1f MB\n' "$tool" "$best" "$median" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
        eval "${tool}_time=$best; ${tool}_median=$median; ${tool}_rss=$rss"
    done

    echo
    # shellcheck disable=SC2154 # the loop above sets these with eval
    awk -v p="$promdesk_time" -v t="$promtool_time" -v c="$prometheus_client_time" \
        -v pm="$promdesk_median" -v tm="$promtool_median" -v cm="$prometheus_client_median" \
        -v rss="$promdesk_rss" -v fb="$file_bytes" 'BEGIN {
        pt = t / p; pc = c / p; mem = rss * 1024 / fb
        printf "promdesk vs promtool check metrics: %.1fx faster (target >= 20x) %s  (medians: %.1fx)\n", pt, (pt >= 20 ? "PASS" : "MISS"), tm / pm
        printf "promdesk vs prometheus_client:      %.1fx faster (target >= 30x) %s  (medians: %.1fx)\n", pc, (pc >= 30 ? "PASS" : "MISS"), cm / pm
        printf "promdesk peak memory / file size:   %.2f (target <= 2)           %s\n", mem, (mem <= 2 ? "PASS" : "MISS")
    }'
}

for shape in $shapes; do
    bench_shape "$shape"
    echo
done
