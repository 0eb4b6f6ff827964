#!/usr/bin/env bash
# Backfills 1,000,000 samples (1,000 series × 1,000 points) into a local Prometheus with
# promdesk-cli backfill (parse, plan, encode, send), and, in the same run, sends the very same
# pre-encoded request bodies with one curl process into another fresh Prometheus: the
# receiver-bound floor. Rounds repeat (ROUNDS, default 7), each with the two in turn and the
# order switched every round, and the median ratio counts: this machine's speed drifts by tens of
# percent within a minute. Also prints the encoding speed on one core.
# Targets (issue 5): promdesk ≤ 1.3× the floor; encoding ≥ 5M samples/s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${PROMDESK_CLI:-$root/build/app/promdesk-cli}"
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
export PROMDESK_DATA_DIR="$work/data" PROMDESK_CONFIG_DIR="$work/config"

# shellcheck source=bench/prometheus.sh
. "$root/bench/prometheus.sh"
/usr/bin/python3 "$root/bench/generate_samples.py" "$work/samples.prom"
echo "input: $(wc -l < "$work/samples.prom") lines, $(du -m "$work/samples.prom" | cut -f1) MB"

# The bodies the plan sends; the URL in the dry run only names them.
"$cli" backfill --dry-run --save-requests "$work/bodies" --url http://127.0.0.1:9 "$work/samples.prom" > "$work/plan.txt"
requests=$(ls "$work/bodies" | wc -l)
rounds=${ROUNDS:-7}

# One measurement each: curl sends the bodies into a fresh Prometheus one after another, in the
# plan's order (shards interleaved by time, as one sender must), or promdesk-cli backfills the
# file into a fresh one. A refused request costs the receiver far less than an applied one, so a
# floor counts only when every request was applied. Each receiver is stopped, and waited for,
# before the next starts: one that is still shutting down (it takes about two seconds to close
# its storage) must not share the machine with the next measurement.
measure_floor() {
    start_prometheus "floor-$1"
    local floor_url=$url floor_pid=${pids[-1]}
    for body in "$work"/bodies/*.bin; do
        printf 'url = "%s/api/v1/write"\ndata-binary = "@%s"\nheader = "Content-Encoding: snappy"\nheader = "Content-Type: application/x-protobuf"\nheader = "X-Prometheus-Remote-Write-Version: 0.1.0"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$floor_url" "$body"
    done | sed '$d' > "$work/curl.cfg"
    local start
    start=$(date +%s%N)
    curl -sS -K "$work/curl.cfg" > "$work/curl-status.txt"
    floor_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    local applied
    applied=$(grep -c '^204$' "$work/curl-status.txt" || true)
    if [ "$applied" -ne "$requests" ]; then
        echo "curl: only $applied of $requests requests were applied:"; sort "$work/curl-status.txt" | uniq -c; exit 1
    fi
    kill "$floor_pid"
    wait "$floor_pid" 2>/dev/null || true
}

measure_promdesk() {
    start_prometheus "promdesk-$1"
    local promdesk_pid=${pids[-1]} start
    start=$(date +%s%N)
    "$cli" backfill --url "$url" "$work/samples.prom" > /dev/null 2> "$work/promdesk.err" || { cat "$work/promdesk.err"; exit 1; }
    promdesk_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    kill "$promdesk_pid"
    wait "$promdesk_pid" 2>/dev/null || true
}

# Rounds alternate which goes first, so that neither always follows the other.
round() {
    if (( $1 % 2 )); then
        measure_floor "$1"; measure_promdesk "$1"
    else
        measure_promdesk "$1"; measure_floor "$1"
    fi
}

echo "$(head -n 1 "$work/plan.txt")"
for r in $(seq 1 "$rounds"); do
    round "$r"
    ratio=$(awk -v p="$promdesk_ms" -v c="$floor_ms" 'BEGIN { printf "%.2f", p / c }')
    printf 'round %d: curl floor %5d ms, promdesk-cli backfill %5d ms, ratio %sx\n' "$r" "$floor_ms" "$promdesk_ms" "$ratio"
    echo "$ratio" >> "$work/ratios.txt"
done
tail -n 1 "$work/promdesk.err"
sort -n "$work/ratios.txt" | awk -v n="$rounds" '{ r[NR] = $1 } END {
    m = r[int((n + 1) / 2)]
    printf "promdesk / floor, median of %d rounds: %.2fx (target <= 1.3x) %s\n", n, m, (m <= 1.3 ? "PASS" : "MISS") }'
taskset -c 0 "$root/build/bench/promdesk-bench-encode"
