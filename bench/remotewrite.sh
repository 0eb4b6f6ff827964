#!/usr/bin/env bash
# Backfills 1,000,000 samples (1,000 series × 1,000 points) into a local Prometheus with
# promdesk-cli backfill (parse, plan, encode, send), and, in the same run, sends the very same
# pre-encoded request bodies with one curl process into another fresh Prometheus: the
# receiver-bound floor. Also prints the encoding speed on one core.
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

start_prometheus floor
floor_url=$url
"$cli" backfill --dry-run --save-requests "$work/bodies" --url "$floor_url" "$work/samples.prom" > "$work/plan.txt"
for body in "$work"/bodies/*.bin; do
    printf 'url = "%s/api/v1/write"\ndata-binary = "@%s"\nheader = "Content-Encoding: snappy"\nheader = "Content-Type: application/x-protobuf"\nheader = "X-Prometheus-Remote-Write-Version: 0.1.0"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$floor_url" "$body"
done | sed '$d' > "$work/curl.cfg"
requests=$(ls "$work/bodies" | wc -l)

# In the plan's order (shards interleaved by time), as one sender must send them. A refused
# request costs the receiver far less than an applied one, so the floor counts only when every
# request was applied.
start=$(date +%s%N)
curl -sS -K "$work/curl.cfg" > "$work/curl-status.txt"
floor_ms=$(( ($(date +%s%N) - start) / 1000000 ))
applied=$(grep -c '^204$' "$work/curl-status.txt" || true)
if [ "$applied" -ne "$requests" ]; then
    echo "curl: only $applied of $requests requests were applied:"; sort "$work/curl-status.txt" | uniq -c; exit 1
fi

start_prometheus promdesk
promdesk_url=$url
start=$(date +%s%N)
"$cli" backfill --url "$promdesk_url" "$work/samples.prom" > /dev/null 2> "$work/promdesk.err"
promdesk_ms=$(( ($(date +%s%N) - start) / 1000000 ))
tail -n 1 "$work/promdesk.err"

printf 'curl, %s pre-encoded requests (floor): %6d ms\n' "$requests" "$floor_ms"
printf 'promdesk-cli backfill (parse+send):   %6d ms\n' "$promdesk_ms"
awk -v p="$promdesk_ms" -v c="$floor_ms" 'BEGIN { r = p / c; printf "promdesk / floor: %.2fx (target <= 1.3x) %s\n", r, (r <= 1.3 ? "PASS" : "MISS") }'
taskset -c 0 "$root/build/bench/promdesk-bench-encode"
