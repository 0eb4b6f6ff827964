#!/usr/bin/env bash
# Replaces a 10k-series group on a local Pushgateway with promdesk-cli push, and with curl sending
# the same prepared body, in one run; prints the median wall times and their ratio.
# Target (issue 4): promdesk-cli push ≤ 1.5× curl's wall time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${PROMDESK_CLI:-$root/build/app/promdesk-cli}"
runs="${RUNS:-301}"
work="$(mktemp -d)"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
prometheus-pushgateway --web.listen-address="127.0.0.1:$port" --persistence.file="$work/pgw.data" >"$work/pgw.log" 2>&1 &
pgw=$!
trap 'kill $pgw 2>/dev/null; wait $pgw 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done

/usr/bin/python3 - "$work/metrics.prom" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    for family in range(100):
        out.write(f"# HELP bench_metric_{family} Benchmark family {family}.\n# TYPE bench_metric_{family} gauge\n")
        for i in range(100):
            out.write(f'bench_metric_{family}{{host="host-{i}",path="/srv/data/{i}"}} {family * 1000 + i}.5\n')
PY
"$cli" convert --to text --no-timestamps --output "$work/body.prom" "$work/metrics.prom"
url="http://127.0.0.1:$port/metrics/job/bench/instance/bench-host"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_runs() {
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 ))
    done | median
}

export PROMDESK_DATA_DIR="$work/history"
push=("$cli" push --url "http://127.0.0.1:$port" --job bench --group instance=bench-host "$work/metrics.prom")
# Recorded and unrecorded pushes alternate, so a drift of the machine (caches, frequency, the
# gateway's own state) weighs on both alike; the history's cost is the difference of medians.
for _ in $(seq 1 "$runs"); do
    for mode in recorded unrecorded; do
        start=$(date +%s%N)
        if [ $mode = recorded ]; then "${push[@]}" >/dev/null 2>&1; else PROMDESK_NO_HISTORY=1 "${push[@]}" >/dev/null 2>&1; fi
        echo $(( ($(date +%s%N) - start) / 1000 )) >> "$work/$mode.us"
    done
done
promdesk_us=$(median < "$work/recorded.us")
unrecorded_us=$(median < "$work/unrecorded.us")
# Each recorded push against the unrecorded one right after it: the median of those differences
# is what recording costs, with the machine's drift and most of its noise cancelled out.
recording_us=$(paste "$work/recorded.us" "$work/unrecorded.us" | awk '{print $1 - $2}' | median)
curl_us=$(time_runs curl -fsS -X PUT -H 'Content-Type: text/plain; version=0.0.4; charset=utf-8' --data-binary @"$work/body.prom" "$url")
# Both must have left the same group behind.
"$cli" groups --url "http://127.0.0.1:$port" --job bench | grep -c '^    bench_metric_' | xargs -I{} echo "series in the group: {}"

printf 'input: 10,000 series, %s bytes of body; %s runs each (median)\n' "$(stat -c %s "$work/body.prom")" "$runs"
printf '%-26s %8.1f ms\n' "promdesk-cli push" "$(awk -v u="$promdesk_us" 'BEGIN{print u/1000}')"
printf '%-26s %8.1f ms\n' "curl (prepared body)" "$(awk -v u="$curl_us" 'BEGIN{print u/1000}')"
printf '%-26s %8.1f ms\n' "promdesk-cli, no history" "$(awk -v u="$unrecorded_us" 'BEGIN{print u/1000}')"
awk -v p="$promdesk_us" -v c="$curl_us" 'BEGIN { r = p / c; printf "promdesk / curl: %.2fx (target <= 1.5x) %s\n", r, (r <= 1.5 ? "PASS" : "MISS") }'
awk -v d="$recording_us" -v u="$unrecorded_us" 'BEGIN { r = d * 100 / u; printf "history recording adds %.1f%% to a push (median of %s paired differences; target < 5%%) %s\n", r, '"$runs"', (r < 5 ? "PASS" : "MISS") }'
