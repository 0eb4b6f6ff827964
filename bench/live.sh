#!/usr/bin/env bash
# Live jobs (issue 16), against a local Pushgateway, in one run:
#  - one job at 10 ticks/s for 60 s: how late each tick starts (p99 < 20 ms, the 600th tick within
#    50 ms), beside the peer, a prometheus_client loop scheduled the same way (push_to_gateway
#    every 100 ms, sleeping until each tick is due);
#  - resident memory over 10,000 ticks (growth < 5 MB);
#  - what 10,000 ticks of a 1 KB draft add to the history (<= 5 MB);
#  - three jobs in the console (Jobs view shown, under Xvfb): the longest GUI-thread stall (< 16 ms).
# Ratios and figures only: nothing here is a timed assertion.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
prometheus-pushgateway --web.listen-address="127.0.0.1:$port" --persistence.file="$work/pgw.data" >"$work/pgw.log" 2>&1 &
pgw=$!
trap 'kill $pgw 2>/dev/null; wait $pgw 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done
url="http://127.0.0.1:$port"
export PROMDESK_DATA_DIR="$work/data" PROMDESK_CONFIG_DIR="$work/config"

echo "== lateness, one job at 10 ticks/s for 60 s (ms)"
promdesk=$("$root/build/bench/promdesk-bench-live" lateness "$url" | grep lateness_ms)
peer=$(/usr/bin/python3 "$root/bench/live_peer.py" "$url")
echo "promdesk          $promdesk"
echo "prometheus_client $peer"
/usr/bin/python3 - "$promdesk" "$peer" <<'PY'
import sys
p = dict(zip(*[iter(sys.argv[1].split()[1:])] * 2))
q = dict(zip(*[iter(sys.argv[2].split()[1:])] * 2))
print("600th tick: promdesk %s ms late, prometheus_client %s ms late" % (p["tick600"], q["tick600"]))
PY

echo "== memory over 10,000 ticks"
"$root/build/bench/promdesk-bench-live" memory "$url"

echo "== history, 10,000 ticks of a 1 KB draft"
"$root/build/bench/promdesk-bench-live-history" | tail -n 1

echo "== console, three jobs of three machines at 10 ticks/s for 20 s"
display=(xvfb-run -a -s '-screen 0 1280x800x24')
command -v xvfb-run >/dev/null || { display=(env QT_QPA_PLATFORM=offscreen); echo "(no xvfb-run: offscreen)"; }
"${display[@]}" "$root/build/bench/promdesk-bench-gui" --jobs "$url"
