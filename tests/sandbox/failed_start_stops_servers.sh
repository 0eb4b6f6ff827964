#!/usr/bin/env bash
# A sandbox whose Prometheus starts but never listens: `sandbox.sh start` fails, and leaves
# neither that Prometheus nor the Pushgateway it had started running, nor a list of process ids
# that a later `stop` would kill once they are reused.
#   failed_start_stops_servers.sh SANDBOX_SH
set -euo pipefail
sandbox="$1"
scratch="$(mktemp -d)"
export PROMDESK_SANDBOX_DIR="$scratch/sandbox"
trap 'pkill -f "$PROMDESK_SANDBOX_DIR" || true; rm -rf "$scratch"' EXIT

mkdir -p "$scratch/bin"
cat > "$scratch/bin/prometheus" <<'STUB'
#!/usr/bin/env bash
# Runs with Prometheus' arguments on its command line (the sandbox's directory among them), and
# never opens a port.
while true; do sleep 1; done
STUB
chmod +x "$scratch/bin/prometheus"

if PATH="$scratch/bin:$PATH" bash "$sandbox" start > "$scratch/start.out" 2>&1; then
    echo "FAIL: start succeeded with a Prometheus that never listens" >&2
    exit 1
fi
grep -q "did not become ready" "$scratch/start.out" || {
    echo "FAIL: start did not say what failed: $(cat "$scratch/start.out")" >&2
    exit 1
}
for _ in $(seq 1 30); do # killed processes take a moment to go
    pgrep -f "$PROMDESK_SANDBOX_DIR" >/dev/null || break
    sleep 0.1
done
if left=$(pgrep -af "$PROMDESK_SANDBOX_DIR"); then
    echo "FAIL: still running after the failed start: $left" >&2
    exit 1
fi
if [ -e "$PROMDESK_SANDBOX_DIR/sandbox.env" ]; then
    echo "FAIL: the failed start left $PROMDESK_SANDBOX_DIR/sandbox.env, whose process ids a later stop would kill" >&2
    exit 1
fi
echo "ok: a failed start leaves nothing running"
