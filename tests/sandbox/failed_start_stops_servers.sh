#!/usr/bin/env bash
# A sandbox whose Prometheus starts but never listens: `sandbox.sh start` fails, shows the ends of
# the servers' logs, and leaves neither server running nor a list of process ids that a later
# `stop` would kill once they are reused. Both servers are stand-ins that write their process id
# down: a Pushgateway that answers (so the wait for Prometheus is reached) and a Prometheus that
# never opens its port.
#   failed_start_stops_servers.sh SANDBOX_SH
set -euo pipefail
sandbox="$1"
scratch="$(mktemp -d)"
export PROMDESK_SANDBOX_DIR="$scratch/sandbox" STAND_IN_PIDS="$scratch/pids"
# Kills the stand-ins a failed check left running, each only while it still is one of them (its
# environment names this run's list), never a process that has reused its id.
cleanup() {
    if [ -f "$STAND_IN_PIDS" ]; then
        while read -r pid; do
            if grep -qzxF "STAND_IN_PIDS=$STAND_IN_PIDS" "/proc/$pid/environ" 2>/dev/null; then
                kill -9 "$pid" 2>/dev/null || true
            fi
        done < "$STAND_IN_PIDS"
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

mkdir -p "$scratch/bin"
cat > "$scratch/bin/prometheus-pushgateway" <<'STUB'
#!/usr/bin/env bash
echo "$$" >> "$STAND_IN_PIDS"
address="${1#--web.listen-address=}"
echo "stand-in Pushgateway on $address"
exec /usr/bin/python3 -c '
import http.server, sys
host, port = sys.argv[1].rsplit(":", 1)
class Ready(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer((host, int(port)), Ready).serve_forever()' "$address"
STUB
cat > "$scratch/bin/prometheus" <<'STUB'
#!/usr/bin/env bash
echo "$$" >> "$STAND_IN_PIDS"
echo "stand-in Prometheus: never listens"
while true; do sleep 1; done
STUB
chmod +x "$scratch/bin/prometheus-pushgateway" "$scratch/bin/prometheus"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
if PATH="$scratch/bin:$PATH" bash "$sandbox" start > "$scratch/start.out" 2>&1; then
    fail "start succeeded with a Prometheus that never listens"
fi
grep -q "did not become ready" "$scratch/start.out" || fail "start did not say what failed: $(cat "$scratch/start.out")"
grep -q "stand-in Prometheus: never listens" "$scratch/start.out" || fail "start did not show the logs' ends: $(cat "$scratch/start.out")"
[ "$(wc -l < "$STAND_IN_PIDS")" -eq 2 ] || fail "expected both stand-ins to start: $(cat "$STAND_IN_PIDS")"
while read -r pid; do
    if kill -0 "$pid" 2>/dev/null; then
        fail "process $pid ($(tr '\0' ' ' < "/proc/$pid/cmdline")) still runs after the failed start"
    fi
done < "$STAND_IN_PIDS"
[ ! -e "$PROMDESK_SANDBOX_DIR/sandbox.env" ] \
    || fail "the failed start left sandbox.env, whose process ids a later stop would kill"
echo "ok: a failed start leaves nothing running"
