#!/usr/bin/env bash
# The console's own numbers (issue 8), measured under Xvfb like a desktop session:
#  - launch to first painted window, best of 5 (target < 500 ms);
#  - the longest GUI-thread stall while the Backfill view imports and sends 1M samples
#    (1,000 series x 1,000 points) into a local Prometheus, from an event-loop latency probe
#    (target < 50 ms);
#  - the peak memory of that run (target < 300 MB).
# These targets are absolute: no other tool does what the console does to compare with.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gui="$root/build/app/promdesk"
bench_gui="$root/build/bench/promdesk-bench-gui"
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
export PROMDESK_DATA_DIR="$work/data" PROMDESK_CONFIG_DIR="$work/config"

# shellcheck source=bench/prometheus.sh
. "$root/bench/prometheus.sh"
/usr/bin/python3 "$root/bench/generate_samples.py" "$work/samples.prom"
start_prometheus gui
write_url="$url/api/v1/write"

display=(xvfb-run -a -s '-screen 0 1280x800x24')
command -v xvfb-run >/dev/null || { display=(env QT_QPA_PLATFORM=offscreen); echo "(no xvfb-run: offscreen)"; }

"${display[@]}" bash -c "
    for run in 1 2 3 4 5; do
        start=\$(date +%s%3N)
        painted=\$('$gui' --report-first-paint 2>/dev/null | awk '/first_paint_epoch_ms/ { print \$2 }')
        echo \$(( painted - start ))
    done" > "$work/first-paint.txt"
"${display[@]}" "$bench_gui" "$work/samples.prom" "$write_url" > "$work/gui.txt" 2> "$work/gui.err" || {
    cat "$work/gui.err"
    exit 1
}

first_paint=$(sort -n "$work/first-paint.txt" | head -n 1)
stall=$(awk '/^worst_stall_ms/ { print $2 }' "$work/gui.txt")
rss_kb=$(awk '/^peak_rss_kb/ { print $2 }' "$work/gui.txt")
echo "input: 1,000,000 samples ($(du -m "$work/samples.prom" | cut -f1) MB), Prometheus at $url"
sed -n 's/^progress /backfill view: /p; s/^import_ms /import and plan: /p; s/^backfill_ms /send: /p' "$work/gui.txt"
echo "first paint, 5 launches (ms): $(tr '\n' ' ' < "$work/first-paint.txt")"
awk -v f="$first_paint" -v s="$stall" -v r="$rss_kb" 'BEGIN {
    printf "launch to first paint:     %6.0f ms  (target < 500 ms) %s\n", f, (f < 500 ? "PASS" : "MISS")
    printf "longest GUI-thread stall:  %6.1f ms  (target < 50 ms)  %s\n", s, (s < 50 ? "PASS" : "MISS")
    printf "peak memory, 1M samples:   %6.0f MB  (target < 300 MB) %s\n", r / 1024, (r / 1024 < 300 ? "PASS" : "MISS")
}'
